// 東大阪市 在宅就労支援対象者リスト / 在宅利用の実績報告書 (様式在-1), 002 §3, ク.
// Per-user rows are field ids `users.<row>.<field>` (rows from 0), e.g. `users.0.homeDays`.
import { daysInMonth, toIso } from '../../normalize/dates.ts';
import { normalizeText } from '../../normalize/text.ts';
import { field, formatJaDate, formatJaMonth, issue, submittedOnField, weeksTouchingMonth } from '../helpers.ts';
import type { FormDefinition, FormIssue, FormRuleContext } from '../types.ts';

const SOURCE = '002 §3, ク';

/**
 * 対象月 with its year. A bare month (「10月」) takes the year that puts it nearest the 提出日's month
 * (10月 submitted 2026-11 → 2026-10; 11月 submitted 2026-10 → 2026-11, not over yet; 12月 submitted
 * 2027-01 → 2026-12; six months either way counts as past); without a 提出日, nearest the as-of
 * month. Undefined when no year can be told (提出日 given but unreadable).
 */
export function resolveTargetMonth(ctx: FormRuleContext): { year: number; month: number; from?: 'submission' | 'asOf' } | undefined {
  const m = ctx.month('targetMonth');
  if (!m) return undefined;
  if (m.year !== undefined) return { year: m.year, month: m.month };
  const sub = ctx.date('submittedOn');
  if (!sub && ctx.text('submittedOn') !== '') return undefined; // an unreadable 提出日 gives no year
  const base = sub ?? ctx.asOf;
  if (typeof base !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(base)) return undefined;
  const by = Number(base.slice(0, 4));
  const bm = Number(base.slice(5, 7));
  let d = (((m.month - bm) % 12) + 12) % 12; // months ahead of the base month, 0..11
  if (d > 5) d -= 12; // -6..5: a tie (six months) is the past
  const index = by * 12 + (bm - 1) + d;
  return { year: Math.floor(index / 12), month: m.month, from: sub ? 'submission' : 'asOf' };
}

function inferredNote(t: { year: number; month: number; from?: 'submission' | 'asOf' }): { ja: string; en: string } {
  if (t.from === undefined) return { ja: '', en: '' };
  const what = t.from === 'submission' ? { ja: '提出日', en: 'the submission date' } : { ja: '今日の日付', en: "today's date" };
  return { ja: `（対象月に年がないため、${what.ja}から${formatJaMonth(t)}と判断しました）`, en: ` (the month has no year; taken as ${t.year}-${t.month} from ${what.en})` };
}

export const higashiosakaMonthlyList: FormDefinition = {
  id: 'higashiosaka-monthly-list',
  title: { ja: '東大阪市 在宅就労支援対象者リスト・実績報告書（様式在-1）', en: 'Higashiosaka: monthly list of home-use users (form 在-1)' },
  titlePatterns: [/様式在-?1/, /東大阪.*(在宅就労支援対象者リスト|実績報告)/, /在宅利用の実績報告書/],
  pack: 'higashiosaka',
  source: SOURCE,
  fields: [
    field('targetMonth', '対象月', 'Month reported', 'month', [/対象月|対象年月|報告月|サービス提供月|提供年月/], { required: true }),
    submittedOnField({ label: { ja: '提出日', en: 'Submission date' } }),
    field('providerNo', '事業所番号', 'Provider number', 'providerNo', [/事業所番号|指定番号/], { required: true }),
    field('providerName', '事業所名', 'Provider name', 'text', [/事業所名|事業者名|名称/], { required: true }),
  ],
  groups: [
    {
      id: 'users',
      label: { ja: '対象者', en: 'Users' },
      minRows: 1,
      fields: [
        field('name', '氏名', 'Name', 'text', [/氏名|利用者名|名前/], { required: true }),
        field('recipientNo', '受給者証番号', 'Recipient no.', 'recipientNo', [/受給者証?番号/], { required: true }),
        field('homeDays', '在宅日数', 'Home days', 'number', [/在宅.*日数|在宅利用日数/], { required: true }),
        field('commuteDays', '通所日数', 'On-site days', 'number', [/通所.*日数/], { required: true }),
        field('homeWeeks', '在宅利用のあった週数', 'Weeks with home days', 'number', [/週数/]),
        field('municipality', '支給決定市町村', 'Municipality', 'text', [/市町村|支給決定/]),
      ],
    },
  ],
  rules: [
    {
      id: 'higashiosaka-monthly-list/deadline',
      check(ctx): FormIssue[] {
        const sub = ctx.date('submittedOn');
        const m = resolveTargetMonth(ctx);
        if (!m) {
          if (!ctx.month('targetMonth')) return []; // blank or unreadable: reported by required / date-valid
          return [issue('higashiosaka-monthly-list/deadline', 'warning', ['targetMonth'], `対象月「${ctx.text('targetMonth')}」に年がなく、提出日からも年が分からないため、提出期限と日数の上限を確認できません。対象月を「令和8年10月」のように年から書いてください。`, `The month "${ctx.text('targetMonth')}" has no year and the submission date does not give one, so the deadline and day cap cannot be checked. Write the year (e.g. 令和8年10月).`, SOURCE, 'incomplete')];
        }
        const note = inferredNote(m);
        const ym = { year: m.year, month: m.month };
        const next = m.month === 12 ? { year: m.year + 1, month: 1 } : { year: m.year, month: m.month + 1 };
        const deadline = toIso(next.year, next.month, 15);
        const out: FormIssue[] = [];
        if (toIso(m.year, m.month, 1) < '2026-07-01') {
          out.push(issue('higashiosaka-monthly-list/effective', 'warning', ['targetMonth'], `対象月（${formatJaMonth(ym)}）は実績報告の開始（令和8年7月サービス提供分）より前です。${note.ja}`, `The month (${m.year}-${m.month}) is before reporting started (July 2026 services).${note.en}`, '002 §3'));
        }
        if (sub && sub > deadline) {
          out.push(issue('higashiosaka-monthly-list/deadline', 'error', ['submittedOn'], `${formatJaMonth(ym)}分の提出期限は${formatJaDate(deadline)}（翌月15日）です。提出日（${formatJaDate(sub)}）が期限を過ぎています。${note.ja}`, `The report for ${m.year}-${m.month} is due by ${deadline} (15th of the next month); the submission date ${sub} is late.${note.en}`, SOURCE));
        } else if (sub && sub < toIso(next.year, next.month, 1)) {
          out.push(issue('higashiosaka-monthly-list/deadline', 'warning', ['submittedOn', 'targetMonth'], `提出日（${formatJaDate(sub)}）が対象月（${formatJaMonth(ym)}）の終わる前です。支援を行った月の翌月に提出してください。${note.ja}`, `The submission date ${sub} is before the reported month has ended.${note.en}`, SOURCE));
        } else if (!sub && ctx.asOf > deadline) {
          out.push(issue('higashiosaka-monthly-list/deadline', 'error', ['targetMonth'], `${formatJaMonth(ym)}分の提出期限（${formatJaDate(deadline)}）を過ぎています。${note.ja}`, `The report for ${m.year}-${m.month} was due by ${deadline}.${note.en}`, SOURCE));
        }
        return out;
      },
    },
    {
      id: 'higashiosaka-monthly-list/rows',
      check(ctx): FormIssue[] {
        const m = resolveTargetMonth(ctx);
        const note = m ? inferredNote(m) : { ja: '', en: '' };
        const out: FormIssue[] = [];
        for (const r of ctx.rows('users')) {
          const p = (f: string): string => `users.${r}.${f}`;
          const who = ctx.text(p('name')) || `${r + 1}行目`;
          const home = ctx.number(p('homeDays'));
          const commute = ctx.number(p('commuteDays'));
          const muni = normalizeText(ctx.text(p('municipality')));
          if (muni !== '' && !/東大阪/.test(muni)) {
            out.push(issue('higashiosaka-monthly-list/municipality', 'error', [p('municipality')], `${who}さんの支給決定市町村が「${muni}」です。この報告には東大阪市で支給決定を受けた利用者だけを書きます。`, `${who}: only users whose decision is by Higashiosaka belong on this list (got ${muni}).`, '002 留意事項ア'));
          }
          if (home === undefined || commute === undefined || !m) continue;
          const cap = daysInMonth(m.year, m.month) - 8;
          if (home + commute > cap) {
            out.push(issue('higashiosaka-monthly-list/day-cap', 'error', [p('homeDays'), p('commuteDays')], `${who}さんの在宅${home}日と通所${commute}日の合計${home + commute}日が、${formatJaMonth({ year: m.year, month: m.month })}の上限${cap}日（月の日数−8日）を超えています。${note.ja}`, `${who}: home ${home} + on-site ${commute} = ${home + commute} days exceeds the cap of ${cap} (days in month − 8).${note.en}`, '002 §1 支給量'));
          }
          if (home === 0) continue;
          const weeks = ctx.number(p('homeWeeks'));
          const minWeeks = Math.ceil(home / 7);
          const maxWeeks = weeksTouchingMonth(m.year, m.month);
          if (weeks !== undefined ? commute < weeks : commute < minWeeks) {
            const w = weeks ?? minWeeks;
            out.push(issue('higashiosaka-monthly-list/weekly-commute', 'warning', [p('commuteDays')], `${who}さんの通所日数（${commute}日）が在宅利用のあった週数（${w}週）より少なく、週1日以上の通所（原則）を満たしていません。`, `${who}: ${commute} on-site days is fewer than the ${w} weeks with home days; at least one on-site day a week is the rule.`, '002 §1'));
          } else if (weeks === undefined && commute < maxWeeks) {
            out.push(issue('higashiosaka-monthly-list/weekly-commute', 'warning', [p('commuteDays')], `${who}さんの通所日数（${commute}日）が週1日以上（原則）か、日数だけでは判断できません。在宅利用のあった週ごとに通所があるか確認してください。`, `${who}: cannot tell from the totals whether every week with home days had an on-site day; check week by week.`, '002 §1', 'incomplete'));
          }
        }
        return out;
      },
    },
  ],
};
