// The edges of the data: which days a sheet covers, so that a week or month reaching past them is
// `incomplete` (naming the days the data lacks), never a violation.
import type { IsoDate } from '../model/record.ts';
import type { ImportedSheet } from '../import/types.ts';
import type { Subject } from '../rules/types.ts';
import { dayNumber, formatShortJa, isoFromDayNumber, monthRange, weekdayOf } from './calendar.ts';

export type Span = { from: IsoDate; to: IsoDate };

/** Month sheets: the title or name names the month, or the layout is monthly (実績記録票, matrix). */
function isMonthSheet(sheet: ImportedSheet): boolean {
  return sheet.monthly === true || sheet.layout === 'per-user-sheet' || sheet.layout === 'matrix';
}

/**
 * The days a sheet covers. A month sheet covers its months. Otherwise the data runs from the sheet's
 * first to its last date across all its users, and on past them over days whose weekday has no record
 * anywhere in the sheet (a provider closed on weekends: an export ending Friday the 30th covers the 31st).
 */
export function sheetSpan(sheet: ImportedSheet): Span | undefined {
  let from: IsoDate | undefined;
  let to: IsoDate | undefined;
  let weekdays = 0;
  for (const r of sheet.recordList) {
    if (from === undefined || r.date < from) from = r.date;
    if (to === undefined || r.date > to) to = r.date;
    if (weekdays !== 0x7f) weekdays |= 1 << weekdayOf(r.date);
  }
  if (from === undefined || to === undefined) return undefined;
  if (isMonthSheet(sheet)) return { from: monthRange(from).from, to: monthRange(to).to };
  const open = (iso: IsoDate) => (weekdays & (1 << weekdayOf(iso))) !== 0;
  let a = dayNumber(from);
  let b = dayNumber(to);
  for (let i = 0; i < 6 && !open(isoFromDayNumber(a - 1)); i++) a--;
  for (let i = 0; i < 6 && !open(isoFromDayNumber(b + 1)); i++) b++;
  return { from: isoFromDayNumber(a), to: isoFromDayNumber(b) };
}

/** The days of the subject's period that the data does not cover, in words (for `cut` messages). */
export function missingDays(subject: Subject): { ja: string; en: string } {
  const parts: Span[] = [];
  const { period, dataSpan } = subject;
  if (period.from < dataSpan.from) parts.push({ from: period.from, to: isoFromDayNumber(dayNumber(dataSpan.from) - 1) });
  if (period.to > dataSpan.to) parts.push({ from: isoFromDayNumber(dayNumber(dataSpan.to) + 1), to: period.to });
  const ja = parts.map((p) => (p.from === p.to ? formatShortJa(p.from) : `${formatShortJa(p.from)}〜${formatShortJa(p.to)}`)).join('と');
  const en = parts.map((p) => (p.from === p.to ? p.from : `${p.from} – ${p.to}`)).join(' and ');
  return { ja, en };
}

/** Overlapping or adjacent spans merged, in date order. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && dayNumber(s.from) <= dayNumber(last.to) + 1) {
      if (s.to > last.to) last.to = s.to;
    } else out.push({ from: s.from, to: s.to });
  }
  return out;
}
