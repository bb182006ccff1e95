// Issue 10 end to end through the CLI: the 実績記録票 (exceljs and LibreOffice files), fiscal-year titles,
// a cut export, the 福岡市 transition, a user table in another file, and a run with no home day.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../core/model/report.ts';
import { runCli } from './helpers.ts';

const FIX = 'tests/fixtures/import';
const key = (f: Report['findings'][number]) => `${f.ruleId} ${f.user ?? ''} ${f.outcome} ${f.severity} ${f.period?.from ?? ''}`;

async function json(args: string[]): Promise<{ code: number | null; report: Report }> {
  const r = await runCli([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  return { code: r.code, report: Report.parse(JSON.parse(r.stdout)) };
}

describe('実績記録票 with a 利用者一覧 sheet (exceljs and LibreOffice)', () => {
  const outside = ['2026-10-19', '2026-10-20', '2026-10-22', '2026-10-23', '2026-10-26', '2026-10-27', '2026-10-29'];
  const expected = outside.flatMap((d) => [`planned-home-day 山田 太郎 violation warning ${d}`, `certificate-period 山田 太郎 violation error ${d}`]);

  for (const file of ['jisseki-exceljs.xlsx', 'jisseki-libreoffice.xlsx']) {
    it(`${file}: home days from 備考, the table's certificate period and weekday plan, nothing else`, async () => {
      const { code, report } = await json([`${FIX}/${file}`, '--as-of', '2026-11-22']);
      expect(code).toBe(1);
      expect(report.inputs[0]!.sheets.map((s) => [s.name, s.layout, s.headerRow, s.records, s.homeDays])).toEqual([
        ['山田 太郎', 'per-user-sheet', 6, 22, 16],
        ['利用者一覧', 'user-table', 2, 1, undefined],
      ]);
      // planted: days after the certificate period (ends 10/15); not flagged: 施設外支援 10/7, 欠席時対応 10/16,
      // 施設外就労 10/21, on-site Wednesdays, the footer rows (合計, 施設外支援 当月・累計, 初期加算, 枚中/枚目)
      expect(report.findings.map(key).sort()).toEqual(expected.sort());
      expect(report.findings.every((f) => !f.ruleId.startsWith('input-'))).toBe(true);
      // the form has no contact, 日報 or evaluation columns: those rules are listed, not passed
      expect(report.notEvaluated.map((n) => n.ruleId)).toEqual(expect.arrayContaining(['daily-contact', 'daily-report', 'weekly-evaluation', 'monthly-evaluation']));
      expect(report.summary.homeDays).toBe(16);
    });
  }
});

describe('fiscal-year titles, a cut export, the 福岡市 transition and a user table CSV', () => {
  it('reads every sheet and judges the edges and the transition', async () => {
    const { code, report } = await json([`${FIX}/issue10-fiscal-edges.xlsx`, `${FIX}/issue10-users.csv`, '--as-of', '2027-02-15']);
    expect(code).toBe(1);
    expect(report.inputs.flatMap((i) => i.sheets.map((s) => [s.name, s.layout, s.records, s.homeDays]))).toEqual([
      ['1月', 'rows', 21, 17],
      ['R8年度 9月', 'rows', 22, 17],
      ['export', 'rows', 52, 24],
      ['issue10-users', 'user-table', 3, undefined],
    ]);
    const keys = report.findings.map(key);
    // 令和8年度 … 1月分 is January 2027; R8年度 9月 is September 2026
    expect(keys).toContain('daily-report 井上 彩 violation error 2027-01-14');
    expect(keys).toContain('daily-contact 井上 彩 violation error 2026-09-10');
    // the week between the September and January sheets reaches into the gap
    expect(keys).toContain('weekly-evaluation 井上 彩 incomplete error 2026-12-28');
    // the export ends Wednesday 10/21: the cut week and month are incomplete and say which days are missing
    const cut = report.findings.filter((f) => f.user === '木村 拓也');
    expect(cut.map(key)).toEqual(['monthly-evaluation 木村 拓也 incomplete error 2026-10-01', 'weekly-evaluation 木村 拓也 incomplete error 2026-10-19']);
    expect(cut[0]!.message.ja).toContain('10月22日（木）〜10月31日（土）');
    expect(cut.every((f) => f.pack === 'kobe')).toBe(true); // the pack comes from the user table CSV
    // 福田 (福岡市 from the table) came 通所 only before 10/1 and has no certificate entry: errors, not incomplete
    const fukuda = report.findings.filter((f) => f.user === '福田 正');
    expect(fukuda.length).toBe(12); // every home day of 10/1–10/21 (Mon, Tue, Thu, Fri)
    expect(fukuda.every((f) => f.ruleId === 'certificate-period' && f.outcome === 'violation' && f.severity === 'error' && f.pack === 'fukuoka')).toBe(true);
    expect(report.findings.filter((f) => f.ruleId.startsWith('input-'))).toEqual([]);
  });
});

describe('a run that read no home day', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zc-issue10-'));
  const file = join(dir, 'tsusho.csv');
  writeFileSync(file, '日付,利用者名,利用形態,開始時間,終了時間\r\n2026/10/1,山田 太郎,通所,9:00,15:00\r\n2026/10/2,山田 太郎,通所,9:00,15:00\r\n');

  it('says so in the text summary (Japanese first), with records and home days per sheet, and no bare all-clear', async () => {
    const r = await runCli([file, '--as-of', '2026-11-22']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2件 うち在宅0日');
    expect(r.stdout).not.toContain('指摘はありません');
    const ja = r.stdout.indexOf('在宅の日は1日も読み取れなかった');
    const en = r.stdout.indexOf('No home day was read');
    expect(ja).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(ja);
  });

  it('--format json carries it in summary', async () => {
    const { code, report } = await json([file, '--as-of', '2026-11-22']);
    expect(code).toBe(0);
    expect(report.summary.homeDays).toBe(0);
    expect(report.summary.message?.ja).toContain('在宅の日は1日も');
    expect(report.inputs[0]!.sheets[0]!.homeDays).toBe(0);
  });
});
