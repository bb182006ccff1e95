// The 国保連 billing file (J611 billed days) against the support records: the join by 受給者証番号,
// one subject per user-day billed or recorded at home, and the `input: 'billing'` rules of each pack.
import type { CanonicalField, DayRecord, IsoDate, Service } from '../model/record.ts';
import type { BilledDay, BillingFile } from '../model/billing.ts';
import type { Finding, InputSummary, Location, NotEvaluated, ResolvedCheckOptions } from '../model/report.ts';
import { effectiveRules, getPack, type EffectiveRule } from '../packs/index.ts';
import { packForLocalGovCode } from '../billing/local-gov-code.ts';
import type { CheckResult, RuleContext, Subject } from '../rules/types.ts';
import { getRule } from '../rules/index.ts';
import { renderFinding } from './messages.ts';
import { monthRange } from './calendar.ts';
// used at call time only: the circular import is safe
import { packOn, runRules, userPack, type UserData } from './index.ts';

/** 受給者証番号 as a join key: NFKC, no spaces or hyphens, upper case; a number shorter than 10 digits zero-padded. */
export function recipientKey(no: string): string {
  if (no.length === 10 && TEN_DIGITS.test(no)) return no;
  const k = no.normalize('NFKC').replace(/[\s\-]+/g, '').toUpperCase();
  return /^\d{1,9}$/.test(k) ? k.padStart(10, '0') : k;
}
const TEN_DIGITS = /^\d{10}$/;

const billingRulesCache = new Map<string, EffectiveRule[]>();
/** The billing rules a pack turns on. */
export function billingRules(packId: string): EffectiveRule[] {
  let rules = billingRulesCache.get(packId);
  if (!rules) billingRulesCache.set(packId, (rules = effectiveRules(packId).filter((e) => e.rule.meta.input === 'billing')));
  return rules;
}

/** The billing files as report inputs. */
export function billingInputs(billing: readonly BillingFile[]): InputSummary[] {
  return billing.map((b) => ({ file: b.file, sheets: [], kind: 'billing', billedDays: b.days.length, skippedRecords: { ...b.skipped } }));
}

const billedLocation = (b: BilledDay): Location => ({ file: b.source.file, row: b.source.line });

/** Adds the billing findings and not-evaluated notes for the users of the records. */
export function checkBilling(
  billing: readonly BillingFile[],
  users: ReadonlyMap<string, UserData>,
  opts: ResolvedCheckOptions,
  findings: Finding[],
  notEvaluated: Map<string, NotEvaluated>,
): void {
  // a file with J611 01 records but no 02 records still says those months were billed without a day
  if (billing.every((b) => b.days.length === 0 && b.months.length === 0)) return;
  const billedPack = (b: BilledDay) => packForLocalGovCode(b.municipalityCode)?.id ?? opts.defaultPack;
  const noteOnce = (ruleId: string, key: string, reason: string, ja: string, en: string) => {
    const k = `${ruleId}\u0000billing\u0000${key}`;
    if (!notEvaluated.has(k)) notEvaluated.set(k, { ruleId, reason, message: { ja, en } });
  };

  if (users.size === 0) {
    // a billing file alone: nothing of the support records (contacts, 日報, evaluations) can be judged
    const files = billing.map((b) => b.file).join('、');
    for (const pack of new Set(billing.flatMap((b) => b.days.map(billedPack)))) {
      for (const e of effectiveRules(pack)) {
        noteOnce(e.rule.meta.id, 'alone', 'only a billing file was given: no support records were read',
          `国保連CSV（${files}）だけが指定され、支援記録（在宅の記録）が読み込まれていないため、「${e.rule.meta.title.ja}」は判定していません。支援記録のファイル（勤怠表・実績記録票など）も指定してください。`,
          `Only the billing CSV (${files}) was given and no support records were read, so "${e.rule.meta.title.en}" was not checked. Add the support records.`);
      }
    }
    return;
  }

  const { userOfNo, recordMonths, withoutNo } = joinRecords(users);
  const { billedOf, unmatched } = billedByUser(billing, userOfNo);
  if (unmatched.size > 0) findings.push(unmatchedFinding(unmatched));
  const billingRuleIds = new Set(packsInPlay(users, billing, opts).flatMap((p) => billingRules(p).map((e) => e.rule.meta.id)));
  if (withoutNo.length > 0) {
    for (const id of billingRuleIds) {
      noteOnce(id, 'no-number', `no 受給者証番号 for: ${withoutNo.join(', ')}`,
        `${withoutNo.join('、')}さんの受給者証番号が支援記録にないため、国保連CSVと照合していません（「${getRule(id)?.meta.title.ja ?? id}」）。受給者証番号の列か、利用者台帳（氏名・受給者証番号）を追加してください。`,
        `No 受給者証番号 for ${withoutNo.join(', ')}, so their days were not compared with the billing CSV. Add a 受給者証番号 column or a user table (name, number).`);
    }
  }

  const billingMonths = new Set(billing.flatMap((b) => b.months));
  const run: BillingRun = {
    opts, findings, notEvaluated, recordMonths, billingMonths, billedPack,
    outsideRecords: new Map(), outsideBilling: new Map(), oneRecord: [], oneBilled: [],
  };
  const skip = new Set(withoutNo);
  for (const user of users.values()) if (!skip.has(user.name)) checkUserBilling(user, billedOf.get(user) ?? NONE, run);
  const { outsideRecords, outsideBilling } = run;
  const list = (m: Map<string, number>) => [...m].sort().map(([month, n]) => `${month} (${n})`).join(', ');
  if (outsideRecords.size > 0) {
    for (const id of billingRuleIds) {
      if (id === 'home-day-not-billed' || id === 'home-day-billed-remark') continue;
      noteOnce(id, 'outside-records', `billed days in months the support records do not cover: ${list(outsideRecords)}`,
        `国保連CSVの${list(outsideRecords).replace(/\((\d+)\)/g, '（$1日）')}の請求は、その月の支援記録が読み込まれていないため照合していません。その月の支援記録も指定してください。`,
        `Billed days of ${list(outsideRecords)} (days) were not compared: no support records of those months were read.`);
    }
  }
  if (outsideBilling.size > 0) {
    for (const id of billingRuleIds) {
      if (id === 'billed-home-day-record' || id === 'billed-time-mismatch') continue;
      noteOnce(id, 'outside-billing', `home days in months the billing file does not cover: ${list(outsideBilling)}`,
        `支援記録の${list(outsideBilling).replace(/\((\d+)\)/g, '（在宅$1日）')}は、国保連CSVにその月の実績記録票がないため照合していません。`,
        `Home days of ${list(outsideBilling)} (days) were not compared: the billing CSV has no service records of those months.`);
    }
  }
}

/** The join: 受給者証番号 of the day rows (or of the user table, carried on each record) → user. */
function joinRecords(users: ReadonlyMap<string, UserData>): { userOfNo: Map<string, UserData>; recordMonths: Set<string>; withoutNo: string[] } {
  const userOfNo = new Map<string, UserData>();
  const recordMonths = new Set<string>();
  const withoutNo: string[] = [];
  for (const user of users.values()) if (!joinUser(user, userOfNo, recordMonths)) withoutNo.push(user.name);
  return { userOfNo, recordMonths, withoutNo };
}

/** Adds the user's numbers and months; false when the user has home days but no 受給者証番号. */
function joinUser(user: UserData, userOfNo: Map<string, UserData>, recordMonths: Set<string>): boolean {
  let has = false;
  let lastMonth = '\u0000';
  let lastNo: string | undefined;
  for (const r of user.records) {
    // records are date-sorted and repeat the user's number: each change is looked at once
    if (!r.date.startsWith(lastMonth)) recordMonths.add((lastMonth = r.date.slice(0, 7)));
    const no = r.recipientNo;
    if (no === lastNo || no === undefined) continue;
    if (no.trim() === '') continue;
    has = true;
    lastNo = no;
    const key = recipientKey(no);
    if (!userOfNo.has(key)) userOfNo.set(key, user);
  }
  return has || !user.records.some((r) => r.mode === 'home');
}

/** Each user's billed days in file order (a file is usually sorted by user and date, not necessarily); the numbers no user has. */
function billedByUser(billing: readonly BillingFile[], userOfNo: ReadonlyMap<string, UserData>): { billedOf: Map<UserData, BilledDay[]>; unmatched: Map<string, BilledDay[]> } {
  const billedOf = new Map<UserData, BilledDay[]>();
  const unmatched = new Map<string, BilledDay[]>();
  let lastNo = '';
  let list: BilledDay[] = [];
  for (const file of billing) {
    const days = file.days;
    for (let i = 0; i < days.length; i++) {
      const b = days[i]!;
      if (b.recipientNo !== lastNo || i === 0) {
        lastNo = b.recipientNo;
        const user = userOfNo.get(recipientKey(lastNo));
        const known = user ? billedOf.get(user) : unmatched.get(lastNo);
        if (known) list = known;
        else if (user) billedOf.set(user, (list = []));
        else unmatched.set(lastNo, (list = []));
      }
      list.push(b);
    }
  }
  return { billedOf, unmatched };
}

const NONE: BilledDay[] = [];
const NO_RECORDS: DayRecord[] = [];

/** What the billing check of every user shares. */
interface BillingRun {
  opts: ResolvedCheckOptions;
  findings: Finding[];
  notEvaluated: Map<string, NotEvaluated>;
  recordMonths: ReadonlySet<string>;
  billingMonths: ReadonlySet<string>;
  billedPack: (b: BilledDay) => string;
  /** month → billed days / home days not compared */
  outsideRecords: Map<string, number>;
  outsideBilling: Map<string, number>;
  /** one-element arrays re-pointed at each day's record and billed day (findings copy what they keep) */
  oneRecord: DayRecord[];
  oneBilled: BilledDay[];
}

/** The billing rules on each day of one user that is billed or recorded at home. */
function checkUserBilling(user: UserData, list: BilledDay[], run: BillingRun): void {
  const { opts, findings, notEvaluated, recordMonths, billingMonths, outsideRecords, outsideBilling, oneRecord, oneBilled } = run;
  const firstBilled = list[0];
  const billedDays = isDateSorted(list) ? list : list.map((b, i) => ({ b, i })).sort((x, y) => (x.b.date < y.b.date ? -1 : x.b.date > y.b.date ? 1 : x.i - y.i)).map((x) => x.b);
  const records = user.records;
  let hasMunicipality = false;
  let service: Service | undefined;
  for (let i = 0; i < records.length && (!hasMunicipality || service === undefined); i++) {
    const r = records[i]!;
    if (!hasMunicipality && r.municipality?.trim()) hasMunicipality = true;
    if (service === undefined) service = r.service;
  }
  const basePack = hasMunicipality || !firstBilled ? userPack(records, opts.defaultPack) : run.billedPack(firstBilled);
  const fields = new Set<CanonicalField>();
  for (const info of user.sheets) for (const f of info.fields) fields.add(f);
  const ctx: RuleContext = { asOf: opts.asOf, weekStart: opts.weekStart, capacity: opts.capacity, fields };
  const span = { from: records[0]?.date ?? '', to: records[records.length - 1]?.date ?? '' };
  // one subject re-pointed at each day (findings copy what they keep): no garbage per day
  const subject: Subject = { scope: 'day', user: user.name, pack: basePack, period: { from: '', to: '' }, home: [], all: [], userRecords: records, dataSpan: span, billed: [] };
  const evaluable = new Map<EffectiveRule, boolean>();
  // rules that sum a month up (`monthSummary`): the month's day findings are held until the month is done
  const held = new Map<string, HeldMonth>();
  // month → the days billed on more than one J611 02 record
  const billedTwice = new Map<string, BilledTwice>();
  const report = (effective: EffectiveRule, subject: Subject, result: CheckResult) => {
    const summary = effective.rule.meta.monthSummary;
    if (summary === undefined) {
      if (result.outcome !== 'pass') findings.push(dayFinding(effective, subject, result, opts));
      return;
    }
    const id = effective.rule.meta.id;
    let h = held.get(id);
    if (!h) held.set(id, (h = { effective, homeDays: 0, lastDate: '', findings: [], records: [], whole: true }));
    if (h.effective !== effective) h.whole = false;
    if (subject.home.length > 0 && h.lastDate !== subject.period.from) (h.homeDays++, (h.lastDate = subject.period.from));
    if (result.outcome === 'pass') return;
    h.findings.push(dayFinding(effective, subject, result, opts));
    if (result.outcome !== 'violation' || subject.home.length === 0) h.whole = false;
    else h.records.push(...(result.records ?? subject.home));
  };
  const flush = () => {
    for (const h of held.values()) {
      const summary = h.effective.rule.meta.monthSummary!;
      if (h.whole && h.homeDays >= 2 && h.findings.length === h.homeDays) {
        const period = monthRange(h.lastDate);
        const monthSubject: Subject = { scope: 'month', user: user.name, pack: h.effective.pack, period, home: h.records, all: h.records, userRecords: records, dataSpan: span };
        findings.push(renderFinding(h.effective, monthSubject, { outcome: 'violation', messageId: summary, data: { days: h.homeDays }, records: h.records }, opts.asOf));
      } else findings.push(...h.findings);
    }
    held.clear();
  };
  // records and billed days are both in date order: one walk over the two, day by day (billed or at home)
  let month = '\u0000';
  let inRecords = false;
  let inBilling = false;
  let rulesPack = '';
  let rules: EffectiveRule[] = [];
  let i = 0;
  let j = 0;
  while (i < records.length || j < billedDays.length) {
    const recordDate = i < records.length ? records[i]!.date : undefined;
    const billedDate = j < billedDays.length ? billedDays[j]!.date : undefined;
    const date = recordDate === undefined ? billedDate! : billedDate === undefined || recordDate <= billedDate ? recordDate : billedDate;
    const i0 = i;
    let home = 0;
    for (; i < records.length && records[i]!.date === date; i++) if (records[i]!.mode === 'home') home++;
    const j0 = j;
    for (; j < billedDays.length && billedDays[j]!.date === date; j++);
    if (home === 0 && j === j0) continue;
    if (!date.startsWith(month)) {
      if (held.size > 0) flush();
      month = date.slice(0, 7);
      inRecords = recordMonths.has(month);
      inBilling = billingMonths.has(month);
    }
    if (!inRecords) {
      outsideRecords.set(month, (outsideRecords.get(month) ?? 0) + (j - j0));
      continue;
    }
    if (!inBilling) {
      outsideBilling.set(month, (outsideBilling.get(month) ?? 0) + 1);
      continue;
    }
    let all = NO_RECORDS;
    if (i - i0 === 1) (oneRecord[0] = records[i0]!), (all = oneRecord);
    else if (i > i0) all = records.slice(i0, i);
    let billed = NONE;
    if (j - j0 === 1) (oneBilled[0] = billedDays[j0]!), (billed = oneBilled);
    else if (j > j0) billed = billedDays.slice(j0, j);
    const pack = packOn(basePack, date, service);
    if (billed.length > 1) {
      const twice = billedTwice.get(month);
      if (twice) (twice.dates.push(date), twice.billed.push(...billed));
      else billedTwice.set(month, { pack, dates: [date], billed: [...billed] });
    }
    if (pack !== rulesPack) rules = billingRules((rulesPack = pack));
    subject.pack = pack;
    subject.period.from = subject.period.to = date;
    subject.all = all;
    subject.home = home === 0 ? NO_RECORDS : home === all.length ? all : all.filter((r) => r.mode === 'home');
    subject.billed = billed;
    runRules(rules, subject, ctx, user, evaluable, notEvaluated, report);
  }
  if (held.size > 0) flush();
  for (const t of billedTwice.values()) findings.push(billedTwiceFinding(user.name, t));
}

/** A month's day findings of a `monthSummary` rule, held until the month is done. */
interface HeldMonth {
  effective: EffectiveRule;
  /** home days judged (day subjects with a home record) and the last of them */
  homeDays: number;
  lastDate: IsoDate;
  findings: Finding[];
  /** the home records of the violations */
  records: DayRecord[];
  /** every finding a violation of a home day, all from one pack's rule */
  whole: boolean;
}

/** A day's finding: the record rows, then the billing file's lines. */
function dayFinding(effective: EffectiveRule, subject: Subject, result: Exclude<CheckResult, { outcome: 'pass' }>, opts: ResolvedCheckOptions): Finding {
  const finding = renderFinding(effective, subject, result, opts.asOf);
  for (const b of subject.billed!) finding.locations.push(billedLocation(b));
  return finding;
}

/** Whether billed days are in date order (as a billing file lists each user's days). */
function isDateSorted(days: readonly BilledDay[]): boolean {
  for (let i = 1; i < days.length; i++) if (days[i - 1]!.date > days[i]!.date) return false;
  return true;
}

/** The packs the billing rules may come from: each user's pack, each billed municipality's pack. */
function packsInPlay(users: ReadonlyMap<string, UserData>, billing: readonly BillingFile[], opts: ResolvedCheckOptions): string[] {
  const packs = new Set<string>([opts.defaultPack]);
  for (const u of users.values()) packs.add(userPack(u.records, opts.defaultPack));
  const codes = new Set<string>();
  for (const file of billing) for (const b of file.days) codes.add(b.municipalityCode);
  for (const code of codes) {
    const p = packForLocalGovCode(code);
    if (p) packs.add(p.id);
  }
  return [...packs].filter((p) => getPack(p));
}

/** One finding for every 受給者証番号 of the billing file that no user of the records has. */
/** The days of one user-month that are on more than one J611 02 record, and those records. */
interface BilledTwice {
  pack: string;
  dates: IsoDate[];
  billed: BilledDay[];
}

/** A user-month's days billed on several J611 02 records (one file or several): double billing, or a file given twice. */
function billedTwiceFinding(user: string, t: BilledTwice): Finding {
  const days = t.dates.map((d) => Number(d.slice(8))).join('、');
  const daysEn = t.dates.map((d) => Number(d.slice(8))).join(', ');
  const month = `${t.dates[0]!.slice(0, 4)}年${Number(t.dates[0]!.slice(5, 7))}月`;
  const files = [...new Set(t.billed.map((b) => b.source.file))];
  return {
    ruleId: 'input-duplicate',
    severity: 'warning',
    outcome: 'incomplete',
    pack: t.pack,
    user,
    period: { from: t.dates[0]!, to: t.dates[t.dates.length - 1]! },
    locations: t.billed.map(billedLocation),
    message: {
      ja: `国保連CSV（${files.join('、')}）で、${user}さん（受給者証番号 ${t.billed[0]!.recipientNo}）の${month}の${days}日（${t.dates.length}日）が2回以上請求されています。同じ日の二重請求や、同じファイルを2度指定していないか確かめてください。`,
      en: `The billing CSV (${files.join(', ')}) bills ${user}'s days ${daysEn} of ${t.dates[0]!.slice(0, 7)} (recipient number ${t.billed[0]!.recipientNo}; ${t.dates.length} days) more than once. Check for a double billing, or the same file given twice.`,
    },
    source: '',
  };
}

function unmatchedFinding(unmatched: Map<string, BilledDay[]>): Finding {
  const numbers = [...unmatched.keys()].sort();
  const ja = numbers.map((n) => `${n}（${unmatched.get(n)!.length}日）`).join('、');
  const en = numbers.map((n) => `${n} (${unmatched.get(n)!.length} days)`).join(', ');
  return {
    ruleId: 'input-mapping',
    severity: 'warning',
    outcome: 'incomplete',
    pack: 'national',
    locations: numbers.map((n) => billedLocation(unmatched.get(n)![0]!)),
    message: {
      ja: `国保連CSVの受給者証番号 ${ja} は、支援記録のどの利用者とも結び付けられないため照合していません。支援記録に「受給者証番号」の列を追加するか、利用者台帳（氏名・受給者証番号）を指定してください。`,
      en: `The recipient numbers ${en} of the billing CSV match no user of the support records, so those days were not compared. Add a 受給者証番号 column to the records or give a user table (name, number).`,
    },
    source: '',
  };
}
