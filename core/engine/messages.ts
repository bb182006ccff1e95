import type { DayRecord, IsoDate } from '../model/record.ts';
import type { Finding, Location } from '../model/report.ts';
import { getPack, type EffectiveRule } from '../packs/index.ts';
import type { CheckResult, Subject } from '../rules/types.ts';
import { formatDayEn, formatDayJa, formatShortJa } from './calendar.ts';
import { missingDays } from './edges.ts';

type Data = Record<string, string | number>;

export function fillTemplate(template: string, data: Data): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(data[key] ?? ''));
}

/** The subject's period in words, per language. */
function periodWords(subject: Subject): { ja: string; en: string } {
  const { from, to } = subject.period;
  switch (subject.scope) {
    case 'week':
      return { ja: `${formatShortJa(from)}〜${formatShortJa(to)}の週`, en: `week of ${from} – ${to}` };
    case 'month':
    case 'provider-month':
      return { ja: `${+from.slice(0, 4)}年${+from.slice(5, 7)}月`, en: `month ${from.slice(0, 7)}` };
    case 'user':
      return { ja: `${formatDayJa(from)}〜${formatDayJa(to)}`, en: `${from} – ${to}` };
    default:
      return { ja: formatDayJa(from), en: formatDayEn(from) };
  }
}

export function locationOf(r: DayRecord): Location {
  return r.source.file === undefined
    ? { sheet: r.source.sheet, row: r.source.row }
    : { file: r.source.file, sheet: r.source.sheet, row: r.source.row };
}

/** The engine's own message for a violation that rests on an unreadable cell. */
export const UNREADABLE_MESSAGE_ID = 'unreadableCell';
const UNREADABLE_MESSAGE = {
  ja: '{{user}}さんの{{period}}は、判定に使う「{{field}}」のセル（{{cell}}）を読めなかったため判定していません。セルの値を直してから、もう一度チェックしてください。',
  en: '{{user}}, {{period}}: not decided, because the {{fieldEn}} cell ({{cell}}) it depends on could not be read. Fix the cell and check again.',
};

/** One location per row (a matrix row holds many days of a user). */
function uniqueLocations(records: readonly DayRecord[]): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const r of records) {
    const key = `${r.source.file ?? ''}\u0000${r.source.sheet}\u0000${r.source.row}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(locationOf(r));
  }
  return out;
}

/** A rule's non-pass result as a report finding with its messages filled in. */
export function renderFinding(
  effective: EffectiveRule,
  subject: Subject,
  result: Exclude<CheckResult, { outcome: 'pass' }>,
  asOf: IsoDate,
): Finding {
  const { meta } = effective.rule;
  const template = result.messageId === UNREADABLE_MESSAGE_ID ? UNREADABLE_MESSAGE : meta.messages[result.messageId];
  if (!template) throw new Error(`${meta.id}: no message '${result.messageId}'`);
  const words = periodWords(subject);
  const common = { user: subject.user ?? '', asOf, from: subject.period.from, to: subject.period.to, ...result.data };
  const missing = result.messageId === 'cut' ? missingDays(subject) : { ja: '', en: '' };
  const ja = fillTemplate(template.ja, { ...common, day: formatDayJa(subject.period.from), period: words.ja, uncovered: missing.ja });
  const en = fillTemplate(template.en, { ...common, day: formatDayEn(subject.period.from), period: words.en, uncovered: missing.en });
  const finding: Finding = {
    ruleId: meta.id,
    severity: result.severity ?? effective.severity,
    outcome: result.outcome,
    pack: effective.pack,
    period: { from: subject.period.from, to: subject.period.to },
    locations: uniqueLocations(result.records ?? subject.home),
    message: { ja, en },
    source: citationFor(meta.sources, effective.pack),
  };
  if (subject.user !== undefined) finding.user = subject.user;
  return finding;
}

/** The rule's citations from the pack's own document (004 for 福岡市), else all of them. */
export function citationFor(sources: readonly string[], packId: string): string {
  const doc = getPack(packId)?.source.slice(0, 3);
  const own = doc ? sources.filter((s) => s.startsWith(doc)) : [];
  return (own.length > 0 ? own : sources).join(', ');
}
