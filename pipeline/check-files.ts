// Host-neutral check of files: { name, bytes }[] + options → imported sheets + report.
// Used by the CLI and by the browser checker's worker. No Node, DOM or Office APIs here.
import { checkSheets, importGrid } from '../core/index.ts';
import type { Bilingual, CheckOptions, Report } from '../core/model/report.ts';
import type { ImportOptions, ImportedSheet, SheetGrid } from '../core/import/types.ts';
import { FormatError, kindOfName, readCsvBytes, readXlsxBytes, type ReadResult } from '../formats/index.ts';

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

/** Reads one file to grids. Throws FormatError with a located message when it cannot. */
export async function readFileGrids(file: InputFile, opts: Pick<CheckFilesOptions, 'sheets'> = {}): Promise<ReadResult> {
  const kind = kindOfName(file.name);
  if (!kind) {
    throw new FormatError({
      ja: `対応していないファイル形式です: ${file.name}（.xlsx・.csv・.tsv を指定してください。.xls は Excel で .xlsx として保存し直してください）`,
      en: `Unsupported file type: ${file.name} (use .xlsx, .csv or .tsv; save an .xls as .xlsx in Excel first)`,
    });
  }
  if (kind === 'csv') {
    try {
      return readCsvBytes(file.bytes, file.name);
    } catch {
      throw new FormatError({
        ja: `ファイルを読み込めません: ${file.name}（CSV として読めません。Excel で開いて CSV UTF-8 として保存し直してください）`,
        en: `Cannot read the file: ${file.name} (not readable as CSV; open it in Excel and save it as CSV UTF-8 again)`,
      });
    }
  }
  try {
    return readXlsxBytes(file.bytes, file.name, { sheets: opts.sheets ?? [] });
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError({
      ja: `ファイルを読み込めません: ${file.name}（有効な .xlsx ではありません。Excel で開いて .xlsx として保存し直してください）`,
      en: `Cannot read the file: ${file.name} (not a valid .xlsx workbook; open it in Excel and save it as .xlsx again)`,
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
  const imported: ImportedSheet[] = [];
  const grids: SheetGrid[] = [];
  const fileProblems: FileProblem[] = [];
  const hiddenSkipped: CheckFilesResult['hiddenSkipped'] = [];
  const total = files.length * 2 + 1;
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
    if (read.hiddenSkipped?.length) hiddenSkipped.push({ file: file.name, sheets: read.hiddenSkipped });
    opts.onProgress?.(step++ / total, { ja: `取り込み中: ${file.name}`, en: `Importing ${file.name}` });
    const sheets = read.grids.map((g) => {
      const mapping = opts.sheetMappings?.[sheetKey(file.name, g.name)] ?? opts.mapping;
      return importGrid(g, mapping ? { mapping } : {});
    });
    if (sheets.length > 0 && sheets.every((s) => s.problem)) {
      const message = noRecordsMessage(file.name, sheets);
      if (strict) throw new FormatError(message);
      fileProblems.push({ file: file.name, message });
    }
    imported.push(...sheets);
    grids.push(...read.grids);
  }
  opts.onProgress?.(step / total, { ja: 'チェック中', en: 'Checking' });
  const { sheets: _s, mapping: _m, sheetMappings: _sm, onProgress: _p, ...checkOptions } = opts;
  const report = checkSheets(imported, checkOptions);
  opts.onProgress?.(1, { ja: '完了', en: 'Done' });
  return { imported, grids, report, fileProblems, hiddenSkipped };
}
