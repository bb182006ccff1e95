import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../core/model/report.ts';
import { RULES } from '../../core/rules/index.ts';
import { PACKS } from '../../core/packs/index.ts';
import { OPTION_NAMES } from '../../cli/args.ts';
import { AS_OF, runCli } from './helpers.ts';

const ESC = '\x1b[';
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'zc-cli-'));
});

describe('check: exit status and output', () => {
  it('exits 0 on the clean example, with the Japanese no-findings line', async () => {
    const r = await runCli(['examples/clean.xlsx', ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('指摘はありません');
    expect(r.stdout).toContain('エラー 0件');
  });

  it('exits 1 on a file with an error and prints the Japanese finding with rows and source', async () => {
    const r = await runCli(['examples/attendance-rows.xlsx', ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('■ 北野 花子 さん');
    expect(r.stdout).toContain('連絡・助言・進捗確認の記録が1回です');
    expect(r.stdout).toMatch(/\[エラー\] 2026-10-06 /);
    expect(r.stdout).toMatch(/行: 10月!7\b/);
    expect(r.stdout).toMatch(/根拠: 001 §3②/);
    expect(r.stdout).toContain('[警告] 2026-10-19〜2026-10-25');
    expect(r.stdout).toContain('[要確認]');
    expect(r.stdout).toMatch(/結果: エラー \d+件/);
    // English only with --lang en
    expect(r.stdout).not.toContain('contact(s)');
    expect(r.stdout).not.toMatch(/\bRecord\b|\bdaily report\b/);
  });

  it('--lang en puts English first and keeps the Japanese line', async () => {
    const r = await runCli(['examples/remark-mode.xlsx', ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const i = lines.findIndex((l) => l.includes('[Error/エラー] 2026-10-20'));
    expect(i).toBeGreaterThan(0);
    expect(lines[i]).toMatch(/daily report/i);
    expect(lines[i + 1]).toContain('日報');
    expect(r.stdout).toContain('Result:');
  });

  it('json output is exactly a Report (zod-valid) and agrees with the exit status', async () => {
    const r = await runCli(['examples/attendance-rows.xlsx', ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(Object.keys(JSON.parse(r.stdout)).sort()).toEqual(['asOf', 'findings', 'inputs', 'notEvaluated', 'summary', 'version']);
    expect(report.asOf).toBe('2026-11-22');
    expect(report.inputs[0]!.file).toBe('examples/attendance-rows.xlsx');
    expect(report.inputs[0]!.sheets[0]!.name).toBe('10月');
    expect(report.inputs[0]!.sheets[0]!.headerRow).toBe(3);
    const errors = report.findings.filter((f) => f.outcome === 'violation' && f.severity === 'error').length;
    expect(report.summary.errors).toBe(errors);
    expect(errors).toBeGreaterThan(0);
    expect(r.stdout.startsWith('{\n  "version": 1')).toBe(true);
  });

  it('--capacity settles home-user-ratio and --municipality sets the default pack', async () => {
    const base = await runCli(['examples/attendance-rows.xlsx', ...AS_OF, '--format', 'json']);
    const withCap = await runCli(['examples/attendance-rows.xlsx', ...AS_OF, '--format', 'json', '--capacity', '20', '--municipality', 'kobe']);
    const a = Report.parse(JSON.parse(base.stdout));
    const b = Report.parse(JSON.parse(withCap.stdout));
    expect(a.findings.some((f) => f.ruleId === 'home-user-ratio' && f.outcome === 'incomplete')).toBe(true);
    expect(b.findings.some((f) => f.ruleId === 'home-user-ratio')).toBe(false);
    // 田中 実 has no municipality: national by default, kobe with --municipality kobe
    expect(a.findings.find((f) => f.user === '田中 実' && f.ruleId === 'daily-report')?.pack).toBe('national');
    expect(b.findings.find((f) => f.user === '田中 実' && f.ruleId === 'daily-report')?.pack).toBe('kobe');
  });

  it('--as-of decides pending: a month still running at the as-of date is pending, not a violation', async () => {
    const during = await runCli(['examples/attendance-rows.xlsx', '--as-of', '2026-10-20', '--format', 'json']);
    const after = await runCli(['examples/attendance-rows.xlsx', ...AS_OF, '--format', 'json']);
    const monthly = (out: string) =>
      Report.parse(JSON.parse(out)).findings.find((f) => f.ruleId === 'monthly-evaluation' && f.user === '田中 実');
    expect(monthly(during.stdout)?.outcome).toBe('pending');
    expect(monthly(after.stdout)?.outcome).toBe('violation');
    expect(Report.parse(JSON.parse(during.stdout)).summary.pending).toBeGreaterThan(0);
  });

  it('--sheet limits the check; an unknown sheet is a usage error listing the sheets', async () => {
    const ok = await runCli(['examples/per-user-sheet.xlsx', ...AS_OF, '--format', 'json', '--sheet', '加藤 由美']);
    const report = Report.parse(JSON.parse(ok.stdout));
    expect(report.inputs[0]!.sheets.map((s) => s.name)).toEqual(['加藤 由美']);
    expect(new Set(report.findings.map((f) => f.user))).toEqual(new Set(['加藤 由美']));
    const bad = await runCli(['examples/per-user-sheet.xlsx', '--sheet', 'ない']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('中村 さくら');
  });

  it('checks several files at once and names the file in each location', async () => {
    const r = await runCli(['examples/remark-mode.xlsx', 'examples/attendance-utf8bom.csv', ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.inputs.map((i) => i.file)).toEqual(['examples/remark-mode.xlsx', 'examples/attendance-utf8bom.csv']);
    const files = new Set(report.findings.flatMap((f) => f.locations.map((l) => l.file)));
    expect(files).toEqual(new Set(['examples/remark-mode.xlsx', 'examples/attendance-utf8bom.csv']));
    const text = await runCli(['examples/remark-mode.xlsx', 'examples/attendance-utf8bom.csv', ...AS_OF]);
    expect(text.stdout).toContain('examples/remark-mode.xlsx 実績記録票!');
  });

  it('--map forces a column: mapping 作業内容 to remark changes what is read', async () => {
    const r = await runCli(['examples/clean.xlsx', ...AS_OF, '--format', 'json', '--map', 'remark=作業内容']);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.inputs[0]!.sheets[0]!.columns.remark).toBe('K');
  });

  it('options without a file are a usage error (exit 2, JSON error object in json mode)', async () => {
    const r = await runCli([...AS_OF, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: { ja: expect.stringContaining('ファイル'), en: expect.stringContaining('file') } });
  });

  it('--map field= un-maps a column: its rules are listed as not evaluated', async () => {
    const r = await runCli(['examples/clean.xlsx', ...AS_OF, '--format', 'json', '--map', 'dailyReport=']);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.inputs[0]!.sheets[0]!.columns.dailyReport).toBeUndefined();
    expect(report.notEvaluated.map((n) => n.ruleId)).toContain('daily-report');
  });

  it('--map contacts=F,G maps several contact columns', async () => {
    const r = await runCli(['examples/clean.xlsx', ...AS_OF, '--format', 'json', '--map', 'contacts=連絡1,連絡2']);
    expect(r.code).toBe(0);
    expect(Report.parse(JSON.parse(r.stdout)).findings.filter((f) => f.ruleId === 'daily-contact')).toEqual([]);
  });
});

describe('colour', () => {
  it('is plain when stdout is not a TTY', async () => {
    const r = await runCli(['examples/remark-mode.xlsx', ...AS_OF]);
    expect(r.stdout).not.toContain(ESC);
  });
  it('FORCE_COLOR colours severities; NO_COLOR and --no-color win over it', async () => {
    const forced = await runCli(['examples/remark-mode.xlsx', ...AS_OF], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain(`${ESC}31m[エラー]`);
    expect(forced.stdout).toContain(`${ESC}33m[警告]`);
    const noColor = await runCli(['examples/remark-mode.xlsx', ...AS_OF], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(noColor.stdout).not.toContain(ESC);
    expect(noColor.stdout).toContain('[エラー]');
    const flag = await runCli(['examples/remark-mode.xlsx', ...AS_OF, '--no-color'], { FORCE_COLOR: '1' });
    expect(flag.stdout).not.toContain(ESC);
  });
});

describe('usage errors and unreadable input exit 2', () => {
  it('missing file: bilingual stderr, nothing on stdout in text mode', async () => {
    const r = await runCli(['examples/does-not-exist.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ファイルが見つかりません');
    expect(r.stderr).toContain('File not found');
  });

  it('missing file in json mode: only a JSON error object on stdout', async () => {
    const r = await runCli(['examples/does-not-exist.xlsx', '--format', 'json']);
    expect(r.code).toBe(2);
    const parsed = JSON.parse(r.stdout) as { error: { ja: string; en: string } };
    expect(Object.keys(parsed)).toEqual(['error']);
    expect(parsed.error.ja).toContain('見つかりません');
    expect(parsed.error.en).toContain('not found');
  });

  it('a corrupt .xlsx and an unsupported type are unreadable', async () => {
    const bad = join(tmp, 'broken.xlsx');
    await writeFile(bad, 'this is not a zip');
    const r = await runCli([bad, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.ja).toContain('ZIP 形式の .xlsx ではなく');
    const xls = join(tmp, 'old.xls');
    await writeFile(xls, 'x');
    const r2 = await runCli([xls]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('.xlsx として保存し直して');
  });

  it('a workbook with no recognisable records is an input error, not a clean pass', async () => {
    const empty = join(tmp, 'notes.csv');
    await writeFile(empty, 'メモ\nこれは勤怠表ではありません\n');
    const r = await runCli([empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('チェックできる記録を読み取れませんでした');
  });

  it.each([
    [['examples/clean.xlsx', '--municipality', 'osaka'], 'national, kobe, higashiosaka, fukuoka, nishio'],
    [['examples/clean.xlsx', '--as-of', '2026-02-30'], 'YYYY-MM-DD'],
    [['examples/clean.xlsx', '--as-of', 'today'], 'YYYY-MM-DD'],
    [['examples/clean.xlsx', '--week-start', 'tue'], 'mon, sun'],
    [['examples/clean.xlsx', '--capacity', 'twenty'], '--capacity'],
    [['examples/clean.xlsx', '--capacity', '0'], '--capacity'],
    [['examples/clean.xlsx', '--format', 'xml'], 'text, json'],
    [['examples/clean.xlsx', '--map', 'colour=色'], 'recipientNo'],
    [['examples/clean.xlsx', '--map', 'mode'], 'field=header'],
    [['examples/clean.xlsx', '--bogus'], '--bogus'],
    [['check'], 'ファイルを指定してください'],
    [['rules', '--pack', 'tokyo'], 'national, kobe'],
    [['form', 'examples/forms/kobe-application.valid.json', '--form', 'nope'], 'kobe-application'],
    [['form', 'examples/forms/kobe-application.valid.json'], '--form'],
    [['examples/attendance-sjis.csv', '--annotate', '/tmp/x.xlsx'], '.xlsx'],
  ])('%j → exit 2 with a message naming the valid values', async (args, hint) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(hint);
    expect(r.stderr).toMatch(/エラー: /);
    expect(r.stderr).toMatch(/Error: /);
  });

  it('a form file that is not a JSON object of strings is a located input error', async () => {
    const arr = join(tmp, 'form-array.json');
    await writeFile(arr, '["a"]');
    const r1 = await runCli(['form', arr, '--form', 'kobe-application']);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('JSON オブジェクト');
    const nested = join(tmp, 'form-nested.json');
    await writeFile(nested, '{"providerNo": {"x": 1}}');
    const r2 = await runCli(['form', nested, '--form', 'kobe-application']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('providerNo');
    const broken = join(tmp, 'form-broken.json');
    await writeFile(broken, '{"providerNo": ');
    const r3 = await runCli(['form', broken, '--form', 'kobe-application', '--format', 'json']);
    expect(r3.code).toBe(2);
    expect(JSON.parse(r3.stdout).error.ja).toContain('JSON として読み込めません');
  });

  it('a workbook with a data sheet and a notes sheet is checked, and the skipped sheet is named', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('examples/clean.xlsx');
    wb.addWorksheet('メモ').getCell('A1').value = '今月の連絡事項：特になし';
    const path = join(tmp, 'with-notes.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await runCli([path, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('読み込めなかったシート');
    expect(r.stdout).toMatch(/\[メモ\]/);
  });

  it('a bad option in json mode yields the JSON error object', async () => {
    const r = await runCli(['examples/clean.xlsx', '--format', 'json', '--as-of', '2026-13-01']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.en).toContain('--as-of');
  });
});

describe('help, version, rules', () => {
  it('--help explains every option and exit code in Japanese and English', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of OPTION_NAMES) expect(r.stdout).toContain(`--${name}`);
    for (const pack of PACKS) expect(r.stdout).toContain(pack.id);
    expect(r.stdout).toContain('終了コード');
    expect(r.stdout).toContain('Exit status');
    expect(r.stdout).toMatch(/^ {2}0 {2}エラー/m);
    expect(r.stdout).toMatch(/^ {2}2 {2}bad usage/m);
    const short = await runCli(['-h']);
    expect(short.stdout).toBe(r.stdout);
    const none = await runCli([]);
    expect(none.stdout).toBe(r.stdout);
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rules lists every rule id with scope, severities per pack and sources', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    for (const rule of RULES) {
      const line = r.stdout.split('\n').find((l) => l.startsWith(`${rule.meta.id} `));
      expect(line, rule.meta.id).toBeDefined();
      expect(line).toContain(rule.meta.title.ja);
      expect(line).toContain(rule.meta.sources[0]);
      expect(line).toContain(rule.meta.scope);
    }
    const header = r.stdout.split('\n')[1]!;
    for (const pack of PACKS) expect(header).toContain(pack.id);
  });

  it('rules --pack shows only that pack, and --format json gives severities', async () => {
    const r = await runCli(['rules', '--pack', 'fukuoka', '--format', 'json']);
    const rows = JSON.parse(r.stdout) as { id: string; severity: Record<string, string | null> }[];
    expect(rows.find((x) => x.id === 'record-remark')?.severity).toEqual({ fukuoka: 'error' });
    expect(rows.find((x) => x.id === 'start-end-check')).toBeUndefined();
    const all = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as typeof rows;
    expect(all.find((x) => x.id === 'planned-home-day')?.severity).toMatchObject({ national: 'warning', nishio: 'error' });
  });
});
