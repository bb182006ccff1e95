import type { CanonicalField } from './record.ts';
import type { Bilingual, Layout } from './report.ts';

/** Display names of the canonical fields (mapping panels, messages). */
export const FIELD_LABELS: Record<CanonicalField, Bilingual> = {
  date: { ja: '日付', en: 'Date' },
  user: { ja: '利用者名', en: 'User' },
  recipientNo: { ja: '受給者証番号', en: 'Recipient certificate no.' },
  municipality: { ja: '支給決定市町村', en: 'Municipality' },
  service: { ja: 'サービス種類', en: 'Service type' },
  mode: { ja: '利用形態（在宅/通所）', en: 'Mode (home/on-site)' },
  start: { ja: '開始時間', en: 'Start time' },
  end: { ja: '終了時間', en: 'End time' },
  contactCount: { ja: '連絡回数', en: 'Number of contacts' },
  contacts: { ja: '連絡（1回ごと）', en: 'Contact (one per column)' },
  dailyReport: { ja: '日報', en: 'Daily report' },
  workContent: { ja: '作業内容', en: 'Work content' },
  result: { ja: '成果', en: 'Result' },
  weeklyEval: { ja: '週評価', en: 'Weekly evaluation' },
  monthlyEval: { ja: '達成度評価（月）', en: 'Monthly achievement evaluation' },
  planned: { ja: '個別支援計画上の在宅', en: 'Planned as home day' },
  certFrom: { ja: '受給者証 在宅期間（開始）', en: 'Certificate home period from' },
  certTo: { ja: '受給者証 在宅期間（終了）', en: 'Certificate home period to' },
  otherService: { ja: '他サービス', en: 'Other service' },
  remark: { ja: '備考', en: 'Remarks' },
  userConfirmed: { ja: '利用者確認', en: 'User confirmation' },
  exceptionReason: { ja: '変更理由', en: 'Reason for change' },
  arrivalMinutes: { ja: '駆けつけ時間（分）', en: 'Arrival time (min)' },
};

/** Display names of the sheet layouts the importer recognises. */
export const LAYOUT_LABELS: Record<Layout, Bilingual> = {
  rows: { ja: '1行1利用日', en: 'one row per user-day' },
  'per-user-sheet': { ja: '利用者別シート（実績記録票形式）', en: 'one sheet per user and month' },
  matrix: { ja: '一覧表（利用者×日付）', en: 'users × days matrix' },
  'remark-mode': { ja: '備考で在宅を判定', en: 'home days read from remarks' },
  'user-table': { ja: '利用者台帳', en: 'user table' },
  form: { ja: '帳票型（記録様式）', en: 'form-style (one block per day)' },
};
