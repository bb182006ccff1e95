import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';

/** A cell that says there was no other service. */
const NONE = /^(特に)?(なし|無し?)$|^該当(なし|無し)$|^(×|✕|-|ー|－|―|0)$/;
const hhmm = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;

export const noConcurrentService = defineRule({
  meta: {
    id: 'no-concurrent-service',
    scope: 'day',
    title: { ja: '他の障害福祉サービスとの同時利用なし', en: 'No other welfare service at the same time' },
    sources: ['002 留意事項ウ', '004 7(3)'],
    defaultSeverity: 'error',
    requires: [['otherService']],
    options: z.object({}),
    defaultOptions: {},
    messages: {
      overlap: {
        ja: '{{user}}さんの{{day}}は、在宅での作業時間（{{work}}）に他のサービス「{{other}}」（{{otherTime}}）が重なっています。在宅就労中に別の障害福祉サービスを同時に受けることはできません。時間を確認してください。',
        en: '{{user}} on {{day}}: the home work time ({{work}}) overlaps another service "{{other}}" ({{otherTime}}). Another welfare service cannot be used at the same time as home work.',
      },
      noTime: {
        ja: '{{user}}さんの{{day}}は他のサービス「{{other}}」の利用が記録されていますが、{{what}}が分からないため同時利用かどうか判定できません。両方の時間を記録してください。',
        en: '{{user}} on {{day}}: another service "{{other}}" is recorded but {{whatEn}} is missing, so an overlap cannot be ruled out. Record both times.',
      },
    },
  },
  check(subject) {
    const r = subject.home[0]!;
    const other = r.otherService;
    if (!other || NONE.test(other.text.normalize('NFKC').replace(/\s+/g, ''))) return PASS;
    const data = { other: other.text };
    if (other.from === undefined || other.to === undefined) {
      return { outcome: 'incomplete', messageId: 'noTime', data: { ...data, what: '他サービスの時間', whatEn: "the other service's time" } };
    }
    if (r.start === undefined || r.end === undefined) {
      return { outcome: 'incomplete', messageId: 'noTime', data: { ...data, what: '在宅での作業時間', whatEn: 'the home work time' } };
    }
    if (other.from < r.end && r.start < other.to) {
      return {
        outcome: 'violation',
        messageId: 'overlap',
        data: { ...data, work: `${hhmm(r.start)}〜${hhmm(r.end)}`, otherTime: `${hhmm(other.from)}〜${hhmm(other.to)}` },
      };
    }
    return PASS;
  },
});
