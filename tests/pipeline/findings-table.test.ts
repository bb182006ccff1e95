import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/model/report.ts';
import { readXlsxBytes } from '../../formats/index.ts';
import { writeTableXlsx } from '../../formats/xlsx/write-table.ts';
import { findingsTable, locationText, toCsv } from '../../pipeline/findings-table.ts';

const finding: Finding = {
  ruleId: 'daily-contact',
  severity: 'error',
  outcome: 'violation',
  pack: 'kobe',
  user: '北野 花子',
  period: { from: '2026-10-06', to: '2026-10-06' },
  locations: [{ file: 'a.xlsx', sheet: '10月', row: 9 }, { file: 'a.xlsx', sheet: '10月', row: 7 }],
  message: { ja: '連絡が1回です', en: 'One contact only' },
  source: '004 6(4)',
};

describe('findings table', () => {
  it('has one row per finding with kind, rule, user, period, sorted rows and both languages', () => {
    const rows = findingsTable([finding, { ...finding, outcome: 'incomplete', user: undefined, period: { from: '2026-10-01', to: '2026-10-31' } }], (id) => (id === 'daily-contact' ? { ja: '毎日の連絡', en: 'Daily contact' } : undefined));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['エラー / Error', 'daily-contact', '毎日の連絡', 'Daily contact', '北野 花子', '2026-10-06', 'a.xlsx 10月!7, 9', '連絡が1回です', 'One contact only', '004 6(4)', 'kobe']);
    expect(rows[2]![0]).toBe('要確認 / Incomplete');
    expect(rows[2]![5]).toBe('2026-10-01〜2026-10-31');
  });

  it('locates form fields and sheets without rows', () => {
    expect(locationText([{ sheet: 'S' }, { field: 'name' }])).toBe('S; name');
  });

  it('CSV: BOM, CRLF, quotes; a cell starting with = + - @ cannot run as a formula', () => {
    const csv = toCsv([['a,b', 'say "hi"', '=HYPERLINK("x")', 'plain']]);
    expect(csv).toBe('\uFEFF"a,b","say ""hi""","\'=HYPERLINK(""x"")",plain\r\n');
  });

  it('xlsx: reads back cell for cell (control characters dropped), sheet name made valid', () => {
    const rows = [['見出し', 'B'], ['<&>', 'x\u0001y'], ['', 'long '.repeat(100)]];
    const back = readXlsxBytes(writeTableXlsx(rows, 'チェック結果/1'), 't.xlsx');
    expect(back.sheetNames).toEqual(['チェック結果 1']);
    expect(back.grids[0]!.cells.map((r) => r.map((v) => v ?? ''))).toEqual([['見出し', 'B'], ['<&>', 'xy'], ['', 'long '.repeat(100)]]);
  });

  it('xlsx bytes are the same for the same rows (fixed zip times)', () => {
    expect(Buffer.from(writeTableXlsx([['a']], 'S')).equals(Buffer.from(writeTableXlsx([['a']], 'S')))).toBe(true);
  });
});
