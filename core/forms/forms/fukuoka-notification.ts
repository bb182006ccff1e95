// 福岡市 【様式2】在宅でのサービス利用にかかる支援開始(変更・終了)届出書, 004 3 (事業所としての手続き).
import { addMonths, field, formatJaDate, issue, submittedOnField } from '../helpers.ts';
import type { FormDefinition, FormIssue } from '../types.ts';

const SOURCE = '004 3 届出書等の提出';
export const CATEGORY_OPTIONS = [['開始'], ['変更'], ['終了']];

export const fukuokaNotification: FormDefinition = {
  id: 'fukuoka-notification',
  title: { ja: '福岡市 在宅でのサービス利用にかかる支援開始（変更・終了）届出書（様式2）', en: 'Fukuoka: notification of start/change/end of home support (form 2)' },
  titlePatterns: [/支援開始.*届出書/, /在宅でのサービス利用にかかる支援/],
  pack: 'fukuoka',
  source: SOURCE,
  fields: [
    submittedOnField({ label: { ja: '提出日', en: 'Submission date' } }),
    field('category', '区分', 'Category', 'choice', [/区分|届出の種類/], { required: true, options: CATEGORY_OPTIONS }),
    field('providerNo', '事業所番号', 'Provider number', 'providerNo', [/事業所番号|指定番号/], { required: true }),
    field('providerName', '事業所名', 'Provider name', 'text', [/事業所名|事業者名|名称/], { required: true }),
    field('operatingRules', '運営規程に在宅で実施する訓練及び支援内容を明記', 'Operating rules state the home training and support', 'consent', [/運営規程/], { required: true, source: '004 3 (1)③' }),
    // 「支給期間」 over 「開始」「終了」 (a question title above two dates) reads 支給期間開始 / 支給期間終了
    field('startDate', '開始日', 'Start date', 'date', [/開始(予定)?日|変更(予定)?日/, /期間.*(開始|から|自)$/]),
    field('endDate', '終了日', 'End date', 'date', [/終了(予定)?日/, /期間.*(終了|まで|至)$/]),
  ],
  rules: [
    {
      id: 'fukuoka-notification/end',
      check(ctx): FormIssue[] {
        if (ctx.choice('category') !== '終了') return [];
        const end = ctx.date('endDate');
        if (!end) {
          if (ctx.text('endDate') !== '') return []; // unreadable date: reported by date-valid
          return [issue('fukuoka-notification/end', 'error', ['endDate'], '区分が「終了」のときは終了日を書いてください。', 'Give the end date when the category is 終了.', '004 届出内容の変更')];
        }
        const sub = ctx.date('submittedOn');
        if (!sub) return [];
        const latest = addMonths(end, -1);
        if (sub <= latest) return [];
        return [issue('fukuoka-notification/end', 'error', ['submittedOn', 'endDate'], `在宅でのサービス提供を終了するときは、終了する1か月前までに届け出ます。終了日${formatJaDate(end)}なら${formatJaDate(latest)}までに提出が必要です（提出日 ${formatJaDate(sub)}）。`, `An end must be notified a month ahead: for ${end}, submit by ${latest} (submitted ${sub}).`, '004 届出内容の変更')];
      },
    },
  ],
};
