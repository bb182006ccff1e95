import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';

export const contactTimestamps = defineRule({
  meta: {
    id: 'contact-timestamps',
    scope: 'day',
    title: { ja: '連絡の実施日時の記録', en: 'Time of every contact recorded' },
    sources: ['000 問3⑦'],
    defaultSeverity: 'warning',
    requires: [['contacts']],
    options: z.object({}),
    defaultOptions: {},
    messages: {
      untimed: {
        ja: '{{user}}さんの{{day}}（在宅）の連絡{{count}}件に時刻がありません。実施日時が確認できるよう、各連絡の時刻を記録してください。',
        en: '{{user}} on {{day}} (home): {{count}} contact(s) have no time. Record the time of each contact so that when it was done can be confirmed.',
      },
    },
  },
  check(subject) {
    let untimed = 0;
    for (const c of subject.home[0]!.contacts ?? []) if (c.time === undefined) untimed++;
    return untimed === 0 ? PASS : { outcome: 'violation', messageId: 'untimed', data: { count: untimed } };
  },
});
