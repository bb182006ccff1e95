import type { IsoDate } from '../model/record.ts';
import type { WeekStart } from '../model/report.ts';

const MS_PER_DAY = 86_400_000;
const dayNumberCache = new Map<string, number>();

/** Days since 1970-01-01 for an ISO date (cached: the engine asks for the same dates often). */
export function dayNumber(iso: IsoDate): number {
  let n = dayNumberCache.get(iso);
  if (n === undefined) {
    n = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
    dayNumberCache.set(iso, n);
  }
  return n;
}

const isoCache = new Map<number, IsoDate>();

export function isoFromDayNumber(n: number): IsoDate {
  let iso = isoCache.get(n);
  if (iso === undefined) {
    iso = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(n, iso);
  }
  return iso;
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(iso: IsoDate): number {
  return (dayNumber(iso) + 4) % 7; // 1970-01-01 was a Thursday
}

export function weekRange(iso: IsoDate, weekStart: WeekStart): { from: IsoDate; to: IsoDate } {
  const n = dayNumber(iso);
  const offset = (weekdayOf(iso) - (weekStart === 'mon' ? 1 : 0) + 7) % 7;
  return { from: isoFromDayNumber(n - offset), to: isoFromDayNumber(n - offset + 6) };
}

export function monthRange(iso: IsoDate): { from: IsoDate; to: IsoDate } {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${iso.slice(0, 7)}-01`, to: `${iso.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

export function daysInMonthOf(iso: IsoDate): number {
  return +monthRange(iso).to.slice(8, 10);
}

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 2026年10月7日（水） */
export function formatDayJa(iso: IsoDate): string {
  return `${+iso.slice(0, 4)}年${+iso.slice(5, 7)}月${+iso.slice(8, 10)}日（${WEEKDAYS_JA[weekdayOf(iso)]}）`;
}

/** 2026-10-07 (Wed) */
export function formatDayEn(iso: IsoDate): string {
  return `${iso} (${WEEKDAYS_EN[weekdayOf(iso)]})`;
}

/** 10月5日（月） without the year, for week spans */
export function formatShortJa(iso: IsoDate): string {
  return `${+iso.slice(5, 7)}月${+iso.slice(8, 10)}日（${WEEKDAYS_JA[weekdayOf(iso)]}）`;
}
