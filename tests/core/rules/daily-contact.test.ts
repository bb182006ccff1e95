import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

const contact = (time?: number) => ({ text: 'x', ...(time === undefined ? {} : { time }) });

describe('daily-contact', () => {
  it('passes with two contacts', () => {
    expect(findingsOf(run([homeDay('2026-10-07')]), 'daily-contact')).toEqual([]);
  });

  it('is a located error with one contact, saying who, which day and what to do', () => {
    const [f, ...rest] = findingsOf(run([homeDay('2026-10-07', { contacts: [contact(540)] })]), 'daily-contact');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', outcome: 'violation', user: '山田 太郎', period: { from: '2026-10-07', to: '2026-10-07' }, locations: [{ sheet: '記録', row: 2 }], source: '003 イ' });
    expect(f!.message.ja).toContain('山田 太郎さんの2026年10月7日（水）');
    expect(f!.message.ja).toContain('1回');
    expect(f!.message.en).toContain('1 contact');
  });

  it('counts two entries at the same time once, untimed entries each', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { contacts: [contact(540), contact(540)] })]), 'daily-contact')).toHaveLength(1);
    expect(findingsOf(run([homeDay('2026-10-07', { contacts: [contact(), contact()] })]), 'daily-contact')).toHaveLength(0);
  });

  it('accepts a contact-count column', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { contacts: undefined, contactCount: 3 })]), 'daily-contact')).toEqual([]);
    expect(findingsOf(run([homeDay('2026-10-07', { contacts: undefined, contactCount: 1 })]), 'daily-contact')).toHaveLength(1);
  });

  it('is pending on the as-of day and after, a violation the day before', () => {
    const day = homeDay('2026-10-07', { contacts: [] });
    expect(findingsOf(run([day], { asOf: '2026-10-07' }), 'daily-contact')[0]!.outcome).toBe('pending');
    expect(findingsOf(run([day], { asOf: '2026-10-08' }), 'daily-contact')[0]!.outcome).toBe('violation');
  });

  it('does not judge on-site days', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { mode: 'center', contacts: [] })]), 'daily-contact')).toEqual([]);
  });

  it('cites the pack\'s own document', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { contacts: [], municipality: '福岡市' })]), 'daily-contact')[0]!;
    expect([f.pack, f.source]).toEqual(['fukuoka', '004 6(4)']);
  });
});
