// The browser checker page: files in, the CLI's report out. No rule logic (core decides, in the worker),
// no network, no storage: file bytes live only in this tab's memory.
import { CANONICAL_FIELDS, type CanonicalField } from '../core/model/record.ts';
import type { Bilingual, Finding, NotEvaluated, Report } from '../core/model/report.ts';
import { FIELD_LABELS, LAYOUT_LABELS } from '../core/model/fields.ts';
import { PACKS } from '../core/packs/index.ts';
import { getRule } from '../core/rules/index.ts';
import type { FileProblem } from '../pipeline/check-files.ts';
import { findingKind, KIND_LABELS } from '../core/engine/finding-kind.ts';
import { locationText } from '../pipeline/findings-table.ts';
import { tr, type Lang, type TextKey } from './i18n.ts';
import type { CheckSettings, FromWorker, SheetView, ToWorker } from './protocol.ts';

declare global {
  interface Window {
    /** the worker's code, when the page is the self-contained zaitaku-check.html */
    __zaitakuWorkerSource?: string;
  }
}

type Mapping = Partial<Record<CanonicalField, string>>;
type Request = ToWorker extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;

interface Checked {
  report: Report;
  sheets: SheetView[];
  fileProblems: FileProblem[];
  hiddenSkipped: { file: string; sheets: string[] }[];
  ms: number;
}

let lang: Lang = 'ja';
let files: { name: string; bytes: Uint8Array }[] = [];
let unsupported: string[] = [];
let checked: Checked | undefined;
let grouping: 'user' | 'rule' = 'user';
const sheetMappings: Record<string, Mapping> = {};
let nextId = 1;
const waiting = new Map<number, (m: FromWorker) => void>();
const SHOWN = 1000;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const t = (key: TextKey, vars?: Record<string, string | number>) => tr(lang, key, vars);
const pick = (b: Bilingual) => b[lang];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function startWorker(): Worker {
  const source = window.__zaitakuWorkerSource;
  const w = source ? new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))) : new Worker('worker.js');
  w.onmessage = (e: MessageEvent<FromWorker>) => waiting.get(e.data.id)?.(e.data);
  w.onerror = () => showFailure({ ja: 'チェック用の処理を開始できませんでした。ページを開き直してください。', en: 'The checking process could not start. Reopen the page.' });
  return w;
}
const worker = startWorker();

function ask(message: Request, onProgress?: (m: Extract<FromWorker, { type: 'progress' }>) => void, transfer: Transferable[] = []): Promise<FromWorker> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, (m) => {
      if (m.type === 'progress') return onProgress?.(m);
      waiting.delete(id);
      resolve(m);
    });
    worker.postMessage({ ...message, id } as ToWorker, transfer);
  });
}

function settings(): CheckSettings {
  const cap = Number($<HTMLInputElement>('capacity').value);
  return {
    municipality: $<HTMLSelectElement>('municipality').value,
    asOf: $<HTMLInputElement>('asOf').value || today(),
    weekStart: $<HTMLSelectElement>('weekStart').value === 'sun' ? 'sun' : 'mon',
    ...(Number.isInteger(cap) && cap > 0 ? { capacity: cap } : {}),
  };
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function setProgress(done: number, step: string): void {
  const bar = $<HTMLProgressElement>('progress');
  bar.hidden = false;
  bar.value = done;
  $('status').textContent = `${t('working')} ${step}`;
}

function showFailure(message: Bilingual): void {
  $<HTMLProgressElement>('progress').hidden = true;
  const s = $('status');
  s.textContent = `${t('failed')}: ${pick(message)}`;
  s.classList.add('bad');
  document.body.dataset.state = 'failed';
}

async function runCheck(): Promise<void> {
  if (!files.length) {
    checked = undefined;
    renderResults();
    document.body.dataset.state = 'checked';
    return;
  }
  $('status').classList.remove('bad');
  setProgress(0, '');
  // copies go to the worker; the page keeps its own bytes for a re-check with another mapping
  const copies = files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
  const answer = await ask(
    { type: 'check', files: copies, settings: settings(), sheetMappings },
    (p) => setProgress(p.done, pick(p.step)),
    copies.map((c) => c.bytes.buffer),
  );
  $<HTMLProgressElement>('progress').hidden = true;
  if (answer.type === 'failed') return showFailure(answer.message);
  if (answer.type !== 'checked') return;
  checked = { report: answer.report, sheets: answer.sheets, fileProblems: answer.fileProblems, hiddenSkipped: answer.hiddenSkipped, ms: answer.ms };
  $('status').textContent = t('checkedIn', { ms: Math.round(answer.ms), asOf: answer.report.asOf });
  renderResults();
  document.body.dataset.state = 'checked';
}

async function addFiles(list: FileList | File[]): Promise<void> {
  const picked = [...list];
  if (!picked.length) return;
  files = [];
  unsupported = [];
  for (const name of Object.keys(sheetMappings)) delete sheetMappings[name];
  for (const f of picked) {
    if (!/\.(xlsx|xlsm|csv|tsv|txt)$/i.test(f.name)) unsupported.push(f.name);
    else files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  document.body.dataset.state = 'checking';
  await runCheck();
}

// ---- rendering ----

function renderStatic(): void {
  document.documentElement.lang = lang;
  document.title = t('title');
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = t(node.dataset.t as TextKey);
  const muni = $<HTMLSelectElement>('municipality');
  const value = muni.value || 'national';
  muni.replaceChildren(...PACKS.map((p) => el('option', { value: p.id }, pick(p.label))));
  muni.value = value;
  const week = $<HTMLSelectElement>('weekStart');
  const wv = week.value || 'mon';
  week.replaceChildren(el('option', { value: 'mon' }, t('mon')), el('option', { value: 'sun' }, t('sun')));
  week.value = wv;
}

function tile(label: string, value: number, kind: string): HTMLElement {
  return el('div', { class: `tile ${kind}` }, el('span', { class: 'n' }, String(value)), el('span', { class: 'l' }, label));
}

function renderResults(): void {
  const box = $('results');
  if (!checked && !unsupported.length) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const r = checked?.report;
  const records = checked?.sheets.reduce((n, s) => n + s.records, 0) ?? 0;
  const tiles = $('tiles');
  tiles.replaceChildren(
    tile(t('errors'), r?.summary.errors ?? 0, 'error'),
    tile(t('warnings'), r?.summary.warnings ?? 0, 'warning'),
    tile(t('incomplete'), r?.summary.incomplete ?? 0, 'incomplete'),
    tile(t('pending'), r?.summary.pending ?? 0, 'pending'),
    tile(t('records'), records, 'records'),
  );
  const clean = r && r.findings.length === 0 && records > 0;
  $('allClear').hidden = !clean;
  const unread = [...unsupported, ...(checked?.fileProblems ?? []).map((p) => p.file), ...(checked?.hiddenSkipped ?? []).map((h) => `${h.file} [${h.sheets.join(', ')}]`), ...(checked?.sheets ?? []).filter((x) => x.problem).map((x) => `${x.file} [${x.name}]`)];
  $('allClear').textContent = clean ? `${t('noProblems', { records })}${unread.length ? ` ${t('butUnread', { list: unread.join(', ') })}` : ''}` : '';
  renderFindings();
  renderNotEvaluated();
  renderNotRead();
  renderSheets();
  renderMapping();
  renderDownloads();
  $('printMeta').textContent = `${t('printedAt')}: ${today()} · ${t('asOf')}: ${r?.asOf ?? ''} · ${files.map((f) => f.name).join(', ')}`;
}

function todo(f: Finding): string {
  return t(f.outcome === 'incomplete' ? 'todoIncomplete' : f.outcome === 'pending' ? 'todoPending' : 'todoViolation');
}

function findingItem(f: Finding, showUser: boolean): HTMLElement {
  const kind = findingKind(f);
  const period = f.period ? (f.period.from === f.period.to ? f.period.from : `${f.period.from}〜${f.period.to}`) : '';
  const title = getRule(f.ruleId)?.meta.title;
  const head = el('p', { class: 'msg' }, el('span', { class: `badge ${kind}` }, pick(KIND_LABELS[kind])), ' ', period ? `${period} ` : '', pick(f.message));
  const meta = el('dl', { class: 'meta' });
  const add = (k: string, v: string) => v && meta.append(el('dt', {}, k), el('dd', {}, v));
  if (showUser) add(lang === 'ja' ? '利用者' : 'User', f.user ?? t('provider'));
  else add(lang === 'ja' ? 'ルール' : 'Rule', `${f.ruleId}${title ? ` ${pick(title)}` : ''}`);
  add(t('where'), locationText(f.locations));
  add(t('source'), f.source);
  add(t('todo'), todo(f));
  return el('li', { class: `finding ${kind}` }, head, meta);
}

function renderFindings(): void {
  const box = $('findings');
  const findings = checked?.report.findings ?? [];
  $<HTMLSelectElement>('grouping').value = grouping;
  const groups = new Map<string, Finding[]>();
  const rank = (f: Finding) => (grouping === 'rule' ? 0 : f.user ? 2 : f.ruleId.startsWith('input-') ? 0 : 1);
  for (const f of [...findings].sort((a, b) => rank(a) - rank(b))) {
    const key = grouping === 'rule' ? f.ruleId : f.user ?? (f.ruleId.startsWith('input-') ? '\u0001' : '\u0000');
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  // the page lists at most SHOWN findings (the findings workbook/CSV has them all), so it stays responsive
  let budget = SHOWN;
  const sections = [...groups].map(([key, list]) => {
    const shown = list.slice(0, Math.max(0, budget));
    budget -= shown.length;
    let heading: string;
    if (grouping === 'rule') {
      const title = getRule(key)?.meta.title;
      heading = `${key}${title ? ` ${pick(title)}` : ''}`;
    } else heading = key === '\u0001' ? t('inputGroup') : key === '\u0000' ? t('provider') : key;
    return el('section', { class: 'group' }, el('h3', {}, `${heading}（${list.length}）`), el('ul', {}, ...shown.map((f) => findingItem(f, grouping === 'rule'))));
  });
  if (findings.length > SHOWN) sections.push(el('p', { class: 'bad', id: 'moreFindings' }, t('moreFindings', { shown: SHOWN, total: findings.length })));
  box.replaceChildren(...sections);
}

function notEvaluatedText(n: NotEvaluated): string {
  const title = getRule(n.ruleId)?.meta.title;
  return `${n.ruleId}${title ? ` ${pick(title)}` : ''}${n.sheet ? `（${n.sheet}）` : ''}: ${n.message ? pick(n.message) : n.reason}`;
}

function renderNotEvaluated(): void {
  const items = checked?.report.notEvaluated ?? [];
  $('notEvaluated').replaceChildren(items.length ? el('ul', {}, ...items.map((n) => el('li', {}, notEvaluatedText(n)))) : el('p', {}, t('noneNotEvaluated')));
}

function renderNotRead(): void {
  const lines: string[] = [
    ...unsupported.map((f) => t('unsupported', { file: f })),
    ...(checked?.fileProblems ?? []).map((p) => pick(p.message)),
    ...(checked?.hiddenSkipped ?? []).map((h) => t('hidden', { file: h.file, sheets: h.sheets.join(', ') })),
    ...(checked?.sheets ?? []).filter((s) => s.problem).map((s) => `${s.file} [${s.name}]: ${pick(s.problem!)}`),
  ];
  $('notRead').replaceChildren(lines.length ? el('ul', {}, ...lines.map((l) => el('li', { class: 'bad' }, l))) : el('p', {}, t('noneNotRead')));
}

function renderSheets(): void {
  const rows = (checked?.sheets ?? []).map((s) =>
    el('tr', {}, el('td', {}, s.file), el('td', {}, s.name), el('td', {}, s.layout ? pick(LAYOUT_LABELS[s.layout]) : '—'), el('td', { class: 'num' }, s.headerRow !== undefined ? String(s.headerRow) : '—'), el('td', { class: 'num' }, String(s.records)), el('td', { class: 'num' }, s.homeDays !== undefined ? String(s.homeDays) : '—')),
  );
  $('sheets').replaceChildren(
    el('table', {}, el('thead', {}, el('tr', {}, ...(['files', 'sheet', 'layout', 'headerRow', 'records', 'homeDays'] as const).map((k) => el('th', { scope: 'col' }, t(k))))), el('tbody', {}, ...rows)),
  );
}

function mappingOf(s: SheetView): Mapping {
  const m: Mapping = {};
  for (const [letter, field] of Object.entries(s.columnFields)) {
    if (s.layout === 'matrix' && field === 'date') continue;
    m[field] = m[field] && (field === 'contacts' || field === 'mode') ? `${m[field]},${letter}` : m[field] ?? letter;
  }
  return m;
}

function remap(s: SheetView, letter: string, field: CanonicalField | ''): void {
  const m: Mapping = { ...(sheetMappings[s.key] ?? mappingOf(s)) };
  for (const [f, spec] of Object.entries(m) as [CanonicalField, string][]) {
    const left = spec.split(',').filter((l) => l.trim() !== letter);
    if (left.length !== spec.split(',').length) m[f] = left.join(',');
  }
  if (field) m[field] = m[field] && (field === 'contacts' || field === 'mode') ? `${m[field]},${letter}` : letter;
  sheetMappings[s.key] = m;
  void runCheck();
}

function renderMapping(): void {
  const parts: HTMLElement[] = [];
  for (const s of checked?.sheets ?? []) {
    const rows = Object.entries(s.headers).map(([letter, text]) => {
      const select = el('select', { 'aria-label': `${s.name} ${letter} ${text}`, 'data-column': letter });
      select.append(el('option', { value: '' }, t('none')), ...CANONICAL_FIELDS.map((f) => el('option', { value: f }, pick(FIELD_LABELS[f]))));
      select.value = s.columnFields[letter] ?? '';
      if (s.layout === 'matrix' && s.columnFields[letter] === 'date') select.disabled = true;
      select.addEventListener('change', () => remap(s, letter, select.value as CanonicalField | ''));
      return el('tr', {}, el('td', { class: 'col' }, letter), el('td', {}, text), el('td', {}, select));
    });
    const section = el('details', { class: 'sheetmap' }, el('summary', {}, `${s.file} — ${s.name}`), el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('column')), el('th', { scope: 'col' }, t('header')), el('th', { scope: 'col' }, t('field')))), el('tbody', {}, ...rows)));
    if (sheetMappings[s.key]) {
      (section as HTMLDetailsElement).open = true;
      const reset = el('button', { type: 'button' }, t('mappingReset'));
      reset.addEventListener('click', () => {
        delete sheetMappings[s.key];
        void runCheck();
      });
      section.append(reset);
    }
    parts.push(section);
  }
  $('mapping').replaceChildren(el('p', { class: 'hint' }, t('mappingHint')), ...parts);
}

function download(name: string, bytes: Uint8Array | string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function fetchFile(message: Request): Promise<void> {
  const answer = await ask(message);
  if (answer.type === 'failed') return showFailure(answer.message);
  if (answer.type !== 'file') return;
  download(answer.name, answer.bytes, answer.mime);
  if (answer.note) $('status').textContent = pick(answer.note);
}

function button(label: string, id: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', id });
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function renderDownloads(): void {
  if (!checked) return $('downloads').replaceChildren();
  const xlsx = files.filter((f) => /\.xlsx$/i.test(f.name));
  $('downloads').replaceChildren(
    ...xlsx.map((f, i) => button(t('annotate', { file: f.name }), `annotate-${i}`, () => void fetchFile({ type: 'annotate', file: f.name }))),
    button(t('tableXlsx'), 'table-xlsx', () => void fetchFile({ type: 'table', format: 'xlsx' })),
    button(t('tableCsv'), 'table-csv', () => void fetchFile({ type: 'table', format: 'csv' })),
    button(t('json'), 'report-json', () => download('report.json', `${JSON.stringify(checked!.report, null, 2)}\n`, 'application/json')),
    button(t('print'), 'print', () => window.print()),
  );
}

// ---- wiring ----

function init(): void {
  $<HTMLInputElement>('asOf').value = today();
  renderStatic();
  const input = $<HTMLInputElement>('fileInput');
  $('pick').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    if (input.files) void addFiles(input.files);
    input.value = '';
  });
  const zone = $('drop');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files) void addFiles(e.dataTransfer.files);
  });
  // a file dropped outside the zone must not navigate away (the page would be replaced by the file)
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  $('lang').addEventListener('click', () => {
    lang = lang === 'ja' ? 'en' : 'ja';
    renderStatic();
    renderResults();
  });
  $('options').addEventListener('submit', (e) => {
    e.preventDefault();
    void runCheck();
  });
  $('grouping').addEventListener('change', () => {
    grouping = $<HTMLSelectElement>('grouping').value === 'rule' ? 'rule' : 'user';
    renderFindings();
  });
  document.body.dataset.state = 'ready';
}

init();
