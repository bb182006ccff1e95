// 神戸市 在宅利用に係る報告書 (様式2-1 to the ward, 様式2-2 to the 特定相談支援事業所), 001.
// 利用者確認欄 (住所・氏名・印): 001 prints it on all three report pages, 2-1 included. 2-2 is told
// apart by its 達成度 fields; there an empty 利用者確認欄 is a warning. On a 2-1 it is only a
// reminder (incomplete) to have the paper signed, and only when the input has 確認欄 fields at
// all: a 2-1 web form without them gets no finding.
import { addMonths, field, formatJaDate, issue, KOBE_ITEM_WORDING, kobeItemFields, providerFields, serviceField, submittedOnField, userAddressField, userNameField } from '../helpers.ts';
import type { FieldDef, FormDefinition, FormIssue } from '../types.ts';
import { itemKeywordRule } from './kobe-application.ts';

const SOURCE = '001 様式2';
export const ACHIEVEMENT_OPTIONS = [['できた'], ['概ねできた', 'おおむねできた'], ['不十分'], ['できなかった']];

const achievementFields: FieldDef[] = [1, 2, 3, 4, 5, 6, 7].map((n) =>
  field(`achievement${n}`, `確認事項${n}の達成度`, `Item ${n} achievement`, 'choice', [new RegExp(`(確認事項|事項|項目)?${n}の?達成度|達成度${n}(?!\\d)`)], { options: ACHIEVEMENT_OPTIONS }),
);

export const kobeReport: FormDefinition = {
  id: 'kobe-report',
  title: { ja: '神戸市 在宅利用に係る報告書（様式2-1・2-2）', en: 'Kobe: home-use report (forms 2-1, 2-2)' },
  titlePatterns: [/在宅利用に係る報告書/, /神戸.*在宅.*報告書/],
  pack: 'kobe',
  source: SOURCE,
  fields: [
    submittedOnField(),
    ...providerFields(),
    userNameField('氏名（利用者）', { patterns: [/^(利用者)?氏名$|利用者名/] }),
    serviceField(),
    userAddressField(),
    field('periodFrom', '支給期間（開始）', 'Decision period from', 'date', [/支給期間.*(開始|から|自|始期|^支給期間$)/, /^支給期間$/, /支給期間/], { required: true }),
    field('periodTo', '支給期間（終了）', 'Decision period to', 'date', [/支給期間.*(終了|まで|至|終期)/, /支給期間/], { required: true }),
    ...kobeItemFields('check', '確認事項', 'Check item', KOBE_ITEM_WORDING),
    ...achievementFields,
    field('confirmAddress', '利用者確認欄 住所', 'User confirmation: address', 'text', [/(利用者)?確認欄?住所/]),
    field('confirmName', '利用者確認欄 氏名', 'User confirmation: name', 'text', [/(利用者)?確認欄?氏名|署名/]),
  ],
  rules: [
    {
      id: 'kobe-report/period',
      check(ctx): FormIssue[] {
        const from = ctx.date('periodFrom');
        const to = ctx.date('periodTo');
        if (!from || !to) return [];
        if (from > to) {
          return [issue('kobe-report/period', 'error', ['periodFrom', 'periodTo'], `支給期間の開始（${formatJaDate(from)}）が終了（${formatJaDate(to)}）より後になっています。受給者証の支給期間を確認してください。`, `The decision period starts (${from}) after it ends (${to}).`, SOURCE)];
        }
        if (to >= addMonths(from, 2)) {
          return [issue('kobe-report/first-period', 'warning', ['periodFrom', 'periodTo'], `支給期間が2か月を超えています（${formatJaDate(from)}〜${formatJaDate(to)}）。初回の在宅利用の支給決定は2か月以内です。初回の報告であれば期間を確認してください。`, `The decision period is longer than 2 months; a first home-use decision is at most 2 months. Check it if this is the first report.`, '001 §2(2)', 'incomplete')];
        }
        return [];
      },
    },
    {
      id: 'kobe-report/achievement',
      check(ctx): FormIssue[] {
        // 様式2-2 has a 達成度 per item: once any is given, each item needs exactly one.
        const ids = achievementFields.map((f) => f.id);
        if (!ids.some((id) => ctx.list(id).length > 0)) return [];
        const out: FormIssue[] = [];
        ids.forEach((id, i) => {
          // more than one is reported by the choice check (choice-valid)
          if (ctx.list(id).length === 0) out.push(issue('kobe-report/achievement', 'error', [id], `確認事項${i + 1}の達成度が選ばれていません。できた・概ねできた・不十分・できなかったから1つ選んでください。`, `Item ${i + 1}: choose one achievement level.`, '001 様式2-2'));
        });
        return out;
      },
    },
    {
      id: 'kobe-report/user-confirmation',
      check(ctx): FormIssue[] {
        if (ctx.text('confirmName') !== '') return [];
        const isForm22 = achievementFields.some((f) => ctx.has(f.id));
        if (isForm22) {
          return [issue('kobe-report/user-confirmation', 'warning', ['confirmName'], '利用者確認欄（住所・氏名・印）が空欄です。報告内容を利用者に確認してもらい、記入・押印を受けてください。', 'The user confirmation (address, name, seal) is empty; have the user confirm and sign.', '001 様式2-2')];
        }
        if (!ctx.has('confirmName') && !ctx.has('confirmAddress')) return [];
        return [issue('kobe-report/user-confirmation', 'warning', ['confirmName'], '様式2-1の用紙にも利用者確認欄（住所・氏名・印）があります。提出前に報告内容を利用者に確認してもらい、記入・押印を受けてください。', 'The paper form 2-1 has a user confirmation (address, name, seal); have the user confirm and sign it before submitting.', '001 様式2-1', 'incomplete')];
      },
    },
    itemKeywordRule('kobe-report', 'check', '001 様式2, §3'),
    {
      id: 'kobe-report/attachments',
      check: () => [issue('kobe-report/attachments', 'warning', ['check2', 'check5', 'check6'], '添付書類を確認してください: 確認事項2には日報、確認事項5・6には訪問または通所した日と評価結果の分かる書類（任意様式）が必要です。', 'Attach the daily reports (item 2) and the visit/commute dates with evaluation results (items 5, 6).', SOURCE, 'incomplete')],
    },
  ],
};
