import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';

export const emergencyArrival = defineRule({
  meta: {
    id: 'emergency-arrival',
    scope: 'user',
    title: { ja: '緊急時に1時間以内に駆け付けられる体制', en: 'Staff can reach the home within an hour' },
    sources: ['004 3(1)ウ'],
    defaultSeverity: 'error',
    requires: [['arrivalMinutes']],
    options: z.object({ maxMinutes: z.number().int().positive() }),
    defaultOptions: { maxMinutes: 60 },
    messages: {
      tooFar: {
        ja: '{{user}}さんの自宅へ緊急時に駆け付ける所要時間が{{minutes}}分と記録されています。事業所の職員が{{max}}分以内に駆け付けられる体制が必要です。緊急時の対応方法を見直してください。',
        en: '{{user}}: staff need {{minutes}} minutes to reach the home in an emergency; it must be within {{max}} minutes.',
      },
      unknown: {
        ja: '{{user}}さんの自宅へ緊急時に駆け付ける所要時間が記録されていません。{{max}}分以内に駆け付けられることを確認し、記録してください。',
        en: '{{user}}: the time for staff to reach the home in an emergency is not recorded; confirm it is within {{max}} minutes.',
      },
    },
  },
  check(subject, options) {
    const values = subject.userRecords.map((r) => r.arrivalMinutes).filter((m) => m !== undefined);
    const data = { max: options.maxMinutes };
    if (values.length === 0) return { outcome: 'incomplete', messageId: 'unknown', data };
    const minutes = Math.max(...values);
    return minutes <= options.maxMinutes ? PASS : { outcome: 'violation', messageId: 'tooFar', data: { ...data, minutes } };
  },
});
