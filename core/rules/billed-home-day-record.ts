import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';
import { remarkHas } from '../billing/remark.ts';

const MODE_JA = { center: '通所', offsite: '施設外', absent: '欠席' } as const;
const MODE_EN = { center: 'on-site', offsite: 'off-site', absent: 'absent' } as const;

/** A day billed as home use (備考 of the J611 02 record) has a support record showing the user at home. */
export const billedHomeDayRecord = defineRule({
  meta: {
    id: 'billed-home-day-record',
    scope: 'day',
    title: { ja: '在宅で請求した日の支援記録', en: 'Support record of a day billed as home use' },
    // 003: the ア–キ records must be kept and shown; 004 前文: fees paid without them are returned (返還)
    sources: ['003 ア–キ', '004 前文'],
    defaultSeverity: 'error',
    requires: [['mode']],
    options: z.object({ homeWords: z.array(z.string()).min(1) }),
    defaultOptions: { homeWords: ['在宅'] },
    input: 'billing',
    messages: {
      noRecord: {
        ja: '{{user}}さんの{{day}}は国保連CSV（{{billingFile}} {{billingLine}}行目、備考「{{remark}}」）で在宅利用として請求していますが、支援記録にその日の記録がありません。在宅支援の記録（連絡・日報・作業内容など）を作成・保存してください。記録がないまま請求すると報酬の返還を求められることがあります。',
        en: '{{user}} on {{day}} is billed as home use in the billing CSV ({{billingFile}} line {{billingLine}}, remark "{{remark}}"), but the support records have no record of that day. Make and keep the home-support record; fees billed without it may have to be returned.',
      },
      notHome: {
        ja: '{{user}}さんの{{day}}は国保連CSV（{{billingFile}} {{billingLine}}行目、備考「{{remark}}」）で在宅利用として請求していますが、支援記録ではその日は「{{modeJa}}」です。請求か記録のどちらかを直してください。',
        en: '{{user}} on {{day}} is billed as home use in the billing CSV ({{billingFile}} line {{billingLine}}, remark "{{remark}}"), but the support record shows the day as {{modeEn}}. Correct the billing or the record.',
      },
      noMode: {
        ja: '{{user}}さんの{{day}}は国保連CSV（{{billingFile}} {{billingLine}}行目）で在宅利用として請求していますが、支援記録のその日の利用形態が空欄のため、在宅の記録かどうか判定できません。利用形態（在宅・通所など）を記入してください。',
        en: '{{user}} on {{day}} is billed as home use ({{billingFile}} line {{billingLine}}), but the support record of that day has no mode (在宅, 通所 …), so it cannot be told whether it is a home record. Fill in the mode.',
      },
    },
  },
  check(subject, options) {
    if (subject.home.length > 0 || !subject.billed?.length) return PASS;
    const billed = subject.billed.find((b) => remarkHas(b.remark, options.homeWords));
    if (!billed) return PASS;
    const data = { billingFile: billed.source.file, billingLine: billed.source.line, remark: billed.remark };
    if (subject.all.length === 0) return { outcome: 'violation', messageId: 'noRecord', data, records: [] };
    const mode = subject.all.find((r) => r.mode !== undefined)?.mode;
    if (mode === undefined || mode === 'home') return { outcome: 'incomplete', messageId: 'noMode', data, records: subject.all };
    return { outcome: 'violation', messageId: 'notHome', data: { ...data, modeJa: MODE_JA[mode], modeEn: MODE_EN[mode] }, records: subject.all };
  },
});
