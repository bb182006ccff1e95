import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';

/** A home day of the support records appears in the billing file (reconciliation). */
export const homeDayNotBilled = defineRule({
  meta: {
    id: 'home-day-not-billed',
    scope: 'day',
    title: { ja: '在宅の記録がある日の請求', en: 'Billing of a recorded home day' },
    // no regulation requires billing a day; the records and the 実績記録票 should agree (003: records kept and shown)
    sources: ['003 ア–キ'],
    defaultSeverity: 'warning',
    requires: [],
    options: z.object({}),
    defaultOptions: {},
    input: 'billing',
    // a month with no home day billed is one gap, not one warning per day
    monthSummary: 'monthNotBilled',
    messages: {
      notBilled: {
        ja: '{{user}}さんの{{day}}は支援記録では在宅利用ですが、国保連CSVにその日の実績（J611）がありません。請求漏れか、記録の誤りかを確認してください（実地指導の前に説明できるようにしておきましょう）。',
        en: '{{user}} on {{day}} is a home day in the support records, but the billing CSV has no service record (J611) of that day. Check whether the day was left unbilled or the record is wrong.',
      },
      monthNotBilled: {
        ja: '{{user}}さんの{{period}}の在宅日はすべて請求されていません（{{days}}日）。国保連CSVにこれらの日の実績（J611）がありません。請求漏れか、別の受給者証番号で請求していないか、記録の利用者・月の誤りではないかを確認してください（実地指導の前に説明できるようにしておきましょう）。',
        en: '{{user}}, {{period}}: none of the {{days}} home days of the month is billed; the billing CSV has no service record (J611) of them. Check whether the month was left unbilled, billed under another recipient number, or the records name the wrong user or month.',
      },
    },
  },
  check(subject) {
    if (subject.home.length === 0 || (subject.billed ?? []).length > 0) return PASS;
    return { outcome: 'violation', messageId: 'notBilled' };
  },
});
