// File reading for the CLI: bytes from disk, grids from the host-neutral readers in formats/
// (exceljs only when the lean .xlsx reader refuses a package).
import { readFile } from 'node:fs/promises';
import type * as ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../core/import/types.ts';
import { checkSheetSelection, FormatError, kindOfName, readCsvBytes, readXlsxBytes, type InputKind, type ReadResult } from '../formats/index.ts';
import { CliError } from './errors.ts';
import { convertCellValue } from '../formats/xlsx/values.ts';

export { convertCellValue, dateDisplay, normaliseDate } from '../formats/xlsx/values.ts';
export type { InputKind, ReadResult } from '../formats/index.ts';

export function inputKind(file: string): InputKind | undefined {
  return kindOfName(file);
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

function unreadable(file: string, detail: string): CliError {
  return new CliError(
    {
      ja: `ファイルを読み込めません: ${file}（${detail}）`,
      en: `Cannot read the file: ${file} (${detail})`,
    },
    2,
  );
}

/** The bytes of an .xlsx or .csv file, with located errors; `displayPath` is the path as the user typed it. */
export async function readInputBytes(path: string, displayPath: string): Promise<Buffer> {
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
  return bytes;
}

/** Read an .xlsx or .csv file; `displayPath` is the path as the user typed it. */
export async function readInput(path: string, displayPath: string, sheets: string[] = []): Promise<ReadResult> {
  const kind = inputKind(path);
  const bytes = await readInputBytes(path, displayPath);
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'csv') {
    try {
      return readCsvBytes(view, displayPath);
    } catch (e) {
      throw unreadable(displayPath, e instanceof Error ? e.message : String(e));
    }
  }
  const lean = readLean(view, displayPath, sheets);
  if (lean) return lean;
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
  selectSheets(sheets, sheetNames, displayPath);
  const grids = wanted.map((ws) => worksheetToGrid(ws, displayPath, date1904));
  return { grids, sheetNames };
}

/** The lean reader's result, or undefined when it cannot read the file (exceljs decides). */
function readLean(bytes: Uint8Array, displayPath: string, sheets: string[]): ReadResult | undefined {
  let result: ReadResult | undefined;
  try {
    result = readXlsxBytes(bytes, displayPath, { sheets });
  } catch (e) {
    if (e instanceof FormatError) throw new CliError(e.bilingual, 2);
    return undefined;
  }
  return result;
}

function selectSheets(sheets: string[], sheetNames: string[], displayPath: string): void {
  try {
    checkSheetSelection(sheets, sheetNames, displayPath);
  } catch (e) {
    if (e instanceof FormatError) throw new CliError(e.bilingual, 2);
    throw e;
  }
}
