import { z } from 'zod';
import { defineRule } from './types.ts';
import { hasText, PASS, pendingDayMessage, unmetOnDay } from './helpers.ts';

export const startEndCheck = defineRule({
  meta: {
    id: 'start-end-check',
    scope: 'day',
    title: { ja: '作業開始時・終了時の確認', en: 'Start-of-work and end-of-work checks' },
    sources: ['002 事業所の要件イ'],
    defaultSeverity: 'error',
    requires: [['start'], ['end'], ['workContent'], ['result']],
    options: z.object({}),
    defaultOptions: {},
    messages: {
      missing: {
        ja: '{{user}}さんの{{day}}（在宅）は、作業開始時の確認（開始時間と作業内容）と作業終了時の確認（終了時間と成果）のうち、{{missing}}が記録されていません。支援記録に記入してください。',
        en: '{{user}} on {{day}} (home): the start-of-work check (start time and work content) and end-of-work check (end time and result) lack: {{missingEn}}. Complete the support record.',
      },
      pending: pendingDayMessage,
    },
  },
  check(subject, _options, ctx) {
    const r = subject.home[0]!;
    const missing: [string, string][] = [];
    if (r.start === undefined) missing.push(['開始時間', 'start time']);
    if (!hasText(r.workContent)) missing.push(['作業内容', 'work content']);
    if (r.end === undefined) missing.push(['終了時間', 'end time']);
    if (!hasText(r.result)) missing.push(['成果', 'result']);
    if (missing.length === 0) return PASS;
    return unmetOnDay(r, ctx, 'missing', {
      missing: missing.map((m) => m[0]).join('・'),
      missingEn: missing.map((m) => m[1]).join(', '),
    });
  },
});
