import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { RULES } from '../../../core/rules/index.ts';
import { PACKS, effectiveRules, packForMunicipality } from '../../../core/packs/index.ts';

const spec = readFileSync(new URL('../../../../shared/spec/rules.md', import.meta.url), 'utf8');
const section3 = spec.slice(spec.indexOf('## 3.'), spec.indexOf('## 4.'));
const specIds = [...section3.matchAll(/^\| `([a-z-]+)` \| /gm)].map((m) => m[1]);

describe('rule metadata', () => {
  it('keeps each rule in core/rules/<id>.ts with its test in tests/core/rules/<id>.test.ts', () => {
    for (const r of RULES) {
      expect(existsSync(new URL(`../../../core/rules/${r.meta.id}.ts`, import.meta.url)), r.meta.id).toBe(true);
      expect(existsSync(new URL(`./${r.meta.id}.test.ts`, import.meta.url)), r.meta.id).toBe(true);
    }
  });
  it('has one module per rule id of rules.md §3', () => {
    const ids = RULES.map((r) => r.meta.id);
    for (const id of specIds) expect(ids, id).toContain(id);
  });
  it('documents every rule id beyond rules.md §3 in docs/rules.md', () => {
    // rules.md (shared, read-only) may lag: e.g. billed-time-mismatch is only in the generated catalogue
    const docs = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    for (const id of RULES.map((r) => r.meta.id).filter((i) => !specIds.includes(i))) {
      expect(docs, id).toContain(`## \`${id}\``);
    }
  });
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s carries citations, titles and bilingual messages', (_id, rule) => {
    expect(rule.meta.sources.length).toBeGreaterThan(0);
    for (const s of rule.meta.sources) expect(s).toMatch(/^00[0-4] /);
    expect(rule.meta.title.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    for (const m of Object.values(rule.meta.messages)) {
      expect(m.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(m.en).toMatch(/[A-Za-z]{3}/);
    }
    expect(rule.meta.options.safeParse(rule.meta.defaultOptions).success).toBe(true);
  });
});

describe('packs', () => {
  it('ships the five packs of rules.md, each resolving its rules with valid options', () => {
    expect(PACKS.map((p) => p.id)).toEqual(['national', 'kobe', 'higashiosaka', 'fukuoka', 'nishio']);
    for (const p of PACKS) expect(effectiveRules(p.id).length).toBeGreaterThanOrEqual(8);
  });
  it('layers municipal packs on national', () => {
    const sev = (pack: string, id: string) => effectiveRules(pack).find((e) => e.rule.meta.id === id)?.severity;
    expect(sev('national', 'planned-home-day')).toBe('warning');
    expect(sev('nishio', 'planned-home-day')).toBe('error');
    expect(sev('kobe', 'daily-contact')).toBe('error');
    expect(sev('national', 'record-remark')).toBeUndefined();
    expect(sev('fukuoka', 'record-remark')).toBe('error');
  });
  it('maps municipality cells to packs; 東大阪市 is not 大阪市', () => {
    expect(packForMunicipality('東大阪市')?.id).toBe('higashiosaka');
    expect(packForMunicipality('大阪市')).toBeUndefined();
    expect(packForMunicipality('福岡市東区')?.id).toBe('fukuoka');
    expect(packForMunicipality('神戸')?.id).toBe('kobe');
    expect(packForMunicipality(' 西尾市 ')?.id).toBe('nishio');
    expect(packForMunicipality('兵庫県神戸市')?.id).toBe('kobe');
    expect(packForMunicipality('大阪府東大阪市')?.id).toBe('higashiosaka');
    expect(packForMunicipality('大阪府大阪市')).toBeUndefined();
  });
});
