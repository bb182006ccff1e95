// A records sheet with 受給者証番号 and the J611 billing file of it with planted differences, for the add-in tests.
import { localGovCode, writeJ611, type J611Day } from '../helpers/j611.ts';
import type { Cell } from './fixture.ts';

export const RECIPIENT_A = '2810000001';
/** a 受給者証番号 of the billing file that no record has */
export const UNMATCHED = '9990000009';
export const HOME_DAYS = [1, 2, 5];
/** records 10/1–10/18, one row each from row 4 (title, blank, header): row = day + 3 */
export const LAST_DAY = 18;
export const rowOfDay = (day: number) => day + 3;

/** 利用者A's October: home on HOME_DAYS, on site otherwise; contacts, 日報 and work content on home days. */
export function recordsSheet(): Cell[][] {
  const rows: Cell[][] = [['令和8年10月 在宅利用記録'], [], ['日付', '利用者名', '受給者証番号', '利用形態', '開始時間', '終了時間', '連絡1', '連絡2', '日報', '作業内容']];
  for (let d = 1; d <= LAST_DAY; d++) {
    const home = HOME_DAYS.includes(d);
    rows.push([`2026/10/${d}`, '利用者A', RECIPIENT_A, home ? '在宅' : '通所', '9:30', '15:30', home ? '9:30 電話' : '', home ? '15:30 メール' : '', home ? '○' : '', home ? 'データ入力' : '']);
  }
  return rows;
}

/**
 * The billing file (line = its CSV line; lines 7, 20 and 21 fall on quiet record rows, so a test sees that a
 * billing line never colours the row of that number): every recorded day billed except home day 5 (not billed); day 6 (通所 in the records) billed
 * as 在宅; day 20 billed as 在宅 with no record (a line of the CSV only); a 02 record with day 32 (malformed);
 * one day of a 受給者証番号 no record has.
 */
export function billingBytes(): Uint8Array {
  const days: J611Day[] = [];
  for (let d = 1; d <= LAST_DAY; d++) {
    if (d === 5) continue;
    days.push({ day: d, start: 570, end: 930, remark: HOME_DAYS.includes(d) ? '在宅就労' : d === 6 ? '在宅' : '' });
  }
  days.push({ day: 20, start: 570, end: 930, remark: '在宅' });
  days.push({ day: 32, start: 570, end: 930, remark: '' });
  const code = localGovCode('13101');
  return writeJ611({
    providerNo: '1312345678',
    months: [
      { month: '2026-10', municipalityCode: code, recipientNo: RECIPIENT_A, days },
      { month: '2026-10', municipalityCode: code, recipientNo: UNMATCHED, days: [{ day: 1, start: 570, end: 930, remark: '在宅就労' }] },
    ],
  });
}
