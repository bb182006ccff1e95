// The only part that reads the page: finds controls, their labels and values. No rule logic.
import { fieldById, rankFields } from '../../core/forms/index.ts';
import type { FieldValue, FormDefinition } from '../../core/forms/index.ts';

export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** One logical input: a text box, a select, or a radio/checkbox group. */
export interface PageField {
  elements: Control[];
  kind: 'text' | 'select' | 'radio' | 'checkbox';
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

function labelFor(el: Control): string {
  const parts: string[] = [];
  if (el.id) for (const l of document.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)) parts.push(ownText(l));
  const wrap = el.closest('label');
  if (wrap) parts.push(ownText(wrap));
  return clean(parts.join(' '));
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
function tableColumn(cell: HTMLTableCellElement): { column: string; row: number } | undefined {
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
  const dataRows = rows.filter((r) => rows.indexOf(r) > rows.indexOf(header) && r.querySelector('input, textarea, select'));
  return { column: ownText(headerCell), row: dataRows.indexOf(tr) };
}

/** Text just before the control's block: `<div>事業所番号</div><div><input></div>`, `事業所番号<br><input>`. */
function precedingText(el: Element): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    for (let s = node.previousSibling; s; s = s.previousSibling) {
      if (s.nodeType === Node.TEXT_NODE) {
        const t = clean(s.textContent);
        if (t) return t.length <= 80 ? t : '';
        continue;
      }
      if (!(s instanceof Element) || s.tagName === 'BR') continue;
      if (s.matches('input, textarea, select') || s.querySelector('input, textarea, select')) return '';
      const t = ownText(s);
      if (t) return t.length <= 80 ? t : '';
    }
    if (node.parentElement?.matches('form, body, fieldset, table, tbody, tr')) break;
  }
  return '';
}

function dtLabel(el: Element): string {
  const dd = el.closest('dd');
  let dt = dd?.previousElementSibling;
  while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
  return dt ? ownText(dt) : '';
}

function groupContainer(els: Control[]): Element {
  const first = els[0]!;
  const explicit = first.closest('fieldset, [role="radiogroup"], [role="group"]');
  if (explicit) return explicit;
  let anc: Element | null = first.parentElement;
  while (anc && !els.every((e) => anc!.contains(e))) anc = anc.parentElement;
  return anc ?? first;
}

/** Option text of one radio/checkbox. */
export function optionLabel(el: Control): string {
  const l = labelFor(el);
  if (l) return l;
  const next = el.nextSibling;
  const t = clean(next?.textContent);
  if (t) return t.slice(0, 40);
  return el.value && el.value !== 'on' ? el.value : '';
}

function contextLabels(anchor: Element, aria: Element): string[] {
  const out: string[] = [];
  out.push(byIds(aria.getAttribute('aria-labelledby')), clean(aria.getAttribute('aria-label')));
  const legend = anchor.closest('fieldset')?.querySelector('legend');
  if (legend && anchor.tagName === 'FIELDSET') out.push(ownText(legend));
  const cell = cellOf(anchor);
  if (cell) {
    const heads = rowHeaders(cell);
    out.push(...heads, heads.slice().reverse().join(' '));
  }
  out.push(dtLabel(anchor), precedingText(anchor));
  if (legend && anchor.tagName !== 'FIELDSET') out.push(ownText(legend));
  return out;
}

/** Every visible input of the page with its candidate labels, most reliable first. */
export function scanPage(root: ParentNode = document): PageField[] {
  const fields: PageField[] = [];
  const groups = new Map<string, Control[]>();
  const all = [...root.querySelectorAll<Control>('input, textarea, select')].filter((el) => {
    if (el.closest(OVERLAY_TAG)) return false;
    if (el instanceof HTMLInputElement && SKIP_TYPES.has(el.type)) return false;
    return !el.disabled;
  });
  for (const el of all) {
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
      const container = el.closest('fieldset, [role="radiogroup"], [role="group"]');
      const key = `${el.type}:${el.form?.id ?? ''}:${el.name || (container ? '#' + fields.length : el.id)}`;
      const g = groups.get(key);
      if (g) {
        g.push(el);
        continue;
      }
      const els = [el];
      groups.set(key, els);
      fields.push({ elements: els, kind: el.type, labels: [] });
      continue;
    }
    fields.push({ elements: [el], kind: el instanceof HTMLSelectElement ? 'select' : 'text', labels: [] });
  }
  for (const f of fields) {
    const first = f.elements[0]!;
    const cell = cellOf(first);
    if (f.kind === 'radio' || (f.kind === 'checkbox' && f.elements.length > 1)) {
      const box = groupContainer(f.elements);
      f.labels = [...contextLabels(box, box.closest('[aria-labelledby], [aria-label]') ?? box), first.name];
    } else {
      f.labels = [labelFor(first), ...contextLabels(first, first), clean(first.getAttribute('placeholder')), clean(first.getAttribute('title')), first.name, first.id];
    }
    f.labels = f.labels.filter((x, i, a) => x !== '' && a.indexOf(x) === i);
    if (cell) {
      const t = tableColumn(cell);
      if (t && t.column) f.table = t;
    }
  }
  return fields;
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

export function readValue(f: PageField): FieldValue {
  switch (f.kind) {
    case 'text':
      return (f.elements[0] as HTMLInputElement | HTMLTextAreaElement).value;
    case 'select': {
      const s = f.elements[0] as HTMLSelectElement;
      const o = s.selectedOptions[0];
      return o && o.value !== '' ? clean(o.textContent) || o.value : '';
    }
    default:
      return f.elements.filter((e) => (e as HTMLInputElement).checked).map(optionLabel);
  }
}

/** Page title and headings, for form detection. */
export function pageHeadings(): string {
  const hs = [...document.querySelectorAll('h1, h2, h3, legend, caption, [role="heading"], .form-title, .title')].slice(0, 20).map((h) => ownText(h));
  return [document.title, ...hs].join(' ');
}

/** Every control of the page (also ones we do not map): messages must not cover them. */
export function pageControls(): Element[] {
  return [...document.querySelectorAll('input:not([type="hidden"]), textarea, select, button')].filter((el) => !el.closest(OVERLAY_TAG));
}

/** The element to outline for a field (the group box for radios/checkboxes). */
export function anchorOf(f: PageField): Element {
  if (f.elements.length > 1) return groupContainer(f.elements);
  return f.elements[0]!;
}
