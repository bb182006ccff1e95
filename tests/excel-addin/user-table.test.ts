// Issue 10 in the add-in: a 利用者台帳 sheet of the open workbook fills what the day rows lack, as in the CLI.
import { describe, expect, it } from 'vitest';
import { checkInWorkbook } from '../../excel-addin/check-run.ts';
import { FakeContext, FakeWorkbookState } from './fake-excel.ts';
import { attendanceSheet } from './fixture.ts';

const ctxOf = (state: FakeWorkbookState) => new FakeContext(state) as unknown as Excel.RequestContext;

describe('add-in check with a user table sheet', () => {
  it('the table gives 利用者A the 福岡市 pack; the table sheet is listed, not read as day records', async () => {
    const table = [['氏名', '支給決定市町村'], ['利用者A', '福岡市']];
    const withTable = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }, { name: '利用者台帳', values: table }] });
    const run = await checkInWorkbook(ctxOf(withTable), 'all', { asOf: '2026-11-20' }, {});
    const packs = new Set(run.report.findings.filter((f) => f.user === '利用者A').map((f) => f.pack));
    expect(packs).toEqual(new Set(['fukuoka']));
    expect(run.report.findings.some((f) => f.user === '利用者B' && f.pack === 'fukuoka')).toBe(false);
    expect(run.imported.map((s) => [s.name, s.layout])).toEqual([['10月', 'rows'], ['利用者台帳', 'user-table']]);

    const without = new FakeWorkbookState({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    const plain = await checkInWorkbook(ctxOf(without), 'all', { asOf: '2026-11-20' }, {});
    expect(plain.report.findings.some((f) => f.pack === 'fukuoka')).toBe(false);
  });
});
