import { z } from 'zod';
import { Severity } from '../model/report.ts';
import { defineRule } from './types.ts';
import { cutPeriodMessage, effectiveMethod, isIct, PASS, pendingPeriodMessage, unmet } from './helpers.ts';

export const monthlyEvaluation = defineRule({
  meta: {
    id: 'monthly-evaluation',
    scope: 'month',
    title: { ja: '月1回の対面での達成度評価', en: 'Face-to-face achievement evaluation every month' },
    sources: ['003 カ', '003 キ', '000 問3⑥', '000 問4', '001 §3⑥⑦', '002 カ', '002 キ', '004 6(8)'],
    defaultSeverity: 'error',
    requires: [['monthlyEval']],
    options: z.object({
      /** severity when the month's evaluation was by staff visit only (神戸市: 事業所に通所し) */
      visitSeverity: Severity.optional(),
    }),
    defaultOptions: {},
    messages: {
      missing: {
        ja: '{{user}}さんの{{period}}に、訪問または通所による対面での達成度評価の記録がありません。在宅利用のある月は、月1回以上、訓練目標に対する達成度の評価を対面で行い、記録してください。',
        en: '{{user}}: no face-to-face achievement evaluation (visit or on-site) in {{period}}. Each month with home days needs one.',
      },
      remoteOnly: {
        ja: '{{user}}さんの{{period}}の達成度評価は電話・オンラインのみです。月1回の達成度評価は対面（訪問または通所）が必須で、電話やオンラインでは代えられません。',
        en: '{{user}}: the achievement evaluation in {{period}} was by phone/online only; the monthly evaluation must be face to face (visit or on-site).',
      },
      visitOnly: {
        ja: '{{user}}さんの{{period}}の達成度評価は訪問のみです。この市町村の取扱いでは、月1日は事業所に通所し、事業所内で達成度の評価を行うこととされています。',
        en: '{{user}}: the achievement evaluation in {{period}} was by visit only; this municipality asks for it on site at the office.',
      },
      methodUnknown: {
        ja: '{{user}}さんの{{period}}の達成度評価は方法が記録されておらず、対面（訪問・通所）か判定できません。評価の方法を記録してください。',
        en: '{{user}}: the achievement evaluation in {{period}} has no method recorded, so whether it was face to face cannot be decided.',
      },
      pending: pendingPeriodMessage,
      cut: cutPeriodMessage,
    },
  },
  check(subject, options, ctx) {
    const methods = subject.all
      .filter((r) => r.monthlyEval !== undefined)
      .map((r) => effectiveMethod(r, r.monthlyEval));
    if (methods.includes('center')) return PASS;
    if (methods.includes('visit') && options.visitSeverity === undefined) return PASS;
    if (methods.includes('unknown')) return { outcome: 'incomplete', messageId: 'methodUnknown' };
    const result = unmet(subject, ctx, 'missing');
    if (result.outcome !== 'violation') return result;
    if (methods.includes('visit')) return { ...result, messageId: 'visitOnly', severity: options.visitSeverity };
    if (methods.some(isIct)) return { ...result, messageId: 'remoteOnly' };
    return result;
  },
});
