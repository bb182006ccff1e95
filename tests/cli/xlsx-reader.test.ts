// The lean .xlsx reader (cli/xlsx/) must give the very grids worksheetToGrid(exceljs) gives.
import { readdirSync, readFileSync } from 'node:fs';
import { zip as zipParts } from '../formats/ooxml.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../../core/import/types.ts';
import { readInput } from '../../cli/read.ts';
import { convertCellValue, dateDisplay } from '../../formats/xlsx/values.ts';
import { BUILTIN_DATE_FMT_IDS, isDateFmt, openXlsx } from '../../formats/xlsx/workbook.ts';
import { LeanReadError, ZipArchive } from '../../formats/zip.ts';
import { cell as cellArb } from '../helpers/grid-arbitraries.ts';
import { ROOT } from './helpers.ts';

/** The exceljs reading the lean reader was built to match (merged cells as the CLI reads them). */
function worksheetToGrid(ws: ExcelJS.Worksheet, file: string, date1904: boolean): SheetGrid {
  const cells: CellValue[][] = [];
  const text: (string | undefined)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const rowCells: CellValue[] = new Array(ws.columnCount).fill(null);
    const rowText: (string | undefined)[] = new Array(ws.columnCount).fill(undefined);
    ws.findRow(r)?.eachCell({ includeEmpty: false }, (cell, col) => {
      let source = cell;
      if (cell.isMerged && cell.master !== cell) {
        if (Number(cell.master.col) !== col) return;
        source = cell.master;
      }
      const { value, text: t } = convertCellValue(source.value, date1904);
      rowCells[col - 1] = value;
      rowText[col - 1] = t;
    });
    cells.push(rowCells);
    text.push(rowText);
  }
  return { name: ws.name, file, cells, text, startRow: 1, startCol: 1, date1904 };
}

interface Book {
  sheetNames: string[];
  grids: SheetGrid[];
}

async function viaExceljs(bytes: Buffer): Promise<Book> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const date1904 = Boolean(wb.properties?.date1904);
  return { sheetNames: wb.worksheets.map((w) => w.name), grids: wb.worksheets.map((w) => worksheetToGrid(w, 'f.xlsx', date1904)) };
}

function viaLean(bytes: Buffer): Book {
  const book = openXlsx(bytes);
  return { sheetNames: book.sheetNames, grids: book.sheetNames.map((_, i) => book.grid(i, 'f.xlsx')) };
}

// Dates compared by their time value (an Invalid Date equals another Invalid Date); rows without their
// trailing blanks and the grid without trailing empty rows (the lean reader's rows are ragged).
function comparable(book: Book): unknown {
  const trim = <T,>(row: T[]) => {
    let n = row.length;
    while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
    return row.slice(0, n);
  };
  const rows = <T,>(grid: T[][]) => {
    const out = grid.map(trim);
    while (out.length && out[out.length - 1]!.length === 0) out.pop();
    return out;
  };
  const dates = (g: CellValue[][]) => rows(g).map((r) => r.map((v) => (v instanceof Date ? { date: String(v.getTime()) } : v)));
  return { ...book, grids: book.grids.map((g) => ({ ...g, cells: dates(g.cells), text: rows(g.text ?? []) })) };
}

/** Where the lean reader deliberately reads a cell correctly and exceljs does not: sheet index, A1 address, value. */
type Correction = [sheet: number, address: string, value: CellValue, text: string | undefined];

async function expectSameGrids(bytes: Buffer, corrections: Correction[] = [], names?: Record<string, string>): Promise<Book> {
  const ref = await viaExceljs(bytes);
  // deliberately not exceljs: a sheet name is XML-decoded once (exceljs decodes it twice)
  for (const [from, to] of Object.entries(names ?? {})) {
    ref.sheetNames = ref.sheetNames.map((n) => (n === from ? to : n));
    for (const g of ref.grids) if (g.name === from) g.name = to;
  }
  for (const [sheet, address, value, text] of corrections) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const grid = ref.grids[sheet]!;
    expect(grid.cells[Number(m[2]) - 1]![col], `exceljs' own reading of ${address}`).not.toEqual(value);
    grid.cells[Number(m[2]) - 1]![col] = value;
    grid.text![Number(m[2]) - 1]![col] = text;
  }
  const lean = viaLean(bytes);
  expect(comparable(lean)).toStrictEqual(comparable(ref));
  return lean;
}

// hand-made parts zipped by the shared test writer (deflate, or stored for names listed in `stored`)
function zip(parts: Record<string, string | Buffer>, stored: string[] = []): Buffer {
  return Buffer.from(zipParts(parts, { stored }));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function rels(targets: Record<string, string>): string {
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Object.entries(targets)
    .map(([id, t]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${t}"/>`)
    .join('')}</Relationships>`;
}

const STYLES = `${XML}<styleSheet ${NS}>
<numFmts count="7"><numFmt numFmtId="164" formatCode="yyyy\\/m\\/d"/><numFmt numFmtId="165" formatCode="&quot;年&quot;@"/>
<numFmt numFmtId="166" formatCode="[Red]0"/><numFmt numFmtId="167" formatCode="0.00"/>
<numFmt numFmtId="168" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="169" formatCode="[h]:mm"/>
<numFmt numFmtId="170" formatCode="#,##0&quot;円&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="13"><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="168" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="169" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0"><alignment horizontal="center"/></xf>
<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="171" formatCode="yyyy"/></dxf></dxfs></styleSheet>`;

const SST = `${XML}<sst ${NS} count="9" uniqueCount="9">
<si><t>日付</t></si>
<si><t xml:space="preserve"> 前後に空白 </t></si>
<si><r><t>山田</t></r><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="游ゴシック"/></rPr><t xml:space="preserve"> 太郎</t></r></si>
<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>
<si><t>a&amp;b &lt;c&gt; &#x1F600; line1\r\nline2&#13;end_x000D_x</t></si>
<si><t/></si>
<si/>
<si><t>&quot;引用&quot; &apos;x&apos; _x005F_x0041_</t></si>
<si><r><t>A</t></r><r><t>B</t></r></si>
</sst>`;

const SHEET1 = `${XML}<worksheet ${NS}><dimension ref="A1:AB20"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>
<sheetData>
<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c><v>3.5</v></c><c t="s"><v>3</v></c></row>
<row r="2"><c r="A2"><v>1</v></c><c r="B2"/><c><v>2</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>5</v></c><c r="G2" t="s"><v>6</v></c><c r="H2" t="s"><v>7</v></c><c r="I2" t="s"><v>8</v></c></row>
<row r="3"><c r="A3" t="str"><v>x&amp;amp;y</v></c><c r="B3" t="d"><v>2026-10-05T00:00:00</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="b"><v>0</v></c>
<c r="F3" t="inlineStr"><is><t xml:space="preserve"> 在宅 </t></is></c><c r="G3" t="inlineStr"><is><r><rPr><b/></rPr><t>通</t></r><r><t>所_x000D_</t></r></is></c><c r="I3" s="12"/></row>
<row r="5"><c r="A5"><f>1+1</f><v>2</v></c><c r="B5" t="str"><f>"a"</f><v>x&amp;amp;y</v></c><c r="C5" t="e"><f>NA()</f><v>#N/A</v></c>
<c r="D5" t="b"><f>TRUE()</f><v>1</v></c><c r="E5" s="1"><f>TODAY()</f><v>46300</v></c><c r="F5"><f>0*1</f><v>0</v></c>
<c r="G5"><f t="shared" ref="G5:G6" si="0">A5</f><v>2</v></c><c r="H5"><f>NOW()</f></c><c r="I5" s="1" t="e"><f>NA()</f><v>#N/A</v></c><c r="J5" s="2" t="str"><f>"x"</f><v>x</v></c></row>
<row r="6"><c r="G6"><f t="shared" si="0"/><v>3</v></c></row>
<row r="7"><c r="A7" s="1"><v>46300</v></c><c r="B7" s="2"><v>46300.5</v></c><c r="C7" s="3"><v>46300</v></c><c r="D7" s="4"><v>46300</v></c><c r="E7" s="5"><v>46300</v></c>
<c r="F7" s="6"><v>46300</v></c><c r="G7" s="7"><v>0.375</v></c><c r="H7" s="8"><v>46300</v></c><c r="I7" s="9"><v>46300.25</v></c><c r="J7" s="10"><v>1.5</v></c><c r="K7" s="11"><v>1200</v></c><c r="L7" s="0"><v>46300</v></c></row>
<row r="10"><c r="A10" t="s"><v>0</v></c><c r="B10" t="s"><v>2</v></c><c r="C10"><v>9</v></c></row>
<row r="11"><c r="A11"><v>99</v></c><c r="B11"><v>1</v></c></row>
<row r="14"><c r="Z14" s="1"/></row>
<row r="15"><c r="AB15" s="1"/><c r="A15"><v>1</v></c><c r="AA15"><v>27</v></c></row>
<row r="16"><c r="A16"><v>42</v></c><c r="B16" t="s"><v>2</v></c></row>
<row r="20" ht="20" customHeight="1"/>
</sheetData>
<mergeCells count="3"><mergeCell ref="A10:A12"/><mergeCell ref="D10:B10"/><mergeCell ref="E10:F11"/></mergeCells>
<hyperlinks><hyperlink ref="A16" r:id="rId1"/><hyperlink ref="B16" r:id="rId1"/><hyperlink ref="C16" location="'S'!A1"/></hyperlinks>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

const SHEET2 = `${XML}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="1"><v>0.5</v></c><c r="B2" s="1"><v>1</v></c></row></sheetData></worksheet>`;

function handMadeBook(date1904: boolean): Buffer {
  return zip(
    {
      '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
      'xl/workbook.xml': `${XML}<workbook ${NS}><workbookPr${date1904 ? ' date1904="1"' : ''}/><bookViews><workbookView/></bookViews><sheets>
<sheet name="R&amp;amp;D 記録" sheetId="3" r:id="rId1"/><sheet name="グラフ" sheetId="2" r:id="rId9"/><sheet name="S2" sheetId="1" state="hidden" r:id="rId2"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/sheet1.xml', rId2: '/xl/worksheets/sheet2.xml', rId9: 'chartsheets/sheet1.xml' }),
      'xl/worksheets/_rels/sheet1.xml.rels': rels({ rId1: 'https://example.invalid/' }),
      'xl/styles.xml': STYLES,
      'xl/sharedStrings.xml': SST,
      'xl/worksheets/sheet1.xml': SHEET1,
      'xl/worksheets/sheet2.xml': SHEET2,
      'xl/chartsheets/sheet1.xml': `${XML}<chartsheet ${NS}/>`,
    },
    ['xl/styles.xml', 'xl/worksheets/sheet2.xml'],
  );
}

const utc = (...a: [number, number, number, number?, number?]) => new Date(Date.UTC(a[0], a[1], a[2], a[3] ?? 0, a[4] ?? 0));

describe('lean xlsx reader: same grids as exceljs', () => {
  const files = [
    ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.xlsx')).map((f) => join(ROOT, 'examples', f)),
    ...readdirSync(join(ROOT, 'tests/fixtures/import')).filter((f) => f.endsWith('.xlsx')).map((f) => join(ROOT, 'tests/fixtures/import', f)),
  ];
  it('finds the example and fixture workbooks (incl. the LibreOffice one)', () => {
    expect(files.some((f) => f.endsWith('attendance-libreoffice.xlsx'))).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
  it.each(files.map((f) => [f.slice(ROOT.length)]))('%s', async (rel) => {
    const lean = await expectSameGrids(readFileSync(join(ROOT, rel)));
    expect(lean.grids.length).toBeGreaterThan(0);
    expect(lean.grids.every((g) => g.cells.length > 0)).toBe(true);
  });

  it.each([false, true])('a hand-made workbook with exceljs quirks (date1904=%s)', async (date1904) => {
    // exceljs reads an empty <si/> as "[object Object]" and a cached formula result 0 as blank
    // and the ja-JP built-in date format 31 (yyyy"年"m"月"d"日") as a number
    const serial46300 = new Date(Date.UTC(1899, 11, 30) + (46300 + (date1904 ? 1462 : 0)) * 86_400_000);
    const lean = await expectSameGrids(handMadeBook(date1904), [
      [0, 'G2', '', ''],
      [0, 'F5', 0, '0'],
      [0, 'H7', serial46300, dateDisplay(serial46300)],
    ], { 'R&D 記録': 'R&amp;D 記録' });
    // chartsheets are dropped; names are decoded once (as Excel does; exceljs twice)
    expect(lean.sheetNames).toEqual(['R&amp;D 記録', 'S2']);
    const g = lean.grids[0]!;
    expect(g.date1904).toBe(date1904);
    // the same serial in the 1904 system is 1462 days later
    const d = (y: number, m: number, day: number, h = 0) => new Date(utc(y, m, day, h).getTime() + (date1904 ? 1462 * 86_400_000 : 0));

    expect(g.cells.length).toBe(16); // the grid ends at the last row with a value (row 20 is empty)
    expect(g.cells[0]!.length).toBe(5); // rows are ragged: as long as their last value
    expect(g.cells[0]).toEqual(['日付', ' 前後に空白 ', '山田 太郎', 3.5, '山田']);
    // B2 (no value, no style) is dropped, so the r-less cell after it lands in B
    expect(g.cells[1]!.slice(0, 3)).toEqual([1, 2, null]);
    expect(g.cells[1]!.slice(4, 9)).toEqual(['a&b <c> 😀 line1\nline2\rend\rx', '', '', '"引用" \'x\' _x0041_', 'AB']);
    expect(g.cells[2]).toEqual(['x&y', 2026, '#N/A', true, false, ' 在宅 ', '通所\r']);
    // formulas: cached results (0 too); a date-formatted error result is an Invalid Date
    expect(g.cells[4]!.slice(0, 8)).toEqual([2, 'x&y', '#N/A', true, d(2026, 9, 5), 0, 2, null]);
    expect(g.cells[4]!.slice(8, 10).map((v) => Number.isNaN((v as Date).getTime()))).toEqual([true, true]);
    expect(g.cells[5]![6]).toBe(3);
    // number formats: dates where exceljs' isDateFmt says so, and built-in 31; style 0 stays a number
    expect(g.cells[6]!.slice(0, 12)).toEqual([d(2026, 9, 5), d(2026, 9, 5, 12), 46300, 46300, 46300, d(2026, 9, 5), utc(1899, 11, 30, 9), d(2026, 9, 5), d(2026, 9, 5, 6), d(1899, 11, 31, 12), 1200, 46300]);
    expect(g.text![6]![6]).toBe('9:00');
    // merges: vertical repeats the master (even over A11's own value); horizontal and 2-D ones blank
    expect(g.cells.slice(9, 12).map((r) => r.slice(0, 7))).toEqual([
      ['日付', '山田 太郎'],
      ['日付', 1],
      ['日付'],
    ]);
    expect(g.cells[14]![26]).toBe(27);
    // hyperlinked cells give their text as a string
    expect(g.cells[15]).toEqual(['42', '山田 太郎']);
  });

  it('reads workbooks exceljs writes: strings, rich text, formulas, errors, dates and formats, merges, columns past Z', async () => {
    for (const useSharedStrings of [true, false]) {
      for (const date1904 of [false, true]) {
        const wb = new ExcelJS.Workbook();
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet('10月');
        ws.getCell('A1').value = '令和8年10月 在宅利用記録';
        ws.mergeCells('A1:F1');
        ws.getRow(3).values = ['日付', '利用者名', '利用形態', '開始', '終了', '連絡', '日報', '備考', '数', '真偽'];
        const r4 = ws.getRow(4);
        r4.getCell(1).value = utc(2026, 9, 5);
        r4.getCell(1).numFmt = 'yyyy/m/d';
        r4.getCell(2).value = { richText: [{ text: '山田 ', font: { bold: true } }, { text: '太郎' }] };
        r4.getCell(3).value = { formula: '"在宅"', result: '在宅' };
        r4.getCell(4).value = utc(1899, 11, 30, 9, 30);
        r4.getCell(4).numFmt = 'h:mm';
        r4.getCell(5).value = { formula: 'D4+TIME(6,0,0)', result: utc(1899, 11, 30, 15, 30) };
        r4.getCell(5).numFmt = '[h]:mm';
        r4.getCell(6).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
        r4.getCell(7).value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellValue;
        r4.getCell(8).value = { formula: 'NOW()' } as ExcelJS.CellValue;
        r4.getCell(9).value = 1234.5;
        r4.getCell(9).numFmt = '0.00';
        r4.getCell(10).value = true;
        const r5 = ws.getRow(5);
        const formats = ['"年"@', '[Red]0', '#,##0', 'yyyy"年"m"月"d"日"', 'm/d', 'yyyy/m/d h:mm', 'mm-dd-yy', '[$-411]ge.m.d', '@', 'hh:mm:ss', '0%'];
        formats.forEach((f, i) => {
          const c = r5.getCell(i + 1);
          c.value = i % 2 ? 46300.25 : utc(2026, 9, 5, 6);
          c.numFmt = f;
        });
        ws.getCell('A8').value = '森 直樹';
        ws.getCell('A9').value = '（結合の下）';
        ws.mergeCells('A8:A10');
        ws.mergeCells('B8:C9');
        ws.getCell('Z8').value = 'Z';
        ws.getCell('AA8').value = 'AA';
        ws.getCell('AB9').value = { formula: 'AA8&"B"', result: 'AAB' };
        ws.getCell('AC12').value = 'a & b <c> "d" \'e\' _x000D_ \r\n end ';
        ws.getCell('AD12').numFmt = 'yyyy/m/d'; // a styled empty cell
        ws.getCell('B13').value = { text: '日報', hyperlink: 'https://example.invalid/' };
        ws.getCell('C13').value = { formula: 'A8', result: 0 };
        ws.fillFormula('D14:D16', 'ROW()*2', [28, 30, 32]);
        wb.addWorksheet('タイトルだけ').getCell('B2').value = 'タイトルのみのシート';
        wb.addWorksheet('空');
        const bytes = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings } as ExcelJS.XlsxWriteOptions));
        const lean = await expectSameGrids(bytes, [[0, 'C13', 0, '0']]);
        expect(lean.sheetNames).toEqual(['10月', 'タイトルだけ', '空']);
        const g = lean.grids[0]!;
        expect(g.cells[3]!.slice(0, 3)).toEqual([utc(2026, 9, 5), '山田 太郎', '在宅']);
        expect(g.text![3]![3]).toBe('9:30');
        expect(g.cells[9]![0]).toBe('森 直樹');
        expect(Math.max(...g.cells.map((r) => r.length))).toBe(29); // the last column with a value (AC)
        expect(lean.grids[1]!.cells).toEqual([[], [null, 'タイトルのみのシート']]);
        expect(lean.grids[2]!.cells).toEqual([]);
      }
    }
  });

  it('agrees with exceljs on random grids, formats and merges (property)', async () => {
    const formats = ['yyyy/m/d', 'h:mm', '0.00', '"年"@', '[Red]0', 'mm-dd-yy', '[h]:mm:ss', 'General', '@', 'd-mmm'];
    const tricky = fc.constantFrom('a&b', '<x>', '"q"', "'", ' lead', 'trail ', 'a\r\nb', 'tab\tx', '_x000D_', '_x0041_', '😀', '');
    const value = fc.oneof(cellArb, tricky, fc.string({ unit: 'grapheme', maxLength: 6 }));
    const arb = fc.record({
      rows: fc.array(fc.array(value, { maxLength: 30 }), { maxLength: 12 }),
      fmts: fc.array(fc.tuple(fc.nat(12), fc.nat(30), fc.constantFrom(...formats)), { maxLength: 8 }),
      merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 30 }), fc.nat(3), fc.nat(3)), { maxLength: 4 }),
      skip: fc.nat(3),
      date1904: fc.boolean(),
      useSharedStrings: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ rows, fmts, merges, skip, date1904, useSharedStrings }) => {
        const wb = new ExcelJS.Workbook();
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet('S');
        rows.forEach((r, i) => {
          const row = ws.getRow(i + 1 + (i > 2 ? skip : 0));
          r.forEach((v, j) => {
            if (v !== undefined && !(v instanceof Date && Number.isNaN(v.getTime()))) row.getCell(j + 1).value = v as ExcelJS.CellValue;
          });
        });
        for (const [r, c, f] of fmts) ws.getCell(r + 1, c + 1).numFmt = f;
        const taken: [number, number, number, number][] = [];
        for (const [t, l, h, w] of merges) {
          const m: [number, number, number, number] = [t, l, t + h, l + w];
          if (h + w === 0 || taken.some((o) => !(m[2] < o[0] || m[0] > o[2] || m[3] < o[1] || m[1] > o[3]))) continue;
          taken.push(m);
          ws.mergeCells(...m);
        }
        const bytes = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings } as ExcelJS.XlsxWriteOptions));
        await expectSameGrids(bytes);
      }),
      { numRuns: 60 },
    );
  });
});

describe('lean xlsx reader: pieces', () => {
  it('decides date formats exactly as exceljs', () => {
    const req = createRequire(import.meta.url);
    const utils = req('exceljs/lib/utils/utils.js') as { isDateFmt(f: string): boolean };
    const defaults = req('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string }>;
    const builtinDates = Object.entries(defaults).filter(([, v]) => v.f && utils.isDateFmt(v.f)).map(([k]) => Number(k));
    expect([...BUILTIN_DATE_FMT_IDS].sort((a, b) => a - b)).toEqual(builtinDates.sort((a, b) => a - b));
    for (const f of ['yyyy/m/d', 'h:mm', '0.00', '"年"@', '[Red]0', '[h]:mm:ss', '[$-411]ggge"年"m"月"d"日"', '#,##0"円"', 'General', '', 'B2yyyy', '"d"0', '[$-F800]dddd']) {
      expect(isDateFmt(f)).toBe(utils.isDateFmt(f));
    }
  });

  it('reads stored and deflated entries and refuses what it does not support', () => {
    const z = new ZipArchive(zip({ 'a.txt': 'stored ✓', 'b.txt': 'deflated ✓'.repeat(50) }, ['a.txt']));
    expect(z.text('a.txt')).toBe('stored ✓');
    expect(z.text('b.txt')).toBe('deflated ✓'.repeat(50));
    expect(z.text('c.txt')).toBeUndefined();
    const encrypted = zip({ 'a.txt': 'x' });
    encrypted.writeUInt16LE(0x801, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(() => new ZipArchive(encrypted).read('a.txt')).toThrow(/encrypted/);
    const bzip = zip({ 'a.txt': 'x' }, ['a.txt']);
    bzip.writeUInt16LE(12, bzip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(() => new ZipArchive(bzip).read('a.txt')).toThrow(/compression method 12/);
    const zip64 = zip({ 'a.txt': 'x' });
    zip64.writeUInt32LE(0xffffffff, zip64.length - 6);
    expect(() => new ZipArchive(zip64)).toThrow(LeanReadError);
    expect(() => new ZipArchive(Buffer.from('not a zip at all'))).toThrow(/not a zip/);
  });

  it('reads comments, CDATA, processing instructions, rPh and extLst in cells, unknown elements between rows', async () => {
    const parts = {
      'xl/workbook.xml': `${XML}<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/sheet1.xml' }),
      'xl/worksheets/sheet1.xml': `${XML}<worksheet ${NS}><sheetData><!-- note --><?pi x?><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>`,
    };
    expect(openXlsx(zip(parts)).grid(0, 'f').cells).toEqual([['a<b', 1]]);
    // exceljs stops at an element it does not know inside <c>: the rows after it were lost
    const phonetic = zip({
      ...parts,
      'xl/worksheets/sheet1.xml': `${XML}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></is></c><c r="B1"><v>1</v><extLst><ext uri="x"><y:z xmlns:y="urn:y"><t>no</t></y:z></ext></extLst></c></row><foo:bar xmlns:foo="urn:foo"><row r="9"/></foo:bar><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`,
    });
    expect(openXlsx(phonetic).grid(0, 'f').cells).toEqual([['漢字', 1], [2]]);
    const path = join(await mkdtemp(join(tmpdir(), 'zc-lean-')), 'phonetic.xlsx');
    await writeFile(path, phonetic);
    expect((await readInput(path, 'phonetic.xlsx')).grids.map((g) => g.cells)).toEqual([[['漢字', 1], [2]]]);
    // a DOCTYPE (entity definitions) is refused: that sheet is reported unreadable, never read in part
    const doctype = zip({ ...parts, 'xl/worksheets/sheet1.xml': `${XML}<!DOCTYPE x [<!ENTITY a "b">]><worksheet ${NS}><sheetData/></worksheet>` });
    expect(() => openXlsx(doctype).grid(0, 'f')).toThrow(/DOCTYPE/);
    const p2 = join(await mkdtemp(join(tmpdir(), 'zc-lean-')), 'doctype.xlsx');
    await writeFile(p2, doctype);
    const got = await readInput(p2, 'doctype.xlsx');
    expect(got.grids[0]!.cells).toEqual([]);
    expect(got.grids[0]!.unreadable!.ja).toMatch(/^「S」シートを読み込めません/);
  });

  it('reads a worksheet whose elements carry a prefix (x:sheetData) like the plain one', async () => {
    const X = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const bytes = zip({
      'xl/workbook.xml': `${XML}<x:workbook ${X}><x:sheets><x:sheet name="S" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/sheet1.xml' }),
      'xl/worksheets/sheet1.xml': `${XML}<x:worksheet ${X}><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    expect(openXlsx(bytes).grid(0, 'f').cells).toEqual([[1]]);
    // an empty sheet (<sheetData/>) is still read as empty
    const empty = zip({
      'xl/workbook.xml': `${XML}<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/sheet1.xml' }),
      'xl/worksheets/sheet1.xml': `${XML}<worksheet ${NS}><sheetData/></worksheet>`,
    });
    expect(openXlsx(empty).grid(0, 'f').cells).toEqual([]);
  });

  it('reads date1904="true" (xsd:boolean, as LibreOffice writes) as a 1904 workbook, unlike exceljs', () => {
    const book = (flag: string) =>
      openXlsx(
        zip({
          'xl/workbook.xml': `${XML}<workbook ${NS}><workbookPr date1904="${flag}"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
          'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/sheet1.xml' }),
          'xl/styles.xml': STYLES,
          'xl/worksheets/sheet1.xml': `${XML}<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="1"><v>44838</v></c></row></sheetData></worksheet>`,
        }),
      );
    const oct5 = utc(2026, 9, 5); // 44838 days after 1904-01-01
    for (const flag of ['true', '1']) {
      expect(book(flag).date1904).toBe(true);
      expect(book(flag).grid(0, 'f').cells[0]![0]).toEqual(oct5);
    }
    for (const flag of ['false', '0']) {
      expect(book(flag).date1904).toBe(false);
      expect(book(flag).grid(0, 'f').cells[0]![0]).toEqual(utc(2022, 9, 4));
    }
  });

  it('reads the East Asian built-in date/time formats (27–36, 50–58) as dates, unlike exceljs', () => {
    const ids = [27, 31, 32, 34, 35, 57, 58, 37, 14];
    const xfs = ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
    const cells = ids.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>${i === 3 ? '0.375' : '46300'}</v></c>`).join('');
    const g = openXlsx(
      zip({
        'xl/workbook.xml': `${XML}<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': rels({ rId1: 'worksheets/sheet1.xml' }),
        'xl/styles.xml': `${XML}<styleSheet ${NS}><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="${ids.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</cellXfs></styleSheet>`,
        'xl/worksheets/sheet1.xml': `${XML}<worksheet ${NS}><sheetData><row r="1">${cells}</row></sheetData></worksheet>`,
      }),
    ).grid(0, 'f');
    const oct5 = utc(2026, 9, 5);
    expect(g.cells[0]).toEqual([oct5, oct5, oct5, utc(1899, 11, 30, 9), oct5, oct5, oct5, 46300, oct5]);
    expect(g.text![0]![3]).toBe('9:00');
  });
});

describe('readInput with the lean reader', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-lean-read-'));
  });

  it('reads a hand-made workbook, skips a hidden sheet unless --sheet names it, never changes the file', async () => {
    const path = join(dir, 'hand.xlsx');
    const bytes = handMadeBook(true);
    await writeFile(path, bytes);
    const all = await readInput(path, 'hand.xlsx');
    expect(all.sheetNames).toEqual(['R&amp;D 記録', 'S2']);
    expect(all.hiddenSkipped).toEqual(['S2']);
    expect(all.grids.map((g) => [g.name, g.file, g.date1904])).toEqual([['R&amp;D 記録', 'hand.xlsx', true]]);
    const one = await readInput(path, 'hand.xlsx', ['S2']);
    expect(one.grids.map((g) => g.name)).toEqual(['S2']);
    expect(one.grids[0]!.cells).toEqual([['日付'], [utc(1899, 11, 30, 12), utc(1904, 0, 2)]]);
    expect(one.grids[0]!.text).toEqual([['日付'], ['12:00', '1904/1/2']]);
    await expect(readInput(path, 'hand.xlsx', ['11月'])).rejects.toMatchObject({
      exitCode: 2,
      bilingual: { ja: 'hand.xlsx に指定のシートがありません: 11月（シート: R&amp;D 記録, S2）' },
    });
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('not a zip: exit 2, says what it is and what to do', async () => {
    const path = join(dir, 'text.xlsx');
    await writeFile(path, 'this is not a workbook');
    await expect(readInput(path, 'text.xlsx')).rejects.toMatchObject({
      name: 'CliError',
      exitCode: 2,
      bilingual: {
        ja: 'text.xlsx: ZIP 形式の .xlsx ではなく、テキストファイルのようです。CSV なら拡張子を .csv にするか、Excel で開いて .xlsx 形式で保存し直してください',
      },
    });
  });

  it('a truncated zip: exit 2, not a zip-based .xlsx', async () => {
    const good = readFileSync(join(ROOT, 'examples/clean.xlsx'));
    for (const [name, bytes] of [
      ['half.xlsx', good.subarray(0, Math.floor(good.length / 2))],
      ['tail.xlsx', good.subarray(0, good.length - 10)],
    ] as const) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      const err = await readInput(path, name).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ name: 'CliError', exitCode: 2 });
      expect((err as { bilingual: { ja: string } }).bilingual.ja).toMatch(new RegExp(`^${name.replace('.', '\\.')}: .*保存し直してください`));
    }
  });

  it('a zip without xl/workbook.xml: exit 2 with a located message', async () => {
    const path = join(dir, 'noworkbook.xlsx');
    const bytes = zip({ 'a.txt': 'hello', 'xl/worksheets/sheet1.xml': SHEET2 });
    await writeFile(path, bytes);
    expect(() => openXlsx(bytes)).toThrow(/no xl\/workbook\.xml/);
    await expect(readInput(path, 'noworkbook.xlsx')).rejects.toMatchObject({
      exitCode: 2,
      bilingual: { ja: expect.stringMatching(/^noworkbook\.xlsx: \.xlsx として読み込めません/) },
    });
  });
});
