import { z } from 'zod';
import { defineRule } from './types.ts';
import { cutPeriodMessage, PASS, pendingPeriodMessage, unmet } from './helpers.ts';

export const weeklyCommute = defineRule({
  meta: {
    id: 'weekly-commute',
    scope: 'week',
    title: { ja: '週1日以上の通所（原則）', en: 'At least one on-site day a week (in principle)' },
    sources: ['002 §1 要件'],
    defaultSeverity: 'warning',
    requires: [['mode', 'remark']],
    options: z.object({}),
    defaultOptions: {},
    messages: {
      missing: {
        ja: '{{user}}さんの{{period}}は通所日がありません。東大阪市の基準では、週のうち1日以上は通所で利用することが原則です。通所の予定を個別支援計画で確認してください。',
        en: '{{user}}: no on-site day in the {{period}}. In principle at least one day a week is used on site (Higashiosaka criteria).',
      },
      pending: pendingPeriodMessage,
      cut: cutPeriodMessage,
    },
  },
  check(subject, _options, ctx) {
    if (subject.all.some((r) => r.mode === 'center')) return PASS;
    return unmet(subject, ctx, 'missing');
  },
});
