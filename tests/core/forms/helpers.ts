import { checkForm } from '../../../core/forms/index.ts';
import type { FieldValue, FormReport } from '../../../core/forms/index.ts';

export const AS_OF = '2026-11-23';

export function run(formId: string, values: Record<string, FieldValue>, pack?: string): FormReport {
  return checkForm(formId, values, pack === undefined ? { asOf: AS_OF } : { asOf: AS_OF, pack });
}

/** Violations as `ruleId@field` strings, for compact assertions. */
export function violations(r: FormReport): string[] {
  return r.findings.filter((f) => f.outcome === 'violation').map((f) => `${f.ruleId}@${f.locations.map((l) => l.field).join('+')}`);
}

export function find(r: FormReport, ruleId: string, field?: string) {
  return r.findings.find((f) => f.ruleId === ruleId && (field === undefined || f.locations.some((l) => l.field === field)));
}

export const LONG = (s: string): string => `${s}。具体的には担当職員が記録を確認し、必要に応じて支援します。`;

// ---- valid forms, shared by the form tests ----

export const KOBE_PROVIDER = { 年月日: '令和8年11月1日', 所在地: '神戸市中央区加納町6-5-1', 事業者名: '株式会社みなとワークス', 事業所番号: '2812345678' };
export const KOBE_USER = { 氏名: '山田 太郎', サービスの種類: ['就労継続支援B型'], 住所: '神戸市北区鈴蘭台西町1-1' };
export const KOBE_ITEMS = [
  'データ入力・検品作業のメニューを常に10種類以上用意しています',
  '始業時と終業時の1日2回、電話で連絡・助言を行い、毎日日報を作成します',
  '職員が30分以内に自宅へ駆け付けられる緊急連絡体制を確保しています',
  '作業中の疑問にはチャットで随時回答し、必要に応じて訪問します',
  '毎週1回、職員が自宅を訪問して1週間の作業を評価します',
  '毎月1回は事業所に通所し、訓練目標の達成度の評価を行います',
  '運営規程第8条に在宅で実施する訓練及び支援内容を明記しています',
];

export function kobeApplication(): Record<string, string | string[]> {
  const v: Record<string, string | string[]> = { ...KOBE_PROVIDER, ...KOBE_USER };
  KOBE_ITEMS.forEach((t, i) => (v[`申し立て事項${i + 1}`] = t));
  return v;
}

export function fukuokaAssessment(): Record<string, string | string[]> {
  return {
    提出日: '令和8年8月1日', 事業所番号: '4012345678', 事業所名: 'ふくおか就労支援センター', 利用者氏名: '博多 花子', サービスの種類: ['就労移行支援'],
    開始希望日: '令和8年9月1日', 希望理由: LONG('在宅勤務での就職を目指しているため'), 'アセスメント（生活面）': LONG('生活リズムが安定している'),
    'アセスメント（作業面）': LONG('1日4時間の入力作業ができる'), 'アセスメント（環境面）': LONG('自室に作業机と回線がある'), 具体的支援効果: LONG('就職後の定着が見込める'),
    緊急時の対応方法: LONG('職員が自宅へ向かい家族に連絡する'), '緊急時の駆けつけ所要時間（分）': '45', 利用者の同意: ['同意を得た'], 個別支援計画に在宅就労の記載: ['あり'],
  };
}

export function higashiosakaList(): Record<string, string | string[]> {
  return {
    対象月: '令和8年10月', 提出日: '令和8年11月10日', 事業所番号: '2712345678', 事業所名: 'ひがしおおさか作業所',
    'users.0.name': '東 一郎', 'users.0.recipientNo': '2700000001', 'users.0.homeDays': '12', 'users.0.commuteDays': '5', 'users.0.homeWeeks': '5',
  };
}
