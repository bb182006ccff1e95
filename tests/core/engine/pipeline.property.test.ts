import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importGrid } from '../../../core/import/index.ts';
import { checkSheets } from '../../../core/engine/index.ts';
import { PACKS } from '../../../core/packs/index.ts';
import { Report } from '../../../core/model/report.ts';
import { cell, gridArb, layoutArb } from '../../helpers/grid-arbitraries.ts';
import type { CellValue, SheetGrid } from '../../../core/import/types.ts';

// Sheets of home days with a random choice of the other columns and messy values.
const optional = ['支給決定市町村', 'サービス種類', '開始時間', '終了時間', '連絡1', '連絡2', '日報', '作業内容', '成果', '週評価', '月評価', '個別支援計画', '他サービス', '備考', '利用者確認', '駆けつけ時間'];
const values = ['福岡市', '東大阪市', '神戸市', '西尾市', 'B型', '9:00', '15:00', '○', '×', '', '電話', '訪問', '通所', 'eスポーツ', '在宅就労', '居宅介護 10:00～11:00', '90', '#N/A'];
const homeGridArb: fc.Arbitrary<SheetGrid> = fc
  .tuple(
    fc.shuffledSubarray(optional, { maxLength: optional.length }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 31 }), fc.constantFrom('山田', '佐藤', '鈴木'), fc.constantFrom('在宅', '在宅', '通所', '欠', '?'), fc.array(fc.oneof(fc.constantFrom(...values), cell), { minLength: 16, maxLength: 16 })), { maxLength: 40 }),
    fc.integer({ min: 1, max: 5 }),
  )
  .map(([cols, rows, startRow]) => ({
    name: '10月',
    startRow,
    startCol: 1,
    cells: [['日付', '利用者名', '利用形態', ...cols], ...rows.map(([d, u, m, rest]): CellValue[] => [`2026/10/${d}`, u, m, ...rest.slice(0, cols.length)])],
  }));

describe('import → engine on arbitrary grids (property)', () => {
  it('never throws, and every finding lies inside the sheet it came from', () => {
    let withRuleFindings = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(gridArb, homeGridArb), layoutArb), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...PACKS.map((p) => p.id)),
        fc.constantFrom('2026-10-03', '2026-10-31', '2027-01-15'),
        fc.constantFrom('mon', 'sun' as const),
        (grids, defaultPack, asOf, weekStart) => {
          const sheets = grids.map(([grid, layout], i) => importGrid({ ...grid, name: `${grid.name}#${i}` }, layout ? { layout } : {}));
          const report = checkSheets(sheets, { asOf, defaultPack, weekStart, capacity: 10 });
          Report.parse(report);
          const bounds = new Map(grids.map(([g], i) => [`${g.name}#${i}`, { first: g.startRow!, last: g.startRow! + g.cells.length - 1 }]));
          for (const f of report.findings) {
            if (!f.ruleId.startsWith('input-')) withRuleFindings++;
            for (const loc of f.locations) {
              const b = bounds.get(loc.sheet!);
              expect(b).toBeDefined();
              expect(loc.row!).toBeGreaterThanOrEqual(b!.first);
              expect(loc.row!).toBeLessThanOrEqual(b!.last);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(withRuleFindings).toBeGreaterThan(50);
  });
});
