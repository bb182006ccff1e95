import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

describe('daily-report', () => {
  it('passes when the 日報 is marked', () => {
    expect(findingsOf(run([homeDay('2026-10-07')]), 'daily-report')).toEqual([]);
  });
  it('fails when blank or ×', () => {
    for (const dailyReport of [undefined, false]) {
      const [f] = findingsOf(run([homeDay('2026-10-07', { dailyReport })]), 'daily-report');
      expect(f).toMatchObject({ severity: 'error', outcome: 'violation', locations: [{ row: 2 }] });
      expect(f!.message.ja).toContain('日報');
    }
  });
  it('is pending for today', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { dailyReport: undefined })], { asOf: '2026-10-07' }), 'daily-report')[0]!.outcome).toBe('pending');
  });
  it('is not evaluated without a 日報 column', () => {
    const report = run([homeDay('2026-10-07', { dailyReport: undefined })], {}, { fields: ['date', 'user', 'mode'] });
    expect(findingsOf(report, 'daily-report')).toEqual([]);
    expect(report.notEvaluated.map((n) => n.ruleId)).toContain('daily-report');
  });
});
