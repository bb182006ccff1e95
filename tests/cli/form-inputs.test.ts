// The CLI on form-style templates: real files as shipped, a folder of filled copies joined per user-month.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type CliIO } from '../../cli/run.ts';
import type { Report } from '../../core/model/report.ts';
import { novemberCopies, SHEET_TEXT, SHIEN_KIROKU, TASSEI_HYOKA } from '../helpers/form-templates.ts';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, isTty: false, today: '2027-01-31' };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

function novemberFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zc-forms-'));
  const { week1, week2, monthly } = novemberCopies('online');
  writeFileSync(join(dir, '支援記録_第1週.xlsx'), week1.bytes());
  writeFileSync(join(dir, '支援記録_第2週.xlsx'), week2.bytes());
  writeFileSync(join(dir, '達成度評価_11月.xlsx'), monthly.bytes());
  writeFileSync(join(dir, 'メモ.docx'), 'not a record');
  return dir;
}

describe('CLI on form-style templates', () => {
  it('the real blank templates: exit 0, no findings, each sheet says it has no records or was skipped', async () => {
    const r = await cli(['check', SHIEN_KIROKU, TASSEI_HYOKA, '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('エラー 0件');
    expect(r.stdout).toContain('シートについての注意 / Notes on sheets:');
    expect(r.stdout).toContain('記入された記録がありません');
    expect(r.stdout).toContain('--include-samples');
    const json = await cli(['check', SHIEN_KIROKU, '--format', 'json']);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.findings).toEqual([]);
    const sheets = report.inputs[0]!.sheets;
    expect(sheets.map((s) => [s.name, s.layout, s.records, Boolean(s.note)])).toEqual([
      ['支援記録', 'form', 0, true],
      ['支援記録 (評価)', 'form', 0, true],
      ['【記載例】支援記録 (評価)', undefined, 0, true],
    ]);
  });

  it('--include-samples reads the 【記載例】 sheet', async () => {
    const r = await cli(['check', SHIEN_KIROKU, '--format', 'json', '--include-samples']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.inputs[0]!.sheets.find((s) => s.name.startsWith('【記載例】'))!.records).toBe(2);
  });

  it('a folder: every record file inside, joined into one user-month, with the files named', async () => {
    const dir = novemberFolder();
    const r = await cli(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.inputs.map((i) => i.file.split('/').pop())).toEqual(['支援記録_第1週.xlsx', '支援記録_第2週.xlsx', '達成度評価_11月.xlsx']);
    expect(report.sources).toEqual([{ user: '在宅 花子', recipientNo: '123456789', month: '2026-11', files: report.inputs.map((i) => i.file) }]);
    const violations = report.findings.filter((f) => f.outcome === 'violation').map((f) => `${f.ruleId} ${f.period?.from}`);
    expect(violations.sort()).toEqual(['daily-contact 2026-11-11', 'monthly-evaluation 2026-11-01', 'weekly-evaluation 2026-11-09']);
    const text = await cli(['check', dir, '--no-color']);
    expect(text.stdout).toContain('利用者・月ごとの入力ファイル / Files per user-month:');
    expect(text.stdout).toMatch(/在宅 花子（123456789） 2026-11: .*支援記録_第1週\.xlsx, .*支援記録_第2週\.xlsx, .*達成度評価_11月\.xlsx/);
  });

  it('a 達成度評価シート with a blank field: the finding is titled with the form and located', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zc-sheet-'));
    const { monthly } = novemberCopies('center', SHEET_TEXT.filter(([ref]) => ref !== 'D25'));
    writeFileSync(join(dir, '達成度.xlsx'), monthly.bytes());
    const r = await cli(['check', join(dir, '達成度.xlsx'), '--no-color']);
    expect(r.stdout).toContain('evaluation-sheet 達成度評価シート');
    expect(r.stdout).toContain('達成評価シート!A25');
  });

  it('an empty folder is a clear usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zc-empty-'));
    mkdirSync(join(dir, 'sub'));
    const r = await cli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('チェックできるファイル');
  });
});
