import { describe, expect, it } from 'vitest';
import { checkSheets } from '../../../core/engine/index.ts';
import { centerDay, findingsOf, homeDay, sheetOf } from '../../helpers/records.ts';
import { billed, billingOf, runBilling } from '../../helpers/billing.ts';

const ID = 'home-day-not-billed';

describe('home-day-not-billed', () => {
  it('passes when every home day is billed', () => {
    expect(findingsOf(runBilling([homeDay('2026-10-06'), homeDay('2026-10-07')], [billed('2026-10-06'), billed('2026-10-07')]), ID)).toEqual([]);
  });
  it('warns about a home day with no billed day, at the record row', () => {
    const f = findingsOf(runBilling([homeDay('2026-10-06'), homeDay('2026-10-07')], [billed('2026-10-06')], { defaultPack: 'kobe' }), ID);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', outcome: 'violation', period: { from: '2026-10-07', to: '2026-10-07' } });
    expect(f[0]!.locations).toEqual([{ sheet: '記録', row: 3 }]);
  });
  it('warns when the billing file has the month (01 records) but no day of the user', () => {
    const f = findingsOf(runBilling([homeDay('2026-10-06')], [], {}, ['2026-10']), ID);
    expect(f.map((x) => x.period?.from)).toEqual(['2026-10-06']);
  });
  it('ignores 通所 days and months the billing file does not cover (said in notEvaluated)', () => {
    const r = runBilling([homeDay('2026-10-06'), centerDay('2026-10-07'), homeDay('2026-11-04')], [billed('2026-10-06')]);
    expect(findingsOf(r, ID)).toEqual([]);
    expect(r.notEvaluated.find((n) => n.ruleId === ID)?.reason).toContain('2026-11 (1)');
  });
  it('joins a 受給者証番号 written shorter or with full-width digits', () => {
    expect(findingsOf(runBilling([homeDay('2026-10-06', { recipientNo: '４０１３００００３３' })], [billed('2026-10-06')]), ID)).toEqual([]);
    expect(findingsOf(runBilling([homeDay('2026-10-06', { recipientNo: '12345' })], [billed('2026-10-06', { recipientNo: '0000012345' })]), ID)).toEqual([]);
  });
  it('says once which billed numbers match no user, and which users have no number', () => {
    const sheet = sheetOf([homeDay('2026-10-06')]);
    const r = checkSheets([sheet], { asOf: '2026-12-31' }, [billingOf([billed('2026-10-06'), billed('2026-10-07'), billed('2026-10-06', { recipientNo: '2810000011', source: { file: 'billing.csv', line: 7 } })])]);
    const mapping = r.findings.filter((f) => f.ruleId === 'input-mapping');
    expect(mapping).toHaveLength(1);
    expect(mapping[0]!.message.ja).toContain('2810000011（1日）、4013000033（2日）');
    expect(mapping[0]!.message.ja).toContain('「受給者証番号」の列を追加するか、利用者台帳');
    expect(mapping[0]!.locations).toEqual([{ file: 'billing.csv', row: 7 }, { file: 'billing.csv', row: 3 }]);
    expect(findingsOf(r, ID)).toEqual([]);
    expect(r.notEvaluated.find((n) => n.ruleId === ID)?.message?.ja).toContain('山田 太郎さんの受給者証番号が支援記録にない');
  });
  it('sums up a month whose home days are all unbilled: one finding for the month, every home row located', () => {
    const records = [homeDay('2026-10-06'), homeDay('2026-10-07'), homeDay('2026-10-08'), centerDay('2026-10-09'), homeDay('2026-11-04'), homeDay('2026-11-05')];
    // October: the 通所 day is billed, no home day is; November: one of two home days is billed
    const r = runBilling(records, [billed('2026-10-09', { remark: '' }), billed('2026-11-04')]);
    const f = findingsOf(r, ID);
    expect(f.map((x) => x.period)).toEqual([
      { from: '2026-10-01', to: '2026-10-31' },
      { from: '2026-11-05', to: '2026-11-05' },
    ]);
    expect(f[0]).toMatchObject({ severity: 'warning', outcome: 'violation', user: '山田 太郎' });
    expect(f[0]!.locations).toEqual([{ sheet: '記録', row: 2 }, { sheet: '記録', row: 3 }, { sheet: '記録', row: 4 }]);
    expect(f[0]!.message.ja).toContain('山田 太郎さんの2026年10月の在宅日はすべて請求されていません（3日）');
    expect(f[0]!.message.en).toContain('none of the 3 home days of the month is billed');
    expect(f[1]!.locations).toEqual([{ sheet: '記録', row: 7 }]);
    expect(f[1]!.message.ja).toContain('2026年11月5日');
    expect(r.summary.warnings).toBe(r.findings.filter((x) => x.severity === 'warning' && x.outcome === 'violation').length);
  });
  it('keeps day findings when a home day of the month is billed, and a month of one home day as that day', () => {
    const r = runBilling([homeDay('2026-10-06'), homeDay('2026-10-07'), homeDay('2026-10-08'), homeDay('2026-11-04')], [billed('2026-10-07')], {}, ['2026-10', '2026-11']);
    expect(findingsOf(r, ID).map((x) => x.period)).toEqual([
      { from: '2026-10-06', to: '2026-10-06' },
      { from: '2026-10-08', to: '2026-10-08' },
      { from: '2026-11-04', to: '2026-11-04' },
    ]);
  });
  it('sums up each user and month on its own', () => {
    const other = (d: string) => homeDay(d, { user: '佐藤 花子', recipientNo: '4013000041' });
    const r = runBilling([homeDay('2026-10-06'), homeDay('2026-10-07'), other('2026-10-06'), other('2026-10-07')], [billed('2026-10-06'), billed('2026-10-07')]);
    const f = findingsOf(r, ID);
    expect(f.map((x) => [x.user, x.period?.from, x.locations.length])).toEqual([['佐藤 花子', '2026-10-01', 2]]);
  });
});
