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
});
