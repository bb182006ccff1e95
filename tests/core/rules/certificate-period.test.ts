import { describe, expect, it } from 'vitest';
import { centerDay, findingsOf, homeDay, run } from '../../helpers/records.ts';

describe('certificate-period', () => {
  it('passes inside the period, including its first and last day', () => {
    const days = ['2026-04-01', '2027-03-31'].map((d) => homeDay(d));
    expect(findingsOf(run(days, { asOf: '2027-04-30' }), 'certificate-period')).toEqual([]);
  });
  it('is an error the day after the period ends', () => {
    const f = findingsOf(run([homeDay('2027-04-01')], { asOf: '2027-04-30' }), 'certificate-period')[0]!;
    expect(f).toMatchObject({ severity: 'error', outcome: 'violation' });
    expect(f.message.ja).toContain('2026-04-01〜2027-03-31');
  });
  it('reads the period from any row of the user', () => {
    const days = [homeDay('2026-10-06'), homeDay('2026-10-07', { certFrom: undefined, certTo: undefined })];
    expect(findingsOf(run(days), 'certificate-period')).toEqual([]);
  });
  it('is an error when no period is recorded (national)', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { certFrom: undefined, certTo: undefined })]), 'certificate-period')[0]!;
    expect(f.message.ja).toContain('在宅利用期間が記録されていません');
  });
  describe('fukuoka transition until 2027-02-28', () => {
    const none = { municipality: '福岡市', certFrom: undefined, certTo: undefined };
    it('is a warning for users already on home use before 2026-10-01, who needed no entry before it', () => {
      const f = findingsOf(run([homeDay('2026-09-30', none), homeDay('2026-10-01', none)]), 'certificate-period');
      expect(f.map((x) => [x.period?.from, x.severity, x.pack])).toEqual([['2026-10-01', 'warning', 'fukuoka']]);
    });
    it('still judges a recorded period before 2026-10-01 (by the fukuoka rule)', () => {
      const f = findingsOf(run([homeDay('2026-09-30', { municipality: '福岡市', certFrom: '2026-04-01', certTo: '2026-09-29' })]), 'certificate-period');
      expect(f.map((x) => [x.severity, x.pack])).toEqual([['error', 'fukuoka']]);
    });
    it('does not carry the look-back to other users: national days without an entry are errors', () => {
      expect(findingsOf(run([homeDay('2026-09-30', { certFrom: undefined, certTo: undefined })]), 'certificate-period')[0]).toMatchObject({ severity: 'error', pack: 'national' });
    });
    it('is incomplete when the data does not show earlier home use', () => {
      expect(findingsOf(run([homeDay('2026-10-07', none)]), 'certificate-period')[0]!.outcome).toBe('incomplete');
    });
    it('is an error when the data shows no earlier home use: days before 2026-10-01 recorded, none at home (004 §5)', () => {
      const f = findingsOf(run([centerDay('2026-09-28', none), centerDay('2026-09-30', none), homeDay('2026-10-07', none)]), 'certificate-period');
      expect(f.map((x) => [x.period?.from, x.outcome, x.severity])).toEqual([['2026-10-07', 'violation', 'error']]);
      expect(f[0]!.message.ja).toContain('2026-10-01より前の在宅利用');
    });
    it('is an error when the plan shows no home use (planned column, no planned day)', () => {
      const f = findingsOf(run([homeDay('2026-10-07', { ...none, planned: false }), homeDay('2026-10-08', { ...none, planned: false })]), 'certificate-period');
      expect(f.map((x) => [x.outcome, x.severity])).toEqual([['violation', 'error'], ['violation', 'error']]);
    });
    it('stays incomplete when the plan has home use but the data starts on 2026-10-01', () => {
      const f = findingsOf(run([homeDay('2026-10-07', { ...none, planned: true })]), 'certificate-period');
      expect(f.map((x) => x.outcome)).toEqual(['incomplete']);
    });
    it('is an error from 2027-03-01', () => {
      const f = findingsOf(run([homeDay('2026-09-30', none), homeDay('2027-03-01', none)], { asOf: '2027-04-01' }), 'certificate-period');
      expect(f.map((x) => [x.period?.from, x.severity])).toEqual([['2027-03-01', 'error']]);
    });
  });
});
