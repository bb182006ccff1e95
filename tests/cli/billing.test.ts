// The billing CSV as one more CLI input, end to end, with a J611 file written from the example records.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsxBytes } from '../../formats/index.ts';
import { importGrid } from '../../core/import/index.ts';
import type { DayRecord } from '../../core/model/record.ts';
import type { Report } from '../../core/model/report.ts';
import { j611FromRecords, writeJ611 } from '../helpers/j611.ts';
import { AS_OF, ROOT, runCli } from './helpers.ts';

const EXAMPLE = join(ROOT, 'examples/per-user-sheet.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'j611-'));
let records: DayRecord[];

beforeAll(() => {
  const bytes = new Uint8Array(readFileSync(EXAMPLE));
  records = readXlsxBytes(bytes, 'per-user-sheet.xlsx').grids.flatMap((g) => importGrid(g).recordList);
});

const billingFindings = (r: Report) => r.findings.filter((f) => /bill/.test(f.ruleId) || f.ruleId === 'input-mapping');

describe('zaitaku-check check records.xlsx billing.csv', () => {
  it('reconciles a billing file written from the same records without a finding, and lists it in inputs', async () => {
    expect(records.some((r) => r.recipientNo === '4013000066')).toBe(true);
    const file = join(dir, 'clean.csv');
    writeFileSync(file, writeJ611(j611FromRecords(records)));
    const r = await runCli(['check', EXAMPLE, file, ...AS_OF, '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(billingFindings(report)).toEqual([]);
    const input = report.inputs.find((i) => i.kind === 'billing')!;
    expect(input).toMatchObject({ file, sheets: [], kind: 'billing' });
    expect(input.billedDays).toBe(records.filter((x) => x.mode !== 'absent').length);
    // the record rules still judge the records (the example's planted problems)
    expect(report.findings.some((f) => f.ruleId === 'record-remark')).toBe(true);
  });

  it('finds planted billing problems in a file whatever it is called', async () => {
    const bill = j611FromRecords(records);
    const nakamura = bill.months.find((m) => m.recipientNo === '4013000066')!;
    const kato = bill.months.find((m) => m.recipientNo === '2810000088')!;
    const homeDays = (m: typeof nakamura) => m.days.filter((d) => d.remark === '在宅就労');
    const dropped = homeDays(kato)[0]!.day; // home day not billed
    kato.days = kato.days.filter((d) => d.day !== dropped);
    const plain = homeDays(nakamura)[1]!; // 福岡市: billed 備考 without 在宅就労
    plain.remark = '在宅';
    const late = homeDays(nakamura)[2]!; // 45 minutes later than the record
    late.start! += 45;
    const recorded = new Set(records.filter((r) => r.recipientNo === '4013000066').map((r) => +r.date.slice(8)));
    const extra = [...Array(31).keys()].map((d) => d + 1).find((d) => !recorded.has(d))!;
    nakamura.days.push({ day: extra, start: 600, end: 900, remark: '在宅就労' }); // billed home day with no record
    nakamura.days.sort((a, b) => a.day - b.day);
    const file = join(dir, 'SEIKYU.DAT');
    writeFileSync(file, writeJ611(bill));

    const r = await runCli(['check', EXAMPLE, file, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(1);
    const found = billingFindings(JSON.parse(r.stdout) as Report).map((f) => [f.ruleId, f.user, f.period?.from, f.severity]);
    const day = (d: number) => `2026-10-${String(d).padStart(2, '0')}`;
    expect(found.sort()).toEqual(
      [
        ['billed-home-day-record', '中村 さくら', day(extra), 'error'],
        ['billed-time-mismatch', '中村 さくら', day(late.day), 'warning'],
        ['home-day-billed-remark', '中村 さくら', day(plain.day), 'error'],
        ['home-day-not-billed', '加藤 由美', day(dropped), 'warning'],
      ].sort(),
    );
    const text = await runCli(['check', EXAMPLE, file, ...AS_OF]);
    expect(text.stdout).toContain('[国保連CSV J611] 請求日');
    expect(text.stdout).toContain('在宅利用として請求していますが、支援記録にその日の記録がありません');
  });

  it('with the billing file alone: every rule is not evaluated, saying to add the support records', async () => {
    const file = join(dir, 'alone.csv');
    writeFileSync(file, writeJ611(j611FromRecords(records)));
    const r = await runCli(['check', file, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings).toEqual([]);
    const ids = report.notEvaluated.map((n) => n.ruleId);
    for (const id of ['daily-contact', 'daily-report', 'weekly-evaluation', 'monthly-evaluation', 'billed-home-day-record', 'home-day-billed-remark']) {
      expect(ids, id).toContain(id);
    }
    expect(report.notEvaluated[0]!.message!.ja).toContain('支援記録のファイル（勤怠表・実績記録票など）も指定してください');
  });
});
