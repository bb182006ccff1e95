import { describe, expect, it } from 'vitest';
import { centerDay, datesBetween, findingsOf, homeDay, run } from '../../helpers/records.ts';

const b = { municipality: '東大阪市', service: 'typeB' as const, weeklyEval: 'phone' as const };

describe('monthly-day-cap (higashiosaka B型)', () => {
  it('passes at exactly days − 8 (23 days in October)', () => {
    const days = datesBetween('2026-10-01', '2026-10-23').map((d, i) => (i % 5 === 0 ? centerDay(d, b) : homeDay(d, b)));
    expect(findingsOf(run(days), 'monthly-day-cap')).toEqual([]);
  });
  it('is an error at days − 7, counting home and 通所 days', () => {
    const days = datesBetween('2026-10-01', '2026-10-24').map((d, i) => (i % 5 === 0 ? centerDay(d, b) : homeDay(d, b)));
    const f = findingsOf(run(days), 'monthly-day-cap')[0]!;
    expect(f).toMatchObject({ severity: 'error', outcome: 'violation' });
    expect(f.message.ja).toContain('24日');
    expect(f.message.ja).toContain('23日');
  });
  it('uses the month length (February 2027: 20 days)', () => {
    const days = datesBetween('2027-02-01', '2027-02-21').map((d) => homeDay(d, b));
    expect(findingsOf(run(days, { asOf: '2027-03-31' }), 'monthly-day-cap')).toHaveLength(1);
  });
  it('does not count absences', () => {
    const days = datesBetween('2026-10-01', '2026-10-30').map((d, i) => (i < 23 ? homeDay(d, b) : homeDay(d, { ...b, mode: 'absent' })));
    expect(findingsOf(run(days), 'monthly-day-cap')).toEqual([]);
  });
});
