import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue } from '../../../core/import/types.ts';
import { DayRecord } from '../../../core/model/record.ts';
import { columnNumber } from '../../../core/normalize/text.ts';
import { gridArb, layoutArb } from '../../helpers/grid-arbitraries.ts';

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
