// Issue 14 item 4 in the add-in: the 国保連 billing CSV loaded beside the open workbook, reconciled with its records.
import { describe, expect, it } from 'vitest';
import { checkInWorkbook } from '../../excel-addin/check-run.ts';
import { MAX_BILLING_MB, billingFileNames, billingFromBytes, isBillingInput, loadBillingFile, withBilling } from '../../excel-addin/billing.ts';
import { worksheetFindings } from '../../excel-addin/highlights.ts';
import { findingKey } from '../../excel-addin/reviews.ts';
import type { BillingFile } from '../../core/model/billing.ts';
import type { Finding } from '../../core/model/report.ts';
import { FakeContext, FakeWorkbookState } from './fake-excel.ts';
import { RECIPIENT_A, UNMATCHED, billingBytes, recordsSheet, rowOfDay } from './billing-fixture.ts';

const ctxOf = (state: FakeWorkbookState) => new FakeContext(state) as unknown as Excel.RequestContext;
const AS_OF = { asOf: '2026-11-20' };

function loaded(name = 'seikyu_202610.csv'): BillingFile {
  const load = billingFromBytes(billingBytes(), name);
  if (!('billing' in load)) throw new Error(`not loaded: ${load.problem}`);
  return load.billing;
}

/** Rows coloured on a sheet of the fake workbook (from the conditional formats' addresses). */
function colouredRows(state: FakeWorkbookState, sheet = 0): number[] {
  const rows = new Set<number>();
  for (const cf of state.sheets[sheet]!.cfs) {
    for (const area of cf.address.split(',')) {
      const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(area)!;
      for (let r = Number(m[1]); r <= Number(m[2]); r++) rows.add(r);
    }
  }
  return [...rows].sort((a, b) => a - b);
}

const billedLines = (f: Finding) => f.locations.filter((l) => l.file && !l.sheet).map((l) => l.row);

describe('billing CSV beside the workbook: reading', () => {
  it('is detected by content whatever it is called; other files are refused with their reason', async () => {
    const bytes = billingBytes();
    for (const name of ['seikyu.csv', 'SEIKYU.DAT', 'J611_202610', '請求データ.txt']) {
      const load = billingFromBytes(bytes, name);
      expect('billing' in load && load.billing.file).toBe(name);
    }
    const j611 = billingFromBytes(bytes, 'x.csv') as { billing: BillingFile };
    expect(j611.billing.days).toHaveLength(19);
    expect(j611.billing.months).toEqual(['2026-10']);

    const records = new TextEncoder().encode('日付,利用者名,利用形態\r\n2026/10/1,利用者A,在宅\r\n');
    expect(billingFromBytes(records, 'records.csv')).toEqual({ file: 'records.csv', problem: 'not-billing' });
    expect(billingFromBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), '記録.xlsx')).toEqual({ file: '記録.xlsx', problem: 'workbook' });
    expect(billingFromBytes(new Uint8Array(), 'empty.csv')).toEqual({ file: 'empty.csv', problem: 'empty' });

    const picked = (size: number, fail = false) => ({ name: 'p.csv', size, arrayBuffer: () => (fail ? Promise.reject(new Error('NotReadableError')) : Promise.resolve(bytes.slice().buffer)) });
    expect(await loadBillingFile(picked(bytes.length))).toMatchObject({ file: 'p.csv', billing: { days: expect.any(Array) } });
    expect(await loadBillingFile(picked(bytes.length, true))).toEqual({ file: 'p.csv', problem: 'unreadable' });
    expect(await loadBillingFile(picked(MAX_BILLING_MB * 1024 * 1024 + 1))).toMatchObject({ file: 'p.csv', problem: 'too-big' });
  });

  it('a file picked again replaces the one of that name; another name is added', () => {
    const a = loaded('a.csv');
    const a2 = loaded('a.csv');
    const b = loaded('b.csv');
    expect(withBilling(withBilling([a], b), a2)).toEqual([b, a2]);
    expect(withBilling([a], a2)[0]).toBe(a2);
  });
});

describe('billing CSV beside the workbook: the check', () => {
  it('reconciles with the records, lists the file among the inputs and colours only records rows', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: recordsSheet() }] });
    const billing = loaded();
    const run = await checkInWorkbook(ctxOf(state), 'active', AS_OF, { notes: true, writeNotes: true }, undefined, [billing]);
    const report = run.report;

    expect(report.inputs.find((i) => i.kind === 'billing')).toEqual({ file: 'seikyu_202610.csv', sheets: [], kind: 'billing', billedDays: 19, skippedRecords: {} });
    const found = report.findings.map((f) => [f.ruleId, f.period?.from ?? '', f.locations.map((l) => (l.sheet ? `${l.sheet}!${l.row}` : `${l.file}:${l.row}`)).join(' ')]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['home-day-not-billed', '2026-10-05', `10月!${rowOfDay(5)}`],
        ['billed-home-day-record', '2026-10-06', `10月!${rowOfDay(6)} seikyu_202610.csv:7`],
        ['billed-home-day-record', '2026-10-20', 'seikyu_202610.csv:20'],
        ['input-date', '', 'seikyu_202610.csv:21'],
        ['input-mapping', '', 'seikyu_202610.csv:23'],
      ]),
    );
    const unmatched = report.findings.find((f) => f.ruleId === 'input-mapping')!;
    expect(unmatched.message.ja).toContain(UNMATCHED);
    expect(report.findings.find((f) => f.period?.from === '2026-10-20')!.message.ja).toContain('seikyu_202610.csv 20行目');

    // colours: the records rows of violations only; CSV lines 7, 20 and 21 are quiet record rows of the sheet
    expect(colouredRows(state)).toEqual([rowOfDay(5), rowOfDay(6)]);
    const lines = report.findings.flatMap(billedLines);
    expect(lines).toEqual(expect.arrayContaining([7, 20, 21]));
    for (const line of lines) expect(colouredRows(state)).not.toContain(line);
    expect(recordsSheet()[20 - 1]![1]).toBe('利用者A');
    // notes too: only on records rows
    expect([...state.sheets[0]!.notes.keys()].sort()).toEqual([`A${rowOfDay(5)}`, `A${rowOfDay(6)}`].sort());
    expect(state.cellWrites).toEqual([]);
  });

  it('joins by the 受給者証番号 of a 利用者台帳 sheet when the day rows have none (all sheets)', async () => {
    const withoutNo = recordsSheet().map((row) => row.filter((_, c) => c !== 2));
    const table = [['氏名', '受給者証番号'], ['利用者A', RECIPIENT_A]];
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: withoutNo }, { name: '利用者台帳', values: table }] });
    const run = await checkInWorkbook(ctxOf(state), 'all', AS_OF, {}, undefined, [loaded()]);
    const billingRules = run.report.findings.filter((f) => /bill/.test(f.ruleId)).map((f) => [f.ruleId, f.period?.from]);
    expect(billingRules.sort()).toEqual(
      [
        ['billed-home-day-record', '2026-10-06'],
        ['billed-home-day-record', '2026-10-20'],
        ['home-day-not-billed', '2026-10-05'],
      ].sort(),
    );
    expect(colouredRows(state)).toEqual([rowOfDay(5), rowOfDay(6)]);
    expect(state.sheets[1]!.cfs).toEqual([]);
  });

  it('with no records in the workbook: the billing file is an input, its input findings are shown, rules not evaluated', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: 'Sheet1', values: [] }] });
    const run = await checkInWorkbook(ctxOf(state), 'active', AS_OF, {}, undefined, [loaded()]);
    expect(run.report.inputs.some((i) => i.kind === 'billing' && i.billedDays === 19)).toBe(true);
    expect(run.report.findings.map((f) => f.ruleId)).toEqual(['input-date']);
    const notes = run.report.notEvaluated.filter((n) => n.ruleId === 'billed-home-day-record');
    expect(notes[0]!.message!.ja).toContain('支援記録');
    expect(state.sheets[0]!.cfs).toEqual([]);
  });

  it('without a billing file the check is the workbook alone (no billing input, no billing rule)', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: recordsSheet() }] });
    const run = await checkInWorkbook(ctxOf(state), 'active', AS_OF, {});
    expect(run.report.inputs.some((i) => i.kind === 'billing')).toBe(false);
    expect(run.report.findings.some((f) => /bill/.test(f.ruleId))).toBe(false);
  });
});

describe('billing CSV beside the workbook: findings located in the file', () => {
  it('input findings only in the billing file are told apart; their lines are dropped before colouring', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: recordsSheet() }] });
    const report = (await checkInWorkbook(ctxOf(state), 'active', AS_OF, {}, undefined, [loaded()])).report;
    const names = billingFileNames(report);
    expect([...names]).toEqual(['seikyu_202610.csv']);
    expect(report.findings.filter((f) => isBillingInput(f, names)).map((f) => f.ruleId).sort()).toEqual(['input-date', 'input-mapping']);

    const onSheets = worksheetFindings(report.findings, names);
    expect(onSheets.flatMap((f) => f.locations).every((l) => l.sheet === '10月')).toBe(true);
    // a finding on a sheet row and a CSV line keeps the row; one on CSV lines only is left out
    expect(onSheets.map((f) => f.period?.from ?? '')).not.toContain('2026-10-20');
    expect(onSheets.find((f) => f.period?.from === '2026-10-06')!.locations).toEqual([{ sheet: '10月', row: rowOfDay(6) }]);
    // the report itself keeps every location
    expect(report.findings.find((f) => f.period?.from === '2026-10-06')!.locations).toHaveLength(2);
  });

  it('two findings on different CSV lines have different review keys', async () => {
    const state = new FakeWorkbookState({ sheets: [{ name: '10月', values: recordsSheet() }] });
    const report = (await checkInWorkbook(ctxOf(state), 'active', AS_OF, {}, undefined, [loaded()])).report;
    const grids = new Map();
    const inFile = report.findings.filter((f) => f.locations.every((l) => !l.sheet));
    expect(inFile.length).toBeGreaterThanOrEqual(3);
    expect(new Set(inFile.map((f) => findingKey(f, grids))).size).toBe(inFile.length);
    // a record finding's key is unchanged by the billing support (no file location)
    const sheetOnly = report.findings.find((f) => f.ruleId === 'home-day-not-billed')!;
    expect(findingKey(sheetOnly, grids)).toBe(findingKey({ ...sheetOnly, message: { ja: '別', en: 'other' } }, grids));
  });
});
