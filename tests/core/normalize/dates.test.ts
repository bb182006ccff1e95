import { describe, expect, it } from 'vitest';
import { addDays, compareIso, daysInMonth, parseDate, parseTitleMonth, weekday, type DateContext } from '../../../core/normalize/dates.ts';
import type { CellValue } from '../../../core/import/types.ts';

const ctx: DateContext = { year: 2026, month: 10 };

const valid: [CellValue, string, DateContext?][] = [
  ['2026/10/1', '2026-10-01'],
  ['2026-10-01', '2026-10-01'],
  ['2026.10.1', '2026-10-01'],
  ['2026年10月1日', '2026-10-01'],
  ['2026年10月1日(木)', '2026-10-01'],
  ['2026/10/01 0:00:00', '2026-10-01'],
  ['2026-10-01T00:00:00', '2026-10-01'],
  ['20261001', '2026-10-01'],
  ['２０２６／１０／１', '2026-10-01'],
  ['２０２６年１０月１日', '2026-10-01'],
  ['令和8年10月1日', '2026-10-01'],
  ['令和８年１０月１日（木）', '2026-10-01'],
  ['令和 8 年 10 月 1 日', '2026-10-01'],
  ['令和元年5月1日', '2019-05-01'],
  ['R8.10.1', '2026-10-01'],
  ['r8.10.1', '2026-10-01'],
  ['R8/10/1', '2026-10-01'],
  ['R8年10月1日', '2026-10-01'],
  ['Ｒ８．１０．１', '2026-10-01'],
  ['H31.4.30', '2019-04-30'],
  ['平成31年4月30日', '2019-04-30'],
  ['平成元年1月8日', '1989-01-08'],
  ['昭和64年1月7日', '1989-01-07'],
  ['S60.4.1', '1985-04-01'],
  ['大正15年12月24日', '1926-12-24'],
  ['2024/2/29', '2024-02-29'],
  ['10月1日', '2026-10-01', ctx],
  ['10/1', '2026-10-01', ctx],
  ['10月1日(水)', '2026-10-01', ctx],
  ['1', '2026-10-01', ctx],
  ['1日', '2026-10-01', ctx],
  ['３１日', '2026-10-31', ctx],
  [15, '2026-10-15', ctx],
  [46296, '2026-10-01'],
  [46296.5, '2026-10-01'],
  ['46296', '2026-10-01'],
  [61, '1900-03-01'],
  [59, '1900-02-28'],
  [1, '1900-01-01'],
  [44834, '2026-10-01', { date1904: true }],
  [new Date(Date.UTC(2026, 9, 1)), '2026-10-01'],
  [20261001, '2026-10-01'],
];

const invalid: [CellValue, DateContext?][] = [
  ['H31.5.1'],
  ['平成31年5月1日'],
  ['令和1年4月30日'],
  ['令和元年4月30日'],
  ['令和0年5月1日'],
  ['昭和64年1月8日'],
  ['2026/2/30'],
  ['2025/2/29'],
  ['令和8年13月1日'],
  ['2026/10/32'],
  ['10月1日'],
  ['1日', { year: 2026 }],
  ['31', { year: 2026, month: 11 }],
  ['abc'],
  ['#N/A'],
  ['2026/10'],
  [''],
  [null],
  [undefined],
  [true],
  [60],
  [-5],
  [Number.NaN],
  ['123'],
  [new Date(Number.NaN)],
];

describe('parseDate', () => {
  it.each(valid)('%s → %s', (input, expected, c) => {
    expect(parseDate(input, c)).toEqual({ ok: true, date: expected });
  });
  it.each(invalid)('%s is rejected with a bilingual reason', (input, c) => {
    const r = parseDate(input, c);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.ja.length).toBeGreaterThan(0);
      expect(r.reason.en.length).toBeGreaterThan(0);
    }
  });
  it('names the era problem', () => {
    const r = parseDate('H31.5.1');
    expect(r.ok === false && r.reason.ja).toContain('元号');
  });
});

describe('parseTitleMonth', () => {
  it.each([
    ['令和8年10月分', 2026, 10],
    ['2026年10月', 2026, 10],
    ['R8年10月分 サービス提供実績記録票', 2026, 10],
    ['令和８年１０月分　在宅就労支援実施一覧表', 2026, 10],
    ['令和元年5月分', 2019, 5],
    ['2026/10 出席簿', 2026, 10],
    ['H30年4月分', 2018, 4],
  ])('%s', (text, year, month) => {
    expect(parseTitleMonth(text)).toEqual({ year, month });
  });
  it.each(['サービス提供実績記録票', '', '13月', '令和8年13月分'])('%s has no month', (text) => {
    expect(parseTitleMonth(text)).toBeUndefined();
  });
});

describe('date helpers', () => {
  it('addDays crosses months and years', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('daysInMonth', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 10)).toBe(31);
  });
  it('weekday', () => {
    expect(weekday('2026-10-01')).toBe(4); // Thursday
    expect(weekday('2026-10-04')).toBe(0);
  });
  it('compareIso', () => {
    expect(compareIso('2026-10-01', '2026-10-02')).toBeLessThan(0);
    expect(compareIso('2026-10-02', '2026-10-02')).toBe(0);
    expect(compareIso('2026-11-01', '2026-10-31')).toBeGreaterThan(0);
  });
});
