import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';
import { monthRange } from '../engine/calendar.ts';

export const userConfirmation = defineRule({
  meta: {
    id: 'user-confirmation',
    scope: 'day',
    title: { ja: '利用者による支援時間の確認（署名・押印）', en: 'User confirmed the support time (signature/seal)' },
    sources: ['004 3(4)ウ'],
    defaultSeverity: 'warning',
    requires: [['userConfirmed']],
    options: z.object({}),
    defaultOptions: {},
    messages: {
      missing: {
        ja: '{{user}}さんの{{day}}（在宅）の支援時間について、利用者確認（署名または押印）がありません。対面時に利用者と支援時間を確認し、利用者確認欄に署名・押印をもらってください。',
        en: '{{user}} on {{day}} (home): no user confirmation (signature or seal) of the support time. Confirm the time with the user face to face and have them sign.',
      },
      pending: {
        ja: '{{user}}さんの{{day}}（在宅）の利用者確認はまだありません。月内の対面時に支援時間を確認し、署名・押印をもらってください。',
        en: '{{user}} on {{day}} (home): not yet confirmed by the user; confirm at a face-to-face meeting this month.',
      },
    },
  },
  check(subject, _options, ctx) {
    const r = subject.home[0]!;
    if (r.userConfirmed === true) return PASS;
    // signed at the next face-to-face meeting: open until the month is over
    if (monthRange(r.date).to >= ctx.asOf) return { outcome: 'pending', messageId: 'pending' };
    return { outcome: 'violation', messageId: 'missing' };
  },
});
