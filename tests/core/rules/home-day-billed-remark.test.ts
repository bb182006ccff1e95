import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay } from '../../helpers/records.ts';
import { billed, runBilling } from '../../helpers/billing.ts';

const ID = 'home-day-billed-remark';

describe('home-day-billed-remark (fukuoka)', () => {
  const fukuoka = (date: string) => homeDay(date, { municipality: '福岡市' });
  it('passes when the billed 備考 says 在宅就労 (spaces and full width tolerated)', () => {
    for (const remark of ['在宅就労', '在宅 就労（電話）']) {
      expect(findingsOf(runBilling([fukuoka('2026-10-07')], [billed('2026-10-07', { remark })]), ID)).toEqual([]);
    }
  });
  it('is an error when the billed 備考 only says 在宅, even though the sheet says 在宅就労', () => {
    const f = findingsOf(runBilling([fukuoka('2026-10-07')], [billed('2026-10-07', { remark: '在宅' })]), ID);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', source: '004 3(4)ウ', pack: 'fukuoka' });
    expect(f[0]!.message.ja).toContain('備考が「在宅」');
    expect(f[0]!.locations).toEqual([{ sheet: '記録', row: 2 }, { file: 'billing.csv', row: 3 }]);
  });
  it('starts on 2026-10-01 and is 福岡市 only', () => {
    expect(findingsOf(runBilling([fukuoka('2026-09-30')], [billed('2026-09-30', { remark: '' })]), ID)).toEqual([]);
    expect(findingsOf(runBilling([homeDay('2026-10-07', { municipality: '神戸市' })], [billed('2026-10-07', { remark: '' })]), ID)).toEqual([]);
  });
  it('takes the pack from the billed 市町村番号 when the records have no municipality', () => {
    const f = findingsOf(runBilling([homeDay('2026-10-07')], [billed('2026-10-07', { remark: '在宅' })]), ID);
    expect(f.map((x) => x.pack)).toEqual(['fukuoka']);
  });
  it('leaves a day that was not billed to home-day-not-billed', () => {
    const r = runBilling([fukuoka('2026-10-07'), fukuoka('2026-10-08')], [billed('2026-10-07')]);
    expect(findingsOf(r, ID)).toEqual([]);
    expect(findingsOf(r, 'home-day-not-billed')).toHaveLength(1);
  });
});
