// The national サービス提供実績記録票: サービス提供の状況 is a billing-status column (not a mode column),
// header rows that continue over two rows, and footer rows (合計, 施設外支援 当月・累計, 初期加算, page numbers).
import type { Mode } from '../model/record.ts';
import { normalizeHeader, normalizeText } from '../normalize/text.ts';
import { isBlank, type GridView } from './grid.ts';
import type { ColumnPlan, HeaderChoice, ModeColumn } from './plan.ts';
import type { CellValue, ImportOptions } from './types.ts';
import type { ValueReader } from './values.ts';

/** Headers of a billing-status column (blank = an ordinary service day; 欠席時対応, 施設外支援, 訪問, 体験利用 …). */
const STATUS_HEADERS = new Set(['サービス提供の状況', 'サービス提供状況', '提供状況', '状況'].map(normalizeHeader));

/** A status column: its header and, for a ○-column such as 施設外支援, the mode a mark under it means. */
export interface StatusColumn extends ModeColumn {
  /** a サービス提供の状況 column (values are statuses), not a ○-column */
  status: boolean;
}

/**
 * When a sheet's only mode columns are status columns (サービス提供の状況) and ○-columns of a non-home mode
 * (施設外支援), they are status columns: they keep their meaning (欠席時対応 = no service, 施設外 = not home)
 * and the home day comes from 備考. A forced mode mapping keeps its columns as mode columns.
 * Moves them from `plan.modeCols` (`plan.byField.mode` stays the first, for the report) and returns them.
 */
export function takeStatusColumns(view: GridView, header: HeaderChoice, plan: ColumnPlan, opts: ImportOptions): StatusColumn[] | undefined {
  if (plan.modeCols.length === 0 || typeof opts.mapping?.mode === 'string') return undefined;
  if (plan.dayCols.length >= 7 && plan.byField.date === undefined) return undefined; // a matrix
  const out: StatusColumn[] = [];
  let hasStatus = false;
  for (const m of plan.modeCols) {
    const status = isStatusHeader(view, header, m.c);
    if (status) hasStatus = true;
    else if (m.implied === undefined || m.implied === 'home') return undefined;
    out.push({ ...m, status });
  }
  if (!hasStatus && plan.byField.remark === undefined) return undefined;
  plan.modeCols = [];
  return out;
}

function isStatusHeader(view: GridView, header: HeaderChoice, c: number): boolean {
  for (let r = header.row; r <= header.lastRow; r++) {
    const v = view.get(r, c);
    if (typeof v === 'string' && STATUS_HEADERS.has(normalizeHeader(v))) return true;
  }
  return false;
}

/**
 * The mode a row's status cells state: 欠席時対応 → absent, 施設外支援/施設外就労 (or a mark under 施設外支援) →
 * offsite, 在宅 → home, 通所 → center; blank and other statuses (訪問, 体験利用 …) → undefined (備考 decides).
 */
export function statusMode(row: readonly CellValue[], cols: readonly StatusColumn[], reader: ValueReader): Mode | undefined {
  let found: Mode | undefined;
  for (const sc of cols) {
    const v = row[sc.c];
    if (isBlank(v)) continue;
    let m: Mode | undefined;
    if (sc.status) {
      const t = typeof v === 'string' ? normalizeText(v) : '';
      const parsed = reader.mode(v);
      // 訪問 here is a billing status (訪問による支援), not a home-day mark
      if (parsed !== 'invalid' && parsed !== undefined && !t.includes('訪問')) m = parsed;
      else if (t.includes('欠席')) m = 'absent';
      else if (t.includes('施設外')) m = 'offsite';
    } else if (sc.implied !== undefined && reader.mark(v) === true) m = sc.implied;
    if (m === 'absent') return m;
    if (m === 'offsite' || found === undefined) found = m ?? found;
  }
  return found;
}

/**
 * A second header row under the header (vertical merges repeat the header text: 日付 over 日付; group
 * sub-labels such as 往 / 復 under 送迎加算): it holds no data, so the records start below it.
 */
export function extendHeaderRows(view: GridView, header: HeaderChoice, plan: ColumnPlan, reader: ValueReader): void {
  if (header.headerless) return;
  const r = header.lastRow + 1;
  if (r >= view.rowCount) return;
  const top = view.row(header.row);
  const sub = view.row(r);
  let labels = 0;
  for (let c = 0; c < sub.length; c++) {
    const v = sub[c];
    if (isBlank(v)) continue;
    if (typeof v !== 'string') return;
    const k = normalizeHeader(v);
    const above = top[c];
    if (typeof above === 'string' && normalizeHeader(above) === k) {
      labels++;
      continue;
    }
    // a short label, not a value a day row would hold
    if (v.length > 8 || /\d/.test(v) || reader.mode(v) !== 'invalid' || reader.mark(v) !== 'invalid') return;
    labels++;
  }
  const dateCol = plan.byField.date;
  if (labels === 0) return;
  if (dateCol !== undefined && !isBlank(sub[dateCol]) && !(typeof top[dateCol] === 'string' && normalizeHeader(String(sub[dateCol])) === normalizeHeader(top[dateCol]))) return;
  header.lastRow = r;
}

const FOOTER = /^(?:施設外支援|初期加算|当月|累計|上限|利用開始日|30日目|当月算定日数|算定日数|サービス提供日数|提供日数|\d*枚中|\d*枚目|\d+枚中\d+枚目)/;

/** A footer row of the form (its date cell is not a date): 施設外支援 当月・累計, 初期加算 …, page numbers. */
export function isFooterRow(row: readonly CellValue[]): boolean {
  let seen = 0;
  for (let c = 0; c < row.length && seen < 3; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    seen++;
    if (typeof v === 'string' && v.length <= 16 && FOOTER.test(normalizeText(v).replace(/\s+/g, ''))) return true;
  }
  return false;
}

/** A page-number row (1 | 枚中 | 1 | 枚目) whose first cell reads as a day. */
export function isPageRow(row: readonly CellValue[]): boolean {
  for (let c = 0; c < row.length && c < 8; c++) {
    const v = row[c];
    if (typeof v === 'string' && v.includes('枚') && /^\s*\d*\s*枚[中目]\s*$/.test(normalizeText(v))) return true;
  }
  return false;
}
