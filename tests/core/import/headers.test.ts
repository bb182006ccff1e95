import { describe, expect, it } from 'vitest';
import { classifyHeader } from '../../../core/import/headers.ts';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue } from '../../../core/import/types.ts';

describe('classifyHeader', () => {
  it.each<[string, string]>([
    ['日付', 'date'], ['利用日', 'date'], ['年月日', 'date'], ['実施日', 'date'], ['月日', 'date'], ['日', 'date'], ['ｻｰﾋﾞｽ提供日', 'date'],
    ['利用者名', 'user'], ['氏　名', 'user'], ['利用者', 'user'], ['名前', 'user'], ['支給決定障害者氏名', 'user'],
    ['受給者証番号', 'recipientNo'], ['受給者番号', 'recipientNo'], ['受給者証番号（10桁）', 'recipientNo'],
    ['支給決定市町村', 'municipality'], ['支給市町村', 'municipality'], ['市町村', 'municipality'], ['支給決定自治体', 'municipality'],
    ['サービス種類', 'service'], ['サービス', 'service'], ['サービス種別', 'service'],
    ['利用形態', 'mode'], ['在宅/通所', 'mode'], ['在宅・通所', 'mode'], ['区分', 'mode'], ['サービス提供の状況', 'mode'], ['提供形態', 'mode'], ['在宅', 'mode'],
    ['開始時間', 'start'], ['作業開始', 'start'], ['開始時刻', 'start'], ['開始', 'start'], ['作業\n開始時間', 'start'],
    ['終了時間', 'end'], ['作業終了', 'end'], ['終了時刻', 'end'], ['終了', 'end'],
    ['連絡回数', 'contactCount'], ['支援回数', 'contactCount'],
    ['日報', 'dailyReport'], ['日報作成', 'dailyReport'], ['日報提出', 'dailyReport'], ['日報作成の有無', 'dailyReport'],
    ['作業内容', 'workContent'], ['訓練内容', 'workContent'], ['作業', 'workContent'], ['支援内容', 'workContent'],
    ['成果', 'result'], ['作業結果', 'result'], ['終了時確認', 'result'], ['成果内容', 'result'],
    ['週評価', 'weeklyEval'], ['評価(週)', 'weeklyEval'], ['週1評価', 'weeklyEval'], ['評価（週1回）', 'weeklyEval'], ['評価実施', 'weeklyEval'],
    ['月評価', 'monthlyEval'], ['達成度評価', 'monthlyEval'], ['月1評価', 'monthlyEval'], ['達成度評価実施日（月1回）', 'monthlyEval'],
    ['計画', 'planned'], ['個別支援計画', 'planned'], ['予定', 'planned'], ['計画上の在宅', 'planned'],
    ['受給者証在宅期間（開始）', 'certFrom'], ['在宅利用期間(開始)', 'certFrom'], ['受給者証在宅開始', 'certFrom'],
    ['受給者証在宅期間（終了）', 'certTo'], ['在宅利用期間(終了)', 'certTo'], ['受給者証在宅終了', 'certTo'],
    ['他サービス', 'otherService'], ['併用サービス', 'otherService'],
    ['備考', 'remark'], ['備　考', 'remark'],
    ['利用者確認', 'userConfirmed'], ['確認印', 'userConfirmed'], ['署名', 'userConfirmed'], ['利用者確認欄', 'userConfirmed'],
    ['変更理由', 'exceptionReason'], ['臨時理由', 'exceptionReason'],
    ['駆けつけ時間', 'arrivalMinutes'], ['緊急時所要時間', 'arrivalMinutes'],
  ])('%s → %s', (header, field) => {
    expect(classifyHeader(header)).toMatchObject({ kind: 'field', field });
  });

  it.each<[string, number]>([
    ['連絡1', 1], ['連絡①', 1], ['連絡1回目', 1], ['連絡（1回目）', 1], ['1回目', 1], ['2回目', 2], ['連絡②', 2], ['連絡（２回目）', 2],
    ['午前連絡', 1], ['午後連絡', 2], ['連絡（午前）', 1], ['連絡(午後)', 2],
  ])('%s is contact #%d', (header, order) => {
    expect(classifyHeader(header)).toEqual({ kind: 'contact', order });
  });

  it('knows range columns and unknown headers', () => {
    expect(classifyHeader('サービス提供時間')).toEqual({ kind: 'time-range' });
    expect(classifyHeader('受給者証在宅期間')).toEqual({ kind: 'cert-range' });
    expect(classifyHeader('メモ')).toBeUndefined();
    expect(classifyHeader('')).toBeUndefined();
    expect(classifyHeader(null)).toBeUndefined();
  });
});

describe('header detection and mapping', () => {
  it('finds a header with full-width text, line breaks and numbering in row 6', () => {
    const cells: CellValue[][] = [
      ['在宅就労 記録'], [], ['事業所番号', '2812345678'], [], [],
      ['【日　付】', '利用者\n氏名', '利用形態\n(在宅/通所)', '開始\n時刻', '終了\n時刻', '連絡①', '連絡②', '連絡③', '日報\n提出'],
      ['２０２６／１０／５', '山田太郎', '在宅', '９：００', '１５：００', '９：００', '１２：００', '１５：００', '済'],
    ];
    const r = importGrid({ name: 'S', cells });
    expect(r.headerRow).toBe(6);
    expect(r.columns).toMatchObject({ date: 'A', user: 'B', mode: 'C', start: 'D', end: 'E', contacts: 'F', dailyReport: 'I' });
    expect(r.recordList[0]).toMatchObject({ date: '2026-10-05', mode: 'home', start: 540, end: 900, dailyReport: true });
    expect(r.recordList[0]!.contacts!.map((c) => c.time)).toEqual([540, 720, 900]);
  });

  it('takes start and end from a single time-range column', () => {
    const r = importGrid({ name: 'S', cells: [['日付', '氏名', '区分', '作業時間'], ['2026/10/5', 'A', '在', '9:00～15:00']] });
    expect(r.columns).toMatchObject({ start: 'D', end: 'D' });
    expect(r.recordList[0]).toMatchObject({ start: 540, end: 900 });
  });

  it('reads a certificate period from one cell', () => {
    const r = importGrid({ name: 'S', cells: [['日付', '氏名', '区分', '受給者証在宅期間'], ['2026/10/5', 'A', '在', 'R8.4.1～R9.3.31']] });
    expect(r.recordList[0]).toMatchObject({ certFrom: '2026-04-01', certTo: '2027-03-31' });
    expect(r.fields).toEqual(expect.arrayContaining(['certFrom', 'certTo']));
  });

  it('honours a forced mapping by header text and by column letter', () => {
    const cells: CellValue[][] = [
      ['日', '名', '種別', 'ステータス', 'メモ'],
      ['2026/10/5', '山田', 'B型', '在宅', '電話2回'],
    ];
    const auto = importGrid({ name: 'S', cells });
    expect(auto.columns.mode).toBeUndefined();
    const forced = importGrid({ name: 'S', cells }, { mapping: { user: '名', mode: 'ステータス', remark: 'E' } });
    expect(forced.columns).toMatchObject({ date: 'A', user: 'B', mode: 'D', remark: 'E' });
    expect(forced.recordList[0]).toMatchObject({ user: '山田', mode: 'home', remark: '電話2回' });
    expect(forced.unmappedHeaders).not.toContain('ステータス');
  });

  it('forced mapping wins over the automatic one for the same column', () => {
    const cells: CellValue[][] = [['日付', '氏名', '備考'], ['2026/10/5', 'A', '在宅']];
    const r = importGrid({ name: 'S', cells }, { mapping: { mode: '備考' } });
    expect(r.columns.mode).toBe('C');
    expect(r.columns.remark).toBeUndefined();
    expect(r.recordList[0]!.mode).toBe('home');
  });

  it('honours a forced header row and layout', () => {
    const cells: CellValue[][] = [['日付', '氏名', '区分'], ['x', 'y', 'z'], ['日付', '氏名', '区分'], ['2026/10/5', 'A', '通所']];
    const r = importGrid({ name: 'S', cells }, { headerRow: 3 });
    expect(r.headerRow).toBe(3);
    expect(r.records).toBe(1);
    expect(r.inputFindings).toEqual([]);
  });

  it('uses startRow/startCol for locations', () => {
    const r = importGrid({ name: 'S', startRow: 10, startCol: 3, cells: [['日付', '氏名', '区分'], ['2026/10/5', 'A', '謎']] });
    expect(r.headerRow).toBe(10);
    expect(r.columns).toMatchObject({ date: 'C', user: 'D', mode: 'E' });
    expect(r.recordList[0]!.source.row).toBe(11);
    expect(r.inputFindings[0]!.locations[0]).toMatchObject({ row: 11, column: 'E' });
  });

  it('reports sheets without a header or without data', () => {
    const empty = importGrid({ name: 'E', cells: [[null, ''], []] });
    expect(empty.problem?.code).toBe('empty');
    expect(empty.recordList).toEqual([]);
    const noHeader = importGrid({ name: 'N', cells: [['りんご', 'みかん'], [1, 2]] });
    expect(noHeader.problem?.code).toBe('no-header');
    expect(noHeader.problem?.message.ja).toContain('見出し');
    expect(noHeader.problem?.message.en).toContain('header');
  });
});

describe('more header shapes', () => {
  it('reads 在宅 and 通所 as two ○ columns', () => {
    const r = importGrid({ name: 'S', cells: [['日付', '氏名', '在宅', '通所', '計画上の在宅'], ['2026/10/5', 'A', '○', null, '在宅'], ['2026/10/6', 'A', null, '○', null], ['2026/10/7', 'A', '×', '×', null]] });
    expect(r.recordList.map((x) => [x.date, x.mode, x.planned])).toEqual([
      ['2026-10-05', 'home', true], ['2026-10-06', 'center', undefined], ['2026-10-07', undefined, undefined],
    ]);
    expect(r.inputFindings).toEqual([]);
  });

  it('reports a mapped column that is not there', () => {
    const r = importGrid({ name: 'S', cells: [['日付', '氏名', '区分'], ['2026/10/5', 'A', '在宅']] }, { mapping: { remark: 'メモ欄' } });
    expect(r.records).toBe(1);
    expect(r.inputFindings).toHaveLength(1);
    expect(r.inputFindings[0]).toMatchObject({ ruleId: 'input-mapping', locations: [{ sheet: 'S', row: 1 }] });
    expect(r.inputFindings[0]!.message.ja).toContain('メモ欄');
  });
});
