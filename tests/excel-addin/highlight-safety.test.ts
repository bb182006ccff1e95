// Issue 11 (add-in 1–4, 6, 7): protected sheets and view-only workbooks keep the findings, our formats are
// recognised by the marker alone (ids collide), one format per colour, violations only colour rows,
// 「確認済み」 keys, one undo group on ExcelApi 1.20.
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/model/report.ts';
import { checkInWorkbook } from '../../excel-addin/check-run.ts';
import { applyHighlights, clearHighlights, hostErrorKind, readWorkbook, runExcel } from '../../excel-addin/excel-io.ts';
import { coalesceRows, MAX_AREA_ADDRESS, rowTones, toneAreas } from '../../excel-addin/highlights.ts';
import { findingKey } from '../../excel-addin/reviews.ts';
import { CF_FORMULA, SETTINGS_KEY, parseStore, setReviewed } from '../../excel-addin/settings.ts';
import { FakeContext, FakeWorkbookState, makeFakeOffice } from './fake-excel.ts';
import { attendanceSheet } from './fixture.ts';

const ctxOf = (state: FakeWorkbookState) => new FakeContext(state) as unknown as Excel.RequestContext;
const options = { asOf: '2026-11-20' };
const ours = (state: FakeWorkbookState, i = 0) => state.sheets[i]!.cfs.filter((c) => c.formula === CF_FORMULA);

/** 1-based rows covered by a (multi-area) address */
function coveredRows(address: string): Set<number> {
  const rows = new Set<number>();
  for (const area of address.split(',')) {
    const [, a, b] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(area)!;
    for (let r = Number(a); r <= Number(b); r++) rows.add(r);
  }
  return rows;
}

describe('a protected sheet or a view-only workbook keeps the findings', () => {
  it('protected sheet: findings returned, the sheet named, no format touched, no throw', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    state.sheets[0]!.protected = true;
    const run = await checkInWorkbook(ctxOf(state), 'active', options, { multiArea: true });
    expect(run.report.findings.length).toBeGreaterThan(0);
    expect(run.highlight).toEqual({ protectedSheets: ['10月'] });
    expect(state.sheets[0]!.cfs).toEqual([]);
  });

  it('a sheet protected after a check: its old colours stay and are named as possibly out of date', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    await checkInWorkbook(ctxOf(state), 'active', options, { multiArea: true });
    const before = ours(state).length;
    expect(before).toBeGreaterThan(0);
    state.sheets[0]!.protected = true;
    const run = await checkInWorkbook(ctxOf(state), 'active', options, { multiArea: true });
    expect(run.highlight).toEqual({ protectedSheets: ['10月'], staleSheets: ['10月'] });
    expect(ours(state).length).toBe(before);
  });

  it('all sheets, one protected: the other is coloured', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }, { name: '11月', values: attendanceSheet(30, 3) }] });
    state.sheets[1]!.protected = true;
    const run = await checkInWorkbook(ctxOf(state), 'all', options, { multiArea: true });
    expect(run.highlight?.protectedSheets).toEqual(['11月']);
    expect(run.highlight?.failed).toBeUndefined();
    expect(ours(state, 0).length).toBeGreaterThan(0);
    expect(state.sheets[1]!.cfs).toEqual([]);
  });

  it('view-only workbook (every write AccessDenied): findings returned, failure kind given', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    state.readOnly = true;
    const run = await checkInWorkbook(ctxOf(state), 'active', options, { multiArea: true });
    expect(run.report.findings.length).toBeGreaterThan(0);
    expect(run.highlight).toEqual({ protectedSheets: [], failed: 'access-denied' });
  });

  it('hostErrorKind names the kind, never passing host text on', () => {
    expect(hostErrorKind({ code: 'AccessDenied', message: 'raw' })).toBe('access-denied');
    expect(hostErrorKind({ code: 'ItemNotFound' })).toBe('not-found');
    expect(hostErrorKind({ code: 'x', debugInfo: { code: 'ResponsePayloadSizeLimitExceeded' } })).toBe('too-big');
    expect(hostErrorKind({ code: 'InvalidOperationInCellEditMode' })).toBe('edit-mode');
    expect(hostErrorKind({ code: 'ActivityLimitReached' })).toBe('busy');
    expect(hostErrorKind(new Error('boom'))).toBe('other');
  });
});

describe('our formats are recognised by the marker alone', () => {
  it('ids colliding with the user\'s rules: re-check and clear leave the user\'s rules', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    const user = state.addUserCf('10月', 'B4:B10');
    await checkInWorkbook(ctxOf(state), 'active', options, { multiArea: true });
    // a new session: Excel renumbered the formats, ours now share the user's id
    for (const cf of ours(state)) cf.id = user.id;
    // and an older version stored that id as "ours"
    const stored = JSON.parse(String(state.settings.get(SETTINGS_KEY)));
    stored.sheets['{sheet-1}'].highlights = [user.id];
    state.settings.set(SETTINGS_KEY, JSON.stringify(stored));
    const user2 = state.addUserCf('10月', 'C4:C10');
    user2.id = user.id;

    await checkInWorkbook(ctxOf(state), 'active', options, { multiArea: true });
    expect(state.sheets[0]!.cfs.filter((c) => c.user)).toEqual([user, user2]);
    expect(ours(state).length).toBeGreaterThan(0);
    expect(String(state.settings.get(SETTINGS_KEY))).not.toContain('highlights');

    for (const cf of ours(state)) cf.id = user.id;
    const removed = await clearHighlights(ctxOf(state), 'all');
    expect(removed.formats).toBeGreaterThan(0);
    expect(state.sheets[0]!.cfs).toEqual([user, user2]);
  });
});

describe('one conditional format per colour', () => {
  it('30,030 rows: a handful of formats, exactly the coloured rows, no id store', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '記録', values: attendanceSheet(30_030, 30) }] });
    const run = await checkInWorkbook(ctxOf(state), 'active', { asOf: '2026-11-23' }, { multiArea: true });
    const cfs = ours(state);
    expect(cfs.length).toBeGreaterThan(0);
    expect(cfs.length).toBeLessThanOrEqual(40);
    expect(state.syncs).toBe(3);
    const tones = rowTones(run.report.findings, '記録');
    for (const tone of ['error', 'warning'] as const) {
      const fill = tone === 'error' ? '#FDE7E9' : '#FFF4CE';
      const got = new Set(cfs.filter((c) => c.fill === fill).flatMap((c) => [...coveredRows(c.address)]));
      const want = [...tones].filter(([, t]) => t === tone).map(([r]) => r);
      expect(got.size).toBe(want.length);
      for (const r of want) expect(got.has(r)).toBe(true);
    }
    for (const cf of cfs) expect(cf.address.length).toBeLessThanOrEqual(MAX_AREA_ADDRESS);
    expect(String(state.settings.get(SETTINGS_KEY)).length).toBeLessThan(1000);
    // a re-check replaces them: still a handful
    await checkInWorkbook(ctxOf(state), 'active', { asOf: '2026-11-23' }, { multiArea: true });
    expect(ours(state).length).toBe(cfs.length);
  });

  it('toneAreas splits each colour at the address limit, in row order', () => {
    const runs = [
      { tone: 'error' as const, from: 3, to: 5 },
      { tone: 'warning' as const, from: 7, to: 7 },
      { tone: 'error' as const, from: 9, to: 9 },
      { tone: 'error' as const, from: 11, to: 12 },
    ];
    expect(toneAreas(runs, 'A', 'L')).toEqual([
      { tone: 'error', address: 'A3:L5,A9:L9,A11:L12' },
      { tone: 'warning', address: 'A7:L7' },
    ]);
    expect(toneAreas(runs, 'A', 'L', 12)).toEqual([
      { tone: 'error', address: 'A3:L5,A9:L9' },
      { tone: 'error', address: 'A11:L12' },
      { tone: 'warning', address: 'A7:L7' },
    ]);
  });

  it('the host refuses an address over its limit; chunks stay under it', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(3000, 3) }] });
    state.maxAddressChars = MAX_AREA_ADDRESS;
    const read = await readWorkbook(ctxOf(state), 'active');
    const rows = Array.from({ length: 1500 }, (_, i) => 4 + i * 2);
    const runs = coalesceRows(new Map(rows.map((r) => [r, 'error' as const])));
    const result = await applyHighlights(ctxOf(state), [{ sheet: read.sheets[0]!, runs }], read.store, { multiArea: true });
    expect(result.formats).toBeGreaterThan(1);
    expect(ours(state).flatMap((c) => [...coveredRows(c.address)]).sort((a, b) => a - b)).toEqual(rows);
  });
});

describe('row colours from violations only', () => {
  it('incomplete findings (定員 not set, a week cut off by the data) colour no row of their own', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(60, 3) }] });
    const run = await checkInWorkbook(ctxOf(state), 'active', { asOf: '2026-11-20', defaultPack: 'higashiosaka' }, {});
    const incomplete = run.report.findings.filter((f) => f.outcome === 'incomplete');
    expect(incomplete.length).toBeGreaterThan(0);
    const violationRows = new Set(run.report.findings.filter((f) => f.outcome === 'violation').flatMap((f) => f.locations.map((l) => l.row)));
    const onlyIncomplete = incomplete.flatMap((f) => f.locations.map((l) => l.row!)).filter((r) => !violationRows.has(r));
    expect(onlyIncomplete.length).toBeGreaterThan(0);
    const coloured = new Set(state.sheets[0]!.cfs.flatMap((c) => [...coveredRows(c.address)]));
    for (const r of onlyIncomplete) expect(coloured.has(r), `row ${r}`).toBe(false);
  });
});

describe('「確認済み」', () => {
  it('the key survives rows inserted above and changes when a row value changes', () => {
    const grid = { name: '10月', cells: [['h'], ['a', 1], ['b', 2]], startRow: 1 };
    const f: Finding = { ruleId: 'daily-contact', severity: 'error', outcome: 'violation', pack: 'national', user: 'A', period: { from: '2026-10-01', to: '2026-10-01' }, locations: [{ sheet: '10月', row: 2 }], message: { ja: '', en: '' }, source: '' };
    const key = findingKey(f, new Map([['10月', grid]]));
    const moved = { ...grid, cells: [['h'], ['new'], ['a', 1], ['b', 2]] };
    expect(findingKey({ ...f, locations: [{ sheet: '10月', row: 3 }] }, new Map([['10月', moved]]))).toBe(key);
    expect(findingKey(f, new Map([['10月', { ...grid, cells: [['h'], ['a', 9], ['b', 2]] }]]))).not.toBe(key);
    expect(findingKey({ ...f, ruleId: 'daily-report' }, new Map([['10月', grid]]))).not.toBe(key);
  });

  it('a reviewed finding is listed apart and not coloured until its data changes', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    const first = await checkInWorkbook(ctxOf(state), 'active', options, {});
    const target = first.report.findings.find((f) => f.outcome === 'violation' && f.locations.length === 1)!;
    const row = target.locations[0]!.row!;
    // rows of other coloured findings may include this row; pick one only this finding colours
    const others = first.report.findings.filter((f) => f !== target && f.outcome === 'violation' && f.locations.some((l) => l.row === row));
    setReviewed(first.store, first.keyOf(target), true);
    state.settings.set(SETTINGS_KEY, JSON.stringify(first.store));
    const second = await checkInWorkbook(ctxOf(state), 'active', options, {});
    expect(second.reviewed.map((f) => f.message.ja)).toEqual([target.message.ja]);
    const coloured = () => new Set(state.sheets[0]!.cfs.flatMap((c) => [...coveredRows(c.address)]));
    if (!others.length) expect(coloured().has(row)).toBe(false);
    expect(parseStore(state.settings.get(SETTINGS_KEY)).reviewed).toEqual([first.keyOf(target)]);
    // the user edits a cell of that row (備考): the finding is back
    state.edit('10月', row, 12, 'メモ');
    const third = await checkInWorkbook(ctxOf(state), 'active', options, {});
    expect(third.reviewed).toEqual([]);
    expect(third.report.findings.some((f) => f.message.ja === target.message.ja)).toBe(true);
    expect(coloured().has(row)).toBe(true);
  });
});

describe('undo group (ExcelApi 1.20)', () => {
  const g = globalThis as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });
  it('wraps the batch in one undo group when asked; retries ungrouped on UndoNotSupported', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    g.Excel = makeFakeOffice(state, { excelApi: 20 }).Excel;
    await runExcel((ctx) => checkInWorkbook(ctx, 'active', options, { multiArea: true }), { mergeUndo: true });
    expect(state.undoGroups).toBe(1);
    expect(ours(state).length).toBeGreaterThan(0);
    state.undoNotSupported = true;
    await runExcel((ctx) => clearHighlights(ctx, 'all'), { mergeUndo: true });
    expect(state.plainRuns).toBe(1);
    expect(ours(state)).toEqual([]);
    await runExcel((ctx) => clearHighlights(ctx, 'all'));
    expect(state.plainRuns).toBe(2);
  });
});
