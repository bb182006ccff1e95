import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';
import { formatMinutes } from '../normalize/times.ts';

const hasTime = (x: { start?: number; end?: number }) => x.start !== undefined || x.end !== undefined;
const differs = (a: number | undefined, b: number | undefined, tolerance: number) => a !== undefined && b !== undefined && Math.abs(a - b) > tolerance;
const range = (from: number | undefined, to: number | undefined) => `${from === undefined ? '?' : formatMinutes(from)}〜${to === undefined ? '?' : formatMinutes(to)}`;

/** The billed 開始/終了 of a day agree with the support record's within a tolerance. */
export const billedTimeMismatch = defineRule({
  meta: {
    id: 'billed-time-mismatch',
    scope: 'day',
    title: { ja: '請求の開始・終了時間と記録の時間', en: 'Billed start/end times against the record' },
    // 003 ア: the work done (and its time) is recorded; the 実績記録票 should show the same day
    sources: ['003 ア'],
    defaultSeverity: 'warning',
    requires: [['start', 'end']],
    options: z.object({ toleranceMinutes: z.number().int().min(0) }),
    defaultOptions: { toleranceMinutes: 30 },
    input: 'billing',
    messages: {
      mismatch: {
        ja: '{{user}}さんの{{day}}は、国保連CSV（{{billingFile}} {{billingLine}}行目）の時間 {{billed}} と支援記録の時間 {{recorded}} が{{tolerance}}分を超えて違います。請求か記録のどちらかを直してください。',
        en: '{{user}} on {{day}}: the billed time {{billed}} ({{billingFile}} line {{billingLine}}) and the recorded time {{recorded}} differ by more than {{tolerance}} minutes. Correct the billing or the record.',
      },
    },
  },
  check(subject, options) {
    const billed = subject.billed?.find(hasTime);
    if (!billed) return PASS;
    // the home record first, else any record of the day with a time
    const record = subject.home.find(hasTime) ?? subject.all.find(hasTime);
    if (!record) return PASS;
    const tolerance = options.toleranceMinutes;
    if (!differs(billed.start, record.start, tolerance) && !differs(billed.end, record.end, tolerance)) return PASS;
    return {
      outcome: 'violation',
      messageId: 'mismatch',
      data: {
        billed: range(billed.start, billed.end),
        recorded: range(record.start, record.end),
        tolerance: options.toleranceMinutes,
        billingFile: billed.source.file,
        billingLine: billed.source.line,
      },
      records: [record],
    };
  },
});
