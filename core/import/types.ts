import type { CanonicalField, DayRecord } from '../model/record.ts';
import type { Finding, Layout, SheetSummary } from '../model/report.ts';

/** A raw cell as hosts give it: exceljs (Date for dates), Office.js (serial numbers), CSV (strings). */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One sheet as a grid of cells. `cells[0][0]` is the cell at (startRow, startCol). */
export interface SheetGrid {
  name: string;
  file?: string;
  cells: CellValue[][];
  /** display text of each cell, where the host has it (Excel's `text`) */
  text?: (string | undefined)[][];
  /** 1-based row number of cells[0]; default 1 */
  startRow?: number;
  /** 1-based column number of cells[][0]; default 1 */
  startCol?: number;
  /** the workbook uses the 1904 date system */
  date1904?: boolean;
  /** located `input-*` findings the file reader made (bad bytes, unbalanced quotes …) */
  readFindings?: Finding[];
  /** the reader could not read this sheet: why, for the user (cells are then empty) */
  unreadable?: { ja: string; en: string };
}

export interface ImportOptions {
  /**
   * Force a mapping: field → header text or column letter (e.g. { mode: '区分', date: 'A' }).
   * A forced column feeds only that field. `''` un-maps a field (no column feeds it, so rules that
   * need it are not evaluated). `contacts` and `mode` take a comma-separated list: { contacts: 'F,G' }.
   */
  mapping?: Partial<Record<CanonicalField, string>>;
  /** force the layout instead of detecting it */
  layout?: Layout;
  /** force the header row (1-based) */
  headerRow?: number;
}

/** What the importer made of one sheet. */
export interface ImportedSheet extends SheetSummary {
  file?: string;
  recordList: DayRecord[];
  /** located `input-*` findings (bad dates, duplicates, unknown modes …) */
  inputFindings: Finding[];
  /** fields the sheet has columns for */
  fields: CanonicalField[];
  /**
   * Every column that feeds a field: column letter → field (`columns` gives one letter per field).
   * Each contacts and mode column is listed; a one-cell time range as `start`, a certificate range as
   * `certFrom`; in a matrix, each day column as `date`.
   */
  columnFields?: Record<string, CanonicalField>;
  /** why nothing was imported (empty sheet, no header found), if so */
  problem?: { code: 'empty' | 'no-header' | 'unreadable'; message: { ja: string; en: string } };
}
