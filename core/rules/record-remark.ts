import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';
import { monthRange } from '../engine/calendar.ts';

export const recordRemark = defineRule({
  meta: {
    id: 'record-remark',
    scope: 'day',
    title: { ja: '実績記録票の備考に「在宅就労」', en: '"在宅就労" in the record remarks' },
    sources: ['004 3(4)ウ'],
    defaultSeverity: 'error',
    requires: [['remark']],
    options: z.object({ text: z.string() }),
    defaultOptions: { text: '在宅就労' },
    messages: {
      missing: {
        ja: '{{user}}さんの{{day}}（在宅）は、実績記録票の備考欄に「{{text}}」と記載されていません。備考欄に「{{text}}」と記入してください。',
        en: '{{user}} on {{day}} (home): the remarks of the service record do not say "{{text}}". Write "{{text}}" in the remarks.',
      },
      pending: {
        ja: '{{user}}さんの{{day}}（在宅）の備考欄に「{{text}}」がまだありません。今月の実績記録票を確定するまでに記入してください。',
        en: '{{user}} on {{day}} (home): "{{text}}" is not yet in the remarks; write it before this month\'s service record is finalised.',
      },
    },
  },
  check(subject, options, ctx) {
    const remark = subject.home[0]!.remark ?? '';
    if (remark.normalize('NFKC').replace(/\s+/g, '').includes(options.text)) return PASS;
    // the 実績記録票 is completed for the month: open until the month is over
    const open = monthRange(subject.home[0]!.date).to >= ctx.asOf;
    return { outcome: open ? 'pending' : 'violation', messageId: open ? 'pending' : 'missing', data: { text: options.text } };
  },
});
