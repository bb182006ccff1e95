import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';

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
    },
  },
  check(subject, options) {
    const remark = subject.home[0]!.remark ?? '';
    if (remark.normalize('NFKC').replace(/\s+/g, '').includes(options.text)) return PASS;
    return { outcome: 'violation', messageId: 'missing', data: { text: options.text } };
  },
});
