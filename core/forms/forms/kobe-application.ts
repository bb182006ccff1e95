// 神戸市 在宅利用に係る申立書 (様式1), 001.
import { issue, KOBE_ITEM_WORDING, kobeItemFields, providerFields, serviceField, submittedOnField, userAddressField, userNameField } from '../helpers.ts';
import type { FormDefinition, FormIssue, FormRuleContext } from '../types.ts';

/**
 * Keywords each item's 具体的な方法 should mention (001 §3 ②⑤⑥, 様式1 item 7), tested on
 * `normalizeCounts` text: 週に一度 / 1週間に1度 / 月に一度 / 月1度 / 2度 all match.
 */
export const KOBE_ITEM_KEYWORDS: Record<number, { all: RegExp[]; ja: string; en: string }> = {
  2: { all: [/(?<!\d)2[回度]|複数回/, /日報/], ja: '1日2回の連絡・助言等と日報の作成', en: 'two contacts a day and the daily report (日報)' },
  5: { all: [/(?:(?<!\d)|(?<=(?<!\d)1))週間?(?:に|ごとに|毎に)?(?:つき)?1(?!\d)|毎週|週ごと|週毎|各週/, /訪問|通所/], ja: '週1回の訪問または通所による評価', en: 'a weekly (週1回) evaluation by visit or commute' },
  6: { all: [/(?:(?<![\dかヶカヵケ])|(?<=(?<!\d)1[かヶカヵケ]?)|(?<=ひと))月(?:に|ごとに|毎に)?(?:つき)?1(?:[回度]|日(?!\d)|(?![\d日]))|毎月|月ごと|月毎|月の利用日数のうち1日/, /通所/, /達成度/], ja: '月1回の通所と訓練目標の達成度の評価', en: 'a monthly commute (月1回通所) with the achievement (達成度) evaluation' },
  7: { all: [/運営規程/], ja: '運営規程への明記', en: 'the operating rules (運営規程)' },
};

const KANJI_DIGIT: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * NFKC, no spaces, and a kanji numeral written as a count in digits: 週に一度 → 週に1度,
 * 一週間 → 1週間, 二回 → 2回, 月一 → 月1. Other 一 (一緒, 一時) stay.
 */
export function normalizeCounts(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/([一二三四五六七八九])(?=[回度週日]|[かヶカヵケ]?月|か所)/g, (d) => KANJI_DIGIT[d]!)
    .replace(/(?<=[週月]に?)([一二三四五六七八九])/g, (d) => KANJI_DIGIT[d]!);
}

export function itemKeywordRule(formId: string, prefix: string, source: string) {
  return {
    id: `${formId}/item-keywords`,
    check(ctx: FormRuleContext): FormIssue[] {
      const out: FormIssue[] = [];
      for (const [n, kw] of Object.entries(KOBE_ITEM_KEYWORDS)) {
        const id = `${prefix}${n}`;
        const t = normalizeCounts(ctx.text(id));
        if (t.length < 10) continue; // empty/short is reported by `required`
        if (kw.all.some((re) => !re.test(t))) {
          out.push(issue(`${formId}/item-keywords`, 'warning', [id], `「${ctx.label(id)}」に${kw.ja}が具体的に書かれていないようです。実際の方法（頻度・手段）を書いてください。`, `Item ${n} does not seem to describe ${kw.en}.`, source));
        }
      }
      return out;
    },
  };
}

export const kobeApplication: FormDefinition = {
  id: 'kobe-application',
  title: { ja: '神戸市 在宅利用に係る申立書（様式1）', en: 'Kobe: application for home use (form 1)' },
  titlePatterns: [/在宅利用に係る申立書/, /神戸.*在宅.*申立/],
  pack: 'kobe',
  source: '001 様式1',
  fields: [
    submittedOnField(),
    ...providerFields(),
    userNameField('氏名（利用予定者）', { patterns: [/氏名|利用予定者|利用者名/] }),
    serviceField(),
    userAddressField(),
    ...kobeItemFields('item', '申し立て事項', 'Statement', KOBE_ITEM_WORDING),
  ],
  rules: [itemKeywordRule('kobe-application', 'item', '001 様式1, §3')],
};
