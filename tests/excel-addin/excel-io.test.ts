import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/model/report.ts';
import { applyHighlights, clearHighlights, FILL, readWorkbook, rowsAddress, saveStore, selectCells, selectRows, supports1904, WEB_OPS_PER_SYNC, WEB_PAYLOAD_LIMIT } from '../../excel-addin/excel-io.ts';
import { coalesceRows, rowNotes, rowTones } from '../../excel-addin/highlights.ts';
import { CF_FORMULA, NOTE_PREFIX, SETTINGS_KEY, emptyStore, parseStore, remapColumn, resetMapping, setMapping } from '../../excel-addin/settings.ts';
import { FakeContext, FakeWorkbookState, makeFakeOffice } from './fake-excel.ts';

const header = ['日付', '利用者名', '利用形態', '連絡1', '連絡2', '日報'];
function sheetRows(n: number, offset = 0): (string | number)[][] {
  const rows: (string | number)[][] = [header];
  for (let i = 0; i < n; i++) rows.push([46296 + offset + (i % 28), `利用者${i % 7}`, '在宅', '9:00', i % 3 ? '15:00' : '', i % 5 ? '○' : '']);
  return rows;
}
const ctxOf = (state: FakeWorkbookState) => new FakeContext(state) as unknown as Excel.RequestContext;

function finding(rows: number[], severity: 'error' | 'warning', sheet = '10月', outcome: Finding['outcome'] = 'violation'): Finding {
  const label = rows.length <= 3 ? rows.join(',') : `${rows[0]}…`;
  return {
    ruleId: severity === 'error' ? 'daily-contact' : 'work-menu',
    severity,
    outcome,
    pack: 'national',
    user: '利用者1',
    locations: rows.map((row) => ({ sheet, row })),
    message: { ja: `行${label}の指摘`, en: `rows ${label}` },
    source: '003 イ',
  };
}

async function checkOnce(state: FakeWorkbookState, findings: Finding[], notes = false, writeNotes = notes) {
  const ctx = ctxOf(state);
  const read = await readWorkbook(ctx, 'active', { notes });
  const sheet = read.sheets[0]!;
  const runs = coalesceRows(rowTones(findings, sheet.name));
  await applyHighlights(ctx, [{ sheet, runs, notes: rowNotes(findings, sheet.name) }], read.store, { notes, writeNotes });
  return read;
}

describe('readWorkbook', () => {
  it('reads values and display text of the used range with its position, in one sync', async () => {
    const values = [[], ['', '', '', ''], ['', '', '日付', '利用者名'], ['', '', 46296, '山田']];
    const text = [[], [], ['', '', '日付', '利用者名'], ['', '', '2026/10/1', '山田']];
    const state = new FakeWorkbookState({ sheets: [{ name: 'シート1', values, text }] });
    const read = await readWorkbook(ctxOf(state), 'active');
    expect(state.syncs).toBe(1);
    const s = read.sheets[0]!;
    expect(s.bounds).toEqual({ row: 3, col: 3, lastRow: 4, lastCol: 4 });
    expect(s.grid).toMatchObject({ name: 'シート1', startRow: 3, startCol: 3 });
    expect(s.grid.cells).toEqual([['日付', '利用者名'], [46296, '山田']]);
    expect(s.grid.text).toEqual([['日付', '利用者名'], ['2026/10/1', '山田']]);
    expect(read.activeName).toBe('シート1');
  });

  it('gives an empty grid for an empty sheet', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '空', values: [] }] });
    const read = await readWorkbook(ctxOf(state), 'active');
    expect(read.sheets[0]!.grid.cells).toEqual([]);
    expect(read.sheets[0]!.bounds).toBeUndefined();
  });

  it('reads all visible sheets in two syncs', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: 'A', values: sheetRows(3) }, { name: 'B', values: sheetRows(4) }, { name: 'C', values: sheetRows(1) }] });
    state.sheets[2]!.visibility = 'Hidden';
    const read = await readWorkbook(ctxOf(state), 'all');
    expect(state.syncs).toBe(2);
    expect(read.sheets.map((s) => [s.name, s.grid.cells.length])).toEqual([['A', 4], ['B', 5]]);
  });

  it('on the web reads a big sheet in row blocks that stay under the payload limit', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(5000) }] });
    state.measurePayload = true;
    const limit = 100_000;
    const read = await readWorkbook(ctxOf(state), 'active', { payloadLimit: limit });
    const cells = read.sheets[0]!.grid.cells;
    expect(cells.length).toBe(5001);
    expect(cells[5000]).toEqual(sheetRows(5000)[5000]);
    expect(read.sheets[0]!.grid.text!.length).toBe(5001);
    expect(state.syncs).toBeGreaterThan(2);
    expect(state.maxPayload).toBeLessThan(limit);
  });
});

describe('highlights', () => {
  it('coalesces contiguous rows of one tone, error wins over warning', () => {
    const tones = rowTones([finding([5, 6, 7, 10], 'error'), finding([7, 8, 9, 11], 'warning'), finding([3], 'error', '他のシート')], '10月');
    expect(coalesceRows(tones)).toEqual([
      { tone: 'error', from: 5, to: 7 },
      { tone: 'warning', from: 8, to: 9 },
      { tone: 'error', from: 10, to: 10 },
      { tone: 'warning', from: 11, to: 11 },
    ]);
    expect(rowTones([finding([4], 'error', '10月', 'pending')], '10月').get(4)).toBeUndefined();
    // row colours come from violations only: incomplete (e.g. 定員 not set) colours no row
    expect(rowTones([finding([4], 'error', '10月', 'incomplete')], '10月').get(4)).toBeUndefined();
    expect(rowTones([finding([4], 'warning', '10月', 'incomplete')], '10月').get(4)).toBeUndefined();
  });

  it('without multi-area ranges (ExcelApi < 1.9): one conditional format per run over the used columns, no id stored, no cell written', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(20) }] });
    state.addUserCf('10月', 'A2:A21');
    await checkOnce(state, [finding([3, 4, 5], 'error'), finding([9], 'warning')]);
    const ours = state.sheets[0]!.cfs.filter((c) => !c.user);
    expect(ours.map((c) => [c.address, c.fill, c.formula])).toEqual([
      ['A3:F5', FILL.error, CF_FORMULA],
      ['A9:F9', FILL.warning, CF_FORMULA],
    ]);
    expect(String(state.settings.get(SETTINGS_KEY))).not.toContain('{cf-');
    expect(state.cellWrites).toEqual([]);
  });

  it('re-checking replaces our formats and keeps the user\'s', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(20) }] });
    const user = state.addUserCf('10月', 'B2:B21');
    await checkOnce(state, [finding([3, 4, 5], 'error')]);
    await checkOnce(state, [finding([7], 'warning')]);
    expect(state.sheets[0]!.cfs.map((c) => c.address)).toEqual([user.address, 'A7:F7']);
  });

  it('clear removes only the formats with our marker, never the user\'s', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(20) }, { name: '11月', values: sheetRows(5) }] });
    const user = state.addUserCf('10月', 'B2:B21');
    await checkOnce(state, [finding([3, 4, 5, 8], 'error')]);
    // a format of ours whose id was lost (e.g. ids renumbered on reopen)
    state.sheets[0]!.cfs.push({ id: '{lost}', type: 'Custom', address: 'A12:F12', formula: CF_FORMULA, fill: FILL.error });
    const user2 = state.addUserCf('11月', 'A1:A3');
    state.syncs = 0;
    const result = await clearHighlights(ctxOf(state), 'all');
    expect(result.formats).toBe(3);
    expect(state.sheets[0]!.cfs).toEqual([user]);
    expect(state.sheets[1]!.cfs).toEqual([user2]);
    expect(state.syncs).toBe(3);
    expect(state.cellWrites).toEqual([]);
  });

  it('keeps the sync count of a sheet check constant (3) whatever the row count', async () => {
    const counts: number[] = [];
    for (const n of [10, 1000, 20000]) {
      const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(n) }] });
      const rows = Array.from({ length: n }, (_, i) => i + 2).filter((r) => r % 4 !== 0);
      await checkOnce(state, [finding(rows, 'error'), finding(rows.filter((r) => r % 3 === 0), 'warning')]);
      counts.push(state.syncs);
      expect(state.sheets[0]!.cfs.length).toBeGreaterThan(0);
    }
    expect(counts).toEqual([3, 3, 3]);
  });

  it('on the web without multi-area ranges, flushes highlight operations in batches', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(12000) }] });
    const ctx = ctxOf(state);
    const read = await readWorkbook(ctx, 'active', { payloadLimit: WEB_PAYLOAD_LIMIT });
    const rows = Array.from({ length: 12000 }, (_, i) => i + 2).filter((r) => r % 2 === 0);
    const runs = coalesceRows(rowTones([finding(rows, 'error')], '10月'));
    const syncsBefore = state.syncs;
    const result = await applyHighlights(ctx, [{ sheet: read.sheets[0]!, runs }], read.store, { payloadLimit: WEB_PAYLOAD_LIMIT });
    expect(runs.length).toBe(6000);
    expect(state.syncs - syncsBefore).toBe(2 + Math.floor(6000 / WEB_OPS_PER_SYNC));
    expect(result.formats).toBe(6000);
    expect(state.sheets[0]!.cfs.length).toBe(6000);
  });

  it('writes optional notes on affected rows, never over a user note, and clears only ours', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(10) }] });
    state.sheets[0]!.notes.set('A4', 'ユーザーのメモ');
    await checkOnce(state, [finding([3, 4], 'error')], true);
    const notes = state.sheets[0]!.notes;
    expect(notes.get('A3')).toBe(`${NOTE_PREFIX}・行3,4の指摘`);
    expect(notes.get('A4')).toBe('ユーザーのメモ');
    await checkOnce(state, [finding([5], 'warning')], true);
    expect([...notes.keys()].sort()).toEqual(['A4', 'A5']);
    await clearHighlights(ctxOf(state), 'active', { notes: true });
    expect([...notes.entries()]).toEqual([['A4', 'ユーザーのメモ']]);
    // turning the option off: the next check removes our notes and writes none
    await checkOnce(state, [finding([6], 'error')], true);
    expect(notes.has('A6')).toBe(true);
    await checkOnce(state, [finding([6], 'error')], true, false);
    expect([...notes.keys()]).toEqual(['A4']);
    expect(state.cellWrites).toEqual([]);
  });
});

describe('selection and settings', () => {
  it('activates the sheet and selects the finding rows', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: 'A', values: sheetRows(3) }, { name: 'B', values: sheetRows(30) }] });
    await selectRows(ctxOf(state), 'B', [9, 7, 8, 12], true);
    expect(state.active().name).toBe('B');
    expect(state.selection).toEqual({ sheet: 'B', address: '7:9,12:12' });
    await selectRows(ctxOf(state), 'A', [9, 7, 8, 12], false);
    expect(state.selection).toEqual({ sheet: 'A', address: '7:9' });
    expect(rowsAddress([3])).toBe('3:3');
  });

  it('saves the mapping per sheet in the workbook and reads it back', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(3) }] });
    const read = await readWorkbook(ctxOf(state), 'active');
    setMapping(read.store, read.activeId, read.activeName, 'mode', 'C');
    setMapping(read.store, read.activeId, read.activeName, 'remark', 'C');
    await saveStore(ctxOf(state), read.store);
    const again = await readWorkbook(ctxOf(state), 'active');
    expect(again.store.sheets[again.activeId]!.mapping).toEqual({ remark: 'C' });
    setMapping(again.store, again.activeId, again.activeName, 'remark', undefined);
    expect(again.store.sheets[again.activeId]!.mapping).toBeUndefined();
  });

  it('a sheet whose id changed (new session) keeps its mapping by name; a stored format id proves nothing', async () => {
    const state = new FakeWorkbookState({
      sheets: [{ name: '10月', values: sheetRows(10) }],
      settings: { [SETTINGS_KEY]: JSON.stringify({ version: 1, prefs: {}, sheets: { '{old}': { name: '10月', mapping: { remark: 'F' }, highlights: ['{cf-old}'] } } }) },
    });
    state.sheets[0]!.cfs.push({ id: '{cf-old}', type: 'Custom', address: 'A2:F2', formula: '=TRUE', fill: FILL.error });
    const read = await readWorkbook(ctxOf(state), 'active');
    expect(read.store.sheets['{sheet-1}']!.mapping).toEqual({ remark: 'F' });
    expect(read.store.sheets['{old}']).toBeUndefined();
    // '{cf-old}' has no marker: it is the user's, whatever an older version stored
    expect(read.sheets[0]!.ourFormats).toEqual([]);
    expect(read.store.sheets['{sheet-1}']).toEqual({ name: '10月', mapping: { remark: 'F' } });
  });

  it('parses whatever is stored without throwing', () => {
    expect(parseStore('not json')).toEqual({ version: 1, prefs: {}, sheets: {} });
    expect(parseStore({ prefs: { capacity: -3, weekStart: 'sun' }, sheets: { x: { mapping: { bogus: 'A', date: 'B' } } } })).toEqual({
      version: 1,
      prefs: { weekStart: 'sun' },
      sheets: { x: { name: '', mapping: { date: 'B' } } },
    });
  });
});

describe('checkInWorkbook (adapter + core, as the pane runs it)', () => {
  it('uses 3 syncs whatever the row count, highlights the finding rows, writes no cell', async () => {
    const { checkInWorkbook } = await import('../../excel-addin/check-run.ts');
    const { attendanceSheet } = await import('./fixture.ts');
    for (const n of [30, 3000]) {
      const state = new FakeWorkbookState({ sheets: [{ name: '記録', values: attendanceSheet(n, 5) }] });
      const run = await checkInWorkbook(ctxOf(state), 'active', { asOf: '2026-11-23' }, {});
      expect(state.syncs).toBe(3);
      expect(run.report.findings.length).toBeGreaterThan(0);
      // every violation's rows (incomplete and pending findings are listed, not coloured)
      const rows = new Set(run.report.findings.filter((f) => f.outcome === 'violation').flatMap((f) => f.locations.map((l) => l.row)));
      const covered = new Set<number>();
      for (const cf of state.sheets[0]!.cfs) {
        const [, a, b] = /^A(\d+):L(\d+)$/.exec(cf.address)!;
        for (let r = Number(a); r <= Number(b); r++) covered.add(r);
      }
      expect([...covered].sort()).toEqual([...rows].sort());
      expect(state.cellWrites).toEqual([]);
    }
  });
});

describe('1904 date system', () => {
  // 2026-10-01 is serial 46296 in the 1900 system and 46296 - 1462 in the 1904 system.
  const serial1904 = 46296 - 1462;
  const book = (date1904: boolean, host1904 = true) =>
    new FakeWorkbookState({ sheets: [{ name: '10月', values: [header, [serial1904, '山田', '在宅', '9:00', '15:00', '○']] }, { name: '11月', values: sheetRows(2) }], date1904, host1904 });

  it('loads Workbook.use1904DateSystem in the first read sync and marks every grid', async () => {
    const state = book(true);
    const read = await readWorkbook(ctxOf(state), 'active', { date1904: true });
    expect(state.syncs).toBe(1);
    expect(read.sheets[0]!.grid.date1904).toBe(true);
    const all = await readWorkbook(ctxOf(book(true)), 'all', { date1904: true });
    expect(all.sheets.map((s) => s.grid.date1904)).toEqual([true, true]);
    const plain = await readWorkbook(ctxOf(book(false)), 'all', { date1904: true });
    expect(plain.sheets.map((s) => s.grid.date1904)).toEqual([undefined, undefined]);
  });

  it('a check of a 1904-system workbook reads the right dates; without the option they shift by 1,462 days', async () => {
    const { checkInWorkbook } = await import('../../excel-addin/check-run.ts');
    const run = await checkInWorkbook(ctxOf(book(true)), 'active', { asOf: '2026-11-23' }, { date1904: true });
    expect(run.imported[0]!.recordList.map((r) => r.date)).toEqual(['2026-10-01']);
    const old = await checkInWorkbook(ctxOf(book(true)), 'active', { asOf: '2026-11-23' }, {});
    expect(old.imported[0]!.recordList.map((r) => r.date)).toEqual(['2022-09-30']);
  });

  it('does not load the property unless asked (hosts without it fail the whole sync)', async () => {
    const state = book(true, false);
    await expect(readWorkbook(ctxOf(state), 'active', { date1904: true })).rejects.toMatchObject({ code: 'ApiNotFound' });
    const read = await readWorkbook(ctxOf(state), 'active', {});
    expect(read.sheets[0]!.grid.date1904).toBeUndefined();
  });

  it('asks only when the loaded Office.js defines the property', () => {
    const state = book(true);
    expect(supports1904(makeFakeOffice(state, { lib1904: true }).Excel)).toBe(true);
    expect(supports1904(makeFakeOffice(state).Excel)).toBe(false);
    expect(supports1904(undefined)).toBe(false);
  });
});

describe('selectCells', () => {
  it('activates the sheet and selects the cells (all with ExcelApi 1.9, else the first)', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: 'A', values: sheetRows(3) }, { name: 'B', values: sheetRows(30) }] });
    await selectCells(ctxOf(state), 'B', ['C5'], true);
    expect(state.active().name).toBe('B');
    expect(state.selection).toEqual({ sheet: 'B', address: 'C5' });
    await selectCells(ctxOf(state), 'A', ['A9', 'A7', 'A9'], true);
    expect(state.selection).toEqual({ sheet: 'A', address: 'A9,A7' });
    await selectCells(ctxOf(state), 'A', ['A9', 'A7'], false);
    expect(state.selection).toEqual({ sheet: 'A', address: 'A9' });
  });
});

describe('remapColumn (the mapping panel)', () => {
  // what the last import made of each column
  const current = { A: 'date', B: 'user', C: 'mode', D: 'contacts', E: 'contacts', F: 'dailyReport', G: 'remark' } as const;
  const mappingAfter = (steps: [string, string][], start?: Record<string, string>) => {
    const store = emptyStore();
    if (start) store.sheets.s = { name: '10月', mapping: start };
    for (const [letter, field] of steps) remapColumn(store, 's', '10月', current, letter, field as never);
    return store.sheets.s!.mapping;
  };

  it('「使わない」 on the second contacts column keeps the first; on the last one un-maps contacts', () => {
    expect(mappingAfter([['E', '']])).toEqual({ contacts: 'D' });
    expect(mappingAfter([['D', '']])).toEqual({ contacts: 'E' });
    expect(mappingAfter([['D', ''], ['E', '']])).toEqual({ contacts: '' });
  });

  it('「使わない」 on a one-column field maps the field to no column', () => {
    expect(mappingAfter([['G', '']])).toEqual({ remark: '' });
  });

  it('a column set to contacts joins the contacts columns, in column order', () => {
    expect(mappingAfter([['G', 'contacts']])).toEqual({ contacts: 'D,E,G' });
    expect(mappingAfter([['AA', 'contacts'], ['H', 'contacts']])).toEqual({ contacts: 'D,E,H,AA' });
  });

  it('a column leaves any forced field it was in; choosing a field again maps it', () => {
    expect(mappingAfter([['G', 'workContent']], { remark: 'G' })).toEqual({ workContent: 'G' });
    expect(mappingAfter([['E', 'remark']], { contacts: 'D,E' })).toEqual({ contacts: 'D', remark: 'E' });
    expect(mappingAfter([['G', 'remark']], { remark: '' })).toEqual({ remark: 'G' });
  });

  it('the stored mapping round-trips through the workbook, "" included, and resets', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(3) }] });
    const read = await readWorkbook(ctxOf(state), 'active');
    remapColumn(read.store, read.activeId, read.activeName, current, 'E', '');
    remapColumn(read.store, read.activeId, read.activeName, current, 'G', '');
    await saveStore(ctxOf(state), read.store);
    const again = await readWorkbook(ctxOf(state), 'active');
    expect(again.store.sheets[again.activeId]!.mapping).toEqual({ contacts: 'D', remark: '' });
    resetMapping(again.store, again.activeId, again.activeName);
    expect(again.store.sheets[again.activeId]!.mapping).toBeUndefined();
  });

  it('the add-in mapping reaches core: the un-mapped contacts column is no longer read', async () => {
    const { checkInWorkbook } = await import('../../excel-addin/check-run.ts');
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: sheetRows(6) }] });
    const first = await checkInWorkbook(ctxOf(state), 'active', { asOf: '2026-11-23' }, {});
    const cf = first.imported[0]!.columnFields!;
    expect(cf).toMatchObject({ D: 'contacts', E: 'contacts' });
    remapColumn(first.store, first.activeId, '10月', cf, 'E', '');
    await saveStore(ctxOf(state), first.store);
    const second = await checkInWorkbook(ctxOf(state), 'active', { asOf: '2026-11-23' }, {});
    expect(second.imported[0]!.columnFields).toMatchObject({ D: 'contacts' });
    expect(second.imported[0]!.columnFields!.E).toBeUndefined();
    expect(second.imported[0]!.unmappedHeaders).toEqual(['連絡2']);
    expect(second.imported[0]!.recordList.every((r) => (r.contacts?.length ?? 0) <= 1)).toBe(true);
  });
});
