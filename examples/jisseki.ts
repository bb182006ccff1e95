// The national サービス提供実績記録票 (就労継続支援), one sheet per user, with a 利用者台帳 sheet (issue 10).
// The form has no 在宅 column: home days are written in 備考. サービス提供の状況 holds billing statuses.
import type ExcelJS from 'exceljs';
import { type ExampleFile, excelDate, excelTime, HEADER_FILL, iso, newWorkbook, type Planted, serviceDays, weekday, weekdayJa, workbookBuffer } from './build.ts';

export interface JissekiDay {
  day: number;
  /** サービス提供の状況: '' for an ordinary day */
  status: string;
  start: string | null;
  end: string | null;
  /** 1 in the 施設外支援 column */
  offsite?: boolean;
  confirm: string | null;
  remark: string | null;
}

export interface JissekiUser {
  name: string;
  recipientNo: string;
  municipality: string;
  service: string;
  certFrom: string;
  certTo: string;
  arrival: string;
  weekdays: string;
}

const HEAD = ['日付', '曜日', 'サービス提供の状況', '開始時間', '終了時間', '送迎加算', null, '訪問支援特別加算（時間数）', '食事提供体制加算', '医療連携体制加算', '体験利用支援加算', '地域協働加算', '緊急時受入加算', '集中的支援加算', '施設外支援', '利用者確認欄', '備考'] as const;
export const FIRST_DAY_ROW = 8;

function merge(ws: ExcelJS.Worksheet, range: string, value: ExcelJS.CellValue): void {
  ws.mergeCells(range);
  ws.getCell(range.split(':')[0]!).value = value;
}

/** One user's month on the official form; returns the row of each day. */
export function writeJissekiSheet(wb: ExcelJS.Workbook, u: JissekiUser, days: JissekiDay[]): Map<number, number> {
  const ws = wb.addWorksheet(u.name);
  merge(ws, 'A1:Q1', 'サービス提供実績記録票（就労継続支援）');
  ws.getCell('A1').font = { bold: true, size: 14 };
  merge(ws, 'A2:B2', 'サービス提供年月');
  ['令和', 8, '年', 10, '月分'].forEach((v, i) => (ws.getRow(2).getCell(3 + i).value = v));
  merge(ws, 'A3:B3', '受給者証番号');
  [...u.recipientNo].forEach((d, i) => (ws.getRow(3).getCell(3 + i).value = Number(d)));
  merge(ws, 'M3:O3', '支給決定障害者氏名');
  merge(ws, 'P3:Q3', u.name.replace(' ', '　'));
  merge(ws, 'A4:B4', '事業所番号');
  [...'4012345678'].forEach((d, i) => (ws.getRow(4).getCell(3 + i).value = Number(d)));
  merge(ws, 'M4:O4', '事業者及びその事業所');
  merge(ws, 'P4:Q4', '就労支援センターひかり');
  merge(ws, 'A5:B5', '契約支給量');
  ws.getCell('C5').value = '当該月の日数－8日';
  // two-row header: every column merged over rows 6–7 except 送迎加算 over 往 / 復
  HEAD.forEach((h, i) => {
    const col = String.fromCharCode(65 + i);
    if (h === '送迎加算') merge(ws, 'F6:G6', h);
    else if (h !== null) merge(ws, `${col}6:${col}7`, h);
  });
  ws.getCell('F7').value = '往';
  ws.getCell('G7').value = '復';
  for (const r of [6, 7]) ws.getRow(r).eachCell((c) => ((c.fill = HEADER_FILL), (c.font = { bold: true })));
  const rows = new Map<number, number>();
  let r = FIRST_DAY_ROW;
  for (const d of days) {
    const row = ws.getRow(r);
    row.getCell(1).value = d.day;
    row.getCell(2).value = weekdayJa(d.day);
    if (d.status) row.getCell(3).value = d.status;
    for (const [c, t] of [[4, d.start], [5, d.end]] as const) {
      if (t === null) continue;
      row.getCell(c).value = excelTime(t);
      row.getCell(c).numFmt = 'h:mm';
    }
    if (d.status !== '欠席時対応') row.getCell(9).value = 1; // 食事提供体制加算
    if (d.offsite) row.getCell(15).value = 1;
    if (d.confirm) row.getCell(16).value = d.confirm;
    if (d.remark) row.getCell(17).value = d.remark;
    rows.set(d.day, r++);
  }
  const served = days.filter((d) => d.status !== '欠席時対応').length;
  const offsite = days.filter((d) => d.offsite).length;
  merge(ws, `A${r}:B${r}`, '合計');
  ws.getRow(r).getCell(9).value = served;
  ws.getRow(r).getCell(15).value = offsite;
  r++;
  merge(ws, `A${r}:B${r}`, '施設外支援');
  ['当月', offsite, '日', '累計', offsite + 12, '日', '上限', '180日'].forEach((v, i) => (ws.getRow(r).getCell(3 + i).value = v));
  r++;
  merge(ws, `A${r}:B${r}`, '初期加算');
  ws.getRow(r).getCell(3).value = '利用開始日';
  ws.getRow(r).getCell(4).value = excelDate('2025-04-01');
  ws.getRow(r).getCell(4).numFmt = 'yyyy/m/d';
  ws.getRow(r).getCell(5).value = '30日目';
  ws.getRow(r).getCell(6).value = excelDate('2025-04-30');
  ws.getRow(r).getCell(6).numFmt = 'yyyy/m/d';
  ws.getRow(r).getCell(7).value = '当月算定日数';
  ws.getRow(r).getCell(8).value = 0;
  r++;
  [1, '枚中', 1, '枚目'].forEach((v, i) => (ws.getRow(r).getCell(1 + i).value = v));
  return rows;
}

export const USER_TABLE_HEADERS = ['氏名', '受給者証番号', '支給決定市町村', 'サービス種類', '受給者証の在宅利用期間（開始）', '受給者証の在宅利用期間（終了）', '駆けつけ時間', '個別支援計画の在宅曜日'];

/** 2026-04-01 → 令和8年4月1日 (as staff type it). */
function reiwa(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `令和${y - 2018}年${m}月${d}日`;
}

/** The 利用者台帳: one row per user. */
export function writeUserTableSheet(wb: ExcelJS.Workbook, name: string, users: JissekiUser[]): void {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = '利用者台帳（令和8年度）';
  ws.getCell('A1').font = { bold: true };
  const header = ws.getRow(2);
  USER_TABLE_HEADERS.forEach((h, i) => ((header.getCell(i + 1).value = h), (header.getCell(i + 1).fill = HEADER_FILL)));
  users.forEach((u, i) => {
    const row = ws.getRow(3 + i);
    [u.name, u.recipientNo, u.municipality, u.service].forEach((v, k) => (row.getCell(k + 1).value = v));
    for (const [k, d] of [[5, u.certFrom], [6, u.certTo]] as const) row.getCell(k).value = reiwa(d);
    row.getCell(7).value = u.arrival;
    row.getCell(8).value = u.weekdays;
  });
  [12, 14, 12, 16, 16, 16, 10, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

const HOME_WEEKDAYS = new Set([1, 2, 4, 5]);

/** A month on the form: home on Mon/Tue/Thu/Fri (在宅就労 in 備考), on-site on Wednesdays (blank status, no remark). */
export function jissekiMonth(confirm: string): JissekiDay[] {
  return serviceDays().map((day) => {
    const home = HOME_WEEKDAYS.has(weekday(day));
    return { day, status: '', start: home ? '9:30' : '10:00', end: home ? '15:30' : '16:00', confirm, remark: home ? '在宅就労' : null };
  });
}

const dayPeriod = (d: number) => ({ from: iso(d), to: iso(d) });

export async function jissekiKirokuhyo(asOf: string[]): Promise<{ meta: ExampleFile; bytes: Buffer }> {
  const nakamura: JissekiUser = { name: '中村 さくら', recipientNo: '4013000066', municipality: '福岡市', service: '就労継続支援B型', certFrom: '2026-04-01', certTo: '2027-03-31', arrival: '30分', weekdays: '月・火・木・金' };
  const kobayashi: JissekiUser = { name: '小林 大輔', recipientNo: '2321300077', municipality: '西尾市', service: '就労継続支援A型', certFrom: '2026-04-01', certTo: '2026-10-28', arrival: '20分', weekdays: '月火木金' };
  const wb = newWorkbook();
  const planted: Planted[] = [];

  const n = jissekiMonth('中村');
  const at = (days: JissekiDay[], d: number) => days.find((x) => x.day === d)!;
  at(n, 8).remark = '在宅'; // 福岡市 asks for 「在宅就労」
  Object.assign(at(n, 14), { remark: '在宅就労' }); // a Wednesday: not in the plan's 月・火・木・金
  at(n, 22).confirm = null;
  Object.assign(at(n, 19), { status: '欠席時対応', start: null, end: null, remark: '体調不良のため欠席（在宅就労の予定）' });
  Object.assign(at(n, 28), { status: '施設外就労', remark: null });
  const nRows = writeJissekiSheet(wb, nakamura, n);
  const nSheet = nakamura.name;
  planted.push(
    { ruleId: 'record-remark', user: nakamura.name, severity: 'error', outcome: 'violation', period: dayPeriod(8), sheet: nSheet, rows: [nRows.get(8)!], what: { ja: '10/8 の備考が「在宅」だけ（福岡市は「在宅就労」）', en: 'Oct 8: 備考 says only 在宅 (Fukuoka asks for 在宅就労)' } },
    { ruleId: 'planned-home-day', user: nakamura.name, severity: 'error', outcome: 'violation', period: dayPeriod(14), sheet: nSheet, rows: [nRows.get(14)!], what: { ja: '10/14（水）は利用者台帳の在宅曜日（月・火・木・金）にない', en: 'Oct 14 (Wed) is not among the plan’s home weekdays in the user table' } },
    { ruleId: 'user-confirmation', user: nakamura.name, severity: 'warning', outcome: 'violation', period: dayPeriod(22), sheet: nSheet, rows: [nRows.get(22)!], what: { ja: '10/22 の利用者確認欄が空欄（福岡市）', en: 'Oct 22: 利用者確認欄 blank (Fukuoka)' } },
  );

  const k = jissekiMonth('小林');
  Object.assign(at(k, 7), { status: '施設外支援', offsite: true });
  const kRows = writeJissekiSheet(wb, kobayashi, k);
  for (const d of [29, 30]) {
    // the plan's weekday set counts only within the certificate period (西尾市: unplanned home days are errors)
    planted.push({ ruleId: 'planned-home-day', user: kobayashi.name, severity: 'error', outcome: 'violation', period: dayPeriod(d), sheet: kobayashi.name, rows: [kRows.get(d)!], what: { ja: `10/${d} は受給者証の在宅期間外のため、台帳の在宅曜日は計画として数えない`, en: `Oct ${d}: outside the certificate period, so the plan's weekdays do not count` } });
    planted.push({ ruleId: 'certificate-period', user: kobayashi.name, severity: 'error', outcome: 'violation', period: dayPeriod(d), sheet: kobayashi.name, rows: [kRows.get(d)!], what: { ja: `利用者台帳の在宅利用期間は 10/28 まで: 10/${d} は期間外`, en: `User table: certificate period ends Oct 28; Oct ${d} is outside` } });
  }
  writeUserTableSheet(wb, '利用者台帳', [nakamura, kobayashi]);
  return {
    meta: {
      file: 'jisseki-kirokuhyo.xlsx',
      title: { ja: '国の様式のサービス提供実績記録票（在宅は備考に記入）と利用者台帳シート', en: 'The national サービス提供実績記録票 (home days in 備考) with a 利用者台帳 sheet' },
      layout: 'per-user-sheet',
      packs: ['fukuoka', 'nishio'],
      args: asOf,
      expectedExit: 1,
      planted,
      alsoExpected: [],
    },
    bytes: await workbookBuffer(wb),
  };
}
