// The only part that reads the page: finds controls, their labels and values. No rule logic.
import { fieldById, rankFields } from '../../core/forms/index.ts';
import type { FieldValue, FormDefinition } from '../../core/forms/index.ts';

/** A native control, or an element that acts as one (role=radio / role=checkbox, a button with aria-pressed). */
export type Control = HTMLElement;

/** One logical input: a text box, a select, or a radio/checkbox group. */
export interface PageField {
  elements: Control[];
  /** static: a value shown as text (the confirm page of a server-rendered form) */
  kind: 'text' | 'select' | 'radio' | 'checkbox' | 'static';
  labels: string[];
  /** column header and row for controls in data tables (repeating rows) */
  table?: { column: string; row: number };
}

export interface MappedField extends PageField {
  id: string;
  label: string;
}

const SKIP_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'password', 'search']);
export const OVERLAY_TAG = 'zaitaku-check-overlay';
/** Choice elements of form platforms that are no <input>: role=radio / role=checkbox, toggle buttons. */
export const CUSTOM_CHOICE = '[role="radio"], [role="checkbox"], [role="switch"], button[aria-pressed], [role="button"][aria-pressed]';
const NATIVE = 'input, textarea, select';
/** label texts longer than this are descriptions, not labels */
const MAX_LABEL = 80;

function isNative(el: Element): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** Ticked: a native box's `checked` (whatever its value, also `on`), else aria-checked / aria-pressed. */
export function isChecked(el: Element): boolean {
  if (el instanceof HTMLInputElement) return el.checked;
  return el.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-pressed') === 'true';
}

/** The form a control belongs to (its form owner, else the enclosing form). */
export function formOfControl(el: Element): HTMLFormElement | null {
  return isNative(el) || el instanceof HTMLButtonElement ? el.form : el.closest('form');
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of an element without the text of controls or option lists inside it. */
function ownText(el: Element | null): string {
  if (!el) return '';
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent ?? '';
    else if (n instanceof Element && !/^(SELECT|TEXTAREA|SCRIPT|STYLE|OPTION|BUTTON)$/.test(n.tagName)) n.childNodes.forEach(walk);
  };
  walk(el);
  return clean(out);
}

function byIds(ids: string | null): string {
  if (!ids) return '';
  return clean(ids.split(/\s+/).map((id) => ownText(document.getElementById(id))).join(' '));
}

function labelFor(el: Element): string {
  const parts: string[] = [];
  if (el.id) for (const l of el.ownerDocument.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)) parts.push(ownText(l));
  const wrap = el.closest('label');
  if (wrap) parts.push(ownText(wrap));
  return clean(parts.join(' '));
}

/** aria-labelledby, else aria-label. */
function ariaLabel(el: Element): string {
  return byIds(el.getAttribute('aria-labelledby')) || clean(el.getAttribute('aria-label'));
}

function cellOf(el: Element): HTMLTableCellElement | null {
  return el.closest('td, th');
}

/** Column index of a cell, counting colspans. */
function columnIndex(cell: HTMLTableCellElement): number {
  let i = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) i += (c as HTMLTableCellElement).colSpan || 1;
  return i;
}

/** Header cells before the control's cell in its row (the paper 様式: 事業所番号 | [input]). */
function rowHeaders(cell: HTMLTableCellElement): string[] {
  const out: string[] = [];
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) {
    if (c.querySelector('input, textarea, select')) break;
    const t = ownText(c);
    if (t) out.push(t);
    if (out.length >= 3) break;
  }
  return out;
}

/** For a data table (header row of th, rows of inputs): column header text and data row number. */
function tableColumn(cell: HTMLTableCellElement, shown = false): { column: string; row: number } | undefined {
  const table = cell.closest('table');
  const tr = cell.parentElement as HTMLTableRowElement | null;
  if (!table || !tr) return undefined;
  const rows = [...table.rows];
  const header = rows.find((r) => r.querySelector('th') && !r.querySelector('input, textarea, select') && r.cells.length > 2);
  if (!header || header === tr) return undefined;
  const col = columnIndex(cell);
  let i = 0;
  let headerCell: HTMLTableCellElement | undefined;
  for (const c of header.cells) {
    if (col >= i && col < i + (c.colSpan || 1)) headerCell = c;
    i += c.colSpan || 1;
  }
  if (!headerCell) return undefined;
  const dataRows = rows.filter((r) => rows.indexOf(r) > rows.indexOf(header) && (shown || r.querySelector('input, textarea, select')));
  return { column: ownText(headerCell), row: dataRows.indexOf(tr) };
}

/**
 * Short texts just before the control's block, nearest first: `<div>事業所番号</div><div><input></div>`,
 * `事業所番号<br><input>`, a title over a long description (`<p>事業所番号</p><p>（長い説明）</p><input>`:
 * descriptions are skipped). Stops at another control.
 */
function precedingTexts(el: Element, max = 3): string[] {
  const out: string[] = [];
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    for (let s = node.previousSibling; s; s = s.previousSibling) {
      let t = '';
      if (s.nodeType === Node.TEXT_NODE) t = clean(s.textContent);
      else if (s instanceof Element && s.tagName !== 'BR') {
        if (s.matches(NATIVE) || s.querySelector(NATIVE) || s.matches(CUSTOM_CHOICE) || s.querySelector(CUSTOM_CHOICE)) return out;
        t = ownText(s);
      }
      if (t && t.length <= MAX_LABEL) out.push(t);
      if (out.length >= max) return out;
    }
    if (out.length > 0 || node.parentElement?.matches('form, body, fieldset, table, tbody, tr')) break;
  }
  return out;
}

/**
 * A question title above several inputs (支給期間 over 開始日 / 終了日): the first short text of the
 * nearest enclosing block that holds a few other inputs too, written before its first input and not
 * that input's own label.
 */
function questionTitle(el: Element): string {
  let node: Element | null = el.parentElement;
  for (let depth = 0; node && depth < 5; depth++, node = node.parentElement) {
    if (node.matches('form, body, table, tbody, tr, td, th')) return '';
    const controls = [...node.querySelectorAll(NATIVE)];
    if (controls.length > 6) return '';
    if (controls.some((c) => c !== el && !el.contains(c))) {
      const first = controls[0]!;
      const title = precedingTitleInside(node, first);
      if (!title || precedingTexts(first).includes(title) || labelFor(first) === title) return '';
      return title;
    }
  }
  return '';
}

/** The first short text of `block` that comes before `first` (the block's heading). */
function precedingTitleInside(block: Element, first: Element): string {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (first.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) return '';
    const parent = n.parentElement;
    if (parent && (parent.closest('label') || /^(SCRIPT|STYLE|OPTION)$/.test(parent.tagName))) continue;
    const t = clean(n.textContent);
    if (t && t.length <= MAX_LABEL) return t;
  }
  return '';
}

function dtLabel(el: Element): string {
  const dd = el.closest('dd');
  let dt = dd?.previousElementSibling;
  while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
  return dt ? ownText(dt) : '';
}

const GROUP_BOX = 'fieldset, [role="radiogroup"], [role="group"]';

function groupContainer(els: Control[]): Element {
  const first = els[0]!;
  const explicit = first.closest(GROUP_BOX);
  if (explicit && els.every((e) => explicit.contains(e))) return explicit;
  let anc: Element | null = first.parentElement;
  while (anc && !els.every((e) => anc!.contains(e))) anc = anc.parentElement;
  return anc ?? first;
}

/** Option text of one radio/checkbox: its <label>, aria-labelledby / aria-label, the text beside it, its own text. */
export function optionLabel(el: Control): string {
  const l = labelFor(el) || ariaLabel(el);
  if (l) return l;
  if (!isNative(el)) return clean(el.textContent).slice(0, 40);
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n instanceof Element && (n.tagName === 'BR' || n.matches(NATIVE) || n.querySelector(NATIVE))) break;
    const t = clean(n.textContent);
    if (t) return t.slice(0, 40);
  }
  const v = (el as HTMLInputElement).value;
  return v && v !== 'on' ? v : '';
}

function contextLabels(anchor: Element, aria: Element): string[] {
  const out: string[] = [];
  out.push(ariaLabel(aria) || ariaLabel(anchor));
  const legend = anchor.closest('fieldset')?.querySelector('legend');
  if (legend && anchor.tagName === 'FIELDSET') out.push(ownText(legend));
  const cell = cellOf(anchor);
  if (cell) {
    const heads = rowHeaders(cell);
    out.push(...heads, heads.slice().reverse().join(' '));
  }
  out.push(dtLabel(anchor), ...precedingTexts(anchor));
  if (legend && anchor.tagName !== 'FIELDSET') out.push(ownText(legend));
  return out;
}

/**
 * Heading of a choice group from the text around its first option: the cell's own text before it
 * (「サービスの種類<br><label><input type=checkbox>就労移行支援</label>…」), else the nearest
 * label-like text before the group. Option labels are never a heading.
 */
function groupHeadings(els: Control[], box: Element): string[] {
  const options = new Set(els.map(optionLabel));
  const first = els[0]!;
  const out = [precedingTitleInside(box, first), ...precedingTexts(first.closest('label') ?? first)];
  return out.filter((t) => t !== '' && !options.has(t));
}

function usable(el: Element): boolean {
  if (el.closest(OVERLAY_TAG)) return false;
  if (el instanceof HTMLInputElement && SKIP_TYPES.has(el.type)) return false;
  if (isNative(el)) return !el.disabled;
  // a styled choice that wraps a real input is read through that input
  return el.getAttribute('aria-disabled') !== 'true' && !el.querySelector(NATIVE);
}

/** Box of a checkbox without a shared name: the cell, fieldset or group it sits in with other boxes. */
function checkboxBox(el: HTMLInputElement): Element | null {
  const box = el.closest(`${GROUP_BOX}, td, dd`);
  if (!box) return null;
  const inside = [...box.querySelectorAll(NATIVE)];
  const boxes = inside.filter((c) => c instanceof HTMLInputElement && c.type === 'checkbox');
  return boxes.length > 1 && boxes.length === inside.length ? box : null;
}

/** Every input of the page (native or styled choices) with its candidate labels, most reliable first. */
export function scanPage(root: ParentNode = document): PageField[] {
  const fields: PageField[] = [];
  const groups = new Map<string, Control[]>();
  const boxKeys = new Map<Element, string>();
  const keyOfBox = (box: Element): string => {
    let k = boxKeys.get(box);
    if (!k) boxKeys.set(box, (k = `#${boxKeys.size}`));
    return k;
  };
  const all = [...root.querySelectorAll<Control>(`${NATIVE}, ${CUSTOM_CHOICE}`)].filter(usable);
  const names = new Map<string, number>();
  for (const el of all) if (el instanceof HTMLInputElement && el.type === 'checkbox' && el.name) names.set(`${el.form?.id ?? ''}:${el.name}`, (names.get(`${el.form?.id ?? ''}:${el.name}`) ?? 0) + 1);
  const join = (key: string, el: Control, kind: PageField['kind']): void => {
    const g = groups.get(key);
    if (g) {
      g.push(el);
      return;
    }
    const els = [el];
    groups.set(key, els);
    fields.push({ elements: els, kind, labels: [] });
  };
  for (const el of all) {
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      // radios without a name: the ones in the same group box, cell or block of labels
      const box = el.name ? null : (el.closest(`${GROUP_BOX}, td, dd`) ?? el.closest('label')?.parentElement ?? el.parentElement ?? el);
      join(`radio:${el.form?.id ?? ''}:${box ? keyOfBox(box) : el.name}`, el, 'radio');
    } else if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      const shared = el.name && (names.get(`${el.form?.id ?? ''}:${el.name}`) ?? 0) > 1;
      const box = shared ? null : checkboxBox(el);
      join(shared ? `checkbox:${el.form?.id ?? ''}:${el.name}` : box ? `checkbox:${keyOfBox(box)}` : `checkbox:single:${fields.length}`, el, 'checkbox');
    } else if (!isNative(el)) {
      const box = el.closest(GROUP_BOX) ?? el.parentElement ?? el;
      join(`custom:${keyOfBox(box)}`, el, el.getAttribute('role') === 'radio' ? 'radio' : 'checkbox');
    } else {
      fields.push({ elements: [el], kind: el instanceof HTMLSelectElement ? 'select' : 'text', labels: [] });
    }
  }
  for (const f of fields) {
    const first = f.elements[0]!;
    const cell = cellOf(first);
    if (f.kind === 'radio' || f.elements.length > 1 || !isNative(first)) {
      const box = f.elements.length > 1 ? groupContainer(f.elements) : (first.closest(GROUP_BOX) ?? first.parentElement ?? first);
      // a lone styled checkbox is labelled by its own text (「運営規程に…明記しています」)
      const lone = f.kind === 'checkbox' && f.elements.length === 1 ? optionLabel(first) : '';
      f.labels = [lone, ...contextLabels(box, box.closest('[aria-labelledby], [aria-label]') ?? box), ...groupHeadings(f.elements, box), questionTitle(first), (first as HTMLInputElement).name ?? ''];
    } else {
      const own = labelFor(first) || ariaLabel(first);
      const title = questionTitle(first);
      const sub = own || precedingTexts(first)[0] || '';
      f.labels = [own, ...contextLabels(first, first), title && sub ? `${title} ${sub}` : '', clean(first.getAttribute('placeholder')), clean(first.getAttribute('title')), title, (first as HTMLInputElement).name, first.id];
    }
    f.labels = f.labels.filter((x, i, a) => x !== '' && x !== undefined && a.indexOf(x) === i);
    if (cell) {
      const t = tableColumn(cell);
      if (t && t.column) f.table = t;
    }
  }
  if (!fields.some((f) => f.elements.some((e) => e.getClientRects().length > 0)) && isConfirmPage(root)) return scanShownValues(root);
  return fields;
}

/**
 * The confirm page of a server-rendered form: no box to type into, the values shown as text in th/td
 * or dt/dd and carried in hidden inputs of a form with a send button.
 */
function isConfirmPage(root: ParentNode): boolean {
  return [...root.querySelectorAll('form')].some((f) => f.querySelector('input[type="hidden"]') && f.querySelector('input[type="submit"], button:not([type="button"]), input[type="image"]'));
}

/** Table cells and dd that show a value, labelled by their row header, column header or dt. */
function scanShownValues(root: ParentNode): PageField[] {
  const out: PageField[] = [];
  for (const cell of root.querySelectorAll<HTMLElement>('td, dd')) {
    if (cell.closest(OVERLAY_TAG) || cell.querySelector(`${NATIVE}, ${CUSTOM_CHOICE}, button, table`)) continue;
    const labels = cell instanceof HTMLTableCellElement ? rowHeaders(cell) : [dtLabel(cell.firstElementChild ?? cell) || dtOf(cell)];
    const f: PageField = { elements: [cell], kind: 'static', labels: labels.filter((x) => x !== '') };
    if (cell instanceof HTMLTableCellElement) {
      const t = tableColumn(cell, true);
      if (t && t.column) f.table = t;
    }
    if (f.labels.length > 0 || f.table) out.push(f);
  }
  return out;
}

function dtOf(dd: Element): string {
  let dt = dd.previousElementSibling;
  while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
  return dt ? ownText(dt) : '';
}

/** Assigns page fields to the form's field ids (each non-repeating id once, in page order). */
export function mapFields(form: FormDefinition, fields: PageField[]): MappedField[] {
  const taken = new Set<string>();
  const repeat = new Map<string, number>();
  const out: MappedField[] = [];
  for (const f of fields) {
    let id: string | undefined;
    for (const m of rankFields(form, f.labels)) {
      if (m.group !== undefined) continue;
      if (m.field.repeat) {
        const n = repeat.get(m.field.id) ?? 0;
        repeat.set(m.field.id, n + 1);
        id = `${m.field.id}.${n}`;
        break;
      }
      if (!taken.has(m.field.id)) {
        id = m.field.id;
        break;
      }
    }
    if (id === undefined && f.table) {
      const g = rankFields(form, [f.table.column]).find((m) => m.group !== undefined);
      if (g && f.table.row >= 0) id = `${g.group}.${f.table.row}.${g.field.id}`;
    }
    if (id === undefined || taken.has(id)) continue;
    taken.add(id);
    out.push({ ...f, id, label: f.labels[0] ?? fieldById(form, id)?.label.ja ?? id });
  }
  return out;
}

/**
 * The value of a field. A lone ticked box of a consent field is a yes whatever its value (`on` when it
 * has no value attribute) and whatever its label says; other boxes give their option labels.
 */
export function readValue(f: PageField, type?: string): FieldValue {
  switch (f.kind) {
    case 'text':
      return (f.elements[0] as HTMLInputElement | HTMLTextAreaElement).value;
    case 'static':
      return ownText(f.elements[0]!);
    case 'select': {
      const s = f.elements[0] as HTMLSelectElement;
      const o = s.selectedOptions[0];
      return o && o.value !== '' ? clean(o.textContent) || o.value : '';
    }
    default: {
      const ticked = f.elements.filter(isChecked);
      if (type === 'consent' && f.kind === 'checkbox' && f.elements.length === 1) return ticked.length > 0 ? ['✓'] : [];
      return ticked.map((e) => optionLabel(e) || '✓');
    }
  }
}

/** Page title and headings, for form detection. */
export function pageHeadings(): string {
  const hs = [...document.querySelectorAll('h1, h2, h3, legend, caption, [role="heading"], .form-title, .title')].slice(0, 20).map((h) => ownText(h));
  return [document.title, ...hs].join(' ');
}

/** Every control of the page (also ones we do not map): messages must not cover them. */
export function pageControls(): Element[] {
  return [...document.querySelectorAll(`input:not([type="hidden"]), textarea, select, button, label, ${CUSTOM_CHOICE}, [role="button"]`)].filter((el) => !el.closest(OVERLAY_TAG));
}

/** The element to outline for a field (the group box for radios/checkboxes). */
export function anchorOf(f: PageField): Element {
  if (f.elements.length > 1) return groupContainer(f.elements);
  return f.elements[0]!;
}
