// 神戸市 在宅利用に係る調査票 (様式4): the last three months' attendance, 001.
import { daysInMonth } from '../../normalize/dates.ts';
import { field, formatJaMonth, issue, monthIndex, providerFields, serviceField, submittedOnField, userAddressField, userNameField } from '../helpers.ts';
import type { FieldDef, FormDefinition, FormIssue } from '../types.ts';

const SOURCE = '001 様式4';

const usageFields: FieldDef[] = [1, 2, 3].flatMap((n) => [
  field(`month${n}`, `利用実績 ${n}（月）`, `Usage ${n}: month`, 'month', [new RegExp(`(利用実績|実績)?${n}.?(か?月目?|月)$|^月${n}$`), new RegExp(`${n}(か月|ヶ月)?前`), /^(利用)?月$/], { required: true }),
  field(`days${n}`, `利用実績 ${n}（利用日数）`, `Usage ${n}: days used`, 'number', [new RegExp(`(利用実績|実績)?${n}.?利用日数|利用日数${n}(?!\\d)`), /^利用日数$/], { required: true }),
]);

export const kobeSurvey: FormDefinition = {
  id: 'kobe-survey',
  title: { ja: '神戸市 在宅利用に係る調査票（様式4）', en: 'Kobe: home-use survey (form 4)' },
  titlePatterns: [/在宅利用に係る調査票/, /サービス利用実績.*調査票|調査票.*サービス利用実績/],
  pack: 'kobe',
  source: SOURCE,
  fields: [
    submittedOnField(),
    ...providerFields(),
    userNameField('氏名（利用者）'),
    serviceField(),
    userAddressField(),
    ...usageFields,
    field('usage', 'サービス利用状況（訓練・支援内容）', 'Service use (training and support)', 'longtext', [/サービス利用状況|訓練支援内容/], { required: true }),
    field('evaluation', 'サービス管理責任者による評価（能力や知識、経験についてなど）', 'Evaluation by the service manager', 'longtext', [/サービス管理責任者|サビ管|による評価/], { required: true }),
  ],
  rules: [
    {
      id: 'kobe-survey/months',
      check(ctx): FormIssue[] {
        const base = ctx.date('submittedOn') ?? ctx.asOf;
        const sub = { year: Number(base.slice(0, 4)), month: Number(base.slice(5, 7)) };
        const subIdx = monthIndex(sub);
        const out: FormIssue[] = [];
        const idx: (number | undefined)[] = [1, 2, 3].map((n) => {
          const m = ctx.month(`month${n}`);
          if (!m) return undefined;
          if (m.year !== undefined) return monthIndex({ year: m.year, month: m.month });
          // a bare month: the latest such month before the submission month
          let i = monthIndex({ year: sub.year, month: m.month });
          while (i >= subIdx) i -= 12;
          return i;
        });
        const expected = [subIdx - 3, subIdx - 2, subIdx - 1];
        const fmt = (i: number): string => formatJaMonth({ year: Math.floor(i / 12), month: (i % 12) + 1 });
        const given = idx.filter((i): i is number => i !== undefined);
        if (new Set(given).size !== given.length) {
          out.push(issue('kobe-survey/months', 'error', ['month1', 'month2', 'month3'], '利用実績の月が重複しています。過去3か月を1か月ずつ書いてください。', 'The three usage months must be distinct.', SOURCE));
        }
        idx.forEach((i, k) => {
          if (i !== undefined && !expected.includes(i)) {
            out.push(issue('kobe-survey/months', 'error', [`month${k + 1}`], `利用実績の${k + 1}つ目の月（${fmt(i)}）が提出月の前3か月（${fmt(expected[0]!)}〜${fmt(expected[2]!)}）に入っていません。`, `Usage month ${k + 1} (${fmt(i)}) is not one of the three months before the submission month (${fmt(expected[0]!)}–${fmt(expected[2]!)}).`, SOURCE));
          }
        });
        if (given.length === 3 && out.length === 0) {
          const asc = idx[0]! < idx[1]! && idx[1]! < idx[2]!;
          const desc = idx[0]! > idx[1]! && idx[1]! > idx[2]!;
          if (!asc && !desc) out.push(issue('kobe-survey/months', 'warning', ['month1', 'month2', 'month3'], '利用実績の月が順番に並んでいません。古い月から順に書いてください。', 'The usage months are not in order.', SOURCE));
        }
        // day counts: whole numbers within the month
        idx.forEach((i, k) => {
          const id = `days${k + 1}`;
          const d = ctx.number(id);
          if (d === undefined) return;
          const max = i === undefined ? 31 : daysInMonth(Math.floor(i / 12), (i % 12) + 1);
          if (!Number.isInteger(d) || d < 0 || d > max) {
            out.push(issue('kobe-survey/day-count', 'error', [id], `利用日数「${d}」が正しくありません。0〜${max}の整数で書いてください${i === undefined ? '' : `（${fmt(i)}は${max}日まで）`}。`, `Days used "${d}" must be a whole number from 0 to ${max}.`, SOURCE));
          }
        });
        return out;
      },
    },
    {
      id: 'kobe-survey/attachments',
      check: () => [issue('kobe-survey/attachments', 'warning', ['evaluation'], '直近に作成した個別支援計画を添付してください。', 'Attach the latest individual support plan (個別支援計画).', SOURCE, 'incomplete')],
    },
  ],
};
