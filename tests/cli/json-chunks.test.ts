import { describe, expect, it } from 'vitest';
import { jsonChunks, renderJson } from '../../cli/present.ts';

const finding = (i: number) => ({
  ruleId: 'daily-contact',
  severity: 'error',
  outcome: 'violation',
  user: `利用者 ${i}`,
  locations: [{ sheet: '記録', row: i + 2, column: 'A' }],
  message: { ja: `連絡がありません\n"${i}"`, en: 'no contact' },
  period: i % 2 ? undefined : { from: '2026-10-01', to: '2026-10-01' },
  empty: [],
});

describe('jsonChunks (the JSON report written in pieces)', () => {
  it.each([0, 1, 499, 500, 501, 1000, 1234])('%i findings: the pieces join to exactly renderJson', (n) => {
    const report = { version: 1, asOf: '2026-11-22', skipped: undefined, inputs: [], findings: Array.from({ length: n }, (_v, i) => finding(i)), notEvaluated: Array.from({ length: n }, (_v, i) => ({ ruleId: `r${i}` })), summary: { errors: n } };
    const chunks = [...jsonChunks(report)];
    expect(chunks.join('')).toBe(renderJson(report));
    if (n >= 1000) expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(renderJson(report).length / 2);
  });

  it('non-objects and empty objects as renderJson', () => {
    for (const v of [null, 1, 'x', [1, 2], {}, { a: undefined }, { toJSON: () => 'y' }, { d: new Date(0) }]) expect([...jsonChunks(v)].join('')).toBe(renderJson(v));
  });
});
