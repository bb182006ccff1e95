// Times of day as minutes since midnight. Pure, never throws.
import type { CellValue } from '../import/types.ts';
import type { Reason } from './dates.ts';
import { normalizeText } from './text.ts';

export type TimeResult = { ok: true; minutes: number } | { ok: false; reason: Reason };
export type TimeRangeResult = { ok: true; from: number; to: number } | { ok: false; reason: Reason };

const MAX_MINUTES = 48 * 60;

function fail(value: string, what: 'time' | 'range' = 'time'): { ok: false; reason: Reason } {
  const v = value.length > 40 ? value.slice(0, 40) + '…' : value;
  if (value === '') return { ok: false, reason: { ja: '時刻が空欄です。', en: 'The time is blank.' } };
  if (what === 'range') {
    return { ok: false, reason: { ja: `「${v}」を時間帯として読めません。例: 9:00～15:00`, en: `"${v}" cannot be read as a time range. Example: 9:00～15:00` } };
  }
  return { ok: false, reason: { ja: `「${v}」を時刻として読めません。例: 9:00、9時30分`, en: `"${v}" cannot be read as a time. Examples: 9:00, 9時30分` } };
}

// A time token inside normalised text (NFKC, so full-width digits and ： are already ASCII).
const TIME_TOKEN = String.raw`(?:(午前|午後|am|pm|a\.m\.|p\.m\.)\s*)?(\d{1,2})\s*(?::\s*(\d{2})(?::(\d{2}))?|時\s*(?:(\d{1,2})\s*分|(半))?)\s*(am|pm)?`;
const RE_TIME = new RegExp(`^${TIME_TOKEN}$`, 'i');
const RE_COMPACT = /^(\d{1,2})(\d{2})$/;
const RE_RANGE = new RegExp(`^(.+?)\\s*(?:~|-|から|to)\\s*(.+?)\\s*(?:まで)?$`, 'i');
const RE_FIND_RANGE = new RegExp(`${TIME_TOKEN}\\s*(?:~|-|から)\\s*${TIME_TOKEN}`, 'i');

function fromParts(ampm: string | undefined, h: number, min: number, ampm2: string | undefined): number | undefined {
  const mer = (ampm ?? ampm2 ?? '').toLowerCase();
  let hour = h;
  if (mer === '午後' || mer === 'pm' || mer === 'p.m.') {
    if (hour > 12) return undefined;
    if (hour < 12) hour += 12;
  } else if (mer === '午前' || mer === 'am' || mer === 'a.m.') {
    if (hour > 12) return undefined;
    if (hour === 12) hour = 0;
  }
  if (min < 0 || min > 59) return undefined;
  const total = hour * 60 + min;
  return total <= MAX_MINUTES ? total : undefined;
}

function fromMatch(m: RegExpExecArray, offset = 0): number | undefined {
  const ampm = m[offset + 1];
  const h = Number(m[offset + 2]);
  const min = m[offset + 3] !== undefined ? Number(m[offset + 3]) : m[offset + 5] !== undefined ? Number(m[offset + 5]) : m[offset + 6] ? 30 : 0;
  return fromParts(ampm, h, min, m[offset + 7]);
}

/** Reads a time cell: `9:00`, `09:00:00`, `9時30分`, `午後1時`, Excel fractions, exceljs time Dates. */
export function parseTime(value: CellValue): TimeResult {
  if (value === null || value === undefined) return fail('');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('Invalid Date');
    return { ok: true, minutes: value.getUTCHours() * 60 + value.getUTCMinutes() + (value.getUTCSeconds() >= 30 ? 1 : 0) };
  }
  if (typeof value === 'number') return numberTime(value);
  if (typeof value !== 'string') return fail(String(value));
  const raw = value.trim();
  if (raw === '') return fail('');
  const s = normalizeText(raw);
  let m = RE_TIME.exec(s);
  if (m) {
    const t = fromMatch(m);
    return t === undefined ? fail(raw) : { ok: true, minutes: t };
  }
  m = RE_COMPACT.exec(s);
  if (m) {
    const t = fromParts(undefined, Number(m[1]), Number(m[2]), undefined);
    return t === undefined ? fail(raw) : { ok: true, minutes: t };
  }
  if (/^\d*\.\d+$|^\d{1,2}$/.test(s)) return numberTime(Number(s), raw);
  return fail(raw);
}

function numberTime(x: number, raw = String(x)): TimeResult {
  if (!Number.isFinite(x) || x < 0) return fail(raw);
  // Whole numbers 1–24 are hours typed as numbers; otherwise an Excel day fraction (date part dropped).
  if (Number.isInteger(x) && x >= 1 && x <= 24) return { ok: true, minutes: x * 60 };
  const frac = x >= 1 && x > 47 ? x - Math.floor(x) : x;
  if (frac >= 2) return fail(raw);
  const minutes = Math.round(frac * 1440);
  return minutes <= MAX_MINUTES ? { ok: true, minutes } : fail(raw);
}

/** One cell holding a range: `9:00～15:00`, `9:00-15:00`, `9時～15時`. */
export function parseTimeRange(value: CellValue): TimeRangeResult {
  if (typeof value !== 'string') return fail(value === null || value === undefined ? '' : String(value), 'range');
  const raw = value.trim();
  if (raw === '') return fail('', 'range');
  const m = RE_RANGE.exec(normalizeText(raw));
  if (!m) return fail(raw, 'range');
  const a = parseTime(m[1]!);
  const b = parseTime(m[2]!);
  if (!a.ok || !b.ok) return fail(raw, 'range');
  return { ok: true, from: a.minutes, to: b.minutes };
}

/** Finds a time range inside free text (`居宅介護 10:00～11:00`). */
export function extractTimeRange(text: string): { from: number; to: number; match: string } | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const m = RE_FIND_RANGE.exec(normalizeText(text));
  if (!m) return undefined;
  const from = fromMatch(m, 0);
  const to = fromMatch(m, 7);
  if (from === undefined || to === undefined) return undefined;
  return { from, to, match: m[0] };
}

/** 570 → `9:30`. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${m < 10 ? '0' + m : m}`;
}

export type MinutesResult = { ok: true; minutes: number | undefined } | { ok: false; reason: Reason };

const MINUTES_REASON: Reason = { ja: '分数を 30 や 30分、1時間、1時間30分 のように入力してください。', en: 'Enter minutes, e.g. 30, 30分, 1時間 or 1時間30分.' };
const ABOUT = String.raw`(?:約|およそ|概ね|おおむね|大体|だいたい)?\s*`;
const APPROX = String.raw`\s*(?:以内|以下|程度|位|くらい|ぐらい|前後)?`;
const RE_MINUTES = new RegExp(String.raw`^${ABOUT}(\d+(?:\.\d+)?)\s*(?:分間?|min|mins|minutes?)?${APPROX}$`, 'i');
const RE_HOURS = new RegExp(String.raw`^${ABOUT}(\d+(?:\.\d+)?)\s*時間\s*(?:(\d+)\s*分間?|(半))?${APPROX}$`);

/**
 * A duration in minutes (駆けつけ所要時間): 30, `30分`, `９０`, `約30分`, `30分以内`, `1時間`,
 * `1時間30分`, `1時間半`. Blank → ok with minutes undefined.
 */
export function parseMinutes(value: CellValue): MinutesResult {
  if (value === null || value === undefined) return { ok: true, minutes: undefined };
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? { ok: true, minutes: value } : { ok: false, reason: MINUTES_REASON };
  if (typeof value !== 'string') return { ok: false, reason: MINUTES_REASON };
  const s = normalizeText(value);
  if (s === '') return { ok: true, minutes: undefined };
  let m = RE_MINUTES.exec(s);
  if (m) return { ok: true, minutes: Number(m[1]) };
  m = RE_HOURS.exec(s);
  if (m) return { ok: true, minutes: Math.round(Number(m[1]) * 60) + (m[2] ? Number(m[2]) : m[3] ? 30 : 0) };
  return { ok: false, reason: MINUTES_REASON };
}
