import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

const day = homeDay('2026-10-07', { municipality: '福岡市', userConfirmed: undefined });

describe('user-confirmation (fukuoka)', () => {
  it('passes when the user signed', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { municipality: '福岡市' })]), 'user-confirmation')).toEqual([]);
  });
  it('is pending until the month is over, then a warning', () => {
    expect(findingsOf(run([day], { asOf: '2026-10-31' }), 'user-confirmation')[0]!.outcome).toBe('pending');
    expect(findingsOf(run([day], { asOf: '2026-11-01' }), 'user-confirmation')[0]).toMatchObject({ outcome: 'violation', severity: 'warning' });
  });
});
