// Dates as Japanese spreadsheets write them: 西暦, 和暦, Excel serials, month-day and day-only. Pure, never throws.
import type { CellValue } from '../import/types.ts';
import { normalizeText } from './text.ts';

/** `fiscalYear`: a 年度 (April–March) from the title; a month/day date then takes its year from it. */
export type DateContext = { year?: number; month?: number; fiscalYear?: number; date1904?: boolean };
export type Reason = { ja: string; en: string };
export type DateResult = { ok: true; date: string } | { ok: false; reason: Reason };

const DAY_MS = 86_400_000;

interface Era {
  names: string[];
  start: string;
  end?: string;
  year0: number;
}
/** Japanese eras; start/end inclusive. */
const ERAS: Era[] = [
  { names: ['令和', 'r'], start: '2019-05-01', year0: 2018 },
  { names: ['平成', 'h'], start: '1989-01-08', end: '2019-04-30', year0: 1988 },
  { names: ['昭和', 's'], start: '1926-12-25', end: '1989-01-07', year0: 1925 },
  { names: ['大正', 't'], start: '1912-07-30', end: '1926-12-24', year0: 1911 },
  { names: ['明治', 'm'], start: '1868-01-25', end: '1912-07-29', year0: 1867 },
];
const ERA_BY_NAME = new Map<string, Era>();
for (const e of ERAS) for (const n of e.names) ERA_BY_NAME.set(n, e);

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function toIso(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function isoFromUtcMs(ms: number): string {
  const d = new Date(ms);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function isoToUtcMs(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** iso + n days. */
export function addDays(iso: string, n: number): string {
  return isoFromUtcMs(isoToUtcMs(iso) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(isoToUtcMs(iso)).getUTCDay();
}

/** Negative, 0 or positive like a comparator (ISO dates compare as strings). */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((isoToUtcMs(b) - isoToUtcMs(a)) / DAY_MS);
}

const EXCEL_1900_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_1904_EPOCH = Date.UTC(1904, 0, 1);

/** Excel serial → ISO date (1900 system keeps Excel's fictitious 1900-02-29 = serial 60). */
export function serialToIso(serial: number, date1904 = false): DateResult {
  if (!Number.isFinite(serial)) return fail('notNumber', String(serial));
  const n = Math.floor(serial);
  if (date1904) {
    if (n < 0 || n > 2_957_003) return fail('serialRange', String(serial));
    return { ok: true, date: isoFromUtcMs(EXCEL_1904_EPOCH + n * DAY_MS) };
  }
  if (n < 1 || n > 2_958_465) return fail('serialRange', String(serial));
  if (n === 60) return fail('serial1900', String(serial));
  // Serials below 60 lie before Excel's fictitious leap day.
  const days = n < 60 ? n + 1 : n;
  return { ok: true, date: isoFromUtcMs(EXCEL_1900_EPOCH + days * DAY_MS) };
}

type FailCode = 'empty' | 'notDate' | 'invalidDay' | 'eraRange' | 'needYear' | 'needMonth' | 'serialRange' | 'serial1900' | 'notNumber';

function fail(code: FailCode, value: string): { ok: false; reason: Reason } {
  const v = value.length > 40 ? value.slice(0, 40) + '…' : value;
  switch (code) {
    case 'empty':
      return { ok: false, reason: { ja: '日付が空欄です。', en: 'The date is blank.' } };
    case 'invalidDay':
      return { ok: false, reason: { ja: `「${v}」は実在しない日付です。`, en: `"${v}" is not a real calendar date.` } };
    case 'eraRange':
      return { ok: false, reason: { ja: `「${v}」はその元号の期間外の日付です。`, en: `"${v}" lies outside the period of that Japanese era.` } };
    case 'needYear':
      return { ok: false, reason: { ja: `「${v}」には年がありません。年を含めて入力するか、シートの表題に年月（例: 令和8年10月分）を書いてください。`, en: `"${v}" has no year. Write the year, or give the month in the sheet title (e.g. 令和8年10月分).` } };
    case 'needMonth':
      return { ok: false, reason: { ja: `「${v}」には年月がありません。シートの表題に年月（例: 令和8年10月分）を書いてください。`, en: `"${v}" gives only the day. Give the month in the sheet title (e.g. 令和8年10月分).` } };
    case 'serialRange':
    case 'notNumber':
      return { ok: false, reason: { ja: `数値「${v}」は日付として読めません。`, en: `The number "${v}" cannot be read as a date.` } };
    case 'serial1900':
      return { ok: false, reason: { ja: `「${v}」はExcelの存在しない日付（1900年2月29日）です。`, en: `"${v}" is Excel's non-existent date 1900-02-29.` } };
    default:
      return { ok: false, reason: { ja: `「${v}」を日付として読めません。例: 2026/10/1、令和8年10月1日、R8.10.1`, en: `"${v}" cannot be read as a date. Examples: 2026/10/1, 令和8年10月1日, R8.10.1` } };
  }
}

function ymd(y: number, m: number, d: number, raw: string): DateResult {
  if (!isValidYmd(y, m, d)) return fail('invalidDay', raw);
  return { ok: true, date: toIso(y, m, d) };
}

function eraYmd(eraName: string, yearText: string, m: number, d: number, raw: string): DateResult {
  const era = ERA_BY_NAME.get(eraName.toLowerCase());
  if (!era) return fail('notDate', raw);
  const ey = yearText === '元' ? 1 : Number(yearText);
  if (!Number.isInteger(ey) || ey < 1) return fail('eraRange', raw);
  const y = era.year0 + ey;
  if (!isValidYmd(y, m, d)) return fail('invalidDay', raw);
  const iso = toIso(y, m, d);
  if (iso < era.start || (era.end !== undefined && iso > era.end)) return fail('eraRange', raw);
  return { ok: true, date: iso };
}

/** Era year → western year (range not checked): ('令和', '8') → 2026. */
export function eraYear(eraName: string, yearText: string): number | undefined {
  const era = ERA_BY_NAME.get(eraName.toLowerCase());
  if (!era) return undefined;
  const ey = yearText === '元' ? 1 : Number(yearText);
  if (!Number.isInteger(ey) || ey < 1) return undefined;
  return era.year0 + ey;
}

const WEEKDAY_SUFFIX = /\s*(?:\(\s*[日月火水木金土祝](?:曜日?)?(?:・?祝)?\s*\)|[日月火水木金土]曜日?)$/;
const TIME_SUFFIX = /(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const RE_YMD = /^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})$/;
const RE_YMD_KANJI = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const RE_ERA = /^(令和|平成|昭和|大正|明治|[rhstm])\s*(\d{1,2}|元)\s*(?:年|[/.-])\s*(\d{1,2})\s*(?:月|[/.-])\s*(\d{1,2})\s*日?$/i;
const RE_MD = /^(\d{1,2})\s*(?:月|\/)\s*(\d{1,2})\s*日?$/;
const RE_D = /^(\d{1,2})\s*日?$/;
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const RE_NUMERIC = /^\d+(?:\.\d+)?$/;
/** Serials read from text only when they fall in 1950..2100. */
const PLAUSIBLE_SERIAL_MIN = 18_264;
const PLAUSIBLE_SERIAL_MAX = 73_051;

/** Reads a date cell. ISO `YYYY-MM-DD` on success, a bilingual reason otherwise. */
export function parseDate(value: CellValue, ctx: DateContext = {}): DateResult {
  if (value === null || value === undefined) return fail('empty', '');
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return fail('notDate', 'Invalid Date');
    const y = value.getUTCFullYear();
    if (y < 1900 || y > 9999) return fail('notDate', value.toISOString());
    return { ok: true, date: toIso(y, value.getUTCMonth() + 1, value.getUTCDate()) };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('notNumber', String(value));
    if (Number.isInteger(value) && value >= 1 && value <= 31 && ctx.year !== undefined && ctx.month !== undefined) {
      return ymd(ctx.year, ctx.month, value, String(value));
    }
    if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) return parseDate(String(value), ctx);
    return serialToIso(value, ctx.date1904 ?? false);
  }
  if (typeof value === 'boolean') return fail('notDate', String(value));
  if (typeof value !== 'string') return fail('notDate', String(value));
  const raw = value.trim();
  if (raw === '') return fail('empty', '');
  const s = normalizeText(raw).replace(WEEKDAY_SUFFIX, '').replace(TIME_SUFFIX, '').trim();
  if (s === '') return fail('notDate', raw);
  let m: RegExpExecArray | null;
  if ((m = RE_YMD.exec(s)) || (m = RE_YMD_KANJI.exec(s))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  if ((m = RE_ERA.exec(s))) return eraYmd(m[1]!, m[2]!, Number(m[3]), Number(m[4]), raw);
  if ((m = RE_COMPACT.exec(s))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  if ((m = RE_MD.exec(s))) {
    if (ctx.year === undefined && ctx.fiscalYear !== undefined) return ymd(fiscalMonthYear(ctx.fiscalYear, Number(m[1])), Number(m[1]), Number(m[2]), raw);
    if (ctx.year === undefined) return fail('needYear', raw);
    return ymd(ctx.year, Number(m[1]), Number(m[2]), raw);
  }
  if ((m = RE_D.exec(s))) {
    if (ctx.year === undefined || ctx.month === undefined) return fail('needMonth', raw);
    return ymd(ctx.year, ctx.month, Number(m[1]), raw);
  }
  if (RE_NUMERIC.test(s)) {
    const n = Number(s);
    if (n >= PLAUSIBLE_SERIAL_MIN && n <= PLAUSIBLE_SERIAL_MAX) return serialToIso(n, ctx.date1904 ?? false);
  }
  return fail('notDate', raw);
}

const RE_TITLE_ERA = /(令和|平成|(?<![a-z])[rh])\s*(\d{1,2}|元)\s*(?:年|[./])\s*(\d{1,2})\s*月?/i;
const RE_TITLE_YEAR = /(\d{4})\s*年\s*(\d{1,2})\s*月/;
const RE_TITLE_SLASH = /(?<!\d)(\d{4})\s*[/.-]\s*(\d{1,2})(?![\d/.-])/;

const RE_FISCAL = /(?:(令和|平成|(?<![a-z])[rh])\s*(\d{1,2}|元)|(?<!\d)(\d{4}))\s*年度/i;
const RE_BARE_MONTH = /(?<![\d.])(\d{1,2})\s*月/;

/** The calendar year of a month of fiscal year `fy` (年度: April of fy to March of fy+1). */
export function fiscalMonthYear(fy: number, month: number): number {
  return month >= 4 ? fy : fy + 1;
}

/** The 年度 of a title (`令和8年度`, `R8年度`, `2026年度`) and the month named after it, if any. */
export function parseTitleFiscalYear(text: string): { fiscalYear: number; month?: number } | undefined {
  if (typeof text !== 'string' || text === '' || !text.includes('度')) return undefined;
  const s = normalizeText(text);
  const m = RE_FISCAL.exec(s);
  if (!m) return undefined;
  const fy = m[3] !== undefined ? Number(m[3]) : eraYear(m[1]!, m[2]!);
  if (fy === undefined || fy < 1900 || fy > 2200) return undefined;
  const month = bareMonth(s.slice(m.index + m[0].length));
  return month === undefined ? { fiscalYear: fy } : { fiscalYear: fy, month };
}

/** A month named without a year: `1月`, `（1月分）`, `9月`. */
export function bareMonth(text: string): number | undefined {
  const m = RE_BARE_MONTH.exec(normalizeText(text));
  const mo = m ? Number(m[1]) : NaN;
  return mo >= 1 && mo <= 12 ? mo : undefined;
}

/** Year and month of a title cell: `令和8年10月分`, `2026年10月`, `R8年10月分 サービス提供実績記録票`, `令和8年度 1月分` (→ 2027-01). */
export function parseTitleMonth(text: string): { year: number; month: number } | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const fiscal = parseTitleFiscalYear(text);
  if (fiscal) return fiscal.month === undefined ? undefined : { year: fiscalMonthYear(fiscal.fiscalYear, fiscal.month), month: fiscal.month };
  const s = normalizeText(text);
  let m = RE_TITLE_ERA.exec(s);
  if (m) {
    const y = eraYear(m[1]!, m[2]!);
    const mo = Number(m[3]);
    if (y !== undefined && mo >= 1 && mo <= 12) return { year: y, month: mo };
  }
  m = RE_TITLE_YEAR.exec(s) ?? RE_TITLE_SLASH.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12) return { year: y, month: mo };
  }
  return undefined;
}
