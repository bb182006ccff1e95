import { describe, expect, it } from 'vitest';
import { centerDay, findingsOf, homeDay } from '../../helpers/records.ts';
import { billed, runBilling } from '../../helpers/billing.ts';

const ID = 'billed-home-day-record';

describe('billed-home-day-record', () => {
  it('passes when the billed home day has a home record', () => {
    expect(findingsOf(runBilling([homeDay('2026-10-07')], [billed('2026-10-07')]), ID)).toEqual([]);
  });
  it('is an error when a day billed with 在宅 in 備考 has no record, located at the billing line', () => {
    const r = runBilling([homeDay('2026-10-07')], [billed('2026-10-07'), billed('2026-10-08', { remark: '在宅支援（届出済）', source: { file: 'billing.csv', line: 9 } })]);
    const f = findingsOf(r, ID);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', outcome: 'violation', user: '山田 太郎', period: { from: '2026-10-08', to: '2026-10-08' } });
    expect(f[0]!.locations).toEqual([{ file: 'billing.csv', row: 9 }]);
    expect(f[0]!.message.ja).toContain('支援記録にその日の記録がありません');
    expect(f[0]!.source).toBe('004 前文'); // 福岡市's own document first
  });
  it('is an error when the record shows the day as 通所, pointing at both rows', () => {
    const f = findingsOf(runBilling([homeDay('2026-10-06'), centerDay('2026-10-07')], [billed('2026-10-07')], { defaultPack: 'national' }), ID);
    expect(f).toHaveLength(1);
    expect(f[0]!.message.ja).toContain('「通所」');
    expect(f[0]!.locations).toEqual([{ sheet: '記録', row: 3 }, { file: 'billing.csv', row: 3 }]);
  });
  it('does not judge days billed without 在宅 in 備考', () => {
    expect(findingsOf(runBilling([homeDay('2026-10-06')], [billed('2026-10-07', { remark: '' })]), ID)).toEqual([]);
  });
  it('is incomplete when the record of the day has a blank mode', () => {
    const f = findingsOf(runBilling([homeDay('2026-10-06'), homeDay('2026-10-07', { mode: undefined })], [billed('2026-10-07')]), ID);
    expect(f.map((x) => x.outcome)).toEqual(['incomplete']);
  });
  it('is not evaluated for months the support records do not cover', () => {
    const r = runBilling([homeDay('2026-10-06')], [billed('2026-10-06'), billed('2026-11-02')]);
    expect(findingsOf(r, ID)).toEqual([]);
    expect(r.notEvaluated.find((n) => n.ruleId === ID)?.reason).toContain('2026-11 (1)');
  });
});
