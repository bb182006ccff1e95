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
