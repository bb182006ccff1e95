import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

const fk = { municipality: '福岡市' };

describe('emergency-arrival (fukuoka, per user)', () => {
  it('passes at 60 minutes', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { ...fk, arrivalMinutes: 60 })]), 'emergency-arrival')).toEqual([]);
  });
  it('is an error above 60 minutes, once per user', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { ...fk, arrivalMinutes: 90 }), homeDay('2026-10-08', { ...fk, arrivalMinutes: 90 })]), 'emergency-arrival');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', period: { from: '2026-10-07', to: '2026-10-08' }, source: '004 3(1)ウ' });
    expect(f[0]!.message.ja).toContain('90分');
  });
  it('is incomplete when not recorded', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { ...fk, arrivalMinutes: undefined })]), 'emergency-arrival')[0]!.outcome).toBe('incomplete');
  });
  it('does not apply before 2026-10-01', () => {
    expect(findingsOf(run([homeDay('2026-09-07', { ...fk, arrivalMinutes: 90 })]), 'emergency-arrival')).toEqual([]);
  });
});
