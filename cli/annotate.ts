// --annotate: write a highlighted COPY of the workbook plus a findings sheet. Never touches the input.
import { readFile, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Finding } from '../core/model/report.ts';
import { CliError } from './errors.ts';
import { findingTone, rowTones } from '../core/engine/row-tones.ts';
import { findingKind, formatPeriod, KIND_LABEL } from './present.ts';

export const FILL_ERROR = 'FFFFC7CE';
export const FILL_WARNING = 'FFFFEB9C';
export const RESULT_SHEET = 'チェック結果';

async function canonicalPath(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return resolve(p);
  }
}

export async function samePath(a: string, b: string): Promise<boolean> {
  return (await canonicalPath(a)) === (await canonicalPath(b));
}


function uniqueSheetName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set(wb.worksheets.map((ws) => ws.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name)) return name;
  }
}

/**
 * Load `inputPath`, fill the rows the findings point at (only locations of `displayFile`),
 * add a findings sheet, and write to `outPath`.
 */
export async function annotateWorkbook(
  inputPath: string,
  displayFile: string,
  outPath: string,
  findings: Finding[],
): Promise<{ rowsFilled: number; sheetName: string }> {
  if (await samePath(inputPath, outPath)) {
    throw new CliError({
      ja: `--annotate の出力先が入力ファイルと同じです: ${outPath}（元のファイルは変更しません。別の名前を指定してください）`,
      en: `--annotate output is the input file itself: ${outPath} (the input is never modified; choose another name)`,
    });
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(inputPath)) as unknown as ArrayBuffer);

  let rowsFilled = 0;
  for (const ws of wb.worksheets) {
    const rows = rowTones(findings, ws.name, displayFile);
    const cols = Math.max(ws.columnCount, 1);
    for (const [rowNo, fill] of rows) {
      const row = ws.getRow(rowNo);
      const argb = fill === 'error' ? FILL_ERROR : FILL_WARNING;
      for (let c = 1; c <= cols; c++) {
        const cell = row.getCell(c);
        if (cell.isMerged && cell.master !== cell) continue;
        // a fresh style object: exceljs shares style objects between cells of a row/column
        cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } };
      }
      rowsFilled++;
    }
  }

  const sheetName = uniqueSheetName(wb, RESULT_SHEET);
  const out = wb.addWorksheet(sheetName);
  out.columns = [
    { header: '重大度', key: 'kind', width: 10 },
    { header: 'ルール', key: 'rule', width: 24 },
    { header: '利用者', key: 'user', width: 14 },
    { header: '期間', key: 'period', width: 24 },
    { header: 'シート', key: 'sheet', width: 12 },
    { header: '行', key: 'rows', width: 16 },
    { header: 'メッセージ', key: 'message', width: 80 },
    { header: '根拠', key: 'source', width: 24 },
  ];
  out.getRow(1).font = { bold: true };
  out.views = [{ state: 'frozen', ySplit: 1 }];
  for (const f of findings) {
    const mine = f.locations.filter((l) => l.file === undefined || l.file === displayFile);
    const sheets = [...new Set(mine.map((l) => l.sheet).filter((s): s is string => Boolean(s)))];
    const rows = [...new Set(mine.map((l) => (l.row === undefined ? '' : `${l.column ?? ''}${l.row}`)).filter(Boolean))];
    const kind = findingKind(f);
    const r = out.addRow({
      kind: KIND_LABEL[kind].ja,
      rule: f.ruleId,
      user: f.user ?? '',
      period: formatPeriod(f.period),
      sheet: sheets.join(', '),
      rows: rows.join(', '),
      message: f.message.ja,
      source: f.source,
    });
    const fill = findingTone(f);
    if (fill) {
      r.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill === 'error' ? FILL_ERROR : FILL_WARNING } };
    }
    r.getCell(7).alignment = { wrapText: true, vertical: 'top' };
  }
  try {
    await wb.xlsx.writeFile(outPath);
  } catch (e) {
    throw new CliError({
      ja: `注釈付きファイルを書き込めません: ${outPath}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`,
      en: `Cannot write the annotated copy: ${outPath} (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    });
  }
  return { rowsFilled, sheetName };
}
