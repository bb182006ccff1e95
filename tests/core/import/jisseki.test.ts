// The national サービス提供実績記録票 (就労継続支援) and fiscal-year titles (issue 10, bugs 1 and 2).
import { describe, expect, it } from 'vitest';
import { importGrid } from '../../../core/import/index.ts';
import type { CellValue } from '../../../core/import/types.ts';
import { parseTitleMonth } from '../../../core/normalize/dates.ts';

const HEAD = ['日付', '曜日', 'サービス提供の状況', '開始時間', '終了時間', '送迎加算', null, '訪問支援特別加算（時間数）', '食事提供体制加算', '医療連携体制加算', '体験利用支援加算', '地域協働加算', '緊急時受入加算', '集中的支援加算', '施設外支援', '利用者確認欄', '備考'];
const SUB = ['日付', '曜日', 'サービス提供の状況', null, null, '往', '復', null, null, null, null, null, null, null, null, null, null];
const WD = '日月火水木金土';

/** One day row of the form. */
function dayRow(day: number, status: string, remark: string, opts: { start?: string; end?: string; offsite?: number } = {}): CellValue[] {
  const wd = WD[(day + 3) % 7]!; // 2026-10-01 is a Thursday
  return [day, wd, status, opts.start ?? '9:30', opts.end ?? '15:30', null, null, null, 1, null, null, null, null, null, opts.offsite ?? null, '山田', remark];
}

/** The official form as a provider fills it: header block (merged cells), two-row header, footer. */
export function jissekiCells(days: CellValue[][]): CellValue[][] {
  return [
    ['サービス提供実績記録票（就労継続支援）'],
    ['サービス提供年月', null, '令和', 8, '年', 10, '月分'],
    ['受給者証番号', null, 4, 0, 1, 3, 0, 0, 0, 0, 9, 9, null, '支給決定障害者氏名', null, null, '山田　太郎'],
    ['事業所番号', null, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, null, '事業者及びその事業所', null, null, 'ひまわり作業所'],
    ['契約支給量', null, '当該月の日数－8日'],
    HEAD,
    SUB,
    ...days,
    ['合計', null, null, null, null, 0, 0, null, 12, null, null, null, null, null, 2],
    ['施設外支援', '当月', 2, '日', '累計', 20, '日', '上限', '180日'],
    ['初期加算', '利用開始日', '令和8年4月1日', '30日目', '令和8年4月30日', '当月算定日数', 0],
    [1, '枚中', 1, '枚目'],
  ];
}

const HOME_DAYS = [1, 2, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 19, 20, 21, 22];

describe('サービス提供実績記録票 (national form)', () => {
  const days = [
    ...HOME_DAYS.map((d) => dayRow(d, '', d % 2 ? '在宅就労' : '在宅支援（届出済）')),
    dayRow(23, '欠席時対応', '在宅就労の予定だったが体調不良'),
    dayRow(26, '施設外支援', '', { offsite: 1 }),
    dayRow(27, '施設外就労', '在宅'),
    dayRow(28, '', ''),
  ].sort((a, b) => (a[0] as number) - (b[0] as number));
  const res = importGrid({ name: '山田', cells: jissekiCells(days) });

  it('reads home days from 備考, not from サービス提供の状況', () => {
    expect(res.problem).toBeUndefined();
    const home = res.recordList.filter((r) => r.mode === 'home').map((r) => Number(r.date.slice(8)));
    expect(home).toEqual(HOME_DAYS);
    expect(res.records).toBe(20);
  });

  it('keeps the meaning of the status values: 欠席時対応 no service, 施設外 not home', () => {
    const by = (d: number) => res.recordList.find((r) => r.date === `2026-10-${String(d).padStart(2, '0')}`);
    expect(by(23)?.mode).toBe('absent');
    expect(by(26)?.mode).toBe('offsite');
    expect(by(27)?.mode).toBe('offsite');
    expect(by(28)?.mode).toBe('center');
  });

  it('takes user, 受給者証番号 (one digit per cell) and month from the header block', () => {
    const r = res.recordList[0]!;
    expect(r).toMatchObject({ user: '山田 太郎', recipientNo: '4013000099', date: '2026-10-01' });
    expect(res.layout).toBe('per-user-sheet');
  });

  it('reads the two-row header as one header and the footer rows as no days and no input errors', () => {
    expect(res.headerRow).toBe(6);
    expect(res.recordList[0]!.source.row).toBe(8);
    // the only input finding: 施設外就労 contradicts 在宅 in 備考 on the 27th
    expect(res.inputFindings.map((f) => [f.ruleId, f.locations[0]!.row])).toEqual([['input-unknown-mode', 8 + days.findIndex((d) => d[0] === 27)]]);
    expect(res.columns).toMatchObject({ date: 'A', mode: 'C', start: 'D', end: 'E', userConfirmed: 'P', remark: 'Q' });
  });

  it('a forced mode mapping still reads サービス提供の状況 as the mode column', () => {
    const r = importGrid({ name: '山田', cells: jissekiCells([dayRow(1, '在宅', ''), dayRow(2, '', '在宅就労')]) }, { mapping: { mode: 'サービス提供の状況' } });
    expect(r.recordList.map((x) => x.mode)).toEqual(['home', undefined]);
  });
});

describe('fiscal-year titles (年度)', () => {
  it('parses 年度 titles: April–March', () => {
    expect(parseTitleMonth('令和8年度 在宅支援記録（1月分）')).toEqual({ year: 2027, month: 1 });
    expect(parseTitleMonth('R8年度 9月')).toEqual({ year: 2026, month: 9 });
    expect(parseTitleMonth('2026年度 3月分')).toEqual({ year: 2027, month: 3 });
    expect(parseTitleMonth('令和8年度')).toBeUndefined();
    expect(parseTitleMonth('令和8年10月分')).toEqual({ year: 2026, month: 10 });
  });

  const rows = (dates: CellValue[]): CellValue[][] => [['日付', '利用者名', '利用形態', '開始時間'], ...dates.map((d) => [d, '山田 太郎', '在宅', '9:00'])];

  it('reads day-only dates under 「令和8年度 在宅支援記録（1月分）」 as January 2027', () => {
    const r = importGrid({ name: 'Sheet1', cells: [['令和8年度 在宅支援記録（1月分）'], ...rows([5, 6, '7日'])] });
    expect(r.inputFindings).toEqual([]);
    expect(r.recordList.map((x) => x.date)).toEqual(['2027-01-05', '2027-01-06', '2027-01-07']);
  });

  it('reads 「R8年度 9月」', () => {
    const r = importGrid({ name: 'Sheet1', cells: [['R8年度 9月'], ...rows([1, 2])] });
    expect(r.recordList.map((x) => x.date)).toEqual(['2026-09-01', '2026-09-02']);
  });

  it('combines 「2026年度」 in the title with month/day dates (10/5 → 2026, 2/3 → 2027)', () => {
    const r = importGrid({ name: 'Sheet1', cells: [['2026年度 在宅記録'], ...rows(['10/5', '2/3'])] });
    expect(r.inputFindings).toEqual([]);
    expect(r.recordList.map((x) => x.date)).toEqual(['2026-10-05', '2027-02-03']);
  });

  it('combines the fiscal year of the title with the month of the sheet name', () => {
    const r = importGrid({ name: '1月', cells: [['令和8年度 在宅就労記録'], ...rows([5])] });
    expect(r.recordList.map((x) => x.date)).toEqual(['2027-01-05']);
  });

  it('reads a fiscal-year sheet name', () => {
    const r = importGrid({ name: 'R8年度 2月', cells: rows([2]) });
    expect(r.recordList.map((x) => x.date)).toEqual(['2027-02-02']);
  });
});
