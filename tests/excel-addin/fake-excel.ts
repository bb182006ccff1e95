// A small in-repo fake of the Excel JavaScript API: proxies queue loads and writes, `sync` runs them.
// Reading a property that was not loaded and synced throws, like Office.js. Spies count syncs and cell writes.
/* eslint-disable @typescript-eslint/no-explicit-any */

type Cell = string | number | boolean;

export interface FakeCf {
  id: string;
  type: string;
  address: string;
  formula?: string;
  fill?: string;
  /** created by the test as "the user's own" */
  user?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden';
  /** values from A1 */
  values: Cell[][];
  /** display text from A1 (defaults to String(value)) */
  text?: string[][];
  cfs: FakeCf[];
  notes: Map<string, string>;
  handlers: ((e: any) => unknown)[];
  /** protected sheet: conditional formats and notes cannot be added or deleted (AccessDenied) */
  protected?: boolean;
}

export interface FakeSpec {
  sheets: { name: string; values: Cell[][]; text?: string[][] }[];
  active?: string;
  settings?: Record<string, unknown>;
  /** the workbook uses the 1904 date system */
  date1904?: boolean;
  /** the host knows Workbook.use1904DateSystem (a preview API); loading it otherwise fails the sync */
  host1904?: boolean;
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  activeId: string;
  selection?: { sheet: string; address: string };
  syncs = 0;
  /** every attempt to write a cell value/formula/format outside conditional formats */
  cellWrites: string[] = [];
  /** largest response of one sync (UTF-8 bytes of the loaded values as JSON), measured when `measurePayload` is on */
  maxPayload = 0;
  measurePayload = false;
  /** like Excel on the web: a sync whose response is over this many bytes fails with ResponsePayloadSizeLimitExceeded */
  responseLimit?: number;
  /** syncs that failed on `responseLimit` */
  payloadFailures = 0;
  /** the code of that failure (the web may say GeneralException, "An internal error has occurred") */
  payloadErrorCode = 'ResponsePayloadSizeLimitExceeded';
  /** rows asked by each sync that loaded a range's values, in order (failed syncs too) */
  blockRows: number[] = [];
  /** a view-only / read-only workbook: every write fails with AccessDenied */
  readOnly = false;
  /** longest address a range may have (a multi-area address over it fails with InvalidArgument) */
  maxAddressChars = 8192;
  /** Excel.run calls with mergeUndoGroup, and those without */
  undoGroups = 0;
  plainRuns = 0;
  /** make Excel.run with mergeUndoGroup fail with UndoNotSupported */
  undoNotSupported = false;
  /** the next sync fails with this error code (once) */
  failNextSync?: string;
  date1904: boolean;
  host1904: boolean;
  private nextCf = 1;

  constructor(spec: FakeSpec) {
    this.date1904 = spec.date1904 === true;
    this.host1904 = spec.host1904 !== false;
    spec.sheets.forEach((s, i) =>
      this.sheets.push({ id: `{sheet-${i + 1}}`, name: s.name, visibility: 'Visible', values: s.values, text: s.text, cfs: [], notes: new Map(), handlers: [] }),
    );
    this.activeId = (this.sheets.find((s) => s.name === spec.active) ?? this.sheets[0])!.id;
    for (const [k, v] of Object.entries(spec.settings ?? {})) this.settings.set(k, v);
  }

  newCfId(): string {
    return `{cf-${this.nextCf++}}`;
  }
  sheetByName(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw fakeError('ItemNotFound', `sheet ${name}`);
    return s;
  }
  active(): FakeSheet {
    return this.sheets.find((s) => s.id === this.activeId)!;
  }
  /** a user edit: sets a value and fires onChanged */
  edit(sheetName: string, row: number, col: number, value: Cell, triggerSource = 'Unknown'): void {
    const s = this.sheetByName(sheetName);
    while (s.values.length < row) s.values.push([]);
    const r = s.values[row - 1]!;
    while (r.length < col) r.push('');
    r[col - 1] = value;
    if (s.text) s.text = undefined;
    for (const h of s.handlers) void h({ worksheetId: s.id, address: `${colLetter(col)}${row}`, triggerSource, changeType: 'RangeEdited' });
  }
  /** a conditional format the user made (must survive our clear) */
  addUserCf(sheetName: string, address: string, fill = '#00FF00'): FakeCf {
    const cf: FakeCf = { id: this.newCfId(), type: 'Custom', address, formula: '=$A1>0', fill, user: true };
    this.sheetByName(sheetName).cfs.push(cf);
    return cf;
  }
}

/** UTF-8 bytes of a string (TextEncoder exists in Node and the browser). */
const encoder = new TextEncoder();
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

/** Sub-properties asked for under `prefix` ('items/id' → 'id'); undefined when all are (load() without a list). */
function subProps(props: string[], prefix: string): Set<string> | undefined {
  if (props.length === 0 || props.includes(prefix)) return undefined;
  const out = new Set<string>();
  for (const p of props) if (p.startsWith(`${prefix}/`)) out.add(p.slice(prefix.length + 1));
  return out;
}

/**
 * A collection item holding only the loaded properties: those are own enumerable data (what JSON and the
 * payload count see); reading a known property that was not loaded throws PropertyNotLoaded.
 */
function loadedItem(all: Record<string, unknown>, wanted: (key: string) => boolean): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) {
    if (wanted(k)) item[k] = v;
    else Object.defineProperty(item, k, { enumerable: false, get: () => { throw fakeError('PropertyNotLoaded', k); } });
  }
  return item;
}

function fakeError(code: string, msg: string): Error {
  const e = new Error(`${code}: ${msg}`);
  (e as any).code = code;
  return e;
}

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
function colNumber(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function parseA1(addr: string): { r1: number; c1: number; r2: number; c2: number } {
  const local = addr.slice(addr.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(local);
  if (!m) throw fakeError('InvalidArgument', `address ${addr}`);
  const c1 = colNumber(m[1]!);
  const r1 = Number(m[2]);
  return { r1, c1, r2: m[4] ? Number(m[4]) : r1, c2: m[3] ? colNumber(m[3]) : c1 };
}
const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

/** Properties readable only after load + sync. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  protected requested = new Set<string>();
  constructor(protected ctx: FakeContext) {}
  protected get$(name: string): any {
    if (!this.loaded.has(name)) throw fakeError('PropertyNotLoaded', name);
    return this.loaded.get(name);
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : [];
    for (const p of list) this.requested.add(p.trim());
    this.ctx.enqueue(() => this.resolve([...this.requested]));
    return this;
  }
  protected resolve(_props: string[]): void {}
  /** `counted` is what goes into the response (defaults to the value itself) */
  protected set$(name: string, value: unknown, counted: unknown = value): void {
    this.loaded.set(name, value);
    this.ctx.account(counted, () => this.loaded.delete(name));
  }
}

export class FakeContext {
  private queue: (() => void)[] = [];
  private payload = 0;
  private undo: (() => void)[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly state: FakeWorkbookState) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: () => void): void {
    this.queue.push(op);
  }
  account(value: unknown, undo: () => void): void {
    this.undo.push(undo);
    if (this.state.measurePayload || this.state.responseLimit !== undefined) this.payload += utf8Bytes(JSON.stringify(value ?? null));
  }
  async sync(): Promise<void> {
    this.state.syncs += 1;
    if (this.state.failNextSync) {
      const code = this.state.failNextSync;
      this.state.failNextSync = undefined;
      this.queue = [];
      throw fakeError(code, 'injected failure');
    }
    this.payload = 0;
    this.undo = [];
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
    const limit = this.state.responseLimit;
    if (limit !== undefined && this.payload > limit) {
      // nothing of a failed request is loaded (reads only: writes are not rolled back)
      for (const u of this.undo) u();
      this.state.payloadFailures += 1;
      throw fakeError(this.state.payloadErrorCode, `response of ${this.payload} bytes over ${limit}`);
    }
    this.state.maxPayload = Math.max(this.state.maxPayload, this.payload);
  }
}

export class FakeWorkbook extends Loadable {
  readonly settings: FakeSettings;
  readonly worksheets: FakeWorksheets;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.settings = new FakeSettings(ctx);
    this.worksheets = new FakeWorksheets(ctx);
  }
  protected override resolve(props: string[]): void {
    if (props.includes('use1904DateSystem')) {
      if (!this.ctx.state.host1904) throw fakeError('ApiNotFound', 'use1904DateSystem');
      this.set$('use1904DateSystem', this.ctx.state.date1904);
    }
  }
  get use1904DateSystem(): boolean {
    return this.get$('use1904DateSystem');
  }
}

/** An Office.js library without the preview property (the production CDN today). */
export class FakeWorkbookWithout1904 {}

class FakeSettings {
  constructor(private ctx: FakeContext) {}
  getItemOrNullObject(key: string) {
    return new FakeSetting(this.ctx, key);
  }
  add(key: string, value: unknown) {
    this.ctx.enqueue(() => {
      if (this.ctx.state.readOnly) throw fakeError('AccessDenied', 'read-only workbook');
      this.ctx.state.settings.set(key, value);
    });
  }
}

class FakeSetting extends Loadable {
  constructor(ctx: FakeContext, private key: string) {
    super(ctx);
  }
  get isNullObject(): boolean {
    return this.get$('isNullObject');
  }
  get value(): unknown {
    return this.get$('value');
  }
  protected override resolve(): void {
    const has = this.ctx.state.settings.has(this.key);
    this.set$('isNullObject', !has);
    this.set$('value', has ? this.ctx.state.settings.get(this.key) : undefined);
  }
}

class FakeWorksheets extends Loadable {
  getActiveWorksheet() {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.active());
  }
  getItem(name: string) {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheetByName(name));
  }
  get items(): FakeWorksheet[] {
    return this.get$('items');
  }
  protected override resolve(props: string[]): void {
    const wanted = subProps(props, 'items');
    const items = this.ctx.state.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, () => s);
      ws.fill(wanted);
      return ws;
    });
    this.set$('items', items, items.map((ws) => ws.loadedData()));
  }
}

class FakeWorksheet extends Loadable {
  readonly onChanged: { add: (h: (e: any) => unknown) => any };
  constructor(ctx: FakeContext, private target: () => FakeSheet) {
    super(ctx);
    this.onChanged = {
      add: (h) => {
        ctx.enqueue(() => target().handlers.push(h));
        return { context: ctx, remove: () => ctx.enqueue(() => (target().handlers = target().handlers.filter((x) => x !== h))) };
      },
    };
  }
  /** sets the asked properties (all when `wanted` is undefined); collection items are counted by the collection */
  fill(wanted?: Set<string>, count = false): void {
    const s = this.target();
    const put = (k: string, v: unknown) => {
      if (wanted && !wanted.has(k)) return;
      if (count) this.set$(k, v);
      else this.loaded.set(k, v);
    };
    put('id', s.id);
    put('name', s.name);
    put('visibility', s.visibility);
    if (!wanted || [...wanted].some((w) => w === 'protection' || w.startsWith('protection/'))) {
      const protection = { protected: s.protected === true };
      if (count) this.set$('protection', protection);
      else this.loaded.set('protection', protection);
    }
  }
  get protection(): { protected: boolean } {
    return this.get$('protection');
  }
  loadedData(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
  protected override resolve(props: string[]): void {
    this.fill(props.length ? new Set(props) : undefined, true);
  }
  get id(): string {
    return this.get$('id');
  }
  get name(): string {
    return this.get$('name');
  }
  get visibility(): string {
    return this.get$('visibility');
  }
  get notes() {
    return new FakeNotes(this.ctx, this.target);
  }
  activate(): void {
    this.ctx.enqueue(() => (this.ctx.state.activeId = this.target().id));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean) {
    return new FakeRange(this.ctx, this.target, 'used');
  }
  getRange(address?: string) {
    return new FakeRange(this.ctx, this.target, address ?? 'all');
  }
  getRanges(address: string) {
    return new FakeRange(this.ctx, this.target, address);
  }
}

class FakeRange extends Loadable {
  constructor(ctx: FakeContext, private sheet: () => FakeSheet, private where: string) {
    super(ctx);
  }
  private bounds(): { r1: number; c1: number; r2: number; c2: number } | undefined {
    const s = this.sheet();
    if (this.where === 'all') return { r1: 1, c1: 1, r2: 1048576, c2: 16384 };
    if (this.where !== 'used') return parseA1(this.where);
    let r1 = Infinity, c1 = Infinity, r2 = 0, c2 = 0;
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (isEmpty(v)) return;
        r1 = Math.min(r1, i + 1); r2 = Math.max(r2, i + 1);
        c1 = Math.min(c1, j + 1); c2 = Math.max(c2, j + 1);
      }),
    );
    return r2 ? { r1, c1, r2, c2 } : undefined;
  }
  protected override resolve(props: string[]): void {
    const b = this.bounds();
    this.set$('isNullObject', !b);
    if (!b) return;
    const s = this.sheet();
    const address = `${s.name}!${colLetter(b.c1)}${b.r1}:${colLetter(b.c2)}${b.r2}`;
    if (props.includes('address')) this.set$('address', address);
    if (props.includes('rowCount')) this.set$('rowCount', b.r2 - b.r1 + 1);
    if (props.includes('columnCount')) this.set$('columnCount', b.c2 - b.c1 + 1);
    const grid = (text: boolean) => {
      const out: Cell[][] = [];
      for (let r = b.r1; r <= b.r2; r++) {
        const row: Cell[] = [];
        for (let c = b.c1; c <= b.c2; c++) {
          const v = s.values[r - 1]?.[c - 1];
          const t = s.text?.[r - 1]?.[c - 1];
          row.push(text ? (t ?? (isEmpty(v) ? '' : String(v))) : isEmpty(v) ? '' : v!);
        }
        out.push(row);
      }
      return out;
    };
    if (props.includes('values') && this.where !== 'used' && this.where !== 'all') this.ctx.state.blockRows.push(b.r2 - b.r1 + 1);
    if (props.includes('values')) this.set$('values', grid(false));
    if (props.includes('text')) this.set$('text', grid(true));
  }
  get isNullObject(): boolean {
    return this.get$('isNullObject');
  }
  get address(): string {
    return this.get$('address');
  }
  get rowCount(): number {
    return this.get$('rowCount');
  }
  get columnCount(): number {
    return this.get$('columnCount');
  }
  get values(): Cell[][] {
    return this.get$('values');
  }
  set values(_v: Cell[][]) {
    this.ctx.state.cellWrites.push(`values ${this.where}`);
  }
  get text(): string[][] {
    return this.get$('text');
  }
  set formulas(_v: unknown) {
    this.ctx.state.cellWrites.push(`formulas ${this.where}`);
  }
  set numberFormat(_v: unknown) {
    this.ctx.state.cellWrites.push(`numberFormat ${this.where}`);
  }
  get format(): unknown {
    const writes = this.ctx.state.cellWrites;
    const where = this.where;
    return new Proxy({}, { get: () => new Proxy({}, { set: (_t, p) => (writes.push(`format.${String(p)} ${where}`), true) }), set: (_t, p) => (writes.push(`format.${String(p)} ${where}`), true) });
  }
  clear(): void {
    this.ctx.state.cellWrites.push(`clear ${this.where}`);
  }
  select(): void {
    this.ctx.enqueue(() => (this.ctx.state.selection = { sheet: this.sheet().name, address: this.where }));
  }
  get conditionalFormats() {
    return new FakeCfCollection(this.ctx, this.sheet, this.where);
  }
}

class FakeCfCollection extends Loadable {
  constructor(ctx: FakeContext, private sheet: () => FakeSheet, private where: string) {
    super(ctx);
  }
  protected override resolve(props: string[]): void {
    const wanted = subProps(props, 'items');
    const custom = wanted ? subProps([...wanted], 'customOrNullObject') : undefined;
    const has = (k: string) => !wanted || wanted.has(k) || [...wanted].some((w) => w.startsWith(`${k}/`));
    const sheet = this.sheet;
    const ctx = this.ctx;
    const withDelete = (item: Record<string, unknown>, cf: FakeCf) => {
      // ConditionalFormat.delete() on the loaded object itself: no id involved
      Object.defineProperty(item, 'delete', {
        enumerable: false,
        value: () =>
          ctx.enqueue(() => {
            const s = sheet();
            if (s.protected || ctx.state.readOnly) throw fakeError('AccessDenied', 'protected');
            const i = s.cfs.indexOf(cf);
            if (i < 0) throw fakeError('ItemNotFound', 'conditional format');
            s.cfs.splice(i, 1);
          }),
      });
      return item;
    };
    this.set$(
      'items',
      this.sheet().cfs.map((cf) => withDelete(
        loadedItem(
          {
            id: cf.id,
            type: cf.type,
            customOrNullObject:
              cf.type !== 'Custom'
                ? { isNullObject: true }
                : { isNullObject: false, ...(!custom || custom.has('rule/formula') || custom.has('rule') ? { rule: { formula: cf.formula } } : {}) },
          },
          has,
        ), cf),
      ),
    );
  }
  get items(): any[] {
    return this.get$('items');
  }
  getItem(id: string) {
    const ctx = this.ctx;
    const sheet = this.sheet;
    return {
      delete: () =>
        ctx.enqueue(() => {
          const s = sheet();
          if (s.protected || ctx.state.readOnly) throw fakeError('AccessDenied', 'protected');
          // like Excel: ids are not unique, the first format with the id goes
          const i = s.cfs.findIndex((c) => c.id === id);
          if (i < 0) throw fakeError('ItemNotFound', `conditional format ${id}`);
          s.cfs.splice(i, 1);
        }),
    };
  }
  add(type: string) {
    if (this.where === 'all' || this.where === 'used') throw fakeError('InvalidArgument', 'add on whole sheet');
    const cf: FakeCf = { id: '', type, address: this.where };
    const ctx = this.ctx;
    ctx.enqueue(() => {
      if (this.sheet().protected || ctx.state.readOnly) throw fakeError('AccessDenied', 'protected sheet');
      if (this.where.length > ctx.state.maxAddressChars) throw fakeError('InvalidArgument', 'address too long');
      for (const area of this.where.split(',')) parseA1(area);
      cf.id = ctx.state.newCfId();
      this.sheet().cfs.push(cf);
    });
    return new FakeCfProxy(ctx, cf);
  }
}

class FakeCfProxy extends Loadable {
  readonly custom: { rule: { formula?: string }; format: { fill: { color?: string } } };
  constructor(ctx: FakeContext, private cf: FakeCf) {
    super(ctx);
    this.custom = {
      rule: { set formula(f: string) { cf.formula = f; } } as { formula?: string },
      format: { fill: { set color(c: string) { cf.fill = c; } } as { color?: string } },
    };
  }
  protected override resolve(): void {
    this.set$('id', this.cf.id);
  }
  get id(): string {
    return this.get$('id');
  }
}

class FakeNotes {
  constructor(private ctx: FakeContext, private sheet: () => FakeSheet) {}
  getItemOrNullObject(address: string) {
    return new FakeNote(this.ctx, this.sheet, address);
  }
  getItem(address: string) {
    return new FakeNote(this.ctx, this.sheet, address, true);
  }
  add(address: string, content: string) {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (s.protected || this.ctx.state.readOnly) throw fakeError('AccessDenied', 'protected sheet');
      if (s.notes.has(address)) throw fakeError('InvalidArgument', `note exists at ${address}`);
      s.notes.set(address, content);
    });
  }
}

class FakeNote extends Loadable {
  constructor(ctx: FakeContext, private sheet: () => FakeSheet, private address: string, private strict = false) {
    super(ctx);
  }
  protected override resolve(): void {
    const content = this.sheet().notes.get(this.address);
    this.set$('isNullObject', content === undefined);
    this.set$('content', content ?? '');
  }
  get isNullObject(): boolean {
    return this.get$('isNullObject');
  }
  get content(): string {
    return this.get$('content');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      if (!this.sheet().notes.delete(this.address) && this.strict) throw fakeError('ItemNotFound', `note ${this.address}`);
    });
  }
}

export interface FakeOfficeOptions {
  displayLanguage?: string;
  /** highest ExcelApi minor version supported (e.g. 18 for 1.18) */
  excelApi?: number;
  platform?: string;
  /** the loaded Office.js defines Workbook.use1904DateSystem (default: no, like the production CDN) */
  lib1904?: boolean;
  /** Office.context.officeTheme (absent by default, like Excel on the web in some builds) */
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string; isDarkTheme?: boolean };
}

/** Globals `Office` and `Excel` backed by a fake workbook (for the task pane in a browser). */
export function makeFakeOffice(state: FakeWorkbookState, opts: FakeOfficeOptions = {}) {
  const excelApi = opts.excelApi ?? 18;
  const Office = {
    context: {
      displayLanguage: opts.displayLanguage ?? 'ja-JP',
      diagnostics: { platform: opts.platform ?? 'PC' },
      officeTheme: opts.officeTheme,
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          if (name !== 'ExcelApi') return false;
          const minor = Number(String(version ?? '1.1').split('.')[1] ?? 1);
          return minor <= excelApi;
        },
      },
    },
    HostType: { Excel: 'Excel' },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: opts.platform ?? 'PC' };
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
  };
  const Excel = {
    Workbook: opts.lib1904 ? FakeWorkbook : FakeWorkbookWithout1904,
    ConditionalFormatType: { custom: 'Custom' },
    run: async (a: any, b?: any) => {
      const fn = typeof a === 'function' ? a : b;
      if (typeof a === 'object' && a?.mergeUndoGroup) {
        if (excelApi < 20) throw fakeError('InvalidArgument', 'mergeUndoGroup needs ExcelApi 1.20');
        if (state.undoNotSupported) throw fakeError('UndoNotSupported', 'cannot group');
        state.undoGroups += 1;
      } else state.plainRuns += 1;
      const ctx = new FakeContext(state);
      const result = await fn(ctx);
      await ctx.sync();
      state.syncs -= 1; // Excel.run's own final flush is not the add-in's sync
      return result;
    },
  };
  return { Office, Excel };
}
