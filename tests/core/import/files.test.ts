import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvToGrid, decodeText, parseCsv } from '../../../formats/csv.ts';
import { importGrid } from '../../../core/import/index.ts';
import { worksheetToGrid } from '../../helpers/xlsx-grid.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url))));

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, CRLF/LF and newlines inside quotes', () => {
    expect(parseCsv('a,b\r\n"c,1","d""e"\n"f\r\ng",\n')).toEqual([['a', 'b'], ['c,1', 'd"e'], ['f\r\ng', '']]);
    expect(parseCsv('x')).toEqual([['x']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,"b"\n,')).toEqual([['a', 'b'], ['', '']]);
    expect(parseCsv('\ufeffa,b')).toEqual([['a', 'b']]);
    // an unbalanced quote is read literally (formats/csv.ts reports it as input-quote)
    expect(parseCsv('"unterminated,x')).toEqual([['"unterminated', 'x']]);
  });
});

describe('decodeText', () => {
  const utf8 = fixture('attendance-utf8.csv');
  const sjis = fixture('attendance-sjis.csv');
  const text = new TextDecoder().decode(utf8);

  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(utf8)).toBe(text);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeText(bom)).toBe(text);
  });

  it('falls back to Shift_JIS (fixture made with iconv)', () => {
    expect(sjis.length).toBeLessThan(utf8.length); // really a different encoding
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(sjis)).toThrow();
    expect(decodeText(sjis)).toBe(text);
  });
});

describe('CSV import end to end', () => {
  for (const name of ['attendance-utf8.csv', 'attendance-sjis.csv']) {
    it(name, () => {
      const r = importGrid(csvToGrid('attendance', fixture(name), name));
      expect(r.problem).toBeUndefined();
      expect(r.file).toBe(name);
      expect(r.headerRow).toBe(2);
      expect(r.inputFindings).toEqual([]);
      expect(r.recordList.map((x) => [x.date, x.user, x.mode, x.start, x.end])).toEqual([
        ['2026-10-01', '山田 太郎', 'home', 540, 900],
        ['2026-10-02', '山田 太郎', 'center', 570, 930],
        ['2026-10-05', '佐藤 花子', 'home', 540, 720],
      ]);
      expect(r.recordList[0]!.remark).toBe('在宅就労\n（午前のみ電話）');
      expect(r.recordList[1]!.remark).toBe('引用"あり"');
      expect(r.recordList[2]!.contacts!.map((c) => c.time)).toEqual([550, 710]);
      expect(r.recordList[2]!.source).toEqual({ file: name, sheet: 'attendance', row: 5, columns: r.columns }); // CSV record 5 (a quoted newline does not start a row)
    });
  }
});

describe('xlsx read back with exceljs', () => {
  it('imports dates, times, formulas, rich text and errors written by exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('10月');
    ws.addRow(['令和8年10月分']);
    ws.addRow(['日付', '利用者名', '利用形態', '開始時間', '終了時間', '連絡回数', '日報', '備考']);
    ws.addRow([new Date(Date.UTC(2026, 9, 1)), '山田 太郎', '在宅', new Date(Date.UTC(1899, 11, 30, 9, 0)), new Date(Date.UTC(1899, 11, 30, 15, 30)), 2, true, '在宅就労']);
    ws.addRow([new Date(Date.UTC(2026, 9, 2)), { richText: [{ text: '山田' }, { text: '　太郎' }] }, '通所', 0.375, 0.625, { formula: '1+1', result: 2 }, '○', null]);
    ws.addRow([{ formula: 'NA()', result: { error: '#N/A' } }, '山田 太郎', '在宅', '9:00', '15:00', 2, '○', null]);
    ws.getCell('A3').numFmt = 'yyyy/m/d';
    const buf = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf as ArrayBuffer);
    const r = importGrid(worksheetToGrid(back.getWorksheet('10月')!, 'book.xlsx'));
    expect(r.recordList.map((x) => [x.date, x.user, x.mode, x.start, x.end, x.contactCount, x.dailyReport])).toEqual([
      ['2026-10-01', '山田 太郎', 'home', 540, 930, 2, true],
      ['2026-10-02', '山田 太郎', 'center', 540, 900, 2, true],
    ]);
    expect(r.inputFindings).toHaveLength(1);
    expect(r.inputFindings[0]).toMatchObject({ ruleId: 'input-date', locations: [{ file: 'book.xlsx', sheet: '10月', row: 5, column: 'A' }] });
  });

  it('imports the xlsx written by LibreOffice Calc from the CSV', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixture('attendance-libreoffice.xlsx').buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const grid = worksheetToGrid(ws, 'lo.xlsx');
    // LibreOffice turned the Japanese-locale dates and times into real date cells.
    expect(grid.cells[2]![0]).toBeInstanceOf(Date);
    const r = importGrid(grid);
    expect(r.problem).toBeUndefined();
    expect(r.inputFindings).toEqual([]);
    expect(r.recordList.map((x) => [x.date, x.user, x.mode, x.start, x.end])).toEqual([
      ['2026-10-01', '山田 太郎', 'home', 540, 900],
      ['2026-10-02', '山田 太郎', 'center', 570, 930],
      ['2026-10-05', '佐藤 花子', 'home', 540, 720],
    ]);
    expect(r.recordList[0]!.remark).toContain('在宅就労');
  });
});
