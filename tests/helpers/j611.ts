// Writes realistic 国保連 interface files (J611 実績記録票 records) for tests and benchmarks:
// Shift_JIS, CRLF, control/data/end records, item counts and byte lengths of ../shared/reference/kokuhoren-j611.md.
import type { DayRecord } from '../../core/model/record.ts';
import { checkDigit } from '../../core/billing/local-gov-code.ts';

let sjisTable: Map<string, number[]> | undefined;

/** Shift_JIS (CP932) bytes of a text, from a reverse table of the platform's decoder. */
export function encodeShiftJis(text: string): Uint8Array {
  if (!sjisTable) {
    sjisTable = new Map();
    const decoder = new TextDecoder('shift_jis');
    for (let b = 0xa1; b <= 0xdf; b++) sjisTable.set(decoder.decode(new Uint8Array([b])), [b]);
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !sjisTable.has(ch)) sjisTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else {
      const bytes = sjisTable.get(ch);
      if (!bytes) throw new Error(`no Shift_JIS for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** One J611 02 record (a service day). Times HHMM as numbers of minutes. */
export interface J611Day {
  day: number;
  start?: number;
  end?: number;
  offsite?: boolean;
  remark?: string;
  status?: string;
}

/** One user's month: a J611 01 record and its 02 records. */
export interface J611Month {
  month: string; // YYYY-MM
  municipalityCode: string; // 6 digits
  recipientNo: string;
  formType?: string;
  days: J611Day[];
}

export interface J611File {
  providerNo: string;
  /** 処理対象年月 YYYYMM (default: the month after the last service month) */
  processingMonth?: string;
  months: J611Month[];
  /** data records of other 交換情報 written first (e.g. J111 請求書), as raw payload items */
  others?: string[][];
}

const hhmm = (m: number | undefined) => (m === undefined ? '' : `${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The 172 items of a J611 01 basic record. */
export function basicItems(m: J611Month, providerNo: string): string[] {
  const items = new Array<string>(172).fill('');
  items[0] = 'J611';
  items[1] = '01';
  items[2] = m.month.replace('-', '');
  items[3] = m.municipalityCode;
  items[4] = providerNo;
  items[5] = m.recipientNo;
  items[6] = m.formType ?? '0501';
  items[36] = pad(m.days.length, 2); // 37 合計算定日数（日） 2 bytes
  items[52] = pad(m.days.filter((d) => d.offsite).length, 2); // 53 施設外支援当月（日）
  return items;
}

/** The 113 items of a J611 02 detail record. */
export function detailItems(m: J611Month, d: J611Day, providerNo: string): string[] {
  const items = new Array<string>(113).fill('');
  items[0] = 'J611';
  items[1] = '02';
  items[2] = m.month.replace('-', '');
  items[3] = m.municipalityCode;
  items[4] = providerNo;
  items[5] = m.recipientNo;
  items[6] = m.formType ?? '0501';
  items[8] = pad(d.day, 2); // 9 日付
  items[9] = '01'; // 10 サービス提供回数
  items[13] = hhmm(d.start); // 14 開始時間
  items[14] = hhmm(d.end); // 15 終了時間
  items[28] = d.offsite ? '1' : ''; // 29 施設外支援
  items[33] = '1'; // 34 提供形態 1:通所型
  items[34] = d.remark ?? ''; // 35 備考
  items[35] = d.status ?? ''; // 36 サービス提供の状況
  items[50] = '100'; // 51 適用単価
  items[51] = '0584'; // 52 基本単位数
  items[54] = '0584'; // 55 単位数
  items[55] = '00584'; // 56 1日計
  return items;
}

/** The whole file as Shift_JIS bytes, CRLF, with running numbers and the data record count. */
export function writeJ611(file: J611File): Uint8Array {
  const data: string[][] = [...(file.others ?? [])];
  for (const m of file.months) {
    data.push(basicItems(m, file.providerNo));
    for (const d of m.days) data.push(detailItems(m, d, file.providerNo));
  }
  const last = file.months.map((m) => m.month).sort().pop() ?? '2026-10';
  const [y, mo] = last.split('-').map(Number) as [number, number];
  const processing = file.processingMonth ?? (mo === 12 ? `${y + 1}01` : `${y}${pad(mo + 1, 2)}`);
  const lines: string[] = [];
  lines.push(['1', pad(1, 9), '000', pad(data.length, 9), 'J11', '000000', file.providerNo, '00', '1', processing, ''].join(','));
  data.forEach((items, i) => lines.push(['2', pad(i + 2, 9), ...items].join(',')));
  lines.push(['3', pad(data.length + 2, 9)].join(','));
  return encodeShiftJis(lines.map((l) => `${l}\r\n`).join(''));
}

/** 市町村番号 (with check digit) of a 5-digit 団体コード. */
export function localGovCode(code5: string): string {
  return `${code5}${checkDigit(code5)}`;
}

const CODE_OF: Record<string, string> = { 神戸市: '281000', 東大阪市: '272272', 福岡市: '401307', 西尾市: '232131' };

/**
 * The billing file the provider would send for these support records: every day not marked absent is billed,
 * with the record's times, 備考 在宅就労 on home days (福岡市's wording), 施設外支援 on off-site days.
 * `users`: name → 受給者証番号 and municipality (for records without them).
 */
export function j611FromRecords(
  records: readonly DayRecord[],
  opts: { providerNo?: string; users?: Record<string, { recipientNo: string; municipality?: string }> } = {},
): J611File {
  const months = new Map<string, J611Month>();
  for (const r of records) {
    if (r.mode === 'absent') continue;
    const info = opts.users?.[r.user];
    const recipientNo = r.recipientNo ?? info?.recipientNo;
    if (!recipientNo) continue;
    const municipality = r.municipality ?? info?.municipality ?? '';
    const month = r.date.slice(0, 7);
    const key = `${recipientNo}\u0000${month}`;
    let m = months.get(key);
    if (!m) months.set(key, (m = { month, recipientNo, municipalityCode: CODE_OF[municipality] ?? '131016', days: [] }));
    m.days.push({
      day: +r.date.slice(8, 10),
      start: r.start,
      end: r.end,
      offsite: r.mode === 'offsite',
      remark: r.mode === 'home' ? '在宅就労' : '',
    });
  }
  return { providerNo: opts.providerNo ?? '2812345678', months: [...months.values()] };
}
