// Host-neutral file readers: bytes in, sheet grids out. Used by the CLI, the browser checker and tests;
// hosts only hand over bytes. No Node, DOM or Office APIs here.
import type { Bilingual } from '../core/model/report.ts';
import type { SheetGrid } from '../core/import/types.ts';
import { textToGrid } from './csv.ts';
import { openXlsx, type LeanWorkbook } from './xlsx/workbook.ts';
import { LeanReadError, ZipArchive } from './zip.ts';
import { isKokuhorenCsv, readJ611Bytes } from './j611.ts';
import type { BillingFile } from '../core/model/billing.ts';

export { LeanReadError } from './zip.ts';
// 国保連 billing CSV (J611): detected by content, whatever the file is called
export { isJ611, isKokuhorenCsv, readJ611Bytes } from './j611.ts';

/** A 国保連 billing CSV as a read result, or undefined for other bytes (detected by content). */
export function readBillingBytes(bytes: Uint8Array, displayName: string): ReadResult | undefined {
  return isKokuhorenCsv(bytes) ? { grids: [], sheetNames: [], billing: readJ611Bytes(bytes, displayName) } : undefined;
}

export type InputKind = 'xlsx' | 'csv';

export interface ReadResult {
  grids: SheetGrid[];
  /** every sheet name of the workbook (for messages) */
  sheetNames: string[];
  /** hidden / very hidden sheets not read (no --sheet named them) */
  hiddenSkipped?: string[];
  /** a 国保連 billing CSV: its J611 billed days (then `grids` is empty) */
  billing?: BillingFile;
}

export interface ReadOptions {
  /** only these sheets (a CSV has one sheet and is kept unless nothing can match) */
  sheets?: string[];
}

/** A file that cannot be read as asked: the bilingual message says which file and what to do. */
export class FormatError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual.en);
    this.name = 'FormatError';
  }
}

const EXTENSIONS: Record<string, InputKind> = { '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.csv': 'csv', '.txt': 'csv', '.tsv': 'csv' };

/** The kind of input a file name announces, or undefined for an unsupported extension. */
export function kindOfName(fileName: string): InputKind | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[fileName.slice(dot).toLowerCase()];
}

/** File name without directories and extension (a CSV's sheet name). */
export function baseName(fileName: string): string {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** A CSV/TSV file as one grid named after the file (kept whatever `sheets` says: it has one sheet). */
export function readCsvBytes(bytes: Uint8Array, displayName: string): ReadResult {
  const grid = textToGrid(bytes, baseName(displayName), displayName);
  return { grids: [grid], sheetNames: [grid.name] };
}

/** An .xlsx/.xlsm package as grids. Throws FormatError when the package cannot be read at all;
 * a sheet that cannot be read is a grid with `unreadable` set (the other sheets are still checked). */
export function readXlsxBytes(bytes: Uint8Array, displayName: string, opts: ReadOptions = {}): ReadResult {
  let book: LeanWorkbook;
  try {
    book = openXlsx(bytes);
  } catch (e) {
    throw packageError(bytes, displayName, e);
  }
  const sheets = opts.sheets ?? [];
  checkSheetSelection(sheets, book.sheetNames, displayName);
  const grids: SheetGrid[] = [];
  const hiddenSkipped: string[] = [];
  book.sheetNames.forEach((name, i) => {
    if (sheets.length ? !sheets.includes(name) : book.sheetStates[i] !== 'visible') {
      if (!sheets.length) hiddenSkipped.push(name);
      return;
    }
    try {
      grids.push(book.grid(i, displayName));
    } catch (e) {
      grids.push(unreadableSheet(name, displayName, e));
    }
  });
  if (!grids.length) {
    throw new FormatError({
      ja: `${displayName} に表示されているシートがありません（非表示のシート: ${hiddenSkipped.join(', ')}）。読み込むシートを --sheet で指定してください`,
      en: `${displayName} has no visible sheet (hidden: ${hiddenSkipped.join(', ')}). Name the sheets to read with --sheet`,
    });
  }
  const result: ReadResult = { grids, sheetNames: book.sheetNames };
  if (hiddenSkipped.length) result.hiddenSkipped = hiddenSkipped;
  return result;
}

function unreadableSheet(name: string, file: string, e: unknown): SheetGrid {
  const detail = e instanceof LeanReadError ? e.message : 'internal error';
  if (/too large/.test(detail)) {
    return {
      name,
      file,
      cells: [],
      unreadable: {
        ja: `「${name}」シートは展開後のサイズが大きすぎるため読み込みません（${detail}）。不要な行や列を削除して保存し直してください。`,
        en: `Sheet "${name}" is too large when unpacked and was not read (${detail}). Delete unneeded rows or columns and save again.`,
      },
    };
  }
  return {
    name,
    file,
    cells: [],
    unreadable: {
      ja: `「${name}」シートを読み込めません（シートの XML が壊れています: ${detail}）。Excel で開いて保存し直してから、もう一度チェックしてください。`,
      en: `Sheet "${name}" cannot be read (its XML is damaged: ${detail}). Open and save the workbook in Excel, then check again.`,
    },
  };
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) pattern[i * 2] = word.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

const PASSWORD = {
  ja: 'パスワードで保護されたブックは読めません。パスワードを外して保存し直してください',
  en: 'A password-protected workbook cannot be read. Remove the password and save it again',
};

/** Why a package could not be opened, in words for the user (what it is, what to do). */
function packageError(bytes: Uint8Array, file: string, e: unknown): FormatError {
  const say = (ja: string, en: string) => new FormatError({ ja: `${file}: ${ja}`, en: `${file}: ${en}` });
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    if (hasUtf16(bytes, 'EncryptedPackage')) return say(PASSWORD.ja, PASSWORD.en);
    return say(
      '古い Excel 形式（.xls）のファイルです。Excel で開き「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください',
      'This is an old Excel (.xls) file. Open it in Excel and use Save As → "Excel Workbook (*.xlsx)"',
    );
  }
  const msg = e instanceof Error ? e.message : '';
  let zip: ZipArchive | undefined;
  try {
    zip = new ZipArchive(bytes);
  } catch {
    zip = undefined;
  }
  if (zip) {
    const mimetype = zip.has('mimetype') ? safeText(zip, 'mimetype') : undefined;
    if ((mimetype ?? '').includes('opendocument.spreadsheet') || (zip.has('content.xml') && !zip.has('xl/workbook.xml'))) {
      return say(
        'OpenDocument 形式（.ods）のファイルです。LibreOffice Calc または Excel で開き、「Excel 2007-365 (.xlsx)」形式で保存し直してください',
        'This is an OpenDocument (.ods) spreadsheet. Open it in LibreOffice Calc or Excel and save it as .xlsx',
      );
    }
    if (/encrypted/.test(msg)) return say(PASSWORD.ja, PASSWORD.en);
    if (/too large/.test(msg)) {
      return say(`展開後のサイズが大きすぎるため読み込みません（${msg}）。不要なシートやデータを削除して保存し直してください`, `Refused: too large when unpacked (${msg}). Remove unneeded sheets or data and save again`);
    }
    return say(
      `.xlsx として読み込めません（ブックの構造が壊れています: ${msg}）。Excel で開いて保存し直してください`,
      `Cannot be read as .xlsx (damaged workbook structure: ${msg}). Open and save it again in Excel`,
    );
  }
  const head = bytes.subarray(0, 512);
  if (head.length && !head.includes(0)) {
    return say(
      'ZIP 形式の .xlsx ではなく、テキストファイルのようです。CSV なら拡張子を .csv にするか、Excel で開いて .xlsx 形式で保存し直してください',
      'Not a zip-based .xlsx but a text file. If it is CSV, rename it to .csv, or open it in Excel and save it as .xlsx',
    );
  }
  return say(
    'ZIP 形式の .xlsx ではありません（壊れているか、別の形式のファイルです）。Excel で開いて .xlsx 形式で保存し直してください',
    'Not a zip-based .xlsx (damaged, or another format). Open it in Excel and save it as .xlsx',
  );
}

function safeText(zip: ZipArchive, name: string): string | undefined {
  try {
    return zip.text(name);
  } catch {
    return undefined;
  }
}

/** Refuses a --sheet selection none of whose names the workbook has. */
export function checkSheetSelection(sheets: string[], sheetNames: string[], displayName: string): void {
  const missing = sheets.filter((s) => !sheetNames.includes(s));
  if (missing.length === sheets.length && sheets.length > 0) {
    throw new FormatError({
      ja: `${displayName} に指定のシートがありません: ${missing.join(', ')}（シート: ${sheetNames.join(', ')}）`,
      en: `${displayName} has no sheet named ${missing.join(', ')} (sheets: ${sheetNames.join(', ')})`,
    });
  }
}

/**
 * Any input as grids: a 国保連 billing CSV (by content, whatever its name), a CSV/TSV or an .xlsx/.xlsm.
 * Throws FormatError (located, bilingual) when the file cannot be read.
 */
export function readBytes(bytes: Uint8Array, displayName: string, sheets: string[] = []): ReadResult {
  const kind = kindOfName(displayName);
  if (kind !== 'xlsx') {
    const billing = readBillingBytes(bytes, displayName);
    if (billing) return billing;
  }
  if (kind === 'csv') return readCsvBytes(bytes, displayName);
  if (kind === 'xlsx') return readXlsxBytes(bytes, displayName, { sheets });
  throw new FormatError({
    ja: `対応していないファイル形式です: ${displayName}（.xlsx・.csv・.tsv を指定してください。.xls は Excel で .xlsx として保存し直してください）`,
    en: `Unsupported file type: ${displayName} (use .xlsx, .csv or .tsv; save an .xls as .xlsx in Excel first)`,
  });
}
