import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../core/model/report.ts';
import { FILL_ERROR, FILL_WARNING } from '../../cli/annotate.ts';
import { AS_OF, ROOT, runCli } from './helpers.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
}

describe('--annotate', () => {
  let dir: string;
  let input: string;
  let out: string;
  let before: string;
  let report: Report;
  let code: number | null;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-annotate-'));
    input = join(dir, 'attendance.xlsx');
    out = join(dir, 'checked.xlsx');
    await copyFile(join(ROOT, 'examples/attendance-rows.xlsx'), input);
    before = sha(await readFile(input));
    const r = await runCli([input, ...AS_OF, '--format', 'json', '--annotate', out]);
    code = r.code;
    report = Report.parse(JSON.parse(r.stdout));
  });

  it('keeps the exit status of the check and never modifies the input', async () => {
    expect(code).toBe(1);
    expect(sha(await readFile(input))).toBe(before);
  });

  it('leaves every cell value of every original sheet unchanged', async () => {
    const a = await load(input);
    const b = await load(out);
    expect(b.worksheets.length).toBe(a.worksheets.length + 1);
    let compared = 0;
    for (const wsA of a.worksheets) {
      const wsB = b.getWorksheet(wsA.name)!;
      expect(wsB, wsA.name).toBeDefined();
      expect(wsB.rowCount).toBe(wsA.rowCount);
      for (let r = 1; r <= Math.max(wsA.rowCount, wsB.rowCount); r++) {
        for (let c = 1; c <= Math.max(wsA.columnCount, wsB.columnCount); c++) {
          const va = wsA.getRow(r).getCell(c).value ?? null;
          const vb = wsB.getRow(r).getCell(c).value ?? null;
          expect(vb, `${wsA.name}!${r}:${c}`).toEqual(va);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('fills the rows of error findings red and of warnings yellow across the used columns; error wins', async () => {
    const b = await load(out);
    const ws = b.getWorksheet('10月')!;
    const errorRows = new Set<number>();
    const warningRows = new Set<number>();
    for (const f of report.findings) {
      for (const l of f.locations) {
        if (l.sheet !== '10月' || l.row === undefined) continue;
        if (f.outcome === 'violation' && f.severity === 'error') errorRows.add(l.row);
        else if (f.outcome === 'violation') warningRows.add(l.row);
      }
    }
    expect(errorRows.size).toBeGreaterThan(3);
    for (const row of errorRows) {
      for (let c = 1; c <= ws.columnCount; c++) expect(fillOf(ws.getRow(row).getCell(c)), `row ${row} col ${c}`).toBe(FILL_ERROR);
    }
    const onlyWarning = [...warningRows].filter((r) => !errorRows.has(r));
    expect(onlyWarning.length).toBeGreaterThan(0);
    for (const row of onlyWarning) expect(fillOf(ws.getRow(row).getCell(1))).toBe(FILL_WARNING);
    // an untouched data row keeps no fill, the header keeps its own
    const touched = new Set([...errorRows, ...warningRows]);
    const clean = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => r > 3 && !touched.has(r))!;
    expect(fillOf(ws.getRow(clean).getCell(1))).toBeUndefined();
    expect(fillOf(ws.getRow(3).getCell(1))).toBe('FFDDEBF7');
  });

  it('adds a チェック結果 sheet with one row per finding', async () => {
    const b = await load(out);
    const ws = b.getWorksheet('チェック結果')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['重大度', 'ルール', '利用者', '期間', 'シート', '行', 'メッセージ', '根拠']);
    expect(ws.rowCount).toBe(report.findings.length + 1);
    const rules = [...Array(report.findings.length).keys()].map((i) => ws.getRow(i + 2).getCell(2).value);
    expect(rules).toEqual(report.findings.map((f) => f.ruleId));
    const dc = report.findings.findIndex((f) => f.ruleId === 'daily-contact');
    expect(ws.getRow(dc + 2).getCell(1).value).toBe('エラー');
    expect(ws.getRow(dc + 2).getCell(7).value).toBe(report.findings[dc]!.message.ja);
  });

  it('uses a unique name when チェック結果 already exists (annotating an annotated copy)', async () => {
    const again = join(dir, 'checked-twice.xlsx');
    const r = await runCli([out, ...AS_OF, '--annotate', again, '--sheet', '10月']);
    expect(r.code).toBe(1);
    const b = await load(again);
    expect(b.worksheets.map((w) => w.name)).toEqual(['10月', 'チェック結果', 'チェック結果 (2)']);
  });

  it('refuses to write over the input file (exit 2, input unchanged)', async () => {
    const r = await runCli([input, '--annotate', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('入力ファイルと同じ');
    const viaOtherSpelling = await runCli([input, '--annotate', join(dir, '.', 'attendance.xlsx')]);
    expect(viaOtherSpelling.code).toBe(2);
    expect(sha(await readFile(input))).toBe(before);
  });
});
