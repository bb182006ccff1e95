import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

const fk = { municipality: '福岡市' };

describe('no-concurrent-service', () => {
  it('passes with no other service, or one outside the work time', () => {
    expect(findingsOf(run([homeDay('2026-10-07', fk)]), 'no-concurrent-service')).toEqual([]);
    expect(findingsOf(run([homeDay('2026-10-07', { ...fk, otherService: { text: '居宅介護', from: 16 * 60, to: 17 * 60 } })]), 'no-concurrent-service')).toEqual([]);
    for (const text of ['なし', '特になし', '該当なし', '無し', '-', '－']) {
      expect(findingsOf(run([homeDay('2026-10-07', { ...fk, otherService: { text } })]), 'no-concurrent-service'), text).toEqual([]);
    }
  });
  it('is an error when the times overlap', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { ...fk, otherService: { text: '居宅介護 10:00～11:00', from: 600, to: 660 } })]), 'no-concurrent-service')[0]!;
    expect(f).toMatchObject({ severity: 'error', outcome: 'violation', source: '004 7(3)' });
    expect(f.message.ja).toContain('9:00〜15:00');
  });
  it('treats touching times (ends when work starts) as no overlap', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { ...fk, otherService: { text: '居宅介護', from: 480, to: 540 } })]), 'no-concurrent-service')).toEqual([]);
  });
  it('is incomplete when the other service has no time', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { ...fk, otherService: { text: '○' } })]), 'no-concurrent-service')[0]!.outcome).toBe('incomplete');
  });
  it('is incomplete when the work time is missing', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { ...fk, start: undefined, otherService: { text: '居宅介護', from: 600, to: 660 } })]), 'no-concurrent-service')[0]!.outcome).toBe('incomplete');
  });
  it('is off for national and kobe', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { otherService: { text: '居宅介護', from: 600, to: 660 } })]), 'no-concurrent-service')).toEqual([]);
  });
});
