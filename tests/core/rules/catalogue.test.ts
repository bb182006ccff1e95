import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { rulesMarkdown, severityTable } from '../../../core/rules/catalogue.ts';
import { RULES } from '../../../core/rules/index.ts';
import { reportJsonSchema } from '../../../core/model/report.ts';

describe('rule catalogue', () => {
  it('docs/rules.md is generated from the current metadata (run `npm run docs`)', () => {
    expect(readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8')).toBe(rulesMarkdown());
  });
  it('docs/report.schema.json is generated from the report schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8'));
    expect(schema).toEqual(reportJsonSchema());
    expect(schema.required).toEqual(['version', 'asOf', 'inputs', 'findings', 'notEvaluated', 'summary']);
  });
  it('documents every rule with its severity per pack', () => {
    const md = rulesMarkdown();
    for (const r of RULES) expect(md).toContain(`## \`${r.meta.id}\``);
    const fukuoka = severityTable().find((r) => r.ruleId === 'record-remark')!.severities;
    expect(fukuoka).toEqual({ national: 'off', kobe: 'off', higashiosaka: 'off', fukuoka: 'error', nishio: 'off' });
  });
});
