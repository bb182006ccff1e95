// One check inside one Excel request context: read → core import → core check → highlight → save.
// Excel access goes through excel-io.ts; the judging is core's.
import { checkSheets, importGrid } from '../core/index.ts';
import type { ImportedSheet } from '../core/import/types.ts';
import type { CheckOptions, Report } from '../core/model/report.ts';
import { applyHighlights, readWorkbook, type IoOptions, type SheetRead } from './excel-io.ts';
import { coalesceRows, rowNotes, rowTones } from './highlights.ts';
import type { AddinStore, Mapping, Prefs } from './settings.ts';

export interface CheckRun {
  sheets: SheetRead[];
  imported: ImportedSheet[];
  report: Report;
  activeId: string;
  store: AddinStore;
}

function safeImport(sheet: SheetRead, mapping: Mapping | undefined): ImportedSheet {
  try {
    return importGrid(sheet.grid, mapping ? { mapping } : {});
  } catch (e) {
    // core promises not to throw; if it does, the sheet shows as unreadable instead of failing the pane
    const detail = e instanceof Error ? e.message : String(e);
    return {
      name: sheet.name,
      columns: {},
      unmappedHeaders: [],
      records: 0,
      recordList: [],
      inputFindings: [],
      fields: [],
      problem: { code: 'no-header', message: { ja: `読み込めませんでした: ${detail}`, en: `Could not read: ${detail}` } },
    };
  }
}

/** 3 syncs for the active sheet (4 with notes on, more on the web for very large sheets). */
export async function checkInWorkbook(
  ctx: Excel.RequestContext,
  scope: 'active' | 'all',
  options: CheckOptions,
  io: IoOptions,
  prefs?: Prefs,
): Promise<CheckRun> {
  const read = await readWorkbook(ctx, scope, io);
  if (prefs) read.store.prefs = prefs;
  const imported = read.sheets.map((s) => safeImport(s, read.store.sheets[s.id]?.mapping));
  const report = checkSheets(imported.filter((i) => !i.problem), options);
  const plans = read.sheets.map((sheet) => ({
    sheet,
    runs: coalesceRows(rowTones(report.findings, sheet.name)),
    notes: io.notes && io.writeNotes ? rowNotes(report.findings, sheet.name) : [],
  }));
  const store = await applyHighlights(ctx, plans, read.store, io);
  return { sheets: read.sheets, imported, report, activeId: read.activeId, store };
}
