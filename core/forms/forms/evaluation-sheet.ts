// 達成度評価シート: 東大阪市 (002 カ), 福岡市 参考様式3 (004 3(4)(5)).
import { field, issue, userNameField } from '../helpers.ts';
import type { FormDefinition, FormIssue } from '../types.ts';

export const METHOD_OPTIONS = [['訪問', '事業所職員による訪問', '自宅訪問'], ['通所', '利用者による通所', '来所'], ['電話'], ['オンライン', 'ビデオ通話', 'web', 'ict']];

const content = (id: string, ja: string, en: string, patterns: RegExp[], minLength = 10) =>
  field(id, ja, en, 'longtext', patterns, { required: true, minLength });

export const evaluationSheet: FormDefinition = {
  id: 'evaluation-sheet',
  title: { ja: '達成度評価シート', en: 'Monthly achievement evaluation sheet' },
  titlePatterns: [/達成度評価シート/, /評価シート/],
  source: '002 カ; 004 3(5)',
  fields: [
    userNameField('利用者氏名', { required: false }),
    field('evaluatedOn', '評価日', 'Evaluation date', 'date', [/評価(実施)?日|実施日|年月日/], { required: true, notFuture: true }),
    field('method', '評価方法', 'Method', 'choice', [/評価方法|実施方法|方法/], { required: true, options: METHOD_OPTIONS }),
    content('goal', '訓練目標', 'Training goal', [/訓練目標|目標/]),
    content('activities', '取組内容', 'Activities', [/取(り)?組(み)?内容|取組/]),
    content('achievement', '訓練目標に対する達成度', 'Achievement', [/達成度/], 2),
    content('issues', '課題', 'Issues', [/^課題$|現在の課題|課題(?!.*改善)/]),
    content('improvement', '今後における課題の改善方針', 'Improvement plan', [/改善方針|改善/]),
    content('health', '健康面・体調面での留意事項', 'Health notes', [/健康面|体調面|留意事項/]),
    content('continuation', '在宅就労継続の妥当性', 'Whether home work should continue', [/妥当性|継続/]),
  ],
  rules: [
    {
      id: 'evaluation-sheet/method',
      check(ctx): FormIssue[] {
        const m = ctx.choice('method');
        if (m === '電話' || m === 'オンライン') {
          return [issue('evaluation-sheet/method', 'error', ['method'], `評価方法が「${m}」です。月1回の達成度評価は、事業所職員による訪問または利用者の通所により対面で行います（電話・オンラインは不可）。`, `Method is ${m}; the monthly achievement evaluation must be face to face (visit or on-site).`, '002 カ; 004 6(8); 000 問4')];
        }
        if (m === '訪問' && ctx.pack === 'kobe') {
          return [issue('evaluation-sheet/method', 'warning', ['method'], '神戸市の通知（抜粋）では、月1回の達成度評価は事業所に通所して事業所内で行うこととされています。訪問による評価でよいか区役所に確認してください。', "Kobe's excerpt requires the monthly evaluation on site (通所); check whether a visit is accepted.", '001 §3⑥')];
        }
        return [];
      },
    },
  ],
};
