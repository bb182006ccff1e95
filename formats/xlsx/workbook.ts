// Lean .xlsx reader for `check`: builds the same SheetGrid as worksheetToGrid(exceljs sheet)
// without exceljs. It follows exceljs 4.4 (xlsx.js, workbook/worksheet/row/cell xforms, doc/row,
// doc/cell, doc/worksheet) step by step, including its quirks (except where they lose or shift
// values: see 'deliberately not exceljs'); where exceljs would throw, or a part is not valid
// OOXML, it throws LeanReadError and the caller reports that sheet (or file) as unreadable.
import type { CellValue, SheetGrid } from '../../core/import/types.ts';
import { convertCellValue, excelToDate } from './values.ts';
import { assertPlainXml, decodeAttr, decodeText, dirOf, normaliseXml, parseAttrs, relsPathOf, resolveTarget, tokens, unescapeX, xmlDecodeSimple } from './xml.ts';
import { LeanReadError, ZipArchive } from '../zip.ts';
import { applyCheckboxes, readFormCheckboxes } from './controls.ts';

// exceljs' Enums.ValueType
const T_NULL = 0;
const T_MERGE = 1;
const T_NUMBER = 2;
const T_STRING = 3;
const T_DATE = 4;
const T_HYPERLINK = 5;
const T_FORMULA = 6;
const T_RICHTEXT = 8;
const T_BOOLEAN = 9;
const T_ERROR = 10;

/** built-in numFmtIds whose exceljs default format (defaultnumformats.js) passes isDateFmt */
export const BUILTIN_DATE_FMT_IDS: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/**
 * Deliberately not exceljs: built-in ids 27–36 and 50–58 are the locale's date/time formats (ja-JP:
 * 和暦 `ggge"年"m"月"d"日"`, `yyyy"年"m"月"d"日"`, `h"時"mm"分"` …); exceljs leaves them numbers.
 */
export const EAST_ASIAN_DATE_FMT_IDS: ReadonlySet<number> = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** exceljs' utils.isDateFmt */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return f.match(/[ymdhMsb]+/) !== null;
}

// values mirror exceljs' untyped cell models
type Raw = any;

interface RichRun {
  text?: string;
}

/** exceljs' cell model while parsing / reconciling one <c>. */
interface CellModel {
  address: string | undefined;
  t: string | undefined;
  styleId: number | undefined;
  value: Raw;
  formula?: string;
  si?: string;
  shareType?: string;
  ref?: string;
  sharedFormula?: string;
  result?: Raw;
  type: number;
  text?: Raw;
  hyperlink?: string;
}

/** A cell of the rebuilt worksheet: its exceljs type and value, or a merge slave. */
interface Cell {
  col: number;
  type: number;
  raw: Raw;
  master: Cell | undefined;
}

interface Row {
  cells: (Cell | undefined)[];
}

interface Styles {
  /** cellXfs present (exceljs' styles.model.styles): without them getStyleModel throws */
  hasXfs: boolean;
  xfIsDate: boolean[];
}

const ADDRESS = /^([A-Z]{1,3})([0-9]+)$/;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const parts = ref.split(':');
  if (parts.length > 2) throw new LeanReadError(`merge range ${ref}`);
  const a = ADDRESS.exec(parts[0]!);
  const b = ADDRESS.exec(parts[1] ?? parts[0]!);
  if (!a || !b) throw new LeanReadError(`merge range ${ref}`);
  const r1 = Number(a[2]);
  const r2 = Number(b[2]);
  const c1 = colNumber(a[1]!);
  const c2 = colNumber(b[1]!);
  if (r1 < 1 || r2 < 1 || c1 > 16384 || c2 > 16384) throw new LeanReadError(`merge range ${ref}`);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** Body of the first <name …>…</name> element (undefined if absent, '' if self-closing). */
function elementBody(xml: string, name: string): string | undefined {
  const re = new RegExp(`<${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  const m = re.exec(xml);
  if (!m) return undefined;
  if (m[1]!.trimEnd().endsWith('/')) return '';
  const end = xml.indexOf(`</${name}>`, re.lastIndex);
  if (end < 0) throw new LeanReadError(`unclosed <${name}>`);
  return xml.slice(re.lastIndex, end);
}

/** Attributes of every <name …> start tag in a fragment. */
function startTags(xml: string, name: string): Record<string, string>[] {
  const re = new RegExp(`<${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  const out: Record<string, string>[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(parseAttrs(m[1]!.replace(/\/\s*$/, '')));
  return out;
}

function part(zip: ZipArchive, name: string): string | undefined {
  const raw = zip.text(name);
  if (raw === undefined) return undefined;
  const xml = normaliseXml(raw, name);
  assertPlainXml(xml, name);
  return xml;
}

/** Index after the element whose start tag begins at `lt` (same-name nesting counted). */
function skipElement(s: string, lt: number): number {
  const gt = s.indexOf('>', lt);
  if (gt < 0) throw new LeanReadError('unclosed tag');
  if (s.charCodeAt(gt - 1) === 47) return gt + 1;
  const name = /^<([^\s/>]+)/.exec(s.slice(lt, gt + 1))![1]!;
  const re = new RegExp(`<(/?)${name.replace(/\./g, '\\.')}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  re.lastIndex = gt + 1;
  let depth = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[1]) depth--;
    else if (!m[2]!.trimEnd().endsWith('/')) depth++;
    if (depth === 0) return re.lastIndex;
  }
  throw new LeanReadError(`unclosed <${name}>`);
}

/** Relationship Id → Target (exceljs keeps the attributes as parsed). */
function parseRels(xml: string | undefined): Map<string, string | undefined> {
  const rels = new Map<string, string | undefined>();
  if (xml === undefined) return rels;
  for (const a of startTags(xml, 'Relationship')) if (a.Id !== undefined) rels.set(a.Id, a.Target);
  return rels;
}

// ---------------------------------------------------------------- styles.xml

function parseStyles(xml: string): Styles {
  const custom = new Map<number, string>();
  const numFmts = elementBody(xml, 'numFmts');
  if (numFmts) {
    for (const a of startTags(numFmts, 'numFmt')) {
      if (a.formatCode === undefined) throw new LeanReadError('numFmt without formatCode');
      custom.set(parseInt(a.numFmtId ?? '', 10), a.formatCode.replace(/[\\](.)/g, '$1'));
    }
  }
  const cellXfs = elementBody(xml, 'cellXfs');
  const xfs = cellXfs ? startTags(cellXfs, 'xf') : [];
  const xfIsDate = xfs.map((a) => {
    const id = parseInt(a.numFmtId ?? '', 10);
    if (!id) return false; // exceljs: `if (style.numFmtId)`
    const code = custom.get(id);
    return code ? isDateFmt(code) : BUILTIN_DATE_FMT_IDS.has(id) || EAST_ASIAN_DATE_FMT_IDS.has(id);
  });
  return { hasXfs: xfs.length > 0, xfIsDate };
}

// ---------------------------------------------------------------- sharedStrings.xml

/** exceljs' RichTextXform, fed the events inside one <r>. */
class RunParser {
  model: RichRun = {};
  private sub: 'text' | 'font' | undefined;
  private texts: string[] = [];

  open(name: string): void {
    if (this.sub === 'text') {
      if (name === 't') this.texts = [];
      return;
    }
    if (this.sub === 'font') return;
    if (name === 'r') this.model = {};
    else if (name === 't') {
      this.sub = 'text';
      this.texts = [];
    } else if (name === 'rPr') this.sub = 'font';
  }

  text(t: string): void {
    if (this.sub === 'text') this.texts.push(t);
  }

  /** close of a child element (never `r`) */
  close(name: string): void {
    if (name === 't') {
      if (this.sub !== 'text') throw new LeanReadError('unexpected </t> in a rich text run');
      this.model.text = unescapeX(this.texts.join(''));
      this.sub = undefined;
    } else if (name === 'rPr') {
      if (this.sub !== 'font') throw new LeanReadError('unexpected </rPr>');
      this.sub = undefined;
    }
  }
}

/** exceljs' SharedStringXform over the inside of one <si>. */
function parseSharedString(inner: string): Raw {
  const fast = /^<t(?:\s+xml:space\s*=\s*("preserve"|'preserve'))?\s*>([^<]*)<\/t>$/.exec(inner);
  if (fast) return unescapeX(decodeText(fast[2]!));
  let model: Raw = {};
  let sub: 'r' | 't' | 'rPh' | undefined;
  let run: RunParser | undefined;
  let texts: string[] = [];
  const open = (name: string): void => {
    if (sub === 'r') run!.open(name);
    else if (sub === 't') {
      if (name === 't') texts = [];
    } else if (sub === 'rPh') return;
    else if (name === 'r') {
      sub = 'r';
      run = new RunParser();
      run.open('r');
    } else if (name === 't') {
      sub = 't';
      texts = [];
    } else if (name === 'rPh') sub = 'rPh';
    else if (name === 'si') throw new LeanReadError('nested <si>');
  };
  const close = (name: string): void => {
    if (sub === 'r') {
      if (name !== 'r') return run!.close(name);
      if (typeof model !== 'object' || model === null) model = { richText: [{ text: String(model) }] };
      (model.richText ??= []).push(run!.model);
      sub = undefined;
    } else if (sub === 't') {
      model = unescapeX(texts.join('')); // TextXform ends at any close
      sub = undefined;
    } else if (sub === 'rPh') {
      if (name === 'rPh') sub = undefined;
    }
  };
  for (const tk of tokens(inner)) {
    if (tk.kind === 'text') {
      if (sub === 'r') run!.text(tk.text);
      else if (sub === 't') texts.push(tk.text);
    } else if (tk.kind === 'open') {
      open(tk.name);
      if (tk.selfClose) close(tk.name);
    } else close(tk.name);
  }
  if (sub) throw new LeanReadError('unclosed element in <si>');
  // deliberately not exceljs: an empty <si/> is an empty string, not an object ("[object Object]")
  if (typeof model === 'object' && model !== null && Object.keys(model).length === 0) return '';
  return model;
}

function parseSharedStrings(xml: string): Raw[] {
  const values: Raw[] = [];
  const re = /<si(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let prev = 0;
  let m: RegExpExecArray | null;
  const gap = (s: string, first: boolean): void => {
    // exceljs throws on any element besides <sst> and <si>
    const rest = first ? s.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*<sst(?=[\s/>])[^>]*>/, '') : s;
    // other elements between <si> (extLst …) hold no strings
    void rest;
  };
  while ((m = re.exec(xml))) {
    gap(xml.slice(prev, m.index), prev === 0);
    if (m[1]!.trimEnd().endsWith('/')) {
      values.push(''); // deliberately not exceljs, which reads <si/> as "[object Object]"
      prev = re.lastIndex;
      continue;
    }
    const end = xml.indexOf('</si>', re.lastIndex);
    if (end < 0) throw new LeanReadError('unclosed <si>');
    values.push(parseSharedString(xml.slice(re.lastIndex, end)));
    prev = end + 5;
    re.lastIndex = prev;
  }
  gap(xml.slice(prev), prev === 0);
  return values;
}

// ---------------------------------------------------------------- worksheets

interface SheetContext {
  sst: Raw[] | undefined;
  styles: Styles | undefined;
  date1904: boolean;
  /** cell address → true when a hyperlink (with a relationship) points at it */
  hyperlinks: Record<string, true>;
  /** shared formula si → master address */
  formulae: Record<string, string | undefined>;
}

/** exceljs' CellXform parse of the inside of one <c> (general path). */
function parseCellContent(inner: string, m: CellModel): void {
  let current: 'f' | 'v' | 't' | undefined;
  let run: RunParser | undefined;
  /** depth inside an element the reader skips (extLst, rPh, phoneticPr, other namespaces) */
  let skip = 0;
  const open = (name: string, attrs: string): void => {
    if (run) return run.open(name);
    switch (name) {
      case 'c':
        throw new LeanReadError('nested <c>');
      case 'f': {
        current = 'f';
        const a = parseAttrs(attrs);
        m.si = a.si;
        m.shareType = a.t;
        m.ref = a.ref;
        break;
      }
      case 'v':
      case 't':
        current = name;
        break;
      case 'r':
        run = new RunParser();
        run.open('r');
        break;
      case 'is':
        break;
      default:
        skip = 1;
    }
  };
  const close = (name: string): void => {
    switch (name) {
      case 'c':
        throw new LeanReadError('unexpected </c>');
      case 'f':
      case 'v':
      case 'is':
        current = undefined;
        break;
      case 't':
        if (run) run.close(name);
        else current = undefined;
        break;
      case 'r':
        if (!run) throw new LeanReadError('unexpected </r>');
        if (typeof m.value === 'string') m.value = { richText: [{ text: m.value }] };
        m.value = m.value || {};
        m.value.richText = m.value.richText || [];
        m.value.richText.push(run.model);
        run = undefined;
        current = undefined;
        break;
      default:
        // exceljs takes the close of any other element for the end of the cell, row and sheetData,
        // and drops the rest of the sheet: let exceljs read such a file
        if (run) run.close(name);
        else throw new LeanReadError(`<${name}> inside <c>`);
    }
  };
  for (const tk of tokens(inner)) {
    if (skip) {
      if (tk.kind === 'open' && !tk.selfClose) skip++;
      else if (tk.kind === 'close') skip--;
      continue;
    }
    if (tk.kind === 'text') {
      if (run) run.text(tk.text);
      else if (current === 'f') m.formula = m.formula ? m.formula + tk.text : tk.text;
      else if (current === 'v' || current === 't') {
        // after rich runs exceljs sets a property on the runs array: nothing visible
        if (!(m.value && m.value.richText)) m.value = m.value ? m.value + tk.text : tk.text;
      }
    } else if (tk.kind === 'open') {
      open(tk.name, tk.attrs);
      if (tk.selfClose) {
        if (skip) skip = 0;
        else close(tk.name);
      }
    } else close(tk.name);
  }
}

/** type set by plainCell */
let plainType = T_NULL;

/**
 * exceljs' CellXform.parseClose('c') + reconcile for a cell without formula or hyperlink: sets
 * plainType and returns the value (`v` is the collected <v>/<t> text, rich runs or undefined).
 */
function plainCell(t: string | undefined, styleId: number | undefined, v: Raw, ctx: SheetContext): Raw {
  let isDate = false;
  if (styleId && ctx.styles) {
    isDate = ctx.styles.xfIsDate[styleId] ?? false;
  }
  if (v === undefined) {
    plainType = styleId ? T_NULL : T_MERGE;
    return undefined;
  }
  switch (t) {
    case 's': {
      const i = parseInt(v, 10);
      const s = ctx.sst ? ctx.sst[i] : i;
      if (s === undefined || s === null) throw new LeanReadError('shared string index out of range'); // exceljs: TypeError
      plainType = s.richText ? T_RICHTEXT : T_STRING;
      return s;
    }
    case 'str':
      plainType = T_STRING;
      return xmlDecodeSimple(v);
    case 'inlineStr':
      plainType = v.richText ? T_RICHTEXT : T_STRING;
      // deliberately not exceljs: _xHHHH_ escapes are decoded in inline strings too, as Excel does
      return typeof v === 'string' ? unescapeX(v) : v;
    case 'b':
      plainType = T_BOOLEAN;
      return parseInt(v, 10) !== 0;
    case 'e':
      plainType = T_ERROR;
      return { error: v };
    default: {
      const n = parseFloat(v);
      if (isDate) {
        plainType = T_DATE;
        return excelToDate(n, ctx.date1904);
      }
      plainType = T_NUMBER;
      return n;
    }
  }
}

/** exceljs' CellXform.parseClose('c') + reconcile: type and value of the cell model. */
function finishCell(m: CellModel, ctx: SheetContext): void {
  if (m.formula || m.shareType) {
    m.type = T_FORMULA;
    if (m.value) {
      if (m.t === 'str') m.result = xmlDecodeSimple(m.value);
      else if (m.t === 'b') m.result = parseInt(m.value, 10) !== 0;
      else if (m.t === 'e') m.result = { error: m.value };
      else m.result = parseFloat(m.value);
      m.value = undefined;
    }
    let isDate = false;
    if (m.styleId && ctx.styles) {
      isDate = ctx.styles.xfIsDate[m.styleId] ?? false;
    }
    if (m.result !== undefined && isDate) m.result = excelToDate(m.result, ctx.date1904);
    if (m.shareType === 'shared') {
      if (m.ref) ctx.formulae[m.si as string] = m.address;
      else {
        m.sharedFormula = ctx.formulae[m.si as string];
        m.shareType = undefined;
      }
    }
  } else {
    m.value = plainCell(m.t, m.styleId, m.value, ctx);
    m.type = plainType;
  }
  if (ctx.hyperlinks[String(m.address)]) {
    if (m.type === T_FORMULA) {
      m.text = m.result;
      m.result = undefined;
    } else {
      m.text = m.value;
      m.value = undefined;
    }
    m.type = T_HYPERLINK;
    m.hyperlink = 'x';
  }
}

/** exceljs' Cell.value for a reconciled model. */
function cellValue(m: CellModel): Raw {
  switch (m.type) {
    case T_NULL:
      return null;
    case T_FORMULA: {
      const v: Raw = {};
      if (m.formula) v.formula = m.formula;
      // deliberately not exceljs: it drops a cached 0 or FALSE (`if (result)`), which reads as blank
      if (m.result !== undefined) v.result = m.result;
      if (m.ref) v.ref = m.ref;
      if (m.shareType) v.shareType = m.shareType;
      if (m.sharedFormula) v.sharedFormula = m.sharedFormula;
      return v;
    }
    case T_HYPERLINK:
      return { text: m.text, hyperlink: m.hyperlink };
    default:
      return m.value;
  }
}

// start-tag scan results (module state: no allocation per tag)
let tagEnd = 0;
let tagSelfClose = false;
let attrR: string | undefined;
let attrS: string | undefined;
let attrT: string | undefined;

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 9 || ch === 13;
}

/** Scan the attributes of a start tag from `i` (just after its name); keeps r, s and t. */
function scanTag(s: string, i: number): void {
  attrR = attrS = attrT = undefined;
  for (;;) {
    let ch = s.charCodeAt(i);
    while (isSpace(ch)) ch = s.charCodeAt(++i);
    if (ch === 62) {
      tagEnd = i + 1;
      tagSelfClose = false;
      return;
    }
    if (ch === 47 && s.charCodeAt(i + 1) === 62) {
      tagEnd = i + 2;
      tagSelfClose = true;
      return;
    }
    const ns = i;
    while (ch === ch && !isSpace(ch) && ch !== 61 && ch !== 62 && ch !== 47) ch = s.charCodeAt(++i); // ch === ch: not NaN
    const nameLen = i - ns;
    while (isSpace(ch)) ch = s.charCodeAt(++i);
    if (ch !== 61 || nameLen === 0) throw new LeanReadError('malformed start tag');
    ch = s.charCodeAt(++i);
    while (isSpace(ch)) ch = s.charCodeAt(++i);
    if (ch !== 34 && ch !== 39) throw new LeanReadError('malformed attribute');
    const ve = s.indexOf(ch === 34 ? '"' : "'", i + 1);
    if (ve < 0) throw new LeanReadError('malformed attribute');
    if (nameLen === 1) {
      const n = s.charCodeAt(ns);
      if (n === 114) attrR = decodeAttr(s.slice(i + 1, ve));
      else if (n === 115) attrS = decodeAttr(s.slice(i + 1, ve));
      else if (n === 116) attrT = decodeAttr(s.slice(i + 1, ve));
    }
    i = ve + 1;
  }
}

/** exceljs' colCache.decodeAddress column for plain addresses (A1 … XFD1048576); anything else → exceljs. */
function decodeCol(address: string): number {
  let col = 0;
  let i = 0;
  let ch = address.charCodeAt(0);
  while (ch >= 65 && ch <= 90) {
    col = col * 26 + ch - 64;
    ch = address.charCodeAt(++i);
  }
  if (i === 0 || i > 3 || i === address.length) throw new LeanReadError(`cell address ${address}`);
  for (; i < address.length; i++) {
    ch = address.charCodeAt(i);
    if (ch < 48 || ch > 57) throw new LeanReadError(`cell address ${address}`);
  }
  if (col > 16384) throw new LeanReadError(`column out of range ${address}`);
  return col;
}

/** The text of an inline string that is exactly <is><t>text</t></is> (or <t xml:space="preserve">), else undefined. */
function plainInlineText(data: string, from: number, end: number): string | undefined {
  if (!data.startsWith('<is><t', from) || !data.startsWith('</t></is>', end - 9)) return undefined;
  let start = from + 6;
  if (data.charCodeAt(start) === 62) start++;
  else if (data.startsWith(' xml:space="preserve">', start)) start += 22;
  else return undefined;
  const textEnd = end - 9;
  if (textEnd <= start) return undefined;
  const lt = data.indexOf('<', start);
  if (lt !== textEnd) return undefined;
  return decodeText(data.slice(start, textEnd));
}

function parseSheet(xml: string, ctx: SheetContext, sheetRels: Map<string, string | undefined> | undefined): Map<number, Row> {
  // hyperlinks with a relationship id (internal `location` links without one are ignored)
  let hasHyperlinks = false;
  const hl = elementBody(xml, 'hyperlinks');
  if (hl) {
    for (const a of startTags(hl, 'hyperlink')) {
      if (!a['r:id']) continue;
      if (!sheetRels?.has(a['r:id'])) continue;
      ctx.hyperlinks[String(a.ref)] = true;
      hasHyperlinks = true;
    }
  }

  const rows = new Map<number, Row>();
  // prefixes are normalised away (normaliseXml): a worksheet without <sheetData> is not a worksheet
  const data = elementBody(xml, 'sheetData');
  if (data === undefined) throw new LeanReadError('no <sheetData> in the worksheet');
  let row: Row | undefined;
  let previousCol = 0;
  let pos = 0;
  for (;;) {
    const lt = data.indexOf('<', pos);
    if (lt < 0) break;
    const c1 = data.charCodeAt(lt + 1);
    if (c1 === 114 && data.charCodeAt(lt + 2) === 111 && data.charCodeAt(lt + 3) === 119 && !(data.charCodeAt(lt + 4) > 32 && data.charCodeAt(lt + 4) !== 47 && data.charCodeAt(lt + 4) !== 62)) {
      // <row>
      scanTag(data, lt + 4);
      pos = tagEnd;
      const n = parseInt(attrR as string, 10);
      if (!(n >= 1 && n <= 1_048_576)) throw new LeanReadError(`row number ${attrR}`);
      row = { cells: [] };
      rows.set(n, row);
      previousCol = 0;
      continue;
    }
    if (c1 !== 99 || (data.charCodeAt(lt + 2) > 32 && data.charCodeAt(lt + 2) !== 47 && data.charCodeAt(lt + 2) !== 62)) {
      // not <row> nor <c>: </row>, or an element the reader skips (extLst, other namespaces)
      if (data.charCodeAt(lt + 1) === 47) {
        const gt = data.indexOf('>', lt);
        if (gt < 0) throw new LeanReadError('unclosed tag');
        if (!/^<\/row\s*>$/.test(data.slice(lt, gt + 1))) throw new LeanReadError(`unexpected end tag in sheetData: ${data.slice(lt, gt + 1)}`);
        pos = gt + 1;
        continue;
      }
      pos = skipElement(data, lt);
      continue;
    }
    // <c>
    if (!row) throw new LeanReadError('<c> outside <row>');
    scanTag(data, lt + 2);
    const address = attrR;
    const t = attrT;
    const styleId = attrS ? parseInt(attrS, 10) : undefined;
    let type: number;
    let raw: Raw;
    let v: string | undefined;
    let inner: string | undefined;
    if (tagSelfClose) pos = tagEnd;
    else {
      const end = data.indexOf('</c>', tagEnd);
      if (end < 0) throw new LeanReadError('unclosed <c>');
      pos = end + 4;
      if (end > tagEnd) {
        // fast path: exactly <v>text</v>
        const vEnd = data.indexOf('<', tagEnd + 3);
        if (vEnd + 4 === end && vEnd > tagEnd + 3 && data.startsWith('<v>', tagEnd) && data.charCodeAt(vEnd + 1) === 47 && data.charCodeAt(vEnd + 2) === 118 && data.charCodeAt(vEnd + 3) === 62) {
          v = decodeText(data.slice(tagEnd + 3, vEnd));
        } else if (t === 'inlineStr' && (v = plainInlineText(data, tagEnd, end)) !== undefined) {
          // fast path: exactly <is><t>text</t></is>
        } else inner = data.slice(tagEnd, end);
      }
    }
    if (inner === undefined && !hasHyperlinks) {
      raw = plainCell(t, styleId, v, ctx);
      type = plainType;
    } else {
      const m: CellModel = { address, t, styleId, value: v, type: T_NULL };
      if (inner !== undefined) parseCellContent(inner, m);
      finishCell(m, ctx);
      type = m.type;
      raw = cellValue(m);
    }
    // doc/row.js `set model`: merge-typed cells are dropped; a cell without r follows the previous one
    if (type === T_MERGE) continue;
    let col: number;
    if (address) col = decodeCol(address);
    else col = previousCol + 1;
    if (col > 16384) throw new LeanReadError('column out of range');
    previousCol = col;
    const existing = row.cells[col - 1];
    if (existing) {
      existing.type = type;
      existing.raw = raw;
    } else row.cells[col - 1] = { col, type, raw, master: undefined };
  }

  // merges (Worksheet._parseMergeCells → mergeCellsWithoutStyle)
  const mc = elementBody(xml, 'mergeCells');
  if (mc) {
    const taken = new Set<number>();
    const getCell = (r: number, c: number): Cell => {
      let row = rows.get(r);
      if (!row) rows.set(r, (row = { cells: [] }));
      let cell = row.cells[c - 1];
      if (!cell) row.cells[c - 1] = cell = { col: c, type: T_NULL, raw: null, master: undefined };
      return cell;
    };
    for (const a of startTags(mc, 'mergeCell')) {
      if (a.ref === undefined) throw new LeanReadError('mergeCell without ref');
      const d = decodeRange(a.ref);
      if ((d.bottom - d.top + 1) * (d.right - d.left + 1) > 1_000_000) throw new LeanReadError('huge merge');
      for (let i = d.top; i <= d.bottom; i++) {
        for (let j = d.left; j <= d.right; j++) {
          const key = i * 16385 + j;
          if (taken.has(key)) throw new LeanReadError('overlapping merges');
          taken.add(key);
        }
      }
      const master = getCell(d.top, d.left);
      for (let i = d.top; i <= d.bottom; i++) {
        for (let j = d.left; j <= d.right; j++) {
          if (i > d.top || j > d.left) {
            const cell = getCell(i, j);
            cell.type = T_MERGE;
            cell.raw = undefined;
            cell.master = master;
          }
        }
      }
    }
  }
  return rows;
}

/**
 * The rebuilt rows as a grid. Rows are ragged (each as long as its last value), so one value far
 * right (column XFD) costs one long row, not rows × 16384 cells.
 */
function rowsToGrid(rows: Map<number, Row>, name: string, file: string, date1904: boolean): SheetGrid {
  let rowCount = 0;
  for (const [n, row] of rows) if (n > rowCount && row.cells.some((c) => c && c.type !== T_NULL)) rowCount = n;
  const cells: CellValue[][] = [];
  const text: (string | undefined)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const rowCells: CellValue[] = [];
    const rowText: (string | undefined)[] = [];
    const row = rows.get(r);
    if (row) {
      for (const cell of row.cells) {
        if (!cell || cell.type === T_NULL) continue;
        let raw = cell.raw;
        if (cell.type === T_MERGE) {
          const master = cell.master!;
          if (master.col !== cell.col) continue;
          raw = master.type === T_MERGE ? master.master!.raw : master.raw;
        }
        let value: CellValue;
        let t: string | undefined;
        if (typeof raw === 'string') value = t = raw; // the common cases without convertCellValue's object
        else if (typeof raw === 'number') {
          value = raw;
          t = String(raw);
        } else ({ value, text: t } = convertCellValue(raw, date1904));
        if (value === null || value === undefined) continue;
        while (rowCells.length < cell.col - 1) {
          rowCells.push(null);
          rowText.push(undefined);
        }
        rowCells[cell.col - 1] = value;
        rowText[cell.col - 1] = t;
      }
    }
    cells.push(rowCells);
    text.push(rowText);
  }
  return { name, file, cells, text, startRow: 1, startCol: 1, date1904 };
}

// ---------------------------------------------------------------- workbook

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface LeanWorkbook {
  /** worksheet names in workbook order */
  sheetNames: string[];
  /** visibility of each sheet in sheetNames */
  sheetStates: SheetState[];
  date1904: boolean;
  /** grid of the sheet at `index` in sheetNames; throws LeanReadError when that sheet cannot be read */
  grid(index: number, file: string): SheetGrid;
}

const REL_WORKSHEET = /\/relationships\/worksheet$/;
const REL_OFFICE_DOCUMENT = /\/relationships\/officeDocument$/;

interface Rel {
  type: string;
  target: string;
  external: boolean;
}

function relsWithTypes(xml: string | undefined): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  if (xml === undefined) return rels;
  for (const a of startTags(xml, 'Relationship')) {
    if (a.Id !== undefined) rels.set(a.Id, { type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
  }
  return rels;
}

/** Open a workbook. Throws LeanReadError when the package (not one sheet) cannot be read. */
export function openXlsx(bytes: Uint8Array): LeanWorkbook {
  const zip = new ZipArchive(bytes);
  const office = [...relsWithTypes(part(zip, '_rels/.rels')).values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type) && !r.external);
  const workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const wbXml = part(zip, workbookPath) ?? part(zip, 'xl/workbook.xml');
  if (wbXml === undefined) throw new LeanReadError('no xl/workbook.xml');
  const wbDir = dirOf(workbookPath);
  const rels = relsWithTypes(part(zip, relsPathOf(workbookPath)));
  const pr = startTags(wbXml, 'workbookPr')[0];
  // deliberately not exceljs, which takes only "1": xsd:boolean also writes true (LibreOffice)
  const date1904 = pr?.date1904 === '1' || pr?.date1904 === 'true';

  const sheets: { name: string; entry: string | undefined; state: SheetState }[] = [];
  for (const a of startTags(elementBody(wbXml, 'sheets') ?? '', 'sheet')) {
    const rel = rels.get(a['r:id'] as string);
    // chartsheets and dialog sheets hold no cells
    if (rel && !REL_WORKSHEET.test(rel.type)) continue;
    const entry = rel && !rel.external ? resolveTarget(wbDir, rel.target) : undefined;
    if (entry && /(^|\/)(chartsheets|dialogsheets|macrosheets)\//.test(entry)) continue;
    const name = a.name ?? '';
    const state: SheetState = a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible';
    sheets.push({ name, entry: entry && zip.has(entry) ? entry : undefined, state });
  }
  if (!sheets.length) throw new LeanReadError('no worksheets');

  let styles: Styles | undefined | null = null;
  let sst: Raw[] | undefined | null = null;
  const relTarget = (re: RegExp): string | undefined => {
    const r = [...rels.values()].find((x) => re.test(x.type) && !x.external);
    return r ? resolveTarget(wbDir, r.target) : undefined;
  };
  const load = (): { styles: Styles | undefined; sst: Raw[] | undefined } => {
    if (styles === null) {
      const x = part(zip, relTarget(/\/relationships\/styles$/) ?? `${wbDir}/styles.xml`);
      styles = x === undefined ? undefined : parseStyles(x);
    }
    if (sst === null) {
      const x = part(zip, relTarget(/\/relationships\/sharedStrings$/) ?? `${wbDir}/sharedStrings.xml`);
      sst = x === undefined ? undefined : parseSharedStrings(x);
    }
    return { styles, sst };
  };

  return {
    sheetNames: sheets.map((s) => s.name),
    sheetStates: sheets.map((s) => s.state),
    date1904,
    grid(index: number, file: string): SheetGrid {
      const s = sheets[index];
      if (!s) throw new RangeError(`no sheet ${index}`);
      if (!s.entry) throw new LeanReadError('the worksheet part is missing from the package');
      // inflated and decoded once: the checkbox reader needs the raw text (its <control> sits in mc:AlternateContent)
      const raw = zip.text(s.entry)!;
      const xml = normaliseXml(raw, s.entry);
      assertPlainXml(xml, s.entry);
      const relsName = relsPathOf(s.entry);
      const sheetRels = zip.has(relsName) ? parseRels(part(zip, relsName)) : undefined;
      const { styles: st, sst: ss } = load();
      const ctx: SheetContext = { sst: ss, styles: st, date1904, hyperlinks: Object.create(null), formulae: {} };
      const grid = rowsToGrid(parseSheet(xml, ctx, sheetRels), s.name, file, date1904);
      // form-control □ boxes as ☑/☐; from the raw part, since their <control> elements sit in mc:AlternateContent Choice
      return applyCheckboxes(grid, readFormCheckboxes(raw, sheetRels, (name) => part(zip, name)));
    },
  };
}
