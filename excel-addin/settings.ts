// The add-in's own data kept in the workbook (one settings key, JSON). Pure: excel-io.ts reads/writes it.
import { CANONICAL_FIELDS, type CanonicalField } from '../core/model/record.ts';

export const SETTINGS_KEY = 'zaitakuCheck';
/**
 * Marker inside our conditional-format formula: the only way our formats are recognised
 * (ConditionalFormat.id is not a stable identity, so no id is stored).
 */
export const CF_MARKER = 'zaitaku-check';
export const CF_FORMULA = `=ISTEXT("${CF_MARKER}")`;
/** Prefix of notes we write (notes have no id: they are found by cell address and this prefix). */
export const NOTE_PREFIX = '[在宅チェック] ';

/** field → column letter, a list of letters for contacts/mode ('F,G'), or '' for "no column" */
export type Mapping = Partial<Record<CanonicalField, string>>;

export interface SheetState {
  /** last known name (sheets are keyed by worksheet id, which survives renames) */
  name: string;
  /** forced column mapping (see Mapping) */
  mapping?: Mapping;
  /** cell addresses of the notes we created */
  notes?: string[];
}

export interface Prefs {
  pack?: string;
  weekStart?: 'mon' | 'sun';
  capacity?: number;
  autoCheck?: boolean;
  notes?: boolean;
  /** findings grouped by rule (default) or by user */
  groupBy?: 'rule' | 'user';
}

export interface AddinStore {
  version: 1;
  prefs: Prefs;
  sheets: Record<string, SheetState>;
  /** keys of findings marked 「確認済み」 (see reviews.ts), oldest first */
  reviewed?: string[];
}

/** At most this many reviewed keys are kept (the oldest are dropped): the settings stay small. */
export const MAX_REVIEWED = 2000;

export function emptyStore(): AddinStore {
  return { version: 1, prefs: {}, sheets: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

function parseMapping(v: unknown): Mapping | undefined {
  if (!isRecord(v)) return undefined;
  const out: Mapping = {};
  for (const field of CANONICAL_FIELDS) {
    const col = v[field];
    if (typeof col === 'string') out[field] = col;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Tolerant parse of whatever is stored (a string from older hosts, or an object); never throws. */
export function parseStore(raw: unknown): AddinStore {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return emptyStore();
    }
  }
  if (!isRecord(value)) return emptyStore();
  const store = emptyStore();
  if (isRecord(value.prefs)) {
    const p = value.prefs;
    if (typeof p.pack === 'string') store.prefs.pack = p.pack;
    if (p.weekStart === 'mon' || p.weekStart === 'sun') store.prefs.weekStart = p.weekStart;
    if (typeof p.capacity === 'number' && Number.isInteger(p.capacity) && p.capacity > 0) store.prefs.capacity = p.capacity;
    if (typeof p.autoCheck === 'boolean') store.prefs.autoCheck = p.autoCheck;
    if (typeof p.notes === 'boolean') store.prefs.notes = p.notes;
    if (p.groupBy === 'rule' || p.groupBy === 'user') store.prefs.groupBy = p.groupBy;
  }
  if (isRecord(value.sheets)) {
    for (const [id, s] of Object.entries(value.sheets)) {
      if (!isRecord(s)) continue;
      const state: SheetState = { name: typeof s.name === 'string' ? s.name : '' };
      const mapping = parseMapping(s.mapping);
      if (mapping) state.mapping = mapping;
      // `highlights` (conditional-format ids) of older versions is dropped: formats are found by their marker
      const notes = strings(s.notes);
      if (notes?.length) state.notes = notes;
      store.sheets[id] = state;
    }
  }
  const reviewed = strings(value.reviewed);
  if (reviewed?.length) store.reviewed = reviewed.slice(-MAX_REVIEWED);
  return store;
}

/** Mark (or, with `on` false, unmark) a finding key as reviewed. */
export function setReviewed(store: AddinStore, key: string, on: boolean): void {
  const list = (store.reviewed ?? []).filter((k) => k !== key);
  if (on) list.push(key);
  if (list.length) store.reviewed = list.slice(-MAX_REVIEWED);
  else delete store.reviewed;
}

/**
 * Worksheet ids can change between sessions, Excel versions or when a workbook is copied, so stored entries
 * are matched to the current sheets (all of them, hidden too) in this order: same id and name; same name
 * (preferred over an id whose stored name differs); same id under a new name (a rename), unless the stored
 * name is another current sheet's. An entry under a current sheet's id that no sheet takes is dropped, so it
 * cannot give that sheet another sheet's mapping; entries of sheets that are gone are kept.
 */
export function adoptSheets(store: AddinStore, sheets: readonly { id: string; name: string }[]): void {
  const entries = store.sheets;
  const taken = new Map<string, string>(); // current id → stored key
  const used = new Set<string>();
  const take = (id: string, key: string) => {
    taken.set(id, key);
    used.add(key);
  };
  for (const s of sheets) if (entries[s.id]?.name === s.name) take(s.id, s.id);
  for (const s of sheets) {
    if (taken.has(s.id)) continue;
    const key = Object.keys(entries).find((k) => !used.has(k) && entries[k]!.name === s.name);
    if (key !== undefined) take(s.id, key);
  }
  const names = new Set(sheets.map((s) => s.name));
  for (const s of sheets) {
    const entry = entries[s.id];
    if (!taken.has(s.id) && !used.has(s.id) && entry && !names.has(entry.name)) take(s.id, s.id);
  }
  const current = new Set(sheets.map((s) => s.id));
  const next: Record<string, SheetState> = {};
  for (const [key, entry] of Object.entries(entries)) if (!used.has(key) && !current.has(key)) next[key] = entry;
  for (const s of sheets) {
    const key = taken.get(s.id);
    if (key !== undefined) next[s.id] = { ...entries[key]!, name: s.name };
  }
  store.sheets = next;
}

export function sheetState(store: AddinStore, id: string, name: string): SheetState {
  const state = (store.sheets[id] ??= { name });
  state.name = name;
  return state;
}

/** Set (or, with column undefined, drop) the forced mapping of one field. */
export function setMapping(store: AddinStore, id: string, name: string, field: CanonicalField, column: string | undefined): void {
  const state = sheetState(store, id, name);
  const mapping: Mapping = { ...state.mapping };
  for (const f of CANONICAL_FIELDS) if (column !== undefined && f !== field && mapping[f] === column) delete mapping[f];
  if (column === undefined) delete mapping[field];
  else mapping[field] = column;
  if (Object.keys(mapping).length) state.mapping = mapping;
  else delete state.mapping;
}

/** Fields that take several columns: their mapping is a list of letters. */
const MULTI_COLUMN: readonly CanonicalField[] = ['contacts', 'mode'];

/** Column letters in a mapping value ('F,G' → ['F', 'G']). */
export function letterList(spec: string | undefined): string[] {
  return spec ? (spec.toUpperCase().match(/[A-Z]+/g) ?? []) : [];
}

function byColumn(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The user sets column `letter` to `field` ('' = not used), given what the last import made of each
 * column (`current`: letter → field, ImportedSheet.columnFields). Not used un-maps the column's field
 * ('' for a one-column field, the remaining columns for contacts/mode); a field of several columns
 * gains the column; the column leaves any other forced field.
 */
export function remapColumn(store: AddinStore, id: string, name: string, current: Readonly<Record<string, CanonicalField>>, letter: string, field: CanonicalField | ''): void {
  const state = sheetState(store, id, name);
  const mapping: Mapping = { ...state.mapping };
  // the columns of a field: its forced list if it has one, else what the import found
  const columnsOf = (f: CanonicalField) => {
    const forced = letterList(state.mapping?.[f]);
    return forced.length ? forced : Object.keys(current).filter((l) => current[l] === f);
  };
  for (const f of CANONICAL_FIELDS) {
    const letters = letterList(mapping[f]);
    if (!letters.includes(letter)) continue;
    const rest = letters.filter((l) => l !== letter);
    if (rest.length) mapping[f] = rest.join(',');
    else delete mapping[f];
  }
  const prev = current[letter];
  if (field === '') {
    if (prev) mapping[prev] = MULTI_COLUMN.includes(prev) ? columnsOf(prev).filter((l) => l !== letter).sort(byColumn).join(',') : '';
  } else if (MULTI_COLUMN.includes(field)) {
    mapping[field] = [...new Set([...columnsOf(field), letter])].sort(byColumn).join(',');
  } else {
    mapping[field] = letter;
  }
  if (Object.keys(mapping).length) state.mapping = mapping;
  else delete state.mapping;
}

/** Forget the forced mapping of a sheet: back to automatic detection. */
export function resetMapping(store: AddinStore, id: string, name: string): void {
  delete sheetState(store, id, name).mapping;
}
