// Header synonyms and classification of header cells.
import type { CanonicalField, Mode } from '../model/record.ts';
import { serialToIso } from '../normalize/dates.ts';
import { normalizeHeader } from '../normalize/text.ts';
import type { CellValue } from './types.ts';

/** What a header cell stands for. `time-range` / `cert-range`: one column holding both ends. */
export type HeaderRole =
  | { kind: 'field'; field: CanonicalField; impliedMode?: Mode }
  | { kind: 'contact'; order: number }
  | { kind: 'time-range' }
  | { kind: 'cert-range' }
  | { kind: 'ignore' };

/** Header spellings per field (compared after normalizeHeader). */
export const FIELD_SYNONYMS: Record<CanonicalField, string[]> = {
  date: ['日付', '利用日', '年月日', '実施日', '月日', '日', '提供日', 'サービス提供日', '利用年月日', '日にち', '利用日付', '実施年月日', '就労日', '訓練日', 'date'],
  user: ['利用者名', '氏名', '支給決定障害者氏名', '支給決定障害者等氏名', '利用者', '名前', '利用者氏名', '対象者', '対象者名', '対象者氏名', '利用者の氏名', 'お名前', 'user', 'name'],
  recipientNo: ['受給者証番号', '受給者番号', '受給者証no', '受給者証', '受給者証の番号', '受給者no'],
  municipality: ['支給決定市町村', '支給市町村', '市町村', '支給決定自治体', '市区町村', '支給決定市区町村', '支給決定市町村名', '援護実施者', '実施機関', '支給決定機関', '自治体', '支給決定者'],
  service: ['サービス種類', 'サービス', 'サービス種別', 'サービスの種類', '事業種別', '利用サービス', 'サービス名', '事業'],
  mode: ['利用形態', '在宅通所', '在宅/通所', '区分', 'サービス提供の状況', 'サービス提供状況', '提供形態', '形態', '利用区分', '在宅通所区分', '支援形態', '実施形態', '就労形態', '利用状況', '在宅・通所', '通所在宅'],
  start: ['開始時間', '作業開始', '開始時刻', '開始', '作業開始時間', '作業開始時刻', '始業', '始業時刻', '開始時間作業開始', '就労開始', '訓練開始', 'サービス提供開始時間', '提供開始時刻', '利用開始時間', '開始時間始業', 'start'],
  end: ['終了時間', '作業終了', '終了時刻', '終了', '作業終了時間', '作業終了時刻', '終業', '終業時刻', '就労終了', '訓練終了', 'サービス提供終了時間', '提供終了時刻', '利用終了時間', 'end'],
  contactCount: ['連絡回数', '支援回数', '連絡数', '連絡支援回数', '連絡・支援回数', '連絡助言回数', '回数', '支援連絡回数'],
  contacts: [],
  dailyReport: ['日報', '日報作成', '日報提出', '日報有無', '作業日報', '業務日報', '日報の作成', '日報作成有無', '日報の有無', '日報確認'],
  workContent: ['作業内容', '訓練内容', '作業', '支援内容', '作業訓練内容', '作業・訓練内容', '作業メニュー', '訓練メニュー', '活動内容', '実施内容', '業務内容', '作業内容開始時確認', '開始時確認'],
  result: ['成果', '作業結果', '終了時確認', '成果内容', '成果物', '作業成果', '成果・作業結果', '作業結果成果', '成果終了時確認', '実績内容'],
  weeklyEval: ['週評価', '評価週', '週1評価', '評価週1', '評価実施', '週1回評価', '評価実施週1', '評価実施日', '評価実施日週1', '週次評価', '評価', '評価方法', '週の評価', '評価週1回', '評価実施日週1回'],
  monthlyEval: ['月評価', '達成度評価', '月1評価', '達成度評価月1', '達成度評価実施日', '達成度評価実施日月1', '月次評価', '月1回評価', '達成度', '月の評価', '達成度評価月1回', '達成度評価方法', '月評価方法'],
  planned: ['計画', '個別支援計画', '予定', '計画上の在宅', '計画在宅', '在宅予定', '計画予定', '個別支援計画上の在宅', '支援計画', '計画上在宅', '在宅計画'],
  certFrom: ['受給者証在宅期間開始', '在宅利用期間開始', '受給者証在宅開始', '在宅期間開始', '在宅開始日', '在宅利用開始日', '在宅開始', '受給者証在宅利用期間開始', '在宅利用開始'],
  certTo: ['受給者証在宅期間終了', '在宅利用期間終了', '受給者証在宅終了', '在宅期間終了', '在宅終了日', '在宅利用終了日', '在宅終了', '受給者証在宅利用期間終了', '在宅利用終了'],
  otherService: ['他サービス', '併用サービス', '他サービス利用', '他のサービス', '他サービス時間', '他サービス名', '併用サービス時間', '他の障害福祉サービス', '他サービス利用状況'],
  remark: ['備考', '摘要', '備考欄', '特記事項', '備考在宅'],
  userConfirmed: ['利用者確認', '確認印', '署名', '利用者確認欄', '利用者確認印', '利用者印', '押印', 'サイン', '利用者署名', '利用者サイン', '本人確認', '利用者押印', '確認'],
  exceptionReason: ['変更理由', '臨時理由', '理由', '在宅理由', '計画外理由', '臨時在宅理由', '変更事由', '臨時の理由'],
  arrivalMinutes: ['駆けつけ時間', '緊急時所要時間', '駆けつけ所要時間', '駆付時間', '駆けつけ', '駆け付け時間', 'かけつけ時間', '駆けつけ時間分', '緊急時駆けつけ時間', '所要時間分'],
};

const TIME_RANGE = ['サービス提供時間', '作業時間', '利用時間', '提供時間', '就労時間', '訓練時間', '時間', '実施時間', '作業時間帯', '支援時間'];
const CERT_RANGE = ['受給者証在宅期間', '在宅利用期間', '在宅期間', '受給者証在宅利用期間', '支給期間在宅', '在宅支給期間'];
const IGNORE = ['曜日', '曜', 'no', 'no.', '番号', '通し番号', '連番', '#'];
/** Columns whose header alone tells the mode of a ○ under it. */
const IMPLIED_MODE: Record<string, Mode> = {
  [normalizeHeader('在宅')]: 'home',
  [normalizeHeader('在宅利用')]: 'home',
  [normalizeHeader('在宅就労')]: 'home',
  [normalizeHeader('在宅支援')]: 'home',
  [normalizeHeader('通所')]: 'center',
  [normalizeHeader('来所')]: 'center',
  [normalizeHeader('施設外')]: 'offsite',
  [normalizeHeader('施設外就労')]: 'offsite',
  [normalizeHeader('施設外支援')]: 'offsite',
  [normalizeHeader('欠席')]: 'absent',
};

const ROLE_BY_KEY = new Map<string, HeaderRole>();
for (const [field, words] of Object.entries(FIELD_SYNONYMS) as [CanonicalField, string[]][]) {
  for (const w of words) {
    const k = normalizeHeader(w);
    if (!ROLE_BY_KEY.has(k)) ROLE_BY_KEY.set(k, { kind: 'field', field });
  }
}
for (const w of TIME_RANGE) ROLE_BY_KEY.set(normalizeHeader(w), { kind: 'time-range' });
for (const w of CERT_RANGE) ROLE_BY_KEY.set(normalizeHeader(w), { kind: 'cert-range' });
for (const w of IGNORE) ROLE_BY_KEY.set(normalizeHeader(w), { kind: 'ignore' });
for (const [k, mode] of Object.entries(IMPLIED_MODE)) ROLE_BY_KEY.set(k, { kind: 'field', field: 'mode', impliedMode: mode });

const CONTACT_BASE = /^(?:連絡|支援|連絡支援|支援連絡|連絡助言|連絡・助言|進捗確認|連絡時刻|連絡時間|連絡内容|連絡方法|連絡等|連絡・支援|助言|電話連絡|連絡確認)(\d{1,2}|午前|午後|朝|昼|夕|夕方|am|pm)(?:時刻|時間|内容)?$/;
const CONTACT_PREFIX = /^(午前|午後|朝|昼|夕|夕方|am|pm|\d{1,2})(?:の)?(?:連絡|支援|連絡時刻|連絡時間|連絡支援)$/;
const CONTACT_ORDER: Record<string, number> = { 朝: 1, 午前: 1, am: 1, 昼: 2, 午後: 2, pm: 2, 夕: 3, 夕方: 3 };
const RE_NTH = /^\d{1,2}(?:回目|番目)$/;

function headerString(v: CellValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/** The role of one header cell, or undefined when it names no known field. */
export function classifyHeader(v: CellValue): HeaderRole | undefined {
  const raw = headerString(v);
  if (raw === '') return undefined;
  const key = normalizeHeader(raw);
  if (key === '') return undefined;
  const hit = ROLE_BY_KEY.get(key);
  if (hit) return hit;
  const compact = raw.normalize('NFKC').replace(/[\s()（）[\]【】]/g, '');
  if (RE_NTH.test(compact)) return { kind: 'contact', order: Number(/^\d+/.exec(compact)![0]) };
  let m = CONTACT_BASE.exec(key);
  if (m) return { kind: 'contact', order: contactOrder(m[1]!) };
  m = CONTACT_PREFIX.exec(key);
  if (m) return { kind: 'contact', order: contactOrder(m[1]!) };
  if (key === '連絡' || key === '連絡支援' || key === '連絡時刻') return { kind: 'contact', order: 1 };
  return fuzzy(key);
}

function contactOrder(s: string): number {
  const n = Number(s);
  return Number.isInteger(n) ? n : (CONTACT_ORDER[s] ?? 1);
}

/** Longer headers that contain a telling word, e.g. 受給者証番号（10桁）, 日報作成の有無. */
function fuzzy(key: string): HeaderRole | undefined {
  if (key.length > 30) return undefined;
  if (key.includes('受給者証番号') || key.includes('受給者番号')) return { kind: 'field', field: 'recipientNo' };
  if (key.includes('氏名') || key.includes('利用者名')) return { kind: 'field', field: 'user' };
  if (key.includes('市町村') || key.includes('支給決定')) return { kind: 'field', field: 'municipality' };
  if (key.includes('在宅') && key.includes('期間')) {
    if (key.includes('開始') || key.endsWith('から') || key.includes('始期')) return { kind: 'field', field: 'certFrom' };
    if (key.includes('終了') || key.endsWith('まで') || key.includes('終期')) return { kind: 'field', field: 'certTo' };
    return { kind: 'cert-range' };
  }
  if (key.includes('達成度')) return { kind: 'field', field: 'monthlyEval' };
  if (key.includes('評価') && (key.includes('週') || key.includes('実施'))) return { kind: 'field', field: 'weeklyEval' };
  if (key.includes('評価') && key.includes('月')) return { kind: 'field', field: 'monthlyEval' };
  if (key.includes('日報')) return { kind: 'field', field: 'dailyReport' };
  if (key.includes('連絡回数') || key.includes('支援回数')) return { kind: 'field', field: 'contactCount' };
  if (key.includes('駆けつけ') || key.includes('駆付') || key.includes('駆け付け')) return { kind: 'field', field: 'arrivalMinutes' };
  if (key.includes('他サービス') || key.includes('併用')) return { kind: 'field', field: 'otherService' };
  if (key.includes('備考')) return { kind: 'field', field: 'remark' };
  if (key.includes('開始') && (key.includes('時') || key.includes('作業'))) return { kind: 'field', field: 'start' };
  if (key.includes('終了') && (key.includes('時') || key.includes('作業'))) return { kind: 'field', field: 'end' };
  if (key.includes('作業内容') || key.includes('訓練内容') || key.includes('支援内容')) return { kind: 'field', field: 'workContent' };
  if (key.includes('成果') || key.includes('作業結果')) return { kind: 'field', field: 'result' };
  if (key.includes('変更理由') || key.includes('臨時理由')) return { kind: 'field', field: 'exceptionReason' };
  if (key.includes('利用者確認') || key.includes('確認印') || key.includes('署名')) return { kind: 'field', field: 'userConfirmed' };
  if (key.includes('計画')) return { kind: 'field', field: 'planned' };
  if (key.includes('利用形態') || key.includes('提供形態') || key.includes('在宅通所') || key.includes('通所在宅')) return { kind: 'field', field: 'mode' };
  if (key.includes('サービス種')) return { kind: 'field', field: 'service' };
  if (key.endsWith('日付') || key.endsWith('年月日') || key.endsWith('利用日')) return { kind: 'field', field: 'date' };
  return undefined;
}

const RE_DAY_HEADER = /^(\d{1,2})日?[日月火水木金土]?(?:曜日?)?$/;

// Excel serials of 2000-01-01 … 2099-12-31 (1900 system): dates as Office.js gives them.
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73050;

/**
 * A matrix day header: 1..31, `1日`, `1(木)`, a Date, or (`serials`) an Excel date serial as Office.js
 * gives date cells. Serials are only day headers when the row holds a run of them (see plan.ts).
 */
export function dayHeader(v: CellValue, serials?: { date1904: boolean }): { day: number; iso?: string } | undefined {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1 && v <= 31) return { day: v };
    if (serials && Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX) {
      const d = serialToIso(v, serials.date1904);
      return d.ok ? { day: Number(d.date.slice(8, 10)), iso: d.date } : undefined;
    }
    return undefined;
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    const y = v.getUTCFullYear();
    if (y < 1950) return undefined;
    const iso = v.toISOString().slice(0, 10);
    return { day: v.getUTCDate(), iso };
  }
  if (typeof v !== 'string' || v.length > 12) return undefined;
  const m = RE_DAY_HEADER.exec(normalizeHeader(v));
  if (!m) return undefined;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? { day: d } : undefined;
}

const WEEKDAY_CELL = /^[日月火水木金土](?:曜日?)?$/;
/** A weekday cell under a matrix header: 月, (火), 水曜. */
export function isWeekdayCell(v: CellValue): boolean {
  return typeof v === 'string' && WEEKDAY_CELL.test(normalizeHeader(v));
}
