// `zaitaku-check rules`: rule id, scope, severity per pack, title, sources.
import type { Bilingual } from '../core/model/report.ts';
import type { Lang } from './args.ts';

interface RuleLike {
  meta: { id: string; scope: string; title: Bilingual; sources: string[] };
}
interface PackLike {
  id: string;
}
type EffectiveRules = (packId: string) => { rule: RuleLike; severity: 'error' | 'warning' }[];

export interface RuleRow {
  id: string;
  scope: string;
  /** pack id → severity, or null when the pack does not enable the rule */
  severity: Record<string, 'error' | 'warning' | null>;
  title: Bilingual;
  sources: string[];
}

export function rulesJson(rules: readonly RuleLike[], packs: readonly PackLike[], effective: EffectiveRules, onlyPack?: string): RuleRow[] {
  const packIds = onlyPack ? [onlyPack] : packs.map((p) => p.id);
  const perPack = new Map(packIds.map((id) => [id, new Map(effective(id).map((e) => [e.rule.meta.id, e.severity]))]));
  const rows: RuleRow[] = [];
  for (const rule of rules) {
    const severity: RuleRow['severity'] = {};
    for (const id of packIds) severity[id] = perPack.get(id)?.get(rule.meta.id) ?? null;
    // with --pack, list only the rules that pack enables
    if (onlyPack && severity[onlyPack] === null) continue;
    rows.push({ id: rule.meta.id, scope: rule.meta.scope, severity, title: rule.meta.title, sources: rule.meta.sources });
  }
  return rows;
}

/** Display width: East Asian wide characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000) ? 2 : 1;
  }
  return w;
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

const SEVERITY_SHORT = { error: 'error', warning: 'warn', null: '-' } as const;

export function renderRulesText(rows: RuleRow[], onlyPack: string | undefined, lang: Lang): string {
  const packIds = rows[0] ? Object.keys(rows[0].severity) : onlyPack ? [onlyPack] : [];
  const header = ['rule', 'scope', ...packIds, lang === 'en' ? 'title' : 'タイトル', lang === 'en' ? 'sources' : '根拠'];
  const body = rows.map((r) => [
    r.id,
    r.scope,
    ...packIds.map((p) => SEVERITY_SHORT[r.severity[p] ?? 'null']),
    lang === 'en' ? r.title.en : r.title.ja,
    r.sources.join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((b) => displayWidth(b[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const intro =
    lang === 'en'
      ? `Rules${onlyPack ? ` of pack ${onlyPack}` : ''} (error = 報酬算定 requirement, warn = 原則/recommended, - = off)`
      : `ルール一覧${onlyPack ? `（パック ${onlyPack}）` : ''}（error = 報酬算定要件、warn = 原則・推奨、- = 対象外）`;
  return `${intro}\n${line(header)}\n${body.map(line).join('\n')}\n`;
}
