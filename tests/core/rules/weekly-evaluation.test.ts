import { describe, expect, it } from 'vitest';
import { centerDay, findingsOf, homeDay, run } from '../../helpers/records.ts';

// 2026-10-05 is a Monday, 2026-10-11 a Sunday
describe('weekly-evaluation', () => {
  it('passes with one evaluation by phone in the week', () => {
    expect(findingsOf(run([homeDay('2026-10-05', { weeklyEval: 'phone' }), homeDay('2026-10-06')]), 'weekly-evaluation')).toEqual([]);
  });
  it('counts an evaluation on an on-site day and a monthly evaluation', () => {
    expect(findingsOf(run([homeDay('2026-10-05'), centerDay('2026-10-07', { weeklyEval: 'unknown' })]), 'weekly-evaluation')).toEqual([]);
    expect(findingsOf(run([homeDay('2026-10-05'), centerDay('2026-10-07', { monthlyEval: 'center' })]), 'weekly-evaluation')).toEqual([]);
  });
  it('is an error for a finished week without evaluation, located on its home days', () => {
    const f = findingsOf(run([homeDay('2026-10-05'), homeDay('2026-10-06')]), 'weekly-evaluation')[0]!;
    expect(f).toMatchObject({ severity: 'error', outcome: 'violation', period: { from: '2026-10-05', to: '2026-10-11' } });
    expect(f.locations.map((l) => l.row)).toEqual([2, 3]);
    expect(f.message.ja).toContain('10月5日（月）〜10月11日（日）の週');
  });
  it('is pending while the week runs (as-of Sunday), a violation on Monday after', () => {
    const days = [homeDay('2026-10-05')];
    expect(findingsOf(run(days, { asOf: '2026-10-11' }), 'weekly-evaluation')[0]!.outcome).toBe('pending');
    expect(findingsOf(run(days, { asOf: '2026-10-12' }), 'weekly-evaluation')[0]!.outcome).toBe('violation');
  });
  it('follows the week start: the same days split into different weeks', () => {
    // Sun 10-11 with a visit, Mon 10-12 without an evaluation
    const days = [homeDay('2026-10-11', { weeklyEval: 'visit' }), homeDay('2026-10-12')];
    expect(findingsOf(run(days, { weekStart: 'sun' }), 'weekly-evaluation')).toEqual([]);
    const mon = findingsOf(run(days, { weekStart: 'mon' }), 'weekly-evaluation');
    expect(mon.map((f) => f.period)).toEqual([{ from: '2026-10-12', to: '2026-10-18' }]);
  });
  it('is incomplete for a week cut by the edge of the data', () => {
    // data starts Thu 10-01: the week 09-28..10-04 is only partly covered
    const f = findingsOf(run([homeDay('2026-10-01'), homeDay('2026-10-02'), homeDay('2026-10-05', { weeklyEval: 'phone' })]), 'weekly-evaluation');
    expect(f.map((x) => [x.outcome, x.period?.from])).toEqual([['incomplete', '2026-09-28']]);
  });
  it('treats a week across a month boundary as one week when the data covers both months', () => {
    const days = [homeDay('2026-09-28'), homeDay('2026-09-30'), homeDay('2026-10-01', { weeklyEval: 'online' })];
    expect(findingsOf(run(days), 'weekly-evaluation')).toEqual([]);
  });
  it('kobe: phone-only weeks are a warning, method unknown is incomplete', () => {
    const kobe = { municipality: '神戸市' };
    expect(findingsOf(run([homeDay('2026-10-05', { ...kobe, weeklyEval: 'phone' })]), 'weekly-evaluation')[0]).toMatchObject({ severity: 'warning', outcome: 'violation', pack: 'kobe' });
    expect(findingsOf(run([homeDay('2026-10-05', { ...kobe, weeklyEval: 'visit' })]), 'weekly-evaluation')).toEqual([]);
    expect(findingsOf(run([homeDay('2026-10-05', { ...kobe, weeklyEval: 'unknown' })]), 'weekly-evaluation')[0]!.outcome).toBe('incomplete');
  });
});
