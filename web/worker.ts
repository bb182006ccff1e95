// The checker's worker: read + import + check off the page's thread; downloads are made here too.
import { getRule } from '../core/index.ts';
import type { Report } from '../core/model/report.ts';
import type { ImportedSheet, SheetGrid } from '../core/import/types.ts';
import { checkFiles, sheetKey, type InputFile } from '../pipeline/check-files.ts';
import { findingsTable, toCsv } from '../pipeline/findings-table.ts';
import { writeTableXlsx } from '../formats/xlsx/write-table.ts';
import { annotateXlsx } from '../formats/xlsx/annotate.ts';
import type { FromWorker, SheetView, ToWorker } from './protocol.ts';

interface Last {
  files: InputFile[];
  report: Report;
}
let last: Last | undefined;

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function letterOf(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function cellText(g: SheetGrid, r: number, c: number): string {
  const v = g.text?.[r]?.[c] ?? g.cells[r]?.[c];
  return v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
}

function sheetView(imp: ImportedSheet, grid: SheetGrid): SheetView {
  const startRow = grid.startRow ?? 1;
  const startCol = grid.startCol ?? 1;
  const width = Math.min(grid.cells.reduce((w, r) => Math.max(w, r.length), 0), 200);
  const headers: Record<string, string> = {};
  const columnFields: Record<string, ImportedSheet['fields'][number]> = { ...(imp.columnFields ?? {}) };
  for (const [field, spec] of Object.entries(imp.columns)) for (const l of String(spec).split(',')) columnFields[l.trim()] ??= field as never;
  const headerIndex = imp.headerRow !== undefined ? imp.headerRow - startRow : undefined;
  for (let c = 0; c < width; c++) {
    const letter = letterOf(c + startCol);
    let text = headerIndex !== undefined ? cellText(grid, headerIndex, c) : '';
    if (!text && headerIndex === undefined) {
      for (let r = 0; r < Math.min(grid.cells.length, 50) && !text; r++) text = cellText(grid, r, c);
    }
    if (text || columnFields[letter]) headers[letter] = text.slice(0, 60);
  }
  const homeDays = (imp as { homeDays?: number }).homeDays;
  return {
    key: sheetKey(imp.file ?? grid.file ?? '', imp.name),
    file: imp.file ?? grid.file ?? '',
    name: imp.name,
    ...(imp.layout ? { layout: imp.layout } : {}),
    ...(imp.headerRow !== undefined ? { headerRow: imp.headerRow } : {}),
    records: imp.records,
    ...(typeof homeDays === 'number' ? { homeDays } : {}),
    ...(imp.problem ? { problem: imp.problem.message } : {}),
    headers,
    columnFields,
    columns: imp.columns,
  };
}

const UNEXPECTED = {
  ja: 'チェック中に問題が起きました。ファイルを Excel で開いて保存し直し、もう一度お試しください。',
  en: 'Something went wrong during the check. Open the file in Excel, save it again and retry.',
};

async function handle(m: ToWorker): Promise<void> {
  if (m.type === 'check') {
    const started = performance.now();
    const { settings } = m;
    const result = await checkFiles(m.files, {
      defaultPack: settings.municipality || 'national',
      asOf: settings.asOf,
      weekStart: settings.weekStart,
      ...(settings.capacity !== undefined ? { capacity: settings.capacity } : {}),
      sheetMappings: m.sheetMappings,
      keepGrids: true,
      onProgress: (done, step) => post({ type: 'progress', id: m.id, done, step }),
    });
    last = { files: m.files, report: result.report };
    const sheets = result.imported.map((imp, i) => sheetView(imp, result.grids[i]!));
    post({ type: 'checked', id: m.id, report: result.report, sheets, fileProblems: result.fileProblems, hiddenSkipped: result.hiddenSkipped, ms: performance.now() - started });
    return;
  }
  if (!last) throw new Error('no check yet');
  if (m.type === 'table') {
    const rows = findingsTable(last.report.findings, (id) => getRule(id)?.meta.title);
    const bytes = m.format === 'csv' ? new TextEncoder().encode(toCsv(rows)) : writeTableXlsx(rows, 'チェック結果');
    const mime = m.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    post({ type: 'file', id: m.id, name: `チェック結果.${m.format}`, mime, bytes }, [bytes.buffer]);
    return;
  }
  const file = last.files.find((f) => f.name === m.file);
  if (!file) throw new Error('unknown file');
  const res = await annotateXlsx(file.bytes, last.report.findings, file.name);
  const base = file.name.replace(/\.xlsx$/i, '');
  post(
    {
      type: 'file',
      id: m.id,
      name: `${base}（チェック済み）.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: res.bytes,
      note: { ja: `${res.rowsHighlighted}行に色付けし、シート「${res.sheetName}」を加えました（元のファイルはそのままです）`, en: `${res.rowsHighlighted} row(s) highlighted, sheet "${res.sheetName}" added (the original file is unchanged)` },
    },
    [res.bytes.buffer],
  );
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  handle(e.data).catch((err: unknown) => {
    const bilingual = (err as { bilingual?: { ja: string; en: string } }).bilingual;
    post({ type: 'failed', id: e.data.id, message: bilingual ?? UNEXPECTED });
  });
};
