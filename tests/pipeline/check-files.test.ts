import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, sheetKey } from '../../pipeline/check-files.ts';

const ROOT = join(import.meta.dirname, '../..');
const example = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(ROOT, 'examples', name))) });
const OPTS = { asOf: '2026-11-22', defaultPack: 'national' };

describe('checkFiles', () => {
  it('reads, imports and checks an example workbook', async () => {
    const r = await checkFiles([example('attendance-rows.xlsx')], OPTS);
    expect(r.fileProblems).toEqual([]);
    expect(r.report.inputs[0]!.file).toBe('attendance-rows.xlsx');
    expect(r.report.inputs[0]!.sheets[0]!.records).toBeGreaterThan(0);
    expect(r.report.findings.length).toBeGreaterThan(0);
  });

  it('keepGrids: grids[i] is the grid imported[i] was read from (user tables last, as in imported), else no grid is kept', async () => {
    const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/import', name))) });
    // the user table comes first among the files, but last among the imported sheets
    const files = [fixture('issue10-users.csv'), fixture('issue10-fiscal-edges.xlsx'), example('jisseki-kirokuhyo.xlsx')];
    const r = await checkFiles(files, { ...OPTS, keepGrids: true });
    expect(r.imported.length).toBeGreaterThan(3);
    expect(r.grids.map((g) => `${g.file}|${g.name}`)).toEqual(r.imported.map((s) => `${s.file}|${s.name}`));
    expect(r.imported.filter((s) => s.layout === 'user-table').map((s) => s.name)).toEqual(['issue10-users', '利用者台帳']);
    expect((await checkFiles(files, OPTS)).grids).toEqual([]);
  });

  it('lists an unreadable file (located) and checks the others when not strict', async () => {
    const bad = { name: 'broken.xlsx', bytes: new Uint8Array([1, 2, 3]) };
    const r = await checkFiles([bad, example('clean.xlsx')], OPTS);
    expect(r.fileProblems).toHaveLength(1);
    expect(r.fileProblems[0]!.file).toBe('broken.xlsx');
    expect(r.fileProblems[0]!.message.ja).toContain('broken.xlsx');
    expect(r.report.inputs.map((i) => i.file)).toEqual(['clean.xlsx']);
    await expect(checkFiles([bad], OPTS, true)).rejects.toThrow(/broken\.xlsx/);
  });

  it('refuses an unsupported extension with a message saying what to do', async () => {
    const r = await checkFiles([{ name: 'old.xls', bytes: new Uint8Array(10) }], OPTS);
    expect(r.fileProblems[0]!.message.ja).toContain('.xlsx として保存');
  });

  it('applies a per-sheet mapping: un-mapping a field leaves its rules not evaluated', async () => {
    const base = await checkFiles([example('attendance-rows.xlsx')], OPTS);
    const sheet = base.imported[0]!;
    expect(sheet.columns.dailyReport).toBeDefined();
    const remapped = await checkFiles([example('attendance-rows.xlsx')], { ...OPTS, sheetMappings: { [sheetKey('attendance-rows.xlsx', sheet.name)]: { dailyReport: '' } } });
    expect(remapped.imported[0]!.columns.dailyReport).toBeUndefined();
    expect(remapped.report.notEvaluated.length).toBeGreaterThan(base.report.notEvaluated.length);
  });

  it('reports progress from 0 to 1', async () => {
    const seen: number[] = [];
    await checkFiles([example('clean.xlsx')], { ...OPTS, onProgress: (d) => seen.push(d) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
