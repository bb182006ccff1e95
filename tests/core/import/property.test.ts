import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue, SheetGrid } from '../../../core/import/types.ts';
import { DayRecord } from '../../../core/model/record.ts';
import { columnNumber } from '../../../core/normalize/text.ts';

// Strings that steer the importer into its interesting paths.
const words = ['日付', '利用者名', '氏名', '利用形態', '在宅', '通所', '欠', '○', '×', '訪問', '開始時間', '終了時間', '9:00', '15:00', '9:00～15:00',
  '連絡①', '連絡2回目', '日報', '備考', '在宅就労', '令和8年10月分', '令和8年13月1日', 'R8.10.1', '10/1', '1日', '合計', '#N/A', '#REF!', '評価（週1回）',
  '達成度評価', '5、12', '受給者証在宅期間', 'R8.4.1～R9.3.31', '連絡回数', '2回', 'サービス提供時間', '曜日', '木', '※注', '', ' ', '〃'];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 50000 }),
  fc.double({ noNaN: false }),
  fc.date({ min: new Date(-1e13), max: new Date(1e13) }),
  fc.constant(new Date(Number.NaN)),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

const day: fc.Arbitrary<CellValue> = fc.oneof(fc.integer({ min: 0, max: 33 }), fc.constantFrom('1日', '15', '31日'));

const headerWords = ['日付', '利用者名', '氏名', '利用形態', '在宅', '開始時間', '終了時間', '連絡①', '連絡2回目', '日報', '備考', '評価（週1回）', '達成度評価',
  '受給者証在宅期間', '連絡回数', 'サービス提供時間', '曜日', '他サービス', '計画', '確認印', '駆けつけ時間', 'サービス種類', '受給者証番号', '1日', '2', '3日', '4', '5', '6', '7', '8日'];
const valueWords = ['在宅', '通所', '欠', '○', '×', '訪問', '？', '9:00', '25:00', '9:00～15:00', '2026/10/1', '10/2', '3', '令和8年13月1日', 'H31.5.1', '#N/A',
  '5、12', '10/7(訪問)', 'R8.4.1～R9.3.31', '2回', 'すぐ', '30分', '合計', '※注', '〃', 'B型', '生活介護', '居宅介護 10:00～11:00'];

const randomRows = fc.array(fc.array(fc.oneof(cell, day), { maxLength: 40 }), { maxLength: 30 });
// Title rows, a header row of known words, then ragged data rows of telling values.
const structuredRows = fc
  .tuple(
    fc.array(fc.array(fc.oneof(cell, fc.constantFrom('令和8年10月分', '氏名', '山田 太郎', '受給者証番号：1234567890')), { maxLength: 6 }), { maxLength: 4 }),
    fc.shuffledSubarray(headerWords, { minLength: 2, maxLength: 14 }),
    fc.array(
      fc.tuple(fc.oneof(fc.constantFrom('2026/10/1', '2026/10/2', '10/3', '4', '令和8年10月5日', 'R8.10.6', '13月1日', '#N/A'), day, cell), fc.array(fc.oneof(fc.constantFrom(...valueWords), cell, day), { maxLength: 18 })),
      { maxLength: 25 },
    ),
    fc.boolean(),
  )
  .map(([title, header, data, dateFirst]) => [
    ...title,
    (dateFirst ? ['日付', ...header] : header) as CellValue[],
    ...data.map(([d, rest]) => (dateFirst ? [d, ...rest] : rest)),
  ]);

const gridArb: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.oneof(fc.constantFrom('10月', 'R8.10', '山田 太郎'), fc.string({ maxLength: 6 })),
  rows: fc.oneof(randomRows, structuredRows, structuredRows),
  startRow: fc.integer({ min: 1, max: 50 }),
  startCol: fc.integer({ min: 1, max: 30 }),
  date1904: fc.boolean(),
}).map(({ name, rows, startRow, startCol, date1904 }) => ({ name, cells: rows, startRow, startCol, date1904, file: 'f.xlsx' }));

const layoutArb = fc.option(fc.constantFrom('rows', 'per-user-sheet', 'matrix', 'remark-mode') as fc.Arbitrary<'rows' | 'per-user-sheet' | 'matrix' | 'remark-mode'>, { nil: undefined });

describe('importGrid on arbitrary grids', () => {
  it('never throws and keeps every location inside the sheet', () => {
    let withRecords = 0;
    let withFindings = 0;
    fc.assert(
      fc.property(gridArb, layoutArb, (grid, layout) => {
        const res = importGrid(grid, layout ? { layout } : {});
        const first = grid.startRow!;
        const last = first + grid.cells.length - 1;
        const width = grid.cells.reduce((m, r) => Math.max(m, r.length), 0);
        const colOk = (letter: string | undefined) => {
          if (letter === undefined) return true;
          const n = columnNumber(letter);
          return n >= grid.startCol! && n < grid.startCol! + width;
        };
        expect(res.records).toBe(res.recordList.length);
        for (const rec of res.recordList) {
          expect(rec.source.row).toBeGreaterThanOrEqual(first);
          expect(rec.source.row).toBeLessThanOrEqual(last);
          for (const letter of Object.values(rec.source.columns)) expect(colOk(letter)).toBe(true);
          expect(DayRecord.safeParse(rec).success).toBe(true);
        }
        for (const f of res.inputFindings) {
          expect(f.message.ja.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
          for (const loc of f.locations) {
            expect(loc.row!).toBeGreaterThanOrEqual(first);
            expect(loc.row!).toBeLessThanOrEqual(last);
            expect(colOk(loc.column)).toBe(true);
          }
        }
        for (const letter of Object.values(res.columns)) expect(colOk(letter)).toBe(true);
        if (res.problem) expect(res.recordList).toEqual([]);
        if (res.recordList.length > 0) withRecords++;
        if (res.inputFindings.length > 0) withFindings++;
      }),
      { numRuns: 400 },
    );
    // The generator must reach the interesting paths, not only rejected sheets.
    expect(withRecords).toBeGreaterThan(40);
    expect(withFindings).toBeGreaterThan(40);
  });

  it('imports rows with headers placed anywhere in the top rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 20 }), (above, left, days) => {
        const pad = (row: CellValue[]) => [...Array<CellValue>(left).fill(null), ...row];
        const cells: CellValue[][] = [];
        for (let i = 0; i < above; i++) cells.push(i === 0 ? ['タイトル'] : []);
        cells.push(pad(['日付', '利用者名', '利用形態']));
        const unique = [...new Set(days)];
        for (const d of unique) cells.push(pad([`2026/10/${d}`, '山田', '在宅']));
        const res = importGrid({ name: 's', cells });
        expect(res.headerRow).toBe(above + 1);
        expect(res.recordList.map((r) => r.date)).toEqual(unique.map((d) => `2026-10-${String(d).padStart(2, '0')}`));
        expect(res.inputFindings).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
