// `zaitaku-check rules`: rule id, scope, severity per pack, title, sources.
import type { Bilingual } from '../core/model/report.ts';
import type { Lang } from './args.ts';
import { RULES } from '../core/rules/index.ts';
import { severityTable } from '../core/rules/catalogue.ts';

export interface RuleRow {
  id: string;
  scope: string;
  /** pack id → severity, or null when the pack does not enable the rule */
  severity: Record<string, 'error' | 'warning' | null>;
  title: Bilingual;
  sources: string[];
}

export function rulesJson(onlyPack?: string): RuleRow[] {
  const table = new Map(severityTable().map((r) => [r.ruleId, r.severities]));
  const rows: RuleRow[] = [];
  for (const { meta } of RULES) {
    const all = table.get(meta.id)!;
    const packIds = onlyPack ? [onlyPack] : Object.keys(all);
    const severity = Object.fromEntries(packIds.map((id) => [id, all[id] === 'off' || all[id] === undefined ? null : all[id]])) as RuleRow['severity'];
    // with --pack, list only the rules that pack enables
    if (onlyPack && severity[onlyPack] === null) continue;
    rows.push({ id: meta.id, scope: meta.scope, severity, title: meta.title, sources: meta.sources });
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
