// The patch writer: the annotated copy changes only the parts it must, and LibreOffice reads it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../core/model/report.ts';
import { annotateXlsx, FILL_ERROR, FILL_WARNING, findingsSheetXml, RESULT_SHEET, xmlEscape } from '../../formats/xlsx/annotate.ts';
import { writeTableXlsx } from '../../formats/xlsx/write-table.ts';
import { openXlsx } from '../../formats/xlsx/workbook.ts';
import { ZipArchive } from '../../formats/zip.ts';
import { ROOT } from '../cli/helpers.ts';
import { bookParts, makeBook, zip } from './ooxml.ts';

interface Fixture {
  name: string;
  bytes: Uint8Array;
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.xlsx'))) {
    out.push({ name: `examples/${f}`, bytes: new Uint8Array(readFileSync(join(ROOT, 'examples', f))) });
  }
  out.push({ name: 'libreoffice.xlsx', bytes: new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/import/attendance-libreoffice.xlsx'))) });
  out.push({ name: 'plain.xlsx', bytes: makeBook() });
  out.push({ name: 'extras.xlsx', bytes: makeBook({ extras: true }) });
  out.push({ name: 'date1904.xlsx', bytes: makeBook({ date1904: true, extras: true }) });
  out.push({ name: 'macro.xlsm', bytes: makeBook({ xlsm: true, extras: true }) });
  out.push({ name: 'descriptors.xlsx', bytes: makeBook({ extras: true, zip: { dataDescriptor: true, stored: ['xl/media/image1.png'] } }) });
  return out;
}

function finding(sheet: string, row: number, outcome: Finding['outcome'], severity: Finding['severity'], file: string): Finding {
  return {
    ruleId: 'daily-contact',
    severity,
    outcome,
    pack: 'national',
    user: '山田 太郎',
    period: { from: '2026-10-01', to: '2026-10-01' },
    locations: [{ file, sheet, row }],
    message: { ja: `連絡の記録がありません <${row}> & "x"\u0007`, en: 'no contact' },
    source: 'seeds/national.md',
  };
}

/** Findings for every sheet: row 2 error, row 3 warning, row 4 incomplete and row 5 pending (not coloured: violations only),
 * row 6 both warning and error (error wins), row 7 in another file (not coloured). */
function findingsFor(sheets: string[], file: string): Finding[] {
  return sheets.flatMap((s) => [
    finding(s, 2, 'violation', 'error', file),
    finding(s, 3, 'violation', 'warning', file),
    finding(s, 4, 'incomplete', 'warning', file),
    finding(s, 5, 'pending', 'error', file),
    finding(s, 6, 'violation', 'warning', file),
    finding(s, 6, 'violation', 'error', file),
    finding(s, 7, 'violation', 'error', 'other.xlsx'),
  ]);
}

const text = (zip: ZipArchive, name: string) => new TextDecoder().decode(zip.read(name)!);

function rowsOfSqref(sqref: string): number[] {
  return sqref.split(' ').flatMap((r) => {
    const [a, b] = r.split(':').map((x) => Number(/\d+$/.exec(x)![0]));
    return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
  });
}

const PATCHED = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);

describe('annotateXlsx (patch writer)', () => {
  const books = fixtures();
  const copies = new Map<string, Awaited<ReturnType<typeof annotateXlsx>>>();
  beforeAll(async () => {
    for (const b of books) copies.set(b.name, await annotateXlsx(b.bytes, findingsFor(openXlsx(b.bytes).sheetNames, 'in.xlsx'), 'in.xlsx'));
  });

  it.each(books.map((b) => [b.name, b] as const))('%s: every record but the patched parts is copied byte for byte', (_n, b) => {
    const copy = copies.get(b.name)!;
    const a = new ZipArchive(b.bytes).rawEntries();
    const c = new ZipArchive(copy.bytes).rawEntries();
    const copied = new Map(c.map((e) => [e.name, e]));
    let same = 0;
    for (const e of a) {
      const name = e.name.replace(/^\//, '');
      const other = copied.get(e.name)!;
      expect(other, name).toBeDefined();
      if (PATCHED.has(name) || /^xl\/worksheets\/[^/]+\.xml$/.test(name) /* every sheet has findings here */) continue;
      expect(Buffer.from(other.local).equals(Buffer.from(e.local)), name).toBe(true);
      const central = (x: Uint8Array) => Buffer.concat([x.subarray(0, 42), x.subarray(46)]);
      expect(central(other.central).equals(central(e.central)), name).toBe(true);
      same++;
    }
    expect(same).toBeGreaterThanOrEqual(2);
    // one new entry: the findings sheet
    expect(c.length).toBe(a.length + 1);
  });

  it.each(books.map((b) => [b.name, b] as const))('%s: patched parts only gain text; cell values are unchanged', (_n, b) => {
    const copy = copies.get(b.name)!;
    const za = new ZipArchive(b.bytes);
    const zc = new ZipArchive(copy.bytes);
    for (const name of za.names()) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
      const before = text(za, name);
      const after = text(zc, name);
      // the copy is the original plus <conditionalFormatting> blocks inserted in one place
      const stripped = after.replace(/(<(?:\w+:)?conditionalFormatting sqref="[^"]*"><(?:\w+:)?cfRule type="expression" dxfId="\d+" priority="\d+"><(?:\w+:)?formula>TRUE<\/(?:\w+:)?formula><\/(?:\w+:)?cfRule><\/(?:\w+:)?conditionalFormatting>)+/, '');
      expect(stripped, name).toBe(before);
    }
    const wa = openXlsx(b.bytes);
    const wc = openXlsx(copy.bytes);
    expect(wc.sheetNames).toEqual([...wa.sheetNames, RESULT_SHEET]);
    expect(wc.date1904).toBe(wa.date1904);
    wa.sheetNames.forEach((s, i) => expect(wc.grid(i, 'f'), s).toStrictEqual(wa.grid(i, 'f')));
  });

  it.each(books.map((b) => [b.name, b] as const))('%s: rows are highlighted by the row-tone policy; styles get the dxfs', (_n, b) => {
    const copy = copies.get(b.name)!;
    const zc = new ZipArchive(copy.bytes);
    const names = openXlsx(b.bytes).sheetNames;
    expect(copy.rowsHighlighted).toBe(names.length * 3);
    const styles = text(zc, 'xl/styles.xml');
    const dxfs = [...styles.matchAll(/<(?:\w+:)?dxf>(.*?)<\/(?:\w+:)?dxf>/g)].map((m) => m[1]!);
    const count = Number(/<(?:\w+:)?dxfs count="(\d+)"/.exec(styles)![1]);
    expect(count).toBe(dxfs.length);
    const sheet1 = text(zc, [...zc.names()].find((n) => /^xl\/worksheets\/sheet1\.xml$/.test(n))!);
    const blocks = [...sheet1.matchAll(/conditionalFormatting sqref="([^"]*)"><(?:\w+:)?cfRule type="expression" dxfId="(\d+)"/g)];
    const byFill = new Map(blocks.map((m) => [dxfs[Number(m[2])]!.includes(FILL_ERROR) ? 'error' : dxfs[Number(m[2])]!.includes(FILL_WARNING) ? 'warning' : '?', rowsOfSqref(m[1]!)]));
    expect(byFill.get('error')).toEqual([2, 6]);
    expect(byFill.get('warning')).toEqual([3]);
  });

  it('adds チェック結果 with one row per finding (inline strings; sharedStrings untouched), escaped', () => {
    const b = books.find((x) => x.name === 'extras.xlsx')!;
    const copy = copies.get(b.name)!;
    const wc = openXlsx(copy.bytes);
    const grid = wc.grid(wc.sheetNames.indexOf(RESULT_SHEET), 'f');
    expect(grid.cells[0]).toEqual(['重大度', 'ルール', '利用者', '期間', 'シート', '行', 'メッセージ', '根拠']);
    const all = findingsFor(openXlsx(b.bytes).sheetNames, 'in.xlsx');
    expect(grid.cells.length).toBe(all.length + 1);
    expect(grid.cells.slice(1, 5).map((r) => r[0])).toEqual(['エラー', '警告', '要確認', '期限前']);
    expect(grid.cells[1]![6]).toBe('連絡の記録がありません <2> & "x"\u0007');
    expect(grid.cells[7]![4]).toBeNull(); // the other file's location is not listed
    expect(grid.cells[7]![5]).toBeNull();
  });

  it('keeps a unique findings-sheet name when the book already has one (annotating a copy)', async () => {
    const b = books.find((x) => x.name === 'plain.xlsx')!;
    const once = copies.get(b.name)!;
    const twice = await annotateXlsx(once.bytes, [], 'in.xlsx');
    expect(twice.sheetName).toBe(`${RESULT_SHEET} (2)`);
    expect(openXlsx(twice.bytes).sheetNames).toEqual(['記録', '名簿', RESULT_SHEET, `${RESULT_SHEET} (2)`]);
  });

  it('places the block at the schema position: after mergeCells and existing rules, before dataValidations', () => {
    const copy = copies.get('extras.xlsx')!;
    const sheet = text(new ZipArchive(copy.bytes), 'xl/worksheets/sheet1.xml');
    const at = (s: string) => sheet.indexOf(s);
    expect(at('<mergeCells')).toBeLessThan(at('<conditionalFormatting sqref="C2:C6"'));
    expect(at('<conditionalFormatting sqref="C2:C6"')).toBeLessThan(at('cfRule type="expression"'));
    expect(at('cfRule type="expression"')).toBeLessThan(at('<dataValidations'));
    // after the user's priority 1
    expect(sheet).toContain('type="expression" dxfId="1" priority="2"');
  });

  it('prefixed markup (x:) gets prefixed additions', async () => {
    const b = makeBook({ prefix: 'x', extras: true });
    const copy = await annotateXlsx(b, findingsFor(['記録'], 'in.xlsx'), 'in.xlsx');
    const z = new ZipArchive(copy.bytes);
    expect(text(z, 'xl/worksheets/sheet1.xml')).toContain('<x:conditionalFormatting sqref="A2:F2 A6:F6"><x:cfRule');
    expect(text(z, 'xl/styles.xml')).toMatch(/<x:dxfs count="4"><x:dxf>/);
    expect(text(z, 'xl/workbook.xml')).toContain(`<x:sheet name="${RESULT_SHEET}" sheetId="3"`);
  });

  it('escapes text for XML and Excel', () => {
    expect(xmlEscape('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(xmlEscape('\u0007_x0041_')).toBe('_x0007__x005F_x0041_');
    expect(xmlEscape('\ud800x')).toBe('\ufffdx');
  });

  it('writes new entries that inflate to what they claim', () => {
    const copy = copies.get('plain.xlsx')!;
    const z = new ZipArchive(copy.bytes);
    for (const n of z.names()) expect(z.read(n)).toBeInstanceOf(Uint8Array); // sizes checked by read
    const sheet = new ZipArchive(copy.bytes).rawEntries().find((e) => e.name === 'xl/worksheets/sheet3.xml')!;
    const nameLen = sheet.local[26]! | (sheet.local[27]! << 8);
    const data = inflateSync(sheet.local.subarray(30 + nameLen));
    expect(new TextDecoder().decode(data)).toContain('<sheetData><row r="1">');
  });

  it('LibreOffice converts every copy without error and reads the same cells as in the original', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zc-annot-lo-'));
    const files: string[] = [];
    for (const b of books) {
      const base = b.name.replace(/[/.]/g, '_');
      const ext = b.name.endsWith('.xlsm') ? 'xlsm' : 'xlsx';
      writeFileSync(join(dir, `${base}-orig.${ext}`), b.bytes);
      writeFileSync(join(dir, `${base}-copy.${ext}`), copies.get(b.name)!.bytes);
      files.push(join(dir, `${base}-orig.${ext}`), join(dir, `${base}-copy.${ext}`));
    }
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'csv'), ...files],
      { stdio: 'pipe', timeout: 240_000 },
    );
    const csv = readdirSync(join(dir, 'csv'));
    for (const b of books) {
      const base = b.name.replace(/[/.]/g, '_');
      const names = openXlsx(b.bytes).sheetNames;
      for (const s of names) {
        const orig = csv.find((f) => f === `${base}-orig-${s}.csv`);
        const copy = csv.find((f) => f === `${base}-copy-${s}.csv`);
        expect(orig, `${b.name} ${s}`).toBeDefined();
        expect(copy, `${b.name} ${s}`).toBeDefined();
        expect(readFileSync(join(dir, 'csv', copy!), 'utf8'), `${b.name} ${s}`).toBe(readFileSync(join(dir, 'csv', orig!), 'utf8'));
      }
      expect(csv, b.name).toContain(`${base}-copy-${RESULT_SHEET}.csv`);
    }
  }, 300_000);

  it('splices the blocks into the original sheet bytes: the copy is the original plus the blocks, byte for byte', async () => {
    // multi-byte text and a surrogate pair after the insertion point
    const parts = bookParts({ extras: true });
    parts['xl/worksheets/sheet1.xml'] = (parts['xl/worksheets/sheet1.xml'] as string).replace('Web会議', 'Web会議😀');
    const bytes = zip(parts);
    const original = text(new ZipArchive(bytes), 'xl/worksheets/sheet1.xml');
    const copy = text(new ZipArchive((await annotateXlsx(bytes, findingsFor(['記録'], 'in.xlsx'), 'in.xlsx')).bytes), 'xl/worksheets/sheet1.xml');
    const at = original.indexOf('<dataValidations');
    const end = copy.indexOf('<dataValidations');
    expect(copy.slice(0, at)).toBe(original.slice(0, at));
    expect(copy.slice(end)).toBe(original.slice(at));
    expect(copy.slice(at, end)).toMatch(/^(<conditionalFormatting sqref="[^"]+"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>TRUE<\/formula><\/cfRule><\/conditionalFormatting>)+$/);
  });

  it('the findings sheet stops at the row limit with a last row saying how many findings were left out', () => {
    const findings = findingsFor(['記録'], 'in.xlsx'); // 7 findings
    const xml = new TextDecoder().decode(Buffer.concat([...findingsSheetXml(findings, 'in.xlsx', { error: 0, warning: 1, bold: 2 }, 5)]));
    const rows = [...xml.matchAll(/<row r="(\d+)">/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([1, 2, 3, 4, 5]);
    expect(xml).toContain('<dimension ref="A1:H5"/>');
    expect(xml).toMatch(/<row r="5"><c r="G5" t="inlineStr"><is><t>ほかに 4 件の指摘があります/);
    // within the limit: every finding, no note
    const all = new TextDecoder().decode(Buffer.concat([...findingsSheetXml(findings, 'in.xlsx', { error: 0, warning: 1, bold: 2 }, 8)]));
    expect([...all.matchAll(/<row r="/g)]).toHaveLength(8);
    expect(all).not.toContain('ほかに');
  });

  it('the findings table workbook stops at the row limit too, saying how many rows were left out', () => {
    const rows = Array.from({ length: 10 }, (_v, i) => [`行${i}`]);
    const cut = openXlsx(writeTableXlsx(rows, 'T', 6)).grid(0, 't.xlsx').cells;
    expect(cut.slice(0, 5).map((r) => r[0])).toEqual(['行0', '行1', '行2', '行3', '行4']);
    expect(cut).toHaveLength(6);
    expect(String(cut[5]![0])).toMatch(/^ほかに 5 行あります/);
    expect(openXlsx(writeTableXlsx(rows, 'T', 10)).grid(0, 't.xlsx').cells).toHaveLength(10);
  });

  it('without CompressionStream (older browsers) fflate deflates the new parts; the copy reads the same', async () => {
    const b = makeBook({ extras: true });
    const native = await annotateXlsx(b, findingsFor(['記録'], 'in.xlsx'), 'in.xlsx');
    vi.stubGlobal('CompressionStream', undefined);
    try {
      const fallback = await annotateXlsx(b, findingsFor(['記録'], 'in.xlsx'), 'in.xlsx');
      const a = new ZipArchive(native.bytes);
      const f = new ZipArchive(fallback.bytes);
      expect(f.names()).toEqual(a.names());
      for (const name of a.names()) expect(text(f, name), name).toBe(text(a, name));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
