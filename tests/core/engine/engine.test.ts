import { describe, expect, it } from 'vitest';
import { Report } from '../../../core/model/report.ts';
import { checkSheets } from '../../../core/engine/index.ts';
import { importGrid } from '../../../core/import/index.ts';
import { compliantMonth, findingsOf, homeDay, run, sheetOf } from '../../helpers/records.ts';

describe('engine', () => {
  it('reports nothing for a compliant month, and the report matches the schema', () => {
    const report = run(compliantMonth('2026-10'));
    expect(Report.parse(report)).toEqual(report);
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, incomplete: 0, pending: 0, homeDays: 18 });
    expect(report.inputs).toEqual([{ file: '', sheets: [expect.objectContaining({ name: '記録', records: 22 })] }]);
  });

  it('chooses the pack per user from the municipality column, else the default', () => {
    const sheet = sheetOf([
      homeDay('2026-10-07', { user: 'A', municipality: '福岡市', remark: '' }),
      homeDay('2026-10-07', { user: 'B', municipality: '', remark: '' }),
      homeDay('2026-10-07', { user: 'C', municipality: '大阪市', remark: '' }),
    ]);
    const byDefault = checkSheets([sheet], { asOf: '2026-12-31', defaultPack: 'fukuoka' });
    const users = findingsOf(byDefault, 'record-remark').map((f) => [f.user, f.pack]);
    // A: 福岡市; B: no municipality → default fukuoka; C: 大阪市 has no pack → national (no record-remark)
    expect(users).toEqual([['A', 'fukuoka'], ['B', 'fukuoka']]);
  });

  it('judges days before a pack starts by national', () => {
    const report = run(
      [homeDay('2026-09-30', { remark: '' }), homeDay('2026-10-01', { remark: '' })],
      { defaultPack: 'fukuoka' },
    );
    expect(findingsOf(report, 'record-remark').map((f) => f.period?.from)).toEqual(['2026-10-01']);
  });

  it('applies higashiosaka only to B型 (or unknown service) users', () => {
    const day = { municipality: '東大阪市', result: '' };
    const report = run([
      homeDay('2026-10-07', { ...day, user: 'B型さん', service: 'typeB' }),
      homeDay('2026-10-07', { ...day, user: '移行さん', service: 'transition' }),
      homeDay('2026-10-07', { ...day, user: '不明さん' }),
    ]);
    expect(findingsOf(report, 'start-end-check').map((f) => f.user).sort()).toEqual(['B型さん', '不明さん']);
  });

  it('lists a rule as not evaluated when no column maps to its field, and still runs the rest', () => {
    const report = run([homeDay('2026-10-07', { dailyReport: undefined })], {}, {
      fields: ['date', 'user', 'mode', 'contacts', 'dailyReport', 'weeklyEval', 'monthlyEval', 'certFrom', 'certTo', 'workContent'],
    });
    expect(report.notEvaluated).toContainEqual(expect.objectContaining({ ruleId: 'planned-home-day', reason: "no column maps to 'planned'", sheet: '記録' }));
    expect(findingsOf(report, 'daily-report')).toHaveLength(1);
  });

  it('gives week and month findings the home-day rows of the period as locations', () => {
    const report = run([homeDay('2026-10-06'), homeDay('2026-10-07')], { asOf: '2026-12-31' });
    const week = findingsOf(report, 'weekly-evaluation')[0]!;
    expect(week.period).toEqual({ from: '2026-10-05', to: '2026-10-11' });
    expect(week.locations.map((l) => l.row)).toEqual([2, 3]);
  });

  it('lists each row once in a finding even when a row holds several days (matrix)', () => {
    const sheet = sheetOf([homeDay('2026-10-05'), homeDay('2026-10-06')]);
    for (const r of sheet.recordList) r.source.row = 7;
    const week = findingsOf(checkSheets([sheet], { asOf: '2026-12-31' }), 'weekly-evaluation')[0]!;
    expect(week.locations).toEqual([{ sheet: '記録', row: 7 }]);
  });

  it('includes the input findings of the importer and counts them as incomplete', () => {
    const sheet = sheetOf(compliantMonth('2026-10'));
    sheet.inputFindings.push({
      ruleId: 'input-date', severity: 'warning', outcome: 'incomplete', pack: 'national',
      locations: [{ sheet: '記録', row: 40, column: 'A' }], message: { ja: '日付を読めません', en: 'bad date' }, source: '',
    });
    const report = checkSheets([sheet], { asOf: '2026-12-31' });
    expect(report.findings[0]!.ruleId).toBe('input-date');
    expect(report.summary.incomplete).toBe(1);
  });

  it('does not call a violation on a cell the importer could not read: incomplete, pointing at the cell', () => {
    const sheet = importGrid({
      name: '10月',
      cells: [
        ['日付', '利用者名', '利用形態', '連絡1', '連絡2', '日報'],
        ['2026/10/6', '山田 太郎', '在宅', '9:00', '15:00', '#N/A'],
        ['2026/10/7', '山田 太郎', '在宅', '9:00', '15:00', ''],
      ],
    });
    const report = checkSheets([sheet], { asOf: '2026-12-31' });
    expect(report.findings.filter((f) => f.ruleId.startsWith('input-')).map((f) => f.locations[0])).toEqual([{ sheet: '10月', row: 2, column: 'F' }]);
    const daily = findingsOf(report, 'daily-report');
    expect(daily.map((f) => [f.period?.from, f.outcome])).toEqual([['2026-10-06', 'incomplete'], ['2026-10-07', 'violation']]);
    expect(daily[0]!.message.ja).toContain('「日報」のセル（10月!F2）を読めなかった');
  });

  it('reports an input problem of a known user under that user\'s pack', () => {
    const sheet = sheetOf([homeDay('2026-10-07', { municipality: '西尾市' })]);
    sheet.inputFindings.push({
      ruleId: 'input-duplicate', severity: 'warning', outcome: 'incomplete', pack: 'national', user: '山田 太郎',
      locations: [{ sheet: '記録', row: 3 }], message: { ja: '重複', en: 'duplicate' }, source: '',
    });
    expect(checkSheets([sheet], { asOf: '2026-12-31' }).findings.find((f) => f.ruleId === 'input-duplicate')!.pack).toBe('nishio');
  });

  it('falls back to national for an unknown default pack instead of throwing', () => {
    expect(() => run(compliantMonth('2026-10'), { defaultPack: 'nowhere' })).not.toThrow();
  });
});
