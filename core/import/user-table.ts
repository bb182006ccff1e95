// The user table (利用者台帳): one row per user with the facts staff keep once (受給者証番号, 支給決定市町村,
// サービス種類, 受給者証の在宅利用期間, 駆けつけ時間, 個別支援計画の在宅曜日). Recognised by its sheet name or its
// columns, in the same workbook or another file; its facts fill the fields the day rows lack.
import type { CanonicalField, DayRecord, Service } from '../model/record.ts';
import type { Finding, Location } from '../model/report.ts';
import { FIELD_LABELS } from '../model/fields.ts';
import { foldUserName, normalizeHeader, normalizeText, normalizeUserName } from '../normalize/text.ts';
import { classifyHeader, dayHeader, type HeaderRole } from './headers.ts';
import { GridView, isBlank } from './grid.ts';
import { importWorkbook } from './join.ts';
import { isTotalRow } from './layouts/common.ts';
import type { CellValue, ImportedSheet, ImportOptions, SheetGrid } from './types.ts';
import { dateRangeValue, minutesValue, textValue, ValueReader } from './values.ts';

/** Fields a user table gives; `planned` comes from the weekday set of the 個別支援計画. */
const TABLE_FIELDS = ['recipientNo', 'municipality', 'service', 'certFrom', 'certTo', 'arrivalMinutes'] as const;
type TableField = (typeof TABLE_FIELDS)[number];

export interface UserTableEntry {
  /** 1-based row */
  row: number;
  name?: string;
  recipientNo?: string;
  municipality?: string;
  service?: Service;
  certFrom?: string;
  certTo?: string;
  arrivalMinutes?: number;
  /** planned home weekdays, 0 = Sunday … 6 = Saturday */
  plannedWeekdays?: number[];
  /** column letter of each value */
  cells: Partial<Record<TableField | 'user' | 'planned', string>>;
}

export interface UserTable {
  /** the table as a sheet of the report (layout `user-table`, `records` = users) */
  sheet: ImportedSheet;
  entries: UserTableEntry[];
}

const TABLE_SHEET_NAME = /利用者(?:一覧|台帳|情報|名簿|マスタ|マスター|リスト)|基本情報|利用者$/;
const SCAN_ROWS = 20;

type Column = { c: number; field: TableField | 'user' | 'planned' | 'certRange' };

/** Reads `grid` as a user table; undefined when it is not one (then it is a sheet of day records). */
export function readUserTable(grid: SheetGrid): UserTable | undefined {
  let view: GridView;
  try {
    view = new GridView(grid);
  } catch {
    return undefined;
  }
  const byName = TABLE_SHEET_NAME.test(normalizeText(view.name).replace(/\s+/g, ''));
  let header: { r: number; cols: Column[] } | undefined;
  for (let r = 0; r < Math.min(view.rowCount, SCAN_ROWS) && !header; r++) {
    const cols = tableColumns(view.row(r));
    if (!cols) continue;
    const hasKey = cols.some((c) => c.field === 'user' || c.field === 'recipientNo');
    const facts = cols.filter((c) => c.field !== 'user').length;
    if (hasKey && (facts >= 2 || (byName && facts >= 1))) header = { r, cols };
  }
  if (!header || hasDayHeader(view)) return undefined;
  const table = readEntries(view, header.r, header.cols);
  return table.entries.length > 0 || byName ? table : undefined;
}

/** A sheet of day records: some top row has a date header (生年月日 is not one) or a run of day columns. */
function hasDayHeader(view: GridView): boolean {
  for (let r = 0; r < Math.min(view.rowCount, SCAN_ROWS); r++) {
    const row = view.row(r);
    let days = 0;
    for (let c = 0; c < row.length && c < 200; c++) {
      const v = row[c];
      if (dayHeader(v) && ++days >= 7) return true;
      if (typeof v !== 'string' || v.includes('生年月日')) continue;
      const role = classifyHeader(v);
      if (role?.kind === 'field' && (role.field === 'date' || role.field === 'mode')) return true;
    }
  }
  return false;
}

/** The table columns of a header row; undefined when the row is a day-record header (date, mode, day columns). */
function tableColumns(row: readonly CellValue[]): Column[] | undefined {
  const cols: Column[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < row.length && c < 200; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.trim() === '' || v.includes('生年月日')) continue;
    if (isWeekdayPlanHeader(v)) {
      if (!seen.has('planned')) cols.push({ c, field: 'planned' });
      seen.add('planned');
      continue;
    }
    const role: HeaderRole | undefined = classifyHeader(v);
    if (!role) continue;
    if (role.kind === 'field' && (role.field === 'date' || role.field === 'mode')) return undefined;
    let field: Column['field'] | undefined;
    if (role.kind === 'cert-range') field = 'certRange';
    else if (role.kind === 'field' && (role.field === 'user' || (TABLE_FIELDS as readonly string[]).includes(role.field))) field = role.field as Column['field'];
    if (field === undefined || seen.has(field)) continue;
    seen.add(field);
    cols.push({ c, field });
  }
  return cols.length > 0 ? cols : undefined;
}

/** 個別支援計画の在宅曜日, 在宅曜日, 在宅の曜日, 計画上の在宅曜日 … */
function isWeekdayPlanHeader(v: string): boolean {
  const k = normalizeHeader(v);
  return k.length <= 24 && k.includes('曜') && (k.includes('在宅') || k.includes('計画'));
}

function readEntries(view: GridView, headerIdx: number, cols: Column[]): UserTable {
  const reader = new ValueReader({ date1904: view.date1904 });
  const entries: UserTableEntry[] = [];
  const col = (f: Column['field']) => cols.find((c) => c.field === f)?.c;
  for (let r = headerIdx + 1; r < view.rowCount; r++) {
    const row = view.row(r);
    if (view.isBlankRow(r) || isTotalRow(row)) continue;
    const e: UserTableEntry = { row: view.rowNumber(r), cells: {} };
    const uc = col('user');
    if (uc !== undefined) {
      const t = textValue(row[uc]);
      if (t !== undefined) {
        e.name = normalizeUserName(t);
        e.cells.user = view.letter(uc);
      }
    }
    const nc = col('recipientNo');
    if (nc !== undefined) {
      const n = recipientKey(row[nc]);
      if (n !== undefined) {
        e.recipientNo = n;
        e.cells.recipientNo = view.letter(nc);
      }
    }
    if (e.name === undefined && e.recipientNo === undefined) continue;
    readFacts(view, r, row, cols, reader, e);
    entries.push(e);
  }
  const columns: Partial<Record<CanonicalField, string>> = {};
  for (const c of cols) columns[c.field === 'certRange' ? 'certFrom' : c.field] ??= view.letter(c.c);
  const known = new Set(cols.map((c) => c.c));
  const unmapped: string[] = [];
  const head = view.row(headerIdx);
  for (let c = 0; c < head.length; c++) if (!known.has(c) && typeof head[c] === 'string' && (head[c] as string).trim() !== '') unmapped.push((head[c] as string).replace(/\s+/g, ' ').trim());
  const sheet: ImportedSheet = {
    name: view.name,
    layout: 'user-table',
    headerRow: view.rowNumber(headerIdx),
    columns,
    unmappedHeaders: unmapped,
    records: entries.length,
    recordList: [],
    inputFindings: view.findings,
    fields: [],
  };
  if (view.file !== undefined) sheet.file = view.file;
  return { sheet, entries };
}

const CERT_ACTION = { ja: '受給者証の在宅期間を 令和8年4月1日 のように入力してください。', en: ' Enter the certificate period like 令和8年4月1日.' };

function readFacts(view: GridView, r: number, row: readonly CellValue[], cols: Column[], reader: ValueReader, e: UserTableEntry): void {
  const user = e.name;
  for (const { c, field } of cols) {
    const v = row[c];
    if (isBlank(v)) continue;
    const letter = view.letter(c);
    switch (field) {
      case 'municipality': {
        const t = textValue(v);
        if (t !== undefined) (e.municipality = t), (e.cells.municipality = letter);
        break;
      }
      case 'service': {
        const s = reader.service(v);
        if (s === 'invalid') {
          view.cellFinding('input-value', r, c, 'service', v, { ja: 'サービス種類として読めません。', en: 'It is not a known service type.' }, {
            ja: '就労移行支援・就労継続支援A型・就労継続支援B型のいずれかを入力してください。',
            en: ' Enter 就労移行支援, 就労継続支援A型 or 就労継続支援B型.',
          }, user);
        } else if (s !== undefined) (e.service = s), (e.cells.service = letter);
        break;
      }
      case 'certFrom':
      case 'certTo':
      case 'certRange': {
        const rg = dateRangeValue(v, reader);
        if (!rg.ok) {
          view.cellFinding('input-date', r, c, field === 'certTo' ? 'certTo' : 'certFrom', v, rg.reason, CERT_ACTION, user);
          break;
        }
        if (!rg.value) break;
        if (field === 'certTo') {
          const to = rg.value.to ?? rg.value.from;
          if (to) (e.certTo = to), (e.cells.certTo = letter);
        } else {
          if (rg.value.from) (e.certFrom = rg.value.from), (e.cells.certFrom = letter);
          if (rg.value.to && (field === 'certRange' || e.certTo === undefined)) (e.certTo = rg.value.to), (e.cells.certTo = letter);
        }
        break;
      }
      case 'arrivalMinutes': {
        const n = minutesValue(v);
        if (n.ok) {
          if (n.value !== undefined) (e.arrivalMinutes = n.value), (e.cells.arrivalMinutes = letter);
        } else view.cellFinding('input-number', r, c, 'arrivalMinutes', v, n.reason, { ja: '', en: '' }, user);
        break;
      }
      case 'planned': {
        const days = weekdaySet(v);
        if (days === undefined) {
          view.cellFinding('input-value', r, c, 'planned', v, { ja: '在宅の曜日として読めません。', en: 'It is not a set of weekdays.' }, {
            ja: '「月・水・金」のように曜日で入力してください。',
            en: ' Enter weekdays like 月・水・金.',
          }, user);
        } else (e.plannedWeekdays = days), (e.cells.planned = letter);
        break;
      }
      default:
        break;
    }
  }
}

const WEEKDAY_CHARS = '日月火水木金土';

/** 月・水・金, 月水金, 月曜・水曜, 月〜金, 平日 → weekday numbers (0 = Sunday); undefined when unreadable. */
export function weekdaySet(v: CellValue): number[] | undefined {
  if (typeof v !== 'string') return undefined;
  let s = normalizeText(v).replace(/曜日?/g, '').replace(/毎週|週|の|に/g, '');
  const days = new Set<number>();
  if (s.includes('平日')) {
    for (let d = 1; d <= 5; d++) days.add(d);
    s = s.replace(/平日/g, '');
  }
  s = s.replace(/([日月火水木金土])\s*[〜~～\-ー－]\s*([日月火水木金土])/g, (_, a: string, b: string) => {
    const from = WEEKDAY_CHARS.indexOf(a);
    const to = WEEKDAY_CHARS.indexOf(b);
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
    return '';
  });
  for (const ch of s) {
    const d = WEEKDAY_CHARS.indexOf(ch);
    if (d >= 0) days.add(d);
    else if (!/[\s・,、，/／]/.test(ch)) return undefined;
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : undefined;
}

/** 受給者証番号 for joining: digits only (full-width, spaces and hyphens dropped); a number padded to 10. */
function recipientKey(v: CellValue): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v).padStart(10, '0');
  const t = textValue(v);
  if (t === undefined) return undefined;
  const d = t.normalize('NFKC').replace(/[\s\-‐－ー]/g, '');
  return d === '' ? undefined : d;
}


/**
 * Imports a workbook's (or file's) grids: user tables are read as tables, every other grid as day records.
 * Apply the tables of all inputs with `applyUserTables` before the engine.
 */
export function importGrids(grids: readonly SheetGrid[], opts: ImportOptions = {}): { sheets: ImportedSheet[]; tables: UserTable[] } {
  const dayGrids: SheetGrid[] = [];
  const tables: UserTable[] = [];
  for (const g of grids) {
    const t = readUserTable(g);
    if (t) tables.push(t);
    else dayGrids.push(g);
  }
  return { sheets: importWorkbook(dayGrids, opts), tables };
}

interface Lookup {
  byNo: Map<string, { e: UserTableEntry; t: UserTable }>;
  byName: Map<string, { e: UserTableEntry; t: UserTable }>;
}

/**
 * Fills the fields the day records lack from the user tables (in place): joined by 受給者証番号 when both
 * have it, else by the folded name. A day row's own value wins; a different value is an `input-value`
 * finding naming both cells; a user the tables do not have is an `input-mapping` finding. A weekday set
 * of the plan makes `planned` for days within the certificate period. Returns the sheets followed by the
 * tables' own sheets (for the report).
 */
export function applyUserTables(sheets: readonly ImportedSheet[], tables: readonly UserTable[]): ImportedSheet[] {
  if (tables.length === 0) return [...sheets];
  const lookup: Lookup = { byNo: new Map(), byName: new Map() };
  for (const t of tables) {
    for (const e of t.entries) {
      if (e.recipientNo !== undefined && !lookup.byNo.has(e.recipientNo)) lookup.byNo.set(e.recipientNo, { e, t });
      if (e.name !== undefined && !lookup.byName.has(foldUserName(e.name))) lookup.byName.set(foldUserName(e.name), { e, t });
    }
  }
  const given = new Set<CanonicalField>();
  for (const t of tables) {
    for (const e of t.entries) {
      for (const f of TABLE_FIELDS) if (e[f] !== undefined) given.add(f);
      if (e.plannedWeekdays) given.add('planned');
    }
  }
  for (const sheet of sheets) {
    if (sheet.layout === 'user-table' || sheet.recordList.length === 0) continue;
    applyToSheet(sheet, lookup, given);
  }
  return [...sheets, ...tables.map((t) => t.sheet)];
}

function applyToSheet(sheet: ImportedSheet, lookup: Lookup, given: Set<CanonicalField>): void {
  const fields = new Set<CanonicalField>(sheet.fields);
  for (const f of given) fields.add(f);
  const merged = sheet.fields.length === fields.size ? sheet.fields : [...fields];
  const reported = new Set<string>();
  for (const rec of sheet.recordList) {
    rec.fields = merged;
    const hit = (rec.recipientNo !== undefined ? lookup.byNo.get(rec.recipientNo.normalize('NFKC').replace(/[\s\-]/g, '')) : undefined) ?? lookup.byName.get(foldUserName(rec.user));
    if (!hit) {
      if (!reported.has(`?${rec.user}`)) {
        reported.add(`?${rec.user}`);
        sheet.inputFindings.push(unplacedUser(sheet, rec));
      }
      continue;
    }
    const { e, t } = hit;
    for (const f of TABLE_FIELDS) {
      const tv = e[f];
      if (tv === undefined) continue;
      const own = rec[f];
      if (own === undefined) (rec as Record<TableField, unknown>)[f] = tv;
      else if (!same(f, own, tv) && !reported.has(`${rec.user}\u0000${f}`)) {
        reported.add(`${rec.user}\u0000${f}`);
        sheet.inputFindings.push(conflict(sheet, rec, f, own, tv, t, e));
      }
    }
    if (e.plannedWeekdays && rec.planned === undefined) {
      const from = rec.certFrom ?? e.certFrom;
      const to = rec.certTo ?? e.certTo;
      if ((from === undefined || rec.date >= from) && (to === undefined || rec.date <= to)) rec.planned = e.plannedWeekdays.includes(new Date(`${rec.date}T00:00:00Z`).getUTCDay());
    }
  }
  sheet.fields = merged;
}

function same(f: TableField, a: unknown, b: unknown): boolean {
  if (f === 'recipientNo') return String(a).normalize('NFKC').replace(/[\s\-]/g, '') === String(b);
  if (f === 'municipality') return foldUserName(String(a)) === foldUserName(String(b));
  return a === b;
}

function dayLocation(sheet: ImportedSheet, rec: DayRecord, field: CanonicalField): Location {
  const loc: Location = { sheet: rec.source.sheet, row: rec.source.row };
  if (rec.source.file !== undefined) loc.file = rec.source.file;
  const column = rec.source.columns[field] ?? sheet.columns[field];
  if (column !== undefined) loc.column = column;
  return loc;
}

function tableLocation(t: UserTable, e: UserTableEntry, field: TableField): Location {
  const loc: Location = { sheet: t.sheet.name, row: e.row };
  if (t.sheet.file !== undefined) loc.file = t.sheet.file;
  const column = e.cells[field];
  if (column !== undefined) loc.column = column;
  return loc;
}

const cellName = (l: Location) => `「${l.sheet}」シート ${l.column ?? ''}${l.row}`;
const cellNameEn = (l: Location) => `sheet "${l.sheet}" ${l.column ?? ''}${l.row}`;

function conflict(sheet: ImportedSheet, rec: DayRecord, f: TableField, own: unknown, tv: unknown, t: UserTable, e: UserTableEntry): Finding {
  const day = dayLocation(sheet, rec, f);
  const table = tableLocation(t, e, f);
  const label = FIELD_LABELS[f];
  return {
    ruleId: 'input-value',
    severity: 'warning',
    outcome: 'incomplete',
    pack: 'national',
    user: rec.user,
    locations: [day, table],
    message: {
      ja: `${rec.user}さんの${label.ja}が食い違っています: ${cellName(day)}は「${String(own)}」、利用者台帳（${cellName(table)}）は「${String(tv)}」です。記録の行の値で判定しました。どちらが正しいか確認してください。`,
      en: `${rec.user}: the ${label.en.toLowerCase()} differs: ${cellNameEn(day)} says "${String(own)}", the user table (${cellNameEn(table)}) says "${String(tv)}". The day row's value was used; check which is right.`,
    },
    source: '',
  };
}

function unplacedUser(sheet: ImportedSheet, rec: DayRecord): Finding {
  const loc = dayLocation(sheet, rec, 'user');
  return {
    ruleId: 'input-mapping',
    severity: 'warning',
    outcome: 'incomplete',
    pack: 'national',
    user: rec.user,
    locations: [loc],
    message: {
      ja: `${rec.user}さん（${cellName(loc)}）は利用者台帳にいません（受給者証番号でも氏名でも見つかりません）。台帳の値（支給決定市町村・受給者証の在宅期間など）はこの利用者には使っていません。台帳に行を追加するか、氏名・受給者証番号の書き方をそろえてください。`,
      en: `${rec.user} (${cellNameEn(loc)}) is not in the user table (neither by certificate number nor by name). The table's facts (municipality, certificate period …) were not used for this user. Add a row to the table or write the name / number the same way.`,
    },
    source: '',
  };
}
