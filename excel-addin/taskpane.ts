// Task pane: settings, actions, findings and the column-mapping panel. No rule logic: core decides.
import { CANONICAL_FIELDS, FIELD_LABELS, LAYOUT_LABELS, PACKS, getRule } from '../core/index.ts';
import { checkInWorkbook, type CheckRun } from './check-run.ts';
import { MAX_BILLING_MB, billingFileNames, inBillingFile, isBillingInput, loadBillingFile, withBilling, type BillingLoad } from './billing.ts';
import type { BillingFile } from '../core/model/billing.ts';
import type { CanonicalField } from '../core/model/record.ts';
import type { CheckOptions, Finding, Report } from '../core/model/report.ts';
import type { ImportedSheet } from '../core/import/types.ts';
import { headerlessFirstRow } from '../core/import/plan.ts';
import {
  WEB_PAYLOAD_LIMIT,
  clearHighlights,
  hostErrorKind,
  loadStore,
  runExcel,
  saveStore,
  selectCells,
  selectRows,
  supports1904,
  watchSheets,
  type IoOptions,
  type SheetRead,
} from './excel-io.ts';
import { langFromOffice, makeT, type Lang, type StringKey } from './i18n.ts';
import { emptyStore, letterList, remapColumn, resetMapping, setReviewed, type AddinStore } from './settings.ts';
import { applyTheme } from './theme.ts';

/** The ExcelApi version the pane cannot work without (conditional formats): Excel 2019 and later; see the manifest. */
const MIN_API = '1.6';
const MAX_ITEMS_PER_GROUP = 50;
const FIRST_ITEMS = 3;
const AUTO_CHECK_DELAY_MS = 1500;
/** Group id of input findings about one cell (bad dates, times, numbers, modes, duplicates). */
const CELL_GROUP = 'input-cells';
/** Group id of input findings located only in a billing CSV (malformed records, unmatched 受給者証番号). */
const BILLING_GROUP = 'input-billing';

const SOURCE_NAMES: Record<string, { ja: string; en: string }> = {
  '000': { ja: '西尾市Q&A', en: 'Nishio Q&A' },
  '001': { ja: '神戸市通知', en: 'Kobe notice' },
  '002': { ja: '東大阪市基準', en: 'Higashiosaka criteria' },
  '003': { ja: '国の要件（解説）', en: 'National requirements (summary)' },
  '004': { ja: '福岡市通知', en: 'Fukuoka notice' },
};
const INPUT_TITLES: Record<string, { ja: string; en: string }> = {
  'input-date': { ja: '日付が読み取れない', en: 'Unreadable date' },
  'input-time': { ja: '時刻が読み取れない', en: 'Unreadable time' },
  'input-number': { ja: '数値が読み取れない', en: 'Unreadable number' },
  'input-duplicate': { ja: '同じ利用者・日付の重複', en: 'Same user and date twice' },
  'input-unknown-mode': { ja: '利用形態が読み取れない', en: 'Unknown mode' },
  'input-value': { ja: '値が読み取れない', en: 'Unreadable value' },
  'input-mapping': { ja: '指定した列が見つからない', en: 'Mapped column not found' },
  'input-encoding': { ja: '文字コードの問題', en: 'Character encoding' },
};

let lang: Lang = 'ja';
let t = makeT(lang);
let store: AddinStore = emptyStore();
let caps = { multiArea: false, autoCheck: false, notes: false, web: false, date1904: false, undoGroup: false };
let busy = false;
let lastScope: 'active' | 'all' = 'active';
let last: CheckRun | undefined;
/** groups the user had open (by key), kept across re-checks; undefined before the first render */
let openGroups: Set<string> | undefined;
/** groups whose 「すべて表示」 was pressed */
const expandedGroups = new Set<string>();
let groupBy: 'rule' | 'user' = 'rule';
let unwatch: (() => Promise<void>) | undefined;
let autoTimer: ReturnType<typeof setTimeout> | undefined;
let recheckAfterBusy = false;
/** 国保連 billing CSVs loaded beside the workbook: kept for this session only, used on every check */
let billingFiles: BillingFile[] = [];
/** billing files of the last pick that could not be loaded (said until the next pick) */
let billingProblems: string[] = [];
/** names of the billing files of the report on screen */
let shownBilling = new Set<string>();

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function setStatus(text: string, error = false): void {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
}

function fatal(text: string): void {
  const f = $('fatal');
  f.textContent = text;
  f.hidden = false;
  for (const id of ['checkSheet', 'checkAll', 'clear', 'billingPick']) $<HTMLButtonElement>(id).disabled = true;
}

/** What went wrong and what to do, in the UI language; the host's own text is never shown. */
function reason(e: unknown): string {
  return t(`reason_${hostErrorKind(e).replace('-', '_')}` as StringKey);
}

/** Writes go in one undo group where Excel can (ExcelApi 1.20). */
function write<T>(fn: Parameters<typeof runExcel<T>>[0]): Promise<T> {
  return runExcel(fn, { mergeUndo: caps.undoGroup });
}

function translateStatic(): void {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = t(node.dataset.t as StringKey);
  $<HTMLInputElement>('capacity').placeholder = t('capacityPlaceholder');
  document.title = t('title');
}

function fillPacks(): void {
  const select = $<HTMLSelectElement>('pack');
  select.replaceChildren(...PACKS.map((p) => el('option', { value: p.id }, p.label[lang])));
  select.title = t('packHint');
}

function applyPrefs(): void {
  const p = store.prefs;
  $<HTMLSelectElement>('pack').value = p.pack && PACKS.some((x) => x.id === p.pack) ? p.pack : 'national';
  $<HTMLSelectElement>('weekStart').value = p.weekStart ?? 'mon';
  $<HTMLInputElement>('capacity').value = p.capacity ? String(p.capacity) : '';
  $<HTMLInputElement>('autoCheck').checked = caps.autoCheck && !!p.autoCheck;
  $<HTMLInputElement>('notes').checked = caps.notes && !!p.notes;
}

function readPrefs(): AddinStore['prefs'] {
  const capacity = Number($<HTMLInputElement>('capacity').value);
  const prefs: AddinStore['prefs'] = {
    pack: $<HTMLSelectElement>('pack').value,
    weekStart: $<HTMLSelectElement>('weekStart').value === 'sun' ? 'sun' : 'mon',
    autoCheck: $<HTMLInputElement>('autoCheck').checked,
    notes: $<HTMLInputElement>('notes').checked,
    groupBy,
  };
  if (Number.isInteger(capacity) && capacity > 0) prefs.capacity = capacity;
  return prefs;
}

function validIso(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function checkOptions(): CheckOptions | undefined {
  const asOf = $<HTMLInputElement>('asOf').value;
  if (!validIso(asOf)) return undefined;
  const prefs = readPrefs();
  const options: CheckOptions = { asOf, defaultPack: prefs.pack ?? 'national', weekStart: prefs.weekStart ?? 'mon' };
  if (prefs.capacity) options.capacity = prefs.capacity;
  return options;
}

function ioOptions(): IoOptions {
  const io: IoOptions = { notes: caps.notes, writeNotes: caps.notes && $<HTMLInputElement>('notes').checked, date1904: caps.date1904, multiArea: caps.multiArea };
  if (caps.web) io.payloadLimit = WEB_PAYLOAD_LIMIT;
  return io;
}

function problemText(read: SheetRead, imp: ImportedSheet): string | undefined {
  if (!imp.problem) return undefined;
  if (imp.problem.code === 'empty') return t('sheetEmpty', { sheet: read.name });
  if (imp.problem.code === 'no-header') return t('sheetNoHeader', { sheet: read.name });
  return imp.problem.message[lang];
}

/** Why a sheet gave no records: its problem, or no readable rows under its header (or without one). */
function noRecordsText(read: SheetRead, imp: ImportedSheet): string {
  const problem = problemText(read, imp);
  if (problem) return problem;
  const headerless = headerlessFirstRow(read.grid, store.sheets[read.id]?.mapping) !== undefined;
  if (headerless || imp.headerRow === undefined) return t('sheetNoRowsHeaderless', { sheet: read.name });
  return t('sheetNoRows', { sheet: read.name, row: imp.headerRow });
}

async function runCheck(scope: 'active' | 'all'): Promise<void> {
  if (busy) {
    recheckAfterBusy = true;
    return;
  }
  const options = checkOptions();
  const asOfInput = $<HTMLInputElement>('asOf');
  if (!options) {
    clearResults();
    setStatus(t('asOfInvalid'), true);
    asOfInput.setAttribute('aria-invalid', 'true');
    $<HTMLDetailsElement>('settings').open = true;
    asOfInput.focus();
    return;
  }
  asOfInput.removeAttribute('aria-invalid');
  busy = true;
  lastScope = scope;
  setButtons(false);
  setStatus(t('checking'));
  try {
    const io = ioOptions();
    const billing = billingFiles;
    const run = (o: IoOptions) => write((ctx) => checkInWorkbook(ctx, scope, options, o, readPrefs(), billing));
    const result = await run(io).catch((e: unknown) => {
      if (!io.date1904) throw e;
      // This Excel does not know Workbook.use1904DateSystem: read dates as 1900-system serials.
      caps.date1904 = false;
      return run({ ...io, date1904: false });
    });
    store = result.store;
    last = result;
    const problems = result.sheets
      .map((s, i) => (scope === 'all' && result.imported[i]!.problem?.code === 'empty' ? undefined : problemText(s, result.imported[i]!)))
      .filter((x): x is string => !!x);
    const checkedSheets = result.imported.filter((i) => !i.problem);
    const records = checkedSheets.reduce((n, i) => n + i.records, 0);
    // no record read at all: say why instead of showing zero counts and "no findings"
    const nothing = records === 0 ? result.sheets.map((s, i) => noRecordsText(s, result.imported[i]!)) : undefined;
    // a billing CSV with no records to compare it with: said, never a silent all-clear
    const billingAlone = records === 0 && billing.length > 0 ? t('billingNoRecords', { files: billing.map((b) => b.file).join('」「') }) : undefined;
    if (billingAlone) nothing!.push(billingAlone);
    renderReport(result, nothing);
    renderHighlightNote(result);
    renderMapping();
    const lines = records > 0 ? [t('checked', { sheets: checkedSheets.length, records })] : problems.length ? [] : [t('nothingChecked'), ...nothing!];
    if (records > 0 && billing.length > 0) {
      lines.push(t('billingChecked', { days: billing.reduce((n, b) => n + b.days.length, 0) }));
      const names = billingFileNames(result.report);
      // unmatched 受給者証番号 (located on billed lines) while only one sheet was read: the user table may be elsewhere
      const unmatched = result.report.findings.some((f) => f.ruleId === 'input-mapping' && isBillingInput(f, names) && f.locations.some((l) => l.row !== undefined));
      if (scope === 'active' && unmatched) lines.push(t('billingActiveHint'));
    }
    if (billingAlone && problems.length) lines.push(billingAlone);
    setStatus([...lines, ...problems].join('\n'), problems.length > 0 && checkedSheets.length === 0);
    // the check stands even if watching the sheets for 自動チェック fails
    await updateWatch().catch((e: unknown) => setStatus(`${$('status').textContent ?? ''}\n${t('autoCheckFailed', { reason: reason(e) })}`.trim(), true));
  } catch (e) {
    // the findings on screen would be those of an earlier check: remove them
    clearResults();
    setStatus(t('checkFailed', { reason: reason(e) }), true);
  } finally {
    busy = false;
    setButtons(true);
    if (recheckAfterBusy) {
      recheckAfterBusy = false;
      scheduleAutoCheck();
    }
  }
}

/** No results on screen (a failed check, a bad as-of date): stale findings must not look current. */
function clearResults(): void {
  last = undefined;
  $('summary').hidden = true;
  $('findings').hidden = true;
  $('sheetsPanel').hidden = true;
  $('highlightNote').hidden = true;
  $('groups').replaceChildren();
  $('reviewedList').replaceChildren();
  $('reviewedPanel').hidden = true;
}

function renderHighlightNote(run: CheckRun): void {
  const note = $('highlightNote');
  const h = run.highlight;
  if (!h) {
    note.hidden = true;
    return;
  }
  const lines: string[] = [];
  if (h.failed === 'access-denied') lines.push(t('highlightDenied'));
  else if (h.failed) lines.push(t('highlightFailed', { reason: t(`reason_${h.failed.replace('-', '_')}` as StringKey) }));
  else if (h.protectedSheets.length) lines.push(t('highlightProtected', { sheets: h.protectedSheets.join('」「') }));
  if (h.staleSheets?.length) lines.push(t('highlightStale', { sheets: h.staleSheets.join('」「') }));
  note.textContent = lines.join('\n');
  note.hidden = lines.length === 0;
}

function setButtons(enabled: boolean): void {
  for (const id of ['checkSheet', 'checkAll', 'clear']) $<HTMLButtonElement>(id).disabled = !enabled;
  $('app').setAttribute('aria-busy', String(!enabled));
}

function findingState(f: Finding): 'error' | 'warning' | 'incomplete' | 'pending' {
  if (f.outcome === 'violation') return f.severity;
  return f.outcome;
}
const STATE_ORDER = { error: 0, warning: 1, incomplete: 2, pending: 3 } as const;

function ruleTitle(ruleId: string): string {
  if (ruleId === CELL_GROUP) return t('cellGroup');
  if (ruleId === BILLING_GROUP) return t('billingGroup');
  return getRule(ruleId)?.meta.title[lang] ?? INPUT_TITLES[ruleId]?.[lang] ?? ruleId;
}

/** An input finding located on cells (a column, not just a row). */
function isCellFinding(f: Finding): boolean {
  return f.ruleId.startsWith('input-') && f.locations.some((l) => l.sheet && l.row && l.column);
}

function citeSources(source: string): string {
  return source.replace(/\b(00[0-4])\b/g, (code) => SOURCE_NAMES[code]?.[lang] ?? code);
}

function md(iso: string): string {
  return `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;
}

function periodLabel(f: Finding): string {
  const p = f.period;
  if (!p) return '';
  if (p.from === p.to) return md(p.from);
  const monthStart = p.from.endsWith('-01') && p.from.slice(0, 7) === p.to.slice(0, 7);
  if (monthStart && Number(p.to.slice(8)) >= 28) return t('monthOf', { y: p.from.slice(0, 4), m: Number(p.from.slice(5, 7)) });
  return t('weekOf', { from: md(p.from), to: md(p.to) });
}

function stateLabel(state: ReturnType<typeof findingState>): string {
  return state === 'error' ? t('severity_error') : state === 'warning' ? t('severity_warning') : t(`outcome_${state}`);
}

/** Counts of the findings shown (reviewed ones are listed apart): the tiles agree with the row colours. */
function countStates(findings: readonly Finding[]): Record<ReturnType<typeof findingState>, number> {
  const n = { error: 0, warning: 0, incomplete: 0, pending: 0 };
  for (const f of findings) n[findingState(f)] += 1;
  return n;
}

function renderSheetSummary(report: Report): void {
  const rows = report.inputs.flatMap((i) => i.sheets);
  // the billing CSVs are inputs too: their billed days, beside the sheets' records
  const billing = report.inputs.filter((i) => i.kind === 'billing');
  $('sheetsPanel').hidden = rows.length === 0 && billing.length === 0;
  $('sheetSummary').querySelector('tbody')!.replaceChildren(
    ...rows.map((s) =>
      el('tr', { 'data-sheet': s.name, ...(s.note ? { title: s.note[lang] } : {}) }, el('td', { class: 'hdr' }, s.note ? `${s.name} ※` : s.name), el('td', { class: 'num' }, String(s.records)), el('td', { class: 'num' }, s.homeDays === undefined ? '—' : String(s.homeDays))),
    ),
    ...billing.map((b) => el('tr', { 'data-billing': b.file, title: t('billingRow', { file: b.file }) }, el('td', { class: 'hdr' }, t('billingRow', { file: b.file })), el('td', { class: 'num' }, String(b.billedDays ?? 0)), el('td', { class: 'num' }, '—'))),
  );
}

interface Group {
  key: string;
  title: string;
  list: Finding[];
  worst: ReturnType<typeof findingState>;
  /** rule groups: cell findings are shown as cells */
  cells: boolean;
}

function groupFindings(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = groupBy === 'user' ? `user:${f.user ?? ''}` : `rule:${isBillingInput(f, shownBilling) ? BILLING_GROUP : isCellFinding(f) ? CELL_GROUP : f.ruleId}`;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const ordered = [...groups.entries()].map(([key, list]) => {
    const worst = list.map(findingState).sort((a, b) => STATE_ORDER[a] - STATE_ORDER[b])[0]!;
    const id = key.slice(key.indexOf(':') + 1);
    const title = groupBy === 'user' ? id || t('noUser') : ruleTitle(id);
    return { key, title, list, worst, cells: groupBy === 'rule' && id === CELL_GROUP };
  });
  ordered.sort((a, b) => STATE_ORDER[a.worst] - STATE_ORDER[b.worst] || b.list.length - a.list.length);
  return ordered;
}

/** `nothing`: no record was read; the reasons, one per sheet (the counts are hidden: nothing was checked). */
function renderReport(run: CheckRun, nothing?: string[]): void {
  const report = run.report;
  shownBilling = billingFileNames(report);
  const reviewedSet = new Set(run.reviewed);
  const shownFindings = report.findings.filter((f) => !reviewedSet.has(f));
  const counts = countStates(shownFindings);
  $('sumErrors').textContent = String(counts.error);
  $('sumWarnings').textContent = String(counts.warning);
  $('sumIncomplete').textContent = String(counts.incomplete);
  $('sumPending').textContent = String(counts.pending);
  $('summary').hidden = !!nothing;
  $('findings').hidden = false;
  renderSheetSummary(report);
  const reviewedNote = $('reviewedNote');
  reviewedNote.hidden = run.reviewed.length === 0;
  reviewedNote.textContent = t('reviewedNote', { n: run.reviewed.length });
  const notice = nothing
    ? el('div', { id: 'nothingChecked', class: 'banner warn', role: 'note' }, el('p', {}, t('nothingChecked')), el('ul', { class: 'plain' }, ...[...new Set(nothing)].map((r) => el('li', {}, r))))
    : undefined;

  const sheetsInReport = new Set(report.findings.flatMap((f) => f.locations.map((l) => l.sheet)));
  const ordered = groupFindings(shownFindings);
  // the groups open now stay open after a re-check (the first group opens on the first check)
  const container = $('groups');
  if (container.querySelector('details.group')) openGroups = new Set([...container.querySelectorAll<HTMLDetailsElement>('details.group[open]')].map((d) => d.dataset.key!));

  renderNotEvaluated(report);
  renderReviewed(run);
  if (!ordered.length) {
    // never an unqualified 「指摘はありません」 while reviewed findings exist
    container.replaceChildren(notice ?? el('p', { class: 'hint' }, t(run.reviewed.length ? 'noOpenFindings' : 'noFindings')));
    return;
  }
  container.replaceChildren(
    ...(notice ? [notice] : []),
    ...ordered.map(({ key, title, list, worst, cells }, index) => {
      const attrs: Record<string, string> = { class: `group ${worst}`, 'data-key': key };
      if (key.startsWith('rule:')) attrs['data-rule'] = key.slice(5);
      else attrs['data-user'] = key.slice(5);
      const details = el('details', attrs);
      details.open = openGroups ? openGroups.has(key) : index === 0;
      details.addEventListener('toggle', () => {
        openGroups ??= new Set();
        if (details.open) openGroups.add(key);
        else openGroups.delete(key);
      });
      const summary = el(
        'summary',
        {},
        el('span', { class: `badge ${worst}` }, stateLabel(worst)),
        el('span', { class: 'name' }, title),
        el('span', { class: 'count' }, t('count', { n: list.length })),
      );
      const sources = groupBy === 'rule' ? [...new Set(list.map((f) => f.source).filter(Boolean))] : [];
      const cite = el('p', { class: 'cite' }, `${t('source')}: ${sources.map(citeSources).join(' / ')}`);
      const items = el('ul', { class: 'items' });
      const shown = list.slice(0, MAX_ITEMS_PER_GROUP);
      const expanded = expandedGroups.has(key);
      shown.forEach((f, i) => {
        const button = cells ? cellButton(f, sheetsInReport.size > 1) : findingButton(f, groupBy === 'user');
        const li = el('li', {}, button);
        li.append(reviewButton(run.keyOf(f), true));
        if (i >= FIRST_ITEMS && !expanded) li.hidden = true;
        items.append(li);
      });
      details.append(summary, ...(sources.length ? [cite] : []), items);
      if (shown.length > FIRST_ITEMS && !expanded) {
        const showAll = el('button', { type: 'button', class: 'show-all' }, t('showAll', { n: list.length }));
        showAll.addEventListener('click', () => {
          for (const li of items.querySelectorAll('li')) li.hidden = false;
          expandedGroups.add(key);
          showAll.remove();
        });
        details.append(showAll);
      }
      if (list.length > MAX_ITEMS_PER_GROUP) details.append(el('p', { class: 'more' }, t('more', { n: list.length - MAX_ITEMS_PER_GROUP })));
      return details;
    }),
  );
}

/** 「確認済みにする」 / 「元に戻す」: stored in the workbook, then re-checked so the colours follow. */
function reviewButton(key: string, on: boolean): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link review', title: t('markReviewedHint'), 'data-review': key }, t(on ? 'markReviewed' : 'unmarkReviewed'));
  button.addEventListener('click', () => void markReviewed(key, on));
  return button;
}

async function markReviewed(key: string, on: boolean): Promise<void> {
  try {
    await write(async (ctx) => {
      const current = await loadStore(ctx);
      setReviewed(current, key, on);
      store = current;
      await saveStore(ctx, current);
    });
  } catch (e) {
    setStatus(t('reviewSaveFailed', { reason: reason(e) }), true);
    return;
  }
  await runCheck(lastScope);
}

function renderReviewed(run: CheckRun): void {
  const list = $('reviewedList');
  $('reviewedTitle').textContent = t('reviewedTitle', { n: run.reviewed.length });
  list.replaceChildren(
    ...run.reviewed.map((f) => {
      const li = el('li', {}, el('span', {}, `${ruleTitle(f.ruleId)}: ${f.message[lang]} `));
      li.append(reviewButton(run.keyOf(f), false));
      return li;
    }),
  );
  $('reviewedPanel').hidden = run.reviewed.length === 0;
}

/** Every finding button in display order (hidden ones of a group included). */
function itemButtons(): HTMLButtonElement[] {
  return [...$('groups').querySelectorAll<HTMLButtonElement>('button.item:not(:disabled)')];
}

/** Show an item (open its group, reveal it) and focus it. */
function reveal(button: HTMLButtonElement): void {
  const details = button.closest('details');
  if (details && !details.open) details.open = true;
  const li = button.closest('li');
  if (li) li.hidden = false;
  button.focus();
  button.scrollIntoView({ block: 'nearest' });
}

let current = -1;

/** Next (+1) / previous (-1) finding: shown, focused and its rows selected in Excel. */
function stepFinding(delta: number, select = true): void {
  const buttons = itemButtons();
  if (!buttons.length) return;
  const focused = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const from = focused >= 0 ? focused : current;
  const next = from < 0 ? (delta > 0 ? 0 : buttons.length - 1) : (from + delta + buttons.length) % buttons.length;
  current = next;
  reveal(buttons[next]!);
  if (select) buttons[next]!.click();
}

function onKeyDown(e: KeyboardEvent): void {
  const target = e.target as HTMLElement;
  if (target.closest('input, select, textarea')) return;
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const inList = target.closest('#groups') && target.classList.contains('item');
  if (inList && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
    stepFinding(e.key === 'ArrowDown' ? 1 : -1, false);
  } else if (e.key === 'n' || e.key === 'N' || e.key === 'p' || e.key === 'P') {
    if ($('findings').hidden) return;
    e.preventDefault();
    stepFinding(e.key.toLowerCase() === 'n' ? 1 : -1);
  }
}

function renderNotEvaluated(report: Report): void {
  const seen = new Set<string>();
  const items: HTMLLIElement[] = [];
  for (const n of report.notEvaluated) {
    const text = `${ruleTitle(n.ruleId)}: ${n.message?.[lang] ?? n.reason}`;
    if (seen.has(text)) continue;
    seen.add(text);
    items.push(el('li', { 'data-rule': n.ruleId }, text));
  }
  $('notEvaluated').replaceChildren(...items);
  $('notEvaluatedPanel').hidden = items.length === 0;
}

/** A finding: who (or, grouped by user, which rule), when, what; clicking selects its rows. */
function findingButton(f: Finding, byUser = false): HTMLButtonElement {
  const state = findingState(f);
  const who = el('span', { class: 'who' });
  if (byUser) who.append(el('b', { class: 'rule' }, ruleTitle(isBillingInput(f, shownBilling) ? BILLING_GROUP : isCellFinding(f) ? CELL_GROUP : f.ruleId)));
  else if (f.user) who.append(el('b', {}, f.user));
  const period = periodLabel(f);
  if (period) who.append(el('span', {}, period));
  if (state === 'incomplete' || state === 'pending') who.append(el('span', { class: `badge ${state}` }, stateLabel(state)));
  const button = el('button', { type: 'button', class: 'item', title: t('selectRows') }, who, el('span', { class: 'msg' }, f.message[lang]));
  const sheet = f.locations.find((l) => l.sheet && l.row)?.sheet;
  if (!sheet) {
    // located only in a billing CSV (its lines are not sheet rows): where, but nothing to select
    const lines = f.locations.filter((l) => inBillingFile(l, shownBilling) && l.row !== undefined);
    if (lines.length) {
      // its message names the file and line; shown at full strength (it is a finding, not a disabled control)
      button.title = t('billingOnly');
      button.dataset.billingLine = String(lines[0]!.row);
    }
    button.disabled = true;
    return button;
  }
  const rows = f.locations.filter((l) => l.sheet === sheet && l.row).map((l) => l.row!);
  button.addEventListener('click', () => {
    current = itemButtons().indexOf(button);
    void runExcel((ctx) => selectRows(ctx, sheet, rows, caps.multiArea)).catch((e) => setStatus(t('selectFailed', { reason: reason(e) }), true));
  });
  return button;
}

/** A bad cell: its address and what is wrong; clicking selects the cell(s). */
function cellButton(f: Finding, showSheet: boolean): HTMLButtonElement {
  const cells = f.locations.filter((l) => l.sheet && l.row && l.column);
  const sheet = cells[0]!.sheet!;
  const addresses = cells.filter((l) => l.sheet === sheet).map((l) => `${l.column}${l.row}`);
  const who = el('span', { class: 'who' });
  who.append(el('b', { class: 'cell' }, showSheet ? `${sheet}!${addresses[0]}` : addresses[0]!));
  who.append(el('span', { class: 'kind' }, INPUT_TITLES[f.ruleId]?.[lang] ?? f.ruleId));
  if (f.user) who.append(el('span', {}, f.user));
  const button = el('button', { type: 'button', class: 'item', title: t('selectCell'), 'data-cell': addresses[0]! }, who, el('span', { class: 'msg' }, f.message[lang]));
  button.addEventListener('click', () => {
    current = itemButtons().indexOf(button);
    void runExcel((ctx) => selectCells(ctx, sheet, addresses, caps.multiArea)).catch((e) => setStatus(t('selectFailed', { reason: reason(e) }), true));
  });
  return button;
}

/** Column letter → field of the last import (older results without columnFields: from columns). */
function columnFieldsOf(imp: ImportedSheet): Record<string, CanonicalField> {
  if (imp.columnFields) return imp.columnFields;
  const out: Record<string, CanonicalField> = {};
  for (const [field, spec] of Object.entries(imp.columns) as [CanonicalField, string][]) {
    for (const letter of letterList(spec)) out[letter] ??= field;
  }
  return out;
}

/** The mapping panel for the active sheet of the last check (else the first sheet read). */
function renderMapping(): void {
  const box = $('mapping');
  if (!last) return;
  const index = Math.max(0, last.sheets.findIndex((s) => s.id === last!.activeId));
  const read = last.sheets[index];
  const imp = last.imported[index];
  if (!read || !imp || !read.bounds) {
    box.replaceChildren(el('p', { class: 'hint' }, t('mappingEmpty')));
    return;
  }
  const bounds = read.bounds;
  const current = columnFieldsOf(imp);
  const forced = read.id ? store.sheets[read.id]?.mapping ?? {} : {};
  const forcedLetters = new Set(Object.values(forced).flatMap((v) => letterList(v)));
  // without a header row (date mapped by letter), each column shows its first value from the first record on
  const firstDataRow = imp.problem ? undefined : headerlessFirstRow(read.grid, forced);
  const headerRow = imp.headerRow ?? bounds.row;
  const cellText = (r: number, c: number) => String(read.grid.text?.[r]?.[c - bounds.col] ?? read.grid.cells[r]?.[c - bounds.col] ?? '').trim();
  const columnText = (c: number): string => {
    if (firstDataRow === undefined) return cellText(headerRow - bounds.row, c);
    for (let r = firstDataRow - bounds.row; r < read.grid.cells.length; r++) {
      const text = cellText(r, c);
      if (text) return text;
    }
    return '';
  };
  const rows: HTMLTableRowElement[] = [];
  for (let c = bounds.col; c <= bounds.lastCol; c++) {
    const letter = letterOf(c);
    const text = columnText(c);
    const field = current[letter];
    if (!text && !field) continue;
    const select = el('select', { 'aria-label': `${letter} ${text}`, 'data-column': letter });
    select.append(el('option', { value: '' }, t('mappingNone')));
    for (const f of CANONICAL_FIELDS) select.append(el('option', { value: f }, FIELD_LABELS[f][lang]));
    select.value = field ?? '';
    if (forcedLetters.has(letter)) select.classList.add('forced');
    if (imp.layout === 'matrix' && field === 'date') {
      // a day column of the monthly matrix: its marks give the date and mode of that day
      select.disabled = true;
      select.title = t('dayColumn');
    }
    select.addEventListener('change', () => void changeMapping(read, current, letter, select.value as CanonicalField | ''));
    rows.push(el('tr', {}, el('td', { class: 'col' }, letter), el('td', { class: 'hdr', title: text }, text), el('td', {}, select)));
  }
  const table = el('table', { class: 'map' }, el('thead', {}, el('tr', {}, el('th', {}, t('column')), el('th', {}, t(firstDataRow === undefined ? 'header' : 'sample')), el('th', {}, t('field')))), el('tbody', {}, ...rows));
  const where = firstDataRow === undefined ? t('headerRow', { row: headerRow }) : t('noHeaderRow', { row: firstDataRow });
  const info = el('p', { class: 'hint' }, `${t('mappingSheet', { sheet: read.name })} · ${where}${imp.layout ? ` · ${t('layout')}: ${LAYOUT_LABELS[imp.layout][lang]}` : ''}`);
  const parts: HTMLElement[] = [info, table];
  if (Object.keys(forced).length) {
    const reset = el('button', { type: 'button', id: 'mappingReset', class: 'link' }, t('mappingReset'));
    reset.addEventListener('click', () => {
      resetMapping(store, read.id, read.name);
      void saveMappingAndRecheck();
    });
    parts.push(reset);
  }
  box.replaceChildren(...parts);
}

function letterOf(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

async function changeMapping(read: SheetRead, current: Record<string, CanonicalField>, letter: string, field: CanonicalField | ''): Promise<void> {
  remapColumn(store, read.id, read.name, current, letter, field);
  await saveMappingAndRecheck();
}

async function saveMappingAndRecheck(): Promise<void> {
  try {
    await write((ctx) => saveStore(ctx, store));
  } catch (e) {
    setStatus(t('mappingSaveFailed', { reason: reason(e) }), true);
    return;
  }
  await runCheck(lastScope);
  if (last) setStatus(`${t('mappingSaved')}\n${$('status').textContent ?? ''}`.trim());
}

async function savePrefs(): Promise<void> {
  store.prefs = readPrefs();
  try {
    await write(async (ctx) => {
      const saved = await loadStore(ctx);
      saved.prefs = store.prefs;
      store = saved;
      await saveStore(ctx, saved);
    });
  } catch (e) {
    setStatus(t('prefsSaveFailed', { reason: reason(e) }), true);
  }
}

function scheduleAutoCheck(): void {
  clearTimeout(autoTimer);
  autoTimer = setTimeout(() => void runCheck(lastScope), AUTO_CHECK_DELAY_MS);
}

async function updateWatch(): Promise<void> {
  const wanted = caps.autoCheck && $<HTMLInputElement>('autoCheck').checked && last ? last.sheets.map((s) => s.name) : [];
  if (unwatch) {
    const stop = unwatch;
    unwatch = undefined;
    await stop().catch(() => undefined);
  }
  if (wanted.length) {
    unwatch = await watchSheets(wanted, () => {
      if (busy) recheckAfterBusy = true;
      else scheduleAutoCheck();
    });
  }
}

/** Why a picked file was not loaded, with its name and what to do. */
function billingProblemText(load: Extract<BillingLoad, { problem: string }>): string {
  const file = load.file;
  switch (load.problem) {
    case 'too-big':
      return t('billingTooBig', { file, mb: load.mb ?? 0, limit: MAX_BILLING_MB });
    case 'empty':
      return t('billingEmptyFile', { file });
    case 'unreadable':
      return t('billingUnreadable', { file });
    case 'workbook':
      return t('billingWorkbook', { file });
    case 'broken':
      return t('billingBroken', { file });
    default:
      return t('billingNotBilling', { file });
  }
}

function monthLabel(ym: string): string {
  return lang === 'ja' ? `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月` : ym;
}

/** The loaded billing files (name, billed days, months, skipped records, 外す) and the last pick's problems. */
function renderBilling(): void {
  $('billingList').replaceChildren(
    ...billingFiles.map((b) => {
      const info = [b.days.length > 0 ? t('billingLoaded', { days: b.days.length }) : t('billingNoDays')];
      if (b.months.length) info.push(b.months.map(monthLabel).join('・'));
      const skipped = Object.entries(b.skipped).map(([id, n]) => (lang === 'ja' ? `${id} ${n}件` : `${id} ${n}`));
      if (skipped.length) info.push(t('billingSkipped', { records: skipped.join('、') }));
      const remove = el('button', { type: 'button', class: 'link', 'aria-label': t('billingRemoveLabel', { file: b.file }) }, t('billingRemove'));
      remove.addEventListener('click', () => void removeBilling(b.file));
      return el('li', { 'data-billing-file': b.file, class: b.days.length > 0 ? '' : 'warn' }, el('b', { class: 'name' }, b.file), el('span', { class: 'info' }, info.join(' · ')), remove);
    }),
  );
  const problem = $('billingProblem');
  problem.textContent = billingProblems.join('\n');
  problem.hidden = billingProblems.length === 0;
}

/** Files picked or dropped: read here (nothing is uploaded), kept for the session, then the workbook is checked with them. */
async function onBillingFiles(files: File[]): Promise<void> {
  if (!files.length) return;
  billingProblems = [];
  for (const file of files) {
    setStatus(t('billingReading', { file: file.name }));
    const load = await loadBillingFile(file);
    if ('billing' in load) billingFiles = withBilling(billingFiles, load.billing);
    else billingProblems.push(billingProblemText(load));
  }
  renderBilling();
  await runCheck(lastScope);
}

async function removeBilling(file: string): Promise<void> {
  billingFiles = billingFiles.filter((b) => b.file !== file);
  billingProblems = [];
  renderBilling();
  $('billingPick').focus();
  setStatus(t('billingRemoved', { file }));
  // findings of the removed file must not stay on screen
  if (last) await runCheck(lastScope);
}

async function onClear(): Promise<void> {
  setButtons(false);
  try {
    const removed = await write((ctx) => clearHighlights(ctx, 'all', { notes: caps.notes }));
    setStatus(t('cleared', { n: removed.formats + removed.notes }));
  } catch (e) {
    setStatus(t('clearFailed', { reason: reason(e) }), true);
  } finally {
    setButtons(true);
  }
}

function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

async function start(): Promise<void> {
  lang = langFromOffice(Office.context.displayLanguage);
  t = makeT(lang);
  translateStatic();
  fillPacks();
  $<HTMLInputElement>('asOf').value = todayIso();
  applyTheme(document.documentElement, Office.context.officeTheme);
  try {
    // Excel desktop tells when the user switches the Office theme; elsewhere the theme is read once
    Office.context.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, (e: Office.OfficeThemeChangedEventArgs) => applyTheme(document.documentElement, e.officeTheme));
  } catch {
    // not supported here
  }
  if (!supports(MIN_API)) {
    fatal(t('needApi'));
    return;
  }
  caps = {
    multiArea: supports('1.9'),
    autoCheck: supports('1.7'),
    notes: supports('1.18'),
    web: String(Office.context.diagnostics?.platform) === 'OfficeOnline',
    date1904: supports1904(typeof Excel === 'undefined' ? undefined : Excel),
    undoGroup: supports('1.20'),
  };
  const autoBox = $<HTMLInputElement>('autoCheck');
  autoBox.disabled = !caps.autoCheck;
  if (!caps.autoCheck) autoBox.parentElement!.title = t('autoCheckUnsupported');
  const notesBox = $<HTMLInputElement>('notes');
  notesBox.disabled = !caps.notes;
  if (!caps.notes) notesBox.parentElement!.title = t('notesUnsupported');
  try {
    store = await runExcel(loadStore);
  } catch (e) {
    setStatus(t('loadFailed', { reason: reason(e) }), true);
  }
  applyPrefs();
  groupBy = store.prefs.groupBy === 'user' ? 'user' : 'rule';
  const groupSelect = $<HTMLSelectElement>('groupBy');
  groupSelect.value = groupBy;
  groupSelect.addEventListener('change', () => {
    groupBy = groupSelect.value === 'user' ? 'user' : 'rule';
    openGroups = undefined;
    expandedGroups.clear();
    $('groups').replaceChildren();
    if (last) renderReport(last);
    void savePrefs();
  });
  $('nextFinding').addEventListener('click', () => stepFinding(1));
  $('prevFinding').addEventListener('click', () => stepFinding(-1));
  document.addEventListener('keydown', onKeyDown);
  $('checkSheet').addEventListener('click', () => void runCheck('active'));
  $('checkAll').addEventListener('click', () => void runCheck('all'));
  $('clear').addEventListener('click', () => void onClear());
  const billingInput = $<HTMLInputElement>('billingFile');
  billingInput.setAttribute('aria-label', t('billingPick'));
  $('billingPick').addEventListener('click', () => billingInput.click());
  billingInput.addEventListener('change', () => {
    const files = [...(billingInput.files ?? [])];
    // the same file can be picked again (after it was re-exported)
    billingInput.value = '';
    void onBillingFiles(files);
  });
  // a file dropped on the panel (where a host's file dialog does not open) is read the same way
  const billingPanel = $('billingPanel');
  billingPanel.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    billingPanel.classList.add('drop');
  });
  billingPanel.addEventListener('dragleave', () => billingPanel.classList.remove('drop'));
  billingPanel.addEventListener('drop', (e) => {
    e.preventDefault();
    billingPanel.classList.remove('drop');
    void onBillingFiles([...(e.dataTransfer?.files ?? [])]);
  });
  for (const id of ['pack', 'weekStart', 'capacity', 'notes']) $(id).addEventListener('change', () => void savePrefs());
  autoBox.addEventListener('change', () => void savePrefs().then(updateWatch).catch((e: unknown) => setStatus(t('autoCheckFailed', { reason: reason(e) }), true)));
  $('app').setAttribute('aria-busy', 'false');
  document.body.dataset.ready = 'true';
}

if (typeof Office === 'undefined') {
  document.addEventListener('DOMContentLoaded', () => fatal(makeT('ja')('notInExcel') + ' / ' + makeT('en')('notInExcel')));
} else {
  void Office.onReady((info) => {
    if (info.host && info.host !== Office.HostType.Excel) {
      fatal(`${makeT('ja')('notInExcel')} / ${makeT('en')('notInExcel')}`);
      return;
    }
    void start();
  });
}

