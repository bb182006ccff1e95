// Test helper: an exceljs worksheet as a SheetGrid (the CLI has its own reader).
import type ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../core/import/types.ts';

export function cellValueOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return String(v.error);
    if ('result' in v) return cellValueOf((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text;
  }
  return null;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet, file?: string, date1904 = false): SheetGrid {
  const cells: CellValue[][] = [];
  const text: (string | undefined)[][] = [];
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const out: CellValue[] = [];
    const outText: (string | undefined)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      out.push(cellValueOf(cell.value));
      outText.push(cell.value === null || cell.value === undefined ? undefined : cell.text);
    }
    cells.push(out);
    text.push(outText);
  }
  const grid: SheetGrid = { name: ws.name, cells, text, startRow: 1, startCol: 1, date1904 };
  if (file !== undefined) grid.file = file;
  return grid;
}
