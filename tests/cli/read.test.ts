import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertCellValue, dateDisplay, normaliseDate, readInput } from '../../cli/read.ts';
import { isRealIsoDate, parseCli } from '../../cli/args.ts';
import { formatLocations, useColor } from '../../cli/present.ts';
import { importGrid } from '../../core/import/index.ts';

const utc = (...a: [number, number, number, number?, number?]) => new Date(Date.UTC(a[0], a[1], a[2], a[3] ?? 0, a[4] ?? 0));

describe('convertCellValue', () => {
  it('passes plain values and gives display text', () => {
    expect(convertCellValue('在宅', false)).toEqual({ value: '在宅', text: '在宅' });
    expect(convertCellValue(3, false)).toEqual({ value: 3, text: '3' });
    expect(convertCellValue(true, false)).toEqual({ value: true, text: 'TRUE' });
    expect(convertCellValue(null, false)).toEqual({ value: null, text: undefined });
  });
  it('uses formula results, joins rich text, takes hyperlink text, passes errors as strings', () => {
    expect(convertCellValue({ formula: 'A1+1', result: 4 } as ExcelJS.CellValue, false).value).toBe(4);
    expect(convertCellValue({ formula: 'NOW()' } as ExcelJS.CellValue, false).value).toBeNull();
    expect(convertCellValue({ formula: 'X', result: { error: '#REF!' } } as ExcelJS.CellValue, false).value).toBe('#REF!');
    expect(convertCellValue({ richText: [{ text: '在' }, { text: '宅' }] }, false).value).toBe('在宅');
    expect(convertCellValue({ text: '日報', hyperlink: 'file:///x' }, false).value).toBe('日報');
    expect(convertCellValue({ error: '#N/A' } as ExcelJS.CellValue, false).value).toBe('#N/A');
    const d = convertCellValue({ formula: 'A1', result: utc(2026, 9, 5) } as ExcelJS.CellValue, false);
    expect(d.value).toEqual(utc(2026, 9, 5));
    expect(d.text).toBe('2026/10/5');
  });
  it('shows times and dates as Excel would', () => {
    expect(dateDisplay(utc(1899, 11, 30, 9, 30))).toBe('9:30');
    expect(dateDisplay(utc(2026, 9, 1))).toBe('2026/10/1');
    expect(dateDisplay(utc(2026, 9, 1, 13, 5))).toBe('2026/10/1 13:05');
  });
  it('re-bases 1904 time-only values on 1899-12-30 and leaves dates alone', () => {
    expect(normaliseDate(utc(1904, 0, 1, 9, 0), true)).toEqual(utc(1899, 11, 30, 9, 0));
    expect(normaliseDate(utc(2026, 9, 1), true)).toEqual(utc(2026, 9, 1));
    expect(normaliseDate(utc(1904, 0, 1, 9, 0), false)).toEqual(utc(1904, 0, 1, 9, 0));
  });
});

describe('readInput (xlsx)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-read-'));
  });

  async function writeBook(date1904: boolean): Promise<string> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet('10月');
    ws.getCell('A1').value = '令和8年10月 在宅利用記録';
    ws.getRow(3).values = ['日付', '利用者名', '利用形態', '開始時間', '終了時間', '連絡1', '連絡2', '日報', '作業内容'];
    const row = ws.getRow(4);
    row.getCell(1).value = utc(2026, 9, 5);
    row.getCell(1).numFmt = 'yyyy/m/d';
    row.getCell(2).value = { richText: [{ text: '山田 ' }, { text: '太郎' }] };
    row.getCell(3).value = { formula: '"在宅"', result: '在宅' };
    row.getCell(4).value = utc(1899, 11, 30, 9, 30);
    row.getCell(4).numFmt = 'h:mm';
    row.getCell(5).value = utc(1899, 11, 30, 15, 0);
    row.getCell(5).numFmt = 'h:mm';
    row.getCell(6).value = '9:30 電話';
    row.getCell(7).value = '15:00 電話';
    row.getCell(8).value = '○';
    row.getCell(9).value = { text: '入力作業', hyperlink: 'https://example.invalid/' };
    ws.mergeCells('A1:D1');
    const path = join(dir, `book${date1904 ? '1904' : '1900'}.xlsx`);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it.each([false, true])('gives the importer the same record in the 1900 and 1904 systems (date1904=%s)', async (date1904) => {
    const path = await writeBook(date1904);
    const { grids, sheetNames } = await readInput(path, 'book.xlsx');
    expect(sheetNames).toEqual(['10月']);
    const grid = grids[0]!;
    expect(grid.file).toBe('book.xlsx');
    expect(grid.date1904).toBe(date1904);
    expect(grid.cells[0]![0]).toBe('令和8年10月 在宅利用記録');
    expect(grid.cells[0]![1] ?? null).toBeNull(); // merged, not the master
    expect(grid.cells[3]![0]).toEqual(utc(2026, 9, 5));
    expect(grid.cells[3]![3]).toEqual(utc(1899, 11, 30, 9, 30));
    expect(grid.text![3]![3]).toBe('9:30');
    const sheet = importGrid(grid);
    expect(sheet.problem).toBeUndefined();
    const rec = sheet.recordList[0]!;
    expect(rec).toMatchObject({ date: '2026-10-05', user: '山田 太郎', mode: 'home', start: 570, end: 900, dailyReport: true, workContent: '入力作業' });
    expect(rec.source).toMatchObject({ file: 'book.xlsx', sheet: '10月', row: 4 });
  });

  it('repeats a vertically merged user name on every row it spans', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getRow(1).values = ['利用者名', '日付', '利用形態'];
    ws.getRow(2).values = ['森 直樹', '2026/10/5', '在宅'];
    ws.getRow(3).values = [null, '2026/10/6', '通所'];
    ws.mergeCells('A2:A3');
    const path = join(dir, 'merged.xlsx');
    await wb.xlsx.writeFile(path);
    const grid = (await readInput(path, 'merged.xlsx')).grids[0]!;
    expect(grid.cells[2]![0]).toBe('森 直樹');
    const sheet = importGrid(grid);
    expect(sheet.recordList.map((r) => [r.user, r.date, r.mode])).toEqual([
      ['森 直樹', '2026-10-05', 'home'],
      ['森 直樹', '2026-10-06', 'center'],
    ]);
  });

  it('--sheet filters sheets and rejects names the workbook lacks', async () => {
    const path = await writeBook(false);
    await expect(readInput(path, 'b.xlsx', ['10月'])).resolves.toMatchObject({ grids: [{ name: '10月' }] });
    await expect(readInput(path, 'b.xlsx', ['11月'])).rejects.toMatchObject({ exitCode: 2 });
  });
});

describe('args', () => {
  it('validates real ISO dates', () => {
    expect(isRealIsoDate('2026-02-28')).toBe(true);
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('2026-2-1')).toBe(false);
  });
  it('defaults: check command, today, mon, text, ja; repeatable --sheet and --map', () => {
    const o = parseCli(['a.xlsx', 'b.csv', '--sheet', 'x', '--sheet', 'y', '--map', 'mode=区分', '--map', 'date = A'], '2026-11-22');
    expect(o).toMatchObject({ command: 'check', files: ['a.xlsx', 'b.csv'], asOf: '2026-11-22', weekStart: 'mon', format: 'text', lang: 'ja', sheets: ['x', 'y'], mapping: { mode: '区分', date: 'A' } });
    expect(parseCli(['check', 'a.xlsx', '--capacity', '20']).capacity).toBe(20);
    expect(parseCli(['rules', '--pack', 'kobe'])).toMatchObject({ command: 'rules', pack: 'kobe' });
    expect(parseCli(['a.xlsx', '--no-color']).color).toBe(false);
  });
});

describe('presenter helpers', () => {
  it('formats rows per sheet, sorted, with columns for cell findings', () => {
    expect(formatLocations([{ sheet: '10月', row: 13 }, { sheet: '10月', row: 12 }, { sheet: '10月', row: 12 }], false)).toBe('10月!12, 13');
    expect(formatLocations([{ sheet: '10月', row: 5, column: 'C' }], false)).toBe('10月!C5');
    expect(formatLocations([{ file: 'a.xlsx', sheet: 'S', row: 2 }], true)).toBe('a.xlsx S!2');
    expect(formatLocations([{ field: 'providerNo' }], false)).toBe('providerNo');
  });
  it('decides colour: flag, then NO_COLOR, then FORCE_COLOR, then TTY', () => {
    expect(useColor(undefined, {}, true)).toBe(true);
    expect(useColor(undefined, {}, false)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(false, {}, true)).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(true);
  });
});
