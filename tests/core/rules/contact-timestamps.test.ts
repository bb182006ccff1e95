import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

describe('contact-timestamps (nishio)', () => {
  it('passes when every contact has a time', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { municipality: '西尾市' })]), 'contact-timestamps')).toEqual([]);
  });
  it('warns with the number of untimed contacts', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { municipality: '西尾市', contacts: [{ text: '電話' }, { text: 'メール', time: 900 }] })]), 'contact-timestamps')[0]!;
    expect(f).toMatchObject({ severity: 'warning', source: '000 問3⑦' });
    expect(f.message.ja).toContain('1件');
  });
  it('is not evaluated with only a contact-count column', () => {
    const report = run([homeDay('2026-10-07', { municipality: '西尾市', contacts: undefined, contactCount: 2 })], {}, { fields: ['date', 'user', 'mode', 'contactCount', 'municipality'] });
    expect(report.notEvaluated.map((n) => n.ruleId)).toContain('contact-timestamps');
  });
});
