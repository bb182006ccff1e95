import type { DayRecord, EvalMethod } from '../model/record.ts';
import type { CheckResult, RuleContext, Subject } from './types.ts';

export const PASS: CheckResult = { outcome: 'pass' };

/**
 * A requirement is not met in the subject's period: a violation once the period is over and
 * fully covered by the data; `pending` while it is still running at the as-of date;
 * `incomplete` when the data does not cover the whole period (the missing part may hold it).
 */
export function unmet(
  subject: Subject,
  ctx: RuleContext,
  messageId: string,
  data?: Record<string, string | number>,
): CheckResult {
  if (subject.period.to >= ctx.asOf) return { outcome: 'pending', messageId: 'pending', data };
  if (subject.period.from < subject.dataSpan.from || subject.period.to > subject.dataSpan.to) {
    return { outcome: 'incomplete', messageId: 'cut', data };
  }
  return { outcome: 'violation', messageId, data };
}

/** A day requirement not met: a violation, or `pending` when the day is today or later. */
export function unmetOnDay(
  record: DayRecord,
  ctx: RuleContext,
  messageId: string,
  data?: Record<string, string | number>,
): CheckResult {
  if (record.date >= ctx.asOf) return { outcome: 'pending', messageId: 'pending', data };
  return { outcome: 'violation', messageId, data };
}

/** The evaluation method, with a method-less mark (○) on an on-site day read as 通所. */
export function effectiveMethod(record: DayRecord, method: EvalMethod | undefined): EvalMethod | undefined {
  if (method === 'unknown' && record.mode === 'center') return 'center';
  return method;
}

export const isFaceToFace = (m: EvalMethod | undefined): boolean => m === 'visit' || m === 'center';
export const isIct = (m: EvalMethod | undefined): boolean => m === 'phone' || m === 'online';

export function hasText(s: string | undefined): s is string {
  return s !== undefined && s.trim() !== '';
}

/** Shared message for `pending` outcomes of day rules. */
export const pendingDayMessage = {
  ja: '{{user}}さんの{{day}}はチェック日（{{asOf}}）以降のため、まだ記録できます。当日中に記録してください。',
  en: '{{day}} for {{user}} is not over at the check date ({{asOf}}); the record can still be made.',
};
/** Shared message for `pending` outcomes of week/month rules. */
export const pendingPeriodMessage = {
  ja: '{{user}}さんの{{period}}はまだ終わっていません（チェック日 {{asOf}}）。期間内に実施・記録してください。',
  en: 'The {{period}} of {{user}} is still running at {{asOf}}; it can still be done and recorded.',
};
/** Shared message for `incomplete` outcomes of periods cut by the edge of the data. */
export const cutPeriodMessage = {
  ja: '{{user}}さんの{{period}}は、データに{{uncovered}}の記録がない（データの端で切れている）ため判定できません。その日の記録も合わせて確認してください。',
  en: 'The {{period}} of {{user}} is only partly covered by the data ({{uncovered}} is not in it); check it together with the records of those days.',
};
