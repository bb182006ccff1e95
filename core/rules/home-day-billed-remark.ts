import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';
import { remarkHas } from '../billing/remark.ts';

/** 福岡市: the billed 実績記録票 (the J611 file as sent) of a home day says 在宅就労 in 備考. */
export const homeDayBilledRemark = defineRule({
  meta: {
    id: 'home-day-billed-remark',
    scope: 'day',
    title: { ja: '請求した実績記録票の備考に「在宅就労」', en: '"在宅就労" in the remarks of the billed service record' },
    sources: ['004 3(4)ウ'],
    defaultSeverity: 'error',
    requires: [],
    options: z.object({ text: z.string().min(1) }),
    defaultOptions: { text: '在宅就労' },
    input: 'billing',
    messages: {
      missing: {
        ja: '{{user}}さんの{{day}}（在宅）は、国保連CSV（{{billingFile}} {{billingLine}}行目）の実績記録票の備考が「{{remark}}」で、「{{text}}」と記載されていません。請求ソフトの実績記録票の備考に「{{text}}」と入力してください。',
        en: '{{user}} on {{day}} (home): the remark of the billed service record ({{billingFile}} line {{billingLine}}) is "{{remark}}", not "{{text}}". Enter "{{text}}" in the remarks in the billing software.',
      },
    },
  },
  check(subject, options) {
    const billed = subject.billed ?? [];
    if (subject.home.length === 0 || billed.length === 0) return PASS;
    const words = [options.text];
    for (const b of billed) if (remarkHas(b.remark, words)) return PASS;
    const b = billed[0]!;
    return {
      outcome: 'violation',
      messageId: 'missing',
      data: { text: options.text, remark: b.remark, billingFile: b.source.file, billingLine: b.source.line },
    };
  },
});
