// 福岡市 【様式1】就労移行・就労継続支援事業の在宅就労支援における確認シート, 004 3(1)–(3).
import { addMonths, field, formatJaDate, issue, serviceField, submittedOnField, userNameField } from '../helpers.ts';
import type { FormDefinition, FormIssue } from '../types.ts';

const YES_NO = [['あり', '有', '記載あり', 'はい', '済'], ['なし', '無', '記載なし', 'いいえ', '未']];

export const fukuokaAssessment: FormDefinition = {
  id: 'fukuoka-assessment',
  title: { ja: '福岡市 在宅就労支援における確認シート（様式1）', en: 'Fukuoka: home-work support check sheet (form 1)' },
  titlePatterns: [/在宅就労支援における確認シート/, /福岡.*確認シート/],
  pack: 'fukuoka',
  source: '004 3(1)',
  fields: [
    submittedOnField({ label: { ja: '提出日', en: 'Submission date' } }),
    field('providerNo', '事業所番号', 'Provider number', 'providerNo', [/事業所番号|指定番号/], { required: true }),
    field('providerName', '事業所名', 'Provider name', 'text', [/事業所名|事業者名|名称/], { required: true }),
    userNameField('利用者氏名'),
    field('recipientNo', '受給者証番号', 'Recipient no.', 'recipientNo', [/受給者証?番号/]),
    serviceField(),
    field('startDate', '開始希望日', 'Desired start date', 'date', [/開始希望日|開始予定日|利用開始日|開始日/], { required: true }),
    field('reason', '希望理由', 'Reason', 'longtext', [/希望理由|理由/], { required: true, source: '004 3(1)ア' }),
    field('assessLife', 'アセスメント（生活面）', 'Assessment: daily life', 'longtext', [/生活面/], { required: true, source: '004 3(1)ア' }),
    field('assessWork', 'アセスメント（作業面）', 'Assessment: work', 'longtext', [/作業面/], { required: true, source: '004 3(1)ア' }),
    field('assessEnv', 'アセスメント（環境面）', 'Assessment: environment', 'longtext', [/環境面/], { required: true, source: '004 3(1)ア' }),
    field('effect', '具体的支援効果', 'Expected effect', 'longtext', [/支援効果|効果/], { required: true, source: '004 3(1)イ' }),
    field('emergency', '緊急時の対応方法', 'Emergency response', 'longtext', [/緊急時.*(対応|方法)(?!.*(分|時間))/], { required: true, source: '004 3(1)ウ' }),
    field('arrivalMinutes', '緊急時の駆けつけ所要時間（分）', 'Minutes to reach the home', 'minutes', [/駆け?付け|駆けつけ|所要時間|到着/], { required: true, source: '004 3(1)ウ' }),
    field('consent', '利用者の同意', 'User consent', 'consent', [/同意/], { required: true, source: '004 3(2)ア' }),
    field('planIncludesHome', '個別支援計画に在宅就労の記載', 'Plan includes home work', 'choice', [/個別支援計画/], { required: true, options: YES_NO, source: '004 3(3)イ②' }),
  ],
  rules: [
    {
      id: 'fukuoka-assessment/lead-time',
      check(ctx): FormIssue[] {
        const sub = ctx.date('submittedOn');
        const start = ctx.date('startDate');
        if (!sub || !start) return [];
        // 004: 開始希望日から起算して少なくとも1月前まで — one calendar month back from the start;
        // a day the earlier month lacks falls on its last day (03-31 → 02-28/29).
        const latest = addMonths(start, -1);
        if (sub <= latest) return [];
        return [issue('fukuoka-assessment/lead-time', 'error', ['startDate', 'submittedOn'], `区への申請は開始希望日から起算して少なくとも1か月前までに行います。開始希望日が${formatJaDate(start)}なら${formatJaDate(latest)}までに提出が必要ですが、提出日が${formatJaDate(sub)}です。開始希望日を遅らせるか、提出日を確認してください。`, `Apply at least one month before the desired start: for a start on ${start}, submit by ${latest} (submitted ${sub}).`, '004 3(3)ア')];
      },
    },
    {
      id: 'fukuoka-assessment/arrival',
      check(ctx): FormIssue[] {
        const n = ctx.number('arrivalMinutes');
        if (n === undefined || n <= 60) return [];
        return [issue('fukuoka-assessment/arrival', 'error', ['arrivalMinutes'], `緊急時の駆けつけ所要時間が${n}分です。事業所の職員が1時間（60分）以内に駆け付けられる体制が必要です。`, `Staff need ${n} minutes to reach the home; it must be within 60 minutes.`, '004 3(1)ウ')];
      },
    },
    {
      id: 'fukuoka-assessment/plan',
      check(ctx): FormIssue[] {
        if (ctx.choice('planIncludesHome') !== 'なし') return [];
        return [issue('fukuoka-assessment/plan', 'error', ['planIncludesHome'], '区への申請には在宅就労についての記載がある個別支援計画が必要です。計画に在宅就労の支援目標と支援内容を書いてから申請してください。', 'The application needs an individual support plan that covers home work.', '004 3(3)イ②')];
      },
    },
  ],
};
