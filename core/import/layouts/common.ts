// Shared by the layouts: record construction, per-row field reading, duplicate and total-row handling.
import type { CanonicalField, Contact, DayRecord, Provenance, Service } from '../../model/record.ts';
import { normalizeHeader, normalizeText } from '../../normalize/text.ts';
import { isBlank, type GridView } from '../grid.ts';
import type { ColumnPlan } from '../plan.ts';
import type { CellValue } from '../types.ts';
import { contactValue, countValue, dateRangeValue, minutesValue, otherServiceValue, textValue, type ValueReader } from '../values.ts';

export interface RowFieldValues {
  recipientNo?: string;
  municipality?: string;
  service?: Service;
  certFrom?: string;
  certTo?: string;
  arrivalMinutes?: number;
}

/** A record with every key present (one hidden class for all records). */
export function newRecord(date: string, user: string, fields: CanonicalField[], source: Provenance): DayRecord {
  return {
    date,
    user,
    recipientNo: undefined,
    municipality: undefined,
    service: undefined,
    mode: undefined,
    start: undefined,
    end: undefined,
    contactCount: undefined,
    contacts: undefined,
    dailyReport: undefined,
    workContent: undefined,
    result: undefined,
    weeklyEval: undefined,
    monthlyEval: undefined,
    planned: undefined,
    certFrom: undefined,
    certTo: undefined,
    otherService: undefined,
    remark: undefined,
    userConfirmed: undefined,
    exceptionReason: undefined,
    arrivalMinutes: undefined,
    fields,
    source,
  };
}

const UNREADABLE_MARK = { ja: '○/×のどちらか分かりません。', en: 'It is neither a yes (○) nor a no (×) mark.' };
const DAILY_REPORT_ACTION = {
  ja: '○（作成済）か×（未作成）で入力してください。この日の日報は作成済みとして数えていません。',
  en: ' Enter ○ (made) or × (not made). The daily report is not counted as made for this day.',
};
const PLANNED_ACTION = {
  ja: '計画上の在宅日なら○、そうでなければ×を入力してください。この日は計画の有無を不明として扱います。',
  en: ' Enter ○ if the plan schedules this home day, else ×. The plan is treated as unknown for this day.',
};
const TIME_ACTION = { ja: '。この形で入力してください。', en: '. Enter times in this form.' };
const NO_ACTION = { ja: '', en: '' };

/** Reads every planned column of a row except date and user (and matrix day columns) into rec. */
export function readRowFields(view: GridView, r: number, row: CellValue[], plan: ColumnPlan, reader: ValueReader, rec: DayRecord, user: string, skipEval = false): void {
  const f = plan.byField;
  let c: number | undefined;

  if ((c = f.recipientNo) !== undefined) rec.recipientNo = recipientText(row[c]);
  if ((c = f.municipality) !== undefined) rec.municipality = textValue(row[c]);
  if ((c = f.service) !== undefined && !isBlank(row[c])) {
    const s = reader.service(row[c]);
    if (s === 'invalid') {
      view.cellFinding('input-value', r, c, 'service', row[c], { ja: 'サービス種類として読めません。', en: 'It is not a known service type.' }, {
        ja: '就労移行支援・就労継続支援A型・就労継続支援B型のいずれかを入力してください。',
        en: ' Enter 就労移行支援, 就労継続支援A型 or 就労継続支援B型.',
      }, user);
    } else rec.service = s;
  }
  if (plan.modeCols.length > 0 && plan.dayCols.length === 0) readMode(view, r, row, plan, reader, rec, user);

  if ((c = f.start) !== undefined && !isBlank(row[c])) {
    const t = reader.time(row[c]);
    if (t.ok) rec.start = t.minutes;
    else {
      const rg = reader.timeRange(row[c]);
      if (rg.ok) {
        rec.start = rg.from;
        if (f.end === undefined || isBlank(row[f.end])) rec.end = rg.to;
      } else view.cellFinding('input-time', r, c, 'start', row[c], t.reason, TIME_ACTION, user);
    }
  }
  if ((c = f.end) !== undefined && !isBlank(row[c])) {
    const t = reader.time(row[c]);
    if (t.ok) rec.end = t.minutes;
    else view.cellFinding('input-time', r, c, 'end', row[c], t.reason, TIME_ACTION, user);
  }
  if ((c = plan.timeRangeCol) !== undefined && !isBlank(row[c]) && (rec.start === undefined || rec.end === undefined)) {
    const rg = reader.timeRange(row[c]);
    if (rg.ok) {
      rec.start ??= rg.from;
      rec.end ??= rg.to;
    } else view.cellFinding('input-time', r, c, 'start', row[c], rg.reason, TIME_ACTION, user);
  }
  if ((c = f.contactCount) !== undefined) {
    const n = countValue(row[c]);
    if (n.ok) rec.contactCount = n.value;
    else view.cellFinding('input-number', r, c, 'contactCount', row[c], n.reason, NO_ACTION, user);
  }
  if (plan.contactCols.length > 0) {
    let contacts: Contact[] | undefined;
    for (const cc of plan.contactCols) {
      const ct = contactValue(row[cc], reader);
      if (ct) (contacts ??= []).push(ct);
    }
    rec.contacts = contacts ?? [];
  }
  if ((c = f.dailyReport) !== undefined) {
    const m = lenientMark(row[c], reader);
    if (m === 'unreadable') view.cellFinding('input-value', r, c, 'dailyReport', row[c], UNREADABLE_MARK, DAILY_REPORT_ACTION, user);
    else rec.dailyReport = m;
  }
  if ((c = f.workContent) !== undefined) rec.workContent = textValue(row[c]);
  if ((c = f.result) !== undefined) rec.result = textValue(row[c]);
  if (!skipEval) {
    if ((c = f.weeklyEval) !== undefined) rec.weeklyEval = evalValue(row[c], reader);
    if ((c = f.monthlyEval) !== undefined) rec.monthlyEval = evalValue(row[c], reader);
  }
  if ((c = f.planned) !== undefined) {
    const m = plannedValue(row[c], reader);
    if (m === 'unreadable') view.cellFinding('input-value', r, c, 'planned', row[c], UNREADABLE_MARK, PLANNED_ACTION, user);
    else rec.planned = m;
  }
  if ((c = f.certFrom) !== undefined || (c = plan.certRangeCol) !== undefined) readCert(view, r, row, plan, reader, rec, user);
  if ((c = f.otherService) !== undefined) rec.otherService = otherServiceValue(row[c], reader);
  if ((c = f.remark) !== undefined) rec.remark = textValue(row[c]);
  if ((c = f.userConfirmed) !== undefined) rec.userConfirmed = confirmedValue(row[c], reader);
  if ((c = f.exceptionReason) !== undefined) rec.exceptionReason = textValue(row[c]);
  if ((c = f.arrivalMinutes) !== undefined) {
    const n = minutesValue(row[c]);
    if (n.ok) rec.arrivalMinutes = n.value;
    else view.cellFinding('input-number', r, c, 'arrivalMinutes', row[c], n.reason, NO_ACTION, user);
  }
}

function readMode(view: GridView, r: number, row: CellValue[], plan: ColumnPlan, reader: ValueReader, rec: DayRecord, user: string): void {
  for (const mc of plan.modeCols) {
    const v = row[mc.c];
    if (isBlank(v)) continue;
    const m = reader.mode(v);
    if (m !== 'invalid' && m !== undefined) {
      rec.mode = m;
      return;
    }
    if (mc.implied) {
      const mark = reader.mark(v);
      if (mark === true) {
        rec.mode = mc.implied;
        return;
      }
      if (mark === false) continue;
    }
    view.cellFinding('input-unknown-mode', r, mc.c, 'mode', v, { ja: '在宅・通所・施設外・欠席のどれか分かりません。', en: 'It is not one of home, on-site, off-site or absent.' }, {
      ja: '在宅 / 通所 / 施設外 / 欠席 のいずれかを入力してください。この日の利用形態は不明として扱います。',
      en: ' Enter 在宅, 通所, 施設外 or 欠席. The day is kept with an unknown mode.',
    }, user);
    return;
  }
}

const CERT_ACTION = { ja: '受給者証の在宅期間を 令和8年4月1日 のように入力してください。', en: ' Enter the certificate period like 令和8年4月1日.' };

function readCert(view: GridView, r: number, row: CellValue[], plan: ColumnPlan, reader: ValueReader, rec: DayRecord, user: string): void {
  const action = CERT_ACTION;
  const f = plan.byField;
  if (f.certFrom !== undefined) {
    const rg = dateRangeValue(row[f.certFrom], reader);
    if (!rg.ok) view.cellFinding('input-date', r, f.certFrom, 'certFrom', row[f.certFrom], rg.reason, action, user);
    else if (rg.value) {
      rec.certFrom = rg.value.from;
      if (rg.value.to && f.certTo === undefined) rec.certTo = rg.value.to;
    }
  }
  if (f.certTo !== undefined) {
    const rg = dateRangeValue(row[f.certTo], reader);
    if (!rg.ok) view.cellFinding('input-date', r, f.certTo, 'certTo', row[f.certTo], rg.reason, action, user);
    else if (rg.value) rec.certTo = rg.value.to ?? rg.value.from;
  }
  if (plan.certRangeCol !== undefined && (rec.certFrom === undefined || rec.certTo === undefined)) {
    const c = plan.certRangeCol;
    const rg = dateRangeValue(row[c], reader);
    if (!rg.ok) view.cellFinding('input-date', r, c, 'certFrom', row[c], rg.reason, action, user);
    else if (rg.value) {
      rec.certFrom ??= rg.value.from;
      rec.certTo ??= rg.value.to;
    }
  }
}

function recipientText(v: CellValue): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v).padStart(10, '0');
  return textValue(v);
}

// Free text in a ○/× column: negatives and pending words (未提出, 後日提出予定, 作成していない, 不要) say no;
// done words without them (提出済み, メールで提出, 有（メール）) say yes; anything else is unreadable.
const RE_MARK_NO = /未|無|なし|ない|×|✕|予定|待ち|後日|不要|忘れ|(?:作成|提出|記入|確認|対応)中|これから|まだ/;
const RE_MARK_YES = /済|提出|作成|記入|受領|完了|有|あり|○|◯|〇|✓|✔/;

/** ○/済 → true, ×/未 → false; other text by its words (see above); a time or date (when it was handed in) → true. */
function lenientMark(v: CellValue, reader: ValueReader): boolean | undefined | 'unreadable' {
  if (isBlank(v)) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'unreadable' : true;
  const m = reader.mark(v);
  if (m !== 'invalid') return m;
  if (typeof v === 'number') return v > 0 && v < 1 && reader.time(v).ok ? true : 'unreadable';
  const t = textValue(v);
  if (t === undefined) return 'unreadable';
  const s = normalizeText(t);
  if (RE_MARK_NO.test(s)) return false;
  if (RE_MARK_YES.test(s)) return true;
  if (/\d[:時]/.test(s) && reader.time(s).ok) return true;
  return 'unreadable';
}

function plannedValue(v: CellValue, reader: ValueReader): boolean | undefined | 'unreadable' {
  if (isBlank(v)) return undefined;
  const m = reader.mark(v);
  if (m !== 'invalid') return m;
  const mode = reader.mode(v);
  if (mode === 'home') return true;
  if (mode === 'center' || mode === 'offsite' || mode === 'absent') return false;
  return lenientMark(v, reader);
}

function confirmedValue(v: CellValue, reader: ValueReader): boolean | undefined {
  if (isBlank(v)) return undefined;
  const m = reader.mark(v);
  if (m !== 'invalid') return m;
  // A name or seal text counts as confirmed.
  return textValue(v) !== undefined;
}

function evalValue(v: CellValue, reader: ValueReader): DayRecord['weeklyEval'] {
  if (isBlank(v)) return undefined;
  const m = reader.method(v);
  return m === 'invalid' ? 'unknown' : m;
}

/** Remembers user+date pairs; a second row for the same pair gets an input-duplicate finding. */
export class DuplicateGuard {
  private byUser = new Map<string, Map<string, number>>();
  constructor(private readonly view: GridView) {}

  seen(user: string, date: string, r: number, c: number): boolean {
    let dates = this.byUser.get(user);
    if (dates === undefined) {
      dates = new Map();
      this.byUser.set(user, dates);
    }
    const prev = dates.get(date);
    if (prev === undefined) {
      dates.set(date, r);
      return false;
    }
    const v = this.view;
    const prevRow = v.rowNumber(prev);
    v.addFinding({
      ruleId: 'input-duplicate',
      severity: 'warning',
      outcome: 'incomplete',
      pack: 'national',
      user,
      period: { from: date, to: date },
      locations: [v.location(r, c), v.location(prev, c)],
      message: {
        ja: `「${v.name}」シート ${v.rowNumber(r)}行: ${user}さんの${date}は${prevRow}行にもあります。後の行（${v.rowNumber(r)}行）は読み込んでいません。同じ日は1行にまとめてください。`,
        en: `Sheet "${v.name}", row ${v.rowNumber(r)}: ${user}'s ${date} is also on row ${prevRow}. The later row (${v.rowNumber(r)}) was not imported. Keep one row per user and day.`,
      },
      source: '',
    });
    return true;
  }
}

const TOTAL_WORDS = new Set(['合計', '計', '小計', '総計', '月計', '合計日数', '日数計', '合計回数', '集計', 'total', 'sum']);
/** A total row: one of its first non-blank cells says 合計/計/小計 … */
export function isTotalRow(row: CellValue[]): boolean {
  let seen = 0;
  for (let c = 0; c < row.length && seen < 3; c++) {
    const v = row[c];
    if (typeof v !== 'string') {
      if (!isBlank(v)) seen++;
      continue;
    }
    if (v.trim() === '') continue;
    seen++;
    // Cheap pre-check: every total word holds 計 or is latin (total/sum).
    if (v.length > 12 || (!v.includes('計') && !/^\s*(?:total|sum)\s*$/i.test(v))) continue;
    const k = normalizeHeader(v);
    if (TOTAL_WORDS.has(k) || k.startsWith('合計') || k.startsWith('総計')) return true;
  }
  return false;
}

/** Notes under a table: ※…, 注…, *…, or long text without a date shape. */
export function isNoteText(s: string): boolean {
  const t = s.trim();
  if (t === '') return true;
  const ch = t.charAt(0);
  if (ch === '※' || ch === '*' || ch === '＊' || ch === '・' || ch === '【' || ch === '注' || ch === '〈' || ch === '<') return true;
  return t.length > 30;
}
