// Legacy form-control checkboxes (□ boxes of printed forms) → cell marks ☑ / ☐ in the sheet grid.
// The state is in xl/ctrlProps/ctrlPropN.xml (checked="Checked") and in the VML drawing (<x:Checked>);
// the place is the control's anchor (VML <x:Anchor>: left col, dx, top row, dy, … 0-based). No cell holds
// it, so core would never see it: we write the mark into the cell under the control (grid only, in memory).
import type { CellValue, SheetGrid } from '../../core/import/types.ts';

export const CHECKED_MARK = '☑';
export const UNCHECKED_MARK = '☐';

export interface FormCheckbox {
  /** 0-based row and column of the cell under the control's top-left corner */
  row: number;
  col: number;
  checked: boolean;
  /** the control's own text, if any */
  text: string;
}

type PartReader = (name: string) => string | undefined;

/** Resolves a relationship target of a worksheet part to a package part name. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl', 'worksheets'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
};

function plainText(xml: string): string {
  return xml
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&')
    .trim();
}

const MAX_CONTROLS = 5000;

/**
 * The checkboxes of one worksheet: VML shapes (anchor, <x:Checked>, text) joined by shape id to the
 * sheet's <control> elements (ctrlProp checked="Checked"). Checked when either source says so.
 */
export function readFormCheckboxes(sheetXml: string, rels: ReadonlyMap<string, string | undefined> | undefined, readPart: PartReader): FormCheckbox[] {
  // a drawing part we cannot read loses its boxes, never the sheet
  const read = (name: string): string | undefined => {
    try {
      return readPart(name);
    } catch {
      return undefined;
    }
  };
  if (!rels || (sheetXml.indexOf('<legacyDrawing') < 0 && sheetXml.indexOf('<control ') < 0)) return [];
  // <control> elements in order: shape id, ctrlProp state, x14 anchor
  const controls: { id: string; checked: boolean; place?: { row: number; col: number } }[] = [];
  const controlRe = /<control\s[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = controlRe.exec(sheetXml)) && controls.length < MAX_CONTROLS) {
    const shapeId = attr(m[0], 'shapeId');
    const rid = attr(m[0], 'r:id');
    if (shapeId === undefined) continue;
    const target = rid === undefined ? undefined : rels.get(rid);
    const props = target === undefined ? undefined : read(resolveTarget(target));
    if (props !== undefined && !/objectType\s*=\s*["']CheckBox["']/i.test(props)) continue;
    const end = sheetXml.indexOf('</control>', controlRe.lastIndex);
    const body = end < 0 || m[0].endsWith('/>') ? '' : sheetXml.slice(controlRe.lastIndex, end);
    const from = /<(?:\w+:)?from>[\s\S]*?<(?:\w+:)?col>(\d+)<\/(?:\w+:)?col>[\s\S]*?<(?:\w+:)?row>(\d+)<\/(?:\w+:)?row>/.exec(body);
    const c: (typeof controls)[number] = { id: shapeId, checked: props !== undefined && /\schecked\s*=\s*["'](?:Checked|Mixed)["']/i.test(props) };
    // LibreOffice writes 0,0 here (the VML anchor is right): an A1 anchor is no place
    if (from && (from[1] !== '0' || from[2] !== '0')) c.place = { col: Number(from[1]), row: Number(from[2]) };
    controls.push(c);
  }

  // VML checkbox shapes in order: anchor, <x:Checked>, text
  const shapes: { id?: string; checked: boolean; text: string; place?: { row: number; col: number } }[] = [];
  const legacy = /<legacyDrawing\s[^>]*>/.exec(sheetXml);
  const vmlTarget = legacy ? rels.get(attr(legacy[0], 'r:id') ?? '') : undefined;
  const vml = vmlTarget === undefined ? undefined : read(resolveTarget(vmlTarget));
  if (vml !== undefined) {
    const shapeRe = /<v:shape\s([^>]*)>([\s\S]*?)<\/v:shape>/g;
    while ((m = shapeRe.exec(vml)) && shapes.length < MAX_CONTROLS) {
      const body = m[2]!;
      if (!/ObjectType\s*=\s*["']Checkbox["']/i.test(body)) continue;
      const head = ' ' + m[1]!;
      const id = /_s(\d+)$/.exec(attr(head, 'id') ?? '')?.[1] ?? /_s(\d+)$/.exec(attr(head, 'o:spid') ?? '')?.[1];
      const anchor = /<x:Anchor>\s*([\d\s,]+)<\/x:Anchor>/.exec(body);
      const nums = anchor ? anchor[1]!.split(',').map((x) => Number(x.trim())) : [];
      const checkedVal = /<x:Checked>\s*(\d*)\s*<\/x:Checked>|<x:Checked\s*\/>/.exec(body);
      const textbox = /<v:textbox[^>]*>([\s\S]*?)<\/v:textbox>/.exec(body);
      const shape: (typeof shapes)[number] = {
        checked: checkedVal !== null && (checkedVal[1] === undefined || checkedVal[1] === '' || checkedVal[1] !== '0'),
        text: textbox ? plainText(textbox[1]!) : '',
      };
      if (id !== undefined) shape.id = id;
      if (nums.length >= 4 && nums.every(Number.isFinite)) shape.place = { col: nums[0]!, row: nums[2]! };
      shapes.push(shape);
    }
  }

  // join by shape id; shapes without one (LibreOffice: id="shape_0") pair with the controls in order
  const byId = new Map(controls.map((c) => [c.id, c]));
  const byOrder = shapes.every((sh) => sh.id === undefined || !byId.has(sh.id)) && shapes.length === controls.length;
  const used = new Set<string>();
  const boxes: FormCheckbox[] = [];
  shapes.forEach((sh, i) => {
    const ctl = byOrder ? controls[i] : sh.id !== undefined ? byId.get(sh.id) : undefined;
    if (ctl) used.add(ctl.id);
    const place = sh.place ?? ctl?.place;
    if (!place) return;
    boxes.push({ row: place.row, col: place.col, checked: sh.checked || ctl?.checked === true, text: sh.text });
  });
  // controls without a VML shape (a writer that kept only the x14 part)
  for (const c of controls) if (!used.has(c.id) && c.place) boxes.push({ ...c.place, checked: c.checked, text: '' });
  return boxes;
}

/**
 * Writes each checkbox into the grid as a mark on the cell under it: `☑` / `☐`, before the cell's own text
 * (or the control's text when the cell is blank). Several controls on one cell: checked if any is.
 */
export function applyCheckboxes(grid: SheetGrid, boxes: readonly FormCheckbox[]): SheetGrid {
  if (boxes.length === 0) return grid;
  const startRow = (grid.startRow ?? 1) - 1;
  const startCol = (grid.startCol ?? 1) - 1;
  const byCell = new Map<string, FormCheckbox>();
  for (const b of boxes) {
    const r = b.row - startRow;
    const c = b.col - startCol;
    if (r < 0 || c < 0 || r > 1_048_575 || c > 16_383) continue;
    const key = `${r},${c}`;
    const seen = byCell.get(key);
    if (!seen) byCell.set(key, { ...b, row: r, col: c });
    else {
      seen.checked ||= b.checked;
      if (!seen.text) seen.text = b.text;
    }
  }
  const width = grid.cells.reduce((w, row) => Math.max(w, row.length), 0);
  for (const b of byCell.values()) {
    while (grid.cells.length <= b.row) grid.cells.push(new Array<CellValue>(width).fill(null));
    if (grid.text) while (grid.text.length <= b.row) grid.text.push(new Array<string | undefined>(width).fill(undefined));
    const row = grid.cells[b.row]!;
    while (row.length < b.col) row.push(null);
    const textRow = grid.text?.[b.row];
    if (textRow) while (textRow.length < b.col) textRow.push(undefined);
    const own = row[b.col];
    const ownText = own === null || own === undefined ? '' : own instanceof Date ? '' : String(own).trim();
    const label = ownText || b.text;
    const value = (b.checked ? CHECKED_MARK : UNCHECKED_MARK) + label;
    row[b.col] = value;
    if (textRow) textRow[b.col] = value;
  }
  return grid;
}
