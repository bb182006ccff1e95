// A forced mapping made of column letters reads a sheet that has no header row (plan.ts headerless).
import { describe, expect, it } from 'vitest';
import { checkSheets } from '../../../core/index.ts';
import { importGrid } from '../../../core/import/index.ts';
import { headerlessFirstRow } from '../../../core/import/plan.ts';
import type { CellValue, ImportOptions } from '../../../core/import/types.ts';

const DATA: CellValue[][] = [
  ['2026/10/1', '山田 太郎', '在宅', '9:00 電話', '15:00 メール', '○'],
  ['2026/10/2', '山田 太郎', '通所', '', '', '○'],
  ['2026/10/5', '佐藤 花子', '在宅', '9:00 電話', '', ''],
];
const LETTERS = { date: 'A', user: 'B', mode: 'C', contacts: 'D,E', dailyReport: 'F' };
const load = (cells: CellValue[][], opts: ImportOptions = {}, name = '記録') => importGrid({ name, cells }, opts);

describe('letter mapping without a header row', () => {
  it('without a mapping the sheet has no header; with letters every row from the first is a record', () => {
    expect(load(DATA).problem?.code).toBe('no-header');
    const res = load(DATA, { mapping: LETTERS });
    expect(res.problem).toBeUndefined();
    expect(res.layout).toBe('rows');
    expect(res.records).toBe(3);
    expect(res.recordList.map((r) => [r.date, r.user, r.mode, r.contacts?.length ?? 0])).toEqual([
      ['2026-10-01', '山田 太郎', 'home', 2],
      ['2026-10-02', '山田 太郎', 'center', 0],
      ['2026-10-05', '佐藤 花子', 'home', 1],
    ]);
    expect(res.columnFields).toEqual({ A: 'date', B: 'user', C: 'mode', D: 'contacts', E: 'contacts', F: 'dailyReport' });
    expect(res.recordList[0]!.source).toMatchObject({ sheet: '記録', row: 1, columns: { date: 'A', user: 'B' } });
    // the header row is "row 0": the one above the data
    expect(res.headerRow).toBe(0);
    expect(res.unmappedHeaders).toEqual([]);
    expect(headerlessFirstRow({ name: '記録', cells: DATA }, LETTERS)).toBe(1);
  });

  it('the records reach the checker: the second contact missing on a home day is found', () => {
    const report = checkSheets([load(DATA, { mapping: LETTERS })], { asOf: '2026-11-20' });
    const contact = report.findings.filter((f) => f.ruleId === 'daily-contact');
    expect(contact.map((f) => f.user)).toEqual(['佐藤 花子']);
    expect(contact[0]!.locations).toEqual([{ sheet: '記録', row: 3 }]);
  });

  it('data starts at the first row whose date cell is a date: title rows above are skipped and give the month', () => {
    const cells: CellValue[][] = [['令和8年10月 在宅記録'], [], [1, '山田', '在宅'], [2, '山田', '通所'], [5, '佐藤', '在宅']];
    const res = load(cells, { mapping: { date: 'A', user: 'B', mode: 'C' } });
    expect(res.records).toBe(3);
    expect(res.recordList.map((r) => r.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-05']);
    expect(res.headerRow).toBe(2);
    expect(res.inputFindings).toEqual([]);
    expect(headerlessFirstRow({ name: 'x', cells }, { date: 'A' })).toBe(3);
    // the sheet's own position (Office.js used range starting at C4)
    expect(headerlessFirstRow({ name: 'x', cells: DATA, startRow: 4, startCol: 3 }, { date: 'C' })).toBe(4);
  });

  it('a month title directly above the records still gives the month', () => {
    const cells: CellValue[][] = [['令和8年10月分'], [1, '山田', '在宅'], [31, '山田', '通所']];
    const res = load(cells, { mapping: { date: 'A', user: 'B', mode: 'C' } });
    expect(res.recordList.map((r) => r.date)).toEqual(['2026-10-01', '2026-10-31']);
    expect(res.inputFindings).toEqual([]);
  });

  it('only the mapped columns are read: a 在宅 value in an unmapped column is not taken as a mode header', () => {
    const res = load(DATA, { mapping: { date: 'A', user: 'B' } });
    expect(res.records).toBe(3);
    expect(res.columnFields).toEqual({ A: 'date', B: 'user' });
    expect(res.recordList.every((r) => r.mode === undefined)).toBe(true);
    expect(res.fields).not.toContain('mode');
  });

  it('a first data row that looks like a header (在宅 and 備考 in it) is still data when its date cell is a date', () => {
    const cells: CellValue[][] = [['2026/10/1', '山田', '在宅', '備考'], ['2026/10/2', '山田', '通所', '']];
    // without the letter mapping, that row is taken as the header
    expect(load(cells).headerRow).toBe(1);
    const res = load(cells, { mapping: { date: 'A', user: 'B', mode: 'C' } });
    expect(res.recordList.map((r) => r.date)).toEqual(['2026-10-01', '2026-10-02']);
  });

  it('a header text in the mapping cannot be found without a header: a mapping finding inside the sheet', () => {
    const res = load(DATA, { mapping: { date: 'A', user: '利用者名', mode: 'C' } });
    expect(res.records).toBe(3);
    const f = res.inputFindings.filter((x) => x.ruleId === 'input-mapping');
    expect(f).toHaveLength(1);
    expect(f[0]!.locations).toEqual([{ sheet: '記録', row: 1 }]);
    expect(f[0]!.message.ja).toContain('見出し行がない');
    expect(f[0]!.message.en).toContain('column letter');
  });

  it('edges: no date anywhere starts at row 1 (each row unreadable); a date letter outside the sheet or as header text finds no header', () => {
    const noDates: CellValue[][] = [['あ', '山田', '在宅'], ['い', '山田', '通所']];
    const res = load(noDates, { mapping: { date: 'A', user: 'B', mode: 'C' } });
    expect(res.problem).toBeUndefined();
    expect(res.records).toBe(0);
    expect(res.inputFindings.filter((f) => f.ruleId === 'input-date').map((f) => f.locations[0]!.row)).toEqual([1, 2]);
    expect(load(DATA, { mapping: { date: 'Z', user: 'B' } }).problem?.code).toBe('no-header');
    expect(load(DATA, { mapping: { date: '日付', user: 'B' } }).problem?.code).toBe('no-header');
    expect(headerlessFirstRow({ name: 'x', cells: DATA }, undefined)).toBeUndefined();
  });

  it('a sheet with a header row keeps reading it under a letter mapping', () => {
    const cells: CellValue[][] = [['日付', '利用者名', '利用形態', '備考'], ...DATA.map((r) => r.slice(0, 4))];
    const res = load(cells, { mapping: { date: 'A', remark: 'D' } });
    expect(res.headerRow).toBe(1);
    expect(res.records).toBe(3);
    expect(res.columnFields).toMatchObject({ A: 'date', B: 'user', C: 'mode', D: 'remark' });
    expect(headerlessFirstRow({ name: 'x', cells }, { date: 'A' })).toBeUndefined();
  });

  it('a title split over cells (2026 | 年 | 10 | 月分) is the title: 2026 is a year, not the serial 1905-07-18', () => {
    const body: CellValue[][] = [[1, '山田', '在宅', '', ''], [2, '山田', '在宅', '', ''], [5, '山田', '在宅', '', '']];
    const mapping = { date: 'A', user: 'B', mode: 'C', contacts: 'D,E' };
    for (const title of [[2026, '年', 10, '月分'], ['2026', '年', '10', '月分'], ['令和8年10月分']] as CellValue[][]) {
      const res = load([title, ...body], { mapping });
      expect(res.recordList.map((r) => r.date), JSON.stringify(title)).toEqual(['2026-10-01', '2026-10-02', '2026-10-05']);
      expect(res.inputFindings, JSON.stringify(title)).toEqual([]);
      expect(headerlessFirstRow({ name: 'x', cells: [title, ...body] }, mapping)).toBe(2);
      const report = checkSheets([res], { asOf: '2026-11-20' });
      expect(report.findings.map((f) => f.ruleId)).toEqual(['daily-contact', 'daily-contact', 'daily-contact']);
    }
  });

  it('令和 year 8 in A1 of a split title is not day 8: records start below it', () => {
    const cells: CellValue[][] = [[8, '年', 10, '月分'], [1, '山田', '在宅'], [2, '山田', '通所']];
    const mapping = { date: 'A', user: 'B', mode: 'C' };
    expect(headerlessFirstRow({ name: 'x', cells }, mapping)).toBe(2);
    const res = load(cells, { mapping });
    // no era: the year is unknown, and row 1 is not read as a record of day 8
    expect(res.inputFindings.filter((f) => f.ruleId === 'input-date').map((f) => f.locations[0]!.row)).toEqual([2, 3]);
    expect(load([['令和8年10月分'], ...cells.slice(1)], { mapping }).recordList.map((r) => r.date)).toEqual(['2026-10-01', '2026-10-02']);
  });

  it('Excel serials start the records only from 2000-01-01 to 2100-12-31', () => {
    const below = (first: CellValue): number | undefined => headerlessFirstRow({ name: 'x', cells: [[first, '作成'], [46296, '山田', '在宅']] }, { date: 'A', user: 'B' });
    expect(below(36525)).toBe(2); // 1999-12-31
    expect(below(36526)).toBe(1); // 2000-01-01
    expect(below(73415)).toBe(1); // 2100-12-31
    expect(below(73416)).toBe(2); // 2101-01-01
    expect(below(1000)).toBe(2);
    const res = load([[46296, '山田', '在宅'], [46297, '山田', '通所']], { mapping: { date: 'A', user: 'B', mode: 'C' } });
    expect(res.recordList.map((r) => r.date)).toEqual(['2026-10-01', '2026-10-02']);
  });

  it('a day number with every other mapped cell blank does not start the records; a note with 年 in it does not make a title', () => {
    const cells: CellValue[][] = [['令和8年10月分'], [5], [1, '山田', '在宅', '年次面談'], [2, '山田', '通所', '']];
    expect(headerlessFirstRow({ name: 'x', cells }, { date: 'A', user: 'B', mode: 'C', remark: 'D' })).toBe(3);
    // only the date is mapped: a day number alone is enough
    expect(headerlessFirstRow({ name: 'x', cells }, { date: 'A' })).toBe(2);
    const res = load(cells, { mapping: { date: 'A', user: 'B', mode: 'C', remark: 'D' } });
    expect(res.recordList.map((r) => [r.date, r.mode])).toEqual([['2026-10-01', 'home'], ['2026-10-02', 'center']]);
  });
});
