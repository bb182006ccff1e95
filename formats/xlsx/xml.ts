// String-level XML helpers for the lean .xlsx reader. They decode text and attributes the way
// saxes (exceljs' parser) reports them; anything saxes would reject throws LeanReadError.
import { LeanReadError } from '../zip.ts';

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

function entity(m: string, body: string | undefined): string {
  switch (body) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'apos':
      return "'";
    case 'quot':
      return '"';
    case undefined:
      throw new LeanReadError('bare & in XML');
    default: {
      let code = Number.NaN;
      if (/^#x[0-9a-fA-F]+$/.test(body)) code = parseInt(body.slice(2), 16);
      else if (/^#[0-9]+$/.test(body)) code = parseInt(body.slice(1), 10);
      if (!isXmlChar(code)) throw new LeanReadError(`entity ${m}`);
      return String.fromCodePoint(code);
    }
  }
}

const ENTITY = /&([^;&<]*);|&/g;

/** Character data as saxes gives it: line ends normalised to \n, entities and char refs decoded. */
export function decodeText(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  const s = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity);
}

/** An attribute value as saxes gives it: literal whitespace → space, then entities decoded. */
export function decodeAttr(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 38 || c < 32) {
      const s = raw.replace(/\r\n|[\t\n\r]/g, ' ');
      return s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity);
    }
  }
  return raw;
}

/** exceljs' utils.xmlDecode (applied on top of the parser's decoding for some values). */
export function xmlDecodeSimple(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** exceljs' TextXform: `_xHHHH_` escapes (upper-case hex only) → the character. */
export function unescapeX(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of a start tag (the text between the name and `>`), decoded. */
export function parseAttrs(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!src) return out;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(src))) out[m[1]!] = decodeAttr(m[2] ?? m[3] ?? '');
  return out;
}

const NS_MAIN = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'];
const NS_REL = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
const NS_MCE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function prefixesOf(xml: string, namespaces: string[]): string[] {
  const out: string[] = [];
  const re = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) if (namespaces.includes(m[2]!) && !out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/**
 * Valid XML as the string scanners read it: comments and processing instructions removed, CDATA as
 * escaped text, SpreadsheetML namespace prefixes (x:) dropped, relationship attributes as `r:`,
 * mc:AlternateContent replaced by its Fallback (ECMA-376 Part 3). A DOCTYPE (entities) is refused.
 */
export function normaliseXml(xml: string, part: string): string {
  let s = xml;
  if (s.indexOf('<!') >= 0) {
    if (/<!DOCTYPE/i.test(s)) throw new LeanReadError(`DOCTYPE in ${part}`);
    s = s.replace(/<!--[\s\S]*?-->/g, '');
    s = s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, t: string) => escapeText(t));
  }
  const pi = s.indexOf('<?');
  if (pi >= 0 && s.indexOf('<?', pi + 2) >= 0) s = s.slice(0, pi + 2) + s.slice(pi + 2).replace(/<\?[\s\S]*?\?>/g, '');
  if (pi >= 0 && !/^\uFEFF?\s*<\?xml[\s?]/.test(s)) s = s.replace(/<\?[\s\S]*?\?>/g, '');
  for (const p of prefixesOf(s, NS_MAIN)) s = s.replace(new RegExp(`<(/?)${p.replace(/\./g, '\\.')}:`, 'g'), '<$1');
  for (const p of prefixesOf(s, NS_REL)) if (p !== 'r') s = s.replace(new RegExp(`(\\s)${p.replace(/\./g, '\\.')}:id(\\s*=)`, 'g'), '$1r:id$2');
  for (const p of prefixesOf(s, [NS_MCE])) {
    const q = p.replace(/\./g, '\\.');
    s = s.replace(new RegExp(`<${q}:AlternateContent\\b[^>]*?(?:/>|>([\\s\\S]*?)</${q}:AlternateContent\\s*>)`, 'g'), (_m, inner: string | undefined) => {
      const fb = inner && new RegExp(`<${q}:Fallback\\b[^>]*?(?:/>|>([\\s\\S]*?)</${q}:Fallback\\s*>)`).exec(inner);
      return fb ? (fb[1] ?? '') : '';
    });
  }
  return s;
}

/**
 * Refuse markup the string scanners do not model: comments, CDATA, DOCTYPE/entities and
 * processing instructions other than the XML declaration.
 */
export function assertPlainXml(xml: string, part: string): void {
  if (xml.indexOf('<!') >= 0) throw new LeanReadError(`comment, CDATA or DOCTYPE in ${part}`);
  const pi = xml.indexOf('<?');
  if (pi >= 0) {
    const head = xml.slice(0, pi).replace(/^\uFEFF/, '');
    if (head.trim() !== '' || !/^<\?xml[\s?]/.test(xml.slice(pi, pi + 6))) throw new LeanReadError(`processing instruction in ${part}`);
    if (xml.indexOf('<?', pi + 2) >= 0) throw new LeanReadError(`processing instruction in ${part}`);
  }
}

export type Token =
  | { kind: 'open'; name: string; attrs: string; selfClose: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</y;

/** Tokens of a markup fragment (no comments/CDATA: see assertPlainXml). Text is decoded. */
export function* tokens(fragment: string): Generator<Token> {
  const re = new RegExp(TOKEN);
  let m: RegExpExecArray | null;
  while (re.lastIndex < fragment.length && (m = re.exec(fragment))) {
    if (m[5] !== undefined) yield { kind: 'text', text: decodeText(m[5]) };
    else if (m[2] === undefined) throw new LeanReadError('malformed markup');
    else if (m[1]) {
      if (m[3] || m[4]) throw new LeanReadError('malformed end tag');
      yield { kind: 'close', name: m[2] };
    } else {
      const selfClose = m[4] === '/';
      yield { kind: 'open', name: m[2], attrs: m[3] ?? '', selfClose };
    }
  }
  if (re.lastIndex < fragment.length) throw new LeanReadError('malformed markup');
}

/** A relationship target resolved against the source part's folder (OPC part names, no leading '/'). */
export function resolveTarget(sourceDir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : sourceDir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const dir = dirOf(part);
  return `${dir ? `${dir}/` : ''}_rels/${part.slice(dir ? dir.length + 1 : 0)}.rels`;
}
