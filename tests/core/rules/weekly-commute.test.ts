import { describe, expect, it } from 'vitest';
import { centerDay, findingsOf, homeDay, run } from '../../helpers/records.ts';

const b = { municipality: '東大阪市', service: 'typeB' as const, weeklyEval: 'phone' as const };

describe('weekly-commute (higashiosaka B型)', () => {
  it('passes with one 通所 day in the week', () => {
    expect(findingsOf(run([homeDay('2026-10-05', b), centerDay('2026-10-07', b)]), 'weekly-commute')).toEqual([]);
  });
  it('warns for a week of home days only', () => {
    const f = findingsOf(run([homeDay('2026-10-05', b), homeDay('2026-10-06', b)]), 'weekly-commute')[0]!;
    expect(f).toMatchObject({ severity: 'warning', outcome: 'violation', pack: 'higashiosaka' });
  });
  it('is pending while the week runs', () => {
    expect(findingsOf(run([homeDay('2026-10-05', b)], { asOf: '2026-10-09' }), 'weekly-commute')[0]!.outcome).toBe('pending');
  });
  it('does not judge a week that starts before the pack (2026-07-01)', () => {
    // week of Mon 06-29 … Sun 07-05: home days on both sides of the start date
    expect(findingsOf(run([homeDay('2026-06-30', b), homeDay('2026-07-02', b)]), 'weekly-commute')).toEqual([]);
    expect(findingsOf(run([homeDay('2026-07-06', b)]), 'weekly-commute')).toHaveLength(1);
  });
  it('does not apply to A型 users of 東大阪市', () => {
    expect(findingsOf(run([homeDay('2026-10-05', { ...b, service: 'typeA' })]), 'weekly-commute')).toEqual([]);
  });
});
