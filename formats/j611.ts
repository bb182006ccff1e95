// 国保連 interface CSV (障害者総合支援法 介護給付費等 インタフェース仕様書 共通編/事業所編 令和7年10月):
// bytes → billed service days from the J611 実績記録票 records. Host-neutral: no Node, DOM or Office APIs.
// Layout: ../shared/reference/kokuhoren-j611.md (item numbers and byte lengths are the official tables').
import type { BilledDay, BillingFile } from '../core/model/billing.ts';
import type { Finding } from '../core/model/report.ts';
import { isValidLocalGovCode } from '../core/billing/local-gov-code.ts';

/** J611 02 明細情報 items read (item number → name, attribute, max bytes). */
const ITEM = {
  id: [1, '交換情報識別番号', 4],
  kind: [2, 'レコード種別コード', 2],
  month: [3, 'サービス提供年月', 6],
  municipality: [4, '市町村番号', 6],
  provider: [5, '事業所番号', 10],
  recipient: [6, '受給者証番号', 10],
  form: [7, '様式種別番号', 4],
  day: [9, '日付', 2],
  start: [14, '開始時間', 4],
  end: [15, '終了時間', 4],
  offsite: [29, '施設外支援', 1],
  remark: [35, '備考', 100],
  status: [36, 'サービス提供の状況', 1],
} as const satisfies Record<string, readonly [number, string, number]>;
type Item = (typeof ITEM)[keyof typeof ITEM];

/** Item counts of the 令和7年10月 tables: 01 has 172 items, 02 has 113. */
const ITEMS_01 = 172;
const ITEMS_02 = 113;
/** fewest items a record needs for what is read */
const MIN_01 = 7;
const MIN_02 = ITEM.status[0];
/** at most this many located findings per kind of problem, then one summary line */
const MAX_FINDINGS_PER_KIND = 50;

const CONTROL_START = /^"?1"?,"?\d{9}"?,/;
const DATA_START = /^"?2"?,"?\d{9}"?,"?J\d{3}"?,/;

/** The first bytes as ASCII text (Shift_JIS keeps ASCII as is), for detection. */
function asciiHead(bytes: Uint8Array, max: number): string {
  const n = Math.min(bytes.length, max);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]!);
  return s.replace(/^\ufeff|^\xef\xbb\xbf/, '');
}

/** A 国保連 interface file: a control record (1, running number …) followed by a data record of some 交換情報. */
export function isKokuhorenCsv(bytes: Uint8Array): boolean {
  const head = asciiHead(bytes, 4096);
  if (!CONTROL_START.test(head)) return false;
  const second = head.split(/\r\n|\n|\r/)[1];
  return second !== undefined && (DATA_START.test(second) || /^"?3"?,"?\d{9}"?\s*$/.test(second));
}

/** A 国保連 interface file holding J611 (実績記録票) records, whatever it is called. */
export function isJ611(bytes: Uint8Array): boolean {
  if (!isKokuhorenCsv(bytes)) return false;
  // "J611" after a comma or an opening quote, anywhere in the file
  for (let i = 1; i + 4 <= bytes.length; i++) {
    if (bytes[i] === 0x4a && bytes[i + 1] === 0x36 && bytes[i + 2] === 0x31 && bytes[i + 3] === 0x31 && (bytes[i - 1] === 0x2c || bytes[i - 1] === 0x22)) return true;
  }
  return false;
}

/** Bytes a text takes in Shift_JIS: ASCII and half-width katakana 1, others 2. */
export function shiftJisLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2;
  }
  return n;
}

/** Fields cut from each line of a J611 file (items beyond this are counted, not cut). */
const CUT_LIMIT = MIN_02 + 2;
const SJIS = new TextDecoder('shift_jis', { fatal: true });
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * One line's fields, cut at byte level: Shift_JIS trail bytes are never a comma, quote, CR or LF, so the
 * structure is ASCII. Only the fields asked for become strings, and only those with bytes >= 0x80 are decoded
 * (each distinct text once: 備考 repeats). Decoding a whole file as Shift_JIS costs more than the whole check.
 * A field with the same bytes as on the line before (年月, 受給者証番号, 備考 …) is the same string, found
 * by comparing bytes: nothing allocated, nothing looked up.
 */
class LineCutter {
  private readonly starts = new Int32Array(CUT_LIMIT);
  private readonly ends = new Int32Array(CUT_LIMIT);
  private cut = 0;
  /** fields on the line */
  count = 0;
  /** index of the first field asked for whose bytes do not decode, or -1 */
  undecodable = -1;
  private readonly cache = new Map<string, string | undefined>();
  /** ASCII items of up to 7 bytes by their bytes as a number (7 × 7 bits, length above) */
  private readonly short = new Map<number, string>();
  /** per field index: the bytes (unquoted) and text of the last time it was asked for; undefined text: undecodable */
  private readonly lastStart = new Int32Array(CUT_LIMIT).fill(-1);
  private readonly lastEnd = new Int32Array(CUT_LIMIT);
  private readonly lastText: (string | undefined)[] = new Array<string | undefined>(CUT_LIMIT).fill('');
  private bytes: Uint8Array = new Uint8Array(0);
  private decoder: TextDecoder = SJIS;

  /** Starts on a file: nothing of the file before is kept. */
  open(bytes: Uint8Array, decoder: TextDecoder): void {
    this.bytes = bytes;
    this.decoder = decoder;
    this.cache.clear();
    this.short.clear();
    this.lastStart.fill(-1);
    this.lastText.fill('');
    this.cut = this.count = this.end = 0;
    this.undecodable = -1;
  }

  /** Lets go of the file's bytes and texts. */
  close(): void {
    this.open(new Uint8Array(0), SJIS);
  }

  /** end of the line last cut (its CR LF removed) */
  end = 0;

  /**
   * Cuts the line that starts at `from`: up to its LF or the end of the bytes, CR LF removed (`end`).
   * Returns the index of the LF (or the length). One pass over the bytes: a line without quotes (the usual
   * case) is cut as it is scanned for its LF.
   */
  line(from: number): number {
    const b = this.bytes;
    const n = b.length;
    let count = 1;
    let cut = 0;
    let start = from;
    let i = from;
    // the fields read are cut, then the rest of the line's commas only counted
    for (; i < n && cut < CUT_LIMIT; i++) {
      const c = b[i]!;
      if (c > 0x2c) continue;
      if (c === 0x2c) {
        this.starts[cut] = start;
        this.ends[cut++] = i;
        start = i + 1;
        count++;
      } else if (c === 0x0a) break;
      else if (c === 0x22) return this.quotedLine(from);
    }
    if (cut === CUT_LIMIT) {
      for (; i < n; i++) {
        const c = b[i]!;
        if (c > 0x2c) continue;
        if (c === 0x2c) count++;
        else if (c === 0x0a) break;
        else if (c === 0x22) return this.quotedLine(from);
      }
    }
    this.finishLine(cut, start, i > from && b[i - 1] === 0x0d ? i - 1 : i, count);
    return i;
  }

  /** The last field (from `start` to the line's `end`) and the line's counts. */
  private finishLine(cut: number, start: number, end: number, count: number): void {
    if (cut < CUT_LIMIT) (this.starts[cut] = start), (this.ends[cut++] = end);
    this.cut = cut;
    this.count = count;
    this.end = end;
    this.undecodable = -1;
  }

  /** A line with quotes: a comma between quotes does not end a field. */
  private quotedLine(from: number): number {
    const b = this.bytes;
    let next = b.indexOf(0x0a, from);
    if (next < 0) next = b.length;
    const to = next > from && b[next - 1] === 0x0d ? next - 1 : next;
    let count = 1;
    let cut = 0;
    let start = from;
    let quoted = false;
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      if (c === 0x22) quoted = !quoted;
      else if (c === 0x2c && !quoted) {
        if (cut < CUT_LIMIT) (this.starts[cut] = start), (this.ends[cut++] = i);
        start = i + 1;
        count++;
      }
    }
    this.finishLine(cut, start, to, count);
    return next;
  }

  /** Field i as a number when it is 1–9 ASCII digits (quotes removed), else -1; no string made. */
  digits(i: number): number {
    if (i >= this.cut) return -1;
    const b = this.bytes;
    let s = this.starts[i]!;
    let e = this.ends[i]!;
    if (e - s >= 2 && b[s] === 0x22 && b[e - 1] === 0x22) (s++, e--);
    if (e === s || e - s > 9) return -1;
    let n = 0;
    for (let k = s; k < e; k++) {
      const d = b[k]! - 0x30;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }

  /** A J611 item of a data record (item n is field n + 1: the outer kind and running number come first). */
  item(it: Item): string | undefined {
    return this.field(it[0] + 1);
  }

  /** Field i (0-based) as text, quotes removed; undefined beyond the line. */
  field(i: number): string | undefined {
    if (i >= this.cut) return undefined;
    const b = this.bytes;
    let s = this.starts[i]!;
    let e = this.ends[i]!;
    if (e - s >= 2 && b[s] === 0x22 && b[e - 1] === 0x22) (s++, e--);
    if (s === e) return '';
    const last = this.lastStart[i]!;
    if (last >= 0 && this.lastEnd[i]! - last === e - s) {
      let k = 0;
      const n = e - s;
      while (k < n && b[s + k] === b[last + k]) k++;
      if (k === n) return this.decoded(i, this.lastText[i]);
    }
    const text = this.text(s, e);
    this.lastStart[i] = s;
    this.lastEnd[i] = e;
    this.lastText[i] = text;
    return this.decoded(i, text);
  }

  private decoded(i: number, text: string | undefined): string {
    if (text !== undefined) return text;
    if (this.undecodable < 0) this.undecodable = i;
    return '';
  }

  /** bytes[s, e) as text; undefined when they do not decode */
  private text(s: number, e: number): string | undefined {
    const b = this.bytes;
    let high = false;
    let key = 0;
    for (let k = s; k < e; k++) {
      const c = b[k]!;
      if (c >= 0x80) (high = true), (k = e);
      else key = key * 128 + c;
    }
    // short ASCII items (年月, 日付, 時間, codes) repeat on every record: one string each
    if (!high && e - s <= 7) {
      let text = this.short.get(key + (e - s) * 2 ** 49);
      if (text === undefined) {
        text = String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]);
        if (text.includes('""')) text = text.replace(/""/g, '"');
        if (this.short.size < 100_000) this.short.set(key + (e - s) * 2 ** 49, text);
      }
      return text;
    }
    const raw = String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]);
    if (!high) return raw.includes('""') ? raw.replace(/""/g, '"') : raw;
    let text = this.cache.get(raw);
    if (text === undefined && !this.cache.has(raw)) {
      try {
        text = this.decoder.decode(b.subarray(s, e)).replace(/""/g, '"');
      } catch {
        text = undefined;
      }
      if (this.cache.size < 10_000) this.cache.set(raw, text);
    }
    return text;
  }
}

/**
 * The one cutter, opened for each file (reading is synchronous: one file at a time). Kept across files so that
 * its shape, and the compiled code that reads through it, outlive a garbage collection between two files.
 */
const CUTTER = new LineCutter();

const DAYS_IN_MONTH = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whether the bytes hold non-ASCII and are valid UTF-8 (a file re-saved by an editor). */
function isUtf8Text(bytes: Uint8Array): boolean {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return false;
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What reading a file has gathered so far. */
interface ReadState {
  cut: LineCutter;
  note: AnyNote;
  file: string;
  days: BilledDay[];
  seen: Seen;
  months: Set<string>;
  skipped: Record<string, number>;
  firstLine: string;
  basicRecords: number;
  dataRecords: number;
  declaredCount: number | undefined;
  ended: boolean;
  countMismatchNoted: boolean;
}

/** One record (line) of the file into the reader's state. */
function readRecord(st: ReadState, lineNo: number): void {
  const { cut, note, file, seen, skipped, months, days } = st;
  const kind = cut.field(0);
  const runningNo = cut.digits(1);
  if (lineNo === 1) st.firstLine = `${kind},${cut.field(1)},`;
  if (st.ended) {
    note('after-end', 'input-value', lineNo, 1, 'エンドレコード（3）の後にレコードがあります。この行は読んでいません。', 'a record follows the end record (3); the line was not read.');
    return;
  }
  if (runningNo !== lineNo) {
    const running = cut.field(1);
    note('running', 'input-number', lineNo, 2, `レコード番号（連番）が「${running ?? ''}」です（${lineNo} のはず）。ファイルの一部が欠けているか、並べ替えられた可能性があります。`, `the record number is "${running ?? ''}", expected ${lineNo}; part of the file may be missing or reordered.`);
  }
  if (kind === '1') {
    if (lineNo !== 1) note('control', 'input-value', lineNo, 1, 'コントロールレコード（1）がファイルの途中にあります。', 'a control record (1) in the middle of the file.');
    const count = cut.field(3);
    if (count !== undefined && /^\d{1,9}$/.test(count)) st.declaredCount = Number(count);
    return;
  }
  if (kind === '3') {
    st.ended = true;
    return;
  }
  if (kind !== '2') {
    note('kind', 'input-value', lineNo, 1, `レコード種別「${kind ?? ''}」は 1（コントロール）・2（データ）・3（エンド）のどれでもありません。この行は読んでいません。`, `record kind "${kind ?? ''}" is none of 1 (control), 2 (data), 3 (end); the line was not read.`);
    return;
  }
  st.dataRecords++;
  // the data record's payload: J611 items 1 … n follow the outer kind and running number
  const itemCount = cut.count - 2;
  const id = cut.item(ITEM.id) ?? '';
  if (id !== 'J611') {
    skipped[id] = (skipped[id] ?? 0) + 1;
    return;
  }
  const recordKind = cut.item(ITEM.kind);
  if (recordKind === '01') {
    if (itemCount < MIN_01) {
      note('short', 'input-value', lineNo, undefined, `J611 基本情報（01）の項目が ${itemCount} 個しかありません（${ITEMS_01} 個のはず）。この行は読んでいません。`, `the J611 basic record (01) has ${itemCount} items, expected ${ITEMS_01}; the line was not read.`);
      return;
    }
    const month = cut.item(ITEM.month)!;
    if (!/^\d{6}$/.test(month) || +month.slice(4) < 1 || +month.slice(4) > 12) {
      note('month', 'input-date', lineNo, ITEM.month, `「${month}」は西暦年月（YYYYMM）ではありません。`, `"${month}" is not a year and month (YYYYMM).`);
      return;
    }
    st.basicRecords++;
    months.add(`${month.slice(0, 4)}-${month.slice(4)}`);
    return;
  }
  if (recordKind !== '02') {
    note('record-kind', 'input-value', lineNo, ITEM.kind, `レコード種別コード「${recordKind ?? ''}」は 01・02 のどちらでもありません。この行は読んでいません。`, `record kind code "${recordKind ?? ''}" is neither 01 nor 02; the line was not read.`);
    return;
  }
  if (itemCount < MIN_02) {
    note('short', 'input-value', lineNo, undefined, `J611 明細情報（02）の項目が ${itemCount} 個しかありません（${ITEMS_02} 個のはず）。この行は読んでいません。`, `the J611 detail record (02) has ${itemCount} items, expected ${ITEMS_02}; the line was not read.`);
    return;
  }
  if (itemCount !== ITEMS_02 && !st.countMismatchNoted) {
    st.countMismatchNoted = true;
    note('count', 'input-value', lineNo, undefined, `J611 明細情報（02）の項目数が ${itemCount} 個です（令和7年10月版の仕様は ${ITEMS_02} 個）。項目36までを位置で読みました。仕様書の版が違う可能性があります。`, `the J611 detail record (02) has ${itemCount} items (the 令和7年10月 specification has ${ITEMS_02}); items up to 36 were read by position. The file may follow another version of the specification.`);
  }
  const day = readDetail(cut, lineNo, file, note, seen);
  if (cut.undecodable >= 0) {
    note('encoding', 'input-encoding', lineNo, cut.undecodable - 1, 'Shift_JIS として読めない文字があります。この行は読んでいません。請求ソフトから出力し直してください。', 'holds bytes that are not Shift_JIS; the line was not read. Export the file again from the billing software.');
    return;
  }
  if (day) {
    days.push(day);
    if (!day.date.startsWith(seen.dayMonth)) months.add((seen.dayMonth = day.date.slice(0, 7)));
  }
}

/** Reads the J611 records of a 国保連 interface file; other 交換情報 are counted, bad records located. */
export function readJ611Bytes(bytes: Uint8Array, file: string): BillingFile {
  const findings: Finding[] = [];
  const perKind = new Map<string, number>();
  const note = (kind: string, ruleId: string, line: number | undefined, item: Item | number | undefined, ja: string, en: string) => {
    const count = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, count);
    if (count > MAX_FINDINGS_PER_KIND) return;
    const [no, name] = typeof item === 'number' ? [item, undefined] : item ? [item[0], item[1]] : [undefined, undefined];
    const whereJa = `${file}${line !== undefined ? ` ${line}行目` : ''}${no !== undefined ? `（項目${no}${name ? `「${name}」` : ''}）` : ''}`;
    const whereEn = `${file}${line !== undefined ? `, line ${line}` : ''}${no !== undefined ? `, item ${no}${name ? ` (${name})` : ''}` : ''}`;
    const location: Finding['locations'][number] = { file };
    if (line !== undefined) location.row = line;
    if (no !== undefined) location.item = no;
    findings.push({
      ruleId,
      severity: 'warning',
      outcome: 'incomplete',
      pack: 'national',
      locations: [location],
      message: { ja: `${whereJa}: ${ja}`, en: `${whereEn}: ${en}` },
      source: '',
    });
  };

  const utf8 = isUtf8Text(bytes);
  const cut = CUTTER;
  cut.open(bytes, utf8 ? UTF8 : SJIS);
  if (utf8) {
    note('utf8', 'input-encoding', undefined, undefined, 'Shift_JIS ではなく UTF-8 で保存されています。UTF-8 として読みました。国保連へ送るファイルは請求ソフトが出力したものをそのまま使ってください。', 'saved as UTF-8, not Shift_JIS as the interface requires; read as UTF-8. Use the file as the billing software wrote it.');
  }
  // a UTF-8 BOM
  let pos = utf8 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let lineNo = 0;
  const days: BilledDay[] = [];
  const months = new Set<string>();
  const skipped: Record<string, number> = {};
  const st: ReadState = {
    cut, note, file, days, seen: newSeen(), months, skipped,
    firstLine: '', basicRecords: 0, dataRecords: 0, declaredCount: undefined, ended: false, countMismatchNoted: false,
  };

  try {
    while (pos < bytes.length) {
      const from = pos;
      pos = cut.line(from) + 1;
      lineNo++;
      if (cut.end !== from) readRecord(st, lineNo);
    }
  } finally {
    cut.close();
  }
  const { firstLine, ended, declaredCount, dataRecords, basicRecords } = st;

  if (!CONTROL_START.test(firstLine)) {
    note('no-control', 'input-value', 1, 1, '先頭がコントロールレコード（1）ではありません。', 'the file does not start with a control record (1).');
  }
  if (!ended) {
    note('no-end', 'input-value', lineNo, undefined, 'エンドレコード（3）がありません。ファイルの最後が欠けている可能性があります。請求ソフトから出力し直してください。', 'there is no end record (3); the end of the file may be missing. Export the file again from the billing software.');
  }
  if (declaredCount !== undefined && declaredCount !== dataRecords) {
    note('declared', 'input-number', 1, 4, `コントロールレコードのレコード件数は ${declaredCount} 件ですが、データレコードは ${dataRecords} 件です。ファイルの一部が欠けている可能性があります。`, `the control record announces ${declaredCount} data records, the file has ${dataRecords}; part of the file may be missing.`);
  }
  if (days.length === 0 && basicRecords === 0) {
    const others = Object.keys(skipped);
    note('no-j611', 'input-mapping', undefined, undefined, `J611（サービス提供実績記録票）のレコードがありません${others.length ? `（${others.join('・')} のみ）` : ''}。実績記録票を含むファイルを指定してください。`, `no J611 (service record) records${others.length ? ` (only ${others.join(', ')})` : ''}. Give the file that holds the 実績記録票.`);
  }
  for (const [kind, count] of perKind) {
    if (count > MAX_FINDINGS_PER_KIND) {
      note(`${kind}-more`, 'input-value', undefined, undefined, `同じ種類の問題がほかに ${count - MAX_FINDINGS_PER_KIND} 件あります。`, `${count - MAX_FINDINGS_PER_KIND} more problems of the same kind.`);
    }
  }
  return { file, days, basicRecords, months: [...months].sort(), skipped, inputFindings: findings };
}

type AnyNote = (kind: string, ruleId: string, line: number | undefined, item: Item | number | undefined, ja: string, en: string) => void;
type Note = (kind: string, ruleId: string, line: number, item: Item, ja: string, en: string) => void;

/**
 * What the records before had, per item: consecutive records repeat the month, the user, the times and the
 * 備考, so a value equal to the last one read without a problem is not checked again (one file's memory only).
 */
interface Seen {
  /** YYYY-MM of the last day added to `months` (ISO dates never start with NUL) */
  dayMonth: string;
  month: string | undefined;
  /** ISO dates of `month` by day number; null when `month` is not a YYYYMM */
  monthDays: (string | undefined)[] | null;
  monthTables: Map<string, (string | undefined)[] | null>;
  recipient: string | undefined;
  recipientNo: string;
  provider: string | undefined;
  providerNo: string;
  remark: string | undefined;
  municipality: string | undefined;
  municipalityCode: string;
  form: string | undefined;
  start: SeenTime;
  end: SeenTime;
  offsite: string | undefined;
  offsiteCode: string;
  status: string | undefined;
}

/** Nothing seen yet: every first value is checked. */
const newSeen = (): Seen => ({
  dayMonth: '\u0000', month: undefined, monthDays: null, monthTables: new Map(), recipient: undefined, recipientNo: '', provider: undefined, providerNo: '',
  remark: undefined, municipality: undefined, municipalityCode: '', form: undefined, start: { raw: undefined, minutes: undefined },
  end: { raw: undefined, minutes: undefined }, offsite: undefined, offsiteCode: '', status: undefined,
});

/** The ISO dates of a YYYYMM month by day number (index 1 … last day); null for no such month. */
function monthDays(month: string): (string | undefined)[] | null {
  if (!/^\d{6}$/.test(month)) return null;
  const y = +month.slice(0, 4);
  const m = +month.slice(4, 6);
  if (m < 1 || m > 12) return null;
  const out: (string | undefined)[] = [undefined];
  const prefix = `${month.slice(0, 4)}-${month.slice(4)}-`;
  for (let d = 1; d <= DAYS_IN_MONTH(y, m); d++) out.push(`${prefix}${String(d).padStart(2, '0')}`);
  return out;
}

/** The ISO date of 日付 (1 or 2 digits) in a month's table; undefined for no such day. */
function dayIn(days: readonly (string | undefined)[], dd: string): string | undefined {
  if (dd.length === 0 || dd.length > 2) return undefined;
  let n = 0;
  for (let k = 0; k < dd.length; k++) {
    const d = dd.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return days[n];
}

/** HHMM (3 or 4 digits) as minutes; null when unreadable. */
function hhmmMinutes(v: string): number | null {
  const hm = /^\d{3,4}$/.test(v) ? v.padStart(4, '0') : '';
  const value = hm ? +hm.slice(0, 2) * 60 + +hm.slice(2) : NaN;
  return !hm || +hm.slice(2) > 59 || value > 48 * 60 ? null : value;
}

/** A text item longer than its byte length is noted (and kept); true when it fits. */
function checkLength(v: string, it: Item, line: number, note: Note): boolean {
  if (v.length * 2 <= it[2]) return true;
  const n = shiftJisLength(v);
  if (n <= it[2]) return true;
  note('length', 'input-value', line, it, `「${v}」は ${it[2]} バイトを超えています（${n} バイト）。`, `"${v}" is longer than ${it[2]} bytes (${n}).`);
  return false;
}

/** A time item (blank: undefined); an unreadable one is noted, `ok` false. */
function timeItem(raw: string, it: Item, line: number, note: Note): { minutes: number | undefined; ok: boolean } {
  const v = raw.trim();
  if (v === '') return { minutes: undefined, ok: true };
  const minutes = hhmmMinutes(v);
  if (minutes !== null) return { minutes, ok: true };
  note('time', 'input-time', line, it, `「${v}」は時刻（HHMM、例: 10:00 → 1000）として読めません。`, `"${v}" is not a time (HHMM, e.g. 10:00 → 1000).`);
  return { minutes: undefined, ok: false };
}

/** The last readable text of a time item and its minutes. */
interface SeenTime {
  raw: string | undefined;
  minutes: number | undefined;
}

/** A time item, read again only when its text differs from the last readable one (a bad value is noted on every record). */
function seenTime(raw: string, it: Item, last: SeenTime, line: number, note: Note): number | undefined {
  if (raw === last.raw) return last.minutes;
  const t = timeItem(raw, it, line, note);
  if (t.ok) (last.raw = raw), (last.minutes = t.minutes);
  return t.minutes;
}

/** A J611 02 record as a billed day, or undefined when its date or user cannot be read. */
function readDetail(cut: LineCutter, line: number, file: string, note: Note, seen: Seen): BilledDay | undefined {
  const month = cut.item(ITEM.month) ?? '';
  const dd = cut.item(ITEM.day) ?? '';
  if (month !== seen.month) {
    let table = seen.monthTables.get(month);
    if (table === undefined) seen.monthTables.set(month, (table = monthDays(month)));
    seen.month = month;
    seen.monthDays = table;
  }
  const date = seen.monthDays ? dayIn(seen.monthDays, dd) : undefined;
  if (date === undefined) {
    const m = +month.slice(4, 6);
    if (!/^\d{6}$/.test(month) || m < 1 || m > 12) {
      note('month', 'input-date', line, ITEM.month, `「${month}」は西暦年月（YYYYMM）ではありません。この行は読んでいません。`, `"${month}" is not a year and month (YYYYMM); the line was not read.`);
    } else {
      note('day', 'input-date', line, ITEM.day, `「${dd}」は${+month.slice(0, 4)}年${m}月の日付ではありません。この行は読んでいません。`, `"${dd}" is not a day of ${month}; the line was not read.`);
    }
    return undefined;
  }
  // each item: the last value read without a problem is taken as is; any other is checked (and noted)
  const recipient = cut.item(ITEM.recipient) ?? '';
  let recipientNo = seen.recipientNo;
  if (recipient !== seen.recipient) {
    recipientNo = recipient.trim();
    if (recipientNo === '') {
      note('recipient', 'input-value', line, ITEM.recipient, '受給者証番号が空欄です。この行は読んでいません。', 'the recipient certificate number is blank; the line was not read.');
      return undefined;
    }
    if (checkLength(recipient, ITEM.recipient, line, note)) (seen.recipient = recipient), (seen.recipientNo = recipientNo);
  }
  const provider = cut.item(ITEM.provider) ?? '';
  let providerNo = seen.providerNo;
  if (provider !== seen.provider) {
    providerNo = provider.trim();
    if (checkLength(provider, ITEM.provider, line, note)) (seen.provider = provider), (seen.providerNo = providerNo);
  }
  const remark = cut.item(ITEM.remark) ?? '';
  if (remark !== seen.remark && checkLength(remark, ITEM.remark, line, note)) seen.remark = remark;
  const municipality = cut.item(ITEM.municipality) ?? '';
  let municipalityCode = seen.municipalityCode;
  let municipalityCodeValid = true;
  if (municipality !== seen.municipality) {
    municipalityCode = municipality.trim();
    municipalityCodeValid = isValidLocalGovCode(municipalityCode);
    if (municipalityCodeValid) (seen.municipality = municipality), (seen.municipalityCode = municipalityCode);
    else note('municipality', 'input-value', line, ITEM.municipality, `「${municipalityCode}」は市町村番号（6桁、最後の1桁はチェックデジット）として正しくありません。支給決定市町村を判定できません。受給者証の市町村番号を確かめてください。`, `"${municipalityCode}" is not a valid municipality number (6 digits, the last a check digit); the municipality is unknown. Check the number on the certificate.`);
  }
  const formType = cut.item(ITEM.form) ?? '';
  if (formType !== seen.form) {
    if (formType.length !== 4 || !/^\d{4}$/.test(formType)) note('form', 'input-value', line, ITEM.form, `様式種別番号「${formType}」は数字4桁ではありません。`, `form type "${formType}" is not 4 digits.`);
    else seen.form = formType;
  }
  const start = seenTime(cut.item(ITEM.start) ?? '', ITEM.start, seen.start, line, note);
  const end = seenTime(cut.item(ITEM.end) ?? '', ITEM.end, seen.end, line, note);
  const offsite = cut.item(ITEM.offsite) ?? '';
  let offsiteCode = seen.offsiteCode;
  if (offsite !== seen.offsite) {
    offsiteCode = offsite.trim();
    if (offsiteCode !== '' && offsiteCode !== '1' && offsiteCode !== '0') {
      note('offsite', 'input-value', line, ITEM.offsite, `施設外支援「${offsiteCode}」は 1 か空欄のはずです。施設外支援ではない日として読みました。`, `off-site support "${offsiteCode}" should be 1 or blank; read as not off-site.`);
    } else (seen.offsite = offsite), (seen.offsiteCode = offsiteCode);
  }
  const status = cut.item(ITEM.status) ?? '';
  if (status !== seen.status) {
    if (status.length > 1) note('length', 'input-value', line, ITEM.status, `サービス提供の状況「${status}」は1桁のはずです。書かれたとおりに残しました。`, `service status "${status}" should be one character; kept as written.`);
    else seen.status = status;
  }
  const offsiteDay = offsiteCode === '1';
  const source = { file, line };
  // whole literals, one per combination of times (keys in the order they always had): a day's shape never changes after it is made
  if (start !== undefined && end !== undefined) {
    return { date, recipientNo, municipalityCode, municipalityCodeValid, providerNo, formType, offsite: offsiteDay, remark, status, source, start, end };
  }
  if (start !== undefined) return { date, recipientNo, municipalityCode, municipalityCodeValid, providerNo, formType, offsite: offsiteDay, remark, status, source, start };
  if (end !== undefined) return { date, recipientNo, municipalityCode, municipalityCodeValid, providerNo, formType, offsite: offsiteDay, remark, status, source, end };
  return { date, recipientNo, municipalityCode, municipalityCodeValid, providerNo, formType, offsite: offsiteDay, remark, status, source };
}
