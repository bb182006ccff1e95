// Cell values as exceljs gives them → plain CellValue plus Excel-like display text.
// Shared by the exceljs path (cli/read.ts) and the lean reader (cli/xlsx/workbook.ts).
import type * as ExcelJS from 'exceljs';
import type { CellValue } from '../../core/import/types.ts';

const DAY_MS = 86_400_000;
/** 1904-01-01 minus 1899-12-30, in days */
const EPOCH_1904_OFFSET_DAYS = 1462;
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel-like display text of a date/time cell (exceljs' own `text` is JS Date.toString()). */
export function dateDisplay(d: Date): string {
  const serialDays = (d.getTime() - EXCEL_EPOCH_1900) / DAY_MS;
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;
  const time = `${d.getUTCHours()}:${pad2(d.getUTCMinutes())}`;
  if (serialDays >= 0 && serialDays < 1) return time;
  const date = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  return hasTime ? `${date} ${time}` : date;
}

/**
 * exceljs already converts date-formatted serials with the workbook's date system, so a
 * time-only cell of a 1904 workbook arrives as 1904-01-01Thh:mm. Re-base such times on
 * 1899-12-30, as in a 1900 workbook, so the importer sees one convention.
 */
export function normaliseDate(d: Date, date1904: boolean): Date {
  if (!date1904) return d;
  const days = (d.getTime() - EXCEL_EPOCH_1904) / DAY_MS;
  if (days >= 0 && days < 1) return new Date(EXCEL_EPOCH_1900 + (d.getTime() - EXCEL_EPOCH_1904));
  return d;
}

function richTextOf(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

/** One exceljs cell value → a plain CellValue plus display text. */
export function convertCellValue(
  raw: ExcelJS.CellValue,
  date1904: boolean,
): { value: CellValue; text: string | undefined } {
  if (raw === null || raw === undefined) return { value: null, text: undefined };
  if (typeof raw === 'string') return { value: raw, text: raw };
  if (typeof raw === 'number') return { value: raw, text: String(raw) };
  if (typeof raw === 'boolean') return { value: raw, text: raw ? 'TRUE' : 'FALSE' };
  if (raw instanceof Date) {
    const d = normaliseDate(raw, date1904);
    return { value: d, text: dateDisplay(d) };
  }
  if (typeof raw === 'object') {
    if ('richText' in raw && Array.isArray(raw.richText)) {
      const t = richTextOf(raw);
      return { value: t, text: t };
    }
    if ('error' in raw && typeof raw.error === 'string') return { value: raw.error, text: raw.error };
    if ('formula' in raw || 'sharedFormula' in raw) {
      const result = (raw as { result?: unknown }).result;
      if (result === undefined || result === null) return { value: null, text: undefined };
      if (typeof result === 'object' && result !== null && 'error' in result) {
        const e = String((result as { error: unknown }).error);
        return { value: e, text: e };
      }
      return convertCellValue(result as ExcelJS.CellValue, date1904);
    }
    if ('text' in raw) {
      const t = raw.text;
      const s = typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? richTextOf(t) : String(t ?? '');
      return { value: s, text: s };
    }
  }
  const s = String(raw);
  return { value: s, text: s };
}

/** exceljs' utils.excelToDate: same coercion of non-numbers, same float steps (×24×3600×1000), same rounding. */
export function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(v) - 25569 + (date1904 ? EPOCH_1904_OFFSET_DAYS : 0)) * 24 * 3600 * 1000));
}
