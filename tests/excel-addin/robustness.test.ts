// Review fixes: clearing loads no cell, adaptive row blocks on the web, letter mappings without a header,
// stored entries matched to the right sheet after ids change, and the sync counts check-run.ts states.
import { describe, expect, it } from 'vitest';
import { checkInWorkbook } from '../../excel-addin/check-run.ts';
import { applyHighlights, clearHighlights, isPayloadError, jsonBytes, maybePayloadError, PROBE_ROWS, readWorkbook, WEB_PAYLOAD_LIMIT } from '../../excel-addin/excel-io.ts';
import { adoptSheets, emptyStore, parseStore, SETTINGS_KEY, type AddinStore } from '../../excel-addin/settings.ts';
import { FakeContext, FakeWorkbookState, utf8Bytes } from './fake-excel.ts';
import { attendanceSheet } from './fixture.ts';

type Cell = string | number;
const ctxOf = (state: FakeWorkbookState) => new FakeContext(state) as unknown as Excel.RequestContext;
const HEADER = ['日付', '利用者名', '利用形態', '連絡1', '連絡2', '日報', '備考'];
const LONG = '本日は在宅で作業を行いました。午前は検品、午後はデータ入力。体調は良好とのこと。'.repeat(3);

/** `n` records; rows in `long` carry a long Japanese 備考. */
function sheet(n: number, long: (i: number) => boolean = () => true): Cell[][] {
  const rows: Cell[][] = [HEADER];
  for (let i = 0; i < n; i++) rows.push([46296 + (i % 28), `利用者${i % 7}`, '在宅', '9:00 電話', '15:00 メール', '○', long(i) ? `${i} ${LONG}` : '']);
  return rows;
}
const stored = (sheets: Record<string, { name: string; mapping?: Record<string, string> }>) => ({ [SETTINGS_KEY]: JSON.stringify({ version: 1, prefs: {}, sheets }) });

/** 3,000 short rows, then 3,000 long ones, read on the web with a host that refuses responses over 110 kB. */
async function readShortThenLong() {
  const values = sheet(6000, (i) => i >= 3000);
  const state = new FakeWorkbookState({ sheets: [{ name: '10月', values }] });
  state.responseLimit = 110_000;
  const read = await readWorkbook(ctxOf(state), 'active', { payloadLimit: 100_000 });
  return { values, state, read };
}

describe('fake Excel is honest about payloads and loads', () => {
  it('measures UTF-8 bytes of the JSON, not UTF-16 characters', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: 'S', values: [['在宅在宅在宅在宅']] }] });
    state.measurePayload = true;
    const ctx = new FakeContext(state);
    const range = ctx.workbook.worksheets.getItem('S').getRange('A1');
    range.load('values');
    await ctx.sync();
    // [["在宅在宅在宅在宅"]]: 8 kanji × 3 bytes + 6 ASCII, plus isNullObject `false` (5); UTF-16 would say 19
    expect(state.maxPayload).toBe(8 * 3 + 6 + 5);
  });

  it('collection items hold only the loaded properties', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: 'S', values: [['x']] }] });
    state.addUserCf('S', 'A1:A2');
    const ctx = new FakeContext(state);
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    const cfs = ctx.workbook.worksheets.getItem('S').getRange().conditionalFormats;
    cfs.load('items/id');
    await ctx.sync();
    expect(sheets.items[0]!.name).toBe('S');
    expect(() => sheets.items[0]!.id).toThrow(/PropertyNotLoaded/);
    expect(cfs.items[0]!.id).toMatch(/^\{cf-/);
    expect(() => cfs.items[0]!.type).toThrow(/PropertyNotLoaded/);
    expect(JSON.stringify(cfs.items[0])).toBe(`{"id":"${cfs.items[0]!.id}"}`);
  });

  it('a response over responseLimit fails with ResponsePayloadSizeLimitExceeded and loads nothing', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: 'S', values: sheet(50) }] });
    state.responseLimit = 1000;
    const ctx = new FakeContext(state);
    const range = ctx.workbook.worksheets.getItem('S').getRange('A1:G50');
    range.load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    expect(state.payloadFailures).toBe(1);
  });
});

describe('clearHighlights', () => {
  it('loads no cell value or text, however big the workbook', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheet(4000) }, { name: '11月', values: sheet(4000) }] });
    const read = await readWorkbook(ctxOf(state), 'all');
    await applyHighlights(ctxOf(state), read.sheets.map((s) => ({ sheet: s, runs: [{ tone: 'error' as const, from: 3, to: 5 }] })), read.store);
    state.measurePayload = true;
    state.maxPayload = 0;
    state.syncs = 0;
    const result = await clearHighlights(ctxOf(state), 'all', { notes: true });
    expect(result.formats).toBe(2);
    expect(state.sheets.map((s) => s.cfs.length)).toEqual([0, 0]);
    expect(state.syncs).toBe(3);
    // the workbook holds megabytes of text; the biggest clear response is the settings and format list
    expect(state.maxPayload).toBeLessThan(5_000);
  });
});

describe('row blocks on Excel on the web', () => {
  it('isPayloadError knows the payload codes (also in debugInfo); jsonBytes counts UTF-8 bytes', () => {
    expect(isPayloadError({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
    expect(isPayloadError({ code: 'GeneralException', debugInfo: { code: 'RequestPayloadSizeLimitExceeded' } })).toBe(true);
    expect(isPayloadError({ code: 'ItemNotFound' })).toBe(false);
    expect(isPayloadError(new Error('x'))).toBe(false);
    expect(isPayloadError(undefined)).toBe(false);
    expect(jsonBytes('在宅')).toBe(8);
    expect(jsonBytes(['a', 1])).toBe(7);
    expect(jsonBytes('𠮷')).toBe(6);
    expect(jsonBytes([['在宅', 'x𠮷']])).toBe(utf8Bytes(JSON.stringify([['在宅', 'x𠮷']])));
  });

  it('long Japanese 備考 on every row: blocks shrink to fit and every row is read', async () => {
    const values = sheet(3000);
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values }] });
    // our budget 100 kB, the host refuses responses over 110 kB (as 4 MB vs 5 MB on the web)
    state.responseLimit = 110_000;
    const read = await readWorkbook(ctxOf(state), 'active', { payloadLimit: 100_000 });
    expect(read.sheets[0]!.grid.cells).toEqual(values);
    expect(read.sheets[0]!.grid.text!.map((r) => r[6])).toEqual(values.map((r) => String(r[6])));
    // the first block is a small probe; later ones are sized from measured bytes: nothing is refused
    expect(state.payloadFailures).toBe(0);
    expect(state.maxPayload).toBeLessThanOrEqual(110_000);
    const rowBytes = utf8Bytes(JSON.stringify(values[10])) * 2;
    expect(state.syncs).toBeLessThan(2 + Math.ceil((3000 * rowBytes) / 100_000) * 1.3);
  });

  it('short rows then long ones: the block that meets the long rows is halved until it fits', async () => {
    const { values, state, read } = await readShortThenLong();
    expect(read.sheets[0]!.grid.cells).toEqual(values);
    expect(read.sheets[0]!.grid.text!.length).toBe(6001);
    expect(state.payloadFailures).toBeGreaterThan(0);
    expect(state.payloadFailures).toBeLessThan(8);
  });

  it('one row over the host limit fails with the payload error instead of looping', async () => {
    const values: Cell[][] = [HEADER, [46296, '山田', '在宅', '', '', '', LONG.repeat(40)]];
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values }] });
    state.responseLimit = 2_000;
    await expect(readWorkbook(ctxOf(state), 'active', { payloadLimit: 1_500 })).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(state.payloadFailures).toBeLessThanOrEqual(2);
  });
});

describe('row blocks: probe first, GeneralException, no regrowth after a refusal', () => {
  it('~900-byte rows at the real 4 MB budget: the first block is a probe and no request is refused', async () => {
    const values = sheet(10_000);
    const perRow = utf8Bytes(JSON.stringify(values[10])) * 2;
    expect(perRow).toBeGreaterThan(800); // a 64-bytes-a-cell guess would ask ~8900 rows, ~8 MB
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values }] });
    state.responseLimit = 5_000_000;
    const read = await readWorkbook(ctxOf(state), 'active', { payloadLimit: WEB_PAYLOAD_LIMIT });
    expect(read.sheets[0]!.grid.cells.length).toBe(10_001);
    expect(read.sheets[0]!.grid.cells[10_000]).toEqual(values[10_000]);
    expect(state.payloadFailures).toBe(0);
    expect(state.blockRows[0]).toBeLessThanOrEqual(PROBE_ROWS);
    expect(state.blockRows.length).toBeGreaterThan(2);
    expect(state.maxPayload).toBeLessThan(5_000_000);
  });

  it('a probe on a very wide sheet is smaller still', async () => {
    const wide: Cell[][] = [Array.from({ length: 300 }, (_, i) => `列${i}`), ...Array.from({ length: 400 }, (_, r) => Array.from({ length: 300 }, (_, c) => `${r}-${c}`))];
    const state = new FakeWorkbookState({ sheets: [{ name: 'W', values: wide }] });
    const read = await readWorkbook(ctxOf(state), 'active', { payloadLimit: WEB_PAYLOAD_LIMIT });
    expect(read.sheets[0]!.grid.cells.length).toBe(401);
    expect(state.blockRows[0]).toBe(Math.floor(WEB_PAYLOAD_LIMIT / (300 * 1024)));
  });

  it('maybePayloadError: payload codes and GeneralException, nothing else', () => {
    expect(maybePayloadError({ code: 'GeneralException' })).toBe(true);
    expect(maybePayloadError({ code: 'x', debugInfo: { code: 'GeneralException' } })).toBe(true);
    expect(maybePayloadError({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
    expect(maybePayloadError({ code: 'ItemNotFound' })).toBe(false);
    expect(maybePayloadError(null)).toBe(false);
    expect(isPayloadError({ code: 'GeneralException' })).toBe(false);
  });

  it('an oversized block refused as GeneralException is halved and every row is read', async () => {
    const values = sheet(6000, (i) => i >= 3000);
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values }] });
    state.responseLimit = 110_000;
    state.payloadErrorCode = 'GeneralException';
    const read = await readWorkbook(ctxOf(state), 'active', { payloadLimit: 100_000 });
    expect(read.sheets[0]!.grid.cells).toEqual(values);
    expect(state.payloadFailures).toBeGreaterThan(0);
  });

  it('GeneralException on a single row is passed on', async () => {
    const values: Cell[][] = [HEADER, [46296, '山田', '在宅', '', '', '', LONG.repeat(40)]];
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values }] });
    state.responseLimit = 2_000;
    state.payloadErrorCode = 'GeneralException';
    await expect(readWorkbook(ctxOf(state), 'active', { payloadLimit: 1_500 })).rejects.toMatchObject({ code: 'GeneralException' });
    expect(state.payloadFailures).toBeLessThanOrEqual(2);
  });

  it('after a refusal no block is bigger than the last one that succeeded', async () => {
    const { values, state, read } = await readShortThenLong();
    expect(read.sheets[0]!.grid.cells).toEqual(values);
    // blockRows holds refused blocks too: a refused size is followed by its half
    const sizes = state.blockRows;
    const failedAt: number[] = [];
    for (let i = 0; i + 1 < sizes.length; i++) if (sizes[i + 1] === Math.max(1, Math.floor(sizes[i]! / 2))) failedAt.push(i);
    expect(failedAt.length).toBe(state.payloadFailures);
    expect(state.payloadFailures).toBeGreaterThan(0);
    const lastFail = failedAt[failedAt.length - 1]!;
    // the size that succeeded right after the last refusal caps every later block
    const succeeded = sizes[lastFail + 1]!;
    expect(Math.max(...sizes.slice(lastFail + 1))).toBe(succeeded);
    // one refusal where the long rows start (each halving step counts), never a second round
    expect(state.payloadFailures).toBeLessThanOrEqual(3);
  });
});

describe('a sheet without a header row, mapped by column letters', () => {
  const rows = attendanceSheet(40, 4, 0).slice(1); // no title, no header: data from row 1
  const LETTERS = { date: 'A', user: 'B', mode: 'C', start: 'D', end: 'E', contacts: 'F,G', dailyReport: 'H' };

  it('is unreadable without a mapping and checked with the letters the mapping panel stores', async () => {
    const bare = new FakeWorkbookState({ sheets: [{ name: '記録', values: rows }] });
    const before = await checkInWorkbook(ctxOf(bare), 'active', { asOf: '2026-11-20' }, {});
    expect(before.imported[0]!.problem?.code).toBe('no-header');

    const state = new FakeWorkbookState({ sheets: [{ name: '記録', values: rows }], settings: stored({ '{sheet-1}': { name: '記録', mapping: LETTERS } }) });
    const run = await checkInWorkbook(ctxOf(state), 'active', { asOf: '2026-11-20' }, {});
    const imp = run.imported[0]!;
    expect(imp.problem).toBeUndefined();
    expect(imp.records).toBe(40);
    expect(imp.recordList[0]!.source.row).toBe(1);
    expect(run.report.findings.some((f) => f.ruleId === 'daily-contact')).toBe(true);
    // highlights land on the data rows, row 1 included when it has a finding
    expect(state.sheets[0]!.cfs.length).toBeGreaterThan(0);
    expect(state.cellWrites).toEqual([]);
  });

  it('on the web too (row blocks)', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '記録', values: rows }], settings: stored({ '{sheet-1}': { name: '記録', mapping: LETTERS } }) });
    const run = await checkInWorkbook(ctxOf(state), 'active', { asOf: '2026-11-20' }, { payloadLimit: 2_000 });
    expect(run.imported[0]!.records).toBe(40);
  });
});

describe('stored entries after worksheet ids change', () => {
  const X = { remark: 'F' };
  const Y = { remark: 'G' };
  const adopt = (store: AddinStore, sheets: [string, string][]) => {
    adoptSheets(store, sheets.map(([id, name]) => ({ id, name })));
    return Object.fromEntries(Object.entries(store.sheets).map(([id, s]) => [id, `${s.name}:${s.mapping?.remark ?? '-'}`]));
  };
  const storeOf = (sheets: Record<string, { name: string; mapping?: { remark: string } }>) => parseStore(stored(sheets)[SETTINGS_KEY]);

  it('ids swapped (a copied workbook): each sheet gets the entry of its own name', async () => {
    expect(adopt(storeOf({ a: { name: '10月', mapping: X }, b: { name: '11月', mapping: Y } }), [['a', '11月'], ['b', '10月']])).toEqual({ a: '11月:G', b: '10月:F' });
    // through readWorkbook: the active sheet 10月 now has id {sheet-1}, stored under {sheet-1} is 11月's mapping
    const state = new FakeWorkbookState({
      sheets: [{ name: '10月', values: sheet(3) }, { name: '11月', values: sheet(3) }],
      settings: stored({ '{sheet-1}': { name: '11月', mapping: Y }, '{sheet-2}': { name: '10月', mapping: X } }),
    });
    const read = await readWorkbook(ctxOf(state), 'active');
    expect(read.store.sheets['{sheet-1}']).toMatchObject({ name: '10月', mapping: X });
    expect(read.store.sheets['{sheet-2}']).toMatchObject({ name: '11月', mapping: Y });
  });

  it("never adopts an entry whose stored name is another current sheet's, even under this sheet's id", async () => {
    expect(adopt(storeOf({ a: { name: '11月', mapping: X } }), [['a', '10月'], ['b', '11月']])).toEqual({ b: '11月:F' });
    const state = new FakeWorkbookState({
      sheets: [{ name: '10月', values: sheet(3) }, { name: '11月', values: sheet(3) }],
      settings: stored({ '{sheet-1}': { name: '11月', mapping: X } }),
    });
    const read = await readWorkbook(ctxOf(state), 'active');
    expect(read.activeName).toBe('10月');
    expect(read.store.sheets['{sheet-1}']).toBeUndefined();
    expect(read.store.sheets['{sheet-2}']).toMatchObject({ name: '11月', mapping: X });
  });

  it('the other sheet may be hidden: it is still a current sheet', async () => {
    const state = new FakeWorkbookState({
      sheets: [{ name: '10月', values: sheet(3) }, { name: '11月', values: sheet(3) }],
      settings: stored({ '{sheet-1}': { name: '11月', mapping: X } }),
    });
    state.sheets[1]!.visibility = 'Hidden';
    const read = await readWorkbook(ctxOf(state), 'all');
    expect(read.sheets.map((s) => s.name)).toEqual(['10月']);
    expect(read.store.sheets['{sheet-1}']).toBeUndefined();
    expect(read.store.sheets['{sheet-2}']?.mapping).toEqual(X);
  });

  it('keeps renames, id changes by name, exact matches and entries of deleted sheets', () => {
    // renamed (same id, stored name belongs to no sheet)
    expect(adopt(storeOf({ a: { name: '旧', mapping: X } }), [['a', '10月']])).toEqual({ a: '10月:F' });
    // new id, same name
    expect(adopt(storeOf({ old: { name: '10月', mapping: X } }), [['a', '10月']])).toEqual({ a: '10月:F' });
    // exact match wins over a duplicate name; a deleted sheet's entry stays
    expect(adopt(storeOf({ a: { name: '10月', mapping: X }, z: { name: '10月', mapping: Y }, gone: { name: '9月', mapping: Y } }), [['a', '10月']])).toEqual({
      a: '10月:F',
      z: '10月:G',
      gone: '9月:G',
    });
    // an entry under a current id that no sheet takes is dropped (it would give that sheet another's mapping)
    expect(adopt(storeOf({ a: { name: '10月', mapping: X }, b: { name: '10月', mapping: Y } }), [['a', '11月'], ['b', '10月']])).toEqual({ b: '10月:G' });
    const empty = emptyStore();
    adoptSheets(empty, [{ id: 'a', name: '10月' }]);
    expect(empty.sheets).toEqual({});
  });
});

describe('sync counts stated in check-run.ts', () => {
  const options = { asOf: '2026-11-20' };
  it('desktop: 3 for the active sheet, +1 when earlier notes are probed, 4 for all sheets', async () => {
    const one = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    await checkInWorkbook(ctxOf(one), 'active', options, {});
    expect(one.syncs).toBe(3);
    one.syncs = 0;
    await checkInWorkbook(ctxOf(one), 'active', options, { notes: true, writeNotes: true });
    expect(one.syncs).toBe(3); // no note of ours recorded yet
    one.syncs = 0;
    await checkInWorkbook(ctxOf(one), 'active', options, { notes: true, writeNotes: true });
    expect(one.syncs).toBe(4);
    const two = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }, { name: '11月', values: attendanceSheet(30, 3) }] });
    await checkInWorkbook(ctxOf(two), 'all', options, {});
    expect(two.syncs).toBe(4);
  });

  it('web: +1 per row block of each sheet, even a small one', async () => {
    const small = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    await checkInWorkbook(ctxOf(small), 'active', options, { payloadLimit: WEB_PAYLOAD_LIMIT });
    expect(small.syncs).toBe(4);
    const two = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }, { name: '11月', values: attendanceSheet(30, 3) }] });
    await checkInWorkbook(ctxOf(two), 'all', options, { payloadLimit: WEB_PAYLOAD_LIMIT });
    expect(two.syncs).toBe(6);
  });
});
