// Host-neutral file readers: bytes in, sheet grids out. Used by the CLI, the browser checker and tests;
// hosts only hand over bytes. No Node, DOM or Office APIs here.
import type { Bilingual } from '../core/model/report.ts';
import type { SheetGrid } from '../core/import/types.ts';
import { decodeText, parseCsv } from './csv.ts';
import { isKokuhorenCsv, readJ611Bytes } from './j611.ts';
import { openXlsx } from './xlsx/workbook.ts';
import type { BillingFile } from '../core/model/billing.ts';

export { LeanReadError } from './zip.ts';
// 国保連 billing CSV (J611): detected by content, whatever the file is called
export { isJ611, isKokuhorenCsv, readJ611Bytes } from './j611.ts';

/** A 国保連 billing CSV as a read result, or undefined for other bytes (detected by content). */
export function readBillingBytes(bytes: Uint8Array, displayName: string): ReadResult | undefined {
  return isKokuhorenCsv(bytes) ? { grids: [], sheetNames: [], billing: readJ611Bytes(bytes, displayName) } : undefined;
}

export type InputKind = 'xlsx' | 'csv';

export interface ReadResult {
  grids: SheetGrid[];
  /** every sheet name of the workbook (for messages) */
  sheetNames: string[];
  /** a 国保連 billing CSV: its J611 billed days (then `grids` is empty) */
  billing?: BillingFile;
}

export interface ReadOptions {
  /** only these sheets (a CSV has one sheet and is kept unless nothing can match) */
  sheets?: string[];
}

/** A file that cannot be read as asked: the bilingual message says which file and what to do. */
export class FormatError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual.en);
    this.name = 'FormatError';
  }
}

const EXTENSIONS: Record<string, InputKind> = { '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.csv': 'csv', '.txt': 'csv', '.tsv': 'csv' };

/** The kind of input a file name announces, or undefined for an unsupported extension. */
export function kindOfName(fileName: string): InputKind | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[fileName.slice(dot).toLowerCase()];
}

/** File name without directories and extension (a CSV's sheet name). */
export function baseName(fileName: string): string {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** A CSV/TSV file as one grid named after the file (kept whatever `sheets` says: it has one sheet). */
export function readCsvBytes(bytes: Uint8Array, displayName: string): ReadResult {
  const rows = parseCsv(decodeText(bytes));
  const grid: SheetGrid = { name: baseName(displayName), file: displayName, cells: rows, text: rows, startRow: 1, startCol: 1 };
  return { grids: [grid], sheetNames: [grid.name] };
}

/** An .xlsx/.xlsm package as grids. Throws LeanReadError when the package cannot be read. */
export function readXlsxBytes(bytes: Uint8Array, displayName: string, opts: ReadOptions = {}): ReadResult {
  const book = openXlsx(bytes);
  const sheets = opts.sheets ?? [];
  const grids: SheetGrid[] = [];
  book.sheetNames.forEach((name, i) => {
    if (!sheets.length || sheets.includes(name)) grids.push(book.grid(i, displayName));
  });
  checkSheetSelection(sheets, book.sheetNames, displayName);
  return { grids, sheetNames: book.sheetNames };
}

/** Refuses a --sheet selection none of whose names the workbook has. */
export function checkSheetSelection(sheets: string[], sheetNames: string[], displayName: string): void {
  const missing = sheets.filter((s) => !sheetNames.includes(s));
  if (missing.length === sheets.length && sheets.length > 0) {
    throw new FormatError({
      ja: `${displayName} に指定のシートがありません: ${missing.join(', ')}（シート: ${sheetNames.join(', ')}）`,
      en: `${displayName} has no sheet named ${missing.join(', ')} (sheets: ${sheetNames.join(', ')})`,
    });
  }
}
