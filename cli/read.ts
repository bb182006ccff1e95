// File reading for the CLI: .xlsx (exceljs) and .csv (core's decodeText + parseCsv) → SheetGrid[].
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../core/import/types.ts';
import { CliError } from './errors.ts';

const DAY_MS = 86_400_000;
/** 1904-01-01 minus 1899-12-30, in days */
const EPOCH_1904_OFFSET_DAYS = 1462;
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

export type InputKind = 'xlsx' | 'csv';

export function inputKind(file: string): InputKind | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  return undefined;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel-like display text of a date/time cell (exceljs' own `text` is JS Date.toString()). */
export function dateDisplay(d: Date): string {
  const serialDays = (d.getTime() - EXCEL_EPOCH_1900) / DAY_MS;
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;
  const time = `${d.getUTCHours()}:${pad2(d.getUTCMinutes())}`;
  if (serialDays >= 0 && serialDays < 1) return time;
  const date = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  return hasTime ? `${date} ${time}` : date;
}

/**
 * exceljs already converts date-formatted serials with the workbook's date system, so a
 * time-only cell of a 1904 workbook arrives as 1904-01-01Thh:mm. Re-base such times on
 * 1899-12-30, as in a 1900 workbook, so the importer sees one convention.
 */
export function normaliseDate(d: Date, date1904: boolean): Date {
  if (!date1904) return d;
  const days = (d.getTime() - EXCEL_EPOCH_1904) / DAY_MS;
  if (days >= 0 && days < 1) return new Date(EXCEL_EPOCH_1900 + (d.getTime() - EXCEL_EPOCH_1904));
  return d;
}

function richTextOf(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

/** One exceljs cell value → a plain CellValue plus display text. */
export function convertCellValue(
  raw: ExcelJS.CellValue,
  date1904: boolean,
): { value: CellValue; text: string | undefined } {
  if (raw === null || raw === undefined) return { value: null, text: undefined };
  if (typeof raw === 'string') return { value: raw, text: raw };
  if (typeof raw === 'number') return { value: raw, text: String(raw) };
  if (typeof raw === 'boolean') return { value: raw, text: raw ? 'TRUE' : 'FALSE' };
  if (raw instanceof Date) {
    const d = normaliseDate(raw, date1904);
    return { value: d, text: dateDisplay(d) };
  }
  if (typeof raw === 'object') {
    if ('richText' in raw && Array.isArray(raw.richText)) {
      const t = richTextOf(raw);
      return { value: t, text: t };
    }
    if ('error' in raw && typeof raw.error === 'string') return { value: raw.error, text: raw.error };
    if ('formula' in raw || 'sharedFormula' in raw) {
      const result = (raw as { result?: unknown }).result;
      if (result === undefined || result === null) return { value: null, text: undefined };
      if (typeof result === 'object' && result !== null && 'error' in result) {
        const e = String((result as { error: unknown }).error);
        return { value: e, text: e };
      }
      return convertCellValue(result as ExcelJS.CellValue, date1904);
    }
    if ('text' in raw) {
      const t = raw.text;
      const s = typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? richTextOf(t) : String(t ?? '');
      return { value: s, text: s };
    }
  }
  const s = String(raw);
  return { value: s, text: s };
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
