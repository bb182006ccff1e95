// Forced column mappings (ImportOptions.mapping) and the per-column view of the mapping (columnFields).
import { describe, expect, it } from 'vitest';
import { checkSheets } from '../../../core/index.ts';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue, ImportOptions } from '../../../core/import/types.ts';

const HEADER = ['日付', '利用者名', '利用形態', '開始時間', '終了時間', '連絡1', '連絡2', '日報', '作業内容', '備考'];
const rows: CellValue[][] = [
  HEADER,
  ['2026/10/1', '山田 太郎', '在宅', '9:00', '15:00', '9:00 電話', '15:00 メール', '○', '検品', '在宅就労'],
  ['2026/10/2', '山田 太郎', '通所', '9:00', '15:00', '', '', '', '検品', ''],
];
const load = (cells: CellValue[][], opts: ImportOptions = {}) => importGrid({ name: '10月', cells }, opts);

describe('columnFields', () => {
  it('lists every mapped column, each contacts column included; columns keeps one letter per field', () => {
    const res = load(rows);
    expect(res.columnFields).toEqual({ A: 'date', B: 'user', C: 'mode', D: 'start', E: 'end', F: 'contacts', G: 'contacts', H: 'dailyReport', I: 'workContent', J: 'remark' });
    expect(res.columns.contacts).toBe('F');
  });

  it('gives a one-cell time range as start and leaves unmapped and ignored columns out', () => {
    const res = load([
      ['No', '日付', '曜日', '氏名', 'サービス提供時間', '連絡①', '連絡②', '連絡③', 'メモ'],
      [1, '2026/10/1', '木', '山田', '9:00～15:00', '9:00', '12:00', '15:00', 'x'],
    ]);
    expect(res.columnFields).toEqual({ B: 'date', D: 'user', E: 'start', F: 'contacts', G: 'contacts', H: 'contacts' });
    expect(res.unmappedHeaders).toEqual(['メモ']);
  });

  it('in a matrix, gives each day column as date and the user column as user', () => {
    const days = Array.from({ length: 7 }, (_, i) => i + 1);
    const res = load([['令和8年10月分'], ['氏名', ...days, '達成度評価実施日'], ['山田', '○', '通', '○', '', '', '', '', 7]]);
    expect(res.layout).toBe('matrix');
    expect(res.columnFields).toEqual({ A: 'user', B: 'date', C: 'date', D: 'date', E: 'date', F: 'date', G: 'date', H: 'date', I: 'monthlyEval' });
  });
});

describe('forced mapping', () => {
  it('a column forced to another field stops feeding its detected field; the displaced column is reported unmapped', () => {
    const res = load(rows, { mapping: { remark: 'I' } });
    expect(res.columnFields!.I).toBe('remark');
    expect(res.fields).not.toContain('workContent');
    expect(res.fields).toContain('remark');
    expect(res.columnFields!.J).toBeUndefined();
    expect(res.unmappedHeaders).toEqual(['備考']);
    expect(res.recordList[0]!.remark).toBe('検品');
    expect(res.recordList[0]!.workContent).toBeUndefined();
  });

  it('a forced mode column replaces the detected one', () => {
    const cells = rows.map((r, i) => [...r, i === 0 ? '区分2' : i === 1 ? '通所' : '在宅']);
    const res = load(cells, { mapping: { mode: '区分2' } });
    expect(res.columnFields).toMatchObject({ K: 'mode' });
    expect(res.columnFields!.C).toBeUndefined();
    expect(res.unmappedHeaders).toEqual(['利用形態']);
    expect(res.recordList.map((r) => r.mode)).toEqual(['center', 'home']);
  });

  it("'' un-maps a field: no column, absent from fields, its rules not evaluated", () => {
    const res = load(rows, { mapping: { remark: '' } });
    expect(res.fields).not.toContain('remark');
    expect(res.columns.remark).toBeUndefined();
    expect(res.columnFields!.J).toBeUndefined();
    expect(res.unmappedHeaders).toEqual(['備考']);
    expect(res.recordList[0]!.remark).toBeUndefined();
    const report = checkSheets([res], { asOf: '2026-11-30', defaultPack: 'fukuoka' });
    expect(report.notEvaluated.map((n) => n.ruleId)).toContain('record-remark');
    expect(report.findings.some((f) => f.ruleId === 'record-remark')).toBe(false);
    const mapped = checkSheets([load(rows)], { asOf: '2026-11-30', defaultPack: 'fukuoka' });
    expect(mapped.notEvaluated.map((n) => n.ruleId)).not.toContain('record-remark');
  });

  it("un-mapping contacts drops both contacts columns", () => {
    const res = load(rows, { mapping: { contacts: '' } });
    expect(res.fields).not.toContain('contacts');
    expect(res.unmappedHeaders).toEqual(['連絡1', '連絡2']);
    expect(res.recordList[0]!.contacts).toBeUndefined();
  });

  it("un-mapping mode does not fall back to reading the mode from 備考", () => {
    const auto = load(rows.map((r) => [r[0], r[1], r[9]]));
    expect(auto.layout).toBe('remark-mode');
    expect(auto.fields).toContain('mode');
    const res = load(rows, { mapping: { mode: '' } });
    expect(res.layout).toBe('rows');
    expect(res.fields).not.toContain('mode');
    expect(res.recordList.every((r) => r.mode === undefined)).toBe(true);
  });

  it('un-mapping start of a one-cell time range un-maps both ends', () => {
    const res = load([
      ['日付', '氏名', '利用形態', 'サービス提供時間'],
      ['2026/10/1', '山田', '在宅', '9:00～15:00'],
    ], { mapping: { start: '' } });
    expect(res.fields).not.toContain('start');
    expect(res.fields).not.toContain('end');
    expect(res.recordList[0]!.start).toBeUndefined();
  });

  it('an un-mapped field takes no value from the title cells either', () => {
    const cells: CellValue[][] = [['受給者証番号：1234567890'], ['氏名：山田 太郎'], ['日付', '利用形態', '連絡1'], ['2026/10/1', '在宅', '9:00']];
    expect(load(cells).recordList[0]!.recipientNo).toBe('1234567890');
    const res = load(cells, { mapping: { recipientNo: '' } });
    expect(res.fields).not.toContain('recipientNo');
    expect(res.recordList[0]!.recipientNo).toBeUndefined();
    expect(res.recordList[0]!.user).toBe('山田 太郎');
  });

  it('contacts take a list of letters or headers; each listed column counts', () => {
    const cells: CellValue[][] = [
      ['日付', '利用者名', '利用形態', '朝の様子', '夕方の様子', '日報'],
      ['2026/10/1', '山田', '在宅', '9:00 電話', '15:00 メール', '○'],
    ];
    expect(load(cells).fields).not.toContain('contacts');
    for (const contacts of ['D,E', 'D, E', '朝の様子,夕方の様子', 'd，e']) {
      const res = load(cells, { mapping: { contacts } });
      expect(res.columnFields, contacts).toMatchObject({ D: 'contacts', E: 'contacts' });
      expect(res.recordList[0]!.contacts?.length, contacts).toBe(2);
      expect(res.inputFindings).toEqual([]);
    }
    const report = checkSheets([load(cells, { mapping: { contacts: 'D,E' } })], { asOf: '2026-11-30' });
    expect(report.findings.filter((f) => f.ruleId === 'daily-contact')).toEqual([]);
  });

  it('a list member that is not in the header gets its own input-mapping finding; the others are used', () => {
    const res = load(rows, { mapping: { contacts: 'F,連絡9' } });
    expect(res.columnFields).toMatchObject({ F: 'contacts' });
    expect(res.columnFields!.G).toBeUndefined();
    expect(res.inputFindings.map((f) => [f.ruleId, f.message.ja.includes('「連絡9」')])).toEqual([['input-mapping', true]]);
  });

  it('a header that itself holds a comma is matched whole before the list is split', () => {
    const cells: CellValue[][] = [['日付', '利用者名', '利用形態', '連絡,助言'], ['2026/10/1', '山田', '在宅', '9:00']];
    const res = load(cells, { mapping: { contacts: '連絡,助言' } });
    expect(res.columnFields).toMatchObject({ D: 'contacts' });
    expect(res.inputFindings).toEqual([]);
  });

  it('mode columns of ○ marks forced as a list keep the mode their header implies', () => {
    const cells: CellValue[][] = [
      ['日付', '利用者名', '在宅', '通所', '在宅（備考）'],
      ['2026/10/1', '山田', '○', '', ''],
      ['2026/10/2', '山田', '', '○', ''],
    ];
    const res = load(cells, { mapping: { mode: 'C,D' } });
    expect(res.columnFields).toMatchObject({ C: 'mode', D: 'mode' });
    expect(res.recordList.map((r) => r.mode)).toEqual(['home', 'center']);
  });

  it('other fields do not split on commas', () => {
    const res = load(rows, { mapping: { remark: 'I,J' } });
    expect(res.inputFindings.map((f) => f.ruleId)).toEqual(['input-mapping']);
    expect(res.columnFields!.J).toBe('remark');
  });
});
