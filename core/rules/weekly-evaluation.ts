import { z } from 'zod';
import { Severity } from '../model/report.ts';
import { defineRule } from './types.ts';
import { cutPeriodMessage, effectiveMethod, isFaceToFace, isIct, PASS, pendingPeriodMessage, unmet } from './helpers.ts';

export const weeklyEvaluation = defineRule({
  meta: {
    id: 'weekly-evaluation',
    scope: 'week',
    title: { ja: '週1回の評価', en: 'Evaluation every week' },
    sources: ['003 オ', '000 問3⑤', '002 オ', '004 6(7)', '001 §3⑤'],
    defaultSeverity: 'error',
    requires: [['weeklyEval', 'monthlyEval']],
    options: z.object({
      /** severity when the week's only evaluations were by phone/PC (神戸市: 訪問又は通所) */
      ictSeverity: Severity.optional(),
    }),
    defaultOptions: {},
    messages: {
      missing: {
        ja: '{{user}}さんの{{period}}に評価の記録がありません。在宅利用のある週は、訪問・通所・電話やパソコン等（ICT）のいずれかで週1回以上評価を行い、記録してください。',
        en: '{{user}}: no evaluation recorded in the {{period}}. A week with home days needs at least one evaluation by visit, on-site or ICT (phone/PC).',
      },
      ictOnly: {
        ja: '{{user}}さんの{{period}}の評価は電話・オンラインのみです。この市町村の取扱いでは週1回の評価は事業所職員の訪問または利用者の通所によるとされています。訪問・通所での評価を行ってください。',
        en: '{{user}}: the {{period}} had evaluations by phone/online only; this municipality asks for weekly evaluation by staff visit or on-site attendance.',
      },
      methodUnknown: {
        ja: '{{user}}さんの{{period}}の評価は方法（訪問・通所・電話等）が記録されていないため、要件を満たすか判定できません。評価の方法を記録してください。',
        en: '{{user}}: the {{period}} has an evaluation without its method (visit, on-site, phone …), so the requirement cannot be decided. Record the method.',
      },
      pending: pendingPeriodMessage,
      cut: cutPeriodMessage,
    },
  },
  check(subject, options, ctx) {
    let ict = false;
    let unknown = false;
    for (const r of subject.all) {
      for (let k = 0; k < 2; k++) {
        const m = k === 0 ? r.weeklyEval : r.monthlyEval;
        if (m === undefined) continue;
        const method = effectiveMethod(r, m);
        if (isFaceToFace(method)) return PASS;
        ict ||= isIct(method);
        unknown ||= method === 'unknown';
      }
    }
    if (options.ictSeverity === undefined && (ict || unknown)) return PASS;
    if (unknown) return { outcome: 'incomplete', messageId: 'methodUnknown' };
    const result = unmet(subject, ctx, 'missing');
    if (result.outcome === 'violation' && ict) {
      return { ...result, messageId: 'ictOnly', severity: options.ictSeverity };
    }
    return result;
  },
});
