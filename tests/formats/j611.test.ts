import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isJ611, isKokuhorenCsv, readJ611Bytes, shiftJisLength } from '../../formats/j611.ts';
import { checkDigit, isValidLocalGovCode, packForLocalGovCode } from '../../core/billing/local-gov-code.ts';
import { encodeShiftJis, writeJ611, basicItems, detailItems, type J611Month } from '../helpers/j611.ts';

const small = new Uint8Array(readFileSync(new URL('../fixtures/billing/j611-small.csv', import.meta.url)));
const lines = (bytes: Uint8Array) => new TextDecoder('shift_jis').decode(bytes).split('\r\n');

describe('the hand-made J611 file, field by field against the reference tables', () => {
  it('is Shift_JIS with CRLF: 漢字 of 備考 are two bytes each', () => {
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(small);
    expect(text.split('\r\n')).toHaveLength(8); // 7 records + the final CRLF
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const remark = '在宅就労（電話で始業・終業確認）';
    expect(shiftJisLength(remark)).toBe(remark.length * 2);
    // the bytes of 在 (0x8DDD in Shift_JIS) are in the file
    const at = small.findIndex((b, i) => b === 0x8d && small[i + 1] === 0xdd);
    expect(at).toBeGreaterThan(0);
  });
  it('reads the two 02 records as billed days, items at their numbers (pages 72–78)', () => {
    const b = readJ611Bytes(small, 'j611-small.csv');
    expect(b.inputFindings).toEqual([]);
    expect(b.basicRecords).toBe(1);
    expect(b.months).toEqual(['2026-10']);
    expect(b.skipped).toEqual({ J111: 1, J121: 1 });
    expect(b.days).toEqual([
      {
        date: '2026-10-01', // item 3 サービス提供年月 202610 + item 9 日付 01
        recipientNo: '4013000033', // item 6
        municipalityCode: '401307', // item 4: 福岡市, check digit 7
        municipalityCodeValid: true,
        providerNo: '4012345678', // item 5
        formType: '0501', // item 7
        start: 9 * 60 + 30, // item 14 0930
        end: 15 * 60 + 30, // item 15 1530
        offsite: false, // item 29 blank
        remark: '在宅就労（電話で始業・終業確認）', // item 35
        status: '', // item 36
        source: { file: 'j611-small.csv', line: 4 },
      },
      {
        date: '2026-10-02',
        recipientNo: '4013000033',
        municipalityCode: '401307',
        municipalityCodeValid: true,
        providerNo: '4012345678',
        formType: '0501',
        start: 9 * 60,
        end: 15 * 60,
        offsite: true, // item 29 = 1
        remark: '',
        status: '5', // kept as written, not interpreted
        source: { file: 'j611-small.csv', line: 5 },
      },
    ]);
  });
  it('has the item counts of the tables: 01 = 172 items, 02 = 113 items, control = 11 before CRLF', () => {
    const [control, , basic, detail] = lines(small);
    expect(control!.split(',')).toHaveLength(11);
    expect(basic!.split(',').slice(2)).toHaveLength(172);
    expect(detail!.split(',').slice(2)).toHaveLength(113);
  });
  it('is detected by content, whatever the name', () => {
    expect(isJ611(small)).toBe(true);
    expect(isKokuhorenCsv(small)).toBe(true);
    expect(isJ611(encodeShiftJis('日付,利用者名,利用形態\r\n2026/10/1,山田,在宅\r\n'))).toBe(false);
    expect(isJ611(encodeShiftJis('1,000000001,000,000001,J11,000000,4012345678,00,1,202611,\r\n2,000000002,J111,01\r\n3,000000003\r\n'))).toBe(false);
  });
});

describe('全国地方公共団体コード check digit', () => {
  it('computes the digit of the four packs and of known codes', () => {
    expect(checkDigit('28100')).toBe(0); // 神戸市 281000 (remainder 1 → 0)
    expect(checkDigit('27227')).toBe(2); // 東大阪市 272272
    expect(checkDigit('40130')).toBe(7); // 福岡市 401307
    expect(checkDigit('23213')).toBe(1); // 西尾市 232131 (remainder 0 → 1)
    expect(checkDigit('13101')).toBe(6); // 千代田区 131016
    expect(checkDigit('01100')).toBe(2); // 札幌市 011002
  });
  it('validates and maps codes to packs, wards included', () => {
    expect(isValidLocalGovCode('401307')).toBe(true);
    expect(isValidLocalGovCode('401308')).toBe(false);
    expect(isValidLocalGovCode('40130')).toBe(false);
    expect(packForLocalGovCode('281000')?.id).toBe('kobe');
    expect(packForLocalGovCode('281018')?.id).toBe('kobe'); // 東灘区
    expect(packForLocalGovCode('272272')?.id).toBe('higashiosaka');
    expect(packForLocalGovCode('401315')?.id).toBe('fukuoka'); // 東区
    expect(packForLocalGovCode('232131')?.id).toBe('nishio');
    expect(packForLocalGovCode('271004')).toBeUndefined(); // 大阪市
  });
});

const month: J611Month = { month: '2026-10', municipalityCode: '401307', recipientNo: '4013000033', days: [{ day: 5, start: 570, end: 930, remark: '在宅就労' }] };

/** Sets J611 item `item` (1-based, after the record-type field) of line `line` (1-based). */
function setItem(ls: string[], line: number, item: number, value: string): void {
  const f = ls[line - 1]!.split(',');
  f[item + 1] = value;
  ls[line - 1] = f.join(',');
}

describe('malformed records: located findings, the rest read', () => {
  const withLines = (edit: (lines: string[]) => void) => {
    const ls = lines(writeJ611({ providerNo: '4012345678', months: [{ ...month, days: [...month.days, { day: 6, start: 540, end: 900 }] }] }));
    edit(ls);
    return encodeShiftJis(ls.join('\r\n'));
  };
  it('a bad date, a bad time and a wrong check digit are located by line and item number', () => {
    const bytes = withLines((ls) => {
      setItem(ls, 3, 9, '32'); // 日付
      setItem(ls, 4, 14, '0975'); // 開始時間
      setItem(ls, 4, 4, '401308'); // 市町村番号
    });
    const b = readJ611Bytes(bytes, 'bill.csv');
    expect(b.days.map((d) => d.date)).toEqual(['2026-10-06']);
    expect(b.days[0]!.start).toBeUndefined();
    expect(b.days[0]!.end).toBe(900);
    expect(b.days[0]!.municipalityCodeValid).toBe(false);
    const where = b.inputFindings.map((f) => [f.ruleId, f.locations[0]!.row, f.locations[0]!.item]);
    expect(where).toEqual([
      ['input-date', 3, 9],
      ['input-value', 4, 4],
      ['input-time', 4, 14],
    ]);
    expect(b.inputFindings[0]!.message.ja).toContain('bill.csv 3行目（項目9「日付」）');
  });
  it('a cut file (no end record, fewer records than announced) says so', () => {
    const bytes = withLines((ls) => ls.splice(3));
    const b = readJ611Bytes(bytes, 'cut.csv');
    expect(b.days).toHaveLength(1);
    expect(b.inputFindings.map((f) => f.ruleId).sort()).toEqual(['input-number', 'input-value']);
    expect(b.inputFindings.map((f) => f.message.ja).join()).toMatch(/エンドレコード.*ありません|レコード件数/);
  });
  it('a short record and a bad running number are located, the others read', () => {
    const bytes = withLines((ls) => {
      ls[2] = ls[2]!.split(',').slice(0, 20).join(',');
      setItem(ls, 4, -0, '000000009'); // running number of line 4
    });
    const b = readJ611Bytes(bytes, 'x.csv');
    expect(b.days.map((d) => d.date)).toEqual(['2026-10-06']);
    expect(b.inputFindings.map((f) => [f.ruleId, f.locations[0]!.row])).toEqual([
      ['input-value', 3],
      ['input-number', 4],
    ]);
  });
  it('bytes that are not Shift_JIS: that line is not read, and said so', () => {
    const good = withLines(() => {});
    const broken = new Uint8Array(good);
    // 在 (0x8D 0xDD) of the 備考 of line 3 loses its trail byte: 0x8D 0x20 is no character
    const at = broken.findIndex((b, i) => b === 0x8d && broken[i + 1] === 0xdd);
    broken[at + 1] = 0x20;
    const b = readJ611Bytes(broken, 'b.csv');
    expect(b.inputFindings.map((f) => [f.ruleId, f.locations[0]!.row, f.locations[0]!.item])).toEqual([['input-encoding', 3, 35]]);
  });
  it('a file with no J611 records says which 交換情報 it holds', () => {
    const b = readJ611Bytes(encodeShiftJis('1,000000001,000,000001,J11,000000,4012345678,00,1,202611,\r\n2,000000002,J121,01\r\n3,000000003\r\n'), 'j121.csv');
    expect(b.days).toEqual([]);
    expect(b.skipped).toEqual({ J121: 1 });
    expect(b.inputFindings[0]!.message.ja).toContain('J611（サービス提供実績記録票）のレコードがありません（J121 のみ）');
  });
  it('a file re-saved as UTF-8 is read, and said so', () => {
    const utf8 = new TextEncoder().encode(new TextDecoder('shift_jis').decode(writeJ611({ providerNo: '4012345678', months: [month] })));
    const b = readJ611Bytes(utf8, 'u.csv');
    expect(b.days[0]!.remark).toBe('在宅就労');
    expect(b.inputFindings.map((f) => f.ruleId)).toEqual(['input-encoding']);
  });
  it('quoted fields are read as well', () => {
    const quoted = encodeShiftJis(lines(writeJ611({ providerNo: '4012345678', months: [month] })).map((l) => l.split(',').map((v) => (v === '' ? v : `"${v}"`)).join(',')).join('\r\n'));
    expect(isJ611(quoted)).toBe(true);
    const b = readJ611Bytes(quoted, 'q.csv');
    expect(b.inputFindings).toEqual([]);
    expect(b.days[0]).toMatchObject({ date: '2026-10-05', remark: '在宅就労', start: 570 });
  });
});

describe('values repeated from record to record', () => {
  const days = [5, 6, 7].map((day) => ({ day, start: 570, end: 930, remark: '在宅就労' }));
  const file = (edit: (ls: string[]) => void = () => {}) => {
    const ls = lines(writeJ611({ providerNo: '4012345678', months: [{ ...month, days }] }));
    edit(ls);
    return encodeShiftJis(ls.join('\r\n'));
  };
  it('a bad value on consecutive records is located on each of them', () => {
    const b = readJ611Bytes(file((ls) => [3, 4, 5].forEach((line) => (setItem(ls, line, 14, '0975'), setItem(ls, line, 4, '401308')))), 'r.csv');
    expect(b.days.map((d) => [d.date, d.start, d.municipalityCodeValid])).toEqual([
      ['2026-10-05', undefined, false],
      ['2026-10-06', undefined, false],
      ['2026-10-07', undefined, false],
    ]);
    expect(b.inputFindings.map((f) => [f.ruleId, f.locations[0]!.row, f.locations[0]!.item])).toEqual([
      ['input-value', 3, 4],
      ['input-time', 3, 14],
      ['input-value', 4, 4],
      ['input-time', 4, 14],
      ['input-value', 5, 4],
      ['input-time', 5, 14],
    ]);
  });
  it('a good value after a bad one, and a bad one after good ones, are each read as written', () => {
    const b = readJ611Bytes(file((ls) => (setItem(ls, 3, 14, '0975'), setItem(ls, 5, 6, ''))), 'r.csv');
    expect(b.days.map((d) => [d.date, d.start, d.recipientNo])).toEqual([
      ['2026-10-05', undefined, '4013000033'],
      ['2026-10-06', 570, '4013000033'],
    ]);
    expect(b.inputFindings.map((f) => [f.ruleId, f.locations[0]!.row, f.locations[0]!.item])).toEqual([
      ['input-time', 3, 14],
      ['input-value', 5, 6],
    ]);
  });
  it('a quoted 備考 holding a comma is one item; the item count holds', () => {
    const b = readJ611Bytes(file((ls) => setItem(ls, 4, 35, '"在宅就労,電話確認"')), 'q.csv');
    expect(b.inputFindings).toEqual([]);
    expect(b.days.map((d) => d.remark)).toEqual(['在宅就労', '在宅就労,電話確認', '在宅就労']);
  });
  it('reading one file leaves nothing behind for the next', () => {
    const other = writeJ611({ providerNo: '2812345678', months: [{ month: '2026-09', municipalityCode: '281000', recipientNo: '2810000011', days: [{ day: 5, start: 600, end: 960, remark: '在宅' }] }] });
    const first = readJ611Bytes(file(), 'a.csv');
    readJ611Bytes(other, 'b.csv');
    expect(readJ611Bytes(file(), 'a.csv')).toEqual(first);
    expect(first.days.map((d) => [d.date, d.recipientNo, d.providerNo, d.start, d.remark])).toEqual(days.map((d) => [`2026-10-0${d.day}`, '4013000033', '4012345678', 570, '在宅就労']));
  });
});

describe('the generator', () => {
  it('writes items within their byte lengths, numbers zero-padded', () => {
    const m: J611Month = { ...month, days: [{ day: 7, start: 9 * 60, end: 15 * 60, remark: '在宅就労' }] };
    const basic = basicItems(m, '4012345678');
    const detail = detailItems(m, m.days[0]!, '4012345678');
    expect(basic).toHaveLength(172);
    expect(detail).toHaveLength(113);
    // item → bytes of the 02 table
    const bytes: Record<number, number> = { 1: 4, 2: 2, 3: 6, 4: 6, 5: 10, 6: 10, 7: 4, 9: 2, 14: 4, 15: 4, 35: 100, 51: 3, 52: 4, 55: 4, 56: 5 };
    for (const [item, n] of Object.entries(bytes)) expect(shiftJisLength(detail[+item - 1]!), `item ${item}`).toBeLessThanOrEqual(n);
    expect(detail[8]).toBe('07');
    expect(detail[13]).toBe('0900');
    expect(readJ611Bytes(writeJ611({ providerNo: '4012345678', months: [m] }), 'g.csv').inputFindings).toEqual([]);
  });
});

describe('formats/index.ts detection hook', () => {
  it('reads a 国保連 file as billing (no grids), and leaves other bytes to the other readers', async () => {
    const { readBillingBytes } = await import('../../formats/index.ts');
    const r = readBillingBytes(small, 'SEIKYU.DAT')!;
    expect(r.grids).toEqual([]);
    expect(r.billing?.days).toHaveLength(2);
    expect(readBillingBytes(encodeShiftJis('日付,利用者名\r\n'), 'a.csv')).toBeUndefined();
    // a 国保連 file without J611 is still taken as billing, so that its message says what it holds
    const j121 = readBillingBytes(encodeShiftJis('1,000000001,000,000001,J11,000000,4012345678,00,1,202611,\r\n2,000000002,J121,01\r\n3,000000003\r\n'), 'b.csv')!;
    expect(j121.billing?.inputFindings[0]?.ruleId).toBe('input-mapping');
  });
});
