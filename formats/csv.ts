// CSV/TSV bytes → text (UTF-8 with/without BOM, UTF-16 with/without BOM, or Shift_JIS) → rows →
// SheetGrid, with located `input-encoding` / `input-quote` findings. No Node APIs.
import type { Finding } from '../core/model/report.ts';
import type { SheetGrid } from '../core/import/types.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** UTF-16 without a BOM: text files are mostly ASCII (digits, commas, newlines), so every other byte is 0. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length & ~1, 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Valid multi-byte UTF-8 sequences and invalid bytes (to tell UTF-8 with a bad byte from Shift_JIS). */
function utf8Stats(bytes: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      multi++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multi, invalid };
}

/** Decodes text bytes: BOMs, UTF-16 without BOM, UTF-8 (even with a few bad bytes), else Shift_JIS. */
export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const wide = utf16Guess(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide };
  try {
    // ignoreBOM: false (default) strips a UTF-8 BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // a UTF-8 file with a few bad bytes stays UTF-8 (the bad bytes become U+FFFD and are reported)
    const { multi, invalid } = utf8Stats(bytes);
    if (multi >= 1 && invalid <= Math.max(3, multi / 20)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    try {
      return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
    } catch {
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    }
  }
}

/** Decodes CSV bytes to text (see decodeTextBytes). */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextBytes(bytes).text;
}

export interface ParsedText {
  rows: string[][];
  /** quotes that never closed properly: 0-based row and column where the quote stood (read literally) */
  quoteProblems: { row: number; col: number }[];
}

/**
 * RFC 4180 CSV (or TSV with `delimiter` '\t'): quoted fields, doubled quotes, CRLF/LF/CR line ends,
 * newlines inside quotes. A quote that is not closed properly (never, or closed and followed by
 * anything but a delimiter or line end) is read as a literal character and the field ends at its
 * line end, so one stray `"` never swallows the rest of the file.
 */
export function parseDelimited(text: string, delimiter = ','): ParsedText {
  const D = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  const quoteProblems: { row: number; col: number }[] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  if (n > 0 && text.charCodeAt(0) === 0xfeff) i = 1;
  let fieldStart = true;
  /** a quote at this index is read literally (after a failed quoted field) */
  let literalQuoteAt = -1;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 34 && fieldStart && i !== literalQuoteAt) {
      // quoted field: find its end
      const open = i;
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          j = n;
          break;
        }
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        closed = true;
        break;
      }
      const next = j < n ? text.charCodeAt(j) : -1;
      if (closed && (next === -1 || next === D || next === 13 || next === 10)) {
        field = value;
        fieldStart = false;
        i = j;
        continue;
      }
      // unbalanced: read this quote literally and go on from it
      quoteProblems.push({ row: rows.length, col: row.length });
      literalQuoteAt = open;
      i = open;
      fieldStart = true;
      continue;
    }
    if (ch === D) {
      row.push(field);
      field = '';
      fieldStart = true;
      i++;
      continue;
    }
    if (ch === 13 || ch === 10) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
      i += ch === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // plain run up to the next special character
    let j = i + 1;
    while (j < n) {
      const c2 = text.charCodeAt(j);
      if (c2 === D || c2 === 13 || c2 === 10) break;
      j++;
    }
    field += text.slice(i, j);
    fieldStart = false;
    i = j;
  }
  if (!fieldStart || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, quoteProblems };
}

/** RFC 4180 CSV rows (see parseDelimited). */
export function parseCsv(text: string): string[][] {
  return parseDelimited(text, ',').rows;
}

/** Tab or comma: tabs for .tsv and Excel's Unicode text, else whichever the first lines use more. */
export function detectDelimiter(text: string, fileName: string): ',' | '\t' {
  if (/\.tsv$/i.test(fileName)) return '\t';
  const head = text.slice(0, 8192);
  const tabs = head.split('\t').length - 1;
  const commas = head.split(',').length - 1;
  if (/\.txt$/i.test(fileName)) return tabs > 0 || commas === 0 ? '\t' : ',';
  return tabs > commas ? '\t' : ',';
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const ENCODING_LABEL: Record<TextEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', shift_jis: 'Shift_JIS' };

/**
 * A text file as one grid, with `readFindings`: a cell whose bytes do not decode (U+FFFD) is left
 * blank and reported (`input-encoding`), so a garbled name never becomes a new user; an unbalanced
 * quote is reported (`input-quote`) where it stands.
 */
export function textToGrid(bytes: Uint8Array, sheetName: string, file: string): SheetGrid {
  const { text, encoding } = decodeTextBytes(bytes);
  const { rows, quoteProblems } = parseDelimited(text, detectDelimiter(text, file));
  const findings: Finding[] = [];
  const where = (r: number, c: number) => ({ ja: `「${sheetName}」${r + 1}行 ${columnLetter(c + 1)}列`, en: `"${sheetName}" row ${r + 1}, column ${columnLetter(c + 1)}` });
  const finding = (ruleId: string, r: number, c: number, message: { ja: string; en: string }): Finding => ({
    ruleId,
    severity: 'warning',
    outcome: 'incomplete',
    pack: 'national',
    locations: [{ file, sheet: sheetName, row: r + 1, column: columnLetter(c + 1) }],
    message,
    source: '',
  });
  const cells = rows.map((r, ri) =>
    r.map((v, ci) => {
      if (v === '') return null;
      if (v.includes('\ufffd')) {
        const w = where(ri, ci);
        const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
        findings.push(
          finding('input-encoding', ri, ci, {
            ja: `${w.ja}の「${shown}」は文字化けしていて読めません（${ENCODING_LABEL[encoding]} として読みました）。この値は空として扱いました。ファイルを UTF-8 または Shift_JIS で保存し直してください。`,
            en: `${w.en}: "${shown}" does not decode (read as ${ENCODING_LABEL[encoding]}) and was taken as blank. Save the file again as UTF-8 or Shift_JIS.`,
          }),
        );
        return null;
      }
      return v;
    }),
  );
  for (const q of quoteProblems) {
    const w = where(q.row, q.col);
    findings.push(
      finding('input-quote', q.row, q.col, {
        ja: `${w.ja}の引用符（"）が閉じていません。この " を文字として読み、次の行から読み直しました。値を確認してください。`,
        en: `${w.en}: a quote (") is not closed. It was read as a character and reading went on at the next line. Check the value.`,
      }),
    );
  }
  const grid: SheetGrid = { name: sheetName, file, cells, text: cells.map((r) => r.map((v) => v ?? undefined)), startRow: 1, startCol: 1 };
  if (findings.length) grid.readFindings = findings;
  return grid;
}

/** A CSV file as a SheetGrid (all cells are strings; empty cells become null). */
export function csvToGrid(name: string, bytes: Uint8Array, file?: string): SheetGrid {
  const rows = parseCsv(decodeText(bytes));
  const cells = rows.map((r) => r.map((v) => (v === '' ? null : v)));
  const grid: SheetGrid = { name, cells };
  if (file !== undefined) grid.file = file;
  return grid;
}
