// The example files yield exactly their planted problems (ties examples ↔ importer ↔ engine ↔ CLI).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Report } from '../../core/model/report.ts';
import type { ExampleFile, Planted } from '../../examples/build.ts';
import { FORM_EXAMPLES, type FormExample } from '../../examples/forms.ts';
import { buildExamples } from '../../examples/scenarios.ts';
import { ROOT, runCli } from './helpers.ts';

const expected = JSON.parse(readFileSync(join(ROOT, 'examples/expected.json'), 'utf8')) as {
  files: ExampleFile[];
  forms: Omit<FormExample, 'values'>[];
};

function matches(f: Report['findings'][number], p: Planted): boolean {
  return (
    f.ruleId === p.ruleId &&
    f.severity === p.severity &&
    f.outcome === p.outcome &&
    (p.user === undefined || f.user === p.user) &&
    (p.period === undefined || (f.period?.from === p.period.from && f.period?.to === p.period.to))
  );
}

describe.each(expected.files.map((f) => [f.file, f] as const))('example %s', (_name, ex) => {
  it(`reports the planted problems, nothing else, and exits ${ex.expectedExit}`, async () => {
    const r = await runCli([`examples/${ex.file}`, ...ex.args, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(ex.expectedExit);
    const report = Report.parse(JSON.parse(r.stdout));
    // a user table (利用者台帳) sheet may stand beside the day sheets
    expect(report.inputs[0]!.sheets.every((s) => s.layout === ex.layout || s.layout === 'user-table'), JSON.stringify(report.inputs)).toBe(true);
    expect(report.inputs[0]!.sheets.some((s) => s.layout === ex.layout)).toBe(true);

    for (const p of [...ex.planted, ...ex.alsoExpected]) {
      const found = report.findings.filter((f) => matches(f, p));
      expect(found.length, `${p.ruleId} ${p.user ?? ''} ${p.what.en}`).toBe(1);
      const f = found[0]!;
      if (!p.rows.length) continue;
      const rows = f.locations.filter((l) => l.sheet === p.sheet).map((l) => l.row);
      if (p.ruleId.startsWith('input-')) {
        for (const row of p.rows) expect(rows, p.what.en).toContain(row);
        if (p.column) expect(f.locations.find((l) => l.row === p.rows[0])?.column).toBe(p.column);
      } else {
        expect([...new Set(rows)].sort((a, b) => a! - b!), p.what.en).toEqual(p.rows);
      }
    }
    // no violation that was not planted
    const unplanted = report.findings.filter((f) => f.outcome === 'violation' && !ex.planted.some((p) => matches(f, p)));
    expect(unplanted.map((f) => `${f.ruleId} ${f.user} ${f.period?.from}`)).toEqual([]);
  });
});

describe.each(expected.forms.map((f) => [f.file, f] as const))('form example %s', (_name, ex) => {
  it(`reports the planted problems and exits ${ex.expectedExit}`, async () => {
    const r = await runCli(['form', `examples/forms/${ex.file}`, '--form', ex.formId, '--as-of', '2026-11-22', '--format', 'json']);
    expect(r.code).toBe(ex.expectedExit);
    const report = JSON.parse(r.stdout) as { formId: string; findings: Report['findings']; unknownKeys: string[] };
    expect(report.formId).toBe(ex.formId);
    expect(report.unknownKeys).toEqual([]);
    for (const p of ex.planted) {
      const f = report.findings.find((x) => x.ruleId === p.ruleId && (!p.field || x.locations.some((l) => l.field === p.field)));
      expect(f, `${p.ruleId} ${p.field ?? ''}`).toBeDefined();
      expect(f!.outcome).toBe('violation');
    }
    const violations = report.findings.filter((f) => f.outcome === 'violation');
    if (ex.planted.length === 0) expect(violations).toEqual([]);
    else expect(violations.every((v) => ex.planted.some((p) => p.ruleId === v.ruleId))).toBe(true);
  });
});

it('the text presenter shows the form finding with its field', async () => {
  const r = await runCli(['form', 'examples/forms/fukuoka-assessment.problems.json', '--form', 'fukuoka-assessment', '--as-of', '2026-11-22']);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('福岡市');
  expect(r.stdout).toMatch(/\[エラー\].*60分/);
  expect(r.stdout).toContain('項目: arrivalMinutes');
});

describe('committed examples are what the generator makes', () => {
  it('every example file is byte-identical to a fresh build (run `npm run examples` after changing the generator)', async () => {
    const built = await buildExamples();
    expect(built.map((b) => b.meta.file).sort()).toEqual(expected.files.map((f) => f.file).sort());
    for (const b of built) {
      const committed = await readFile(join(ROOT, 'examples', b.meta.file));
      expect(JSON.parse(JSON.stringify(b.meta)), b.meta.file).toEqual(expected.files.find((f) => f.file === b.meta.file));
      expect(committed.equals(b.bytes), b.meta.file).toBe(true);
    }
  });

  it('the example workbooks hold real Excel dates and times, not text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ROOT, 'examples/attendance-rows.xlsx'));
    const row = wb.getWorksheet('10月')!.getRow(4);
    expect(row.getCell(1).value).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(1899, 11, 30, 9, 30)));
    expect(row.getCell(6).numFmt).toBe('h:mm');
  });

  it('the Shift_JIS CSV really is Shift_JIS and the UTF-8 one starts with a BOM', async () => {
    const sjis = await readFile(join(ROOT, 'examples/attendance-sjis.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(sjis)).toThrow();
    expect(new TextDecoder('shift_jis').decode(sjis).startsWith('日付,利用者名')).toBe(true);
    const bom = await readFile(join(ROOT, 'examples/attendance-utf8bom.csv'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('form JSON files match the generator and cover every form id', async () => {
    const { FORMS } = await import('../../core/forms/index.ts');
    for (const f of FORM_EXAMPLES) {
      const committed = JSON.parse(await readFile(join(ROOT, 'examples/forms', f.file), 'utf8'));
      expect(committed, f.file).toEqual(f.values);
    }
    const ids = new Set(FORM_EXAMPLES.map((f) => f.formId));
    for (const form of FORMS.filter((f) => f.id !== 'generic')) expect(ids, form.id).toContain(form.id);
    for (const id of ids) {
      expect(FORM_EXAMPLES.filter((f) => f.formId === id && f.expectedExit === 0).length, id).toBe(1);
      expect(FORM_EXAMPLES.filter((f) => f.formId === id && f.expectedExit === 1).length, id).toBe(1);
    }
  });
});
