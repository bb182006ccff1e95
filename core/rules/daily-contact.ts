import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS, pendingDayMessage, unmetOnDay } from './helpers.ts';
import type { DayRecord } from '../model/record.ts';

/** Contacts of the day; two entries at the same time count once. */
export function countContacts(record: DayRecord): number {
  const contacts = record.contacts ?? [];
  let distinct = 0;
  // a handful of contacts per day: compare with the earlier ones instead of building a Set
  for (let i = 0; i < contacts.length; i++) {
    const time = contacts[i]!.time;
    let repeated = false;
    if (time !== undefined) for (let j = 0; j < i && !repeated; j++) repeated = contacts[j]!.time === time;
    if (!repeated) distinct++;
  }
  return Math.max(distinct, record.contactCount ?? 0);
}

export const dailyContact = defineRule({
  meta: {
    id: 'daily-contact',
    scope: 'day',
    title: { ja: '1日2回の連絡・助言・進捗確認', en: 'Two contacts every home day' },
    sources: ['001 §3②', '003 イ', '000 問3②', '002 イ', '004 6(4)'],
    defaultSeverity: 'error',
    requires: [['contactCount', 'contacts']],
    options: z.object({ minimum: z.number().int().min(1) }),
    defaultOptions: { minimum: 2 },
    messages: {
      missing: {
        ja: '{{user}}さんの{{day}}（在宅）の連絡・助言・進捗確認の記録が{{count}}回です。在宅の日は1日{{minimum}}回以上の連絡が必要です。実施した連絡を記録するか、実施していなければ報酬算定の可否を確認してください。',
        en: '{{user}} on {{day}} (home): {{count}} contact(s) recorded; at least {{minimum}} contacts are required on a home day. Record the contacts made, or review whether the day can be billed.',
      },
      pending: pendingDayMessage,
    },
  },
  check(subject, options, ctx) {
    const record = subject.home[0]!;
    const count = countContacts(record);
    if (count >= options.minimum) return PASS;
    return unmetOnDay(record, ctx, 'missing', { count, minimum: options.minimum });
  },
});
