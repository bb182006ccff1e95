// 東大阪市 就労継続支援(B型)における在宅利用のための申立書 / 在宅利用の支援効果に関するチェックシート, 002 §1, §3.
import { readServices, serviceName } from '../check.ts';
import { addMonths, field, formatJaDate, issue, serviceField, submittedOnField, userNameField } from '../helpers.ts';
import type { FormDefinition, FormIssue } from '../types.ts';

const SOURCE = '002 §1';
export const PURPOSE_OPTIONS = [['在宅勤務での就労', '在宅勤務', '在宅就労', '就労'], ['通所への移行', '通所に向けた利用', '通所']];
export const PERIOD_TYPE_OPTIONS = [['1年', '1年間', '一定期間'], ['3か月以内', '3ヶ月以内', '3カ月以内', '一時的', '3か月']];
export const YES_NO_OPTIONS = [['利用している', 'はい', 'あり', '有', '利用'], ['利用していない', 'いいえ', 'なし', '無', '未利用']];

export const higashiosakaApplication: FormDefinition = {
  id: 'higashiosaka-application',
  title: { ja: '東大阪市 就労継続支援（B型）における在宅利用のための申立書・支援効果チェックシート', en: 'Higashiosaka: application for home use in B-type support' },
  titlePatterns: [/在宅利用のための申立書/, /支援効果に関するチェックシート/, /東大阪.*申立書/],
  pack: 'higashiosaka',
  source: '002 §1, §3',
  fields: [
    submittedOnField({ label: { ja: '申立日', en: 'Date' } }),
    userNameField('氏名（申請者）'),
    field('recipientNo', '受給者証番号', 'Recipient no.', 'recipientNo', [/受給者証?番号/]),
    serviceField(),
    field('reason', '在宅利用を希望する理由', 'Reason', 'longtext', [/理由/], { required: true }),
    field('purpose', '在宅利用の目的', 'Purpose', 'choice', [/目的|目指す/], { required: true, options: PURPOSE_OPTIONS }),
    field('periodType', '認定期間の区分', 'Period type', 'choice', [/認定期間|期間の?区分|期間の種類|利用期間の?区分/], { required: true, options: PERIOD_TYPE_OPTIONS }),
    field('periodFrom', '利用期間（開始）', 'Period from', 'date', [/(希望|利用)?期間.*(開始|から|自)|開始(希望)?日/]),
    field('periodTo', '利用期間（終了）', 'Period to', 'date', [/(希望|利用)?期間.*(終了|まで|至)|終了(予定)?日/]),
    field('previousTemporaryEnd', '前回の一時的な在宅利用の終了日', 'End of the last temporary period', 'date', [/前回/]),
    field('consent', '認定期間の設定を理解し同意する', 'Consent to the period', 'consent', [/同意|理解/], { required: true }),
    field('consultation', '相談支援の利用', 'Uses consultation support', 'choice', [/相談支援/], { required: true, options: YES_NO_OPTIONS }),
  ],
  rules: [
    {
      id: 'higashiosaka-application/service',
      check(ctx): FormIssue[] {
        // each type named is judged: 「A型・B型」 names A型 too
        const others = readServices(ctx.list('service')).kinds.filter((k) => k !== 'typeB');
        if (others.length === 0) return [];
        const names = others.map(serviceName).join('・');
        return [issue('higashiosaka-application/service', 'error', ['service'], `この申立書は就労継続支援B型の在宅利用のためのものです（入力に${names}があります）。就労移行支援・就労継続支援A型はサービスの支給決定期間が在宅利用の認定期間となり、これまでどおりの取扱いです。`, `This application is for B-type support only (the input names ${others.map(serviceName).join(', ')}); transition and A-type keep the previous handling.`, '002 決定期間の例外')];
      },
    },
    {
      id: 'higashiosaka-application/consultation',
      check(ctx): FormIssue[] {
        if (ctx.choice('consultation') !== '利用していない') return [];
        return [issue('higashiosaka-application/consultation', 'error', ['consultation'], '在宅利用の支援効果を客観的に評価するため、相談支援を利用していることが必要です。', 'Consultation support (相談支援) must be used.', '002 §1 認定期間')];
      },
    },
    {
      id: 'higashiosaka-application/period',
      check(ctx): FormIssue[] {
        const type = ctx.choice('periodType');
        const from = ctx.date('periodFrom');
        const to = ctx.date('periodTo');
        const out: FormIssue[] = [];
        if (from && to) {
          if (from > to) out.push(issue('higashiosaka-application/period', 'error', ['periodFrom', 'periodTo'], `利用期間の開始（${formatJaDate(from)}）が終了（${formatJaDate(to)}）より後です。`, 'The period starts after it ends.', SOURCE));
          else if (type === '1年' && to >= addMonths(from, 12)) out.push(issue('higashiosaka-application/period', 'error', ['periodTo', 'periodFrom'], `認定期間は1年間までです（${formatJaDate(from)}からなら${formatJaDate(addMonths(from, 12))}の前日まで）。`, 'The certification period is at most one year.', '002 §1 認定期間'));
          else if (type === '3か月以内' && to >= addMonths(from, 3)) out.push(issue('higashiosaka-application/period', 'error', ['periodTo', 'periodFrom'], `一時的な在宅利用は1回3か月以内です（${formatJaDate(from)}からなら${formatJaDate(addMonths(from, 3))}の前日まで）。`, 'A temporary period is at most 3 months.', '002 §1 認定期間'));
        }
        const prev = ctx.date('previousTemporaryEnd');
        if (type === '3か月以内' && prev && from && from < addMonths(prev, 3)) {
          out.push(issue('higashiosaka-application/temporary-interval', 'error', ['periodFrom', 'previousTemporaryEnd'], `一時的な在宅利用は更新できません。前回の終了（${formatJaDate(prev)}）から3か月以上あける必要があり、${formatJaDate(addMonths(prev, 3))}以降に開始してください。`, 'A temporary period cannot be renewed; 3 months must pass after the last one.', '002 §1 認定期間'));
        }
        return out;
      },
    },
  ],
};
