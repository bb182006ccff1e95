// importGrid: one sheet of cells → canonical DayRecords with provenance and located input findings.
import type { CanonicalField, DayRecord } from '../model/record.ts';
import { CANONICAL_FIELDS } from '../model/record.ts';
import type { Layout } from '../model/report.ts';
import { normalizeUserName } from '../normalize/text.ts';
import { GridView } from './grid.ts';
import { importMatrix } from './layouts/matrix.ts';
import { importRows } from './layouts/rows.ts';
import { buildPlan, findHeader, type ColumnPlan } from './plan.ts';
import { readTitle, type TitleInfo } from './title.ts';
import type { CellValue, ImportedSheet, ImportOptions, SheetGrid } from './types.ts';
import { textValue, ValueReader } from './values.ts';

export type { ImportedSheet, ImportOptions, SheetGrid, CellValue } from './types.ts';
export { classifyHeader, FIELD_SYNONYMS } from './headers.ts';

/** Imports one sheet. Never throws: bad cells become `inputFindings`, an unusable sheet gets `problem`. */
export function importGrid(grid: SheetGrid, opts: ImportOptions = {}): ImportedSheet {
  let view: GridView;
  try {
    view = new GridView(grid);
  } catch {
    view = new GridView({ name: String(grid?.name ?? ''), cells: [] });
  }
  try {
    return importView(view, opts ?? {}, grid?.unreadable);
  } catch (e) {
    // Defensive: a bug must not stop the other sheets. Report it as an unreadable sheet.
    return emptyResult(view, 'no-header', {
      ja: `「${view.name}」シートを読み込めませんでした（内部エラー: ${e instanceof Error ? e.message : String(e)}）。`,
      en: `Sheet "${view.name}" could not be imported (internal error: ${e instanceof Error ? e.message : String(e)}).`,
    });
  }
}

function importView(view: GridView, opts: ImportOptions, unreadable?: { ja: string; en: string }): ImportedSheet {
  if (unreadable) return emptyResult(view, 'unreadable', unreadable);
  if (isEmpty(view)) {
    return emptyResult(view, 'empty', { ja: `「${view.name}」シートは空です。`, en: `Sheet "${view.name}" is empty.` });
  }
  const header = findHeader(view, opts);
  if (!header) {
    return emptyResult(view, 'no-header', {
      ja: `「${view.name}」シートに見出し行が見つかりません。上から20行以内に「日付」「利用者名」「利用形態」などの見出しを置くか、列の対応を指定してください。`,
      en: `Sheet "${view.name}": no header row found. Put headers such as 日付, 利用者名, 利用形態 within the top 20 rows, or set the column mapping.`,
    });
  }
  const plan = buildPlan(view, header, opts);
  // Without a header, the row just above the records may be the title itself.
  const title = readTitle(view, header.headerless ? header.lastRow + 1 : header.row);
  dropClearedTitleValues(title, plan);
  const isMatrix = opts.layout === 'matrix' || (opts.layout === undefined && plan.dayCols.length >= 7 && plan.byField.date === undefined);
  let firstDataRow = header.lastRow + 1;
  // Without a month in the title, dates written in full elsewhere give it (day numbers then complete).
  if (!title.month && isMatrix) {
    const m = singleMonth(plan.dayCols.map((d) => d.iso));
    if (m) title.month = m;
  }
  let reader = new ValueReader({ ...(title.month ?? {}), date1904: view.date1904 });
  if (!title.month && !isMatrix && plan.byField.date !== undefined) {
    const m = monthOfDateColumn(view, plan.byField.date, Math.max(firstDataRow, header.row + 1), reader);
    if (m) {
      title.month = m;
      reader = new ValueReader({ ...m, date1904: view.date1904 });
    }
  }

  if (isMatrix) {
    if (plan.dayCols.length === 0) {
      return emptyResult(view, 'no-header', {
        ja: `「${view.name}」シートに日付（1〜31）の列が見つかりません。`,
        en: `Sheet "${view.name}": no day columns (1–31) found for the matrix layout.`,
      });
    }
    const fields: CanonicalField[] = [];
    const res = importMatrix({ view, plan, title, reader, firstDataRow, fields, headerRow: header.row });
    const present = new Set<CanonicalField>(['date', 'user', 'mode']);
    addPlanFields(present, plan);
    present.delete('weeklyEval');
    present.delete('monthlyEval');
    if (plan.byField.weeklyEval !== undefined || res.sawVisit) present.add('weeklyEval');
    if (plan.byField.monthlyEval !== undefined) present.add('monthlyEval');
    fillFields(fields, present);
    const columns = summaryColumns(view, plan);
    delete columns.date;
    delete columns.mode;
    if (res.userCol !== undefined) columns.user = view.letter(res.userCol);
    const out = result(view, 'matrix', header.row, columns, plan, res.records, fields);
    out.columnFields = columnFieldsOf(view, plan, true, res.userCol);
    return out;
  }

  // Row layouts need a date column.
  if (plan.byField.date === undefined) {
    return emptyResult(view, 'no-header', {
      ja: `「${view.name}」シートに日付の列が見つかりません。見出しを「日付」にするか、列の対応で日付の列を指定してください。`,
      en: `Sheet "${view.name}": no date column found. Name the header 日付 or map the date column.`,
    }, header.row);
  }
  const sheetUser = plan.byField.user === undefined ? titleUser(title, view) : undefined;
  const hasMode = plan.modeCols.length > 0;
  const remarkMode = opts.layout === 'remark-mode' || (opts.layout === undefined && !hasMode && !plan.cleared.has('mode') && plan.byField.remark !== undefined);
  const layout: Layout = remarkMode ? 'remark-mode' : opts.layout === 'rows' || opts.layout === 'per-user-sheet' ? opts.layout : plan.byField.user === undefined ? 'per-user-sheet' : 'rows';

  const present = new Set<CanonicalField>(['date', 'user']);
  addPlanFields(present, plan);
  addTitleFields(present, title);
  if (remarkMode) present.add('mode');
  const fields: CanonicalField[] = [];
  fillFields(fields, present);
  const columns = summaryColumns(view, plan);
  if (firstDataRow < header.row + 1) firstDataRow = header.row + 1;
  const records = importRows({ view, plan, title, reader, firstDataRow, remarkMode, fields, columns, ...(sheetUser ? { sheetUser } : {}) });
  const out = result(view, layout, header.row, columns, plan, records, fields);
  out.columnFields = columnFieldsOf(view, plan, false);
  return out;
}

type YearMonth = { year: number; month: number };

/** The one year-month all the ISO dates share; undefined when there are none or several. */
function singleMonth(isos: Iterable<string | undefined>): YearMonth | undefined {
  let ym: string | undefined;
  for (const iso of isos) {
    if (iso === undefined) continue;
    const k = iso.slice(0, 7);
    if (ym === undefined) ym = k;
    else if (ym !== k) return undefined;
  }
  return ym === undefined ? undefined : { year: Number(ym.slice(0, 4)), month: Number(ym.slice(5, 7)) };
}

/** The month of a date column whose full dates all fall in one month, when some cells need it (day numbers). */
function monthOfDateColumn(view: GridView, col: number, firstRow: number, reader: ValueReader): YearMonth | undefined {
  let partial = false;
  for (let r = firstRow; r < view.rowCount && !partial; r++) partial = mayNeedMonth(view.get(r, col));
  if (!partial) return undefined;
  const isos: string[] = [];
  for (let r = firstRow; r < view.rowCount; r++) {
    const v = view.get(r, col);
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    const d = reader.date(v);
    if (d.ok) isos.push(d.date);
  }
  return singleMonth(isos);
}

/** A day number or month/day without a year: 5, `5日`, `10/5` (cheap test, no parsing). */
function mayNeedMonth(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 31;
  if (typeof v !== 'string' || v.length > 16) return false;
  return /\d/.test(v) && !/[0-9０-９]{4}|令和|平成|[RrHhＲＨ]\s*[0-9０-９]/.test(v);
}

/** An un-mapped field takes no value from the title cells either (the user name still does: every row needs one). */
function dropClearedTitleValues(title: TitleInfo, plan: ColumnPlan): void {
  for (const field of plan.cleared) {
    if (field === 'user') continue;
    delete title.values[field];
    if (field === 'certFrom' || field === 'certTo') delete title.values.certRange;
  }
}

/** Column letter → the field it feeds, for every column that feeds one (each contacts column, each day column of a matrix as `date`). */
function columnFieldsOf(view: GridView, plan: ColumnPlan, matrix: boolean, userCol?: number): Record<string, CanonicalField> {
  const byCol = new Map<number, CanonicalField>();
  const put = (c: number | undefined, f: CanonicalField) => {
    if (c !== undefined && !byCol.has(c)) byCol.set(c, f);
  };
  for (const [f, c] of Object.entries(plan.byField) as [CanonicalField, number][]) {
    if (!(matrix && f === 'mode')) put(c, f);
  }
  if (!matrix) for (const m of plan.modeCols) put(m.c, 'mode');
  for (const c of plan.contactCols) put(c, 'contacts');
  put(plan.timeRangeCol, 'start');
  put(plan.certRangeCol, 'certFrom');
  if (matrix) {
    put(userCol, 'user');
    for (const d of plan.dayCols) put(d.c, 'date');
  }
  const out: Record<string, CanonicalField> = {};
  for (const c of [...byCol.keys()].sort((a, b) => a - b)) out[view.letter(c)] = byCol.get(c)!;
  return out;
}

function isEmpty(view: GridView): boolean {
  for (let r = 0; r < view.rowCount; r++) if (!view.isBlankRow(r)) return false;
  return true;
}

function titleUser(title: TitleInfo, view: GridView): string | undefined {
  const tv = title.values.user;
  if (tv) {
    const t = typeof tv.value === 'string' ? normalizeUserName(tv.value) : textValue(tv.value);
    if (t) return t.replace(/\s*(?:様|さん|殿)$/, '');
  }
  const name = normalizeUserName(view.name);
  return name === '' ? undefined : name;
}

function addPlanFields(present: Set<CanonicalField>, plan: ColumnPlan): void {
  for (const f of Object.keys(plan.byField) as CanonicalField[]) present.add(f);
  if (plan.modeCols.length > 0) present.add('mode');
  if (plan.contactCols.length > 0) present.add('contacts');
  if (plan.timeRangeCol !== undefined) {
    present.add('start');
    present.add('end');
  }
  if (plan.certRangeCol !== undefined || plan.byField.certFrom !== undefined) {
    present.add('certFrom');
    present.add('certTo');
  }
}

function addTitleFields(present: Set<CanonicalField>, title: TitleInfo): void {
  for (const k of Object.keys(title.values)) {
    if (k === 'certRange') {
      present.add('certFrom');
      present.add('certTo');
    } else present.add(k as CanonicalField);
  }
}

function fillFields(out: CanonicalField[], present: Set<CanonicalField>): void {
  for (const f of CANONICAL_FIELDS) if (present.has(f)) out.push(f);
}

function summaryColumns(view: GridView, plan: ColumnPlan): Partial<Record<CanonicalField, string>> {
  const out: Partial<Record<CanonicalField, string>> = {};
  for (const [f, c] of Object.entries(plan.byField) as [CanonicalField, number][]) out[f] = view.letter(c);
  if (plan.contactCols.length > 0) out.contacts = view.letter(plan.contactCols[0]!);
  if (plan.timeRangeCol !== undefined) {
    out.start ??= view.letter(plan.timeRangeCol);
    out.end ??= view.letter(plan.timeRangeCol);
  }
  if (plan.certRangeCol !== undefined) {
    out.certFrom ??= view.letter(plan.certRangeCol);
    out.certTo ??= view.letter(plan.certRangeCol);
  }
  return out;
}

function result(view: GridView, layout: Layout, headerIdx: number, columns: Partial<Record<CanonicalField, string>>, plan: ColumnPlan, records: DayRecord[], fields: CanonicalField[]): ImportedSheet {
  const out: ImportedSheet = {
    name: view.name,
    layout,
    headerRow: view.rowNumber(headerIdx),
    columns,
    unmappedHeaders: plan.unmapped,
    records: records.length,
    recordList: records,
    inputFindings: view.findings,
    fields,
  };
  if (view.file !== undefined) out.file = view.file;
  return out;
}

function emptyResult(view: GridView, code: 'empty' | 'no-header' | 'unreadable', message: { ja: string; en: string }, headerIdx?: number): ImportedSheet {
  const out: ImportedSheet = {
    name: view.name,
    columns: {},
    unmappedHeaders: [],
    records: 0,
    recordList: [],
    inputFindings: view.findings,
    fields: [],
    problem: { code, message },
  };
  if (headerIdx !== undefined) out.headerRow = view.rowNumber(headerIdx);
  if (view.file !== undefined) out.file = view.file;
  return out;
}

