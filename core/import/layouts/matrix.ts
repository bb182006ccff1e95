// Monthly matrix (出席簿 / 在宅就労支援実施一覧表): one row per user, one column per day.
import type { CanonicalField, DayRecord, EvalMethod, Mode, Provenance } from '../../model/record.ts';
import { isValidYmd, toIso } from '../../normalize/dates.ts';
import { normalizeText, normalizeUserName, isExcelError } from '../../normalize/text.ts';
import { isWeekdayCell } from '../headers.ts';
import { isBlank, type GridView } from '../grid.ts';
import type { ColumnPlan, DayColumn } from '../plan.ts';
import type { TitleInfo } from '../title.ts';
import type { CellValue } from '../types.ts';
import { textValue, type ValueReader } from '../values.ts';
import { DuplicateGuard, isTotalRow, newRecord, readRowFields } from './common.ts';

export interface MatrixInput {
  view: GridView;
  plan: ColumnPlan;
  title: TitleInfo;
  reader: ValueReader;
  firstDataRow: number;
  fields: CanonicalField[];
  headerRow: number;
}

export interface MatrixResult {
  records: DayRecord[];
  sawVisit: boolean;
  userCol: number | undefined;
}

interface DayMark {
  mode?: Mode;
  visit: boolean;
  invalid: boolean;
}

export function importMatrix(input: MatrixInput): MatrixResult {
  const { view, plan, reader, fields } = input;
  const records: DayRecord[] = [];
  const result: MatrixResult = { records, sawVisit: false, userCol: undefined };
  const userCol = plan.byField.user ?? guessUserColumn(view, plan, input.firstDataRow);
  result.userCol = userCol;
  if (userCol === undefined) return result;
  const month = input.title.month;
  const dayIso = plan.dayCols.map((d) => dayColumnIso(d, month));
  const isoOfDay = uniqueDayIsos(plan.dayCols, dayIso);
  if (dayIso.every((x) => x === undefined)) {
    view.addFinding({
      ruleId: 'input-date',
      severity: 'warning',
      outcome: 'incomplete',
      pack: 'national',
      locations: [view.location(input.headerRow)],
      message: {
        ja: `「${view.name}」シートの年月が分かりません。表の上に「令和8年10月分」のように年月を書いてください。このシートは読み込んでいません。`,
        en: `Sheet "${view.name}": the month is unknown. Write it above the table, e.g. 令和8年10月分. The sheet was not imported.`,
      },
      source: '',
    });
    return result;
  }
  const rowColumns: Partial<Record<CanonicalField, string>> = {};
  for (const [f, c] of Object.entries(plan.byField) as [CanonicalField, number][]) {
    if (f !== 'date' && f !== 'mode' && f !== 'weeklyEval' && f !== 'monthlyEval') rowColumns[f] = view.letter(c);
  }
  if (plan.contactCols.length > 0) rowColumns.contacts = view.letter(plan.contactCols[0]!);
  const dup = new DuplicateGuard(view);
  const markCache = new Map<string, DayMark>();

  for (let r = input.firstDataRow; r < view.rowCount; r++) {
    const row = view.row(r);
    if (row.length === 0) continue;
    const uv = row[userCol];
    if (isBlank(uv) || isExcelError(uv)) continue;
    if (isTotalRow(row)) continue;
    if (isWeekdayRow(row, plan.dayCols)) continue;
    const user = typeof uv === 'string' ? normalizeUserName(uv) : textValue(uv);
    if (user === undefined || user === '') continue;
    const byDate = new Map<string, DayRecord>();
    const base = newRecord('1970-01-01', user, fields, { sheet: view.name, row: 1, columns: {} });
    readRowFields(view, r, row, plan, reader, base, user, true);

    const make = (iso: string, dayCol: number | undefined, mark: DayMark | undefined, evalCol?: number): DayRecord => {
      const columns: Partial<Record<CanonicalField, string>> = { ...rowColumns, user: view.letter(userCol) };
      const col = dayCol ?? evalCol;
      if (col !== undefined) {
        columns.date = view.letter(col);
        if (mark) columns.mode = view.letter(col);
      }
      const prov: Provenance = { sheet: view.name, row: view.rowNumber(r), columns };
      if (view.file !== undefined) prov.file = view.file;
      const rec = { ...base, date: iso, source: prov };
      if (mark?.mode) rec.mode = mark.mode;
      if (mark?.visit) rec.weeklyEval = 'visit';
      return rec;
    };

    for (let i = 0; i < plan.dayCols.length; i++) {
      const dc = plan.dayCols[i]!;
      const v = row[dc.c];
      if (isBlank(v)) continue;
      const mark = readMark(v, reader, markCache);
      if (mark === undefined) continue;
      const iso = dayIso[i];
      if (iso === undefined) {
        view.cellFinding('input-date', r, dc.c, 'date', v, {
          ja: `${month ? `${month.year}年${month.month}月` : 'この月'}に${dc.day}日はありません。`,
          en: `Day ${dc.day} does not exist in ${month ? `${month.year}-${month.month}` : 'this month'}.`,
        }, { ja: '', en: '' }, user);
        continue;
      }
      if (mark.invalid) {
        view.cellFinding('input-unknown-mode', r, dc.c, 'mode', v, { ja: '在宅・通所・訪問・欠席のどれか分かりません。', en: 'It is not one of home, on-site, visit or absent.' }, {
          ja: '○・在・通・訪問・欠 のいずれかを入力してください。この日の利用形態は不明として扱います。',
          en: ' Enter ○, 在, 通, 訪問 or 欠. The day is kept with an unknown mode.',
        }, user);
      }
      if (dup.seen(user, iso, r, dc.c)) continue;
      if (mark.visit) result.sawVisit = true;
      const rec = make(iso, dc.c, mark);
      byDate.set(iso, rec);
      records.push(rec);
    }

    for (const key of ['weeklyEval', 'monthlyEval'] as const) {
      const c = plan.byField[key];
      if (c === undefined || isBlank(row[c])) continue;
      for (const ev of evalDates(view, r, c, row[c], key, reader, user, isoOfDay)) {
        let rec = byDate.get(ev.iso);
        if (!rec) {
          const di = plan.dayCols.findIndex((_, i) => dayIso[i] === ev.iso);
          rec = make(ev.iso, di >= 0 ? plan.dayCols[di]!.c : undefined, undefined, c);
          byDate.set(ev.iso, rec);
          records.push(rec);
        }
        rec.source.columns[key] = view.letter(c);
        const method: EvalMethod = ev.method ?? methodOfDay(rec);
        if (key === 'weeklyEval') rec.weeklyEval = method;
        else rec.monthlyEval = method;
      }
    }
  }
  return result;
}

/** 訪問 → visit, 通所 → center, otherwise the method is not known. */
function methodOfDay(rec: DayRecord): EvalMethod {
  if (rec.weeklyEval === 'visit') return 'visit';
  if (rec.mode === 'center') return 'center';
  return 'unknown';
}

function dayColumnIso(d: DayColumn, month: { year: number; month: number } | undefined): string | undefined {
  if (d.iso) return d.iso;
  if (!month || !isValidYmd(month.year, month.month, d.day)) return undefined;
  return toIso(month.year, month.month, d.day);
}

/** Day number → the date of the one day column with that day (a header spanning two months may have two). */
function uniqueDayIsos(dayCols: DayColumn[], dayIso: (string | undefined)[]): Map<number, string | null> {
  const out = new Map<number, string | null>();
  dayCols.forEach((d, i) => {
    const iso = dayIso[i];
    if (iso === undefined) return;
    const prev = out.get(d.day);
    out.set(d.day, prev === undefined || prev === iso ? iso : null);
  });
  return out;
}

function readMark(v: CellValue, reader: ValueReader, cache: Map<string, DayMark>): DayMark | undefined {
  const key = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  if (key !== undefined) {
    const hit = cache.get(key);
    if (hit) return hit.invalid || hit.mode || hit.visit ? hit : undefined;
  }
  const m = computeMark(v, reader);
  if (key !== undefined && cache.size < 1000) cache.set(key, m);
  return m.invalid || m.mode || m.visit ? m : undefined;
}

function computeMark(v: CellValue, reader: ValueReader): DayMark {
  if (isExcelError(v) || v instanceof Date) return { visit: false, invalid: true };
  const s = typeof v === 'string' ? normalizeText(v) : '';
  if (s.includes('訪問') || s === '訪') return { mode: 'home', visit: true, invalid: false };
  const mode = reader.mode(v);
  if (mode !== 'invalid' && mode !== undefined) return { mode, visit: false, invalid: false };
  const mark = reader.mark(v);
  if (mark === true) return { mode: 'home', visit: false, invalid: false };
  if (mark === false || mark === undefined) return { visit: false, invalid: false };
  return { visit: false, invalid: true };
}

function isWeekdayRow(row: CellValue[], dayCols: DayColumn[]): boolean {
  let wd = 0;
  let other = 0;
  for (const d of dayCols) {
    const v = row[d.c];
    if (isBlank(v)) continue;
    if (isWeekdayCell(v)) wd++;
    else other++;
  }
  return wd > 0 && wd >= other * 3;
}

/** Without a 氏名 header: the left-most unlabelled text column before the first day column. */
function guessUserColumn(view: GridView, plan: ColumnPlan, firstDataRow: number): number | undefined {
  const firstDay = plan.dayCols.reduce((m, d) => Math.min(m, d.c), Number.POSITIVE_INFINITY);
  for (let c = 0; c < Math.min(firstDay, view.width); c++) {
    if (plan.known.has(c)) continue;
    let texts = 0;
    let numbers = 0;
    for (let r = firstDataRow; r < Math.min(view.rowCount, firstDataRow + 20); r++) {
      const v = view.get(r, c);
      if (typeof v === 'string' && v.trim() !== '' && !/^\d+$/.test(v.trim())) texts++;
      else if (!isBlank(v)) numbers++;
    }
    if (texts > 0 && texts >= numbers) return c;
  }
  return undefined;
}

const RE_DAY_NUMBER = /^(\d{1,2})日?$/;
const EVAL_SPLIT = /[、,，;；\n\r/／・\s]+/;
const METHOD_SUFFIX = /^(.*?)\s*\(([^)]*)\)$/;

/** Evaluation dates in one cell: `7`, `7日`, `7、21`, `10/7(訪問)`, a Date or a serial. */
function evalDates(view: GridView, r: number, c: number, v: CellValue, field: 'weeklyEval' | 'monthlyEval', reader: ValueReader, user: string, isoOfDay: Map<number, string | null>): { iso: string; method?: EvalMethod }[] {
  const out: { iso: string; method?: EvalMethod }[] = [];
  const bad = (token: CellValue, reason: { ja: string; en: string }) =>
    view.cellFinding('input-date', r, c, field, token, reason, { ja: '評価した日を 7 や 10/7 のように入力してください。', en: ' Enter the evaluation days like 7 or 10/7.' }, user);
  if (typeof v !== 'string') {
    const d = reader.date(v);
    const byDay = !d.ok && typeof v === 'number' && Number.isInteger(v) ? isoOfDay.get(v) : undefined;
    if (d.ok) out.push({ iso: d.date });
    else if (byDay) out.push({ iso: byDay });
    else if (!isBlank(v)) bad(v, d.reason);
    return out;
  }
  const s = normalizeText(v);
  // 10/7 style slashes are dates, not separators.
  const tokens = /\d\/\d/.test(s) ? s.split(/[、,，;；\n\r・\s]+/) : s.split(EVAL_SPLIT);
  for (const raw of tokens) {
    if (raw === '') continue;
    let tok = raw;
    let method: EvalMethod | undefined;
    const m = METHOD_SUFFIX.exec(tok);
    if (m) {
      const meth = reader.method(m[2]!);
      if (meth !== 'invalid' && meth !== undefined && meth !== 'unknown') {
        method = meth;
        tok = m[1]!;
      }
    }
    let d = reader.date(tok);
    if (!d.ok) {
      // No month to complete a day number with: a day column of that day gives the date.
      const day = RE_DAY_NUMBER.exec(tok);
      const iso = day ? isoOfDay.get(Number(day[1])) : undefined;
      if (iso) d = { ok: true, date: iso };
    }
    if (d.ok) out.push(method ? { iso: d.date, method } : { iso: d.date });
    else {
      const mark = reader.mark(tok);
      if (mark === false) continue;
      bad(tok, d.reason);
    }
  }
  return out;
}
