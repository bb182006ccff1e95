// 「確認済み」 (like Excel's エラーを無視する): a finding the user reviewed stays quiet until its data changes.
// Pure: the key of a finding is its rule, user, period and a hash of the values of the rows it is about.
import type { SheetGrid } from '../core/import/types.ts';
import type { Finding } from '../core/model/report.ts';

/** 32-bit FNV-1a of a string, as 8 hex digits; two seeds give a 64-bit key. */
function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function hash(text: string): string {
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01234567);
}

/** The values of a grid row (1-based sheet row), '' when outside the grid. */
function rowValues(grid: SheetGrid | undefined, row: number): unknown[] {
  if (!grid) return [];
  return grid.cells[row - (grid.startRow ?? 1)] ?? [];
}

/**
 * The review key of a finding: rule + user + period + a hash of the values of its rows (in row order, sheets
 * by name). Row numbers are not part of it, so inserting rows above keeps a review; editing a row's value drops it.
 * Findings located in a billing CSV add their message (see below).
 */
export function findingKey(f: Finding, grids: ReadonlyMap<string, SheetGrid>): string {
  const rows = [...new Set(f.locations.filter((l) => l.sheet !== undefined && l.row !== undefined).map((l) => `${l.sheet}\u0000${l.row}`))];
  const values = rows
    .map((k) => {
      const [sheet, row] = k.split('\u0000');
      return { sheet: sheet!, row: Number(row) };
    })
    .sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row))
    .map((l) => rowValues(grids.get(l.sheet), l.row));
  const head = [f.ruleId, f.user ?? '', f.period?.from ?? '', f.period?.to ?? ''].join('\u0001');
  // a finding on lines of a billing CSV (no sheet; its bytes are not kept): its message names the file, line
  // and values, so two lines never share a key and a changed billed day drops the review
  if (f.locations.some((l) => l.sheet === undefined && l.file !== undefined)) return `${hash(`${head}\u0001${f.message.ja}`)}.${hash(JSON.stringify(values))}`;
  return `${hash(head)}.${hash(JSON.stringify(values))}`;
}

/** The review key of each finding, computed when first asked (a check may have thousands of findings). */
export function reviewKeys(grids: ReadonlyMap<string, SheetGrid>): (f: Finding) => string {
  const cache = new Map<Finding, string>();
  return (f) => {
    let key = cache.get(f);
    if (key === undefined) cache.set(f, (key = findingKey(f, grids)));
    return key;
  };
}

/** Findings split into those to show and those marked reviewed (no hashing when nothing is reviewed). */
export function splitReviewed(findings: readonly Finding[], keys: readonly string[], keyOf: (f: Finding) => string): { open: Finding[]; reviewed: Finding[] } {
  if (!keys.length) return { open: [...findings], reviewed: [] };
  const set = new Set(keys);
  const open: Finding[] = [];
  const reviewed: Finding[] = [];
  for (const f of findings) (set.has(keyOf(f)) ? reviewed : open).push(f);
  return { open, reviewed };
}
