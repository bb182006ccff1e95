import { z } from 'zod';
import { defineRule } from './types.ts';
import { hasText, PASS, pendingDayMessage, unmetOnDay } from './helpers.ts';

export const workMenu = defineRule({
  meta: {
    id: 'work-menu',
    scope: 'day',
    title: { ja: '作業・訓練メニューの記録', en: 'Work or training content recorded' },
    sources: ['001 §3①', '003 ア', '000 問3①'],
    defaultSeverity: 'warning',
    requires: [['workContent']],
    options: z.object({}),
    defaultOptions: {},
    messages: {
      missing: {
        ja: '{{user}}さんの{{day}}（在宅）の作業内容・訓練内容が空欄です。その日に行った作業活動・訓練のメニューを記録してください。',
        en: '{{user}} on {{day}} (home): the work/training content is empty. Record what work or training was done.',
      },
      pending: pendingDayMessage,
    },
  },
  check(subject, _options, ctx) {
    const record = subject.home[0]!;
    if (hasText(record.workContent)) return PASS;
    return unmetOnDay(record, ctx, 'missing');
  },
});
