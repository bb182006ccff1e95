import { describe, expect, it } from 'vitest';
import { centerDay, findingsOf, homeDay, run } from '../../helpers/records.ts';

const week = { weeklyEval: 'phone' as const };

describe('monthly-evaluation', () => {
  it('passes with a face-to-face evaluation (visit or on-site) in the month', () => {
    expect(findingsOf(run([homeDay('2026-10-05', { ...week, monthlyEval: 'visit' })]), 'monthly-evaluation')).toEqual([]);
    expect(findingsOf(run([homeDay('2026-10-05', week), centerDay('2026-10-20', { monthlyEval: 'center' })]), 'monthly-evaluation')).toEqual([]);
  });
  it('accepts a ○ mark on an on-site day (weekly 通所 evaluation doubling as monthly, 003 キ)', () => {
    expect(findingsOf(run([homeDay('2026-10-05', week), centerDay('2026-10-07', { weeklyEval: 'center', monthlyEval: 'unknown' })]), 'monthly-evaluation')).toEqual([]);
  });
  it('is an error when only by phone or online', () => {
    const f = findingsOf(run([homeDay('2026-10-05', { ...week, monthlyEval: 'online' })]), 'monthly-evaluation')[0]!;
    expect(f).toMatchObject({ severity: 'error', outcome: 'violation', period: { from: '2026-10-01', to: '2026-10-31' } });
    expect(f.message.ja).toContain('電話やオンラインでは代えられません');
  });
  it('is an error when missing, pending in the running month', () => {
    expect(findingsOf(run([homeDay('2026-10-05', week)], { asOf: '2026-11-01' }), 'monthly-evaluation')[0]!.outcome).toBe('violation');
    expect(findingsOf(run([homeDay('2026-10-05', week)], { asOf: '2026-10-31' }), 'monthly-evaluation')[0]!.outcome).toBe('pending');
  });
  it('is incomplete when the method is unknown on a home day', () => {
    expect(findingsOf(run([homeDay('2026-10-05', { ...week, monthlyEval: 'unknown' })]), 'monthly-evaluation')[0]!.outcome).toBe('incomplete');
  });
  it('judges each calendar month on its own', () => {
    const f = findingsOf(run([homeDay('2026-09-30', { ...week, monthlyEval: 'visit' }), homeDay('2026-10-01', week)]), 'monthly-evaluation');
    expect(f.map((x) => x.period?.from)).toEqual(['2026-10-01']);
  });
  it('kobe: a visit-only month is a warning', () => {
    expect(findingsOf(run([homeDay('2026-10-05', { ...week, municipality: '神戸市', monthlyEval: 'visit', weeklyEval: 'visit' })]), 'monthly-evaluation')[0]).toMatchObject({ severity: 'warning', pack: 'kobe' });
  });
});
