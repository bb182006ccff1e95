// Host-neutral check of files: { name, bytes }[] + options → imported sheets + report.
// Used by the CLI and by the browser checker's worker. No Node, DOM or Office APIs here.
import { applyUserTables, checkSheets, importGrid, importWorkbook, joinUsers, readUserTable, userMonthSources, type UserTable } from '../core/index.ts';
import type { BillingFile } from '../core/model/billing.ts';
import type { Bilingual, CheckOptions, Report } from '../core/model/report.ts';
import type { ImportOptions, ImportedSheet, SheetGrid } from '../core/import/types.ts';
import { FormatError, readBytes, type ReadResult } from '../formats/index.ts';

export interface InputFile {
  /** the name as the user knows it (a path on the CLI, a file name in the browser) */
  name: string;
  bytes: Uint8Array;
}

export interface CheckFilesOptions extends CheckOptions {
  /** only these sheets of each workbook */
  sheets?: string[];
  /** forced mapping for every sheet */
  mapping?: ImportOptions['mapping'];
  /** forced mapping per sheet, keyed `${file}\u0000${sheet}` (see sheetKey); wins over `mapping` */
  sheetMappings?: Record<string, ImportOptions['mapping']>;
  /** read the city's sample sheets (【記載例】, 見本 …) too */
  includeSamples?: boolean;
  /** keep the grid of each imported sheet (CheckFilesResult.grids); otherwise a grid is let go once imported */
  keepGrids?: boolean;
  /** progress: 0..1 with what is being done */
  onProgress?: (done: number, step: Bilingual) => void;
}

/** A file that could not be read or yields no checkable record: located, bilingual. */
export interface FileProblem {
  file: string;
  message: Bilingual;
}

export interface CheckFilesResult {
  imported: ImportedSheet[];
  /** with keepGrids: the grid each imported sheet was read from (grids[i] ↔ imported[i]); else empty */
  grids: SheetGrid[];
  report: Report;
  /** files that gave nothing to check (they are not in the report's inputs) */
  fileProblems: FileProblem[];
  /** hidden sheets not read (only when no sheet selection was given) */
  hiddenSkipped: { file: string; sheets: string[] }[];
}

export function sheetKey(file: string, sheet: string): string {
  return `${file}\u0000${sheet}`;
}

/** Reads one file to grids (or billed days). Throws FormatError with a located message when it cannot. */
export async function readFileGrids(file: InputFile, opts: Pick<CheckFilesOptions, 'sheets'> = {}): Promise<ReadResult> {
  try {
    return readBytes(file.bytes, file.name, opts.sheets ?? []);
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError({
      ja: `ファイルを読み込めません: ${file.name}（Excel で開いて .xlsx または CSV UTF-8 として保存し直してください）`,
      en: `Cannot read the file: ${file.name} (open it in Excel and save it as .xlsx or CSV UTF-8 again)`,
    });
  }
}

/** Message for a file none of whose sheets gave checkable records. */
export function noRecordsMessage(file: string, sheets: ImportedSheet[]): Bilingual {
  return {
    ja: `${file} からチェックできる記録を読み取れませんでした。\n${sheets.map((s) => `  [${s.name}] ${s.problem!.message.ja}`).join('\n')}`,
    en: `No checkable records could be read from ${file}.\n${sheets.map((s) => `  [${s.name}] ${s.problem!.message.en}`).join('\n')}`,
  };
}

/**
 * Read, import and check the files as one month (several files join as in the CLI).
 * `strict`: the first file that cannot be read or gives no records throws (the CLI); otherwise it is
 * listed in fileProblems and the others are checked (the browser checker).
 */
export async function checkFiles(files: InputFile[], opts: CheckFilesOptions, strict = false): Promise<CheckFilesResult> {
  const daySheets: ImportedSheet[] = [];
  const tables: UserTable[] = [];
  const billing: BillingFile[] = [];
  const grids: SheetGrid[] = [];
  const tableGrids: SheetGrid[] = [];
  const fileProblems: FileProblem[] = [];
  const hiddenSkipped: CheckFilesResult['hiddenSkipped'] = [];
  const total = files.length * 2 + 1;
  const importOpts: ImportOptions = { ...(opts.mapping ? { mapping: opts.mapping } : {}), ...(opts.includeSamples ? { includeSamples: true } : {}) };
  let step = 0;
  for (const file of files) {
    opts.onProgress?.(step++ / total, { ja: `読み込み中: ${file.name}`, en: `Reading ${file.name}` });
    let read: ReadResult;
    try {
      read = await readFileGrids(file, opts);
    } catch (e) {
      if (strict || !(e instanceof FormatError)) throw e;
      fileProblems.push({ file: file.name, message: e.bilingual });
      step++;
      continue;
    }
    if (read.billing) billing.push(read.billing);
    if (read.hiddenSkipped?.length) hiddenSkipped.push({ file: file.name, sheets: read.hiddenSkipped });
    opts.onProgress?.(step++ / total, { ja: `取り込み中: ${file.name}`, en: `Importing ${file.name}` });
    // user tables (利用者台帳) of any file fill the day records of all of them
    const dayGrids: SheetGrid[] = [];
    let fileTables = 0;
    for (const g of read.grids) {
      const table = readUserTable(g);
      if (table) {
        tables.push(table);
        if (opts.keepGrids) tableGrids.push(g);
        fileTables++;
      } else dayGrids.push(g);
    }
    const perSheet = dayGrids.some((g) => opts.sheetMappings?.[sheetKey(file.name, g.name)]);
    const sheets = perSheet
      ? dayGrids.map((g) => importGrid(g, { ...importOpts, ...(opts.sheetMappings?.[sheetKey(file.name, g.name)] ? { mapping: opts.sheetMappings[sheetKey(file.name, g.name)] } : {}) }))
      : importWorkbook(dayGrids, importOpts);
    if (sheets.length > 0 && fileTables === 0 && sheets.every((s) => s.problem)) {
      const message = noRecordsMessage(file.name, sheets);
      if (strict) throw new FormatError(message);
      fileProblems.push({ file: file.name, message });
    }
    daySheets.push(...sheets);
    if (opts.keepGrids) grids.push(...dayGrids);
  }
  // never an all-clear about nothing: no record at all is a problem (a blank city form or a skipped sample
  // says so in its note instead, and the summary says that no home day was checked)
  if (daySheets.length > 0 && daySheets.every((s) => s.records === 0 && !s.note)) {
    const message: Bilingual = {
      ja: `チェックできる記録が 1 件もありませんでした（何もチェックしていません）。\n${daySheets.map((s) => `  ${s.file ?? ''} [${s.name}] ${s.problem ? s.problem.message.ja : '0件'}`).join('\n')}`,
      en: `No record could be read, so nothing was checked.\n${daySheets.map((s) => `  ${s.file ?? ''} [${s.name}] ${s.problem ? s.problem.message.en : '0 records'}`).join('\n')}`,
    };
    if (strict) throw new FormatError(message);
    fileProblems.push({ file: files.map((f) => f.name).join(', '), message });
  }
  // imported: the day sheets, then the user tables (applyUserTables); grids in the same order
  const imported = applyUserTables(daySheets, tables);
  grids.push(...tableGrids);
  // several files of one user's month: one user per 受給者証番号 (else the folded name)
  if (files.length > 1) joinUsers(imported);
  opts.onProgress?.(step / total, { ja: 'チェック中', en: 'Checking' });
  const { sheets: _s, mapping: _m, sheetMappings: _sm, onProgress: _p, includeSamples: _i, keepGrids: _k, ...checkOptions } = opts;
  const report = checkSheets(imported, checkOptions, billing);
  if (files.length > 1) report.sources = userMonthSources(imported);
  opts.onProgress?.(1, { ja: '完了', en: 'Done' });
  return { imported, grids, report, fileProblems, hiddenSkipped };
}
