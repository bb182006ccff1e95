// Form-style (帳票型) layout: printed record forms with labels in (merged) cells and values beside or
// below them, one block per day (支援記録), a weekly 評価 block, a monthly 達成度評価シート.
// Label-anchored: every label cell is found, its value is read from the cells to its right up to the next
// label (or from the row below). Checkboxes arrive as ☑/☐ marks (formats/xlsx/controls.ts) or typed marks.
import type { CanonicalField, Contact, DayRecord, EvalMethod, EvaluationSheetContent } from '../../model/record.ts';
import { CANONICAL_FIELDS } from '../../model/record.ts';
import { parseDate, parseTitleMonth } from '../../normalize/dates.ts';
import { parseEvalMethod } from '../../normalize/marks.ts';
import { normalizeText, normalizeUserName } from '../../normalize/text.ts';
import { parseTime, parseTimeRange } from '../../normalize/times.ts';
import { isBlank, type GridView } from '../grid.ts';
import type { CellValue, ImportedSheet } from '../types.ts';
import { newRecord } from './common.ts';
import { checkForm } from '../../forms/index.ts';

/** Sheets that are a city's filled example or instructions, not anybody's record. */
const SAMPLE_SHEET = /記載例|記入例|記載要領|記入要領|見本/;
export function isSampleSheetName(name: string): boolean {
  return SAMPLE_SHEET.test(normalizeText(name));
}

type Label =
  | 'user' | 'recipientNo' | 'date' | 'time' | 'method' | 'work' | 'contacts' | 'evalBlock' | 'period' | 'prevEval'
  | 'evalContent' | 'other' | 'evaluator' | 'recorder' | 'state' | 'status'
  | 'goal' | 'activities' | 'achievement' | 'issues' | 'improvement' | 'health' | 'continuation';

const LABELS: [Label, RegExp][] = [
  ['user', /^(?:対象者|利用者)(?:氏?名|氏名)?$|^氏名$/],
  ['recipientNo', /^受給者(?:証)?番号$/],
  ['date', /^(?:実施|支援|評価|評価実施)(?:年月)?日$/],
  ['time', /^(?:実施|支援|作業)時間$/],
  ['method', /^(?:支援|実施|評価)?方法$/],
  ['work', /^作業(?:・|\/)?訓練内容$|^(?:作業|訓練)内容$/],
  ['contacts', /^支援内容/],
  ['evalBlock', /^評価$/],
  ['period', /^対象期間$/],
  ['prevEval', /^前回(?:の)?(?:達成度)?評価日$/],
  ['evalContent', /^評価内容$/],
  ['goal', /^訓練目標$/],
  ['activities', /^取(?:り)?組(?:み)?内容$/],
  ['achievement', /^(?:訓練目標に対する)?達成度$/],
  ['issues', /^課題$/],
  ['improvement', /改善方針$/],
  ['health', /^健康(?:・|面|・体調面|体調面)*.*留意事項$/],
  ['other', /^その他特記事項$/],
  ['continuation', /^在宅就労継続の妥当性$|妥当性$/],
  ['evaluator', /^評価実施者$/],
  ['recorder', /^(?:対応・?)?記録者$|^確認者/],
  ['state', /^対象者の心身の状況/],
  ['status', /^対象者署名$/],
];

const SHEET_FIELDS: Record<string, keyof EvaluationSheetContent> = {
  goal: 'goal', activities: 'activities', achievement: 'achievement', issues: 'issues', improvement: 'improvement', health: 'health', continuation: 'continuation',
};

/** Label key: NFKC, no spaces (実 施 日, 方　　法), no ※ notes or brackets, no trailing (1日2回以上). */
function labelKey(text: string): string {
  return normalizeText(text)
    .replace(/[\s]/g, '')
    .replace(/※\d*/g, '')
    .replace(/^[(（]/, '')
    .replace(/[)）]$/, '')
    .replace(/\(1日2回以上\)$/, '');
}

function labelOf(v: CellValue): Label | undefined {
  if (typeof v !== 'string' || v.length > 40) return undefined;
  const k = labelKey(v);
  if (k === '') return undefined;
  for (const [label, re] of LABELS) if (re.test(k)) return label;
  return undefined;
}

interface Hit {
  label: Label;
  r: number;
  c: number;
}

/** Every label cell, top to bottom; a merged label repeated in the rows below counts once. */
function findLabels(view: GridView, maxRows = view.rowCount): Hit[] {
  const hits: Hit[] = [];
  const rows = Math.min(view.rowCount, maxRows);
  for (let r = 0; r < rows; r++) {
    const row = view.row(r);
    for (let c = 0; c < Math.min(row.length, 200); c++) {
      const label = labelOf(row[c]);
      if (!label) continue;
      if (r > 0 && view.get(r - 1, c) === row[c]) continue;
      hits.push({ label, r, c });
    }
  }
  return hits;
}

/** A sheet is a form when 実施日 and 対象者名/受給者証番号 labels stand in different rows, with a method or content label. */
export function looksLikeForm(view: GridView): boolean {
  // a form states its user and first 実施日 near the top; a long table is not scanned further
  const hits = findLabels(view, 60);
  const rowsOf = (l: Label) => new Set(hits.filter((h) => h.label === l).map((h) => h.r));
  const dates = rowsOf('date');
  const people = new Set([...rowsOf('user'), ...rowsOf('recipientNo')]);
  if (dates.size === 0 || people.size === 0) return false;
  if ([...dates].every((r) => people.has(r))) return false; // one header row: a table
  // a form puts 支援方法 / 支援内容 / 作業・訓練内容 … in their own rows; a table's header has them beside 実施日
  return hits.some((h) => (h.label === 'method' || h.label === 'contacts' || h.label === 'goal' || h.label === 'work') && !dates.has(h.r));
}

const CHECKED = /^[☑☒✓✔■●○◯◉✅]/;
const UNCHECKED = /^[☐□]/;
const MARK_ONLY = /^[☑☒✓✔■●○◯◉✅☐□]$/;

export interface FormImport {
  records: DayRecord[];
  fields: CanonicalField[];
  columns: Partial<Record<CanonicalField, string>>;
  /** blocks seen (filled or not) */
  blocks: number;
  /** method rows of filled blocks, and whether any of them holds a box mark (☑ ☐ □ …) */
  boxRows: number;
  sawBox: boolean;
  kind: 'support' | 'monthly';
}

interface Block {
  kind: 'day' | 'weekly' | 'monthly';
  hits: Hit[];
}

/** Reads a form sheet into records. Bad or missing values become located findings on the view. */
export function importForm(view: GridView, workbookUser?: FormUser): FormImport {
  const hits = findLabels(view);
  const isMonthly = hits.some((h) => h.label === 'goal') && hits.some((h) => h.label === 'achievement');
  const month = titleMonth(view);
  const ctx = { view, month };

  const userHit = hits.find((h) => h.label === 'user');
  const noHit = hits.find((h) => h.label === 'recipientNo');
  const userValue = userHit ? segmentValue(view, userHit, hits, false) : undefined;
  const userText = userValue?.text ?? '';
  let user = normalizeUserName(userText).replace(/\s*(?:様|さん|殿)$/, '');
  let recipientNo = noHit ? recipientOf(view, noHit, hits) : undefined;
  // a sheet per day without its own 対象者名: the workbook's user (another sheet of the same file)
  if (!user && !recipientNo && workbookUser) {
    user = workbookUser.name ?? '';
    recipientNo = workbookUser.recipientNo;
  }

  // blocks: a day block starts at each 実施日 outside a 評価 block; 評価 opens a weekly block
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const h of hits) {
    if (h.label === 'evalBlock') {
      current = { kind: 'weekly', hits: [] };
      blocks.push(current);
      continue;
    }
    if (h.label === 'date' && !(current?.kind === 'weekly' && !current.hits.some((x) => x.label === 'date'))) {
      current = { kind: isMonthly ? 'monthly' : 'day', hits: [] };
      blocks.push(current);
    }
    if (current) current.hits.push(h);
  }
  // labels of the monthly sheet stand below its 実施日: they belong to the one block
  if (isMonthly && blocks.length > 0) {
    const first = blocks[0]!;
    for (const h of hits) if (h.r > first.hits[0]!.r && !first.hits.includes(h) && h.label !== 'date') first.hits.push(h);
    blocks.length = 1;
  }

  const fields = new Set<CanonicalField>(['date', 'user', 'recipientNo']);
  if (!isMonthly) {
    for (const f of ['mode', 'start', 'end', 'contacts', 'workContent'] as const) fields.add(f);
    if (blocks.some((b) => b.kind === 'weekly')) fields.add('weeklyEval');
  } else {
    for (const f of ['monthlyEval', 'start', 'end'] as const) fields.add(f);
  }
  const fieldList = CANONICAL_FIELDS.filter((f) => fields.has(f));

  const records: DayRecord[] = [];
  const byDate = new Map<string, DayRecord>();
  let filled = 0;
  for (const b of blocks) {
    const date = b.hits.find((h) => h.label === 'date');
    if (!date) continue;
    const valueHits = b.hits.filter((h) => h.label !== 'date');
    const dateRead = readDate(ctx, date, hits);
    const anyValue = dateRead.kind !== 'blank' || valueHits.some((h) => hasValue(view, h, hits));
    if (!anyValue) continue; // a blank block of the template
    filled++;
    if (dateRead.kind !== 'ok') {
      const c = dateRead.col ?? date.c + 1;
      view.cellFinding('input-date', date.r, c, 'date', dateRead.kind === 'bad' ? dateRead.raw : '', {
        ja: dateRead.kind === 'bad' ? '実施日として読めません。' : 'この記録の実施日が書かれていません。',
        en: dateRead.kind === 'bad' ? 'It is not a date.' : 'This record has no date (実施日).',
      }, { ja: '令和 年 月 日の欄に実施日を記入してください。この記録は読み込んでいません。', en: ' Fill in the date (令和 年 月 日). This record was not read.' }, user || undefined);
      continue;
    }
    if (!user && !recipientNo) {
      NEEDS_USER.add(view);
      const at = userHit ?? date;
      view.cellFinding('input-value', at.r, at.c + 1, 'user', '', { ja: '対象者名も受給者証番号も書かれていません。', en: 'Neither the user name nor the certificate number is filled in.' }, {
        ja: '対象者名を記入してください。このシートの記録は読み込んでいません。',
        en: ' Fill in 対象者名. The records of this sheet were not read.',
      });
      return { records: [], fields: fieldList, columns: {}, blocks: blocks.length, kind: isMonthly ? 'monthly' : 'support', boxRows: 0, sawBox: false };
    }
    const source = { sheet: view.name, row: view.rowNumber(date.r), columns: { date: view.letter(dateRead.col ?? date.c + 1) } as Partial<Record<CanonicalField, string>> };
    if (view.file !== undefined) (source as { file?: string }).file = view.file;
    let rec = byDate.get(dateRead.date);
    const isNew = !rec;
    if (!rec) {
      rec = newRecord(dateRead.date, user || recipientNo!, fieldList, source);
      rec.recipientNo = recipientNo;
    }
    if (userValue) rec.source.columns.user ??= view.letter(userValue.c);
    readBlock(ctx, b, rec, hits, user);
    if (isNew) {
      byDate.set(dateRead.date, rec);
      records.push(rec);
    }
  }
  void filled;
  const columns: Partial<Record<CanonicalField, string>> = {};
  const first = records[0];
  if (first) Object.assign(columns, first.source.columns);
  let boxRows = 0;
  let sawBox = false;
  for (const b of blocks) {
    const m = b.hits.find((h) => h.label === 'method');
    if (!m || records.length === 0) continue;
    boxRows++;
    sawBox ||= (readBoxes(view, m, hits)?.labels.length ?? 0) > 0;
  }
  return { records, fields: fieldList, columns, blocks: blocks.length, kind: isMonthly ? 'monthly' : 'support', boxRows, sawBox };
}

interface Ctx {
  view: GridView;
  month: { year: number; month: number } | undefined;
}

function readBlock(ctx: Ctx, b: Block, rec: DayRecord, all: Hit[], user: string): void {
  const { view } = ctx;
  const cols = rec.source.columns;
  const methodHit = b.hits.find((h) => h.label === 'method');
  const methods = methodHit ? readBoxes(view, methodHit, all) : undefined;
  if (b.kind === 'day') {
    rec.mode = 'home';
    const time = b.hits.find((h) => h.label === 'time');
    if (time) readTimes(view, time, all, rec, user);
    const work = b.hits.find((h) => h.label === 'work');
    if (work) {
      const v = segmentValue(view, work, all, true);
      if (v) {
        rec.workContent = v.text;
        cols.workContent = view.letter(v.c);
      }
    }
    const support = b.hits.find((h) => h.label === 'contacts');
    if (support) {
      const v = segmentValue(view, support, all, true);
      if (v) {
        const method = methods && methods.checked.length === 1 ? methods.checked[0] : undefined;
        rec.contacts = contactsOf(v.text, method);
        cols.contacts = view.letter(v.c);
      } else rec.contacts = [];
    }
    return;
  }
  const method = pickMethod(methods);
  if (methodHit) cols[b.kind === 'weekly' ? 'weeklyEval' : 'monthlyEval'] = view.letter(methods?.col ?? methodHit.c + 1);
  if (b.kind === 'weekly') {
    rec.weeklyEval = method;
    return;
  }
  rec.monthlyEval = method;
  if (method === 'center' && rec.mode === undefined) rec.mode = 'center';
  const time = b.hits.find((h) => h.label === 'time');
  if (time) readTimes(view, time, all, rec, user);
  const content: EvaluationSheetContent = {};
  const cells = new Map<string, { r: number; c: number }>();
  for (const h of b.hits) {
    const key = SHEET_FIELDS[h.label];
    if (!key) continue;
    const v = segmentValue(view, h, all, true);
    cells.set(key, v ? { r: v.r, c: v.c } : { r: h.r, c: h.c }); // blank: the label itself
    if (v && !isGuidance(v.text)) content[key] = v.text;
  }
  rec.evaluationSheet = content;
  evaluationSheetChecks(view, rec, content, cells);
}

/**
 * The seven content fields through the 達成度評価シート checks of core/forms (`002` カ: all filled, not a
 * placeholder, long enough), each issue located at its cell. The method is judged by monthly-evaluation.
 */
function evaluationSheetChecks(view: GridView, rec: DayRecord, content: EvaluationSheetContent, cells: Map<string, { r: number; c: number }>): void {
  const values: Record<string, string> = { evaluatedOn: rec.date };
  for (const key of cells.keys()) values[key] = content[key as keyof EvaluationSheetContent] ?? '';
  const report = checkForm('evaluation-sheet', values, { asOf: rec.date });
  for (const f of report.findings) {
    const field = f.locations[0]?.field;
    const at = field === undefined ? undefined : cells.get(field);
    if (!at) continue;
    const where = { ja: `「${view.name}」シート ${view.rowNumber(at.r)}行 ${view.letter(at.c)}列`, en: `Sheet "${view.name}", row ${view.rowNumber(at.r)}, column ${view.letter(at.c)}` };
    view.addFinding({
      ruleId: 'evaluation-sheet',
      severity: f.severity,
      outcome: f.outcome,
      pack: 'national',
      user: rec.user,
      period: { from: rec.date, to: rec.date },
      locations: [view.location(at.r, at.c)],
      message: { ja: `${where.ja}（達成度評価シート ${rec.date}）: ${f.message.ja}`, en: `${where.en} (achievement evaluation sheet ${rec.date}): ${f.message.en}` },
      source: f.source,
    });
  }
}

/** The city's writing guidance printed in a 記載要領 sheet (※ 上記目標を…を記載) is not content. */
function isGuidance(text: string): boolean {
  return /^※/.test(text.trim());
}

function pickMethod(boxes: Boxes | undefined): EvalMethod {
  if (!boxes || boxes.checked.length === 0) return 'unknown';
  for (const m of ['center', 'visit', 'online', 'phone'] as const) if (boxes.checked.includes(m)) return m;
  return 'unknown';
}

/** Columns of the label's row from the label to the next label (exclusive). */
function segment(view: GridView, hit: Hit, all: readonly Hit[]): { c: number; v: CellValue }[] {
  let end = view.row(hit.r).length;
  for (const h of all) if (h.r === hit.r && h.c > hit.c && h.c < end) end = h.c;
  const out: { c: number; v: CellValue }[] = [];
  const row = view.row(hit.r);
  for (let c = hit.c + 1; c < end; c++) {
    const v = row[c];
    if (!isBlank(v) && v !== row[hit.c]) out.push({ c, v });
  }
  return out;
}

/** First value right of the label (same row); else, when `below`, the first value in the next rows. */
function segmentValue(view: GridView, hit: Hit, all: readonly Hit[], below: boolean): { text: string; c: number; r: number } | undefined {
  const seg = segment(view, hit, all);
  if (seg.length > 0) {
    const text = seg.map((s) => cellString(s.v)).filter((t) => t !== '').join(' ').trim();
    if (text !== '') return { text, c: seg[0]!.c, r: hit.r };
  }
  if (!below) {
    // a name typed under its label
    const v = view.get(hit.r + 1, hit.c);
    return !isBlank(v) && !labelOf(v) && typeof v === 'string' ? { text: v.trim(), c: hit.c, r: hit.r + 1 } : undefined;
  }
  const labelText = view.get(hit.r, hit.c);
  for (let r = hit.r + 1; r <= hit.r + 2 && r < view.rowCount; r++) {
    if (all.some((h) => h.r === r)) break;
    const row = view.row(r);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v) || v === labelText || labelOf(v)) continue;
      return { text: cellString(v), c, r };
    }
  }
  return undefined;
}

function hasValue(view: GridView, hit: Hit, all: readonly Hit[]): boolean {
  if (hit.label === 'method') return (readBoxes(view, hit, all)?.checked.length ?? 0) > 0;
  if (hit.label === 'evalBlock' || hit.label === 'status') return false;
  return segment(view, hit, all).some((s) => !isTemplateText(s.v));
}

/** Printed parts of the template: 年 月 日 ～ and the unchecked boxes with their labels. */
function isTemplateText(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const t = normalizeText(v);
  return /^(?:年|月|日|~|月分|令和|平成|\(評価は.*\)|※.*)$/.test(t) || UNCHECKED.test(t) || /^(?:訪問|通所|電話|その他.*)$/.test(t);
}

function cellString(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return String(v).trim();
}

function recipientOf(view: GridView, hit: Hit, all: readonly Hit[]): string | undefined {
  const seg = segment(view, hit, all);
  if (seg.length === 0) return undefined;
  const raw = seg.map((s) => cellString(s.v)).join('');
  const digits = normalizeText(raw).replace(/[\s-]/g, '');
  return digits === '' ? undefined : digits;
}

type DateRead = { kind: 'ok'; date: string; col: number } | { kind: 'blank'; col?: number } | { kind: 'bad'; raw: string; col: number };

/** 実施日: split cells (令和 8 年 11 月 5 日, era often not printed), 西暦, or a whole date in one cell. */
function readDate(ctx: Ctx, hit: Hit, all: readonly Hit[]): DateRead {
  const seg = segment(ctx.view, hit, all).filter((s) => !(typeof s.v === 'string' && /^\s*令和\s*$/.test(s.v) && false));
  const values = seg.filter((s) => !isDateWord(s.v));
  if (values.length === 0) return { kind: 'blank' };
  const col = values[0]!.c;
  const whole = values.length === 1 ? values[0]!.v : undefined;
  if (whole instanceof Date || (typeof whole === 'number' && whole > 366)) {
    const d = parseDate(whole, { date1904: ctx.view.date1904 });
    return d.ok ? { kind: 'ok', date: d.date, col } : { kind: 'bad', raw: cellString(whole), col };
  }
  const text = datePartsText(seg.map((s) => s.v));
  return dateOfText(text, ctx, col);
}

function isDateWord(v: CellValue): boolean {
  return typeof v === 'string' && /^(?:年|月|日|令和|平成|西暦)$/.test(normalizeText(v));
}

/** Joins split date cells: [7, 年, 4, 月, 16, 日] → `7年4月16日`. */
function datePartsText(vs: readonly CellValue[]): string {
  return vs.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : cellString(v))).join('').replace(/\s+/g, '');
}

function dateOfText(text: string, ctx: Ctx, col: number): DateRead {
  let s = normalizeText(text).replace(/\s+/g, '');
  if (s === '') return { kind: 'blank' };
  // the era is printed outside the cells (or not at all): a one- or two-digit year is 令和
  if (/^\d{1,2}年\d{1,2}月\d{1,2}日?$/.test(s)) s = `令和${s}`;
  if (/^\d{1,2}月\d{1,2}日?$/.test(s) && ctx.month) s = `${ctx.month.year}年${s}`;
  if (/^年?月?\d{1,2}日?$/.test(s) && ctx.month) s = `${ctx.month.year}年${ctx.month.month}月${s.replace(/^年?月?/, '')}`;
  if (/^年月日$/.test(s)) return { kind: 'blank' };
  const d = parseDate(s, ctx.month ?? {});
  return d.ok ? { kind: 'ok', date: d.date, col } : { kind: 'bad', raw: text, col };
}

/** 実施時間: start and end cells around ～ (serials carrying some date: the time of day), or `9:00～16:00` in one cell. */
function readTimes(view: GridView, hit: Hit, all: readonly Hit[], rec: DayRecord, user: string): void {
  const seg = segment(view, hit, all);
  const values = seg.filter((s) => !(typeof s.v === 'string' && /^[~～〜\-ー―から]+$/.test(normalizeText(s.v))));
  if (values.length === 0) return;
  const cols = rec.source.columns;
  if (values.length === 1 && typeof values[0]!.v === 'string') {
    const range = parseTimeRange(values[0]!.v);
    if (range.ok) {
      rec.start = range.from;
      rec.end = range.to;
      cols.start = cols.end = view.letter(values[0]!.c);
      return;
    }
  }
  const [a, b] = values;
  for (const [part, field] of [[a, 'start'], [b, 'end']] as const) {
    if (!part) continue;
    const t = parseTime(part.v instanceof Date ? part.v : typeof part.v === 'number' && part.v > 1 && !Number.isInteger(part.v) ? part.v - Math.floor(part.v) : part.v);
    if (t.ok) {
      rec[field] = t.minutes;
      cols[field] = view.letter(part.c);
    } else {
      view.cellFinding('input-time', hit.r, part.c, field, part.v, t.reason, { ja: '9:00 や 9時30分 のように記入してください。', en: ' Write it like 9:00 or 9時30分.' }, user || undefined);
    }
  }
}

interface Boxes {
  checked: EvalMethod[];
  labels: string[];
  col?: number;
}

/** The □ boxes of a 方法 row: each mark with its label (the mark's own cell or the next cell). */
function readBoxes(view: GridView, hit: Hit, all: readonly Hit[]): Boxes | undefined {
  const seg = segment(view, hit, all);
  const out: Boxes = { checked: [], labels: [] };
  for (let i = 0; i < seg.length; i++) {
    const raw = seg[i]!.v;
    // Excel's in-cell checkboxes hold TRUE/FALSE
    const t = typeof raw === 'boolean' ? (raw ? '☑' : '☐') : typeof raw === 'string' ? normalizeText(raw) : '';
    const checked = CHECKED.test(t);
    if (!checked && !UNCHECKED.test(t)) continue;
    let label = t.slice(1).trim();
    if (label === '' && i + 1 < seg.length && MARK_ONLY.test(t)) {
      const next = seg[i + 1]!.v;
      const nt = typeof next === 'string' ? normalizeText(next) : '';
      if (!CHECKED.test(nt) && !UNCHECKED.test(nt)) label = nt;
    }
    out.labels.push(label);
    if (!checked) continue;
    out.col ??= seg[i]!.c;
    out.checked.push(methodOfLabel(label));
  }
  return out;
}

/** 訪問 / 通所 / 電話; その他（電話） → the written method; その他 with nothing written → unknown. */
function methodOfLabel(label: string): EvalMethod {
  const other = /^その他\s*[(（]?(.*?)[)）]?$/.exec(label);
  const text = (other ? other[1]! : label).trim();
  if (text === '') return 'unknown';
  const m = parseEvalMethod(text);
  return m === undefined || m === 'invalid' ? 'unknown' : m;
}

const BULLET = /^[・･●○◯◆◇■□▪\-*＊•‣∙①②③④⑤⑥⑦⑧⑨⑩]\s*/;
const LEAD_TIME = /^(?:午前|午後)?\s*\d{1,2}(?::\d{2}|時(?:\d{1,2}分|半)?)/;

/**
 * 支援内容 → contacts. Entries are bullets or lines (a wrapped line without a bullet continues the entry);
 * several times at the start of space-separated parts of one line are several entries. When some entry
 * starts with its time, only timed entries are contacts (an untimed bullet such as 「全体をとおして…」 is a
 * note on the one before); when none does, each entry is a contact.
 */
export function contactsOf(text: string, method?: EvalMethod): Contact[] {
  const entries: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const bullet = BULLET.test(line);
    const body = line.replace(BULLET, '');
    const startsTimed = LEAD_TIME.test(normalizeText(body));
    if (entries.length > 0 && !bullet && !startsTimed) {
      entries[entries.length - 1] += ' ' + body;
      continue;
    }
    if (startsTimed) {
      // 9:00 電話 15:00 電話 in one line
      for (const part of body.split(/[ \t\u3000/／]+(?=(?:午前|午後)?[0-9０-９]{1,2}(?:[:：][0-9０-９]{2}|時))/)) entries.push(part.trim());
    } else entries.push(body);
  }
  const timed = entries.map((e) => {
    const m = LEAD_TIME.exec(normalizeText(e));
    const t = m ? parseTime(m[0].replace(/\s+/g, '')) : undefined;
    return { text: e, time: t && t.ok ? t.minutes : undefined };
  });
  const anyTime = timed.some((e) => e.time !== undefined);
  const out: Contact[] = [];
  for (const e of timed) {
    if (anyTime && e.time === undefined) {
      const last = out[out.length - 1];
      if (last) last.text += '\n' + e.text;
      continue;
    }
    const c: Contact = e.time === undefined ? { text: e.text } : { time: e.time, text: e.text };
    if (method !== undefined) c.method = method;
    out.push(c);
  }
  return out;
}

/** 令和 年 月分 in the title rows (the year and month may stand in their own cells). */
function titleMonth(view: GridView): { year: number; month: number } | undefined {
  for (let r = 0; r < Math.min(view.rowCount, 6); r++) {
    const text = view.row(r).map((v) => cellString(v)).join('');
    if (!/月分|月度/.test(text)) continue;
    const m = parseTitleMonth(text.replace(/\s+/g, ''));
    if (m) return m;
  }
  return undefined;
}

/** The form layout's ImportedSheet: records, or a plain note when the form is blank. */
/** The user of a form sheet, as a workbook user for its sibling sheets without one. */
export interface FormUser {
  name?: string;
  recipientNo?: string;
}
const NEEDS_USER = new WeakSet<GridView>();
const SHEETS_NEEDING_USER = new WeakSet<ImportedSheet>();

/** Whether a form sheet had filled blocks but no 対象者名/受給者証番号 (read it again with the workbook's user). */
export function needsWorkbookUser(sheet: ImportedSheet): boolean {
  return SHEETS_NEEDING_USER.has(sheet);
}

/** The user a form sheet names (its first record's), for the sheets of the same workbook that name none. */
export function formUserOf(sheet: ImportedSheet): FormUser | undefined {
  const r = sheet.layout === 'form' ? sheet.recordList[0] : undefined;
  if (!r) return undefined;
  const u: FormUser = {};
  if (r.user !== r.recipientNo) u.name = r.user;
  if (r.recipientNo !== undefined) u.recipientNo = r.recipientNo;
  return u;
}

export function importFormSheet(view: GridView, workbookUser?: FormUser): ImportedSheet {
  const res = importForm(view, workbookUser);
  const out: ImportedSheet = {
    name: view.name,
    layout: 'form',
    columns: res.columns,
    unmappedHeaders: [],
    records: res.records.length,
    recordList: res.records,
    inputFindings: view.findings,
    fields: res.fields,
  };
  if (view.file !== undefined) out.file = view.file;
  // the 達成度評価シート is the user's record of a whole month (令和 年 月分)
  if (res.kind === 'monthly') out.monthly = true;
  if (NEEDS_USER.has(view)) SHEETS_NEEDING_USER.add(out);
  if (res.records.length > 0 && res.boxRows > 0 && !res.sawBox) {
    out.note = {
      ja: `「${view.name}」シートの方法欄（□訪問 □電話 など）にチェックの印が見つかりません。フォームコントロールのチェックボックスは Excel アドインでは読めないため、方法は「不明」として扱います。□の横のセルに ☑ ■ ✓ ○ などを入力するか、CLI でファイルをチェックしてください。`,
      en: `Sheet "${view.name}": no check mark found in the method boxes (□訪問 □電話 …). Form-control checkboxes cannot be read in the Excel add-in, so the method is treated as unknown. Type ☑ ■ ✓ ○ beside the box, or check the file with the CLI.`,
    };
  }
  if (res.records.length === 0 && view.findings.length === 0) {
    out.note = {
      ja: `「${view.name}」シートは記録様式（帳票型）ですが、記入された記録がありません（${res.blocks}欄とも空欄）。記録は0件です。`,
      en: `Sheet "${view.name}" is a record form (form-style) with nothing filled in (${res.blocks} blank block(s)): no records.`,
    };
  }
  return out;
}

/** A city's sample sheet, skipped unless asked for (ImportOptions.includeSamples). */
export function sampleSheetSkipped(view: GridView): ImportedSheet {
  const message = {
    ja: `「${view.name}」シートは市町村の記載例・記載要領（見本）のため読み込んでいません（誰かの記録ではありません）。読み込むには、CLI では --include-samples を指定してください。`,
    en: `Sheet "${view.name}" is the city's sample/instructions sheet (nobody's record) and was skipped. To read it, use --include-samples with the CLI.`,
  };
  const out: ImportedSheet = { name: view.name, columns: {}, unmappedHeaders: [], records: 0, recordList: [], inputFindings: view.findings, fields: [], note: message, problem: { code: 'sample', message } };
  if (view.file !== undefined) out.file = view.file;
  return out;
}
