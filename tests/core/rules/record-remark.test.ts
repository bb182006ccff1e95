import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

describe('record-remark (fukuoka)', () => {
  it('passes when 備考 says 在宅就労 (spaces and full width tolerated)', () => {
    for (const remark of ['在宅就労', '在宅 就労（電話確認）']) {
      expect(findingsOf(run([homeDay('2026-10-07', { municipality: '福岡市', remark })]), 'record-remark')).toEqual([]);
    }
  });
  it('is an error when 備考 only says 在宅', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { municipality: '福岡市', remark: '在宅' })]), 'record-remark')[0]!;
    expect(f).toMatchObject({ severity: 'error', source: '004 3(4)ウ' });
    expect(f.message.ja).toContain('「在宅就労」と記入');
  });
  it('is pending while the month of the record runs', () => {
    const day = homeDay('2026-10-07', { municipality: '福岡市', remark: '' });
    expect(findingsOf(run([day], { asOf: '2026-10-31' }), 'record-remark')[0]!.outcome).toBe('pending');
    expect(findingsOf(run([day], { asOf: '2026-11-01' }), 'record-remark')[0]!.outcome).toBe('violation');
  });
  it('starts on 2026-10-01', () => {
    expect(findingsOf(run([homeDay('2026-09-30', { municipality: '福岡市', remark: '' })]), 'record-remark')).toEqual([]);
  });
});
