import type { CanonicalField, DayRecord } from '../../core/model/record.ts';
import type { CheckOptions, Finding, Report } from '../../core/model/report.ts';
import type { ImportedSheet } from '../../core/import/types.ts';
import { checkSheets } from '../../core/engine/index.ts';

export type RecordInput = Partial<Omit<DayRecord, 'fields' | 'source'>> & { date: string };

/** Every field a full rows-layout sheet has. */
export const ALL_FIELDS: CanonicalField[] = [
  'date', 'user', 'municipality', 'service', 'mode', 'start', 'end', 'contacts', 'dailyReport', 'workContent',
  'result', 'weeklyEval', 'monthlyEval', 'planned', 'certFrom', 'certTo', 'otherService', 'remark',
  'userConfirmed', 'exceptionReason', 'arrivalMinutes',
];

/** A compliant home day: two timed contacts, 日報, work and result, planned, within the certificate. */
export function homeDay(date: string, extra: Partial<RecordInput> = {}): RecordInput {
  return {
    date,
    user: '山田 太郎',
    mode: 'home',
    start: 9 * 60,
    end: 15 * 60,
    contacts: [{ time: 9 * 60, text: '9:00 電話' }, { time: 15 * 60, text: '15:00 電話' }],
    dailyReport: true,
    workContent: 'データ入力',
    result: '入力 200件',
    planned: true,
    certFrom: '2026-04-01',
    certTo: '2027-03-31',
    remark: '在宅就労',
    userConfirmed: true,
    arrivalMinutes: 30,
    ...extra,
  };
}

export function centerDay(date: string, extra: Partial<RecordInput> = {}): RecordInput {
  return { date, user: '山田 太郎', mode: 'center', start: 9 * 60, end: 15 * 60, ...extra };
}

/** Home days on every weekday of the given dates, with a face-to-face monthly evaluation and weekly evaluations. */
export function sheetOf(
  inputs: RecordInput[],
  opts: { name?: string; fields?: CanonicalField[]; layout?: ImportedSheet['layout']; file?: string; monthly?: boolean } = {},
): ImportedSheet {
  const name = opts.name ?? '記録';
  const fields = opts.fields ?? ALL_FIELDS;
  const recordList: DayRecord[] = inputs.map((r, i) => ({
    user: '山田 太郎',
    ...r,
    fields,
    source: { sheet: name, row: i + 2, columns: {}, ...(opts.file ? { file: opts.file } : {}) },
  }));
  return {
    name,
    file: opts.file,
    layout: opts.layout ?? 'rows',
    headerRow: 1,
    columns: {},
    unmappedHeaders: [],
    records: recordList.length,
    recordList,
    inputFindings: [],
    fields,
    // a month's records (like a sheet titled 令和8年10月分): covers its whole months; `monthly: false` for an export cut at its last date
    monthly: opts.monthly ?? true,
  };
}

export function run(inputs: RecordInput[], options: Partial<CheckOptions> = {}, sheet: Parameters<typeof sheetOf>[1] = {}): Report {
  return checkSheets([sheetOf(inputs, sheet)], { asOf: '2026-12-31', ...options });
}

export function findingsOf(report: Report, ruleId: string): Finding[] {
  return report.findings.filter((f) => f.ruleId === ruleId);
}

/** ISO dates from..to inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** A fully compliant month of home days (Mon–Fri), weekly ICT evaluations on Mondays, monthly on-site evaluation. */
export function compliantMonth(month: string, extra: Partial<RecordInput> = {}): RecordInput[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const out: RecordInput[] = [];
  let monthlyDone = false;
  for (const date of datesBetween(`${month}-01`, `${month}-${String(last).padStart(2, '0')}`)) {
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    if (wd === 3) {
      out.push(centerDay(date, { monthlyEval: monthlyDone ? undefined : 'center', weeklyEval: 'center', ...extra }));
      monthlyDone = true;
    } else {
      out.push(homeDay(date, { weeklyEval: wd === 1 || out.length === 0 ? 'phone' : undefined, ...extra }));
    }
  }
  return out;
}
