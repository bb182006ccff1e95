import { z } from 'zod';
import { defineRule } from './types.ts';
import { cutPeriodMessage, PASS } from './helpers.ts';
import { daysInMonthOf } from '../engine/calendar.ts';

export const monthlyDayCap = defineRule({
  meta: {
    id: 'monthly-day-cap',
    scope: 'month',
    title: { ja: '月の利用日数（在宅＋通所）≦ 当該月の日数−8日', en: 'Days used in the month ≤ days in month − 8' },
    sources: ['002 §1 支給量'],
    defaultSeverity: 'error',
    requires: [['mode', 'remark']],
    options: z.object({ reserveDays: z.number().int().min(0) }),
    defaultOptions: { reserveDays: 8 },
    messages: {
      over: {
        ja: '{{user}}さんの{{period}}の利用日数は在宅と通所の合計で{{used}}日です。支給量の上限（当該月の日数{{days}}日−{{reserve}}日＝{{cap}}日）を超えています。利用日数を見直してください。',
        en: '{{user}}: {{used}} days used in {{period}} (home + on-site), above the cap of {{cap}} ({{days}} days − {{reserve}}).',
      },
      cut: cutPeriodMessage,
    },
  },
  check(subject, options) {
    const used = new Set(
      subject.all.filter((r) => r.mode === 'home' || r.mode === 'center' || r.mode === 'offsite').map((r) => r.date),
    ).size;
    const days = daysInMonthOf(subject.period.from);
    const cap = days - options.reserveDays;
    if (used > cap) {
      return { outcome: 'violation', messageId: 'over', data: { used, days, cap, reserve: options.reserveDays } };
    }
    const cut = subject.period.from < subject.dataSpan.from || subject.period.to > subject.dataSpan.to;
    return cut ? { outcome: 'incomplete', messageId: 'cut' } : PASS;
  },
});
