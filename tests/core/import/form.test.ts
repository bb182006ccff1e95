// Form-style (帳票型) layout on the real 北九州市 templates, as shipped and as filled copies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSheets, importGrid } from '../../../core/index.ts';
import type { ImportedSheet, ImportOptions, SheetGrid } from '../../../core/import/types.ts';
import { contactsOf } from '../../../core/import/layouts/form.ts';
import { readXlsxBytes } from '../../../formats/index.ts';
import { novemberCopies, SHEET_TEXT, SHIEN_KIROKU, TASSEI_HYOKA, timeSerial } from '../../helpers/form-templates.ts';

function importBytes(bytes: Uint8Array, name: string, opts: ImportOptions = {}): ImportedSheet[] {
  return readXlsxBytes(bytes, name).grids.map((g) => importGrid(g, opts));
}
const importFile = (path: string, opts: ImportOptions = {}) => importBytes(new Uint8Array(readFileSync(path)), path, opts);
const check = (sheets: ImportedSheet[]) => checkSheets(sheets, { asOf: '2027-01-31', defaultPack: 'national' });

describe('the real templates as shipped', () => {
  for (const path of [SHIEN_KIROKU, TASSEI_HYOKA]) {
    it(`${path.split('/').pop()}: blank forms give 0 records, a plain note and no error findings`, () => {
      const sheets = importFile(path);
      for (const s of sheets) {
        expect(s.records).toBe(0);
        expect(s.inputFindings).toEqual([]);
        expect(s.note?.ja).toMatch(/記録は0件|読み込んでいません/);
      }
      const forms = sheets.filter((s) => s.layout === 'form');
      expect(forms.length).toBeGreaterThan(0);
      for (const s of forms) expect(s.note!.ja).toContain('記入された記録がありません');
      const report = check(sheets);
      expect(report.findings).toEqual([]);
      expect(report.summary.errors).toBe(0);
    });
  }

  it('sample sheets (【記載例】, 【記載要領】) are skipped by default and say so', () => {
    const skipped = [...importFile(SHIEN_KIROKU), ...importFile(TASSEI_HYOKA)].filter((s) => s.problem?.code === 'sample');
    expect(skipped.map((s) => s.name)).toEqual(['【記載例】支援記録 (評価)', '【記載要領】達成評価シート']);
    for (const s of skipped) {
      expect(s.recordList).toEqual([]);
      expect(s.note!.ja).toContain('--include-samples');
    }
  });

  it('with includeSamples, the 【記載例】 sheet reads as a person reads it', () => {
    const sheet = importFile(SHIEN_KIROKU, { includeSamples: true }).find((s) => s.name.startsWith('【記載例】'))!;
    expect(sheet.layout).toBe('form');
    expect(sheet.inputFindings).toEqual([]);
    // Written by hand from the sheet: 北九 太郎 (1234567890), 令和7年4月16日 10時00分～16時00分, 支援方法 ☑電話,
    // five timed contacts (9:00, 12:00, 13:00, 15:20, 16:00; the closing 「全体をとおして…」 is a note, not a contact);
    // 評価 on 令和7年4月17日 by ☑訪問 (対象期間 4/11～4/16).
    const [day, evaluation] = sheet.recordList;
    expect(sheet.recordList).toHaveLength(2);
    expect(day).toMatchObject({ date: '2025-04-16', user: '北九 太郎', recipientNo: '1234567890', mode: 'home', start: 600, end: 960 });
    expect(day!.contacts!.map((c) => c.time)).toEqual([540, 720, 780, 920, 960]);
    expect(day!.contacts!.every((c) => c.method === 'phone')).toBe(true);
    expect(day!.contacts![0]!.text).toBe('9:00　利用者から作業開始の電話あり。前回作成予定の個数が終わらなかったのは、集中力が続かなかったことが原因のようであり、30分ごとに少し休憩をはさむなどしてリフレッシュの時間を設けることを提案。今日は、前回の残り分を含め、30個の作成を目標とする。（母親へも報告）');
    expect(day!.contacts![4]!.text).toContain('全体をとおして');
    expect(day!.workContent).toMatch(/^・ビーズ等を使ったアクセサリー作り/);
    expect(evaluation).toMatchObject({ date: '2025-04-17', user: '北九 太郎', weeklyEval: 'visit' });
    expect(day!.source).toMatchObject({ sheet: '【記載例】支援記録 (評価)', row: 4, columns: { date: 'D', start: 'Q', end: 'V', contacts: 'D', user: 'D' } });
  });

  it('the 【記載要領】 sheet read on request gives no record: its ※ guidance is not content', () => {
    const sheet = importFile(TASSEI_HYOKA, { includeSamples: true }).find((s) => s.name.startsWith('【記載要領】'))!;
    expect(sheet.layout).toBe('form');
    expect(sheet.records).toBe(0);
  });

  it('rPh furigana never appears in read text', () => {
    const grids = [SHIEN_KIROKU, TASSEI_HYOKA].flatMap((p) => readXlsxBytes(new Uint8Array(readFileSync(p)), p).grids);
    const all = grids.flatMap((g) => g.cells.flat()).filter((v): v is string => typeof v === 'string').join('\n');
    expect(all).toContain('受給者証番号');
    for (const kana of ['ジュキュウシャ', 'サギョウ', 'クンレン', 'バンゴウ']) expect(all).not.toContain(kana);
  });
});

/** A hand-made form grid (the 支援記録 layout), for loose filling. */
function formGrid(rows: Record<number, Record<string, unknown>>, name = '支援記録'): SheetGrid {
  const cells: unknown[][] = [];
  for (const [r, cols] of Object.entries(rows)) {
    const row: unknown[] = [];
    for (const [letter, v] of Object.entries(cols)) row[letter.charCodeAt(0) - 65] = v;
    cells[Number(r) - 1] = Array.from(row, (v) => v ?? null);
  }
  return { name, cells: Array.from(cells, (r) => r ?? []) as SheetGrid['cells'] };
}
const BASE = {
  1: { M: '在宅における就労支援記録（評価）' },
  2: { B: '対象者名', D: '在宅　花子', O: '受給者証番号', Q: '0123456789' },
  6: { A: '作業・訓練内容', D: 'データ入力' },
};

describe('loose filling', () => {
  it('a value a cell away, 西暦 year, full-width and 時分 times, box label in the neighbour cell', () => {
    const s = importGrid(formGrid({
      ...BASE,
      2: { B: '対象者名', E: '在宅　花子', O: '受給者証番号', R: '０１２３４５６７８９' },
      4: { B: '実 施 日', D: '2026', G: '年', I: '１１', J: '月', L: '５', M: '日', O: '実施時間', Q: '９：３０', U: '～', V: '15時30分' },
      5: { B: '支援方法', D: '☐', E: '訪問', G: '■', H: '電話', J: '☐', K: 'その他（　）' },
      11: { A: '支援内容\n(1日2回以上)', D: '9時 開始連絡\n午後3時 終了報告' },
    }));
    expect(s.layout).toBe('form');
    expect(s.inputFindings).toEqual([]);
    expect(s.recordList[0]).toMatchObject({ date: '2026-11-05', user: '在宅 花子', recipientNo: '0123456789', start: 570, end: 930, workContent: 'データ入力' });
    expect(s.recordList[0]!.contacts).toEqual([
      { time: 540, text: '9時 開始連絡', method: 'phone' },
      { time: 900, text: '午後3時 終了報告', method: 'phone' },
    ]);
  });

  it('time serials that carry a date give their time of day; a ～ range in one cell; a whole date in one cell', () => {
    const s = importGrid(formGrid({
      ...BASE,
      4: { B: '実施日', D: new Date(Date.UTC(2026, 10, 6)), O: '実施時間', Q: timeSerial(10, 15), U: '～', V: new Date(Date.UTC(2025, 3, 8, 16, 0)) },
      21: { B: '実 施 日', D: '令和8年11月9日', O: '実施時間', Q: '9:00～15:00' },
    }));
    expect(s.recordList.map((r) => [r.date, r.start, r.end])).toEqual([['2026-11-06', 615, 960], ['2026-11-09', 540, 900]]);
  });

  it('several contacts on one line, bullets without times, and one-contact days', () => {
    expect(contactsOf('9:00 電話 15:00 電話').map((c) => c.time)).toEqual([540, 900]);
    expect(contactsOf('・作業開始の連絡\n・終了報告').map((c) => c.text)).toEqual(['作業開始の連絡', '終了報告']);
    expect(contactsOf('・10:00 電話で進捗確認。13:00まで休憩、13:00から再開').map((c) => c.time)).toEqual([600]);
    expect(contactsOf('・9:00 開始の電話\n  （長い文の折り返し）').length).toBe(1);
  });

  it('evaluation: その他（電話） on a form without a 電話 box is phone; no checked box is method unknown → incomplete (kobe)', () => {
    const grid = (box: Record<string, string>) => formGrid({
      ...BASE,
      4: { B: '実 施 日', D: 8, G: '年', I: 11, J: '月', L: 4, M: '日' },
      5: { B: '支援方法', D: '☑', E: '電話' },
      11: { A: '支援内容', D: '9:00 電話\n15:00 電話' },
      21: { A: '評価※１' },
      22: { B: '実 施 日', D: 8, G: '年', I: 11, J: '月', L: 6, M: '日', N: '前回評価日' },
      23: { A: '方　　法', D: '☐', E: '通所', G: '☐', H: '訪問', ...box },
      24: { A: '対象期間', D: 8, F: '年', G: 11, H: '月', I: 2, J: '日', K: '～', L: 8, N: '年', O: 11, P: '月', Q: 6, R: '日' },
    });
    const phone = importGrid(grid({ J: '☑', K: 'その他（電話）' }));
    expect(phone.recordList.find((r) => r.date === '2026-11-06')!.weeklyEval).toBe('phone');
    const none = importGrid(grid({ J: '☐', K: 'その他（　）' }));
    expect(none.recordList.find((r) => r.date === '2026-11-06')!.weeklyEval).toBe('unknown');
    // 神戸市 accepts only 訪問/通所, so an unknown method cannot be judged there (national accepts any method)
    const report = checkSheets([none], { asOf: '2027-01-31', defaultPack: 'kobe' });
    expect(report.findings.find((f) => f.ruleId === 'weekly-evaluation')?.outcome).toBe('incomplete');
  });

  it('a day block with content but no date is a located finding, not a guess', () => {
    const s = importGrid(formGrid({ ...BASE, 4: { B: '実 施 日', G: '年', J: '月', M: '日' }, 11: { A: '支援内容', D: '9:00 電話' } }));
    expect(s.records).toBe(0);
    expect(s.inputFindings[0]).toMatchObject({ ruleId: 'input-date', locations: [{ sheet: '支援記録', row: 4 }] });
    expect(s.inputFindings[0]!.message.ja).toContain('実施日');
  });

  it('a table with 実施日 and 利用者名 headers in one row is not a form', () => {
    const s = importGrid({ name: 't', cells: [['実施日', '利用者名', '利用形態', '支援方法'], ['2026/11/4', 'A', '在宅', '電話']] });
    expect(s.layout).not.toBe('form');
  });

  it('a per-user table (氏名 in the title, 実施日 | 作業内容 | 支援内容 header) is not a form', () => {
    const s = importGrid({ name: '山田', cells: [['利用者名', '山田 太郎'], [], ['実施日', '利用形態', '作業内容', '支援内容'], ['2026/11/4', '在宅', '入力', '9:00 電話']] });
    expect(s.layout).not.toBe('form');
    expect(s.records).toBe(1);
  });

  it('boxes as Office.js gives them (no marks, form controls unread): method unknown and a note says why', () => {
    const s = importGrid(formGrid({
      ...BASE,
      4: { B: '実 施 日', D: 8, G: '年', I: 11, J: '月', L: 4, M: '日' },
      5: { B: '支援方法', E: '訪問', H: '電話', K: 'その他（　）' },
      11: { A: '支援内容', D: '9:00 電話\n15:00 電話' },
    }));
    expect(s.recordList[0]!.contacts!.map((c) => c.method)).toEqual([undefined, undefined]);
    expect(s.note!.ja).toContain('Excel アドインでは読めない');
  });
});

/** R8 (2026) November for 在宅 花子: days and evaluations spread over several filled copies of the templates. */
function novemberFiles(monthlyBox: 'online' | 'center', sheetText: readonly (readonly [string, string])[] = SHEET_TEXT) {
  const { week1, week2, monthly } = novemberCopies(monthlyBox, sheetText);
  return [
    ...importBytes(week1.bytes(), '支援記録_第1週.xlsx'),
    ...importBytes(week2.bytes(), '支援記録_第2週.xlsx'),
    ...importBytes(monthly.bytes(), '達成度評価_11月.xlsx'),
  ];
}

describe('a month kept in filled copies of the templates', () => {
  it('one-contact day, week without an evaluation, online-only monthly evaluation', () => {
    const sheets = novemberFiles('online');
    const records = sheets.flatMap((s) => s.recordList);
    expect(records.map((r) => `${r.date} ${r.user} ${r.mode ?? '-'}`).sort()).toEqual([
      '2026-11-04 在宅 花子 home',
      '2026-11-06 在宅 花子 -',
      '2026-11-06 在宅 花子 -',
      '2026-11-10 在宅 花子 home',
      '2026-11-11 在宅 花子 home',
    ]);
    const monthlyRec = records.find((r) => r.monthlyEval !== undefined)!;
    expect(monthlyRec.monthlyEval).toBe('online');
    expect(Object.keys(monthlyRec.evaluationSheet!)).toHaveLength(7);
    const report = check(sheets);
    const v = (id: string) => report.findings.filter((f) => f.ruleId === id && f.outcome === 'violation');
    expect(v('daily-contact').map((f) => f.period?.from)).toEqual(['2026-11-11']);
    expect(v('weekly-evaluation').map((f) => f.period?.from)).toEqual(['2026-11-09']);
    expect(v('monthly-evaluation')).toHaveLength(1);
    expect(v('monthly-evaluation')[0]!.message.ja).toContain('電話・オンラインのみ');
    expect(report.notEvaluated.map((n) => n.ruleId)).toContain('daily-report');
  });

  it('a 通所 monthly evaluation passes; all seven sheet fields filled gives no evaluation-sheet finding', () => {
    const report = check(novemberFiles('center'));
    expect(report.findings.filter((f) => f.ruleId === 'monthly-evaluation')).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'evaluation-sheet')).toEqual([]);
  });

  it('a blank or placeholder content field of the 達成度評価シート is a located evaluation-sheet finding (002 カ)', () => {
    const text = SHEET_TEXT.filter(([ref]) => ref !== 'D25').map(([ref, t]) => (ref === 'D18' ? ([ref, '特になし'] as const) : ([ref, t] as const)));
    const report = check(novemberFiles('center', text));
    const found = report.findings.filter((f) => f.ruleId === 'evaluation-sheet');
    expect(found.map((f) => [f.locations[0]!.row, f.locations[0]!.column, f.severity])).toEqual([[18, 'D', 'error'], [25, 'A', 'error']]);
    expect(found[0]!.message.ja).toContain('課題');
    expect(found[1]!.message.ja).toContain('健康面・体調面での留意事項');
    expect(found[0]!.source).toContain('002 カ');
  });
});
