import type { CanonicalField, DayRecord, IsoDate, Service } from '../model/record.ts';
import {
  CheckOptions,
  type Finding,
  type InputSummary,
  type NotEvaluated,
  type Report,
  type ResolvedCheckOptions,
  type Summary,
} from '../model/report.ts';
import { FIELD_LABELS } from '../model/fields.ts';
import type { ImportedSheet } from '../import/types.ts';
import { effectiveRules, getPack, packForMunicipality, type EffectiveRule } from '../packs/index.ts';
import type { CheckResult, RuleContext, Scope, Subject } from '../rules/types.ts';
import { RULES } from '../rules/index.ts';
import { renderFinding, UNREADABLE_MESSAGE_ID } from './messages.ts';
import { monthRange, weekRange } from './calendar.ts';
import { mergeSpans, sheetSpan, type Span } from './edges.ts';
import { countHomeDays } from '../import/home-words.ts';
import type { BillingFile } from '../model/billing.ts';
import { billingInputs, checkBilling } from './billing.ts';

interface SheetInfo {
  sheet: ImportedSheet;
  fields: Set<CanonicalField>;
  span?: { from: IsoDate; to: IsoDate };
}

export interface UserData {
  name: string;
  records: DayRecord[];
  sheets: Set<SheetInfo>;
}

const RULE_ORDER = new Map(RULES.map((r, i) => [r.meta.id, i]));

/**
 * Check imported sheets: records → subjects → rules of each user's pack → the report of interfaces.md.
 * `billing`: 国保連 billing files (formats/j611.ts) to reconcile with the records (engine/billing.ts).
 */
export function checkSheets(sheets: readonly ImportedSheet[], options: CheckOptions, billing: readonly BillingFile[] = []): Report {
  const opts = CheckOptions.parse(options);
  if (!getPack(opts.defaultPack)) opts.defaultPack = 'national';
  const infos = sheets.map(sheetInfo);
  const users = groupByUser(infos);
  const findings: Finding[] = [];
  const notEvaluated = new Map<string, NotEvaluated>();
  const providerMonths = new Map<string, { home: DayRecord[]; packs: Set<string> }>();

  // built on the first violation only: a large sheet of input findings and no violation never pays for it
  let cells: Set<string> | undefined;
  const unreadable = () => (cells ??= unreadableCells(sheets));
  for (const user of users.values()) {
    checkUser(user, opts, findings, notEvaluated, providerMonths, unreadable);
  }
  checkProviderMonths(providerMonths, opts, findings);
  if (billing.length > 0) checkBilling(billing, users, opts, findings, notEvaluated);

  findings.sort(compareFindings);
  // an input problem of a known user is reported under that user's pack
  const inputFindings = sheets.flatMap((s) =>
    s.inputFindings.map((f) => {
      const user = f.user === undefined ? undefined : users.get(f.user);
      return user ? { ...f, pack: userPack(user.records, opts.defaultPack) } : f;
    }),
  );
  const all = [...inputFindings, ...billing.flatMap((b) => b.inputFindings), ...findings];
  return {
    version: 1,
    asOf: opts.asOf,
    inputs: [...summarizeInputs(sheets), ...billingInputs(billing)],
    findings: all,
    notEvaluated: [...notEvaluated.values()],
    summary: withHomeDays(summarize(all), sheets),
  };
}

function sheetInfo(sheet: ImportedSheet): SheetInfo {
  const span = sheetSpan(sheet);
  return span ? { sheet, fields: new Set(sheet.fields), span } : { sheet, fields: new Set(sheet.fields) };
}

function groupByUser(infos: SheetInfo[]): Map<string, UserData> {
  const users = new Map<string, UserData>();
  for (const info of infos) {
    for (const r of info.sheet.recordList) {
      let u = users.get(r.user);
      if (!u) users.set(r.user, (u = { name: r.user, records: [], sheets: new Set() }));
      u.records.push(r);
      u.sheets.add(info);
    }
  }
  for (const u of users.values()) u.records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return users;
}

/** The pack of a user: from the municipality column, else the default. */
export function userPack(records: DayRecord[], defaultPack: string): string {
  const municipality = records.find((r) => r.municipality?.trim())?.municipality;
  if (municipality === undefined) return defaultPack;
  return packForMunicipality(municipality)?.id ?? 'national';
}

/** The pack that judges a service day: a municipal pack before its start date or outside its services is its parent. */
export function packOn(packId: string, date: IsoDate, service: Service | undefined): string {
  const pack = getPack(packId);
  if (!pack?.extends) return packId;
  const notYet = pack.effectiveFrom !== undefined && date < pack.effectiveFrom;
  const otherService = pack.services !== undefined && service !== undefined && !pack.services.includes(service);
  return notYet || otherService ? packOn(pack.extends, date, service) : packId;
}

/** The user's own pack when it reaches back before its start date for some rules (`alsoBeforeStart`). */
function lookBackPack(basePack: string, date: IsoDate, service: Service | undefined): string | undefined {
  const pack = getPack(basePack);
  if (!pack?.alsoBeforeStart || pack.effectiveFrom === undefined || date >= pack.effectiveFrom) return undefined;
  const covered = pack.services === undefined || service === undefined || pack.services.includes(service);
  return covered ? basePack : undefined;
}

/** pack → scope → lookBack pack ('' for none) → rules; nested maps: this runs once per subject */
const rulesForCache = new Map<string, Map<Scope, Map<string, EffectiveRule[]>>>();
/** The rules of a pack for a scope; with `lookBack`, that pack's `alsoBeforeStart` rules replace their namesakes. */
function rulesFor(packId: string, scope: Scope, lookBack?: string): EffectiveRule[] {
  let byScope = rulesForCache.get(packId);
  if (!byScope) rulesForCache.set(packId, (byScope = new Map()));
  let byLookBack = byScope.get(scope);
  if (!byLookBack) byScope.set(scope, (byLookBack = new Map()));
  let rules = byLookBack.get(lookBack ?? '');
  if (!rules) {
    rules = effectiveRules(packId).filter((e) => e.rule.meta.scope === scope && e.rule.meta.input === undefined);
    const ids = new Set(lookBack ? getPack(lookBack)?.alsoBeforeStart : []);
    if (ids.size > 0) {
      const carried = effectiveRules(lookBack!).filter((e) => e.rule.meta.scope === scope && ids.has(e.rule.meta.id));
      rules = [...rules.filter((e) => !ids.has(e.rule.meta.id)), ...carried];
    }
    byLookBack.set(lookBack ?? '', rules);
  }
  return rules;
}

function checkUser(
  user: UserData,
  opts: ResolvedCheckOptions,
  findings: Finding[],
  notEvaluated: Map<string, NotEvaluated>,
  providerMonths: Map<string, { home: DayRecord[]; packs: Set<string> }>,
  unreadable: () => ReadonlySet<string>,
): void {
  const home = user.records.filter((r) => r.mode === 'home');
  if (home.length === 0) return;
  const basePack = userPack(user.records, opts.defaultPack);
  const service = user.records.find((r) => r.service !== undefined)?.service;
  const fields = new Set<CanonicalField>();
  const spans: Span[] = [];
  for (const info of user.sheets) {
    for (const f of info.fields) fields.add(f);
    if (info.span) spans.push(info.span);
  }
  // the sheets' spans merged: a gap between two sheets (September, then January) is not covered
  const covered = mergeSpans(spans);
  const dataSpan = { from: covered[0]?.from ?? home[0]!.date, to: covered[covered.length - 1]?.to ?? home[home.length - 1]!.date };
  const spanAround = (date: IsoDate) => covered.find((c) => c.from <= date && date <= c.to) ?? dataSpan;
  const ctx: RuleContext = { asOf: opts.asOf, weekStart: opts.weekStart, capacity: opts.capacity, fields };
  const evaluable = new Map<EffectiveRule, boolean>();
  const subjectOf = (scope: Scope, pack: string, period: Subject['period'], home: DayRecord[], all: DayRecord[]): Subject => ({
    scope, user: user.name, pack, period, home, all, userRecords: user.records, dataSpan: scope === 'week' || scope === 'month' ? spanAround(home[0]!.date) : dataSpan,
  });

  const run = (subject: Subject, lookBack?: string) =>
    runRules(rulesFor(subject.pack, subject.scope, lookBack), subject, ctx, user, evaluable, notEvaluated, report);
  const report = (effective: EffectiveRule, subject: Subject, result: CheckResult) => {
    if (result.outcome === 'pass') return;
    const undecided = result.outcome === 'violation' ? unreadableCellBehind(effective, subject, unreadable()) : undefined;
    findings.push(renderFinding(effective, subject, undecided ?? result, opts.asOf));
  };

  // one day subject, re-pointed at each home day (findings copy what they keep): no garbage per day
  const day = subjectOf('day', basePack, { from: home[0]!.date, to: home[0]!.date }, [home[0]!], []);
  day.all = day.home;
  for (const r of home) {
    day.home[0] = r;
    day.period.from = day.period.to = r.date;
    day.pack = packOn(basePack, r.date, service);
    run(day, lookBackPack(basePack, r.date, service));
  }
  for (const [scope, rangeOf] of [
    ['week', (d: IsoDate) => weekRange(d, opts.weekStart)],
    ['month', monthRange],
  ] as const) {
    for (const { period, home: periodHome, all } of bucket(user.records, rangeOf)) {
      if (periodHome.length === 0) continue;
      // a period that starts before a pack's start date is judged by the parent pack
      const pack = packOn(basePack, periodHome[0]!.date, service);
      run(subjectOf(scope, pack, period, periodHome, all));
      if (scope === 'month') {
        let pm = providerMonths.get(period.from);
        if (!pm) providerMonths.set(period.from, (pm = { home: [], packs: new Set() }));
        pm.home.push(...periodHome);
        pm.packs.add(pack);
      }
    }
  }
  const last = home[home.length - 1]!.date;
  run(subjectOf('user', packOn(basePack, last, service), { from: home[0]!.date, to: last }, home, user.records));
}

const cellKey = (file: string | undefined, sheet: string | undefined, row: number | undefined, column: string) =>
  `${file ?? ''}\u0000${sheet ?? ''}\u0000${row ?? 0}\u0000${column}`;

/** Cells the importer could not read (its located `input-*` findings). */
function unreadableCells(sheets: readonly ImportedSheet[]): Set<string> {
  const cells = new Set<string>();
  for (const s of sheets) {
    for (const f of s.inputFindings) {
      for (const l of f.locations) if (l.column !== undefined) cells.add(cellKey(l.file, l.sheet, l.row, l.column));
    }
  }
  return cells;
}

/**
 * A violation that rests on a cell the importer could not read is not decided: it becomes
 * `incomplete`, pointing at that cell, instead of a false violation.
 */
function unreadableCellBehind(
  effective: EffectiveRule,
  subject: Subject,
  unreadable: ReadonlySet<string>,
): Exclude<CheckResult, { outcome: 'pass' }> | undefined {
  if (unreadable.size === 0) return undefined;
  const fields = effective.rule.meta.requires.flat();
  for (const r of subject.scope === 'day' ? subject.home : subject.all) {
    for (const f of fields) {
      const column = r.source.columns[f];
      if (column === undefined || !unreadable.has(cellKey(r.source.file, r.source.sheet, r.source.row, column))) continue;
      return {
        outcome: 'incomplete',
        messageId: UNREADABLE_MESSAGE_ID,
        data: { field: FIELD_LABELS[f].ja, fieldEn: FIELD_LABELS[f].en, cell: `${r.source.sheet}!${column}${r.source.row}` },
      };
    }
  }
  return undefined;
}

/** Consecutive date-sorted records grouped into periods (weeks or months). */
function bucket(
  records: DayRecord[],
  rangeOf: (d: IsoDate) => { from: IsoDate; to: IsoDate },
): { period: { from: IsoDate; to: IsoDate }; home: DayRecord[]; all: DayRecord[] }[] {
  const out: { period: { from: IsoDate; to: IsoDate }; home: DayRecord[]; all: DayRecord[] }[] = [];
  let current: (typeof out)[number] | undefined;
  for (const r of records) {
    if (!current || r.date > current.period.to) {
      current = { period: rangeOf(r.date), home: [], all: [] };
      out.push(current);
    }
    current.all.push(r);
    if (r.mode === 'home') current.home.push(r);
  }
  return out;
}

/**
 * Runs rules on a subject (the one rule loop of the record rules and the billing rules): a rule whose
 * columns the user's sheets lack is noted once and not evaluated; every result goes to `report`.
 */
export function runRules(
  rules: readonly EffectiveRule[],
  subject: Subject,
  ctx: RuleContext,
  user: UserData,
  evaluable: Map<EffectiveRule, boolean>,
  notEvaluated: Map<string, NotEvaluated>,
  report: (effective: EffectiveRule, subject: Subject, result: CheckResult) => void,
): void {
  for (let i = 0; i < rules.length; i++) {
    const effective = rules[i]!;
    let ok = evaluable.get(effective);
    if (ok === undefined) evaluable.set(effective, (ok = hasRequiredFields(effective, ctx.fields, user, notEvaluated)));
    if (!ok) continue;
    const results = effective.rule.check(subject, effective.options, ctx);
    if (!Array.isArray(results)) report(effective, subject, results);
    else for (const result of results) report(effective, subject, result);
  }
}

export function hasRequiredFields(
  effective: EffectiveRule,
  fields: ReadonlySet<CanonicalField>,
  user: UserData,
  notEvaluated: Map<string, NotEvaluated>,
): boolean {
  const missing = effective.rule.meta.requires.find((group) => !group.some((f) => fields.has(f)));
  if (!missing) return true;
  for (const info of user.sheets) {
    const key = `${effective.rule.meta.id}\u0000${info.sheet.file ?? ''}\u0000${info.sheet.name}`;
    if (notEvaluated.has(key)) continue;
    const ja = missing.map((f) => `「${FIELD_LABELS[f].ja}」`).join('または');
    notEvaluated.set(key, {
      ruleId: effective.rule.meta.id,
      reason: `no column maps to ${missing.map((f) => `'${f}'`).join(' or ')}`,
      sheet: info.sheet.name,
      message: {
        ja: `「${info.sheet.name}」シートに${ja}の列がないため、「${effective.rule.meta.title.ja}」は判定していません。列を追加するか、列の対応付けを指定してください。`,
        en: `Sheet "${info.sheet.name}" has no column for ${missing.join(' or ')}, so "${effective.rule.meta.title.en}" was not checked.`,
      },
    });
  }
  return false;
}

/** Provider-wide rules (定員 ratio) over every user's home days of each month. */
function checkProviderMonths(
  months: Map<string, { home: DayRecord[]; packs: Set<string> }>,
  opts: ResolvedCheckOptions,
  findings: Finding[],
): void {
  for (const [monthStart, { home, packs }] of months) {
    const period = monthRange(monthStart);
    const ctx: RuleContext = { asOf: opts.asOf, weekStart: opts.weekStart, capacity: opts.capacity, fields: new Set() };
    const done = new Set<string>();
    for (const pack of packs) {
      for (const effective of rulesFor(pack, 'provider-month')) {
        if (done.has(effective.rule.meta.id)) continue;
        done.add(effective.rule.meta.id);
        const seen = new Set<string>();
        const firstPerUser = home.filter((r) => !seen.has(r.user) && seen.add(r.user));
        const subject: Subject = {
          scope: 'provider-month',
          pack,
          period,
          home,
          all: home,
          userRecords: home,
          dataSpan: period,
        };
        const result = effective.rule.check(subject, effective.options, ctx);
        for (const r of Array.isArray(result) ? result : [result]) {
          if (r.outcome === 'pass') continue;
          findings.push(renderFinding(effective, subject, { ...r, records: r.records ?? firstPerUser }, opts.asOf));
        }
      }
    }
  }
}

function compareFindings(a: Finding, b: Finding): number {
  const ua = a.user ?? '\uffff';
  const ub = b.user ?? '\uffff';
  if (ua !== ub) return ua < ub ? -1 : 1;
  const pa = a.period?.from ?? '';
  const pb = b.period?.from ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return (RULE_ORDER.get(a.ruleId) ?? 99) - (RULE_ORDER.get(b.ruleId) ?? 99);
}

function summarizeInputs(sheets: readonly ImportedSheet[]): InputSummary[] {
  const byFile = new Map<string, InputSummary>();
  for (const s of sheets) {
    const file = s.file ?? '';
    let input = byFile.get(file);
    if (!input) byFile.set(file, (input = { file, sheets: [] }));
    input.sheets.push({
      name: s.name,
      layout: s.layout,
      headerRow: s.headerRow,
      columns: s.columns,
      unmappedHeaders: s.unmappedHeaders,
      records: s.records,
      ...(s.layout === 'user-table' ? {} : { homeDays: countHomeDays(s) }),
      ...(s.note ? { note: s.note } : {}),
    });
  }
  return [...byFile.values()];
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, incomplete: 0, pending: 0 };
  for (const f of findings) {
    if (f.outcome === 'incomplete') summary.incomplete++;
    else if (f.outcome === 'pending') summary.pending++;
    else if (f.severity === 'error') summary.errors++;
    else summary.warnings++;
  }
  return summary;
}

/** The summary with the home days read; when there are none it says that nothing about home use was checked. */
function withHomeDays(summary: Summary, sheets: readonly ImportedSheet[]): Summary {
  let homeDays = 0;
  for (const s of sheets) homeDays += countHomeDays(s);
  summary.homeDays = homeDays;
  if (homeDays === 0) {
    summary.message = {
      ja: '在宅の日は1日も読み取れなかったため、在宅利用の要件は何も判定していません。在宅の日が記録されているなら、利用形態（在宅/通所）の列か備考の列の対応付けを確認してください。',
      en: 'No home day was read, so no home-use requirement was checked. If home days are recorded, check the mapping of the mode (在宅/通所) or remark column.',
    };
  }
  return summary;
}
