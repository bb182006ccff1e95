// --annotate: write the patched copy (formats/xlsx/annotate.ts) beside the target, then rename it into
// place. Never touches the input: the target is refused when it is the input under any name.
import { open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding } from '../core/model/report.ts';
import { CliError } from './errors.ts';
import { AnnotateError, annotateXlsx } from '../formats/xlsx/annotate.ts';

export { FILL_ERROR, FILL_WARNING, RESULT_SHEET } from '../formats/xlsx/annotate.ts';

async function canonicalPath(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return resolve(p);
  }
}

/** Whether `a` and `b` name the same file: same device and inode (hard links), or the same real path. */
export async function samePath(a: string, b: string): Promise<boolean> {
  if ((await canonicalPath(a)) === (await canonicalPath(b))) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // one of them does not exist: not the same file
  }
}

function sameFileError(outPath: string): CliError {
  return new CliError({
    ja: `--annotate の出力先が入力ファイルと同じです: ${outPath}（元のファイルは変更しません。別の名前を指定してください）`,
    en: `--annotate output is the input file itself: ${outPath} (the input is never modified; choose another name)`,
  });
}

function writeError(outPath: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return new CliError({
    ja: `注釈付きファイルを書き込めません: ${outPath}（${code}）。書き込める場所を指定してください`,
    en: `Cannot write the annotated copy: ${outPath} (${code}). Choose a writable location`,
  });
}

/**
 * Read `inputPath`, highlight the rows the findings point at (only locations of `displayFile`),
 * add a findings sheet, and write the copy to `outPath` (temporary file + rename).
 */
export async function annotateWorkbook(
  inputPath: string,
  displayFile: string,
  outPath: string,
  findings: Finding[],
): Promise<{ rowsFilled: number; sheetName: string }> {
  if (await samePath(inputPath, outPath)) throw sameFileError(outPath);
  const original = await readFile(inputPath);
  let result;
  try {
    result = await annotateXlsx(new Uint8Array(original.buffer, original.byteOffset, original.byteLength), findings, displayFile);
  } catch (e) {
    if (e instanceof AnnotateError) throw new CliError(e.bilingual);
    throw e;
  }
  const temp = join(dirname(resolve(outPath)), `.${basename(outPath)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    // 'wx': never follow or reuse an existing file
    const fh = await open(temp, 'wx', 0o644);
    try {
      await fh.writeFile(result.bytes);
    } finally {
      await fh.close();
    }
    // checked again just before the rename: the target may have become the input meanwhile
    if (await samePath(inputPath, outPath)) throw sameFileError(outPath);
    await rename(temp, outPath);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    if (e instanceof CliError) throw e;
    throw writeError(outPath, e);
  }
  return { rowsFilled: result.rowsHighlighted, sheetName: result.sheetName };
}
