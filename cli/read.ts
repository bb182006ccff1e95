// File reading for the CLI: bytes from disk, grids from the host-neutral readers in formats/.
import { readFile } from 'node:fs/promises';
import { FormatError, isKokuhorenCsv, kindOfName, readBytes, type InputKind, type ReadResult } from '../formats/index.ts';
import { CliError } from './errors.ts';

export { convertCellValue, dateDisplay, normaliseDate } from '../formats/xlsx/values.ts';
export type { InputKind, ReadResult } from '../formats/index.ts';

export function inputKind(file: string): InputKind | undefined {
  return kindOfName(file);
}

function unreadable(file: string, detail: { ja: string; en: string }): CliError {
  return new CliError(
    {
      ja: `ファイルを読み込めません: ${file}（${detail.ja}）`,
      en: `Cannot read the file: ${file} (${detail.en})`,
    },
    2,
  );
}

/** The bytes of an input file, with located errors; `displayPath` is the path as the user typed it. */
export async function readInputBytes(path: string, displayPath: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CliError(
        { ja: `ファイルが見つかりません: ${displayPath}`, en: `File not found: ${displayPath}` },
        2,
      );
    }
    if (code === 'EISDIR') throw unreadable(displayPath, { ja: 'ディレクトリです', en: 'a directory' });
    throw unreadable(displayPath, { ja: code ?? '読み込みエラー', en: code ?? 'read error' });
  }
  // a 国保連 billing CSV is known by its content, whatever it is called
  if (!inputKind(path) && !isKokuhorenCsv(asView(bytes))) {
    throw new CliError(
      {
        ja: `対応していないファイル形式です: ${displayPath}（.xlsx または .csv を指定してください。.xls は Excel で .xlsx として保存し直してください）`,
        en: `Unsupported file type: ${displayPath} (use .xlsx or .csv; save an .xls as .xlsx in Excel first)`,
      },
      2,
    );
  }
  return bytes;
}

function asView(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Read an .xlsx, .csv or 国保連 billing file; `displayPath` is the path as the user typed it. */
export async function readInput(path: string, displayPath: string, sheets: string[] = []): Promise<ReadResult> {
  const view = asView(await readInputBytes(path, displayPath));
  try {
    return readBytes(view, displayPath, sheets);
  } catch (e) {
    if (e instanceof FormatError) throw new CliError(e.bilingual, 2);
    throw unreadable(displayPath, { ja: '内部エラー', en: 'internal error' });
  }
}
