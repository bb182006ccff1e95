import { describe, expect, it } from 'vitest';
import { extractTimeRange, parseTime, parseTimeRange } from '../../../core/normalize/times.ts';
import { parseEvalMethod, parseMark, parseMode, parseService } from '../../../core/normalize/marks.ts';
import { columnLetter, columnNumber, normalizeHeader, normalizeText, normalizeUserName } from '../../../core/normalize/text.ts';
import type { CellValue } from '../../../core/import/types.ts';

describe('parseTime', () => {
  it.each<[CellValue, number]>([
    ['9:00', 540],
    ['09:00', 540],
    ['09:00:00', 540],
    ['9:30', 570],
    ['9時30分', 570],
    ['9時', 540],
    ['9時半', 570],
    ['９：００', 540],
    ['９時３０分', 570],
    ['午後1時', 780],
    ['午後1:30', 810],
    ['午前9時', 540],
    ['午後12時', 720],
    ['1:00 PM', 780],
    ['15:00', 900],
    ['0930', 570],
    ['0.375', 540],
    [0.375, 540],
    [0.625, 900],
    [46296.375, 540],
    [9, 540],
    [new Date(Date.UTC(1899, 11, 30, 9, 30)), 570],
  ])('%s → %d', (input, minutes) => {
    expect(parseTime(input)).toEqual({ ok: true, minutes });
  });
  it.each<CellValue>(['25:61', '9:75', 'あさ', '', null, '午後13時', -0.5, '9-00', true])('%s is rejected', (input) => {
    expect(parseTime(input).ok).toBe(false);
  });
});

describe('parseTimeRange / extractTimeRange', () => {
  it.each<[string, number, number]>([
    ['9:00～15:00', 540, 900],
    ['9:00-15:00', 540, 900],
    ['9:00〜15:00', 540, 900],
    ['9時～15時', 540, 900],
    ['９：００～１５：００', 540, 900],
    ['10:00 ~ 11:30', 600, 690],
    ['9時から15時まで', 540, 900],
  ])('%s', (text, from, to) => {
    expect(parseTimeRange(text)).toEqual({ ok: true, from, to });
  });
  it('rejects non-ranges', () => {
    expect(parseTimeRange('9:00').ok).toBe(false);
    expect(parseTimeRange('朝～夕').ok).toBe(false);
    expect(parseTimeRange(0.5).ok).toBe(false);
  });
  it('finds a range in free text', () => {
    expect(extractTimeRange('居宅介護 10:00～11:00')).toMatchObject({ from: 600, to: 660 });
    expect(extractTimeRange('移動支援（14時～15時30分）')).toMatchObject({ from: 840, to: 930 });
    expect(extractTimeRange('居宅介護')).toBeUndefined();
  });
});

describe('parseMark', () => {
  it.each<[CellValue, boolean | undefined | 'invalid']>([
    ['○', true],
    ['◯', true],
    ['〇', true],
    ['●', true],
    ['✓', true],
    ['✔', true],
    ['有', true],
    ['あり', true],
    ['済', true],
    ['TRUE', true],
    ['true', true],
    [true, true],
    [1, true],
    ['1', true],
    ['１', true],
    ['はい', true],
    ['レ', true],
    [' ○ ', true],
    ['×', false],
    ['✕', false],
    ['無', false],
    ['なし', false],
    ['未', false],
    ['FALSE', false],
    [false, false],
    [0, false],
    ['いいえ', false],
    ['-', false],
    ['ー', false],
    ['－', false],
    ['', undefined],
    ['　', undefined],
    [null, undefined],
    ['たぶん', 'invalid'],
    [2, 'invalid'],
  ])('%s → %s', (input, expected) => {
    expect(parseMark(input)).toBe(expected);
  });
});

describe('parseMode', () => {
  it.each<[CellValue, string | undefined]>([
    ['在宅', 'home'],
    ['在宅就労', 'home'],
    ['サテライトオフィス', 'home'],
    ['在', 'home'],
    ['在宅支援', 'home'],
    ['在宅（届出済）', 'home'],
    ['在 宅', 'home'],
    ['通所', 'center'],
    ['通', 'center'],
    ['来所', 'center'],
    ['施設外', 'offsite'],
    ['施設外就労', 'offsite'],
    ['外', 'offsite'],
    ['欠席', 'absent'],
    ['欠', 'absent'],
    ['休', 'absent'],
    ['', undefined],
    [null, undefined],
    ['出勤', 'invalid'],
    [3, 'invalid'],
  ])('%s → %s', (input, expected) => {
    expect(parseMode(input)).toBe(expected);
  });
});

describe('parseEvalMethod', () => {
  it.each<[CellValue, string | undefined]>([
    ['訪問', 'visit'],
    ['家庭訪問', 'visit'],
    ['通所', 'center'],
    ['来所', 'center'],
    ['面談（事業所）', 'center'],
    ['電話', 'phone'],
    ['オンライン', 'online'],
    ['ICT', 'online'],
    ['ｉｃｔ', 'online'],
    ['ビデオ', 'online'],
    ['Zoom', 'online'],
    ['Web面談', 'online'],
    ['パソコン', 'online'],
    ['訪問にて実施', 'visit'],
    ['○', 'unknown'],
    ['✓', 'unknown'],
    ['×', undefined],
    ['', undefined],
    ['未定のこと', 'invalid'],
  ])('%s → %s', (input, expected) => {
    expect(parseEvalMethod(input)).toBe(expected);
  });
});

describe('parseService', () => {
  it.each<[CellValue, string | undefined]>([
    ['就労移行支援', 'transition'],
    ['移行', 'transition'],
    ['就労継続支援A型', 'typeA'],
    ['就労継続支援Ａ型', 'typeA'],
    ['A型', 'typeA'],
    ['就継A', 'typeA'],
    ['就労継続支援（B型）', 'typeB'],
    ['B型', 'typeB'],
    ['ｂ型', 'typeB'],
    ['', undefined],
    ['生活介護', 'invalid'],
  ])('%s → %s', (input, expected) => {
    expect(parseService(input)).toBe(expected);
  });
});

describe('text', () => {
  it('normalizeText folds width, spaces and dashes', () => {
    expect(normalizeText('　９：００　〜　１５：００ ')).toBe('9:00 ~ 15:00');
    expect(normalizeText('Ａ\u3000\u3000Ｂ')).toBe('A B');
    expect(normalizeText('1‐2−3―4')).toBe('1-2-3-4');
  });
  it('normalizeUserName keeps the name, folds spaces', () => {
    expect(normalizeUserName('  山田　　太郎 ')).toBe('山田 太郎');
    expect(normalizeUserName('山田\u3000太郎')).toBe('山田 太郎');
    expect(normalizeUserName('ＡＢ')).toBe('ＡＢ');
  });
  it('normalizeHeader makes numbering comparable', () => {
    expect(normalizeHeader('連絡①')).toBe('連絡1');
    expect(normalizeHeader('連絡1回目')).toBe('連絡1');
    expect(normalizeHeader('連絡（1回目）')).toBe('連絡1');
    expect(normalizeHeader('利用\n形態')).toBe('利用形態');
    expect(normalizeHeader('【日　付】')).toBe('日付');
    expect(normalizeHeader('ＺＯＯＭ')).toBe('zoom');
  });
  it('column letters', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(702)).toBe('ZZ');
    expect(columnLetter(703)).toBe('AAA');
    expect(columnLetter(0)).toBe('');
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('aa')).toBe(27);
    expect(columnNumber('ZZ')).toBe(702);
    expect(columnNumber('1')).toBe(0);
    for (let n = 1; n < 2000; n += 37) expect(columnNumber(columnLetter(n))).toBe(n);
  });
});
