// Header detection and the column plan (which column feeds which field).
import type { CanonicalField, Mode } from '../model/record.ts';
import { columnNumber, normalizeHeader } from '../normalize/text.ts';
import { classifyHeader, dayHeader, type HeaderRole } from './headers.ts';
import { isBlank, type GridView } from './grid.ts';
import type { ImportOptions } from './types.ts';

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
}

const SCAN_ROWS = 20;

export interface HeaderChoice {
  row: number;
  /** last header row (a second header row directly under the first) */
  lastRow: number;
  fieldCount: number;
  dayCount: number;
}

interface RowScore {
  fields: number;
  days: number;
  forced: number;
}

function scoreRow(view: GridView, r: number, forcedKeys: Set<string>): RowScore {
  const row = view.row(r);
  const seen = new Set<string>();
  const days = new Set<number>();
  let forced = 0;
  for (let c = 0; c < row.length && c < 400; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    if (forcedKeys.size > 0 && typeof v === 'string' && forcedKeys.has(normalizeHeader(v))) forced++;
    const d = dayHeader(v);
    if (d) {
      days.add(d.day);
      continue;
    }
    const role = classifyHeader(v);
    if (!role || role.kind === 'ignore') continue;
    seen.add(role.kind === 'field' ? role.field : role.kind);
  }
  return { fields: seen.size, days: days.size, forced };
}

/** Picks the header row among the top rows: most distinct known fields (or day columns for a matrix). */
export function findHeader(view: GridView, opts: ImportOptions): HeaderChoice | undefined {
  const forcedKeys = new Set<string>();
  for (const v of Object.values(opts.mapping ?? {})) {
    if (typeof v === 'string' && !isColumnRef(v)) forcedKeys.add(normalizeHeader(v));
  }
  if (opts.headerRow !== undefined) {
    const r = opts.headerRow - view.startRow;
    if (!Number.isInteger(r) || r < 0 || r >= view.rowCount) return undefined;
    const s = scoreRow(view, r, forcedKeys);
    return { row: r, lastRow: r, fieldCount: s.fields + s.forced, dayCount: s.days };
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
      best = { row: r, lastRow: r, fieldCount: s.fields + s.forced, dayCount: s.days };
    }
  }
  if (!best) return undefined;
  if (best.dayCount < 7 && best.fieldCount < 2) return undefined;
  return best;
}

export function isColumnRef(v: string): boolean {
  return /^[A-Za-z]{1,3}$/.test(v.trim()) && columnNumber(v) > 0;
}

/** Builds the plan from the header row (and a sub-header row right under it, if any). */
export function buildPlan(view: GridView, header: HeaderChoice, opts: ImportOptions): ColumnPlan {
  const plan: ColumnPlan = { byField: {}, modeCols: [], contactCols: [], dayCols: [], unmapped: [], known: new Set() };
  const roles: (HeaderRole | undefined)[] = [];
  const labels: string[] = [];
  const top = view.row(header.row);
  for (let c = 0; c < view.width; c++) {
    const v = top[c];
    labels[c] = headerLabel(v);
    const d = header.dayCount >= 7 ? dayHeader(v) : undefined;
    if (d) {
      plan.dayCols.push({ c, day: d.day, ...(d.iso ? { iso: d.iso } : {}) });
      plan.known.add(c);
      continue;
    }
    roles[c] = classifyHeader(v);
  }
  mergeSubHeader(view, header, roles, labels, plan);
  const contactOrder: { c: number; order: number }[] = [];
  const forced = resolveForced(view, header, labels, opts);
  const forcedCols = new Set(Object.values(forced));
  for (let c = 0; c < view.width; c++) {
    if (plan.dayCols.some((d) => d.c === c)) continue;
    const role = roles[c];
    if (forcedCols.has(c)) {
      plan.known.add(c);
      continue;
    }
    if (!role) {
      if (labels[c] !== '') plan.unmapped.push(labels[c]!);
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
        else plan.unmapped.push(labels[c]!);
        break;
      case 'cert-range':
        if (plan.certRangeCol === undefined) plan.certRangeCol = c;
        else plan.unmapped.push(labels[c]!);
        break;
      case 'field':
        if (role.field === 'mode') {
          plan.modeCols.push(role.impliedMode ? { c, implied: role.impliedMode } : { c });
          if (plan.byField.mode === undefined) plan.byField.mode = c;
        } else if (plan.byField[role.field] === undefined) {
          plan.byField[role.field] = c;
        } else {
          plan.known.delete(c);
          plan.unmapped.push(labels[c]!);
        }
        break;
    }
  }
  contactOrder.sort((a, b) => a.order - b.order || a.c - b.c);
  plan.contactCols = contactOrder.map((x) => x.c);
  for (const [field, c] of Object.entries(forced) as [CanonicalField, number][]) {
    if (field === 'mode') {
      plan.modeCols = [{ c }];
      plan.byField.mode = c;
    } else if (field === 'contacts') {
      plan.contactCols = [c];
    } else {
      plan.byField[field] = c;
    }
    // A forced column stops feeding any other field.
    for (const [f2, c2] of Object.entries(plan.byField) as [CanonicalField, number][]) {
      if (c2 === c && f2 !== field) delete plan.byField[f2];
    }
    if (field !== 'mode') plan.modeCols = plan.modeCols.filter((m) => m.c !== c);
    if (field !== 'contacts') plan.contactCols = plan.contactCols.filter((x) => x !== c);
    if (plan.timeRangeCol === c) delete plan.timeRangeCol;
    if (plan.certRangeCol === c) delete plan.certRangeCol;
    plan.dayCols = plan.dayCols.filter((d) => d.c !== c);
  }
  if (plan.modeCols.length > 0 && plan.byField.mode === undefined) plan.byField.mode = plan.modeCols[0]!.c;
  return plan;
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
  if (dateCol >= 0 && !isBlank(sub[dateCol])) return;
  for (const [c, role] of found) {
    const parent = labels[c] ?? '';
    const own = headerLabel(sub[c]);
    labels[c] = parent && roles[c] ? `${parent} ${own}` : own;
    roles[c] = role;
  }
  header.lastRow = r;
}

function resolveForced(view: GridView, header: HeaderChoice, labels: string[], opts: ImportOptions): Partial<Record<CanonicalField, number>> {
  const out: Partial<Record<CanonicalField, number>> = {};
  for (const [field, ref] of Object.entries(opts.mapping ?? {}) as [CanonicalField, string | undefined][]) {
    if (typeof ref !== 'string' || ref.trim() === '') continue;
    const key = normalizeHeader(ref);
    let col = labels.findIndex((l) => l !== '' && normalizeHeader(l) === key);
    if (col < 0 && header.lastRow !== header.row) {
      const sub = view.row(header.lastRow);
      col = sub.findIndex((v) => typeof v === 'string' && normalizeHeader(v) === key);
    }
    if (col < 0 && isColumnRef(ref)) col = view.indexOfLetter(columnNumber(ref));
    if (col >= 0) out[field] = col;
    else {
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
  }
  return out;
}

const SUB_ORDER: Record<string, number> = { 朝: 1, 午前: 1, am: 1, 昼: 2, 午後: 2, pm: 2, 夕: 3, 夕方: 3 };
function contactSubOrder(v: unknown, c: number): number {
  const k = typeof v === 'string' ? normalizeHeader(v) : typeof v === 'number' ? String(v) : '';
  const n = Number(k);
  if (Number.isInteger(n) && n > 0) return n;
  return SUB_ORDER[k] ?? 100 + c;
}
