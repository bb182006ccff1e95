import { z } from 'zod';
import { IsoDate, type DayRecord } from '../model/record.ts';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';

type Period = { from: string; to: string };
const periodsCache = new WeakMap<readonly DayRecord[], Period[]>();

/** The distinct 在宅 periods recorded on any row of the user (computed once per user). */
function certificatePeriods(records: readonly DayRecord[]): Period[] {
  let periods = periodsCache.get(records);
  if (!periods) {
    periods = [];
    let last: Period | undefined;
    for (const d of records) {
      if (d.certFrom === undefined && d.certTo === undefined) continue;
      const from = d.certFrom ?? '0000-01-01';
      const to = d.certTo ?? '9999-12-31';
      // rows repeat the same period: compare with the last one before searching the list
      if (last !== undefined && last.from === from && last.to === to) continue;
      last = periods.find((p) => p.from === from && p.to === to);
      if (last === undefined) periods.push((last = { from, to }));
    }
    periodsCache.set(records, periods);
  }
  return periods;
}

/** Records are date-sorted: look only at the days before `date`. */
function hadHomeUseBefore(records: readonly DayRecord[], date: string): boolean {
  for (const d of records) {
    if (d.date >= date) return false;
    if (d.mode === 'home') return true;
  }
  return false;
}

/**
 * The data shows the user was not on home use before `date` (004 §5 is for users already on home use):
 * days before it are recorded and none is a home day, or the plan column never plans a home day.
 */
function noEarlierHomeUse(records: readonly DayRecord[], date: string): { evidence: string; evidenceEn: string } | undefined {
  if (records.length > 0 && records[0]!.date < date) return { evidence: `${date}より前の記録に在宅の日がありません`, evidenceEn: `no home day among the records before ${date}` };
  let unplanned = false;
  for (const d of records) {
    if (d.planned === true) return undefined;
    if (d.planned === false) unplanned = true;
  }
  return unplanned ? { evidence: '個別支援計画に在宅の日がありません', evidenceEn: 'the support plan has no home day' } : undefined;
}

export const certificatePeriod = defineRule({
  meta: {
    id: 'certificate-period',
    scope: 'day',
    title: { ja: '受給者証の在宅利用期間内', en: 'Within the home-use period on the certificate' },
    sources: ['001 §4', '003 受給者証', '002 支給決定の流れ⑥⑦', '004 3(3)ウ', '004 §5', '000 問10'],
    defaultSeverity: 'error',
    requires: [['certFrom', 'certTo']],
    options: z.object({
      /** the entry is required from `from`; users on home use before it may go on without it until `until` */
      transition: z.object({ from: IsoDate, until: IsoDate }).optional(),
    }),
    defaultOptions: {},
    messages: {
      outside: {
        ja: '{{user}}さんの{{day}}は在宅利用ですが、受給者証の在宅利用期間（{{certFrom}}〜{{certTo}}）の外です。受給者証の記載を確認し、期間外の在宅利用は算定できないことに注意してください。',
        en: '{{user}} on {{day}}: a home day outside the home-use period on the certificate ({{certFrom}} – {{certTo}}). Home use outside the period cannot be billed.',
      },
      noEntry: {
        ja: '{{user}}さんの{{day}}は在宅利用ですが、受給者証の在宅利用期間が記録されていません。受給者証に「在宅利用」の記載があることを確認し、その期間を記入してください。',
        en: '{{user}} on {{day}}: a home day, but no home-use period from the certificate is recorded. Check that the certificate shows home use and record its period.',
      },
      transitional: {
        ja: '{{user}}さんの{{day}}は受給者証に在宅就労の記載がないまま在宅利用しています。{{transitionFrom}}より前から在宅就労支援を受けている利用者は{{until}}まで移行期間として認められますが、次回の支給決定更新時（または事業所変更時）までに受給者証への記載を受けてください。',
        en: '{{user}} on {{day}}: home use without the certificate entry. Users on home use before {{transitionFrom}} may continue until {{until}} (transition); get the entry at the next renewal or change of provider.',
      },
      noEarlierHomeUse: {
        ja: '{{user}}さんの{{day}}は受給者証に在宅就労の記載がないまま在宅利用しています。{{transitionFrom}}より前の在宅利用がデータにない（{{evidence}}）ため、移行期間（{{until}}まで）の対象ではありません。受給者証に在宅就労支援の記載を受けてから在宅利用してください。',
        en: '{{user}} on {{day}}: home use without the certificate entry. The data shows no home use before {{transitionFrom}} ({{evidenceEn}}), so the transition until {{until}} does not apply. Get the certificate entry before home use.',
      },
      transitionUnknown: {
        ja: '{{user}}さんの{{day}}は受給者証に在宅就労の記載がないまま在宅利用しています。{{transitionFrom}}より前から同じ事業所で在宅就労支援を受けていれば{{until}}まで移行期間として認められますが、データからは判断できません。利用開始時期を確認してください。',
        en: '{{user}} on {{day}}: home use without the certificate entry. Allowed until {{until}} only if the user was already on home use at this provider before {{transitionFrom}}, which the data does not show.',
      },
    },
  },
  check(subject, options) {
    const r = subject.home[0]!;
    const unique = certificatePeriods(subject.userRecords);
    for (let i = 0; i < unique.length; i++) if (unique[i]!.from <= r.date && r.date <= unique[i]!.to) return PASS;
    const t = options.transition;
    // before the notice the entry was not required (004 §5)
    if (unique.length === 0 && t && r.date < t.from) return PASS;
    if (unique.length === 0 && t && r.date <= t.until) {
      const data = { transitionFrom: t.from, until: t.until };
      const homeBefore = hadHomeUseBefore(subject.userRecords, t.from);
      if (homeBefore) return { outcome: 'violation', messageId: 'transitional', severity: 'warning', data };
      const evidence = noEarlierHomeUse(subject.userRecords, t.from);
      return evidence
        ? { outcome: 'violation', messageId: 'noEarlierHomeUse', data: { ...data, ...evidence } }
        : { outcome: 'incomplete', messageId: 'transitionUnknown', data };
    }
    if (unique.length === 0) return { outcome: 'violation', messageId: 'noEntry' };
    const p = unique.find((q) => q.to < r.date) ?? unique[0]!;
    return { outcome: 'violation', messageId: 'outside', data: { certFrom: p.from.startsWith('0000') ? '—' : p.from, certTo: p.to.startsWith('9999') ? '—' : p.to } };
  },
});
