// One check inside one Excel request context: read → core import → core check → highlight → save.
// Excel access goes through excel-io.ts; the judging is core's.
import { applyUserTables, checkSheets, importGrid, readUserTable, type UserTable } from '../core/index.ts';
import type { ImportedSheet } from '../core/import/types.ts';
import type { BillingFile } from '../core/model/billing.ts';
import type { CheckOptions, Finding, Report } from '../core/model/report.ts';
import type { SheetGrid } from '../core/import/types.ts';
import { applyHighlights, hostErrorKind, readWorkbook, type HostErrorKind, type IoOptions, type SheetRead } from './excel-io.ts';
import { coalesceRows, rowNotes, rowTones, worksheetFindings } from './highlights.ts';
import { reviewKeys, splitReviewed } from './reviews.ts';
import type { AddinStore, Mapping, Prefs } from './settings.ts';

/** Why rows could not be coloured; the findings are shown anyway. */
export interface HighlightProblem {
  /** protected sheets (skipped), by name */
  protectedSheets: string[];
  /** of those, the sheets still carrying our colours of an earlier check (they may be out of date) */
  staleSheets?: string[];
  /** the write itself failed (a view-only workbook …): what the host said, as a kind */
  failed?: HostErrorKind;
}

export interface CheckRun {
  sheets: SheetRead[];
  imported: ImportedSheet[];
  report: Report;
  activeId: string;
  store: AddinStore;
  /** review key of a finding (reviews.ts), computed on demand */
  keyOf: (f: Finding) => string;
  /** findings marked 「確認済み」 whose data did not change: listed apart, not coloured */
  reviewed: Finding[];
  /** set when some or all rows could not be coloured */
  highlight?: HighlightProblem;
}

function safeImport(sheet: SheetRead, mapping: Mapping | undefined): ImportedSheet {
  try {
    return importGrid(sheet.grid, mapping ? { mapping } : {});
  } catch {
    // core promises not to throw; if it does, the sheet shows as unreadable instead of failing the pane
    return {
      name: sheet.name,
      columns: {},
      unmappedHeaders: [],
      records: 0,
      recordList: [],
      inputFindings: [],
      fields: [],
      problem: {
        code: 'no-header',
        message: {
          ja: `シート「${sheet.name}」を読み込めませんでした（想定外の内容です）。見出し行と「列の対応」を確かめてから、もう一度チェックしてください。`,
          en: `Sheet "${sheet.name}" could not be read (unexpected content). Check the header row and the column mapping, then check again.`,
        },
      },
    };
  }
}

/**
 * Syncs on the desktop: 3 for the active sheet (+1 when our notes from an earlier check are probed), 4 for all
 * sheets. On the web (payloadLimit set) cells are always read in row blocks: +1 sync per block of each sheet
 * (at least one, even for a small sheet; a refused block is asked again halved), and highlights flush every
 * WEB_OPS_PER_SYNC operations.
 * `billing`: 国保連 billing CSVs loaded beside the workbook (billing.ts); core reconciles them with the records,
 * they are listed in the report's inputs, and their lines never colour a worksheet row.
 */
export async function checkInWorkbook(
  ctx: Excel.RequestContext,
  scope: 'active' | 'all',
  options: CheckOptions,
  io: IoOptions,
  prefs?: Prefs,
  billing: readonly BillingFile[] = [],
): Promise<CheckRun> {
  const read = await readWorkbook(ctx, scope, io);
  if (prefs) read.store.prefs = prefs;
  // a 利用者台帳 sheet of the workbook fills what the day rows lack (core decides what a user table is)
  // (imported stays aligned with read.sheets: the pane pairs them by index)
  const tables: UserTable[] = [];
  const daySheets: ImportedSheet[] = [];
  const isTable: boolean[] = [];
  for (const s of read.sheets) {
    const table = readUserTable(s.grid);
    isTable.push(table !== undefined);
    if (table) tables.push(table);
    else daySheets.push(safeImport(s, read.store.sheets[s.id]?.mapping));
  }
  const joined = applyUserTables(daySheets, tables);
  const tableSheets = joined.slice(daySheets.length);
  let nextDay = 0;
  let nextTable = 0;
  const imported = isTable.map((t) => (t ? tableSheets[nextTable++]! : daySheets[nextDay++]!));
  const report = checkSheets(imported.filter((i) => !i.problem), options, billing);
  const grids = new Map<string, SheetGrid>(read.sheets.map((s) => [s.name, s.grid]));
  const keyOf = reviewKeys(grids);
  const { open, reviewed } = splitReviewed(report.findings, read.store.reviewed ?? [], keyOf);
  const onSheets = worksheetFindings(open, new Set(billing.map((b) => b.file)));
  const plans = read.sheets.map((sheet) => ({
    sheet,
    runs: coalesceRows(rowTones(onSheets, sheet.name)),
    notes: io.notes && io.writeNotes ? rowNotes(onSheets, sheet.name) : [],
  }));
  const run: CheckRun = { sheets: read.sheets, imported, report, activeId: read.activeId, store: read.store, keyOf, reviewed };
  try {
    const result = await applyHighlights(ctx, plans, read.store, io);
    if (result.protectedSheets.length) {
      run.highlight = { protectedSheets: result.protectedSheets };
      const stale = read.sheets.filter((s) => s.protected && s.ourFormats.length > 0).map((s) => s.name);
      if (stale.length) run.highlight.staleSheets = stale;
    }
  } catch (e) {
    // the findings stand whatever happened to the colours (a view-only workbook, a sheet protected meanwhile)
    run.highlight = { protectedSheets: read.sheets.filter((s) => s.protected).map((s) => s.name), failed: hostErrorKind(e) };
  }
  return run;
}
