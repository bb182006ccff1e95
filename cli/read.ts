// File reading for the CLI: bytes from disk, grids from the host-neutral readers in formats/.
import { readFile } from 'node:fs/promises';
import { FormatError, kindOfName, readCsvBytes, readXlsxBytes, type InputKind, type ReadResult } from '../formats/index.ts';
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

/** The bytes of an .xlsx or .csv file, with located errors; `displayPath` is the path as the user typed it. */
export async function readInputBytes(path: string, displayPath: string): Promise<Buffer> {
  const kind = inputKind(path);
  if (!kind) {
    throw new CliError(
      {
        ja: `対応していないファイル形式です: ${displayPath}（.xlsx または .csv を指定してください。.xls は Excel で .xlsx として保存し直してください）`,
        en: `Unsupported file type: ${displayPath} (use .xlsx or .csv; save an .xls as .xlsx in Excel first)`,
      },
      2,
    );
  }
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
  return bytes;
}

/** Read an .xlsx or .csv file; `displayPath` is the path as the user typed it. */
export async function readInput(path: string, displayPath: string, sheets: string[] = []): Promise<ReadResult> {
  const kind = inputKind(path);
  const bytes = await readInputBytes(path, displayPath);
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return kind === 'csv' ? readCsvBytes(view, displayPath) : readXlsxBytes(view, displayPath, { sheets });
  } catch (e) {
    if (e instanceof FormatError) throw new CliError(e.bilingual, 2);
    throw unreadable(displayPath, { ja: '内部エラー', en: 'internal error' });
  }
}
