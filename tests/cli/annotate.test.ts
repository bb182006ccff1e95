import { createHash } from 'node:crypto';
import { copyFile, link, mkdtemp, readFile, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../core/model/report.ts';
import { FILL_ERROR, FILL_WARNING } from '../../cli/annotate.ts';
import { openXlsx } from '../../formats/xlsx/workbook.ts';
import { ZipArchive } from '../../formats/zip.ts';
import { AS_OF, ROOT, runCli } from './helpers.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function load(path: string) {
  return openXlsx(new Uint8Array(await readFile(path)));
}

/** Row numbers each fill colour is given to by the conditional formats of one worksheet part. */
async function highlighted(path: string, part: string): Promise<Map<string, number[]>> {
  const zip = new ZipArchive(new Uint8Array(await readFile(path)));
  const sheet = new TextDecoder().decode(zip.read(part));
  const dxfs = [...new TextDecoder().decode(zip.read('xl/styles.xml')).matchAll(/<dxf>(.*?)<\/dxf>/g)].map((m) => m[1]!);
  const out = new Map<string, number[]>();
  for (const m of sheet.matchAll(/<conditionalFormatting sqref="([^"]*)"><cfRule type="expression" dxfId="(\d+)"/g)) {
    const dxf = dxfs[Number(m[2])]!;
    const fill = dxf.includes(FILL_ERROR) ? FILL_ERROR : dxf.includes(FILL_WARNING) ? FILL_WARNING : 'other';
    const rows = m[1]!.split(' ').flatMap((r) => {
      const [a, b] = r.split(':').map((x) => Number(/\d+$/.exec(x)![0]));
      return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
    });
    out.set(fill, [...(out.get(fill) ?? []), ...rows]);
  }
  return out;
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
    expect(b.sheetNames.length).toBe(a.sheetNames.length + 1);
    a.sheetNames.forEach((name, i) => expect(b.grid(i, 'f'), name).toStrictEqual(a.grid(i, 'f')));
  });

  it('highlights the rows of error findings red and of warnings yellow across the used columns; error wins', async () => {
    const errorRows = new Set<number>();
    const warningRows = new Set<number>();
    for (const f of report.findings) {
      for (const l of f.locations) {
        if (l.sheet !== '10月' || l.row === undefined) continue;
        if (f.outcome === 'violation' && f.severity === 'error') errorRows.add(l.row);
        else if (f.outcome !== 'pending') warningRows.add(l.row);
      }
    }
    expect(errorRows.size).toBeGreaterThan(3);
    const fills = await highlighted(out, 'xl/worksheets/sheet1.xml');
    expect(fills.get(FILL_ERROR)).toEqual([...errorRows].sort((x, y) => x - y));
    const onlyWarning = [...warningRows].filter((r) => !errorRows.has(r)).sort((x, y) => x - y);
    expect(onlyWarning.length).toBeGreaterThan(0);
    expect(fills.get(FILL_WARNING)).toEqual(onlyWarning);
    const sheet = new TextDecoder().decode(new ZipArchive(new Uint8Array(await readFile(out))).read('xl/worksheets/sheet1.xml'));
    const width = (await load(input)).grid(0, 'f').cells[2]!.length;
    expect(sheet).toMatch(new RegExp(`sqref="A\\d+:${String.fromCharCode(64 + width)}\\d+`));
  });

  it('adds a チェック結果 sheet with one row per finding', async () => {
    const b = await load(out);
    const i = b.sheetNames.indexOf('チェック結果');
    const cells = b.grid(i, 'f').cells;
    expect(cells[0]).toEqual(['重大度', 'ルール', '利用者', '期間', 'シート', '行', 'メッセージ', '根拠']);
    expect(cells.length).toBe(report.findings.length + 1);
    expect(cells.slice(1).map((r) => r[1])).toEqual(report.findings.map((f) => f.ruleId));
    const dc = report.findings.findIndex((f) => f.ruleId === 'daily-contact');
    expect(cells[dc + 1]![0]).toBe('エラー');
    expect(cells[dc + 1]![6]).toBe(report.findings[dc]!.message.ja);
  });

  it('uses a unique name when チェック結果 already exists (annotating an annotated copy)', async () => {
    const again = join(dir, 'checked-twice.xlsx');
    const r = await runCli([out, ...AS_OF, '--annotate', again, '--sheet', '10月']);
    expect(r.code).toBe(1);
    const b = await load(again);
    expect(b.sheetNames).toEqual(['10月', 'チェック結果', 'チェック結果 (2)']);
  });

  it('refuses to write over the input file under any name: path, other spelling, symlink, hard link (exit 2)', async () => {
    const r = await runCli([input, '--annotate', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('入力ファイルと同じ');
    const viaOtherSpelling = await runCli([input, '--annotate', join(dir, '.', 'attendance.xlsx')]);
    expect(viaOtherSpelling.code).toBe(2);
    const hard = join(dir, 'hard-link.xlsx');
    await link(input, hard);
    const viaHardLink = await runCli([input, ...AS_OF, '--annotate', hard]);
    expect(viaHardLink.code).toBe(2);
    expect(viaHardLink.stderr).toContain('入力ファイルと同じ');
    const soft = join(dir, 'soft-link.xlsx');
    await symlink(input, soft);
    expect((await runCli([input, ...AS_OF, '--annotate', soft])).code).toBe(2);
    expect(sha(await readFile(input))).toBe(before);
    expect(sha(await readFile(hard))).toBe(before);
    // no temporary file left behind
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
