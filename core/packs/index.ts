import type { Severity } from '../model/report.ts';
import type { Rule } from '../rules/types.ts';
import { getRule } from '../rules/index.ts';
import type { Pack, RuleSetting } from './types.ts';
import { national } from './national.ts';
import { kobe } from './kobe.ts';
import { higashiosaka } from './higashiosaka.ts';
import { fukuoka } from './fukuoka.ts';
import { nishio } from './nishio.ts';

export type { Pack, RuleSetting } from './types.ts';

/** The shipped packs. A new municipality is one more data file here. */
export const PACKS: readonly Pack[] = [national, kobe, higashiosaka, fukuoka, nishio];

const byId = new Map(PACKS.map((p) => [p.id, p]));
export function getPack(id: string): Pack | undefined {
  return byId.get(id);
}

// longest name first: 東大阪市 must not be taken for 大阪市
const MUNICIPALITY_NAMES = PACKS.flatMap((p) => p.municipalities.map((m) => ({ p, m }))).sort((a, b) => b.m.length - a.m.length);

/** The pack whose municipality names occur in a municipality cell (神戸市, 福岡市東区 …). */
export function packForMunicipality(text: string): Pack | undefined {
  // 兵庫県神戸市, 福岡県福岡市東区: the prefecture is dropped
  const t = text.normalize('NFKC').replace(/\s+/g, '').replace(/^(東京都|北海道|京都府|大阪府|.{2,3}県)(?=.+[市町村区])/, '');
  if (t === '') return undefined;
  return MUNICIPALITY_NAMES.find(({ m }) => t.startsWith(m) || t === m.replace(/市$/, ''))?.p;
}

export interface EffectiveRule {
  rule: Rule<any>;
  severity: Severity;
  options: unknown;
  /** the pack whose setting this is */
  pack: string;
}

function settingOf(pack: Pack, ruleId: string): RuleSetting | undefined {
  const own = pack.rules[ruleId];
  if (own !== undefined) return own;
  const parent = pack.extends ? getPack(pack.extends) : undefined;
  return parent ? settingOf(parent, ruleId) : undefined;
}

const effectiveCache = new Map<string, EffectiveRule[]>();

/** The rules a pack turns on, with severity and validated options (defaults merged). */
export function effectiveRules(packId: string): EffectiveRule[] {
  const cached = effectiveCache.get(packId);
  if (cached) return cached;
  const pack = getPack(packId);
  if (!pack) throw new Error(`unknown pack: ${packId}`);
  const ids = new Set<string>();
  for (let p: Pack | undefined = pack; p; p = p.extends ? getPack(p.extends) : undefined) {
    for (const id of Object.keys(p.rules)) ids.add(id);
  }
  const result: EffectiveRule[] = [];
  for (const id of ids) {
    const setting = settingOf(pack, id);
    const rule = getRule(id);
    if (!rule) throw new Error(`pack ${packId} names unknown rule ${id}`);
    if (setting === undefined || setting === 'off') continue;
    const [severity, options] = Array.isArray(setting) ? setting : [setting, {}];
    result.push({ rule, severity, options: rule.meta.options.parse({ ...rule.meta.defaultOptions, ...options }), pack: packId });
  }
  effectiveCache.set(packId, result);
  return result;
}
