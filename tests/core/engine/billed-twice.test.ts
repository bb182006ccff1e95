// A user-day on more than one J611 02 record (one file, or the same file given twice): one input-duplicate per
// user-month naming the days, every billing line a location; the billing rules still judge each day once.
import { describe, expect, it } from 'vitest';
import { checkSheets } from '../../../core/engine/index.ts';
import { homeDay, sheetOf } from '../../helpers/records.ts';
import { billed, billingOf, RECIPIENT, runBilling } from '../../helpers/billing.ts';

const twice = (r: ReturnType<typeof runBilling>) => r.findings.filter((f) => f.ruleId === 'input-duplicate');

describe('days billed more than once', () => {
  it('no finding when every day is billed once', () => {
    expect(twice(runBilling([homeDay('2026-10-06'), homeDay('2026-10-07')], [billed('2026-10-06'), billed('2026-10-07')]))).toEqual([]);
  });

  it('a day on two records of one file: one finding naming the day, both lines located', () => {
    const r = runBilling([homeDay('2026-10-06'), homeDay('2026-10-07')], [
      billed('2026-10-06', { source: { file: 'billing.csv', line: 3 } }),
      billed('2026-10-07', { source: { file: 'billing.csv', line: 4 } }),
      billed('2026-10-07', { source: { file: 'billing.csv', line: 5 } }),
    ]);
    const f = twice(r);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', outcome: 'incomplete', user: '山田 太郎', period: { from: '2026-10-07', to: '2026-10-07' } });
    expect(f[0]!.locations).toEqual([{ file: 'billing.csv', row: 4 }, { file: 'billing.csv', row: 5 }]);
    expect(f[0]!.message.ja).toContain('2026年10月の7日（1日）が2回以上請求されています');
    expect(f[0]!.message.ja).toContain(RECIPIENT);
  });

  it('the same file given twice: one finding per user-month over both files, not one per day', () => {
    const days = ['2026-10-06', '2026-10-07', '2026-11-04'].map((d, i) => billed(d, { source: { file: 'a.csv', line: 3 + i } }));
    const copy = days.map((d) => ({ ...d, source: { file: 'b.csv', line: d.source.line } }));
    const records = ['2026-10-06', '2026-10-07', '2026-11-04'].map((d) => ({ recipientNo: RECIPIENT, ...homeDay(d) }));
    const r = checkSheets([sheetOf(records)], { asOf: '2026-12-31' }, [{ ...billingOf(days), file: 'a.csv' }, { ...billingOf(copy), file: 'b.csv' }]);
    const f = twice(r);
    expect(f.map((x) => [x.period, x.locations.length])).toEqual([
      [{ from: '2026-10-06', to: '2026-10-07' }, 4],
      [{ from: '2026-11-04', to: '2026-11-04' }, 2],
    ]);
    expect(f[0]!.message.ja).toContain('国保連CSV（a.csv、b.csv）');
    expect(f[0]!.message.ja).toContain('6、7日（2日）');
    // each day is still judged once by the billing rules: the matching billing gives no other finding
    expect(r.findings.filter((x) => x.ruleId !== 'input-duplicate' && /bill/.test(x.ruleId))).toEqual([]);
  });
});
