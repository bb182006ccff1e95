// Header detection and the column plan (which column feeds which field).
import type { CanonicalField, Mode } from '../model/record.ts';
import { columnNumber, normalizeHeader, normalizeText } from '../normalize/text.ts';
import { classifyHeader, dayHeader, type HeaderRole } from './headers.ts';
import { GridView, isBlank } from './grid.ts';
import type { CellValue, ImportOptions, SheetGrid } from './types.ts';
import { ValueReader } from './values.ts';

export interface ModeColumn {
  c: number;
  implied?: Mode;
}

export interface DayColumn {
  c: number;
  day: number;
  iso?: string;
}

export interface ColumnPlan {
  /** first column of each single-column field */
  byField: Partial<Record<CanonicalField, number>>;
  modeCols: ModeColumn[];
  contactCols: number[];
  timeRangeCol?: number;
  certRangeCol?: number;
  dayCols: DayColumn[];
  /** header texts of columns not mapped */
  unmapped: string[];
  /** columns that are part of the header's known roles (incl. ignored ones like 曜日) */
  known: Set<number>;
  /** fields the caller un-mapped (`''` in ImportOptions.mapping): no column, no title value */
  cleared: Set<CanonicalField>;
}

/** Fields that take several columns; their forced mapping may list them: `contacts: 'F,G'`. */
const MULTI_COLUMN = new Set<CanonicalField>(['contacts', 'mode']);
const LIST_SEPARATOR = /[,，、]/;

const SCAN_ROWS = 20;

export interface HeaderChoice {
  row: number;
  /** last header row (a second header row directly under the first) */
  lastRow: number;
  fieldCount: number;
  dayCount: number;
  /** the day headers are Excel date serials (Office.js) */
  serialDays?: boolean;
  /**
   * No header row: the forced mapping gives the date column as a letter. Only the forced columns are
   * read (column letters; header texts cannot be found). `row` is -1 or the row just above the data.
   */
  headerless?: boolean;
}

interface RowScore {
  fields: number;
  days: number;
  forced: number;
  serialDays: boolean;
}

/** Date serials count as day headers only as a run: ≥7 of them within about two months. */
const SERIAL_RUN_MIN = 7;
const SERIAL_RUN_SPAN = 62;

function scoreRow(view: GridView, r: number, forcedKeys: Set<string>): RowScore {
  const row = view.row(r);
  const seen = new Set<string>();
  const days = new Set<number>();
  let forced = 0;
  const serials: number[] = [];
  const serialDays = new Set<number>();
  const serialOpt = { date1904: view.date1904 };
  for (let c = 0; c < row.length && c < 400; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    if (forcedKeys.size > 0 && typeof v === 'string' && forcedKeys.has(normalizeHeader(v))) forced++;
    const d = dayHeader(v, serialOpt);
    if (d) {
      if (typeof v === 'number' && d.iso) {
        serials.push(v);
        serialDays.add(d.day);
      } else days.add(d.day);
      continue;
    }
    const role = classifyHeader(v);
    if (!role || role.kind === 'ignore') continue;
    seen.add(role.kind === 'field' ? role.field : role.kind);
  }
  const serialRun = serials.length >= SERIAL_RUN_MIN && Math.max(...serials) - Math.min(...serials) <= SERIAL_RUN_SPAN;
  if (serialRun) for (const d of serialDays) days.add(d);
  return { fields: seen.size, days: days.size, forced, serialDays: serialRun };
}

/**
 * Picks the header row among the top rows: most distinct known fields (or day columns for a matrix).
 * When none is found (or the best row's cell in the mapped date column is itself a date) and the forced
 * mapping gives the date column as a letter, the sheet is read without a header: see headerlessChoice.
 */
export function findHeader(view: GridView, opts: ImportOptions): HeaderChoice | undefined {
  const forcedKeys = new Set<string>();
  for (const v of Object.values(opts.mapping ?? {})) {
    if (typeof v !== 'string') continue;
    for (const ref of [v, ...v.split(LIST_SEPARATOR)]) {
      const key = normalizeHeader(ref);
      if (key !== '' && !isColumnRef(ref)) forcedKeys.add(key);
    }
  }
  if (opts.headerRow !== undefined) {
    const r = opts.headerRow - view.startRow;
    if (!Number.isInteger(r) || r < 0 || r >= view.rowCount) return undefined;
    const s = scoreRow(view, r, forcedKeys);
    return { row: r, lastRow: r, fieldCount: s.fields + s.forced, dayCount: s.days, ...(s.serialDays ? { serialDays: true } : {}) };
  }
  let best: HeaderChoice | undefined;
  let bestScore = 0;
  const last = Math.min(view.rowCount, SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const s = scoreRow(view, r, forcedKeys);
    const matrixScore = s.days >= 7 ? s.days / 4 + s.fields : 0;
    const score = Math.max(s.fields + s.forced * 2, matrixScore);
    if (score > bestScore) {
      bestScore = score;
      best = { row: r, lastRow: r, fieldCount: s.fields + s.forced, dayCount: s.days, ...(s.serialDays ? { serialDays: true } : {}) };
    }
  }
  const dateCol = letterDateColumn(view, opts);
  if (!best || (best.dayCount < 7 && best.fieldCount < 2)) return dateCol === undefined ? undefined : headerlessChoice(view, dateCol, opts);
  // a "header" whose mapped date cell is a full date is a data row
  if (dateCol !== undefined && fullDate(view.get(best.row, dateCol), new ValueReader({ date1904: view.date1904 }))) return headerlessChoice(view, dateCol, opts);
  return best;
}

/** The 0-based column of a forced date mapping given as a column letter inside the grid. */
function letterDateColumn(view: GridView, opts: ImportOptions): number | undefined {
  const ref = opts.mapping?.date;
  if (typeof ref !== 'string' || !isColumnRef(ref)) return undefined;
  const c = view.indexOfLetter(columnNumber(ref));
  return c < 0 ? undefined : c;
}

/**
 * A sheet without a header row: the data starts at the first row whose cell in the mapped date column
 * reads as a date (a day number or month/day counts: the month may come from the title), that has
 * another mapped cell filled in and that is not a title row (「2026 年 10 月分」 in cells); else at the
 * first row of the sheet. Rows above it are the title.
 */
function headerlessChoice(view: GridView, dateCol: number, opts: ImportOptions): HeaderChoice {
  const reader = new ValueReader({ date1904: view.date1904 });
  const others = otherMappedColumns(view, opts, dateCol);
  let first = 0;
  for (let r = 0; r < view.rowCount; r++) {
    if (!dateLike(view.get(r, dateCol), reader)) continue;
    if (others.length > 0 && others.every((c) => isBlank(view.get(r, c)))) continue;
    if (titleLike(view.row(r), dateCol)) continue;
    first = r;
    break;
  }
  const letters = Object.values(opts.mapping ?? {}).filter((v) => typeof v === 'string' && isColumnRef(v)).length;
  return { row: first - 1, lastRow: first - 1, fieldCount: letters, dayCount: 0, headerless: true };
}

/** Columns the forced mapping gives as letters ('D', 'F,G'), other than the date column. */
function otherMappedColumns(view: GridView, opts: ImportOptions, dateCol: number): number[] {
  const cols = new Set<number>();
  for (const [field, ref] of Object.entries(opts.mapping ?? {})) {
    if (field === 'date' || typeof ref !== 'string') continue;
    for (const part of ref.split(LIST_SEPARATOR)) {
      if (!isColumnRef(part)) continue;
      const c = view.indexOfLetter(columnNumber(part.trim()));
      if (c >= 0 && c !== dateCol) cols.add(c);
    }
  }
  return [...cols];
}

const DAY_LIKE = /^(?:\d{1,2}\s*[/.月-]\s*)?\d{1,2}\s*日?(?:\s*[(][^)]{1,3}[)])?$/;
/** Title pieces split over cells: 年, 月分, 年度, 令和, 「月分 在宅記録」. */
const TITLE_PIECE = /^(?:令和|平成|年度?|月[分度]?|年\s*\d{1,2}\s*月[分度]?.*|\d{0,2}\s*月[分度].*)$/;
/** Excel serials read as dates only from 2000-01-01 to 2100-12-31 (2026 in a title is a year). */
const SERIAL_FROM = '2000-01-01';
const SERIAL_TO = '2100-12-31';

/** A date, or a day of the month (5, 5日, 10/5, 10月5日(月)) that needs the month from the title. */
function dateLike(v: CellValue, reader: ValueReader): boolean {
  if (isBlank(v)) return false;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 31) return true;
  if (typeof v === 'string' && v.length <= 20 && DAY_LIKE.test(normalizeText(v))) return true;
  return fullDate(v, reader);
}

/** A full date; a number only as a serial in a plausible range. */
function fullDate(v: CellValue, reader: ValueReader): boolean {
  const r = reader.date(v);
  if (!r.ok) return false;
  return typeof v !== 'number' || (r.date >= SERIAL_FROM && r.date <= SERIAL_TO);
}

/** A row that holds a title split over cells: [2026, '年', 10, '月分']. */
function titleLike(row: readonly CellValue[], dateCol: number): boolean {
  return row.some((v, c) => c !== dateCol && typeof v === 'string' && TITLE_PIECE.test(normalizeText(v).trim()));
}

/**
 * 1-based row where the records of `grid` start when it is read without a header row (the forced
 * mapping gives the date column as a letter and no header row is found); undefined when it has one.
 */
export function headerlessFirstRow(grid: SheetGrid, mapping: ImportOptions['mapping']): number | undefined {
  const view = new GridView(grid);
  const choice = mapping ? findHeader(view, { mapping }) : undefined;
  return choice?.headerless ? view.rowNumber(choice.lastRow + 1) : undefined;
}

export function isColumnRef(v: string): boolean {
  return /^[A-Za-z]{1,3}$/.test(v.trim()) && columnNumber(v) > 0;
}

/** Builds the plan from the header row (and a sub-header row right under it, if any). */
export function buildPlan(view: GridView, header: HeaderChoice, opts: ImportOptions): ColumnPlan {
  const plan: ColumnPlan = { byField: {}, modeCols: [], contactCols: [], dayCols: [], unmapped: [], known: new Set(), cleared: new Set() };
  const roles: (HeaderRole | undefined)[] = [];
  const labels: string[] = [];
  // without a header row no column is recognised by its header: only forced columns are read
  const top = header.headerless ? [] : view.row(header.row);
  for (let c = 0; c < view.width; c++) {
    const v = top[c];
    labels[c] = headerLabel(v);
    const d = header.dayCount >= 7 ? dayHeader(v, header.serialDays ? { date1904: view.date1904 } : undefined) : undefined;
    if (d) {
      plan.dayCols.push({ c, day: d.day, ...(d.iso ? { iso: d.iso } : {}) });
      plan.known.add(c);
      continue;
    }
    roles[c] = classifyHeader(v);
  }
  if (!header.headerless) mergeSubHeader(view, header, roles, labels, plan);
  const contactOrder: { c: number; order: number }[] = [];
  const forced = resolveForced(view, header, labels, opts);
  const forcedCols = new Set(Object.values(forced.cols).flat());
  const unmappedCols: number[] = [];
  for (let c = 0; c < view.width; c++) {
    if (plan.dayCols.some((d) => d.c === c)) continue;
    const role = roles[c];
    if (forcedCols.has(c)) {
      plan.known.add(c);
      continue;
    }
    if (!role) {
      if (labels[c] !== '') unmappedCols.push(c);
      continue;
    }
    plan.known.add(c);
    switch (role.kind) {
      case 'ignore':
        break;
      case 'contact':
        contactOrder.push({ c, order: role.order });
        break;
      case 'time-range':
        if (plan.timeRangeCol === undefined) plan.timeRangeCol = c;
        else unmappedCols.push(c);
        break;
      case 'cert-range':
        if (plan.certRangeCol === undefined) plan.certRangeCol = c;
        else unmappedCols.push(c);
        break;
      case 'field':
        if (role.field === 'mode') {
          plan.modeCols.push(role.impliedMode ? { c, implied: role.impliedMode } : { c });
          if (plan.byField.mode === undefined) plan.byField.mode = c;
        } else if (plan.byField[role.field] === undefined) {
          plan.byField[role.field] = c;
        } else {
          plan.known.delete(c);
          unmappedCols.push(c);
        }
        break;
    }
  }
  contactOrder.sort((a, b) => a.order - b.order || a.c - b.c);
  plan.contactCols = contactOrder.map((x) => x.c);
  const before = usedColumns(plan);
  for (const [field, cols] of Object.entries(forced.cols) as [CanonicalField, number[]][]) {
    if (field === 'mode') {
      plan.modeCols = cols.map((c) => {
        const role = roles[c];
        return role?.kind === 'field' && role.field === 'mode' && role.impliedMode ? { c, implied: role.impliedMode } : { c };
      });
      plan.byField.mode = cols[0]!;
    } else if (field === 'contacts') {
      plan.contactCols = [...cols];
    } else {
      plan.byField[field] = cols[0]!;
    }
    // A forced column stops feeding any other field.
    for (const c of cols) {
      for (const [f2, c2] of Object.entries(plan.byField) as [CanonicalField, number][]) {
        if (c2 === c && f2 !== field) delete plan.byField[f2];
      }
      if (field !== 'mode') plan.modeCols = plan.modeCols.filter((m) => m.c !== c);
      if (field !== 'contacts') plan.contactCols = plan.contactCols.filter((x) => x !== c);
      if (plan.timeRangeCol === c) delete plan.timeRangeCol;
      if (plan.certRangeCol === c) delete plan.certRangeCol;
      plan.dayCols = plan.dayCols.filter((d) => d.c !== c);
    }
  }
  for (const field of forced.cleared) clearField(plan, field);
  if (plan.modeCols.length > 0 && plan.byField.mode === undefined) plan.byField.mode = plan.modeCols[0]!.c;
  // Columns that fed a field before the forced mapping and feed none now are unmapped.
  const after = usedColumns(plan);
  for (const c of before) {
    if (after.has(c)) continue;
    plan.known.delete(c);
    if (labels[c] !== '') unmappedCols.push(c);
  }
  plan.unmapped = [...new Set(unmappedCols)].sort((a, b) => a - b).map((c) => labels[c]!);
  return plan;
}

/** Every column that feeds a field. */
export function usedColumns(plan: ColumnPlan): Set<number> {
  const used = new Set<number>(Object.values(plan.byField));
  for (const m of plan.modeCols) used.add(m.c);
  for (const c of plan.contactCols) used.add(c);
  for (const d of plan.dayCols) used.add(d.c);
  if (plan.timeRangeCol !== undefined) used.add(plan.timeRangeCol);
  if (plan.certRangeCol !== undefined) used.add(plan.certRangeCol);
  return used;
}

/** Un-maps a field: no column feeds it (a one-cell range column feeds both of its ends). */
function clearField(plan: ColumnPlan, field: CanonicalField): void {
  plan.cleared.add(field);
  delete plan.byField[field];
  if (field === 'mode') plan.modeCols = [];
  if (field === 'contacts') plan.contactCols = [];
  if (field === 'start' || field === 'end') delete plan.timeRangeCol;
  if (field === 'certFrom' || field === 'certTo') delete plan.certRangeCol;
  // Matrix day columns carry the date and the mode of each day.
  if (field === 'date' || field === 'mode') plan.dayCols = [];
}

function headerLabel(v: unknown): string {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/** A second header row (e.g. サービス提供時間 → 開始時間 | 終了時間) is merged when it holds no data. */
function mergeSubHeader(view: GridView, header: HeaderChoice, roles: (HeaderRole | undefined)[], labels: string[], plan: ColumnPlan): void {
  const r = header.row + 1;
  if (r >= view.rowCount) return;
  const sub = view.row(r);
  let dateCol = -1;
  for (let c = 0; c < roles.length; c++) {
    const role = roles[c];
    if (role && role.kind === 'field' && role.field === 'date') {
      dateCol = c;
      break;
    }
  }
  const found: [number, HeaderRole][] = [];
  const topRow = view.row(header.row);
  let group: HeaderRole | undefined;
  for (let c = 0; c < view.width; c++) {
    const top = roles[c];
    // A blank top cell right of a group header (merged cells) belongs to that group.
    if (!isBlank(topRow[c])) group = top && (top.kind === 'contact' || top.kind === 'time-range' || top.kind === 'cert-range') ? top : undefined;
    const v = sub[c];
    if (isBlank(v) || plan.dayCols.some((d) => d.c === c)) continue;
    if (top && top.kind !== 'time-range' && top.kind !== 'cert-range' && top.kind !== 'contact') continue;
    const role = classifyHeader(v);
    if (role && role.kind !== 'ignore') found.push([c, role]);
    else if (group?.kind === 'contact') found.push([c, { kind: 'contact', order: contactSubOrder(v, c) }]);
  }
  if (found.length === 0) return;
  // a vertically merged date header repeats its text in the second row
  if (dateCol >= 0 && !isBlank(sub[dateCol]) && normalizeHeader(String(sub[dateCol])) !== normalizeHeader(String(topRow[dateCol] ?? ''))) return;
  for (const [c, role] of found) {
    const parent = labels[c] ?? '';
    const own = headerLabel(sub[c]);
    labels[c] = parent && roles[c] ? `${parent} ${own}` : own;
    roles[c] = role;
  }
  header.lastRow = r;
}

interface ForcedMapping {
  /** field → forced columns (several for contacts and mode) */
  cols: Partial<Record<CanonicalField, number[]>>;
  /** fields mapped to '' (no column) */
  cleared: Set<CanonicalField>;
}

function resolveForced(view: GridView, header: HeaderChoice, labels: string[], opts: ImportOptions): ForcedMapping {
  const out: ForcedMapping = { cols: {}, cleared: new Set() };
  const find = (ref: string): number => {
    const key = normalizeHeader(ref);
    let col = key === '' ? -1 : labels.findIndex((l) => l !== '' && normalizeHeader(l) === key);
    if (col < 0 && key !== '' && header.lastRow !== header.row) {
      const sub = view.row(header.lastRow);
      col = sub.findIndex((v) => typeof v === 'string' && normalizeHeader(v) === key);
    }
    if (col < 0 && isColumnRef(ref)) col = view.indexOfLetter(columnNumber(ref));
    return col;
  };
  for (const [field, ref] of Object.entries(opts.mapping ?? {}) as [CanonicalField, string | undefined][]) {
    if (typeof ref !== 'string') continue;
    if (ref.trim() === '') {
      out.cleared.add(field);
      continue;
    }
    const whole = find(ref);
    if (whole >= 0) {
      out.cols[field] = [whole];
      continue;
    }
    const parts = MULTI_COLUMN.has(field) ? ref.split(LIST_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '') : [ref];
    const cols: number[] = [];
    for (const part of parts.length > 1 ? parts : [ref]) {
      const col = find(part);
      if (col >= 0) {
        if (!cols.includes(col)) cols.push(col);
      } else mappingFinding(view, header, part, field);
    }
    if (cols.length > 0) out.cols[field] = cols;
  }
  return out;
}

function mappingFinding(view: GridView, header: HeaderChoice, ref: string, field: CanonicalField): void {
  if (header.headerless) {
    const r = Math.min(Math.max(0, header.lastRow + 1), Math.max(0, view.rowCount - 1));
    view.addFinding({
      ruleId: 'input-mapping',
      severity: 'warning',
      outcome: 'incomplete',
      pack: 'national',
      locations: [view.location(r)],
      message: {
        ja: `「${view.name}」シート: 見出し行がないため、指定された列「${ref}」（${field}）が見つかりません。列記号（例: C）で指定してください。`,
        en: `Sheet "${view.name}": there is no header row, so the mapped column "${ref}" (${field}) cannot be found. Give it as a column letter (e.g. C).`,
      },
      source: '',
    });
    return;
  }
  view.addFinding({
    ruleId: 'input-mapping',
    severity: 'warning',
    outcome: 'incomplete',
    pack: 'national',
    locations: [view.location(header.row)],
    message: {
      ja: `「${view.name}」シート: 指定された列「${ref}」（${field}）が見出し行（${view.rowNumber(header.row)}行）にありません。見出しの文字か列記号（例: C）を確認してください。`,
      en: `Sheet "${view.name}": the mapped column "${ref}" (${field}) is not in the header row (row ${view.rowNumber(header.row)}). Check the header text or column letter (e.g. C).`,
    },
    source: '',
  });
}

const SUB_ORDER: Record<string, number> = { 朝: 1, 午前: 1, am: 1, 昼: 2, 午後: 2, pm: 2, 夕: 3, 夕方: 3 };
function contactSubOrder(v: unknown, c: number): number {
  const k = typeof v === 'string' ? normalizeHeader(v) : typeof v === 'number' ? String(v) : '';
  const n = Number(k);
  if (Number.isInteger(n) && n > 0) return n;
  return SUB_ORDER[k] ?? 100 + c;
}
