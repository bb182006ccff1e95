// Marks and short codes: ○/×, 在宅/通所, evaluation methods, service types. Pure, never throws.
import type { CellValue } from '../import/types.ts';
import type { EvalMethod, Mode, Service } from '../model/record.ts';
import { normalizeText } from './text.ts';

const TRUE_MARKS = ['○', '◯', '〇', '●', '◎', '✓', '✔', '☑', '✅', 'v', 'レ', '有', 'あり', '有り', '済', '済み', '実施', '作成', '提出', 'true', '1', 'はい', 'yes', 'y', 'ok', '可', '確認', '確認済', '確認済み'];
const FALSE_MARKS = ['×', '✕', '✖', '☓', 'x', '無', 'なし', '無し', '未', '未実施', '未作成', '未提出', 'false', '0', 'いいえ', 'no', 'n', '-', 'ー', '―', '/', '／'];

const MARK_MAP = new Map<string, boolean>();
for (const k of TRUE_MARKS) MARK_MAP.set(k, true);
for (const k of FALSE_MARKS) MARK_MAP.set(k, false);

/** Key for short codes: NFKC, lower case, no spaces. */
function key(s: string): string {
  return normalizeText(s).toLowerCase().replace(/ /g, '');
}

function stringOf(value: CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

/** ○/✓/有/済/TRUE/1 → true; ×/無/なし/未/FALSE/0/- → false; blank → undefined; other text → 'invalid'. */
export function parseMark(value: CellValue): boolean | undefined | 'invalid' {
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return 'invalid';
  const s = stringOf(value);
  if (s === undefined) return value === null || value === undefined ? undefined : 'invalid';
  const k = key(s);
  if (k === '') return undefined;
  const hit = MARK_MAP.get(k);
  return hit === undefined ? 'invalid' : hit;
}

const MODE_WORDS: [Mode, string[]][] = [
  // a satellite office counts as home use (003 在宅支援のその他の留意点)
  ['home', ['在宅', '在宅就労', '在', '在宅支援', '在宅利用', '在宅訓練', '在宅勤務', '在宅就労支援', 'テレワーク', 'リモート', '自宅', '訪問', 'サテライト', 'サテライトオフィス', 'home']],
  ['center', ['通所', '通', '来所', '事業所', '施設内', '通所利用', '事業所内', 'center']],
  ['offsite', ['施設外', '施設外就労', '外', '施設外支援', '施設外訓練', 'offsite']],
  ['absent', ['欠席', '欠', '休', '休み', '欠席時対応', '欠勤', '休所', 'absent']],
];
const MODE_MAP = new Map<string, Mode>();
for (const [mode, words] of MODE_WORDS) for (const w of words) MODE_MAP.set(w, mode);
const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】|「[^」]*」/g;

/** 在宅/在/通所/通/来所/施設外/外/欠席/欠/休 … → mode; blank → undefined; other → 'invalid'. */
export function parseMode(value: CellValue): Mode | undefined | 'invalid' {
  const s = stringOf(value);
  if (s === undefined) return value === null || value === undefined ? undefined : 'invalid';
  const k = key(s);
  if (k === '') return undefined;
  const hit = MODE_MAP.get(k) ?? MODE_MAP.get(k.replace(BRACKETED, ''));
  return hit ?? 'invalid';
}

const METHOD_WORDS: [Exclude<EvalMethod, 'unknown'>, string[]][] = [
  ['visit', ['訪問', '家庭訪問', '自宅訪問', '居宅訪問', 'visit']],
  ['center', ['通所', '来所', '面談', '事業所', '対面', '来所面談', '通所面談', 'center']],
  ['phone', ['電話', 'tel', 'phone']],
  ['online', ['オンライン', 'ict', 'ビデオ', 'zoom', 'web', 'パソコン', 'pc', 'teams', 'テレビ電話', 'ビデオ通話', 'skype', 'line', 'meet', 'online']],
];
const METHOD_MAP = new Map<string, EvalMethod>();
for (const [m, words] of METHOD_WORDS) for (const w of words) METHOD_MAP.set(w, m);
const METHOD_WORDS_BY = Object.fromEntries(METHOD_WORDS) as Record<Exclude<EvalMethod, 'unknown'>, string[]>;
const FREE_TEXT_ORDER = ['visit', 'online', 'phone', 'center'] as const;

/** 訪問 → visit, 通所/来所/面談 → center, 電話 → phone, オンライン/ICT/Zoom… → online, ○ → 'unknown'. */
export function parseEvalMethod(value: CellValue): EvalMethod | undefined | 'invalid' {
  const s = stringOf(value);
  if (s === undefined) return value === null || value === undefined ? undefined : 'invalid';
  const k = key(s);
  if (k === '') return undefined;
  const exact = METHOD_MAP.get(k) ?? METHOD_MAP.get(k.replace(BRACKETED, ''));
  if (exact) return exact;
  const mark = MARK_MAP.get(k);
  if (mark === true) return 'unknown';
  if (mark === false) return undefined;
  // Free text such as 訪問にて実施 / 電話で確認: first keyword found wins, in priority order.
  // Remote methods first so that 電話面談 / Web面談 are not read as 通所.
  if (/(?:^|[^a-z])(?:ict|zoom|web|teams|pc|skype|line|meet)(?:[^a-z]|$)/.test(k)) return 'online';
  for (const m of FREE_TEXT_ORDER) {
    for (const w of METHOD_WORDS_BY[m]) if (w.length > 1 && !/^[a-z]+$/.test(w) && k.includes(w)) return m;
  }
  return 'invalid';
}

/** 就労移行支援/移行 → transition, 就労継続支援A型/A型/就継A → typeA, B型 → typeB. */
export function parseService(value: CellValue): Service | undefined | 'invalid' {
  const s = stringOf(value);
  if (s === undefined) return value === null || value === undefined ? undefined : 'invalid';
  const k = key(s).replace(BRACKETED, (m) => m.slice(1, -1)).toUpperCase();
  if (k === '') return undefined;
  if (k.includes('移行')) return 'transition';
  if (/A型|^(?:就労継続支援|就労継続|就継|継続)?A$/.test(k)) return 'typeA';
  if (/B型|^(?:就労継続支援|就労継続|就継|継続)?B$/.test(k)) return 'typeB';
  return 'invalid';
}
