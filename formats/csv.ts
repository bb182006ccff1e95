// CSV bytes → text (UTF-8 with/without BOM, or Shift_JIS) → rows → SheetGrid. No Node APIs.
import type { SheetGrid } from '../core/import/types.ts';

/** Decodes CSV bytes: UTF-8 (BOM optional) when valid, otherwise Shift_JIS (Windows-31J). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // ignoreBOM: false (default) strips a UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('shift_jis').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF/LF/CR line ends, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  if (n > 0 && text.charCodeAt(0) === 0xfeff) i = 1;
  let inQuotes = false;
  let fieldStart = true;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (inQuotes) {
      if (ch === 34 /* " */) {
        if (i + 1 < n && text.charCodeAt(i + 1) === 34) {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === 34 && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      i++;
      continue;
    }
    if (ch === 44 /* , */) {
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
    // Plain run up to the next special character.
    let j = i + 1;
    while (j < n) {
      const c2 = text.charCodeAt(j);
      if (c2 === 44 || c2 === 13 || c2 === 10) break;
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
  return rows;
}

/** A CSV file as a SheetGrid (all cells are strings; empty cells become null). */
export function csvToGrid(name: string, bytes: Uint8Array, file?: string): SheetGrid {
  const rows = parseCsv(decodeText(bytes));
  const cells = rows.map((r) => r.map((v) => (v === '' ? null : v)));
  const grid: SheetGrid = { name, cells };
  if (file !== undefined) grid.file = file;
  return grid;
}
