// Input arguments → files: a folder stands for every .xlsx/.xlsm/.csv/.tsv/.txt directly inside it.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { kindOfName } from '../formats/index.ts';
import { CliError } from './errors.ts';

/** Expands folder arguments (sorted by name; Office lock files ~$… skipped). Files pass through unchanged. */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch {
      isDir = false; // a missing file is reported by the reader
    }
    if (!isDir) {
      out.push(arg);
      continue;
    }
    const names = (await readdir(arg, { withFileTypes: true }))
      .filter((d) => d.isFile() && !d.name.startsWith('~$') && !d.name.startsWith('.') && kindOfName(d.name) !== undefined)
      .map((d) => d.name)
      .sort();
    if (names.length === 0) {
      throw new CliError(
        {
          ja: `フォルダ ${arg} にチェックできるファイル（.xlsx .xlsm .csv .tsv .txt）がありません`,
          en: `Folder ${arg} has no file to check (.xlsx .xlsm .csv .tsv .txt)`,
        },
        2,
      );
    }
    for (const n of names) out.push(join(arg, n));
  }
  return out;
}
