import { describe, expect, it } from 'vitest';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue } from '../../../core/import/types.ts';
import { Finding } from '../../../core/model/report.ts';

const cells: CellValue[][] = [
  ['令和8年10月分'],
  ['日付', '利用者名', '利用形態', '開始時間', '終了時間', '連絡回数', '駆けつけ時間', '備考'],
  ['2026/10/1', '山田 太郎', '在宅', '9:00', '15:00', 2, 30, ''],
  ['令和8年13月1日', '山田 太郎', '在宅', '9:00', '15:00', 2, 30, ''],
  ['#N/A', '山田 太郎', '在宅', '9:00', '15:00', 2, 30, ''],
  [],
  [null, null, null, null, null, null, null, null],
  ['2026/2/30', '山田 太郎', '在宅', '9:00', '15:00', 2, 30, ''],
  ['2026/10/2', '山田 太郎', '出張', '9:00', '15:00', 2, 30, ''],
  ['2026/10/3', '山田 太郎', '在宅', '25:99', '#VALUE!', 'にかい', 'すぐ', ''],
  ['2026/10/1', '山田　太郎', '通所', '9:00', '15:00', 2, 30, ''],
  ['2026/10/4', '#REF!', '在宅', '9:00', '15:00', 2, 30, ''],
  ['H31.5.1', '佐藤 花子', '在宅', '', '', '', '', ''],
  ['2026/10/5', '佐藤 花子', '#N/A', '', '', '', '', ''],
  ['合計', null, null, null, null, 8],
  ['※ 在宅の日は備考に「在宅就労」と書くこと'],
];

describe('bad input never stops the sheet', () => {
  const r = importGrid({ name: '10月', file: 'a.xlsx', cells });
  const byRule = (id: string) => r.inputFindings.filter((f) => f.ruleId === id);
  const locs = (id: string) => byRule(id).map((f) => `${f.locations[0]!.row}${f.locations[0]!.column}`);

  it('imports every good row', () => {
    expect(r.recordList.map((x) => `${x.source.row}:${x.date}`)).toEqual(['3:2026-10-01', '9:2026-10-02', '10:2026-10-03', '12:2026-10-04', '14:2026-10-05']);
  });

  it('locates broken dates, including #N/A and era out of range', () => {
    expect(locs('input-date')).toEqual(['4A', '5A', '8A', '13A']);
    const msg = byRule('input-date')[0]!.message;
    expect(msg.ja).toContain('「10月」シート 4行 A列の日付「令和8年13月1日」を読めません。');
    expect(msg.en).toContain('row 4, column A');
    expect(byRule('input-date')[3]!.message.ja).toContain('元号');
  });

  it('keeps unknown modes with mode undefined', () => {
    expect(locs('input-unknown-mode')).toEqual(['9C', '14C']);
    expect(r.recordList.find((x) => x.date === '2026-10-02')!.mode).toBeUndefined();
  });

  it('flags bad times and numbers but keeps the row', () => {
    expect(locs('input-time')).toEqual(['10D', '10E']);
    expect(locs('input-number')).toEqual(['10F', '10G']);
    const rec = r.recordList.find((x) => x.date === '2026-10-03')!;
    expect(rec.start).toBeUndefined();
    expect(rec.contactCount).toBeUndefined();
    expect(rec.mode).toBe('home');
  });

  it('reports the same user-day twice', () => {
    const dup = byRule('input-duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.locations.map((l) => l.row)).toEqual([11, 3]);
    expect(dup[0]!.user).toBe('山田 太郎');
    expect(dup[0]!.message.ja).toContain('3行にもあります');
  });

  it('carries the user down over an error cell', () => {
    expect(r.recordList.find((x) => x.date === '2026-10-04')!.user).toBe('山田 太郎');
  });

  it('emits well-formed findings with file, sheet, row and column', () => {
    for (const f of r.inputFindings) {
      expect(Finding.safeParse(f).success).toBe(true);
      expect(f).toMatchObject({ severity: 'warning', outcome: 'incomplete', pack: 'national', source: '' });
      expect(f.locations[0]).toMatchObject({ file: 'a.xlsx', sheet: '10月' });
      expect(f.locations[0]!.column).toMatch(/^[A-Z]+$/);
    }
    expect(r.inputFindings).toHaveLength(4 + 2 + 2 + 2 + 1);
  });

  it('survives junk input', () => {
    // @ts-expect-error deliberately wrong shape
    expect(importGrid({ name: 'x', cells: [null, 5, [1, 2]] }).problem?.code).toBe('no-header');
    // @ts-expect-error deliberately wrong shape
    expect(importGrid({ name: 'x' }).problem?.code).toBe('empty');
    expect(importGrid({ name: 'x', cells: [['日付', '氏名'], [new Date(Number.NaN), 'A']] }).inputFindings[0]!.ruleId).toBe('input-date');
  });
});
