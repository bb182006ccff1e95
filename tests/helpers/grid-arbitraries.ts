import fc from 'fast-check';
import type { CellValue, SheetGrid } from '../../core/import/types.ts';

// Strings that steer the importer into its interesting paths.
const words = ['日付', '利用者名', '氏名', '利用形態', '在宅', '通所', '欠', '○', '×', '訪問', '開始時間', '終了時間', '9:00', '15:00', '9:00～15:00',
  '連絡①', '連絡2回目', '日報', '備考', '在宅就労', '令和8年10月分', '令和8年13月1日', 'R8.10.1', '10/1', '1日', '合計', '#N/A', '#REF!', '評価（週1回）',
  '達成度評価', '5、12', '受給者証在宅期間', 'R8.4.1～R9.3.31', '連絡回数', '2回', 'サービス提供時間', '曜日', '木', '※注', '', ' ', '〃'];

export const cell: fc.Arbitrary<CellValue> = fc.oneof(
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

export const day: fc.Arbitrary<CellValue> = fc.oneof(fc.integer({ min: 0, max: 33 }), fc.constantFrom('1日', '15', '31日'));

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

export const gridArb: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.oneof(fc.constantFrom('10月', 'R8.10', '山田 太郎'), fc.string({ maxLength: 6 })),
  rows: fc.oneof(randomRows, structuredRows, structuredRows),
  startRow: fc.integer({ min: 1, max: 50 }),
  startCol: fc.integer({ min: 1, max: 30 }),
  date1904: fc.boolean(),
}).map(({ name, rows, startRow, startCol, date1904 }) => ({ name, cells: rows, startRow, startCol, date1904, file: 'f.xlsx' }));

export const layoutArb = fc.option(fc.constantFrom('rows', 'per-user-sheet', 'matrix', 'remark-mode') as fc.Arbitrary<'rows' | 'per-user-sheet' | 'matrix' | 'remark-mode'>, { nil: undefined });

