// Presenters: Report / FormReport → text (Japanese first) or JSON. No compliance logic here.
import type { Bilingual, Finding, Location, NotEvaluated, Report, Summary } from '../core/model/report.ts';
import type { Lang } from './args.ts';
import { LAYOUT_LABELS } from '../core/model/fields.ts';
import { findingKind, type FindingKind, KIND_LABELS } from '../core/engine/finding-kind.ts';

export interface FormReportLike {
  formId: string;
  title: Bilingual;
  findings: Finding[];
  unknownKeys: string[];
  summary: Summary;
}

export interface TextStyle {
  color: boolean;
  lang: Lang;
  /** rule id → title, when core knows the rule */
  ruleTitle?: (ruleId: string) => Bilingual | undefined;
}

const ANSI = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  grey: '\x1b[90m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
} as const;


const KIND_COLOR: Record<FindingKind, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  incomplete: ANSI.cyan,
  pending: ANSI.grey,
};

/** Decide colour: flag > NO_COLOR > FORCE_COLOR > TTY. */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTty;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the user's files made safe for a terminal: control characters (ANSI/OSC escapes, BEL …)
 * and bidi overrides removed, tabs and line breaks as spaces (kept with `keepNewlines`).
 */
export function safeText(s: string, keepNewlines = false): string {
  const t = keepNewlines ? s.replace(/\r\n?/g, '\n').replace(/\t/g, ' ') : s.replace(/[\t\n\r]+/g, ' ');
  return t.replace(CONTROL, '');
}

function paint(text: string, code: string, on: boolean): string {
  return on ? `${code}${text}${ANSI.reset}` : text;
}

export function formatPeriod(p: Finding['period']): string {
  if (!p) return '';
  return p.from === p.to ? p.from : `${p.from}〜${p.to}`;
}

/** `10月!12, 13` per sheet; with the file prefixed when several files are involved. */
export function formatLocations(locations: Location[], withFile: boolean): string {
  const groups = new Map<string, string[]>();
  const fields: string[] = [];
  const sorted = [...locations].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  for (const loc of sorted) {
    if (loc.field) {
      fields.push(loc.field);
      continue;
    }
    if (loc.row === undefined && !loc.sheet) continue;
    // a billing CSV line has no sheet: its file names it
    const key = loc.sheet ? `${withFile && loc.file ? `${loc.file} ` : ''}${loc.sheet}` : (loc.file ?? '');
    const cell = loc.row === undefined ? '' : `${loc.column ?? ''}${loc.row}`;
    const list = groups.get(key) ?? [];
    if (cell && !list.includes(cell)) list.push(cell);
    groups.set(key, list);
  }
  const parts = [...groups].map(([sheet, cells]) => (cells.length ? `${sheet}!${cells.join(', ')}` : sheet));
  if (fields.length) parts.push(fields.join(', '));
  return parts.join('; ');
}

function summaryLine(s: Summary, lang: Lang): string {
  const ja = `結果: エラー ${s.errors}件 / 警告 ${s.warnings}件 / 要確認 ${s.incomplete}件 / 期限前 ${s.pending}件`;
  const en = `Result: ${s.errors} error(s), ${s.warnings} warning(s), ${s.incomplete} incomplete, ${s.pending} pending`;
  return lang === 'en' ? `${en}\n${ja}` : ja;
}

function findingLines(f: Finding, style: TextStyle, withFile: boolean, indent: string): string[] {
  const kind = findingKind(f);
  const label = style.lang === 'en' ? `${KIND_LABELS[kind].en}/${KIND_LABELS[kind].ja}` : KIND_LABELS[kind].ja;
  const head = paint(`[${label}]`, KIND_COLOR[kind], style.color);
  const period = formatPeriod(f.period);
  const where = safeText(formatLocations(f.locations, withFile));
  const lines: string[] = [];
  const main = safeText(style.lang === 'en' ? f.message.en : f.message.ja);
  lines.push(`${indent}${head}${period ? ` ${period}` : ''} ${main}`);
  if (style.lang === 'en') lines.push(`${indent}  ${safeText(f.message.ja)}`);
  const meta: string[] = [];
  const fieldsOnly = f.locations.length > 0 && f.locations.every((l) => l.field !== undefined);
  if (where && fieldsOnly) meta.push(style.lang === 'en' ? `fields/項目: ${where}` : `項目: ${where}`);
  else if (where) meta.push(style.lang === 'en' ? `rows/行: ${where}` : `行: ${where}`);
  if (f.source) meta.push(style.lang === 'en' ? `source/根拠: ${f.source}` : `根拠: ${f.source}`);
  if (f.pack) meta.push(`pack: ${f.pack}`);
  if (meta.length) lines.push(`${indent}  ${paint(meta.join('  '), ANSI.grey, style.color)}`);
  return lines;
}

function ruleHeading(ruleId: string, style: TextStyle): string {
  const title = style.ruleTitle?.(ruleId);
  const t = title ? (style.lang === 'en' ? `${title.en} / ${title.ja}` : title.ja) : '';
  return `  ${paint(ruleId, ANSI.bold, style.color)}${t ? ` ${t}` : ''}`;
}

function notEvaluatedLines(items: NotEvaluated[], style: TextStyle): string[] {
  if (!items.length) return [];
  const lines = [style.lang === 'en' ? 'Not evaluated / 未評価:' : '未評価のルール:'];
  for (const n of items) {
    const msg = n.message ? (style.lang === 'en' ? `${n.message.en} / ${n.message.ja}` : n.message.ja) : n.reason;
    lines.push(`  - ${n.ruleId}${n.sheet ? `（${safeText(n.sheet)}）` : ''}: ${safeText(msg)}`);
  }
  return lines;
}

const NO_USER = '\u0000';
const INPUT_GROUP = '\u0001';

function groupKey(f: Finding): string {
  if (f.user) return f.user;
  return f.ruleId.startsWith('input-') ? INPUT_GROUP : NO_USER;
}

/** Group findings by user (provider-wide first), then by rule, keeping report order inside. */
function groupFindings(findings: Finding[]): Map<string, Map<string, Finding[]>> {
  const byUser = new Map<string, Map<string, Finding[]>>();
  // groups without a user (input problems, provider-wide) first; users in report order
  const rank = (k: string) => (k === INPUT_GROUP ? 0 : k === NO_USER ? 1 : 2);
  const sorted = [...findings].sort((a, b) => rank(groupKey(a)) - rank(groupKey(b)));
  for (const f of sorted) {
    const u = groupKey(f);
    const byRule = byUser.get(u) ?? new Map<string, Finding[]>();
    const list = byRule.get(f.ruleId) ?? [];
    list.push(f);
    byRule.set(f.ruleId, list);
    byUser.set(u, byRule);
  }
  return byUser;
}

export function renderReportText(report: Report, style: TextStyle): string {
  const out: string[] = [];
  const files = report.inputs.map((i) => i.file);
  const withFile = new Set(files).size > 1;
  out.push(style.lang === 'en' ? `Check date / チェック日: ${report.asOf}` : `チェック日: ${report.asOf}`);
  for (const input of report.inputs) {
    if (input.kind === 'billing') {
      const skipped = Object.entries(input.skippedRecords ?? {}).map(([id, n]) => `${id} ${n}`).join(', ');
      const en = style.lang === 'en';
      const note = skipped ? (en ? ` (not read: ${skipped})` : `（読まなかったレコード: ${skipped}件）`) : '';
      out.push(`  ${input.file} [国保連CSV J611] 請求日 ${input.billedDays ?? 0}件${en ? ` (${input.billedDays ?? 0} billed days)` : ''}${note}`);
    }
    for (const s of input.sheets) {
      const layout = s.layout ? ` ${LAYOUT_LABELS[s.layout][style.lang === 'en' ? 'en' : 'ja']}` : '';
      const header = s.headerRow ? ` 見出し${s.headerRow}行目` : '';
      const home = s.homeDays === undefined ? '' : ` うち在宅${s.homeDays}日`;
      const homeEn = s.homeDays === undefined ? '' : `, ${s.homeDays} home days`;
      const count = s.layout === 'user-table' ? `${s.records}人${style.lang === 'en' ? ` (${s.records} users)` : ''}` : `${s.records}件${home}${style.lang === 'en' ? ` (${s.records} records${homeEn})` : ''}`;
      out.push(`  ${safeText(input.file)} [${safeText(s.name)}]${layout}${header} ${count}`);
    }
  }
  out.push('');
  // never a bare all-clear: with no home day read, the summary sentence below says what was not checked
  if (!report.findings.length && report.summary.homeDays !== 0) {
    out.push(style.lang === 'en' ? 'No findings. / 指摘はありません。' : '指摘はありません。');
  }
  for (const [user, byRule] of groupFindings(report.findings)) {
    const name =
      user === INPUT_GROUP
        ? style.lang === 'en' ? 'Input data / 入力データ' : '入力データ（読めなかったセル）'
        : user === NO_USER
          ? style.lang === 'en' ? 'Provider-wide / 事業所全体' : '事業所全体'
          : `${safeText(user)} さん`;
    out.push(paint(`■ ${name}`, ANSI.bold, style.color));
    for (const [ruleId, list] of byRule) {
      out.push(ruleHeading(ruleId, style));
      for (const f of list) out.push(...findingLines(f, style, withFile, '    '));
    }
    out.push('');
  }
  const ne = notEvaluatedLines(report.notEvaluated, style);
  if (ne.length) out.push(...ne, '');
  out.push(summaryLine(report.summary, style.lang));
  const m = report.summary.message;
  if (m) out.push(paint(style.lang === 'en' ? `${m.en}\n${m.ja}` : `${m.ja}\n${m.en}`, ANSI.bold, style.color));
  return `${out.join('\n')}\n`;
}

export function renderFormText(report: FormReportLike, style: TextStyle): string {
  const out: string[] = [];
  const title = style.lang === 'en' ? `${report.title.en} / ${report.title.ja}` : report.title.ja;
  out.push(`${title} (${report.formId})`, '');
  if (!report.findings.length) out.push(style.lang === 'en' ? 'No findings. / 指摘はありません。' : '指摘はありません。');
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const [ruleId, list] of byRule) {
    out.push(ruleHeading(ruleId, style).trimStart());
    for (const f of list) out.push(...findingLines(f, style, false, '  '));
  }
  if (report.unknownKeys.length) {
    out.push(
      '',
      style.lang === 'en'
        ? `Unknown fields (ignored) / 不明な項目（無視）: ${report.unknownKeys.join(', ')}`
        : `不明な項目（無視しました）: ${report.unknownKeys.join(', ')}`,
    );
  }
  out.push('', summaryLine(report.summary, style.lang));
  return `${out.join('\n')}\n`;
}

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const JSON_BATCH = 500;

/**
 * renderJson's text in pieces, so a report of many findings is never one huge string: each long
 * top-level array is written a batch of elements at a time. The pieces join to exactly renderJson(value).
 */
export function* jsonChunks(value: unknown): Generator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield renderJson(value);
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  // each piece is stringified inside a one-key object, so V8 indents it at the depth it has in the whole
  const member = (key: string, v: unknown) => {
    const json = JSON.stringify({ [key]: v }, null, 2);
    return json.slice(2, -2); // '{\n' … '\n}'
  };
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i]!;
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(v) && v.length > JSON_BATCH) {
      const head = `  ${JSON.stringify(key)}: [\n`;
      yield head;
      for (let j = 0; j < v.length; j += JSON_BATCH) {
        // '  "key": [\n' … '\n  ]': the elements, indented as in the whole
        const batch = member(key, v.slice(j, j + JSON_BATCH));
        yield `${batch.slice(head.length, -4)}${j + JSON_BATCH < v.length ? ',' : ''}\n`;
      }
      yield `  ]${comma}\n`;
    } else yield `${member(key, v)}${comma}\n`;
  }
  yield '}\n';
}

export function renderErrorText(message: Bilingual, lang: Lang): string {
  const ja = safeText(message.ja, true);
  const en = safeText(message.en, true);
  return lang === 'en' ? `Error: ${en}\nエラー: ${ja}\n` : `エラー: ${ja}\nError: ${en}\n`;
}

export function hasErrorViolation(findings: Finding[]): boolean {
  return findings.some((f) => f.outcome === 'violation' && f.severity === 'error');
}
