import { describe, expect, it } from 'vitest';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue } from '../../../core/import/types.ts';
import { DayRecord } from '../../../core/model/record.ts';

function grid(cells: CellValue[][], name = '10月', extra: Record<string, unknown> = {}) {
  return { name, cells, ...extra };
}

function expectValidRecords(recs: unknown[]) {
  for (const r of recs) expect(DayRecord.safeParse(r).success, JSON.stringify(r)).toBe(true);
}

describe('rows layout', () => {
  const cells: CellValue[][] = [
    ['在宅利用 実績一覧', null, null],
    ['事業所名', '○○作業所'],
    [],
    ['No', '日 付', '利用者\n氏名', '受給者証番号', '支給決定\n市町村', 'サービス種別', '利用形態', '作業開始', '作業終了', '連絡（1回目）', '連絡（2回目）', '日報作成', '作業内容', '成果', '評価（週1回）', '達成度評価', '計画上の在宅', '他サービス', '備考', '確認印', '臨時理由', '駆けつけ時間'],
    [1, '2026/10/1', '山田　太郎', 1234567890, '福岡市', 'B型', '在宅', '9:00', '15:00', '9:10 電話', '14:55 メール', '○', '部品検品', '300個', '訪問', '', '○', '居宅介護 16:00～17:00', '在宅就労', '山田', '', '30分'],
    [2, '2026/10/2', '山田 太郎', '1234567890', '福岡市', 'B型', '通所', '9:00', '15:00', '', '', '', '', '', '', '通所', '', 'なし', '', '', '', ''],
    [3, '2026/10/1', '佐藤 花子', '0987654321', '神戸市', '就労移行支援', '在宅', 0.375, 0.5, '○', '', '未', '', '', '電話', '', '在宅', '', '', '', '天候不良', '1時間'],
  ];
  const res = importGrid(grid(cells));

  it('finds the header below title rows and maps every column', () => {
    expect(res.layout).toBe('rows');
    expect(res.headerRow).toBe(4);
    expect(res.columns).toMatchObject({
      date: 'B', user: 'C', recipientNo: 'D', municipality: 'E', service: 'F', mode: 'G', start: 'H', end: 'I',
      contacts: 'J', dailyReport: 'L', workContent: 'M', result: 'N', weeklyEval: 'O', monthlyEval: 'P', planned: 'Q',
      otherService: 'R', remark: 'S', userConfirmed: 'T', exceptionReason: 'U', arrivalMinutes: 'V',
    });
    expect(res.unmappedHeaders).toEqual([]);
    expect(res.records).toBe(3);
    expect(res.inputFindings).toEqual([]);
    expectValidRecords(res.recordList);
  });

  it('normalises every value', () => {
    const [a, b, c] = res.recordList;
    expect(a).toMatchObject({
      date: '2026-10-01', user: '山田 太郎', recipientNo: '1234567890', municipality: '福岡市', service: 'typeB', mode: 'home',
      start: 540, end: 900, contacts: [{ time: 550, text: '9:10 電話' }, { time: 895, text: '14:55 メール' }], dailyReport: true,
      workContent: '部品検品', result: '300個', weeklyEval: 'visit', planned: true, otherService: { text: '居宅介護 16:00～17:00', from: 960, to: 1020 },
      remark: '在宅就労', userConfirmed: true, arrivalMinutes: 30,
    });
    expect(a!.source).toMatchObject({ sheet: '10月', row: 5, columns: { date: 'B', user: 'C' } });
    expect(b).toMatchObject({ mode: 'center', monthlyEval: 'center', contacts: [], otherService: undefined, dailyReport: undefined });
    expect(c).toMatchObject({ service: 'transition', start: 540, end: 720, contacts: [{ text: '○' }], dailyReport: false, weeklyEval: 'phone', planned: true, exceptionReason: '天候不良', arrivalMinutes: 60 });
    expect(a!.fields).toContain('arrivalMinutes');
    expect(a!.fields).toBe(c!.fields);
  });
});

describe('per-user-sheet layout (サービス提供実績記録票)', () => {
  const cells: CellValue[][] = [
    ['令和８年１０月分', null, 'サービス提供実績記録票'],
    ['受給者証番号', null, '1234567890', null, '支給決定障害者氏名', '山田　太郎'],
    ['支給決定市町村：東大阪市', null, null, null, 'サービス種類', '就労継続支援Ｂ型'],
    [],
    ['日付', '曜日', 'サービス提供の状況', 'サービス提供時間', null, '連絡', null, '備考'],
    [null, null, null, '開始時間', '終了時間', '午前', '午後'],
    [1, '木', '在宅', '9:00', '15:00', '9:00', '13:00', ''],
    [2, '金', '', '', '', '', '', ''],
    [3, '土', '通所', '9:30', '15:30', '', '', ''],
    ['合計', null, '2回'],
  ];
  const res = importGrid(grid(cells, '山田'));

  it('reads user, month and labelled values from the title cells', () => {
    expect(res.problem).toBeUndefined();
    expect(res.layout).toBe('per-user-sheet');
    expect(res.headerRow).toBe(5);
    expect(res.records).toBe(2);
    expect(res.recordList[0]).toMatchObject({
      date: '2026-10-01', user: '山田 太郎', recipientNo: '1234567890', municipality: '東大阪市', service: 'typeB', mode: 'home', start: 540, end: 900,
      contacts: [{ time: 540 }, { time: 780 }],
    });
    expect(res.recordList[1]).toMatchObject({ date: '2026-10-03', mode: 'center', start: 570, end: 930 });
    expect(res.recordList[0]!.source.row).toBe(7);
    expect(res.columns).toMatchObject({ date: 'A', mode: 'C', start: 'D', end: 'E', contacts: 'F', remark: 'H' });
    expect(res.fields).toEqual(expect.arrayContaining(['user', 'recipientNo', 'municipality', 'service']));
    expect(res.inputFindings).toEqual([]);
    expectValidRecords(res.recordList);
  });

  it('takes the user from the sheet name when the title has none', () => {
    const r = importGrid(grid([['2026年10月'], ['日付', '在宅/通所', '開始', '終了'], ['1日', '在', '9:00', '12:00']], '鈴木　一郎'));
    expect(r.layout).toBe('per-user-sheet');
    expect(r.recordList[0]).toMatchObject({ user: '鈴木 一郎', date: '2026-10-01', mode: 'home' });
  });

  it('asks for the month when day-only dates have no title month', () => {
    const r = importGrid(grid([['日付', '利用形態', '開始'], [1, '在宅', '9:00'], [2, '在宅', '9:00']], '鈴木'));
    expect(r.records).toBe(0);
    expect(r.inputFindings).toHaveLength(3);
    expect(r.inputFindings[0]!.ruleId).toBe('input-date');
    expect(r.inputFindings[2]!.ruleId).toBe('input-mapping');
    expect(r.inputFindings[0]!.message.ja).toContain('令和8年10月分');
  });
});

describe('matrix layout (出席簿 / 在宅就労支援実施一覧表)', () => {
  const days = Array.from({ length: 31 }, (_, i) => `${i + 1}日`);
  const weekdays = Array.from({ length: 31 }, (_, i) => '日月火水木金土'[(i + 4) % 7]!);
  const row = (name: string, marks: Record<number, string>, weekly: CellValue, monthly: CellValue): CellValue[] => {
    const out: CellValue[] = [name, 'B型'];
    for (let d = 1; d <= 31; d++) out.push(marks[d] ?? null);
    out.push(weekly, monthly);
    return out;
  };
  const cells: CellValue[][] = [
    ['令和8年10月分　在宅就労支援実施一覧表'],
    ['氏名', 'サービス種類', ...days, '評価実施日（週1回）', '達成度評価実施日（月1回）'],
    [null, null, ...weekdays, null, null],
    row('山田 太郎', { 1: '○', 2: '在', 5: '訪問', 6: '通所', 7: '通', 8: '欠', 9: '？？' }, '5、6\n13', '6'),
    row('佐藤 花子', { 1: '在宅' }, 1, '10/20(訪問)'),
    ['合計', null, 2, 1],
  ];
  const res = importGrid(grid(cells, '一覧'));

  it('turns marks into user-days', () => {
    expect(res.layout).toBe('matrix');
    expect(res.headerRow).toBe(2);
    const yamada = res.recordList.filter((r) => r.user === '山田 太郎');
    const byDate = Object.fromEntries(yamada.map((r) => [r.date, r]));
    expect(byDate['2026-10-01']).toMatchObject({ mode: 'home', service: 'typeB' });
    expect(byDate['2026-10-02']).toMatchObject({ mode: 'home' });
    expect(byDate['2026-10-05']).toMatchObject({ mode: 'home', weeklyEval: 'visit' });
    expect(byDate['2026-10-06']).toMatchObject({ mode: 'center', weeklyEval: 'center', monthlyEval: 'center' });
    expect(byDate['2026-10-07']).toMatchObject({ mode: 'center' });
    expect(byDate['2026-10-08']).toMatchObject({ mode: 'absent' });
    expect(byDate['2026-10-09']!.mode).toBeUndefined();
    // evaluation on a day without a mark: record created, mode unknown
    expect(byDate['2026-10-13']).toMatchObject({ weeklyEval: 'unknown' });
    expect(byDate['2026-10-13']!.mode).toBeUndefined();
    expect(byDate['2026-10-05']!.source).toMatchObject({ row: 4, columns: { user: 'A', date: 'G', mode: 'G' } });
  });

  it('reports unknown marks at their cell', () => {
    expect(res.inputFindings).toHaveLength(1);
    expect(res.inputFindings[0]).toMatchObject({ ruleId: 'input-unknown-mode', locations: [{ sheet: '一覧', row: 4, column: 'K' }] });
  });

  it('reads evaluation numbers, dates and methods', () => {
    const sato = res.recordList.filter((r) => r.user === '佐藤 花子');
    expect(sato.find((r) => r.date === '2026-10-01')).toMatchObject({ mode: 'home', weeklyEval: 'unknown' });
    expect(sato.find((r) => r.date === '2026-10-20')).toMatchObject({ monthlyEval: 'visit' });
    expect(res.fields).toEqual(expect.arrayContaining(['date', 'user', 'mode', 'service', 'weeklyEval', 'monthlyEval']));
    expectValidRecords(res.recordList);
  });

  it('reports a missing month once', () => {
    const r = importGrid(grid(cells.slice(1), '一覧'));
    expect(r.records).toBe(0);
    // the missing month, then: 在宅 marks stand in the sheet but no home day was read (no silent all-clear)
    expect(r.inputFindings.map((f) => f.ruleId)).toEqual(['input-date', 'input-mapping']);
    expect(r.inputFindings[0]!.message.ja).toContain('年月が分かりません');
  });

  it('accepts numeric day headers and Date headers', () => {
    const head: CellValue[] = ['利用者名'];
    const dates: CellValue[] = ['利用者名'];
    for (let d = 1; d <= 30; d++) {
      head.push(d);
      dates.push(new Date(Date.UTC(2026, 10, d)));
    }
    const r1 = importGrid(grid([['R8年11月'], head, ['A さん', '○', null, '通']]));
    expect(r1.recordList.map((r) => [r.date, r.mode])).toEqual([['2026-11-01', 'home'], ['2026-11-03', 'center']]);
    const r2 = importGrid(grid([dates, ['A さん', null, '在']]));
    expect(r2.recordList.map((r) => [r.date, r.mode])).toEqual([['2026-11-02', 'home']]);
  });
});

describe('remark-mode layout', () => {
  it('reads the mode from 備考', () => {
    const cells: CellValue[][] = [
      ['令和8年10月分'],
      ['氏名', '山田 太郎'],
      ['日付', '開始時間', '終了時間', '送迎加算', '備考'],
      [1, '9:00', '15:00', null, '在宅支援（届出済）'],
      [2, '9:00', '15:00', null, null],
      [3, null, null, '○', null],
      [4, null, null, null, 'メモ'],
      [5, null, null, null, '在宅就労'],
    ];
    const r = importGrid(grid(cells, '山田'));
    expect(r.layout).toBe('remark-mode');
    expect(r.recordList.map((x) => [x.date.slice(8), x.mode])).toEqual([
      ['01', 'home'], ['02', 'center'], ['03', 'center'], ['04', undefined], ['05', 'home'],
    ]);
    expect(r.fields).toContain('mode');
    expect(r.unmappedHeaders).toEqual(['送迎加算']);
  });

  it('can be forced on a rows sheet', () => {
    const r = importGrid(grid([['日付', '利用者', '区分', '備考'], ['2026/10/1', 'A', '通所', '在宅']]), { layout: 'remark-mode' });
    expect(r.layout).toBe('remark-mode');
    expect(r.recordList[0]!.mode).toBe('home');
  });
});
