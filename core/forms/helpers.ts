// Shared field matchers, common field definitions and small date arithmetic for forms.
import { daysInMonth, toIso } from '../normalize/dates.ts';
import { normalizeText } from '../normalize/text.ts';
import type { FieldDef, FormIssue } from './types.ts';

/** Municipality packs as the forms use them. */
export const FORM_PACKS = [
  { id: 'national', label: { ja: '全国共通', en: 'National' } },
  { id: 'kobe', label: { ja: '神戸市', en: 'Kobe' }, prefecture: '28', prefectureName: '兵庫県' },
  { id: 'higashiosaka', label: { ja: '東大阪市', en: 'Higashiosaka' }, prefecture: '27', prefectureName: '大阪府' },
  { id: 'fukuoka', label: { ja: '福岡市', en: 'Fukuoka' }, prefecture: '40', prefectureName: '福岡県' },
  { id: 'nishio', label: { ja: '西尾市', en: 'Nishio' }, prefecture: '23', prefectureName: '愛知県' },
] as const;

export function packInfo(id: string): { id: string; label: { ja: string; en: string }; prefecture?: string; prefectureName?: string } | undefined {
  return FORM_PACKS.find((p) => p.id === id);
}

const LABEL_DROP = /[\s()[\]{}（）【】「」『』〔〕〈〉《》<>:：・、。，,.*＊※?？!！'"]+/g;
const REQUIRED_MARK = /必須|任意|required|optional/g;
const CIRCLED = /[\u2460-\u2473]/g;

/** Label key for matching: NFKC, lower case, no spaces/brackets/punctuation/必須 marks, ①→1. */
export function normalizeLabel(s: string): string {
  return normalizeText(s)
    .replace(CIRCLED, (c) => String(c.charCodeAt(0) - 0x2460 + 1))
    .toLowerCase()
    .replace(REQUIRED_MARK, '')
    .replace(LABEL_DROP, '');
}

/** Placeholders that do not count as content (特になし, 同上 …). */
const PLACEHOLDERS = new Set(['特になし', 'とくになし', 'なし', '無し', '無', '同上', '〃', '未定', '-', 'ー', '―', '--', '...', '…', 'n/a', 'na', 'none']);

export function isPlaceholder(text: string): boolean {
  const k = normalizeText(text).toLowerCase().replace(/[\s。、.]+/g, '');
  if (k === '') return true;
  if (PLACEHOLDERS.has(k)) return true;
  return /^[-ー―‐~〜・.。、\s]+$/.test(k);
}

/** Characters that count for the minimum length (no spaces or punctuation). */
export function contentLength(text: string): number {
  return [...normalizeText(text).replace(/[\s。、.,，・]+/g, '')].length;
}

/** Digits only, after NFKC and removing spaces/hyphens; undefined when other characters remain. */
export function digitsOf(value: string): string | undefined {
  const s = normalizeText(value).replace(/[\s\-‐ー−]/g, '');
  return /^\d+$/.test(s) ? s : undefined;
}

/** Reads a number written as typed: full-width digits, units like 分/日/人, commas. */
export function parseNumber(value: string): number | undefined {
  const s = normalizeText(value).replace(/[,\s]/g, '').replace(/(分間?|日間?|人|回|件|min(utes)?)$/i, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** ISO date + n months, clamped to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return toIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function monthIndex(ym: { year: number; month: number }): number {
  return ym.year * 12 + ym.month - 1;
}

export function formatJaDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

export function formatJaMonth(ym: { year: number; month: number }): string {
  return `${ym.year}年${ym.month}月`;
}

/** Weeks (Mon–Sun) that contain at least one day of the month. */
export function weeksTouchingMonth(year: number, month: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay(); // 0 = Sun
  const offset = (first + 6) % 7; // days before the first in its Monday week
  return Math.ceil((offset + daysInMonth(year, month)) / 7);
}

export const SERVICE_OPTIONS: string[][] = [
  ['就労移行支援', '移行'],
  ['就労継続支援A型', 'A型'],
  ['就労継続支援B型', 'B型'],
];

// ---- field builders (keep form files declarative) ----

type Extra = Partial<Omit<FieldDef, 'id' | 'type'>>;

export function field(id: string, ja: string, en: string, type: FieldDef['type'], patterns: RegExp[], extra: Extra = {}): FieldDef {
  return { id, label: { ja, en }, patterns, type, ...extra };
}

export const submittedOnField = (extra: Extra = {}): FieldDef =>
  field('submittedOn', '年月日', 'Date', 'date', [/^年月日$/, /提出日|申立日|報告日|作成日|記入日|届出日|申請日/, /^日付$/], { required: true, notFuture: true, ...extra });

export const providerFields = (): FieldDef[] => [
  field('providerAddress', '所在地', 'Provider address', 'text', [/所在地/], { required: true }),
  field('providerName', '事業者名', 'Operator name', 'text', [/事業者名|法人名|事業所名|名称/], { required: true }),
  field('providerNo', '事業所番号', 'Provider number', 'providerNo', [/事業所番号|指定番号|事業者番号/], { required: true }),
];

export const userNameField = (ja = '氏名', extra: Extra = {}): FieldDef =>
  field('userName', ja, 'User name', 'text', [/氏名|利用者名|利用予定者$|名前/], { required: true, ...extra });

export const serviceField = (extra: Extra = {}): FieldDef =>
  field('service', 'サービスの種類', 'Service type', 'service', [/サービスの?種類|サービス種別|利用サービス/], { required: true, options: SERVICE_OPTIONS, ...extra });

export const userAddressField = (): FieldDef =>
  field('userAddress', '住所', 'User address', 'text', [/^(利用予定者|利用者)?住所$/, /住所/], { required: true });

/** The seven numbered items of the 神戸市 forms (申し立て事項 / 確認事項), matched by number or wording. */
export function kobeItemFields(prefix: string, heading: string, headingEn: string, wording: readonly RegExp[]): FieldDef[] {
  return wording.map((w, i) => {
    const n = i + 1;
    return field(`${prefix}${n}`, `${heading}${n}（具体的な${n === 7 ? '内容' : '方法'}）`, `${headingEn} ${n} (how)`, 'longtext', [
      new RegExp(`(${heading}|事項|項目)${n}(?!\\d)`),
      new RegExp(`^${n}(具体的な(方法|内容))?$`),
      w,
    ], { required: true });
  });
}

/** Distinctive wording of items 1–7 in 001 様式1/2 (so a label holding the item's text still matches). */
export const KOBE_ITEM_WORDING: readonly RegExp[] = [
  /メニューが確保/,
  /1日2回/,
  /緊急時の対応/,
  /疑義が生じた際/,
  /一週間につき1回|1週間につき1回/,
  /達成度の評価/,
  /運営規程/,
];

export function issue(ruleId: string, severity: FormIssue['severity'], fields: string[], ja: string, en: string, source: string, outcome: FormIssue['outcome'] = 'violation'): FormIssue {
  return { ruleId, severity, outcome, fields, message: { ja, en }, source };
}
