import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

const higashi = { municipality: '東大阪市', service: 'typeB' as const };

describe('start-end-check (higashiosaka)', () => {
  it('passes with start time, content, end time and result', () => {
    expect(findingsOf(run([homeDay('2026-10-07', higashi)]), 'start-end-check')).toEqual([]);
  });
  it('names what is missing', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { ...higashi, end: undefined, result: '' })]), 'start-end-check')[0]!;
    expect(f).toMatchObject({ severity: 'error', pack: 'higashiosaka', source: '002 事業所の要件イ' });
    expect(f.message.ja).toContain('終了時間・成果');
  });
  it('starts on 2026-07-01', () => {
    const days = [homeDay('2026-06-30', { ...higashi, result: '' }), homeDay('2026-07-01', { ...higashi, result: '' })];
    expect(findingsOf(run(days), 'start-end-check').map((f) => f.period?.from)).toEqual(['2026-07-01']);
  });
  it('does not apply to national users', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { result: '' })]), 'start-end-check')).toEqual([]);
  });
  it('is not evaluated without a result column', () => {
    const report = run([homeDay('2026-10-07', higashi)], {}, { fields: ['date', 'user', 'mode', 'start', 'end', 'workContent'] });
    expect(report.notEvaluated).toContainEqual(expect.objectContaining({ ruleId: 'start-end-check', reason: "no column maps to 'result'" }));
  });
});
