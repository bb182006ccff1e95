// The user table (利用者台帳, issue 10 bug 5): per-user facts once, joined to the day records.
import { describe, expect, it } from 'vitest';
import { applyUserTables, importGrids, readUserTable } from '../../../core/import/user-table.ts';
import type { CellValue, SheetGrid } from '../../../core/import/types.ts';
import { checkSheets } from '../../../core/engine/index.ts';
import { Report } from '../../../core/model/report.ts';

const TABLE: CellValue[][] = [
  ['利用者台帳（令和8年度）'],
  ['氏名', '受給者証番号', '支給決定市町村', 'サービス種類', '受給者証の在宅利用期間（開始）', '受給者証の在宅利用期間（終了）', '駆けつけ時間', '個別支援計画の在宅曜日'],
  ['山田　太郎', '4013000099', '福岡市', '就労継続支援B型', '令和8年4月1日', '令和9年3月31日', '30分', '月・水・金'],
  ['佐藤 花子', 2810000011, '神戸市', 'A型', '2026/4/1', '2027/3/31', 20, '火木'],
  ['鈴木 健', '', '', '', '', '', '', '月〜金'],
];

/** A rows sheet without the per-user columns (recipientNo only for 山田). */
const DAYS: CellValue[][] = [
  ['日付', '利用者名', '受給者証番号', '利用形態', '開始時間', '終了時間', '備考', '駆けつけ時間'],
  ['2026/10/5', '山田 太郎', '4013000099', '在宅', '9:00', '15:00', '在宅就労', ''],
  ['2026/10/6', '山田 太郎', '', '在宅', '9:00', '15:00', '在宅就労', '90分'],
  ['2026/10/6', 'サトウ', '2810000011', '在宅', '9:00', '15:00', '', ''],
  ['2026/10/7', '佐藤花子', '', '在宅', '9:00', '15:00', '', ''],
  ['2026/10/7', '高橋 一', '', '在宅', '9:00', '15:00', '', ''],
];

const grid = (name: string, cells: CellValue[][], file = 'book.xlsx'): SheetGrid => ({ name, cells, file });

describe('user table (利用者台帳)', () => {
  it('is recognised by its sheet name or by its columns, and a day sheet is not', () => {
    expect(readUserTable(grid('利用者一覧', TABLE))?.entries).toHaveLength(3);
    expect(readUserTable(grid('Sheet3', TABLE))?.entries).toHaveLength(3);
    expect(readUserTable(grid('基本情報', [['氏名', '受給者証番号'], ['山田 太郎', '4013000099']]))?.entries).toHaveLength(1);
    expect(readUserTable(grid('10月', DAYS))).toBeUndefined();
    expect(readUserTable(grid('メモ', [['氏名', '電話'], ['山田', '000']]))).toBeUndefined();
    // a per-user sheet whose header block names the user, number, municipality and service is day records
    const perUser: CellValue[][] = [['氏名', '山田 太郎', '受給者証番号', '4013000099', '支給決定市町村', '福岡市', 'サービス種類', 'B型'], ['日付', '利用形態', '備考'], [1, '在宅', '']];
    expect(readUserTable(grid('山田', perUser))).toBeUndefined();
    expect(readUserTable(grid('利用者一覧', [['氏名', '生年月日', '支給決定市町村'], ['山田 太郎', '1990/1/1', '福岡市']]))?.entries).toHaveLength(1);
  });

  it('reads the values, weekday sets included', () => {
    const t = readUserTable(grid('利用者台帳', TABLE))!;
    expect(t.entries[0]).toMatchObject({ name: '山田 太郎', recipientNo: '4013000099', municipality: '福岡市', service: 'typeB', certFrom: '2026-04-01', certTo: '2027-03-31', arrivalMinutes: 30, plannedWeekdays: [1, 3, 5] });
    expect(t.entries[1]).toMatchObject({ recipientNo: '2810000011', service: 'typeA', plannedWeekdays: [2, 4], arrivalMinutes: 20 });
    expect(t.entries[2]!.plannedWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(t.sheet).toMatchObject({ name: '利用者台帳', layout: 'user-table', headerRow: 2, records: 3 });
  });

  it('fills what day rows lack, joined by 受給者証番号 else by folded name; a day row’s own value wins; conflicts name both cells', () => {
    const { sheets, tables } = importGrids([grid('10月', DAYS), grid('利用者台帳', TABLE)]);
    expect(tables).toHaveLength(1);
    const all = applyUserTables(sheets, tables);
    expect(all.map((s) => [s.name, s.layout])).toEqual([['10月', 'rows'], ['利用者台帳', 'user-table']]);
    const recs = all[0]!.recordList;
    // 山田 by number (row 2) and by name (row 3)
    expect(recs[0]).toMatchObject({ municipality: '福岡市', service: 'typeB', certFrom: '2026-04-01', certTo: '2027-03-31', arrivalMinutes: 30 });
    expect(recs[1]).toMatchObject({ recipientNo: '4013000099', municipality: '福岡市', arrivalMinutes: 90 }); // own 90分 wins
    // サトウ by number; 佐藤花子 by folded name
    expect(recs[2]).toMatchObject({ municipality: '神戸市', service: 'typeA' });
    expect(recs[3]).toMatchObject({ municipality: '神戸市', recipientNo: '2810000011' });
    // planned from the weekday sets within the certificate period: Mon 5 (月水金) yes, Tue 6 yes for 佐藤 (火木), no for 山田
    expect(recs.map((r) => r.planned)).toEqual([true, false, true, false, undefined]);
    expect(all[0]!.fields).toEqual(expect.arrayContaining(['municipality', 'service', 'certFrom', 'certTo', 'planned', 'arrivalMinutes']));
    const findings = all[0]!.inputFindings;
    const conflict = findings.find((f) => f.ruleId === 'input-value')!;
    expect(conflict.message.ja).toContain('駆けつけ時間');
    expect(conflict.locations).toEqual([
      { file: 'book.xlsx', sheet: '10月', row: 3, column: 'H' },
      { file: 'book.xlsx', sheet: '利用者台帳', row: 3, column: 'G' },
    ]);
    const unplaced = findings.filter((f) => f.ruleId === 'input-mapping');
    expect(unplaced.map((f) => f.user)).toEqual(['高橋 一']);
    expect(unplaced[0]!.locations).toEqual([{ file: 'book.xlsx', sheet: '10月', row: 6, column: 'B' }]);
  });

  it('from another file: the pack comes from the table and the report lists the table', () => {
    const a = importGrids([grid('10月', DAYS, 'days.xlsx')]);
    const b = importGrids([grid('Sheet1', TABLE, 'users.csv')]);
    const sheets = applyUserTables([...a.sheets, ...b.sheets], [...a.tables, ...b.tables]);
    const report = checkSheets(sheets, { asOf: '2026-12-31' });
    expect(Report.parse(report)).toEqual(report);
    expect(report.inputs.map((i) => [i.file, i.sheets.map((s) => [s.layout, s.records, s.homeDays])])).toEqual([
      ['days.xlsx', [['rows', 5, 5]]],
      ['users.csv', [['user-table', 3, undefined]]],
    ]);
    // 山田 is judged by the fukuoka pack that the table gives
    expect(report.findings.some((f) => f.user === '山田 太郎' && f.pack === 'fukuoka')).toBe(true);
    // 山田's Tuesday (not in 月・水・金) is not planned
    expect(report.findings.some((f) => f.ruleId === 'planned-home-day' && f.user === '山田 太郎' && f.period?.from === '2026-10-06')).toBe(true);
  });

  it('reports unreadable table cells, located', () => {
    const t = readUserTable(grid('利用者台帳', [['氏名', '受給者証の在宅利用期間（開始）', '在宅の曜日'], ['山田 太郎', '来年', '週3']]))!;
    expect(t.sheet.inputFindings.map((f) => [f.ruleId, f.locations[0]!.column])).toEqual([['input-date', 'B'], ['input-value', 'C']]);
  });
});
