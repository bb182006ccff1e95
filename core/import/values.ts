// Cell → canonical value readers with per-sheet memo (values repeat a lot: 在宅, ○, 9:00 …).
import type { Contact, EvalMethod, Mode, OtherService, Service } from '../model/record.ts';
import { parseDate, type DateContext, type DateResult, type Reason } from '../normalize/dates.ts';
import { parseEvalMethod, parseMark, parseMode, parseService } from '../normalize/marks.ts';
import { extractTimeRange, parseMinutes, parseTime, parseTimeRange, type TimeRangeResult, type TimeResult } from '../normalize/times.ts';
import { isExcelError, normalizeText, normalizeUserName } from '../normalize/text.ts';
import type { CellValue } from './types.ts';

const MEMO_LIMIT = 5000;

/** Stores a parsed value (up to MEMO_LIMIT keys) and returns it; callers look up first with `cache.get(key) ??`. */
function remember<K, T>(cache: Map<K, T>, key: K, value: T): T {
  if (cache.size < MEMO_LIMIT) cache.set(key, value);
  return value;
}

const EXCEL_ERROR_REASON: Reason = {
  ja: 'セルがExcelのエラー値です。数式を確認してください。',
  en: 'The cell holds an Excel error value; check the formula.',
};

export type Read<T> = { ok: true; value: T | undefined } | { ok: false; reason: Reason };
const BLANK = { ok: true as const, value: undefined };

/** Parsers for one sheet; string results are memoised. */
export class ValueReader {
  private dates = new Map<string, DateResult>();
  private dateObjects = new Map<number, DateResult>();
  private dateNumbers = new Map<number, DateResult>();
  private timeValues = new Map<number, TimeResult>();
  private times = new Map<string, TimeResult>();
  private ranges = new Map<string, TimeRangeResult>();
  private dateRanges = new Map<string, Read<{ from?: string; to?: string }>>();
  private modes = new Map<string, Mode | undefined | 'invalid'>();
  private marks = new Map<string, boolean | undefined | 'invalid'>();
  private methods = new Map<string, EvalMethod | undefined | 'invalid'>();
  private services = new Map<string, Service | undefined | 'invalid'>();

  /** contact cell text → its Contact (shared by every row with that text; records are read-only) or null */
  private contacts = new Map<string, Contact | null>();
  private users = new Map<string, string>();

  constructor(readonly dateCtx: DateContext) {}

  /** One contact cell's text as a Contact, or null when it is not a contact (blank, ×, なし). */
  contactOfText(v: string): Contact | null {
    const hit = this.contacts.get(v);
    return hit !== undefined ? hit : remember(this.contacts, v, contactOfText(v, this));
  }

  /** normalizeUserName, memoised. */
  userName(v: string): string {
    return this.users.get(v) ?? remember(this.users, v, normalizeUserName(v));
  }

  date(v: CellValue): DateResult {
    if (isExcelError(v)) return { ok: false, reason: EXCEL_ERROR_REASON };
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 366 && (this.dateCtx.month === undefined || v > 31)) {
      // A small number in a date column is a day of the month, not an Excel serial from 1900.
      return parseDate(String(v), this.dateCtx);
    }
    if (typeof v === 'string') return this.dates.get(v) ?? remember(this.dates, v, parseDate(v, this.dateCtx));
    if (v instanceof Date) {
      const t = v.getTime();
      return Number.isNaN(t) ? parseDate(v, this.dateCtx) : this.dateObjects.get(t) ?? remember(this.dateObjects, t, parseDate(v, this.dateCtx));
    }
    if (typeof v === 'number') return this.dateNumbers.get(v) ?? remember(this.dateNumbers, v, parseDate(v, this.dateCtx));
    return parseDate(v, this.dateCtx);
  }

  time(v: CellValue): TimeResult {
    if (isExcelError(v)) return { ok: false, reason: EXCEL_ERROR_REASON };
    if (typeof v === 'string') return this.times.get(v) ?? remember(this.times, v, parseTime(v));
    if (typeof v === 'number') return this.timeValues.get(v) ?? remember(this.timeValues, v, parseTime(v));
    return parseTime(v);
  }

  timeRange(v: CellValue): TimeRangeResult {
    if (typeof v === 'string') return this.ranges.get(v) ?? remember(this.ranges, v, parseTimeRange(v));
    return parseTimeRange(v);
  }

  /** dateRangeValue of a text cell, memoised (a certificate period repeats on every row of a user). */
  dateRange(text: string): Read<{ from?: string; to?: string }> {
    return this.dateRanges.get(text) ?? remember(this.dateRanges, text, dateRangeOfText(text, this));
  }

  mode(v: CellValue): Mode | undefined | 'invalid' {
    if (isExcelError(v)) return 'invalid';
    if (typeof v === 'string') return this.modes.get(v) ?? remember(this.modes, v, parseMode(v));
    return parseMode(v);
  }

  mark(v: CellValue): boolean | undefined | 'invalid' {
    if (isExcelError(v)) return 'invalid';
    if (typeof v === 'string') return this.marks.get(v) ?? remember(this.marks, v, parseMark(v));
    return parseMark(v);
  }

  method(v: CellValue): EvalMethod | undefined | 'invalid' {
    if (isExcelError(v)) return 'invalid';
    if (typeof v === 'string') return this.methods.get(v) ?? remember(this.methods, v, parseEvalMethod(v));
    if (v instanceof Date) return 'unknown';
    return parseEvalMethod(v);
  }

  service(v: CellValue): Service | undefined | 'invalid' {
    if (isExcelError(v)) return 'invalid';
    if (typeof v === 'string') return this.services.get(v) ?? remember(this.services, v, parseService(v));
    return parseService(v);
  }
}

/** Free text of a cell (undefined when blank or an Excel error). */
export function textValue(v: CellValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' || isExcelError(t) ? undefined : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  return undefined;
}

const RE_COUNT = /^(\d{1,3})\s*(?:回|件|times?)?$/i;
/** Non-negative integer count: 2, `2回`, `２`. */
export function countValue(v: CellValue): Read<number> {
  if (v === null || v === undefined) return BLANK;
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 0 && v <= 999 ? { ok: true, value: v } : { ok: false, reason: { ja: '0〜999の整数を入力してください。', en: 'Enter a whole number from 0 to 999.' } };
  }
  if (typeof v === 'string') {
    const s = normalizeText(v);
    if (s === '') return BLANK;
    const m = RE_COUNT.exec(s);
    if (m) return { ok: true, value: Number(m[1]) };
  }
  return { ok: false, reason: { ja: '回数は 2 や 2回 のように数で入力してください。', en: 'Enter the count as a number, e.g. 2 or 2回.' } };
}

/** Minutes: 30, `30分`, `約30分`, `1時間`, `1時間30分` (core/normalize parseMinutes). */
export function minutesValue(v: CellValue): Read<number> {
  const r = parseMinutes(v);
  return r.ok ? { ok: true, value: r.minutes } : r;
}

/** One contact cell: ○, `9:30`, `10:00 電話`, `電話（進捗確認）` … Blank or a "no" mark → undefined. */
export function contactValue(v: CellValue, reader: ValueReader): Contact | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date || typeof v === 'number') {
    const t = reader.time(v);
    if (typeof v === 'number' && !t.ok) return { text: String(v) };
    return t.ok ? { time: t.minutes, text: textValue(v) ?? '' } : undefined;
  }
  if (typeof v === 'boolean') return v ? { text: 'TRUE' } : undefined;
  return reader.contactOfText(v) ?? undefined;
}

function contactOfText(v: string, reader: ValueReader): Contact | null {
  const time = contactTimeOf(v, reader);
  if (time === null) return null;
  const text = v.trim();
  return time === undefined ? { text } : { time, text };
}

/** Time of a contact cell's text: minutes, undefined (no time written) or null (not a contact). */
export function contactTimeOf(v: string, reader: ValueReader): number | undefined | null {
  const text = v.trim();
  if (text === '' || isExcelError(text)) return null;
  if (reader.mark(text) === false) return null;
  const whole = reader.time(text);
  if (whole.ok) return whole.minutes;
  const first = RE_TIME_IN_TEXT.exec(normalizeText(text));
  if (first) {
    const t = reader.time(first[0]);
    if (t.ok) return t.minutes;
  }
  return undefined;
}
const RE_TIME_IN_TEXT = /(?:午前|午後)?\d{1,2}(?::\d{2}|時(?:\d{1,2}分|半)?)/;

// 「特になし」「該当なし」「利用なし」「無し」「-」: no other service that day.
const RE_NO_SERVICE = /^(?:特に|とくに|該当|利用|併用|他サービス|サービス)?(?:なし|無し|無|ない|無い|ありません|しない|せず)$/;

/** 他サービス: name or ○, maybe with a time range. "No" marks and 特になし/該当なし → undefined. */
export function otherServiceValue(v: CellValue, reader: ValueReader): OtherService | undefined {
  const text = textValue(v);
  if (text === undefined) return undefined;
  if (reader.mark(text) === false) return undefined;
  if (text.length <= 12) {
    const bare = normalizeText(text).replace(/[\s。.]/g, '');
    if (RE_NO_SERVICE.test(bare) || /^[-ー―‐~〃/]+$/.test(bare)) return undefined;
  }
  const range = extractTimeRange(text);
  const o: OtherService = { text };
  if (range) {
    o.from = range.from;
    o.to = range.to;
  }
  return o;
}

const RANGE_SPLIT = /\s*(?:~|から)\s*/;
/** 受給者証 period in one cell: `R8.4.1～R9.3.31`, `2026/4/1-2027/3/31`. */
export function dateRangeValue(v: CellValue, reader: ValueReader): Read<{ from?: string; to?: string }> {
  const text = textValue(v);
  if (text === undefined) return BLANK;
  if (v instanceof Date || typeof v === 'number') {
    const d = reader.date(v);
    return d.ok ? { ok: true, value: { from: d.date } } : d;
  }
  return reader.dateRange(text);
}

function dateRangeOfText(text: string, reader: ValueReader): Read<{ from?: string; to?: string }> {
  const s = normalizeText(text).replace(/まで$/, '');
  let parts = s.split(RANGE_SPLIT);
  if (parts.length !== 2) {
    const m = /^(.+?)\s+-\s+(.+)$/.exec(s) ?? /^([^-]+)-([^-]+)$/.exec(s);
    parts = m ? [m[1]!, m[2]!] : [s];
  }
  if (parts.length === 1) {
    const d = reader.date(parts[0]!);
    return d.ok ? { ok: true, value: { from: d.date } } : d;
  }
  const out: { from?: string; to?: string } = {};
  for (const [i, p] of parts.entries()) {
    if (p.trim() === '') continue;
    const d = reader.date(p);
    if (!d.ok) return d;
    if (i === 0) out.from = d.date;
    else out.to = d.date;
  }
  return { ok: true, value: out };
}
