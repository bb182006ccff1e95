// The only file that talks to Excel. Reads cells, writes conditional formats, notes and our settings key.
// Never writes a cell value, never touches formats it did not create (ours carry CF_MARKER in their formula;
// ConditionalFormat.id is never trusted: ids are not stable and may equal the id of a user's rule).
import type { CellValue, SheetGrid } from '../core/import/types.ts';
import { CF_FORMULA, CF_MARKER, NOTE_PREFIX, SETTINGS_KEY, adoptSheets, parseStore, sheetState, type AddinStore } from './settings.ts';
import { columnLetter, parseAddress, toneAreas, type RowNote, type RowRun, type Tone } from './highlights.ts';

/** Fluent-like light fills: error light red, warning light yellow. */
export const FILL: Record<Tone, string> = { error: '#FDE7E9', warning: '#FFF4CE' };

/** Excel on the web rejects requests/responses over 5 MB; we stay well under. */
export const WEB_PAYLOAD_LIMIT = 4_000_000;
/** On the web, queued highlight operations are flushed every this many so a request stays under the limit. */
export const WEB_OPS_PER_SYNC = 2000;
/** The first row block on the web is a small probe; later blocks are sized from its measured bytes. */
export const PROBE_ROWS = 200;
/** Pessimistic size of one cell's value + display text, so the probe of a wide sheet stays small too. */
export const PROBE_BYTES_PER_CELL = 1024;

/** Error codes of a request or response over Excel on the web's payload limit. */
const PAYLOAD_ERRORS = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded', 'PayloadTooLarge', 'RangeExceedsLimit']);

/** A RichApi.Error saying the request or response was too big. */
export function isPayloadError(e: unknown): boolean {
  return errorCodes(e).some((c) => PAYLOAD_ERRORS.has(c));
}

/**
 * An error that may mean "too big" on a read of several rows: a payload code, or GeneralException
 * ("An internal error has occurred"), which Excel on the web may give for an oversized response.
 */
export function maybePayloadError(e: unknown): boolean {
  return isPayloadError(e) || errorCodes(e).includes('GeneralException');
}

/** What went wrong, for a specific message (the host's own text is never shown). */
export type HostErrorKind = 'access-denied' | 'not-found' | 'too-big' | 'busy' | 'edit-mode' | 'other';

export function hostErrorKind(e: unknown): HostErrorKind {
  const codes = errorCodes(e);
  if (codes.includes('AccessDenied')) return 'access-denied';
  if (codes.includes('ItemNotFound')) return 'not-found';
  if (isPayloadError(e)) return 'too-big';
  if (codes.includes('InvalidOperationInCellEditMode')) return 'edit-mode';
  if (codes.some((c) => ['ActivityLimitReached', 'RequestAborted', 'Conflict', 'ServiceNotAvailable', 'Timeout'].includes(c))) return 'busy';
  return 'other';
}

function errorCodes(e: unknown): string[] {
  if (!e || typeof e !== 'object') return [];
  const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
  return [o.code, o.debugInfo?.code].filter((c): c is string => typeof c === 'string');
}

/** UTF-8 bytes of a value as JSON (how the response carries it). */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // surrogate pair
      i++;
    } else n += 3;
  }
  return n;
}

export type Bounds = { row: number; col: number; lastRow: number; lastCol: number };

export interface SheetRead {
  id: string;
  name: string;
  grid: SheetGrid;
  /** the used range, undefined when the sheet is empty */
  bounds?: Bounds;
  /** the conditional formats on the sheet that carry our marker (valid only in the request context of the read) */
  ourFormats: Excel.ConditionalFormat[];
  /** the sheet is protected: formats cannot be added (ExcelApi 1.2 WorksheetProtection) */
  protected?: boolean;
  /** addresses of notes of ours still present */
  ourNotes: string[];
}

export interface WorkbookRead {
  sheets: SheetRead[];
  store: AddinStore;
  activeId: string;
  activeName: string;
}

export interface IoOptions {
  /** bytes per request; set it on Excel on the web to read big sheets in row blocks */
  payloadLimit?: number;
  /** ExcelApi 1.18 notes are available: our earlier notes are found and removed */
  notes?: boolean;
  /** write a note on each affected row (needs `notes`) */
  writeNotes?: boolean;
  /** ExcelApi 1.9: one conditional format per colour over a multi-area range (else one per run of rows) */
  multiArea?: boolean;
  /**
   * Ask Excel whether the workbook uses the 1904 date system (Workbook.use1904DateSystem, a preview
   * API in no released ExcelApi set yet). Only when the loaded Office.js defines it; see supports1904.
   */
  date1904?: boolean;
}

/** Workbook.use1904DateSystem is not in @types/office-js (preview only). */
type Workbook1904 = { use1904DateSystem: boolean; load(props: string): unknown };

/** The loaded Office.js defines Workbook.use1904DateSystem (the host may still refuse it: retry without). */
export function supports1904(excel: unknown): boolean {
  const proto = (excel as { Workbook?: { prototype?: object } } | undefined)?.Workbook?.prototype;
  return !!proto && 'use1904DateSystem' in proto;
}

type Ctx = Excel.RequestContext;

interface PendingFormats {
  sheet: Excel.Worksheet;
  formats: Excel.ConditionalFormatCollection;
  notes: { address: string; note: Excel.Note }[];
}

interface Pending extends PendingFormats {
  used: Excel.Range;
}

/** The used range (values and text, or only its size on the web) plus our formats and notes. */
function queueSheet(sheet: Excel.Worksheet, store: AddinStore, sheetId: string | undefined, opts: IoOptions): Pending {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(opts.payloadLimit ? 'address,rowCount,columnCount' : 'address,values,text');
  return { ...queueFormats(sheet, store, sheetId, opts), used };
}

/** Conditional formats and our notes of a sheet; no cell is loaded. */
function queueFormats(sheet: Excel.Worksheet, store: AddinStore, sheetId: string | undefined, opts: IoOptions): PendingFormats {
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/type,items/customOrNullObject/rule/formula');
  const notes: Pending['notes'] = [];
  if (opts.notes && sheetId) {
    for (const address of store.sheets[sheetId]?.notes ?? []) {
      const note = sheet.notes.getItemOrNullObject(address);
      note.load('content');
      notes.push({ address, note });
    }
  }
  return { sheet, formats, notes };
}

/** Our formats: a custom rule whose formula carries the marker. Nothing else (a stored id proves nothing). */
function ourFormats(formats: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return formats.items.filter((cf) => {
    const custom = cf.type === 'Custom' ? cf.customOrNullObject : undefined;
    return !!custom && !custom.isNullObject && String(custom.rule.formula ?? '').includes(CF_MARKER);
  });
}

const asCells = (values: unknown[][]): CellValue[][] => values as CellValue[][];

/**
 * Values and text of the used range. On the web, big ranges come in row blocks: the first is a small probe
 * (PROBE_ROWS), each next one sized from the measured bytes per row of the last. A block refused as too big
 * (payload error, or GeneralException on more than one row) is halved and asked again, down to one row,
 * whose failure is passed on; after a refusal, blocks never grow past the last size that succeeded.
 */
async function readCells(ctx: Ctx, p: Pending, opts: IoOptions): Promise<{ bounds?: Bounds; cells: CellValue[][]; text: string[][] }> {
  if (p.used.isNullObject) return { cells: [], text: [] };
  const bounds = parseAddress(p.used.address);
  if (!bounds) return { cells: [], text: [] };
  const limit = opts.payloadLimit;
  if (!limit) return { bounds, cells: asCells(p.used.values), text: p.used.text };
  const cols = p.used.columnCount;
  let rows = Math.max(1, Math.min(PROBE_ROWS, Math.floor(limit / (Math.max(1, cols) * PROBE_BYTES_PER_CELL))));
  // after a refusal: the size of the next block that succeeds caps every later block
  let refused = false;
  let cap = Infinity;
  const cells: CellValue[][] = [];
  const text: string[][] = [];
  const first = columnLetter(bounds.col);
  const last = columnLetter(bounds.lastCol);
  let top = bounds.row;
  while (top <= bounds.lastRow) {
    const bottom = Math.min(bounds.lastRow, top + rows - 1);
    const block = p.sheet.getRange(`${first}${top}:${last}${bottom}`);
    block.load('values,text');
    const asked = bottom - top + 1;
    try {
      await ctx.sync();
    } catch (e) {
      if (asked <= 1 || !maybePayloadError(e)) throw e;
      refused = true;
      rows = Math.max(1, Math.floor(asked / 2));
      continue;
    }
    for (const row of block.values) cells.push(row as CellValue[]);
    for (const row of block.text) text.push(row);
    if (refused) {
      cap = asked;
      refused = false;
    }
    const perRow = Math.max(1, (jsonBytes(block.values) + jsonBytes(block.text)) / asked);
    rows = Math.max(1, Math.min(Math.floor(limit / perRow), cap));
    top = bottom + 1;
  }
  return { bounds, cells, text };
}

/** Read our settings and the active sheet (1 sync) or every sheet (2 syncs); blocks add syncs on the web only. */
export async function readWorkbook(ctx: Ctx, scope: 'active' | 'all', opts: IoOptions = {}): Promise<WorkbookRead> {
  const setting = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  const active = ctx.workbook.worksheets.getActiveWorksheet();
  active.load('id,name,protection/protected');
  // every sheet's id and name (hidden ones too), to match stored entries to sheets
  const all = ctx.workbook.worksheets;
  all.load(scope === 'all' ? 'items/id,items/name,items/visibility,items/protection/protected' : 'items/id,items/name,items/visibility');
  const workbook = ctx.workbook as unknown as Workbook1904;
  if (opts.date1904) workbook.load('use1904DateSystem');
  let targets: { sheet: Excel.Worksheet; pending?: Pending }[];
  if (scope === 'active') {
    targets = [{ sheet: active }];
    // store not known yet: note probes need it, so with notes on they go in the cell sync below
    targets[0]!.pending = queueSheet(active, parseStore(undefined), undefined, opts);
    await ctx.sync();
  } else {
    await ctx.sync();
    targets = all.items.filter((s) => s.visibility === 'Visible').map((sheet) => ({ sheet }));
  }
  const store = parseStore(setting.isNullObject ? undefined : setting.value);
  const date1904 = opts.date1904 === true && workbook.use1904DateSystem === true;
  adoptSheets(store, all.items);
  if (scope === 'all') {
    for (const t of targets) t.pending = queueSheet(t.sheet, store, t.sheet.id, opts);
    await ctx.sync();
  } else if (opts.notes && store.sheets[active.id]?.notes?.length) {
    const p = targets[0]!.pending!;
    for (const address of store.sheets[active.id]!.notes!) {
      const note = active.notes.getItemOrNullObject(address);
      note.load('content');
      p.notes.push({ address, note });
    }
    await ctx.sync();
  }
  const sheets: SheetRead[] = [];
  for (const t of targets) {
    const p = t.pending!;
    const { bounds, cells, text } = await readCells(ctx, p, opts);
    const grid: SheetGrid = { name: t.sheet.name, cells, text };
    if (date1904) grid.date1904 = true;
    if (bounds) {
      grid.startRow = bounds.row;
      grid.startCol = bounds.col;
    }
    const ourNotes = p.notes
      .filter((n) => !n.note.isNullObject && n.note.content.startsWith(NOTE_PREFIX))
      .map((n) => n.address);
    const read: SheetRead = { id: t.sheet.id, name: t.sheet.name, grid, ourFormats: ourFormats(p.formats), ourNotes };
    if (bounds) read.bounds = bounds;
    if (t.sheet.protection.protected) read.protected = true;
    sheets.push(read);
  }
  return { sheets, store, activeId: active.id, activeName: active.name };
}

export interface SheetHighlight {
  sheet: SheetRead;
  runs: RowRun[];
  notes?: RowNote[];
}

export interface HighlightResult {
  store: AddinStore;
  /** protected sheets that were left alone (their findings are listed, not coloured) */
  protectedSheets: string[];
  /** conditional formats added */
  formats: number;
}

/**
 * Replace our highlights on the given sheets and save the store, in 2 syncs:
 * delete ours + add new formats (+ probe note cells), then add notes and save settings.
 * With `multiArea` each colour is one format over a multi-area range (split only where the address would be too
 * long); without it, one format per run of rows. Protected sheets are skipped (reported in the result).
 */
export async function applyHighlights(ctx: Ctx, plans: SheetHighlight[], store: AddinStore, opts: IoOptions = {}): Promise<HighlightResult> {
  const added: { id: string; name: string; probes: { address: string; text: string; note: Excel.Note }[] }[] = [];
  const protectedSheets: string[] = [];
  let formats = 0;
  let queued = 0;
  const flushOnWeb = async () => {
    if (opts.payloadLimit && ++queued % WEB_OPS_PER_SYNC === 0) await ctx.sync();
  };
  const addFormat = (range: Excel.Range | Excel.RangeAreas, tone: Tone) => {
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = CF_FORMULA;
    cf.custom.format.fill.color = FILL[tone];
    formats += 1;
  };
  for (const plan of plans) {
    const { sheet: read } = plan;
    if (read.protected) {
      protectedSheets.push(read.name);
      continue;
    }
    const sheet = ctx.workbook.worksheets.getItem(read.name);
    for (const cf of read.ourFormats) {
      cf.delete();
      await flushOnWeb();
    }
    const entry: (typeof added)[number] = { id: read.id, name: read.name, probes: [] };
    for (const address of read.ourNotes) sheet.notes.getItem(address).delete();
    const bounds = read.bounds;
    if (bounds) {
      const first = columnLetter(bounds.col);
      const last = columnLetter(bounds.lastCol);
      if (opts.multiArea) {
        for (const area of toneAreas(plan.runs, first, last)) addFormat(sheet.getRanges(area.address), area.tone);
      } else {
        for (const run of plan.runs) {
          addFormat(sheet.getRange(`${first}${run.from}:${last}${run.to}`), run.tone);
          await flushOnWeb();
        }
      }
      if (opts.notes && opts.writeNotes) {
        for (const n of plan.notes ?? []) {
          const address = `${first}${n.row}`;
          const note = sheet.notes.getItemOrNullObject(address);
          note.load('content');
          entry.probes.push({ address, text: NOTE_PREFIX + n.text, note });
        }
      }
    }
    added.push(entry);
  }
  await ctx.sync();
  for (const entry of added) {
    const state = sheetState(store, entry.id, entry.name);
    const notes: string[] = [];
    if (opts.notes) {
      const sheet = ctx.workbook.worksheets.getItem(entry.name);
      for (const probe of entry.probes) {
        if (!probe.note.isNullObject) continue; // the user's own note: leave it alone
        sheet.notes.add(probe.address, probe.text);
        notes.push(probe.address);
      }
    }
    if (notes.length) state.notes = notes;
    else if (opts.notes) delete state.notes; // without the notes API, keep the record of notes made elsewhere
  }
  ctx.workbook.settings.add(SETTINGS_KEY, JSON.stringify(store));
  await ctx.sync();
  return { store, protectedSheets, formats };
}

/** Remove only what we created (formats with our marker, notes with our prefix), on the active sheet or all sheets. 3 syncs. */
export async function clearHighlights(ctx: Ctx, scope: 'active' | 'all', opts: IoOptions = {}): Promise<{ formats: number; notes: number }> {
  const setting = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  const all = ctx.workbook.worksheets;
  all.load('items/id,items/name');
  const active = all.getActiveWorksheet();
  active.load('id');
  await ctx.sync();
  const store = parseStore(setting.isNullObject ? undefined : setting.value);
  const sheets = scope === 'all' ? all.items : all.items.filter((s) => s.id === active.id);
  adoptSheets(store, all.items);
  // formats and notes only: clearing never loads cell values or text
  const pending = sheets.map((sheet) => ({ sheet, p: queueFormats(sheet, store, sheet.id, { notes: opts.notes }) }));
  await ctx.sync();
  let formats = 0;
  let notes = 0;
  for (const { sheet, p } of pending) {
    const state = store.sheets[sheet.id];
    const ours = ourFormats(p.formats);
    for (const cf of ours) cf.delete();
    formats += ours.length;
    for (const n of p.notes) {
      if (n.note.isNullObject || !n.note.content.startsWith(NOTE_PREFIX)) continue;
      n.note.delete();
      notes += 1;
    }
    if (state) delete state.notes;
  }
  ctx.workbook.settings.add(SETTINGS_KEY, JSON.stringify(store));
  await ctx.sync();
  return { formats, notes };
}

export async function loadStore(ctx: Ctx): Promise<AddinStore> {
  const setting = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  await ctx.sync();
  return parseStore(setting.isNullObject ? undefined : setting.value);
}

/** Save the store (mapping, prefs, reviewed findings) in 1 sync. */
export async function saveStore(ctx: Ctx, store: AddinStore): Promise<void> {
  ctx.workbook.settings.add(SETTINGS_KEY, JSON.stringify(store));
  await ctx.sync();
}

/** "5:5,7:9" style address of whole rows. */
export function rowsAddress(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i]!;
    const next = sorted[i + 1];
    if (next !== row + 1) {
      parts.push(`${start}:${row}`);
      start = next;
    }
  }
  return parts.join(',');
}

/** Activate the sheet and select the rows (all areas with ExcelApi 1.9, else the first run). 1 sync. */
export async function selectRows(ctx: Ctx, sheetName: string, rows: readonly number[], multiArea: boolean): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  const address = rowsAddress(rows);
  if (address) {
    if (multiArea && address.includes(',')) sheet.getRanges(address).select();
    else sheet.getRange(address.split(',')[0]).select();
  }
  await ctx.sync();
}

/** Activate the sheet and select cells ("C5"); several cells need ExcelApi 1.9, else the first. 1 sync. */
export async function selectCells(ctx: Ctx, sheetName: string, cells: readonly string[], multiArea: boolean): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  const unique = [...new Set(cells)];
  if (unique.length > 1 && multiArea) sheet.getRanges(unique.join(',')).select();
  else if (unique[0]) sheet.getRange(unique[0]).select();
  await ctx.sync();
}

export type ChangeHandler = (sheetName: string) => void;

/**
 * Call `handler` after a user edits one of the sheets. Changes made by this add-in (ExcelApi 1.14
 * triggerSource) are ignored; the caller debounces. Returns a function that removes the handlers.
 */
export async function watchSheets(sheetNames: readonly string[], handler: ChangeHandler): Promise<() => Promise<void>> {
  const results: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  await Excel.run(async (ctx) => {
    for (const name of sheetNames) {
      const sheet = ctx.workbook.worksheets.getItem(name);
      results.push(
        sheet.onChanged.add(async (event) => {
          if (event.triggerSource === 'ThisLocalAddin') return;
          handler(name);
        }),
      );
    }
    await ctx.sync();
  });
  return async () => {
    for (const r of results) {
      await Excel.run(r.context, async (ctx) => {
        r.remove();
        await ctx.sync();
      });
    }
  };
}

/**
 * Run a batch. `mergeUndo` (ExcelApi 1.20, feature-detected by the caller): the batch's writes become one
 * undo step (Ctrl+Z undoes the whole check, clear or save at once). If Excel says a call in it cannot be
 * grouped (UndoNotSupported), the batch runs again ungrouped: it is idempotent (ours are replaced).
 */
export async function runExcel<T>(fn: (ctx: Ctx) => Promise<T>, opts: { mergeUndo?: boolean } = {}): Promise<T> {
  if (!opts.mergeUndo) return Excel.run(fn);
  try {
    return await Excel.run({ mergeUndoGroup: true }, fn);
  } catch (e) {
    if (!errorCodes(e).includes('UndoNotSupported')) throw e;
    return Excel.run(fn);
  }
}
