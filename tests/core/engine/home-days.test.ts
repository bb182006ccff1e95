// No silent all-clear in the report: home days per sheet and a summary sentence when none was checked.
import { describe, expect, it } from 'vitest';
import { checkSheets } from '../../../core/engine/index.ts';
import { Report } from '../../../core/model/report.ts';
import { centerDay, homeDay, sheetOf } from '../../helpers/records.ts';

describe('home days in the report', () => {
  it('gives homeDays per sheet and in the summary, without a sentence when home days were checked', () => {
    const report = checkSheets([sheetOf([homeDay('2026-10-05'), centerDay('2026-10-06')], { name: 'A' }), sheetOf([centerDay('2026-10-06')], { name: 'B' })], { asOf: '2026-12-31' });
    expect(Report.parse(report)).toEqual(report);
    expect(report.inputs[0]!.sheets.map((s) => [s.name, s.records, s.homeDays])).toEqual([['A', 2, 1], ['B', 1, 0]]);
    expect(report.summary.homeDays).toBe(1);
    expect(report.summary.message).toBeUndefined();
  });

  it('says so, Japanese first, when no home day was checked at all', () => {
    const report = checkSheets([sheetOf([centerDay('2026-10-06')])], { asOf: '2026-12-31' });
    expect(report.findings).toEqual([]);
    expect(report.summary.homeDays).toBe(0);
    expect(report.summary.message!.ja).toContain('在宅の日は1日も');
    expect(report.summary.message!.en).toContain('No home day');
    expect(Report.parse(report)).toEqual(report);
  });
});
