// Grid access with Excel coordinates, and located input findings.
import type { CanonicalField } from '../model/record.ts';
import type { Finding } from '../model/report.ts';
import { FIELD_LABELS } from '../model/fields.ts';
import { cellText, columnLetter } from '../normalize/text.ts';
import type { CellValue, SheetGrid } from './types.ts';

export type InputRuleId = 'input-date' | 'input-time' | 'input-number' | 'input-duplicate' | 'input-unknown-mode' | 'input-value' | 'input-mapping';

/** Read-only view of a SheetGrid: 0-based indexes in, Excel row numbers and column letters out. */
export class GridView {
  readonly name: string;
  readonly file: string | undefined;
  readonly cells: CellValue[][];
  readonly rowCount: number;
  readonly width: number;
  readonly startRow: number;
  readonly startCol: number;
  readonly date1904: boolean;
  private readonly letters: string[] = [];
  readonly findings: Finding[] = [];

  constructor(grid: SheetGrid) {
    this.name = typeof grid.name === 'string' ? grid.name : String(grid.name ?? '');
    this.file = typeof grid.file === 'string' ? grid.file : undefined;
    this.cells = Array.isArray(grid.cells) ? grid.cells : [];
    this.rowCount = this.cells.length;
    let w = 0;
    for (const row of this.cells) if (Array.isArray(row) && row.length > w) w = row.length;
    this.width = w;
    this.startRow = positiveInt(grid.startRow) ?? 1;
    this.startCol = positiveInt(grid.startCol) ?? 1;
    this.date1904 = grid.date1904 === true;
    if (Array.isArray(grid.readFindings)) this.findings.push(...grid.readFindings);
  }

  get(r: number, c: number): CellValue {
    const row = this.cells[r];
    return Array.isArray(row) ? row[c] : undefined;
  }

  row(r: number): CellValue[] {
    const row = this.cells[r];
    return Array.isArray(row) ? row : [];
  }

  text(r: number, c: number): string {
    return cellText(this.get(r, c));
  }

  rowNumber(r: number): number {
    return this.startRow + r;
  }

  letter(c: number): string {
    let l = this.letters[c];
    if (l === undefined) {
      l = columnLetter(this.startCol + c);
      this.letters[c] = l;
    }
    return l;
  }

  /** 0-based column index of a column letter, or -1 outside the grid. */
  indexOfLetter(colNumber: number): number {
    const c = colNumber - this.startCol;
    return c >= 0 && c < this.width ? c : -1;
  }

  isBlankRow(r: number): boolean {
    const row = this.row(r);
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
    return true;
  }

  location(r: number, c?: number): { file?: string; sheet: string; row: number; column?: string } {
    const loc: { file?: string; sheet: string; row: number; column?: string } = { sheet: this.name, row: this.rowNumber(r) };
    if (this.file !== undefined) loc.file = this.file;
    if (c !== undefined && c >= 0) loc.column = this.letter(c);
    return loc;
  }

  /** Adds a located `input-*` finding about one cell. */
  cellFinding(ruleId: InputRuleId, r: number, c: number, field: CanonicalField | undefined, value: CellValue, problem: { ja: string; en: string }, action: { ja: string; en: string }, user?: string): void {
    const v = shortValue(value);
    const label = field ? FIELD_LABELS[field] : { ja: '値', en: 'value' };
    const where = { ja: `「${this.name}」シート ${this.rowNumber(r)}行 ${this.letter(c)}列`, en: `Sheet "${this.name}", row ${this.rowNumber(r)}, column ${this.letter(c)}` };
    const f: Finding = {
      ruleId,
      severity: 'warning',
      outcome: 'incomplete',
      pack: 'national',
      locations: [this.location(r, c)],
      message: {
        ja: `${where.ja}の${label.ja}「${v.ja}」を読めません。${problem.ja}${action.ja}`,
        en: `${where.en}: the ${label.en.toLowerCase()} "${v.en}" cannot be read. ${problem.en}${action.en}`,
      },
      source: '',
    };
    if (user) f.user = user;
    this.findings.push(f);
  }

  addFinding(f: Finding): void {
    this.findings.push(f);
  }
}

function positiveInt(n: unknown): number | undefined {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
}

export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'number') return Number.isNaN(v);
  return false;
}

function shortValue(value: CellValue): { ja: string; en: string } {
  let s: string;
  if (value instanceof Date) s = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  else if (value === null || value === undefined) s = '';
  else s = String(value);
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length > 40) s = s.slice(0, 40) + '…';
  return { ja: s, en: s };
}
