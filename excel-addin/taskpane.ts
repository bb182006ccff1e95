// Task pane: settings, actions, findings and the column-mapping panel. No rule logic: core decides.
import { CANONICAL_FIELDS, FIELD_LABELS, LAYOUT_LABELS, PACKS, getRule } from '../core/index.ts';
import { checkInWorkbook } from './check-run.ts';
import type { CanonicalField } from '../core/model/record.ts';
import type { CheckOptions, Finding, Report } from '../core/model/report.ts';
import type { ImportedSheet } from '../core/import/types.ts';
import { headerlessFirstRow } from '../core/import/plan.ts';
import {
  WEB_PAYLOAD_LIMIT,
  clearHighlights,
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
import { emptyStore, letterList, remapColumn, resetMapping, type AddinStore } from './settings.ts';

/** The ExcelApi version the pane cannot work without (conditional formats); see the manifest. */
const MIN_API = '1.6';
const MAX_ITEMS_PER_GROUP = 50;
const FIRST_ITEMS = 3;
const AUTO_CHECK_DELAY_MS = 1500;
/** Group id of input findings about one cell (bad dates, times, numbers, modes, duplicates). */
const CELL_GROUP = 'input-cells';

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
};

let lang: Lang = 'ja';
let t = makeT(lang);
let store: AddinStore = emptyStore();
let caps = { multiArea: false, autoCheck: false, notes: false, web: false, date1904: false };
let busy = false;
let lastScope: 'active' | 'all' = 'active';
let last: { sheets: SheetRead[]; imported: ImportedSheet[]; report: Report; activeId: string } | undefined;
let unwatch: (() => Promise<void>) | undefined;
let autoTimer: ReturnType<typeof setTimeout> | undefined;
let recheckAfterBusy = false;

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
  for (const id of ['checkSheet', 'checkAll', 'clear']) $<HTMLButtonElement>(id).disabled = true;
}

function describeError(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { message?: string; code?: string; debugInfo?: { message?: string } };
    return o.debugInfo?.message || o.message || o.code || String(e);
  }
  return String(e);
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
  };
  if (Number.isInteger(capacity) && capacity > 0) prefs.capacity = capacity;
  return prefs;
}

function checkOptions(): CheckOptions | undefined {
  const asOf = $<HTMLInputElement>('asOf').value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return undefined;
  const prefs = readPrefs();
  const options: CheckOptions = { asOf, defaultPack: prefs.pack ?? 'national', weekStart: prefs.weekStart ?? 'mon' };
  if (prefs.capacity) options.capacity = prefs.capacity;
  return options;
}

function ioOptions(): IoOptions {
  const io: IoOptions = { notes: caps.notes, writeNotes: caps.notes && $<HTMLInputElement>('notes').checked, date1904: caps.date1904 };
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
  if (!options) {
    setStatus(t('failed', { detail: t('asOf') }), true);
    return;
  }
  busy = true;
  lastScope = scope;
  setButtons(false);
  setStatus(t('checking'));
  try {
    const io = ioOptions();
    const run = (o: IoOptions) => runExcel((ctx) => checkInWorkbook(ctx, scope, options, o, readPrefs()));
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
    renderReport(result.report, nothing);
    renderMapping();
    const lines = records > 0 ? [t('checked', { sheets: checkedSheets.length, records })] : problems.length ? [] : [t('nothingChecked'), ...nothing!];
    setStatus([...lines, ...problems].join('\n'), problems.length > 0 && checkedSheets.length === 0);
    await updateWatch();
  } catch (e) {
    setStatus(t('failed', { detail: describeError(e) }), true);
  } finally {
    busy = false;
    setButtons(true);
    if (recheckAfterBusy) {
      recheckAfterBusy = false;
      scheduleAutoCheck();
    }
  }
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

/** `nothing`: no record was read; the reasons, one per sheet (the counts are hidden: nothing was checked). */
function renderReport(report: Report, nothing?: string[]): void {
  $('sumErrors').textContent = String(report.summary.errors);
  $('sumWarnings').textContent = String(report.summary.warnings);
  $('sumIncomplete').textContent = String(report.summary.incomplete);
  $('sumPending').textContent = String(report.summary.pending);
  $('summary').hidden = !!nothing;
  $('findings').hidden = false;
  const notice = nothing
    ? el('div', { id: 'nothingChecked', class: 'banner warn', role: 'note' }, el('p', {}, t('nothingChecked')), el('ul', { class: 'plain' }, ...[...new Set(nothing)].map((r) => el('li', {}, r))))
    : undefined;

  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = isCellFinding(f) ? CELL_GROUP : f.ruleId;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const sheetsInReport = new Set(report.findings.flatMap((f) => f.locations.map((l) => l.sheet)));
  const ordered = [...groups.entries()].map(([ruleId, list]) => {
    const worst = list.map(findingState).sort((a, b) => STATE_ORDER[a] - STATE_ORDER[b])[0]!;
    return { ruleId, list, worst };
  });
  ordered.sort((a, b) => STATE_ORDER[a.worst] - STATE_ORDER[b.worst] || b.list.length - a.list.length);

  renderNotEvaluated(report);
  const container = $('groups');
  if (!ordered.length) {
    container.replaceChildren(notice ?? el('p', { class: 'hint' }, t('noFindings')));
    return;
  }
  container.replaceChildren(
    ...(notice ? [notice] : []),
    ...ordered.map(({ ruleId, list, worst }, index) => {
      const details = el('details', { class: `group ${worst}`, 'data-rule': ruleId });
      if (index === 0) details.open = true;
      const summary = el(
        'summary',
        {},
        el('span', { class: `badge ${worst}` }, stateLabel(worst)),
        el('span', { class: 'name' }, ruleTitle(ruleId)),
        el('span', { class: 'count' }, t('count', { n: list.length })),
      );
      const sources = [...new Set(list.map((f) => f.source).filter(Boolean))];
      const cite = el('p', { class: 'cite' }, `${t('source')}: ${sources.map(citeSources).join(' / ')}`);
      const items = el('ul', { class: 'items' });
      const shown = list.slice(0, MAX_ITEMS_PER_GROUP);
      shown.forEach((f, i) => {
        const li = el('li', {}, ruleId === CELL_GROUP ? cellButton(f, sheetsInReport.size > 1) : findingButton(f));
        if (i >= FIRST_ITEMS) li.hidden = true;
        items.append(li);
      });
      details.append(summary, ...(sources.length ? [cite] : []), items);
      if (shown.length > FIRST_ITEMS) {
        const showAll = el('button', { type: 'button', class: 'show-all' }, t('showAll', { n: list.length }));
        showAll.addEventListener('click', () => {
          for (const li of items.querySelectorAll('li')) li.hidden = false;
          showAll.remove();
        });
        details.append(showAll);
      }
      if (list.length > MAX_ITEMS_PER_GROUP) details.append(el('p', { class: 'more' }, t('more', { n: list.length - MAX_ITEMS_PER_GROUP })));
      return details;
    }),
  );
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

function findingButton(f: Finding): HTMLButtonElement {
  const state = findingState(f);
  const who = el('span', { class: 'who' });
  if (f.user) who.append(el('b', {}, f.user));
  const period = periodLabel(f);
  if (period) who.append(el('span', {}, period));
  if (state === 'incomplete' || state === 'pending') who.append(el('span', { class: `badge ${state}` }, stateLabel(state)));
  const button = el('button', { type: 'button', class: 'item', title: t('selectRows') }, who, el('span', { class: 'msg' }, f.message[lang]));
  const sheet = f.locations.find((l) => l.sheet && l.row)?.sheet;
  if (!sheet) {
    button.disabled = true;
    return button;
  }
  const rows = f.locations.filter((l) => l.sheet === sheet && l.row).map((l) => l.row!);
  button.addEventListener('click', () => {
    void runExcel((ctx) => selectRows(ctx, sheet, rows, caps.multiArea)).catch((e) => setStatus(t('failed', { detail: describeError(e) }), true));
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
    void runExcel((ctx) => selectCells(ctx, sheet, addresses, caps.multiArea)).catch((e) => setStatus(t('failed', { detail: describeError(e) }), true));
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
    await runExcel((ctx) => saveStore(ctx, store));
    await runCheck(lastScope);
    setStatus(`${t('mappingSaved')}\n${$('status').textContent ?? ''}`.trim());
  } catch (e) {
    setStatus(t('failed', { detail: describeError(e) }), true);
  }
}

async function savePrefs(): Promise<void> {
  store.prefs = readPrefs();
  try {
    await runExcel(async (ctx) => {
      const current = await loadStore(ctx);
      current.prefs = store.prefs;
      store = current;
      await saveStore(ctx, current);
    });
  } catch (e) {
    setStatus(t('failed', { detail: describeError(e) }), true);
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

async function onClear(): Promise<void> {
  setButtons(false);
  try {
    const removed = await runExcel((ctx) => clearHighlights(ctx, 'all', { notes: caps.notes }));
    setStatus(t('cleared', { n: removed.formats + removed.notes }));
  } catch (e) {
    setStatus(t('failed', { detail: describeError(e) }), true);
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
  if (!supports(MIN_API)) {
    fatal(t('needApi', { version: MIN_API }));
    return;
  }
  caps = {
    multiArea: supports('1.9'),
    autoCheck: supports('1.7'),
    notes: supports('1.18'),
    web: String(Office.context.diagnostics?.platform) === 'OfficeOnline',
    date1904: supports1904(typeof Excel === 'undefined' ? undefined : Excel),
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
    setStatus(t('failed', { detail: describeError(e) }), true);
  }
  applyPrefs();
  $('checkSheet').addEventListener('click', () => void runCheck('active'));
  $('checkAll').addEventListener('click', () => void runCheck('all'));
  $('clear').addEventListener('click', () => void onClear());
  for (const id of ['pack', 'weekStart', 'capacity', 'notes']) $(id).addEventListener('change', () => void savePrefs());
  autoBox.addEventListener('change', () => void savePrefs().then(updateWatch));
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

