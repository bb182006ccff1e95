import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS, pendingDayMessage, unmetOnDay } from './helpers.ts';

export const dailyReport = defineRule({
  meta: {
    id: 'daily-report',
    scope: 'day',
    title: { ja: '日報の作成', en: 'Daily report (日報) made' },
    sources: ['001 §3②', '003 イ', '000 問3②', '002 イ', '004 6(4)'],
    defaultSeverity: 'error',
    requires: [['dailyReport']],
    options: z.object({}),
    defaultOptions: {},
    messages: {
      missing: {
        ja: '{{user}}さんの{{day}}（在宅）の日報が作成済みになっていません。日報を作成し、日報欄に○を付けてください。',
        en: '{{user}} on {{day}} (home): no daily report (日報) is marked as made. Write the report and mark it.',
      },
      pending: pendingDayMessage,
    },
  },
  check(subject, _options, ctx) {
    const record = subject.home[0]!;
    if (record.dailyReport === true) return PASS;
    return unmetOnDay(record, ctx, 'missing');
  },
});
