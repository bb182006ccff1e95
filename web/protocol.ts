// Messages between the checker page and its worker.
import type { CanonicalField } from '../core/model/record.ts';
import type { Bilingual, Layout, Report } from '../core/model/report.ts';
import type { ImportOptions } from '../core/import/types.ts';
import type { FileProblem } from '../pipeline/check-files.ts';

export interface CheckSettings {
  municipality: string;
  asOf: string;
  weekStart: 'mon' | 'sun';
  capacity?: number;
}

/** One imported sheet as the mapping panel and sheet table need it. */
export interface SheetView {
  key: string;
  file: string;
  name: string;
  layout?: Layout;
  headerRow?: number;
  records: number;
  homeDays?: number;
  problem?: Bilingual;
  /** column letter → header text (or first value when the sheet has no header row) */
  headers: Record<string, string>;
  /** column letter → field */
  columnFields: Record<string, CanonicalField>;
  /** the field → column spec the importer used */
  columns: Partial<Record<CanonicalField, string>>;
}

export type ToWorker =
  | { type: 'check'; id: number; files: { name: string; bytes: Uint8Array }[]; settings: CheckSettings; sheetMappings: Record<string, ImportOptions['mapping']> }
  | { type: 'annotate'; id: number; file: string }
  | { type: 'table'; id: number; format: 'xlsx' | 'csv' };

export type FromWorker =
  | { type: 'progress'; id: number; done: number; step: Bilingual }
  | { type: 'checked'; id: number; report: Report; sheets: SheetView[]; fileProblems: FileProblem[]; hiddenSkipped: { file: string; sheets: string[] }[]; ms: number }
  | { type: 'file'; id: number; name: string; mime: string; bytes: Uint8Array; note?: Bilingual }
  | { type: 'failed'; id: number; message: Bilingual };
