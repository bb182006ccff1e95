// No silent all-clear: 0 home days while 在宅 words stand in the sheet → an input-mapping finding (issue 10).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue, SheetGrid } from '../../../core/import/types.ts';
import { gridArb, layoutArb } from '../../helpers/grid-arbitraries.ts';

const HOME_WORDS = ['在宅', '在宅就労', '在宅支援', 'テレワーク', 'リモート', '本日は在宅就労', 'テレワーク（午前）'];

describe('在宅 words but no home day', () => {
  it('names the cells and the mapping that would read them', () => {
    const cells: CellValue[][] = [
      ['日付', '利用者名', '開始時間', 'メモ'],
      ['2026/10/1', '山田 太郎', '9:00', '在宅'],
      ['2026/10/2', '山田 太郎', '9:00', '在宅'],
      ['2026/10/5', '山田 太郎', '9:00', ''],
    ];
    const r = importGrid({ name: '10月', cells, file: 'a.xlsx' });
    expect(r.records).toBe(3);
    expect(r.homeDays).toBe(0);
    const f = r.inputFindings.filter((x) => x.ruleId === 'input-mapping');
    expect(f).toHaveLength(1);
    expect(f[0]!.locations).toEqual([
      { file: 'a.xlsx', sheet: '10月', row: 2, column: 'D' },
      { file: 'a.xlsx', sheet: '10月', row: 3, column: 'D' },
    ]);
    expect(f[0]!.message.ja).toContain('D2、D3');
    expect(f[0]!.message.ja).toContain('--map mode=メモ');
    expect(f[0]!.message.en).toContain('--map mode=メモ');
    // with that mapping the days are read
    const fixed = importGrid({ name: '10月', cells }, { mapping: { mode: 'メモ' } });
    expect(fixed.homeDays).toBe(2);
    expect(fixed.inputFindings.filter((x) => x.ruleId === 'input-mapping')).toEqual([]);
  });

  it('suggests the remark mapping for free text', () => {
    const cells: CellValue[][] = [
      ['日付', '利用者名', '利用形態', 'メモ'],
      ['2026/10/1', '山田 太郎', '通所', '午後から在宅で作業した'],
    ];
    const r = importGrid({ name: '10月', cells });
    const f = r.inputFindings.find((x) => x.ruleId === 'input-mapping')!;
    expect(f.message.ja).toContain('--map remark=メモ');
  });

  it('does not flag a sheet whose only 在宅 word is the label of another field, or one with home days', () => {
    const noHome = importGrid({ name: '10月', cells: [['日付', '利用者名', '利用形態', '在宅利用期間'], ['2026/10/1', '山田 太郎', '通所', 'R8.4.1～R9.3.31']] });
    expect(noHome.homeDays).toBe(0);
    expect(noHome.inputFindings).toEqual([]);
    const home = importGrid({ name: '10月', cells: [['日付', '利用者名', '利用形態', 'メモ'], ['2026/10/1', '山田 太郎', '在宅', 'テレワーク'], ['2026/10/2', '山田 太郎', '通所', '在宅']] });
    expect(home.homeDays).toBe(1);
    expect(home.inputFindings).toEqual([]);
  });

  it('property: on arbitrary grids, 在宅 words and 0 home days read → an input-mapping finding exists', () => {
    const withWord = fc
      .tuple(gridArb, fc.constantFrom(...HOME_WORDS), fc.nat(), fc.nat(), layoutArb)
      .map(([grid, word, r, c, layout]) => {
        const cells = grid.cells.map((row) => [...row]);
        if (cells.length === 0) cells.push([]);
        const ri = r % cells.length;
        const row = cells[ri]!;
        row[c % (row.length + 1)] = word;
        return { grid: { ...grid, cells } as SheetGrid, layout };
      });
    let zero = 0;
    fc.assert(
      fc.property(withWord, ({ grid, layout }) => {
        const res = importGrid(grid, layout ? { layout } : {});
        if (res.homeDays === 0) {
          zero++;
          expect(res.inputFindings.some((f) => f.ruleId === 'input-mapping')).toBe(true);
        } else expect(res.recordList.some((x) => x.mode === 'home')).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(zero).toBeGreaterThan(50);
  });
});
