import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

const users = (n: number, municipality = '東大阪市') =>
  Array.from({ length: n }, (_, i) => homeDay('2026-10-07', { user: `利用者${i + 1}`, municipality, service: 'typeB', weeklyEval: 'phone' }));

describe('home-user-ratio (higashiosaka, provider-month)', () => {
  it('passes at 50 % of capacity', () => {
    expect(findingsOf(run(users(10), { capacity: 20 }), 'home-user-ratio')).toEqual([]);
  });
  it('is an error above 50 %, counting users of every municipality', () => {
    const f = findingsOf(run([...users(6), ...users(5, '大阪市').map((r) => ({ ...r, user: `大阪${r.user}` }))], { capacity: 20 }), 'home-user-ratio')[0]!;
    expect(f).toMatchObject({ severity: 'error', outcome: 'violation', period: { from: '2026-10-01', to: '2026-10-31' } });
    expect(f.user).toBeUndefined();
    expect(f.message.ja).toContain('11人');
    expect(f.locations).toHaveLength(11);
  });
  it('is incomplete without the capacity setting', () => {
    expect(findingsOf(run(users(3)), 'home-user-ratio')[0]!.outcome).toBe('incomplete');
  });
  it('does not apply when no 東大阪市 user has a home day', () => {
    expect(findingsOf(run(users(30, '神戸市'), { capacity: 20 }), 'home-user-ratio')).toEqual([]);
  });
});
