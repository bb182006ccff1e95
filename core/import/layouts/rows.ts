// One row per user-day: the `rows`, `per-user-sheet` and `remark-mode` layouts.
import type { CanonicalField, DayRecord, Mode, Provenance } from '../../model/record.ts';
import { normalizeText, isExcelError } from '../../normalize/text.ts';
import { isBlank, type GridView } from '../grid.ts';
import type { ColumnPlan } from '../plan.ts';
import type { TitleInfo } from '../title.ts';
import type { CellValue } from '../types.ts';
import { dateRangeValue, minutesValue, textValue, type ValueReader } from '../values.ts';
import { DuplicateGuard, isNoteText, isTotalRow, newRecord, readRowFields, type RowFieldValues } from './common.ts';
import { isFooterRow, isPageRow, statusMode, type StatusColumn } from '../jisseki.ts';

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
  /** billing-status columns (サービス提供の状況, 施設外支援) of a 実績記録票: they keep their meaning */
  statusCols?: StatusColumn[];
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
      if (isTotalRow(row) || isFooterRow(row) || (typeof dv === 'string' && isNoteText(dv))) continue;
      view.cellFinding('input-date', r, dateCol, 'date', dv, d.reason, {
        ja: 'この行は読み込んでいません。2026/10/1 や 令和8年10月1日 の形で日付を入力してください。',
        en: ' This row was not imported. Enter the date like 2026/10/1 or 令和8年10月1日.',
      });
      continue;
    }
    if (isPageRow(row)) continue;
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
    if (remarkMode) {
      const status = input.statusCols ? statusMode(row, input.statusCols, reader) : undefined;
      const m = modeFromRemark(rec, row, unmappedCols, reader);
      if (status !== undefined) {
        if (m === 'home' && status !== 'home') statusConflict(view, r, row, plan, input.statusCols!, user);
        rec.mode = status;
      } else if (m === 'ambiguous') {
        const rc = plan.byField.remark!;
        view.cellFinding('input-unknown-mode', r, rc, 'remark', row[rc], {
          ja: '在宅の日かどうか、備考からは判断できません。',
          en: 'The remark does not say clearly whether this was a home day.',
        }, {
          ja: '在宅で実施した日は備考に「在宅就労」、通所の日は「通所」、休んだ日は「欠席」と書いてください。この日の利用形態は不明として扱います。',
          en: ' Write 在宅就労 for a home day, 通所 for an on-site day or 欠席 for an absence. The day is kept with an unknown mode.',
        }, user);
      } else rec.mode = m;
    }
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

const MODE_WORD = '在宅就労|在宅支援|在宅利用|在宅|サテライト|テレワーク|通所|来所|施設外就労|施設外支援|施設外|欠席|欠勤|休み';
/** A change of plan: the mode after 「…に変更」 or an arrow wins. */
const RE_CHANGED_TO = new RegExp(`(?:(${MODE_WORD})\\s*(?:に|へ)\\s*(?:変更|切替|切り替え|切りかえ)|(?:→|⇒|->)\\s*(${MODE_WORD}))`, 'g');
const RE_ABSENT = /欠席|欠勤|病欠|(?<!昼)休み|休所|休業|^(?:欠|休)(?![憩日暇])/;
const RE_HOME_NEGATED = /(?:在宅|サテライト)(?:就労|支援|利用|訓練)?(?:での|で|の|は)?(?:作業|就労|利用|支援|訓練)?(?:は|も)?(?:なし|無し|無い|ない|無|ではなく|でなく|せず|しない|しなかった|中止|取りやめ|取り止め|取消|取り消し|キャンセル)/;
const RE_HOME = /在宅|サテライト|テレワーク/;
const RE_HEDGED = /予定|希望|検討|未定|調整|相談|確認中|\?|かも/;
const RE_OTHER_MODE = /通所|来所|施設外|欠/;

/**
 * remark-mode: the mode a 備考 states. In order: a change of plan (「通所に変更」, 「→通所」) takes its target;
 * absence words; 在宅 negated (在宅での作業なし) is not home; plain 在宅/在宅就労/サテライト is home, but 在宅 next
 * to hedges (予定) or other modes is 'ambiguous'; 施設外/通所 in the remark; else 通所 when the row shows a start
 * time or a service mark.
 */
function modeFromRemark(rec: DayRecord, row: CellValue[], unmappedCols: number[], reader: ValueReader): Mode | undefined | 'ambiguous' {
  const remark = rec.remark !== undefined ? normalizeText(rec.remark) : '';
  if (remark !== '') {
    let target: string | undefined;
    for (const m of remark.matchAll(RE_CHANGED_TO)) target = m[1] ?? m[2];
    if (target !== undefined) {
      const mode = reader.mode(target);
      if (mode !== 'invalid' && mode !== undefined) return mode;
    }
    if (RE_ABSENT.test(remark)) return 'absent';
    const negated = RE_HOME_NEGATED.exec(remark);
    const rest = negated ? remark.replace(negated[0], ' ') : remark;
    if (!negated && RE_HOME.test(rest)) return RE_HEDGED.test(rest) || RE_OTHER_MODE.test(rest) ? 'ambiguous' : 'home';
    if (negated && RE_HOME.test(rest)) return 'ambiguous';
    if (rest.includes('施設外')) return 'offsite';
    if (rest.includes('通所') || rest.includes('来所')) return 'center';
  }
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

/** サービス提供の状況 says absent / off-site while 備考 says 在宅: the status is kept, the conflict reported. */
function statusConflict(view: GridView, r: number, row: CellValue[], plan: ColumnPlan, cols: StatusColumn[], user: string): void {
  const rc = plan.byField.remark!;
  const sc = cols.find((c) => !isBlank(row[c.c]))!;
  const status = String(row[sc.c]);
  view.cellFinding('input-unknown-mode', r, rc, 'remark', row[rc], {
    ja: `備考は在宅ですが、${view.letter(sc.c)}列（サービス提供の状況）は「${status}」です。`,
    en: `The remark says home, but column ${view.letter(sc.c)} (service status) says "${status}".`,
  }, {
    ja: 'どちらが正しいか確認し、記録を直してください。この日は在宅の日として数えていません。',
    en: ' Check which is right and correct the record. The day is not counted as a home day.',
  }, user);
}
