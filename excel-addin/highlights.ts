// Pure planning of row highlights from findings: which rows, which colour, coalesced runs.
import type { Finding } from '../core/model/report.ts';
import type { Tone } from '../core/engine/row-tones.ts';

export { findingTone, rowTones, type Tone } from '../core/engine/row-tones.ts';

export interface RowRun {
  tone: Tone;
  /** first and last 1-based row, inclusive */
  from: number;
  to: number;
}

export interface RowNote {
  row: number;
  text: string;
}

/** Contiguous rows of the same tone coalesced into one run, in row order. */
export function coalesceRows(tones: ReadonlyMap<number, Tone>): RowRun[] {
  const rows = [...tones.keys()].sort((a, b) => a - b);
  const runs: RowRun[] = [];
  for (const row of rows) {
    const tone = tones.get(row)!;
    const last = runs[runs.length - 1];
    if (last && last.tone === tone && last.to === row - 1) last.to = row;
    else runs.push({ tone, from: row, to: row });
  }
  return runs;
}

/**
 * Longest multi-area address we give one conditional format. No limit is documented for RangeAreas; 8,000
 * characters stays under Excel's 8,192-character formula limit, so a 30,000-row sheet needs a few formats per colour.
 */
export const MAX_AREA_ADDRESS = 8000;

/** Runs of each tone as multi-area addresses over columns first..last ("A3:L5,A9:L9"), split at `maxChars`. */
export function toneAreas(runs: readonly RowRun[], first: string, last: string, maxChars = MAX_AREA_ADDRESS): { tone: Tone; address: string }[] {
  const out: { tone: Tone; address: string }[] = [];
  for (const tone of ['error', 'warning'] as const) {
    let parts: string[] = [];
    let length = 0;
    for (const run of runs) {
      if (run.tone !== tone) continue;
      const area = `${first}${run.from}:${last}${run.to}`;
      if (parts.length && length + 1 + area.length > maxChars) {
        out.push({ tone, address: parts.join(',') });
        parts = [];
        length = 0;
      }
      length += (parts.length ? 1 : 0) + area.length;
      parts.push(area);
    }
    if (parts.length) out.push({ tone, address: parts.join(',') });
  }
  return out;
}

/**
 * The findings with only their worksheet locations, for colouring and notes: a line of a billing CSV (a file
 * beside the workbook, no sheet) never marks a worksheet row, whatever its line number.
 */
export function worksheetFindings(findings: readonly Finding[], billingFiles: ReadonlySet<string>): Finding[] {
  if (billingFiles.size === 0) return [...findings];
  const onSheet = (l: Finding['locations'][number]) => l.sheet !== undefined && !(l.file !== undefined && billingFiles.has(l.file));
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.locations.every(onSheet)) out.push(f);
    else if (f.locations.some(onSheet)) out.push({ ...f, locations: f.locations.filter(onSheet) });
  }
  return out;
}

/** One note text per affected row: the Japanese messages of its findings. */
export function rowNotes(findings: readonly Finding[], sheet: string, maxLength = 1000): RowNote[] {
  const byRow = new Map<number, string[]>();
  for (const f of findings) {
    for (const loc of f.locations) {
      if (loc.sheet !== sheet || loc.row === undefined) continue;
      const list = byRow.get(loc.row) ?? [];
      if (!list.includes(f.message.ja)) list.push(f.message.ja);
      byRow.set(loc.row, list);
    }
  }
  return [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, msgs]) => ({ row, text: msgs.map((m) => `・${m}`).join('\n').slice(0, maxLength) }));
}

/** Column letters ↔ 1-based numbers. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "Sheet1!B3:K40" → 1-based bounds; undefined for an unparsable address. */
export function parseAddress(address: string): { row: number; col: number; lastRow: number; lastCol: number } | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(local);
  if (!m) return undefined;
  const col = columnNumber(m[1]!);
  const row = Number(m[2]);
  return { row, col, lastRow: m[4] ? Number(m[4]) : row, lastCol: m[3] ? columnNumber(m[3]) : col };
}
