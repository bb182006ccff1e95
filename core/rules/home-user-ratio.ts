import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';

export const homeUserRatio = defineRule({
  meta: {
    id: 'home-user-ratio',
    scope: 'provider-month',
    title: { ja: '在宅利用者数 ≦ 定員の5割', en: 'Home users ≤ 50 % of capacity' },
    sources: ['002 §1 定員に対する在宅利用の割合'],
    defaultSeverity: 'error',
    requires: [],
    options: z.object({ maxShare: z.number().min(0).max(1) }),
    defaultOptions: { maxShare: 0.5 },
    messages: {
      over: {
        ja: '{{period}}に在宅利用のあった利用者は{{users}}人で、定員{{capacity}}人の5割（{{limit}}人）を超えています（他市町村の利用者を含めて数えます）。在宅利用の支給決定者数は定員の5割以内とされています。通所への移行を進めてください。',
        en: '{{users}} users had home days in {{period}}, above 50 % of the capacity of {{capacity}} ({{limit}}), counting users of every municipality.',
      },
      noCapacity: {
        ja: '{{period}}の在宅利用者数（{{users}}人）が定員の5割以内か判定するには定員の設定が必要です。設定（CLIでは --capacity）で定員を入力してください。',
        en: 'Set the capacity (--capacity) to check that the {{users}} home users of {{period}} are within 50 % of it.',
      },
    },
  },
  check(subject, options, ctx) {
    const users = new Set(subject.home.map((r) => r.user)).size;
    if (ctx.capacity === undefined) return { outcome: 'incomplete', messageId: 'noCapacity', data: { users } };
    const limit = Math.floor(ctx.capacity * options.maxShare);
    if (users <= limit) return PASS;
    return { outcome: 'violation', messageId: 'over', data: { users, capacity: ctx.capacity, limit } };
  },
});
