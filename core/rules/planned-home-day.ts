import { z } from 'zod';
import { defineRule } from './types.ts';
import { hasText, PASS } from './helpers.ts';

/**
 * 「利用者や事業所の責めに帰さない事情」 (004 7(2)): bad weather, or on-site attendance suspended for an
 * epidemic. The user's own illness (風邪等の突発的な感染症罹患), hospital visits and errands are not.
 */
const NO_FAULT = /天候|台風|大雨|大雪|暴風|警報|災害|(流行|蔓延|まん延).*(休止|休業|閉所|中止)|臨時(休止|休業|閉所)|通所.{0,4}(休止|中止)/;
const USER_REASON = /罹患|風邪|かぜ|体調|発熱|熱が|通院|受診|私用|用事|介護|怪我|けが|寝坊/;
/** The plan records that planning ahead is hard because of the disability or symptoms. */
const PLANNING_HARD = /計画.{0,6}(困難|難しい)|予め計画|あらかじめ計画|障がい特性|障害特性|症状により/;

export const plannedHomeDay = defineRule({
  meta: {
    id: 'planned-home-day',
    scope: 'day',
    title: { ja: '個別支援計画に基づく在宅利用', en: 'Home day planned in the individual support plan' },
    sources: ['000 問7', '000 問8', '002 留意事項エ', '004 7(2)'],
    defaultSeverity: 'error',
    requires: [['planned']],
    options: z.object({ allowDocumentedExceptions: z.boolean() }),
    defaultOptions: { allowDocumentedExceptions: false },
    messages: {
      unplanned: {
        ja: '{{user}}さんの{{day}}は在宅利用ですが、個別支援計画で在宅の日として計画されていません。体調や都合による当日の在宅への切り替えは認められません。計画に位置付けた日か確認してください。',
        en: '{{user}} on {{day}}: a home day that the individual support plan does not plan as home use. Ad-hoc switches to home use (illness, convenience) are not allowed.',
      },
      unplannedReason: {
        ja: '{{user}}さんの{{day}}は個別支援計画にない在宅利用です。記録された理由「{{reason}}」は、責めに帰さない事情（天候不良、感染症流行による臨時休止など）にも、計画が困難な事情の記載にも当たらないため、認められない可能性があります。',
        en: '{{user}} on {{day}}: an unplanned home day; the recorded reason "{{reason}}" is neither a no-fault circumstance (bad weather, temporary closure for an epidemic) nor a documented difficulty in planning.',
      },
      notInPlan: {
        ja: '{{user}}さんの{{day}}は「{{reason}}」による在宅への変更ですが、この利用者の個別支援計画に在宅利用の位置付けが見当たりません。事前に在宅就労を計画していない利用者は、この例外の対象外です。',
        en: '{{user}} on {{day}}: switched to home use for "{{reason}}", but the user\'s plan shows no home use; the no-fault exception only applies to users whose plan includes home use.',
      },
    },
  },
  check(subject, options) {
    const r = subject.home[0]!;
    if (r.planned === true) return PASS;
    if (!options.allowDocumentedExceptions || !hasText(r.exceptionReason)) {
      return { outcome: 'violation', messageId: 'unplanned' };
    }
    const reason = r.exceptionReason;
    if (PLANNING_HARD.test(reason)) return PASS;
    if (USER_REASON.test(reason) || !NO_FAULT.test(reason)) return { outcome: 'violation', messageId: 'unplannedReason', data: { reason } };
    const planIncludesHome = subject.userRecords.some((d) => d.planned === true);
    return planIncludesHome ? PASS : { outcome: 'violation', messageId: 'notInPlan', data: { reason } };
  },
});
