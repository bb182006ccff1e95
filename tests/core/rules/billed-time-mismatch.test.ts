import { describe, expect, it } from 'vitest';
import { centerDay, findingsOf, homeDay } from '../../helpers/records.ts';
import { billed, runBilling } from '../../helpers/billing.ts';

const ID = 'billed-time-mismatch';

describe('billed-time-mismatch', () => {
  it('passes within 30 minutes (exactly 30 included)', () => {
    expect(findingsOf(runBilling([homeDay('2026-10-07')], [billed('2026-10-07', { start: 9 * 60 + 30, end: 14 * 60 + 30 })]), ID)).toEqual([]);
  });
  it('warns when the start differs by more than 30 minutes', () => {
    const f = findingsOf(runBilling([homeDay('2026-10-07')], [billed('2026-10-07', { start: 9 * 60 + 31 })]), ID);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', outcome: 'violation' });
    expect(f[0]!.message.ja).toContain('9:31〜15:00 と支援記録の時間 9:00〜15:00');
    expect(f[0]!.locations).toEqual([{ sheet: '記録', row: 2 }, { file: 'billing.csv', row: 3 }]);
  });
  it('warns about an end time, on a 通所 day too', () => {
    expect(findingsOf(runBilling([homeDay('2026-10-06'), centerDay('2026-10-07', { end: 16 * 60 })], [billed('2026-10-06'), billed('2026-10-07', { remark: '' })]), ID)).toHaveLength(1);
  });
  it('does not judge a side without times', () => {
    expect(findingsOf(runBilling([homeDay('2026-10-07', { start: undefined, end: undefined })], [billed('2026-10-07', { start: 6 * 60 })]), ID)).toEqual([]);
    expect(findingsOf(runBilling([homeDay('2026-10-07')], [billed('2026-10-07', { start: undefined, end: undefined })]), ID)).toEqual([]);
  });
  it('is not evaluated when the records have no time columns', async () => {
    const { checkSheets } = await import('../../../core/engine/index.ts');
    const { sheetOf, ALL_FIELDS } = await import('../../helpers/records.ts');
    const { billingOf } = await import('../../helpers/billing.ts');
    const sheet = sheetOf([homeDay('2026-10-07', { recipientNo: '4013000033' })], { fields: ALL_FIELDS.filter((f) => f !== 'start' && f !== 'end') });
    const r = checkSheets([sheet], { asOf: '2026-12-31' }, [billingOf([billed('2026-10-07', { start: 6 * 60 })])]);
    expect(findingsOf(r, ID)).toEqual([]);
    expect(r.notEvaluated.map((n) => n.ruleId)).toContain(ID);
  });
});
