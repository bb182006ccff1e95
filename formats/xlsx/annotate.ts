// The annotated copy of a workbook, written by patching the original package: every zip record is
// copied byte for byte except the few parts that must change. Highlighted sheets get a
// <conditionalFormatting> block (removable in Excel's 条件付き書式の管理), styles.xml gets the dxf fills,
// and a findings sheet (チェック結果, inline strings) is added to workbook.xml, its rels and
// [Content_Types].xml. No cell of the user's is rewritten. Host-neutral: bytes in, bytes out.
import type { Bilingual, Finding } from '../../core/model/report.ts';
import { findingKind, KIND_LABELS } from '../../core/engine/finding-kind.ts';
import { findingTone, rowTones, type Tone } from '../../core/engine/row-tones.ts';
import { centralInfo, LeanReadError, ZipArchive, ZipWriter } from '../zip.ts';
import { dirOf, parseAttrs, relsPathOf, resolveTarget } from './xml.ts';
import { EXCEL_MAX_ROWS } from './write-table.ts';

export { resolveTarget } from './xml.ts';

export const FILL_ERROR = 'FFFFC7CE';
export const FILL_WARNING = 'FFFFEB9C';
export const RESULT_SHEET = 'チェック結果';

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_OFFICE_DOCUMENT = `${NS_R}/officeDocument`;
const REL_WORKSHEET = `${NS_R}/worksheet`;
const REL_STYLES = `${NS_R}/styles`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** CT_Worksheet children that come after <conditionalFormatting> (ECMA-376 Part 1, 18.3.1.99). */
const AFTER_CONDITIONAL_FORMATTING = new Set([
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks',
  'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing',
  'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst', 'AlternateContent',
]);
/** CT_Stylesheet children that come after <dxfs> (18.8.39). */
const AFTER_DXFS = new Set(['tableStyles', 'colors', 'extLst']);

/** A workbook the patch writer cannot annotate, with a message for the user. */
export class AnnotateError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual.en);
    this.name = 'AnnotateError';
  }
}

export interface AnnotateResult {
  bytes: Uint8Array;
  rowsHighlighted: number;
  /** name of the added findings sheet */
  sheetName: string;
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ENCODER = new TextEncoder();

// ---------------------------------------------------------------- XML helpers

/** XML text/attribute escape; characters XML cannot hold become Excel's _xHHHH_ escapes. */
const XML_SPECIAL = /[&<>"_\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

export function xmlEscape(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

interface Tag {
  /** qualified name */
  qname: string;
  local: string;
  prefix: string;
  start: number;
  /** index after `>` */
  end: number;
  selfClose: boolean;
  attrs: string;
}

/** Index after the `>` ending a tag that starts at `lt`, honouring quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  throw new LeanReadError('unclosed tag');
}

function readTag(xml: string, lt: number): Tag {
  const end = tagEnd(xml, lt);
  const m = /^<([^\s/>]+)/.exec(xml.slice(lt, Math.min(end, lt + 300)));
  if (!m) throw new LeanReadError('malformed tag');
  const qname = m[1]!;
  const colon = qname.indexOf(':');
  const selfClose = xml.charCodeAt(end - 2) === 47;
  return {
    qname,
    local: colon < 0 ? qname : qname.slice(colon + 1),
    prefix: colon < 0 ? '' : qname.slice(0, colon + 1),
    start: lt,
    end,
    selfClose,
    attrs: xml.slice(lt + 1 + qname.length, selfClose ? end - 2 : end - 1),
  };
}

/** Index of the next markup `<` that starts an element tag (skipping comments, CDATA, PIs). */
function nextTag(xml: string, from: number): number {
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return -1;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) throw new LeanReadError('unclosed comment');
      i = e + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) throw new LeanReadError('unclosed CDATA');
      i = e + 3;
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const e = xml.indexOf('>', lt + 2);
      if (e < 0) throw new LeanReadError('unclosed declaration');
      i = e + 1;
    } else return lt;
  }
}

interface Document {
  root: Tag;
  /** index of the root's end tag `</…>` */
  rootClose: number;
  /** the root's children (depth 1) */
  children: Tag[];
}

/**
 * The root element and its direct children. `skipBody` names children whose content is jumped over
 * by searching their end tag (sheetData: the bulk of a worksheet).
 */
function outline(xml: string, skipBody: ReadonlySet<string> = new Set()): Document {
  const first = nextTag(xml, 0);
  if (first < 0) throw new LeanReadError('no root element');
  const root = readTag(xml, first);
  if (root.selfClose) throw new LeanReadError('empty root element');
  const children: Tag[] = [];
  let depth = 0;
  let i = root.end;
  for (;;) {
    const lt = nextTag(xml, i);
    if (lt < 0) throw new LeanReadError(`unclosed <${root.qname}>`);
    if (xml.charCodeAt(lt + 1) === 47) {
      if (depth === 0) return { root, rootClose: lt, children };
      depth--;
      i = tagEnd(xml, lt);
      continue;
    }
    const tag = readTag(xml, lt);
    i = tag.end;
    if (depth === 0) {
      children.push(tag);
      if (!tag.selfClose && skipBody.has(tag.local)) {
        const close = xml.indexOf(`</${tag.qname}`, tag.end);
        if (close < 0) throw new LeanReadError(`unclosed <${tag.qname}>`);
        i = tagEnd(xml, close);
        continue;
      }
    }
    if (!tag.selfClose) depth++;
  }
}

function insertAt(xml: string, at: number, text: string): string {
  return xml.slice(0, at) + text + xml.slice(at);
}

// ---------------------------------------------------------------- package helpers

/**
 * A part's new content: text, or its UTF-8 bytes in pieces (a large sheet is never re-encoded whole),
 * or a generator of them (the findings sheet, made while it is deflated).
 */
type PartData = string | Uint8Array[] | (() => Iterable<Uint8Array>);

class Package {
  readonly zip: ZipArchive;
  /** entry name → new content */
  readonly patched = new Map<string, PartData>();
  /** new entries in order */
  readonly added = new Map<string, PartData>();
  private readonly lowerNames: Set<string>;

  constructor(bytes: Uint8Array) {
    this.zip = new ZipArchive(bytes);
    this.lowerNames = new Set(this.zip.names().map((n) => n.toLowerCase()));
  }

  has(name: string): boolean {
    return this.lowerNames.has(name.toLowerCase()) || [...this.added.keys()].some((n) => n.toLowerCase() === name.toLowerCase());
  }

  /** A part's current text (patched or original); UTF-8 only, so an unchanged byte stays unchanged. */
  text(name: string): string | undefined {
    const p = this.patched.get(name) ?? this.added.get(name);
    if (typeof p === 'string') return p;
    if (p !== undefined) throw new LeanReadError(`${name} was patched as bytes`);
    const bytes = this.zip.read(name);
    return bytes === undefined ? undefined : strictText(name, bytes);
  }

  set(name: string, text: PartData): void {
    if (this.zip.has(name)) this.patched.set(name, text);
    else this.added.set(name, text);
  }
}

function strictText(name: string, bytes: Uint8Array): string {
  try {
    return UTF8_STRICT.decode(bytes);
  } catch {
    throw new LeanReadError(`${name} is not UTF-8`);
  }
}

/** UTF-8 length of a string (lone surrogates, as TextEncoder writes them, count 3). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relsOf(xml: string | undefined): Rel[] {
  if (xml === undefined) return [];
  const out: Rel[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?Relationship(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const a = parseAttrs(m[1]!.replace(/\/\s*$/, ''));
    out.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
  }
  return out;
}

/** Append a relationship; returns its Id. */
function addRelationship(pkg: Package, relsPath: string, type: string, target: string): string {
  let xml = pkg.text(relsPath);
  if (xml === undefined) {
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  }
  const taken = new Set(relsOf(xml).map((r) => r.id));
  let n = 1;
  while (taken.has(`rIdZc${n}`)) n++;
  const id = `rIdZc${n}`;
  const doc = outline(xml);
  pkg.set(relsPath, insertAt(xml, doc.rootClose, `<${doc.root.prefix}Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`));
  return id;
}

function addOverride(pkg: Package, partName: string, contentType: string): void {
  const xml = pkg.text('[Content_Types].xml');
  if (xml === undefined) throw new LeanReadError('no [Content_Types].xml');
  const doc = outline(xml);
  pkg.set('[Content_Types].xml', insertAt(xml, doc.rootClose, `<${doc.root.prefix}Override PartName="/${xmlEscape(partName)}" ContentType="${contentType}"/>`));
}

// ---------------------------------------------------------------- styles: dxfs

const DXF_FILL = (argb: string) =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor rgb="${argb}"/></patternFill></fill>`;

interface DxfIds {
  error: number;
  warning: number;
  bold: number;
}

/** Append the three dxfs (error fill, warning fill, bold) to styles.xml; returns their ids. */
function addDxfs(pkg: Package, workbookPath: string, workbookRels: Rel[]): DxfIds {
  const rel = workbookRels.find((r) => r.type === REL_STYLES && !r.external);
  let stylesPath = rel ? resolveTarget(dirOf(workbookPath), rel.target) : undefined;
  let xml = stylesPath ? pkg.text(stylesPath) : undefined;
  if (xml === undefined) {
    // no styles part: a minimal one (Excel requires cellXfs for a styles part)
    stylesPath = resolveTarget(dirOf(workbookPath), 'zc-styles.xml');
    xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
    if (!rel) addRelationship(pkg, relsPathOf(workbookPath), REL_STYLES, stylesPath.slice(dirOf(workbookPath).length + (dirOf(workbookPath) ? 1 : 0)));
    addOverride(pkg, stylesPath, CT_STYLES);
  }
  const doc = outline(xml);
  const p = doc.root.prefix;
  const added = `<${p}dxf>${DXF_FILL(FILL_ERROR).replace(/<(\/?)/g, `<$1${p}`)}</${p}dxf>` +
    `<${p}dxf>${DXF_FILL(FILL_WARNING).replace(/<(\/?)/g, `<$1${p}`)}</${p}dxf>` +
    `<${p}dxf><${p}font><${p}b/></${p}font></${p}dxf>`;
  const dxfs = doc.children.find((c) => c.local === 'dxfs');
  let existing = 0;
  let out: string;
  if (dxfs && !dxfs.selfClose) {
    const close = xml.indexOf(`</${dxfs.qname}`, dxfs.end);
    if (close < 0) throw new LeanReadError('unclosed <dxfs>');
    const body = xml.slice(dxfs.end, close);
    existing = (body.match(new RegExp(`<${p.replace('.', '\\.')}dxf(?=[\\s/>])`, 'g')) ?? []).length;
    const open = `<${dxfs.qname}${setCount(dxfs.attrs, existing + 3)}>`;
    out = xml.slice(0, dxfs.start) + open + body + added + xml.slice(close);
  } else if (dxfs) {
    out = xml.slice(0, dxfs.start) + `<${dxfs.qname}${setCount(dxfs.attrs, 3)}>${added}</${dxfs.qname}>` + xml.slice(dxfs.end);
  } else {
    const after = doc.children.find((c) => AFTER_DXFS.has(c.local));
    out = insertAt(xml, after ? after.start : doc.rootClose, `<${p}dxfs count="3">${added}</${p}dxfs>`);
  }
  pkg.set(stylesPath!, out);
  return { error: existing, warning: existing + 1, bold: existing + 2 };
}

function setCount(attrs: string, n: number): string {
  const a = attrs.replace(/\s+count\s*=\s*("[^"]*"|'[^']*')/, '');
  return `${a.replace(/\s+$/, '')} count="${n}"`;
}

// ---------------------------------------------------------------- worksheets

function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/** The last used column of a worksheet: its <dimension>, else the widest cell reference. */
function lastColumn(xml: string, doc: Document): number {
  const dim = doc.children.find((c) => c.local === 'dimension');
  const ref = dim ? parseAttrs(dim.attrs).ref : undefined;
  const m = ref ? /([A-Z]{1,3})\d+$/.exec(ref) : null;
  if (m) return Math.min(colNumber(m[1]!), 16384);
  let max = 1;
  const re = /<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br\s*=\s*["']([A-Z]{1,3})\d+/g;
  let c: RegExpExecArray | null;
  while ((c = re.exec(xml))) max = Math.max(max, colNumber(c[1]!));
  return Math.min(max, 16384);
}

/** Rows (sorted) → `A5:H7 A9:H9` with consecutive rows merged. */
function sqrefOf(rows: number[], lastCol: number): string {
  const right = colLetters(lastCol);
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(`A${rows[i]}:${right}${rows[j]}`);
    i = j + 1;
  }
  return parts.join(' ');
}

function conditionalBlock(prefix: string, sqref: string, dxfId: number, priority: number): string {
  const p = prefix;
  return `<${p}conditionalFormatting sqref="${sqref}"><${p}cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><${p}formula>TRUE</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
}

/** Add highlight blocks to one worksheet part; returns the rows highlighted. */
function highlightSheet(pkg: Package, path: string, tones: Map<number, Tone>, dxf: DxfIds): number {
  const bytes = pkg.zip.read(path);
  if (bytes === undefined) return 0;
  const xml = strictText(path, bytes);
  const doc = outline(xml, new Set(['sheetData']));
  const p = doc.root.prefix;
  const lastCol = lastColumn(xml, doc);
  // after the user's own rules in priority order
  let priority = 0;
  const sheetData = doc.children.find((c) => c.local === 'sheetData');
  const tail = sheetData ? xml.slice(sheetData.end) : xml;
  for (const m of tail.matchAll(/\bpriority\s*=\s*["'](\d+)["']/g)) priority = Math.max(priority, Number(m[1]));
  const byTone = (t: Tone) => [...tones].filter(([, v]) => v === t).map(([r]) => r).sort((a, b) => a - b);
  let blocks = '';
  const errors = byTone('error');
  const warnings = byTone('warning');
  if (errors.length) blocks += conditionalBlock(p, sqrefOf(errors, lastCol), dxf.error, ++priority);
  if (warnings.length) blocks += conditionalBlock(p, sqrefOf(warnings, lastCol), dxf.warning, ++priority);
  const after = doc.children.find((c) => AFTER_CONDITIONAL_FORMATTING.has(c.local));
  // spliced into the original bytes: the sheet (the bulk of the package) is not re-encoded
  const at = bytes.length - utf8Length(xml.slice(after ? after.start : doc.rootClose));
  pkg.set(path, [bytes.subarray(0, at), ENCODER.encode(blocks), bytes.subarray(at)]);
  return errors.length + warnings.length;
}

// ---------------------------------------------------------------- the findings sheet

const HEADERS: [string, number][] = [
  ['重大度', 10], ['ルール', 24], ['利用者', 14], ['期間', 24], ['シート', 12], ['行', 16], ['メッセージ', 80], ['根拠', 24],
];

function inlineCell(ref: string, text: string): string {
  if (text === '') return '';
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlEscape(text)}</t></is></c>`;
}

const COLUMN_LETTERS = HEADERS.map((_h, i) => colLetters(i + 1));

/** The findings sheet as UTF-8 chunks: one row per finding, header bold, severity cells coloured (all by dxfs). */
export function* findingsSheetXml(findings: readonly Finding[], displayFile: string, dxf: DxfIds, maxRows = EXCEL_MAX_ROWS): Generator<Uint8Array> {
  // a sheet holds at most maxRows rows: the header, the findings that fit, and a row saying how many were left out
  const listed = findings.length + 1 <= maxRows ? findings.length : maxRows - 2;
  const lastRow = listed === findings.length ? listed + 1 : maxRows;
  let buf = '';
  const row = (n: number, values: string[]) => {
    buf += `<row r="${n}">`;
    values.forEach((v, i) => (buf += inlineCell(`${COLUMN_LETTERS[i]}${n}`, v)));
    buf += '</row>';
  };
  const cols = HEADERS.map(([, w], i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  buf +=
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}">` +
    `<dimension ref="A1:${colLetters(HEADERS.length)}${lastRow}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  row(1, HEADERS.map(([h]) => h));
  const errorRows: number[] = [];
  const warningRows: number[] = [];
  for (let i = 0; i < listed; i++) {
    const f = findings[i]!;
    const mine = f.locations.filter((l) => l.file === undefined || l.file === displayFile);
    const sheets = [...new Set(mine.map((l) => l.sheet).filter((s): s is string => Boolean(s)))];
    const at = [...new Set(mine.map((l) => (l.row === undefined ? '' : `${l.column ?? ''}${l.row}`)).filter(Boolean))];
    const period = f.period ? (f.period.from === f.period.to ? f.period.from : `${f.period.from}〜${f.period.to}`) : '';
    row(i + 2, [KIND_LABELS[findingKind(f)].ja, f.ruleId, f.user ?? '', period, sheets.join(', '), at.join(', '), f.message.ja, f.source]);
    const tone = findingTone(f);
    if (tone === 'error') errorRows.push(i + 2);
    else if (tone === 'warning') warningRows.push(i + 2);
    if (buf.length > 1 << 16) {
      yield ENCODER.encode(buf);
      buf = '';
    }
  }
  if (listed < findings.length) {
    const rest = findings.length - listed;
    row(lastRow, ['', '', '', '', '', '', `ほかに ${rest} 件の指摘があります（シートの行数の上限のため、ここには載せていません。JSON 出力やチェック結果の CSV ですべて確かめてください） / ${rest} more findings are not listed here (a sheet's row limit); see them all in the JSON output or the findings CSV`]);
  }
  let cf = conditionalBlock('', `A1:${colLetters(HEADERS.length)}1`, dxf.bold, 1);
  if (errorRows.length) cf += conditionalBlock('', sqrefOf(errorRows, 1), dxf.error, 2);
  if (warningRows.length) cf += conditionalBlock('', sqrefOf(warningRows, 1), dxf.warning, 3);
  yield ENCODER.encode(
    `${buf}</sheetData>${cf}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
}

// ---------------------------------------------------------------- workbook

interface SheetEntry {
  name: string;
  sheetId: number;
  path: string | undefined;
}

function uniqueName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

function cannotAnnotate(displayFile: string, detail: string): AnnotateError {
  return new AnnotateError({
    ja: `注釈付きのコピーを作れません: ${displayFile}（ブックの構造を読み取れません: ${detail}）。チェック結果はそのまま有効です`,
    en: `Cannot write the annotated copy of ${displayFile} (unreadable workbook structure: ${detail}). The check result stands`,
  });
}

/**
 * The annotated copy of `original`: rows the findings point at (locations in `displayFile`) are
 * highlighted by conditional formats, and a findings sheet is added. Everything else is copied unchanged.
 */
export async function annotateXlsx(original: Uint8Array, findings: Finding[], displayFile: string): Promise<AnnotateResult> {
  try {
    return await patch(original, findings, displayFile);
  } catch (e) {
    if (e instanceof AnnotateError) throw e;
    if (e instanceof LeanReadError) throw cannotAnnotate(displayFile, e.message);
    throw cannotAnnotate(displayFile, 'internal error');
  }
}

async function patch(original: Uint8Array, findings: Finding[], displayFile: string): Promise<AnnotateResult> {
  const pkg = new Package(original);
  const rootRels = relsOf(pkg.text('_rels/.rels'));
  const office = rootRels.find((r) => r.type === REL_OFFICE_DOCUMENT && !r.external);
  const workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const wbXml = pkg.text(workbookPath);
  if (wbXml === undefined) throw new LeanReadError(`no ${workbookPath}`);
  const wbRelsPath = relsPathOf(workbookPath);
  const wbRels = relsOf(pkg.text(wbRelsPath));

  const wbDoc = outline(wbXml);
  const sheetsTag = wbDoc.children.find((c) => c.local === 'sheets');
  if (!sheetsTag || sheetsTag.selfClose) throw new LeanReadError('no <sheets>');
  const sheetsClose = wbXml.indexOf(`</${sheetsTag.qname}`, sheetsTag.end);
  if (sheetsClose < 0) throw new LeanReadError('unclosed <sheets>');
  const sheets: SheetEntry[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?sheet(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  const sheetsBody = wbXml.slice(sheetsTag.end, sheetsClose);
  let m: RegExpExecArray | null;
  while ((m = re.exec(sheetsBody))) {
    const a = parseAttrs(m[1]!.replace(/\/\s*$/, ''));
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const rel = wbRels.find((r) => r.id === rid);
    sheets.push({
      name: a.name ?? '',
      sheetId: Number(a.sheetId) || 0,
      path: rel && rel.type === REL_WORKSHEET && !rel.external ? resolveTarget(dirOf(workbookPath), rel.target) : undefined,
    });
  }

  const dxf = addDxfs(pkg, workbookPath, wbRels);
  let rowsHighlighted = 0;
  for (const s of sheets) {
    if (!s.path) continue;
    const tones = rowTones(findings, s.name, displayFile);
    if (tones.size) rowsHighlighted += highlightSheet(pkg, s.path, tones, dxf);
  }

  // the findings sheet
  const sheetName = uniqueName(RESULT_SHEET, sheets.map((s) => s.name));
  const wbDir = dirOf(workbookPath);
  let n = sheets.length + 1;
  while (pkg.has(resolveTarget(wbDir, `worksheets/sheet${n}.xml`))) n++;
  const target = `worksheets/sheet${n}.xml`;
  const sheetPath = resolveTarget(wbDir, target);
  pkg.set(sheetPath, () => findingsSheetXml(findings, displayFile, dxf));
  const rid = addRelationship(pkg, wbRelsPath, REL_WORKSHEET, target);
  addOverride(pkg, sheetPath, CT_WORKSHEET);
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const p = wbDoc.root.prefix;
  const wbText = pkg.text(workbookPath)!;
  pkg.set(workbookPath, insertAt(wbText, sheetsClose, `<${p}sheet name="${xmlEscape(sheetName)}" sheetId="${sheetId}" r:id="${rid}" xmlns:r="${NS_R}"/>`));

  return { bytes: await writePackage(pkg), rowsHighlighted, sheetName };
}

async function writePackage(pkg: Package): Promise<Uint8Array> {
  const out = new ZipWriter();
  let stamp = { time: 0, date: 0x21 };
  for (const raw of pkg.zip.rawEntries()) {
    const name = raw.name.startsWith('/') ? raw.name.slice(1) : raw.name;
    const info = centralInfo(raw.central);
    if (name === '[Content_Types].xml') stamp = { time: info.time, date: info.date };
    const data = pkg.patched.get(name);
    if (data === undefined) out.copy(raw);
    else await out.add(info.nameBytes, chunksOf(data), info.time, info.date, info.utf8);
  }
  for (const [name, data] of pkg.added) await out.add(ENCODER.encode(name), chunksOf(data), stamp.time, stamp.date, true);
  return out.finish(pkg.zip.comment);
}

function chunksOf(data: PartData): Iterable<Uint8Array> {
  return typeof data === 'string' ? [ENCODER.encode(data)] : typeof data === 'function' ? data() : data;
}
