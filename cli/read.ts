// File reading for the CLI: .xlsx (the lean reader in cli/xlsx/, exceljs when it cannot read a file)
// and .csv (core's decodeText + parseCsv) → SheetGrid[].
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type * as ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../core/import/types.ts';
import { CliError } from './errors.ts';
import { openXlsx } from './xlsx/workbook.ts';
import { convertCellValue } from './xlsx/values.ts';

export { convertCellValue, dateDisplay, normaliseDate } from './xlsx/values.ts';

export type InputKind = 'xlsx' | 'csv';

export function inputKind(file: string): InputKind | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  return undefined;
}

/** Convert one worksheet to a grid starting at A1. */
export function worksheetToGrid(ws: ExcelJS.Worksheet, file: string, date1904: boolean): SheetGrid {
  const cells: CellValue[][] = [];
  const text: (string | undefined)[][] = [];
  const rowCount = ws.rowCount;
  const colCount = ws.columnCount;
  for (let r = 1; r <= rowCount; r++) {
    const rowCells: CellValue[] = new Array(colCount).fill(null);
    const rowText: (string | undefined)[] = new Array(colCount).fill(undefined);
    const row = ws.findRow(r);
    if (row) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // merged cells: a vertical merge (a name spanning a user's rows) repeats its value;
        // other merged cells (titles spanning columns) stay blank beside their master
        let source = cell;
        if (cell.isMerged && cell.master !== cell) {
          if (Number(cell.master.col) !== col) return;
          source = cell.master;
        }
        const { value, text: t } = convertCellValue(source.value, date1904);
        rowCells[col - 1] = value;
        rowText[col - 1] = t;
      });
    }
    cells.push(rowCells);
    text.push(rowText);
  }
  return { name: ws.name, file, cells, text, startRow: 1, startCol: 1, date1904 };
}

export interface ReadResult {
  grids: SheetGrid[];
  /** every sheet name of the workbook (for messages) */
  sheetNames: string[];
}

function unreadable(file: string, detail: string): CliError {
  return new CliError(
    {
      ja: `ファイルを読み込めません: ${file}（${detail}）`,
      en: `Cannot read the file: ${file} (${detail})`,
    },
    2,
  );
}

/** Read an .xlsx or .csv file; `displayPath` is the path as the user typed it. */
export async function readInput(path: string, displayPath: string, sheets: string[] = []): Promise<ReadResult> {
  const kind = inputKind(path);
  if (!kind) {
    throw new CliError(
      {
        ja: `対応していないファイル形式です: ${displayPath}（.xlsx または .csv を指定してください。.xls は Excel で .xlsx として保存し直してください）`,
        en: `Unsupported file type: ${displayPath} (use .xlsx or .csv; save an .xls as .xlsx in Excel first)`,
      },
      2,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CliError(
        { ja: `ファイルが見つかりません: ${displayPath}`, en: `File not found: ${displayPath}` },
        2,
      );
    }
    if (code === 'EISDIR') throw unreadable(displayPath, 'directory / ディレクトリです');
    throw unreadable(displayPath, code ?? String(e));
  }
  if (kind === 'csv') {
    const { decodeText, parseCsv } = await import('../core/import/csv.ts');
    let grid: SheetGrid;
    try {
      const rows = parseCsv(decodeText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
      const name = basename(path, extname(path));
      grid = { name, file: displayPath, cells: rows, text: rows, startRow: 1, startCol: 1 };
    } catch (e) {
      throw unreadable(displayPath, e instanceof Error ? e.message : String(e));
    }
    const sheetNames = [grid.name];
    return { grids: pickSheets([grid], sheets, displayPath, sheetNames), sheetNames };
  }
  const lean = readLean(bytes, displayPath, sheets);
  if (lean) {
    checkSheetSelection(sheets, lean.sheetNames, displayPath);
    return lean;
  }
  // the lean reader refused the file: exceljs decides (and gives the error if it cannot read it either)
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const detail = /central directory|zip/i.test(msg) ? 'ZIP 形式の .xlsx ではありません / not a zip-based .xlsx' : msg;
    throw unreadable(displayPath, `有効な .xlsx ではありません / not a valid .xlsx workbook: ${detail}`);
  }
  const date1904 = Boolean(wb.properties?.date1904);
  const sheetNames = wb.worksheets.map((ws) => ws.name);
  const wanted = sheets.length ? wb.worksheets.filter((ws) => sheets.includes(ws.name)) : wb.worksheets;
  checkSheetSelection(sheets, sheetNames, displayPath);
  const grids = wanted.map((ws) => worksheetToGrid(ws, displayPath, date1904));
  return { grids, sheetNames };
}

/** The lean reader's result, or undefined when it cannot read the file (any error: exceljs decides). */
function readLean(bytes: Buffer, displayPath: string, sheets: string[]): ReadResult | undefined {
  try {
    const book = openXlsx(bytes);
    const sheetNames = book.sheetNames;
    const grids: SheetGrid[] = [];
    sheetNames.forEach((name, i) => {
      if (!sheets.length || sheets.includes(name)) grids.push(book.grid(i, displayPath));
    });
    return { grids, sheetNames };
  } catch {
    return undefined;
  }
}

function pickSheets(grids: SheetGrid[], sheets: string[], displayPath: string, sheetNames: string[]): SheetGrid[] {
  // a CSV has one sheet: --sheet filters only workbooks, so keep it unless nothing can match
  if (!sheets.length) return grids;
  const matched = grids.filter((g) => sheets.includes(g.name));
  return matched.length ? matched : (void checkSheetSelection([], sheetNames, displayPath), grids);
}

function checkSheetSelection(sheets: string[], sheetNames: string[], displayPath: string): void {
  const missing = sheets.filter((s) => !sheetNames.includes(s));
  if (missing.length === sheets.length && sheets.length > 0) {
    throw new CliError(
      {
        ja: `${displayPath} に指定のシートがありません: ${missing.join(', ')}（シート: ${sheetNames.join(', ')}）`,
        en: `${displayPath} has no sheet named ${missing.join(', ')} (sheets: ${sheetNames.join(', ')})`,
      },
      2,
    );
  }
}
