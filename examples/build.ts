// Builders for the example workbooks: deterministic October-2026 data with planted problems.
// Used by examples/generate.ts (committed examples) and bench/cli.bench.ts (large file).
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

/** A planted problem and what the check should report for it. */
export interface Planted {
  ruleId: string;
  user?: string;
  severity: 'error' | 'warning';
  outcome: 'violation' | 'incomplete' | 'pending';
  /** ISO dates the finding is about (day rules) or the period it covers */
  period?: { from: string; to: string };
  /** sheet and rows that must be among the finding's locations */
  sheet?: string;
  rows: number[];
  /** column letter for input-* findings */
  column?: string;
  what: { ja: string; en: string };
}

export interface ExampleFile {
  file: string;
  title: { ja: string; en: string };
  layout: 'rows' | 'per-user-sheet' | 'matrix' | 'remark-mode';
  packs: string[];
  /** CLI args besides the file */
  args: string[];
  expectedExit: 0 | 1;
  planted: Planted[];
  /** findings that are expected although not problems in the data (e.g. no --capacity) */
  alsoExpected: Planted[];
}

// ---------------------------------------------------------------- calendar

export const YEAR = 2026;
export const MONTH = 10;

export function iso(day: number, month = MONTH, year = YEAR): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'];

export function weekday(day: number, month = MONTH, year = YEAR): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function weekdayJa(day: number): string {
  return WEEKDAY_JA[weekday(day)]!;
}

export function daysInMonth(month = MONTH, year = YEAR): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Monday–Friday of October 2026. */
export function serviceDays(): number[] {
  const days: number[] = [];
  for (let d = 1; d <= daysInMonth(); d++) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) days.push(d);
  }
  return days;
}

/** Excel date cell value (exceljs writes a UTC-midnight Date as a serial). */
export function excelDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/**
 * Excel time cell value as the exact day fraction (9:30 → 0.3958…). exceljs would turn a
 * 1899-12-30 Date into a serial with a rounding error that Excel and LibreOffice show as 9:29.
 */
export function excelTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h! * 60 + m!) / 1440;
}

// ---------------------------------------------------------------- users and days

export interface UserSpec {
  name: string;
  municipality: string;
  service: string;
  recipientNo: string;
  certFrom: string;
  certTo: string;
  arrival: number;
}

/** A user-day before layout: one value per canonical column, as text or typed value. */
export interface Day {
  user: UserSpec;
  day: number;
  mode: '在宅' | '通所' | '欠席';
  start: string | null;
  end: string | null;
  contact1: string | null;
  contact2: string | null;
  report: string | null;
  work: string | null;
  result: string | null;
  weekly: string | null;
  monthly: string | null;
  planned: string | null;
  other: string | null;
  remark: string | null;
  confirm: string | null;
  /** date text override (to plant a bad date) */
  dateText?: string;
  /** mode text override (to plant an unknown mode) */
  modeText?: string;
  /** start text override (to plant a bad time) */
  startText?: string;
}

const WORKS = [
  ['商品データの入力（ECサイト）', '商品登録 45件'],
  ['封入・発送物の宛名ラベル作成', 'ラベル 120枚'],
  ['Webページの文字校正', '校正 8ページ'],
  ['アンケート結果の集計', '集計 60件'],
  ['名刺データの入力', '入力 80件'],
] as const;

export interface MonthPlanOptions {
  /** days the user comes to the office (default: Wednesdays and the 2nd) */
  centerDays?: number[];
  /** the day of the monthly achievement evaluation (default 14, a 通所 day) */
  monthlyEvalDay?: number;
  /** days of the month to use at all (default: Mon–Fri) */
  days?: number[];
}

/** A compliant month for one user: home on Mon/Tue/Thu/Fri, 通所 (with weekly evaluation) on Wednesdays. */
export function monthPlan(user: UserSpec, opts: MonthPlanOptions = {}): Day[] {
  const centerDays = opts.centerDays ?? serviceDays().filter((d) => weekday(d) === 3 || d === 2);
  const monthlyEvalDay = opts.monthlyEvalDay ?? 14;
  return (opts.days ?? serviceDays()).map((day) => {
    const [work, result] = WORKS[(day + user.name.length) % WORKS.length]!;
    const center = centerDays.includes(day);
    const base: Day = {
      user,
      day,
      mode: center ? '通所' : '在宅',
      start: '9:30',
      end: '15:30',
      contact1: center ? null : '9:30 電話（始業・作業内容の確認）',
      contact2: center ? null : '15:00 電話（進捗・終業の確認）',
      report: center ? null : '○',
      work,
      result,
      weekly: center ? '通所' : null,
      monthly: day === monthlyEvalDay ? '通所' : null,
      planned: center ? null : '○',
      other: null,
      remark: center ? null : '在宅就労',
      confirm: '○',
    };
    return base;
  });
}

export function findDay(days: Day[], user: UserSpec, day: number): Day {
  const d = days.find((x) => x.user === user && x.day === day);
  if (!d) throw new Error(`no day ${day} for ${user.name}`);
  return d;
}

// ---------------------------------------------------------------- workbook helpers

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zaitaku-check examples';
  // fixed timestamps keep the generated files byte-stable across runs
  wb.created = new Date(Date.UTC(2026, 10, 1));
  wb.modified = new Date(Date.UTC(2026, 10, 1));
  return wb;
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.border = { bottom: { style: 'thin' } };
  });
}

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Set a time cell (typed Excel time with h:mm format) or text. */
export function setTime(cell: ExcelJS.Cell, v: string | null): void {
  if (v === null) return;
  if (/^\d{1,2}:\d{2}$/.test(v)) {
    cell.value = excelTime(v);
    cell.numFmt = 'h:mm';
  } else cell.value = v;
}

export function setDate(cell: ExcelJS.Cell, isoDate: string): void {
  cell.value = excelDate(isoDate);
  cell.numFmt = 'yyyy/m/d';
}

/** One cell of a day row: a plain value, a typed time (or text) or a typed date. */
type CellSpec = ExcelJS.CellValue | { time: string | null } | { date: string };

function writeCell(cell: ExcelJS.Cell, spec: CellSpec): void {
  if (spec !== null && typeof spec === 'object' && 'time' in spec) setTime(cell, spec.time);
  else if (spec !== null && typeof spec === 'object' && 'date' in spec && typeof spec.date === 'string') setDate(cell, spec.date);
  else cell.value = spec as ExcelJS.CellValue;
}

/** Writes one row per day from `firstRow` on, cells from column A; returns each day's row. */
function writeDayRows(ws: ExcelJS.Worksheet, firstRow: number, days: Day[], cellsOf: (d: Day) => CellSpec[]): Map<Day, number> {
  const rows = new Map<Day, number>();
  let r = firstRow;
  for (const d of days) {
    const row = ws.getRow(r);
    cellsOf(d).forEach((spec, i) => writeCell(row.getCell(i + 1), spec));
    rows.set(d, r++);
  }
  return rows;
}

// ---------------------------------------------------------------- rows layout

export const ROWS_HEADERS = [
  '日付',
  '利用者名',
  '支給決定市町村',
  'サービス種類',
  '利用形態',
  '開始時間',
  '終了時間',
  '連絡1',
  '連絡2',
  '日報',
  '作業内容',
  '成果',
  '週評価',
  '月評価',
  '個別支援計画',
  '受給者証在宅期間(開始)',
  '受給者証在宅期間(終了)',
  '他サービス',
  '備考',
  '利用者確認',
  '駆けつけ時間(分)',
] as const;

/**
 * One row per user-day under a title row; header in row 3, data from row 4.
 * Returns the row number of each day.
 */
export function writeRowsSheet(wb: ExcelJS.Workbook, sheetName: string, title: string, days: Day[]): Map<Day, number> {
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = '事業所名：就労支援センターひかり';
  const header = ws.getRow(3);
  ROWS_HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header);
  const widths = [11, 12, 12, 15, 8, 8, 8, 26, 26, 6, 28, 14, 8, 8, 10, 12, 12, 20, 14, 8, 8];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return writeDayRows(ws, 4, days, (d) => [
    d.dateText ?? { date: iso(d.day) }, d.user.name, d.user.municipality || null, d.user.service, d.modeText ?? d.mode,
    { time: d.startText ?? d.start }, { time: d.end }, d.contact1, d.contact2, d.report, d.work, d.result, d.weekly,
    d.monthly, d.planned, { date: d.user.certFrom }, { date: d.user.certTo }, d.other, d.remark, d.confirm, d.user.arrival,
  ]);
}

/** Same columns as a CSV table (header in row 1): dates as 2026/10/01, times as 9:30. */
export function rowsCsv(days: Day[], headers: readonly string[] = ROWS_HEADERS): { text: string; rows: Map<Day, number> } {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const slash = (isoDate: string) => isoDate.replace(/-/g, '/');
  const lines = [headers.join(',')];
  const rows = new Map<Day, number>();
  for (const d of days) {
    const values: Record<string, string | null> = {
      日付: d.dateText ?? slash(iso(d.day)),
      利用者名: d.user.name,
      支給決定市町村: d.user.municipality,
      サービス種類: d.user.service,
      利用形態: d.modeText ?? d.mode,
      開始時間: d.startText ?? d.start,
      終了時間: d.end,
      連絡1: d.contact1,
      連絡2: d.contact2,
      日報: d.report,
      作業内容: d.work,
      成果: d.result,
      週評価: d.weekly,
      月評価: d.monthly,
      個別支援計画: d.planned,
      '受給者証在宅期間(開始)': slash(d.user.certFrom),
      '受給者証在宅期間(終了)': slash(d.user.certTo),
      他サービス: d.other,
      備考: d.remark,
      利用者確認: d.confirm,
      '駆けつけ時間(分)': String(d.user.arrival),
    };
    lines.push(headers.map((h) => quote(values[h] ?? '')).join(','));
    rows.set(d, lines.length);
  }
  return { text: `${lines.join('\r\n')}\r\n`, rows };
}

// ---------------------------------------------------------------- per-user-sheet layout

export const PER_USER_HEADERS = [
  '日付',
  '曜日',
  'サービス提供の状況',
  '開始時間',
  '終了時間',
  '連絡①',
  '連絡②',
  '日報',
  '作業内容',
  '週評価',
  '月評価',
  '備考',
  '利用者確認',
] as const;

/** Like the サービス提供実績記録票: title cells, header in row 5, day numbers in 日付. */
export function writePerUserSheet(wb: ExcelJS.Workbook, user: UserSpec, days: Day[]): Map<Day, number> {
  const ws = wb.addWorksheet(user.name);
  ws.getCell('A1').value = 'サービス提供実績記録票（在宅利用）';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = `令和${YEAR - 2018}年${MONTH}月分`;
  ws.getCell('A3').value = '氏名';
  ws.getCell('B3').value = user.name;
  ws.getCell('D3').value = '支給決定市町村';
  ws.getCell('E3').value = user.municipality;
  ws.getCell('G3').value = '受給者証番号';
  ws.getCell('H3').value = user.recipientNo;
  const header = ws.getRow(5);
  PER_USER_HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header);
  [6, 5, 12, 8, 8, 26, 26, 6, 28, 8, 8, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return writeDayRows(ws, 6, days, (d) => [
    d.day, weekdayJa(d.day), d.mode, { time: d.start }, { time: d.end }, d.contact1, d.contact2, d.report, d.work,
    d.weekly, d.monthly, d.remark, d.confirm,
  ]);
}

// ---------------------------------------------------------------- remark-mode layout

export const REMARK_HEADERS = [
  '日付',
  '曜日',
  '利用者名',
  '支給決定市町村',
  '開始時間',
  '終了時間',
  '連絡1',
  '連絡2',
  '日報',
  '作業内容',
  '週評価',
  '月評価',
  '備考',
  '利用者確認',
] as const;

/** A 実績記録票-like rows sheet without a mode column: home days say 在宅就労 in 備考. */
export function writeRemarkSheet(wb: ExcelJS.Workbook, sheetName: string, days: Day[]): Map<Day, number> {
  const ws = wb.addWorksheet(sheetName);
  ws.getCell('A1').value = `サービス提供実績記録票　令和${YEAR - 2018}年${MONTH}月分`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  const header = ws.getRow(3);
  REMARK_HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header);
  [9, 5, 12, 12, 8, 8, 26, 26, 6, 28, 8, 8, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return writeDayRows(ws, 4, days, (d) => [
    `${MONTH}月${d.day}日`, weekdayJa(d.day), d.user.name, d.user.municipality, { time: d.start }, { time: d.end },
    d.contact1, d.contact2, d.report, d.work, d.weekly, d.monthly, d.remark, d.confirm,
  ]);
}

// ---------------------------------------------------------------- matrix layout

export interface MatrixUser {
  user: UserSpec;
  /** day → mark (○, 通, 訪問, 欠) */
  marks: Record<number, string>;
  weeklyEvalDays: number[];
  monthlyEvalDays: number[];
}

/** Like the 在宅就労支援実施一覧表: one row per user, day columns 1–31, evaluation-date columns. */
export function writeMatrixSheet(wb: ExcelJS.Workbook, sheetName: string, users: MatrixUser[]): Map<MatrixUser, number> {
  const ws = wb.addWorksheet(sheetName);
  ws.getCell('A1').value = `在宅就労支援実施一覧表 令和${YEAR - 2018}年${MONTH}月分`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = '事業所名：就労支援センターひかり';
  const header = ws.getRow(4);
  const fixed = ['利用者名', '受給者証番号', '支給決定市町村'];
  fixed.forEach((h, i) => (header.getCell(i + 1).value = h));
  const nDays = daysInMonth();
  for (let d = 1; d <= nDays; d++) header.getCell(fixed.length + d).value = d;
  const weeklyCol = fixed.length + nDays + 1;
  header.getCell(weeklyCol).value = '評価実施日（週1回）';
  header.getCell(weeklyCol + 1).value = '達成度評価実施日（月1回）';
  styleHeader(header);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 12;
  for (let d = 1; d <= nDays; d++) ws.getColumn(fixed.length + d).width = 4.5;
  ws.getColumn(weeklyCol).width = 18;
  ws.getColumn(weeklyCol + 1).width = 18;
  const rows = new Map<MatrixUser, number>();
  let r = 5;
  for (const u of users) {
    const row = ws.getRow(r);
    row.getCell(1).value = u.user.name;
    row.getCell(2).value = u.user.recipientNo;
    row.getCell(3).value = u.user.municipality || null;
    for (const [day, mark] of Object.entries(u.marks)) {
      const cell = row.getCell(fixed.length + Number(day));
      cell.value = mark;
      cell.alignment = { horizontal: 'center' };
    }
    row.getCell(weeklyCol).value = u.weeklyEvalDays.length ? u.weeklyEvalDays.join('、') : null;
    row.getCell(weeklyCol + 1).value = u.monthlyEvalDays.length ? u.monthlyEvalDays.join('、') : null;
    rows.set(u, r);
    r++;
  }
  return rows;
}

/** Zip entry timestamp of the generated files (JSZip stamps entries with `new Date()`). */
const FIXED_ZIP_TIME = Date.UTC(2026, 10, 1);

/**
 * Write the workbook to a buffer. With `stable`, `new Date()` is pinned while writing so the
 * committed examples are byte-identical across runs (no churn in git).
 */
export async function workbookBuffer(wb: ExcelJS.Workbook, stable = true): Promise<Buffer> {
  if (!stable) return Buffer.from(await wb.xlsx.writeBuffer());
  const RealDate = globalThis.Date;
  class PinnedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(FIXED_ZIP_TIME);
      else super(...(args as [number]));
    }
    static override now(): number {
      return FIXED_ZIP_TIME;
    }
  }
  globalThis.Date = PinnedDate as DateConstructor;
  try {
    return Buffer.from(await wb.xlsx.writeBuffer());
  } finally {
    globalThis.Date = RealDate;
  }
}
