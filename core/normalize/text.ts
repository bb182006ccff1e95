// Text normalisation for Japanese spreadsheet values and headers. Pure, never throws.

const SPACE_RUN = /[\s\u3000\u00a0\u200b\ufeff]+/g;
const WAVE_DASH = /[\u301c\uff5e\u223c\u223e\u2053]/g; // 〜 ～ ∼ ∾ ⁓
const HYPHEN = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d]/g;

/** NFKC, trimmed, spaces folded to one half-width space, wave dashes → `~`, hyphens → `-`. */
export function normalizeText(s: string): string {
  if (typeof s !== 'string') return '';
  return s.normalize('NFKC').replace(WAVE_DASH, '~').replace(HYPHEN, '-').replace(SPACE_RUN, ' ').trim();
}

/** User name as written: trimmed, runs of spaces (full- or half-width) folded to one half-width space. */
export function normalizeUserName(s: string): string {
  if (typeof s !== 'string') return '';
  return s.replace(SPACE_RUN, ' ').trim();
}

const HEADER_DROP = /[\s\u3000()[\]{}【】「」『』〔〕〈〉《》<>:：・*※\u00a0\u200b\ufeff'"]+/g;
const HEADER_NUMBERING = /(\d+)(?:回目|番目|回|つ目)/g;

/**
 * Header key for matching: NFKC, lower case, no spaces/line breaks/brackets, circled numbers → digits,
 * `1回目` → `1`. So 連絡①, 連絡1回目, 連絡（1回目） all become `連絡1`.
 */
export function normalizeHeader(s: string): string {
  if (typeof s !== 'string') return '';
  return s
    .normalize('NFKC')
    .replace(WAVE_DASH, '~')
    .replace(HYPHEN, '-')
    .toLowerCase()
    .replace(HEADER_DROP, '')
    .replace(HEADER_NUMBERING, '$1');
}

/** Splits a normalised header into its base and a trailing number: `連絡2` → { base: '連絡', n: 2 }. */
export function splitHeaderNumber(key: string): { base: string; n?: number } {
  const m = /^(.*?)(\d{1,2})$/.exec(key);
  if (m && m[1] !== undefined && m[2] !== undefined) return { base: m[1], n: Number(m[2]) };
  return { base: key };
}

/** 1 → A, 26 → Z, 27 → AA. Non-positive input gives ''. */
export function columnLetter(n: number): string {
  let x = Math.floor(n);
  if (!Number.isFinite(x) || x < 1) return '';
  let s = '';
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** A → 1, AA → 27 (case-insensitive, full-width tolerated). Not a column letter → 0. */
export function columnNumber(letter: string): number {
  if (typeof letter !== 'string') return 0;
  const s = letter.normalize('NFKC').trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) - 64);
  return n;
}

/** A cell value as trimmed display text ('' for blank). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return '';
}

const EXCEL_ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA']);

/** True for Excel error values such as `#N/A`, `#VALUE!`, `#REF!`. */
export function isExcelError(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && v.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.has(v.trim().toUpperCase());
}

/** Name key for joining records of one person: NFKC, no spaces (在宅　花子 = 在宅花子), without 様/さま/さん/殿. */
export function foldUserName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/(?:様|さま|さん|殿)$/, '');
}
