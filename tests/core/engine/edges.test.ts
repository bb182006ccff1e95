// Data edges (issue 10, bug 3): the data ends at the sheet's last date unless the sheet is a month sheet.
import { describe, expect, it } from 'vitest';
import { checkSheets } from '../../../core/engine/index.ts';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue } from '../../../core/import/types.ts';
import { centerDay, datesBetween, findingsOf, homeDay, type RecordInput, sheetOf } from '../../helpers/records.ts';

/** Weekday home days from..to for several users, weekly evaluation on Mondays, monthly on the first Wednesday. */
function weekdays(from: string, to: string, users: string[]): RecordInput[] {
  const out: RecordInput[] = [];
  for (const user of users) {
    let monthly = false;
    for (const date of datesBetween(from, to)) {
      const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (wd === 0 || wd === 6) continue;
      if (wd === 3 && !monthly) {
        out.push(centerDay(date, { user, monthlyEval: 'center', weeklyEval: 'center' }));
        monthly = true;
      } else out.push(homeDay(date, { user, weeklyEval: wd === 1 ? 'phone' : undefined }));
    }
  }
  return out;
}

describe('data edges', () => {
  it('a rows export that ends on a Wednesday for every user: the cut week and month are incomplete, not violations', () => {
    // ends Wed 2026-10-21; the week 10-19..10-25 has no evaluation in the data (Monday 19 has one: drop it)
    const recs = weekdays('2026-10-01', '2026-10-21', ['A', 'B']).map((r) => (r.date === '2026-10-19' ? { ...r, weeklyEval: undefined } : r));
    const report = checkSheets([sheetOf(recs, { monthly: false })], { asOf: '2026-11-30' });
    const weekly = findingsOf(report, 'weekly-evaluation').filter((f) => f.period?.from === '2026-10-19');
    expect(weekly.map((f) => [f.user, f.outcome, f.period?.from])).toEqual([['A', 'incomplete', '2026-10-19'], ['B', 'incomplete', '2026-10-19']]);
    expect(weekly[0]!.message.ja).toContain('10月22日（木）〜10月25日（日）');
    expect(weekly[0]!.message.en).toContain('2026-10-22 – 2026-10-25');
    expect(report.findings.filter((f) => f.outcome === 'violation')).toEqual([]);
  });

  it('a month with no monthly evaluation in a cut export is incomplete and names the missing days', () => {
    const recs = weekdays('2026-10-01', '2026-10-21', ['A']).map((r) => ({ ...r, monthlyEval: undefined }));
    const report = checkSheets([sheetOf(recs, { monthly: false })], { asOf: '2026-11-30' });
    const monthly = findingsOf(report, 'monthly-evaluation');
    expect(monthly.map((f) => f.outcome)).toEqual(['incomplete']);
    expect(monthly[0]!.message.ja).toContain('10月22日（木）〜10月31日（土）');
  });

  it('the edge is the last date across all users of the sheet: a user whose days end earlier is judged', () => {
    const recs = [...weekdays('2026-10-01', '2026-10-30', ['A']), ...weekdays('2026-10-01', '2026-10-14', ['B']).map((r) => ({ ...r, monthlyEval: undefined }))];
    const report = checkSheets([sheetOf(recs, { monthly: false })], { asOf: '2026-11-30' });
    expect(findingsOf(report, 'monthly-evaluation').map((f) => [f.user, f.outcome])).toEqual([['B', 'violation']]);
  });

  it('an October export ending Friday the 30th covers October (the provider has no weekend records)', () => {
    const recs = weekdays('2026-10-01', '2026-10-30', ['A']).map((r) => ({ ...r, monthlyEval: undefined }));
    const report = checkSheets([sheetOf(recs, { monthly: false })], { asOf: '2026-11-30' });
    expect(findingsOf(report, 'monthly-evaluation').map((f) => f.outcome)).toEqual(['violation']);
  });

  it('as-of still decides pending', () => {
    const recs = weekdays('2026-10-01', '2026-10-21', ['A']).map((r) => ({ ...r, monthlyEval: undefined }));
    const report = checkSheets([sheetOf(recs, { monthly: false })], { asOf: '2026-10-22' });
    expect(findingsOf(report, 'monthly-evaluation').map((f) => f.outcome)).toEqual(['pending']);
  });

  it('a month sheet (the title names the month) covers its month', () => {
    const cells: CellValue[][] = [['令和8年10月分 在宅記録'], ['日付', '利用者名', '利用形態', '開始時間', '終了時間', '日報', '作業内容', '成果', '週評価', '月評価']];
    for (const d of [1, 2, 5, 6, 7]) cells.push([`2026/10/${d}`, 'A', '在宅', '9:00', '15:00', '○', '入力', '100件', d === 5 || d === 1 ? '電話' : '', '']);
    const report = checkSheets([importGrid({ name: 'Sheet1', cells })], { asOf: '2026-11-30' });
    expect(findingsOf(report, 'monthly-evaluation').map((f) => f.outcome)).toEqual(['violation']);
    // without the month in the title the same rows end on Wednesday the 7th
    const cut = checkSheets([importGrid({ name: 'Sheet1', cells: cells.slice(1) })], { asOf: '2026-11-30' });
    expect(findingsOf(cut, 'monthly-evaluation').map((f) => f.outcome)).toEqual(['incomplete']);
  });
});

describe('gaps between sheets', () => {
  it('a week reaching into a gap between two month sheets is incomplete, not a violation', () => {
    const sep = sheetOf(weekdays('2026-09-01', '2026-09-30', ['A']), { name: '9月' });
    // January sheet: the week 2026-12-28..2027-01-03 has home days on 1/1 and no evaluation; December is not in the data
    const jan = sheetOf(weekdays('2027-01-01', '2027-01-29', ['A']).map((r) => (r.date === '2027-01-01' ? { ...r, weeklyEval: undefined } : r)), { name: '1月' });
    const report = checkSheets([sep, jan], { asOf: '2027-03-31' });
    const weekly = findingsOf(report, 'weekly-evaluation');
    expect(weekly.map((f) => [f.period?.from, f.outcome])).toEqual([['2026-12-28', 'incomplete']]);
    expect(weekly[0]!.message.ja).toContain('12月28日（月）〜12月31日（木）');
  });
});

describe('month sheets named by the sheet only', () => {
  it('a sheet named 「10月」 whose dates are all in October covers October', () => {
    const cells: CellValue[][] = [['日付', '利用者名', '利用形態', '開始時間', '終了時間', '日報', '作業内容', '成果', '週評価', '月評価']];
    for (const d of [1, 2, 5, 6, 7]) cells.push([`2026/10/${d}`, 'A', '在宅', '9:00', '15:00', '○', '入力', '100件', d === 5 || d === 1 ? '電話' : '', '']);
    const named = importGrid({ name: '10月', cells });
    expect(named.monthly).toBe(true);
    expect(findingsOf(checkSheets([named], { asOf: '2026-11-30' }), 'monthly-evaluation').map((f) => f.outcome)).toEqual(['violation']);
    expect(importGrid({ name: '11月', cells }).monthly).toBeUndefined();
  });
});
