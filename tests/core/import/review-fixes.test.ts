// Regressions from review: month context from dated day headers, remark-mode wording, ○/× free text, 他サービス なし.
import { describe, expect, it } from 'vitest';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue } from '../../../core/import/types.ts';
import type { DayRecord } from '../../../core/model/record.ts';

const OCT = Array.from({ length: 31 }, (_, i) => new Date(Date.UTC(2026, 9, i + 1)));
const weekday = (d: Date) => d.getUTCDay();
/** Excel 1900-system serial of a UTC date, as Office.js gives date cells. */
const serial = (d: Date) => Math.round(d.getTime() / 86_400_000) + 25569;

function byDate(recs: DayRecord[], user?: string): Map<string, DayRecord> {
  return new Map(recs.filter((r) => user === undefined || r.user === user).map((r) => [r.date, r]));
}

describe('matrix whose day headers are real dates, title without a month', () => {
  const marks = OCT.map((d) => (weekday(d) === 0 || weekday(d) === 6 ? null : weekday(d) === 1 ? '通所' : '○'));
  const cells: CellValue[][] = [
    ['在宅就労支援実施一覧表'],
    ['氏名', ...OCT, '評価実施日（週1回）', '達成度評価実施日（月1回）'],
    ['福 三郎', ...marks, '5、12、19', '5'],
  ];

  it('completes evaluation day numbers with the headers’ month, without input-date findings', () => {
    const res = importGrid({ name: '一覧', cells });
    expect(res.layout).toBe('matrix');
    expect(res.inputFindings).toEqual([]);
    const recs = byDate(res.recordList);
    for (const d of ['2026-10-05', '2026-10-12', '2026-10-19']) expect(recs.get(d)?.weeklyEval, d).toBe('center');
    expect(recs.get('2026-10-05')?.monthlyEval).toBe('center');
    expect(recs.get('2026-10-06')).toMatchObject({ mode: 'home', weeklyEval: undefined, monthlyEval: undefined });
  });

  it('does the same when the host gives the headers as date serials (Office.js)', () => {
    const serialCells = cells.map((row, i) => (i === 1 ? row.map((v) => (v instanceof Date ? serial(v) : v)) : row));
    const res = importGrid({ name: '一覧', cells: serialCells });
    expect(res.layout).toBe('matrix');
    expect(res.inputFindings).toEqual([]);
    const recs = byDate(res.recordList);
    expect(recs.get('2026-10-12')).toMatchObject({ mode: 'center', weeklyEval: 'center' });
    expect(recs.get('2026-10-13')).toMatchObject({ mode: 'home' });
    expect(res.recordList).toHaveLength(22);
  });

  it('does not take a row of large numbers for date headers', () => {
    const amounts: CellValue[][] = [
      ['工賃', 40000, 43000, 45000, 60000, 41000, 52000, 70000],
      ['日付', '利用者名', '利用形態'],
      ['2026/10/1', '福 三郎', '在宅'],
    ];
    const res = importGrid({ name: 'x', cells: amounts });
    expect(res.layout).toBe('rows');
    expect(res.headerRow).toBe(2);
  });

  it('with headers spanning two months, a day number takes the one day column of that day', () => {
    const days = Array.from({ length: 31 }, (_, i) => new Date(Date.UTC(2026, 9, 16 + i))); // 10/16 … 11/15
    const res = importGrid({
      name: '一覧',
      cells: [
        ['在宅就労支援実施一覧表'],
        ['氏名', ...days, '評価実施日（週1回）'],
        ['福 三郎', ...days.map(() => '○'), '20、3'],
      ],
    });
    expect(res.inputFindings).toEqual([]);
    const recs = byDate(res.recordList);
    expect(recs.get('2026-10-20')?.weeklyEval).toBe('unknown');
    expect(recs.get('2026-11-03')?.weeklyEval).toBe('unknown');
  });

  it('still reports a day number when no month can be known', () => {
    const res = importGrid({
      name: '一覧',
      cells: [['在宅就労支援実施一覧表'], ['氏名', ...Array.from({ length: 31 }, (_, i) => i + 1), '評価実施日（週1回）'], ['福 三郎', ...OCT.map(() => '○'), '5']],
    });
    expect(res.records).toBe(0);
    expect(res.inputFindings.map((f) => f.ruleId)).toEqual(['input-date', 'input-mapping']);
  });
});

describe('rows whose date column mixes full dates and day numbers', () => {
  it('completes the day numbers when every full date is in one month', () => {
    const res = importGrid({
      name: 'x',
      cells: [
        ['日付', '利用者名', '利用形態'],
        ['2026/10/1', '福 三郎', '在宅'],
        ['2', '福 三郎', '在宅'],
        [5, '福 三郎', '通所'],
        ['10/6', '福 三郎', '在宅'],
      ],
    });
    expect(res.inputFindings).toEqual([]);
    expect(res.recordList.map((r) => [r.date, r.mode])).toEqual([
      ['2026-10-01', 'home'],
      ['2026-10-02', 'home'],
      ['2026-10-05', 'center'],
      ['2026-10-06', 'home'],
    ]);
  });

  it('does not guess when the full dates span two months', () => {
    const res = importGrid({
      name: 'x',
      cells: [
        ['日付', '利用者名', '利用形態'],
        ['2026/10/31', '福 三郎', '在宅'],
        ['2026/11/2', '福 三郎', '在宅'],
        ['3', '福 三郎', '在宅'],
      ],
    });
    expect(res.records).toBe(2);
    expect(res.inputFindings).toHaveLength(1);
    expect(res.inputFindings[0]).toMatchObject({ ruleId: 'input-date', locations: [{ row: 4, column: 'A' }] });
  });
});

describe('remark-mode reads what the 備考 says', () => {
  const remarks: [string, DayRecord['mode'] | 'ambiguous'][] = [
    ['在宅就労', 'home'],
    ['在宅支援（届出済）', 'home'],
    ['サテライトオフィスで作業', 'home'],
    ['欠席（在宅での作業なし）', 'absent'],
    ['在宅予定だったが通所に変更', 'center'],
    ['在宅→通所', 'center'],
    ['通所予定→在宅に変更', 'home'],
    ['体調不良のため休み', 'absent'],
    ['欠', 'absent'],
    ['在宅なし', 'center'],
    ['在宅ではなく施設外就労', 'offsite'],
    ['在宅就労（昼休み60分）', 'home'],
    ['在宅予定', 'ambiguous'],
    ['午前在宅・午後通所', 'ambiguous'],
    ['在宅？', 'ambiguous'],
    ['通所', 'center'],
  ];
  const cells: CellValue[][] = [
    ['令和8年10月分 サービス提供実績記録票'],
    ['氏名', '福 四郎'],
    ['日付', '開始時間', '終了時間', '備考'],
    ...remarks.map(([remark], i): CellValue[] => [i + 1, '9:30', '15:30', remark]),
  ];
  const res = importGrid({ name: '福 四郎', cells });

  it('takes absences, negations and changes of plan before the word 在宅', () => {
    expect(res.layout).toBe('remark-mode');
    const recs = byDate(res.recordList);
    remarks.forEach(([remark, want], i) => {
      const rec = recs.get(`2026-10-${String(i + 1).padStart(2, '0')}`);
      expect(rec, remark).toBeDefined();
      expect(rec!.mode, remark).toBe(want === 'ambiguous' ? undefined : want);
    });
  });

  it('reports an ambiguous 在宅 remark at its cell instead of guessing home', () => {
    const ambiguousRows = remarks.flatMap(([, want], i) => (want === 'ambiguous' ? [i + 4] : []));
    const f = res.inputFindings.filter((x) => x.ruleId === 'input-unknown-mode');
    expect(f.map((x) => x.locations[0])).toEqual(ambiguousRows.map((row) => ({ sheet: '福 四郎', row, column: 'D' })));
    expect(f[0]).toMatchObject({ outcome: 'incomplete', user: '福 四郎' });
    expect(f[0]!.message.ja).toContain('「在宅予定」');
    expect(f[0]!.message.ja).toContain('備考からは判断できません');
    expect(f[0]!.message.en).toContain('does not say clearly');
    expect(res.inputFindings).toHaveLength(ambiguousRows.length);
  });

  it('without a start time, a negated 在宅 leaves the mode unknown rather than home', () => {
    const r = importGrid({ name: '福 四郎', cells: [['令和8年10月分'], ['日付', '終了時間', '備考'], [7, '', '在宅での作業なし']] });
    expect(r.recordList[0]?.mode).toBeUndefined();
  });
});

describe('○/× columns read free text by its words', () => {
  const values: [CellValue, boolean | undefined | 'unreadable'][] = [
    ['○', true],
    ['提出済', true],
    ['作成済み', true],
    ['メールで提出', true],
    ['有（メール）', true],
    ['15:30', true],
    ['×', false],
    ['未提出', false],
    ['後日提出予定', false],
    ['提出待ち', false],
    ['作成していない', false],
    ['不要', false],
    ['無し', false],
    ['作成中', false],
    ['体調による', 'unreadable'],
    ['see note', 'unreadable'],
    [7, 'unreadable'],
    [null, undefined],
  ];
  const cells: CellValue[][] = [
    ['日付', '利用者名', '利用形態', '日報', '個別支援計画', '利用者確認', '週評価'],
    ...values.map(([v], i): CellValue[] => [`2026/10/${i + 1}`, '日 報子', '在宅', v, v, v, v]),
  ];
  const res = importGrid({ name: 'x', cells });
  const recs = byDate(res.recordList);

  it('daily report: negatives and pending words are false, unreadable text is left undefined', () => {
    values.forEach(([v, want], i) => {
      const rec = recs.get(`2026-10-${String(i + 1).padStart(2, '0')}`)!;
      expect(rec.dailyReport, String(v)).toBe(want === 'unreadable' ? undefined : want);
    });
  });

  it('an unreadable mark gets a located input-value finding in both languages', () => {
    const unreadableRows = values.flatMap(([, want], i) => (want === 'unreadable' ? [i + 2] : []));
    const daily = res.inputFindings.filter((f) => f.locations[0]?.column === 'D');
    expect(daily.map((f) => [f.ruleId, f.outcome, f.locations[0]!.row])).toEqual(unreadableRows.map((row) => ['input-value', 'incomplete', row]));
    expect(daily[0]!.message.ja).toContain('日報「体調による」を読めません');
    expect(daily[0]!.message.ja).toContain('○（作成済）か×（未作成）で入力してください');
    expect(daily[0]!.message.en).toContain('Enter ○ (made) or × (not made)');
    const planned = res.inputFindings.filter((f) => f.locations[0]?.column === 'E');
    expect(planned.map((f) => f.locations[0]!.row)).toEqual(unreadableRows);
    expect(res.inputFindings).toHaveLength(unreadableRows.length * 2);
  });

  it('keeps 利用者確認 (any name counts) and 週評価 (unknown text = unknown method)', () => {
    expect(recs.get('2026-10-15')).toMatchObject({ userConfirmed: true, weeklyEval: 'unknown' });
    expect(recs.get('2026-10-04')).toMatchObject({ userConfirmed: true, weeklyEval: 'unknown' });
    expect(recs.get('2026-10-07')).toMatchObject({ userConfirmed: false, weeklyEval: undefined });
  });
});

describe('他サービス: 特になし and friends mean no other service', () => {
  const values = ['特になし', '該当なし', '無し', 'なし', '-', '特に無し', 'ー', '利用なし', '居宅介護（夕方17:00～18:00）', '移動支援 15:30-16:30', '○'];
  const res = importGrid({
    name: 'x',
    cells: [['日付', '利用者名', '利用形態', '他サービス'], ...values.map((v, i): CellValue[] => [`2026/10/${i + 1}`, '試験 太郎', '在宅', v])],
  });

  it('reads no-service words as undefined and keeps real services with their times', () => {
    expect(res.recordList.map((r) => r.otherService)).toEqual([
      undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
      { text: '居宅介護（夕方17:00～18:00）', from: 1020, to: 1080 },
      { text: '移動支援 15:30-16:30', from: 930, to: 990 },
      { text: '○' },
    ]);
  });
});
