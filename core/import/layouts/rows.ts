// One row per user-day: the `rows`, `per-user-sheet` and `remark-mode` layouts.
import type { CanonicalField, DayRecord, Mode, Provenance } from '../../model/record.ts';
import { normalizeText, isExcelError } from '../../normalize/text.ts';
import { isBlank, type GridView } from '../grid.ts';
import type { ColumnPlan } from '../plan.ts';
import type { TitleInfo } from '../title.ts';
import type { CellValue } from '../types.ts';
import { dateRangeValue, minutesValue, textValue, type ValueReader } from '../values.ts';
import { DuplicateGuard, isNoteText, isTotalRow, newRecord, readRowFields, type RowFieldValues } from './common.ts';

export interface RowsInput {
  view: GridView;
  plan: ColumnPlan;
  title: TitleInfo;
  reader: ValueReader;
  firstDataRow: number;
  remarkMode: boolean;
  fields: CanonicalField[];
  columns: Partial<Record<CanonicalField, string>>;
  /** user name when the sheet has no user column (title cell or sheet name) */
  sheetUser?: string;
}

const CARRY_MARKS = new Set(['〃', '″', '"', '同上', '々', 'ditto']);

export function importRows(input: RowsInput): DayRecord[] {
  const { view, plan, reader, remarkMode, fields, columns } = input;
  const records: DayRecord[] = [];
  const dateCol = plan.byField.date;
  if (dateCol === undefined) return records;
  const userCol = plan.byField.user;
  const titleValues = titleRowValues(input);
  const dup = new DuplicateGuard(view);
  const contentCols = contentColumns(plan, view.width);
  const unmappedCols: number[] = [];
  for (let c = 0; c < view.width; c++) if (!plan.known.has(c)) unmappedCols.push(c);
  let lastUser: string | undefined;

  for (let r = input.firstDataRow; r < view.rowCount; r++) {
    const row = view.row(r);
    if (row.length === 0) continue;
    const dv = row[dateCol];
    if (isBlank(dv)) continue;
    if (contentCols.length > 0 && !hasContent(row, contentCols)) continue;
    const d = reader.date(dv);
    if (!d.ok) {
      // Total and note rows are skipped silently; only real dates that fail are reported.
      if (isTotalRow(row) || (typeof dv === 'string' && isNoteText(dv))) continue;
      view.cellFinding('input-date', r, dateCol, 'date', dv, d.reason, {
        ja: 'この行は読み込んでいません。2026/10/1 や 令和8年10月1日 の形で日付を入力してください。',
        en: ' This row was not imported. Enter the date like 2026/10/1 or 令和8年10月1日.',
      });
      continue;
    }
    let user: string | undefined;
    if (userCol !== undefined) {
      const uv = row[userCol];
      const ut = typeof uv === 'string' ? reader.userName(uv) : textValue(uv);
      if (ut === undefined || ut === '' || isExcelError(ut) || CARRY_MARKS.has(ut)) user = lastUser;
      else user = ut;
      if (user === undefined) {
        view.cellFinding('input-value', r, userCol, 'user', uv, { ja: '利用者名が空欄です。', en: 'The user name is blank.' }, {
          ja: 'この行は読み込んでいません。利用者名を入力してください。',
          en: ' This row was not imported. Enter the user name.',
        });
        continue;
      }
      lastUser = user;
    } else {
      user = input.sheetUser;
      if (user === undefined) continue;
    }
    if (dup.seen(user, d.date, r, dateCol)) continue;

    const provenance: Provenance = { sheet: view.name, row: view.rowNumber(r), columns };
    if (view.file !== undefined) provenance.file = view.file;
    const rec = newRecord(d.date, user, fields, provenance);
    readRowFields(view, r, row, plan, reader, rec, user);
    applyTitle(rec, titleValues);
    if (remarkMode) rec.mode = modeFromRemark(rec, row, unmappedCols, reader);
    records.push(rec);
  }
  return records;
}

function contentColumns(plan: ColumnPlan, width: number): number[] {
  const skip = new Set<number>();
  if (plan.byField.date !== undefined) skip.add(plan.byField.date);
  if (plan.byField.user !== undefined) skip.add(plan.byField.user);
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    if (skip.has(c)) continue;
    if (plan.known.has(c) && !isFieldColumn(plan, c)) continue; // 曜日 and the like
    out.push(c);
  }
  return out;
}

function isFieldColumn(plan: ColumnPlan, c: number): boolean {
  for (const v of Object.values(plan.byField)) if (v === c) return true;
  return plan.modeCols.some((m) => m.c === c) || plan.contactCols.includes(c) || plan.timeRangeCol === c || plan.certRangeCol === c;
}

function hasContent(row: CellValue[], cols: number[]): boolean {
  for (const c of cols) if (!isBlank(row[c])) return true;
  return false;
}

/** remark-mode: 在宅 in 備考 → home; else 通所 when the row shows a start time or a service mark. */
function modeFromRemark(rec: DayRecord, row: CellValue[], unmappedCols: number[], reader: ValueReader): Mode | undefined {
  const remark = rec.remark !== undefined ? normalizeText(rec.remark) : '';
  if (remark.includes('在宅')) return 'home';
  if (remark.includes('欠席')) return 'absent';
  if (remark.includes('施設外')) return 'offsite';
  if (rec.start !== undefined) return 'center';
  for (const c of unmappedCols) {
    const v = row[c];
    if (!isBlank(v) && reader.mark(v) === true) return 'center';
  }
  return undefined;
}

function titleRowValues(input: RowsInput): RowFieldValues {
  const { title, reader, view } = input;
  const out: RowFieldValues = {};
  const t = title.values;
  const loc = (tv: { row: number; col: number }) => ({ r: tv.row, c: tv.col });
  if (t.recipientNo) out.recipientNo = textValue(t.recipientNo.value);
  if (t.municipality) out.municipality = textValue(t.municipality.value);
  if (t.service) {
    const s = reader.service(t.service.value);
    if (s === 'invalid') {
      const l = loc(t.service);
      view.cellFinding('input-value', l.r, l.c, 'service', t.service.value, { ja: 'サービス種類として読めません。', en: 'It is not a known service type.' }, {
        ja: '就労移行支援・就労継続支援A型・就労継続支援B型のいずれかを入力してください。',
        en: ' Enter 就労移行支援, 就労継続支援A型 or 就労継続支援B型.',
      });
    } else out.service = s;
  }
  for (const key of ['certFrom', 'certTo', 'certRange'] as const) {
    const tv = t[key];
    if (!tv) continue;
    const rg = dateRangeValue(tv.value, reader);
    if (!rg.ok) {
      view.cellFinding('input-date', tv.row, tv.col, key === 'certTo' ? 'certTo' : 'certFrom', tv.value, rg.reason, {
        ja: '受給者証の在宅期間を 令和8年4月1日 のように入力してください。',
        en: ' Enter the certificate period like 令和8年4月1日.',
      });
      continue;
    }
    const v = rg.value;
    if (!v) continue;
    if (key === 'certTo') out.certTo = v.from ?? v.to;
    else {
      if (v.from) out.certFrom = v.from;
      if (key === 'certRange' && v.to) out.certTo = v.to;
    }
  }
  if (t.arrivalMinutes) {
    const m = minutesValue(t.arrivalMinutes.value);
    if (m.ok) out.arrivalMinutes = m.value;
    else view.cellFinding('input-number', t.arrivalMinutes.row, t.arrivalMinutes.col, 'arrivalMinutes', t.arrivalMinutes.value, m.reason, { ja: '', en: '' });
  }
  return out;
}

/** Title values fill fields the row itself leaves blank. */
function applyTitle(rec: DayRecord, t: RowFieldValues): void {
  if (rec.recipientNo === undefined && t.recipientNo !== undefined) rec.recipientNo = t.recipientNo;
  if (rec.municipality === undefined && t.municipality !== undefined) rec.municipality = t.municipality;
  if (rec.service === undefined && t.service !== undefined) rec.service = t.service;
  if (rec.certFrom === undefined && t.certFrom !== undefined) rec.certFrom = t.certFrom;
  if (rec.certTo === undefined && t.certTo !== undefined) rec.certTo = t.certTo;
  if (rec.arrivalMinutes === undefined && t.arrivalMinutes !== undefined) rec.arrivalMinutes = t.arrivalMinutes;
}
