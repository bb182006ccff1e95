// Title cells above the header: month (令和8年10月分) and labelled values (氏名 山田 太郎, 受給者証番号 …).
import type { CanonicalField } from '../model/record.ts';
import { bareMonth, fiscalMonthYear, parseTitleFiscalYear, parseTitleMonth } from '../normalize/dates.ts';
import { classifyHeader } from './headers.ts';
import type { GridView } from './grid.ts';
import type { CellValue } from './types.ts';

/** Fields that a per-user sheet gives once, above the table. */
const TITLE_FIELDS = new Set<CanonicalField>(['user', 'recipientNo', 'municipality', 'service', 'certFrom', 'certTo', 'arrivalMinutes']);

export interface TitleValue {
  value: CellValue;
  row: number;
  col: number;
}

export interface TitleInfo {
  month?: { year: number; month: number };
  /** a 年度 named without a month (令和8年度): month/day dates take their year from it */
  fiscalYear?: number;
  /** the month came from the title cells or the sheet name (not from the dates) */
  monthFromTitle?: boolean;
  /** a month the sheet name names without a year (「10月」) */
  nameMonth?: number;
  values: Partial<Record<CanonicalField | 'certRange', TitleValue>>;
}

const LABEL_VALUE = /^([^:：]{1,20})[:：]\s*(.+)$/;

/** Reads rows [0, endRow) of the grid (at most 30). */
export function readTitle(view: GridView, endRow: number): TitleInfo {
  const info: TitleInfo = { values: {} };
  const last = Math.min(endRow, 30);
  for (let r = 0; r < last; r++) {
    const row = view.row(r);
    const width = Math.min(row.length, 60);
    const texts: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      const s = String(v).trim();
      if (s === '') continue;
      texts.push(s);
      if (!info.month && typeof v === 'string') {
        const m = parseTitleMonth(s);
        if (m) info.month = m;
      }
      if (typeof v !== 'string') continue;
      const labelled = LABEL_VALUE.exec(s);
      if (labelled) {
        const key = titleKey(labelled[1]!);
        if (key && !info.values[key]) info.values[key] = { value: labelled[2]!.trim(), row: r, col: c };
        continue;
      }
      const key = titleKey(s);
      if (key && !info.values[key]) {
        // The value is the next non-empty cell to the right that is not itself a label.
        for (let k = c + 1; k < width; k++) {
          const next = row[k];
          if (next === null || next === undefined || (typeof next === 'string' && next.trim() === '')) continue;
          if (typeof next === 'string' && titleKey(next)) break;
          info.values[key] = { value: key === 'recipientNo' ? digitsPerCell(row, k, width) ?? next : next, row: r, col: k };
          break;
        }
        continue;
      }
      const spaced = /^(\S{2,10})[\s\u3000]+(.+)$/.exec(s);
      if (spaced) {
        const k2 = titleKey(spaced[1]!);
        if (k2 && !info.values[k2]) info.values[k2] = { value: spaced[2]!.trim(), row: r, col: c };
      }
    }
    if (!info.month && texts.length > 1) {
      const m = parseTitleMonth(texts.join(''));
      if (m) info.month = m;
    }
  }
  if (!info.month) {
    const m = parseTitleMonth(view.name);
    if (m) info.month = m;
  }
  if (!info.month) fiscalTitle(view, last, info);
  if (info.month) info.monthFromTitle = true;
  else if (/^\s*[0-9０-９]{1,2}\s*月分?\s*$/.test(view.name)) info.nameMonth = bareMonth(view.name);
  return info;
}

function titleKey(label: string): CanonicalField | 'certRange' | undefined {
  if (label.length > 24) return undefined;
  const role = classifyHeader(label);
  if (!role) return undefined;
  if (role.kind === 'cert-range') return 'certRange';
  if (role.kind === 'field' && TITLE_FIELDS.has(role.field)) return role.field;
  return undefined;
}

/** A number written one digit per cell (受給者証番号 in the boxes of the official form): the digits joined. */
function digitsPerCell(row: readonly CellValue[], from: number, width: number): string | undefined {
  let out = '';
  for (let c = from; c < width && out.length < 10; c++) {
    const v = row[c];
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().normalize('NFKC') : '';
    if (!/^\d$/.test(s)) break;
    out += s;
  }
  return out.length >= 2 ? out : undefined;
}

/** 年度 titles: 「令和8年度 在宅支援記録」 with the month from another title cell or the sheet name (「1月」). */
function fiscalTitle(view: GridView, lastRow: number, info: TitleInfo): void {
  let fy = parseTitleFiscalYear(view.name)?.fiscalYear;
  let month = bareMonth(view.name);
  for (let r = 0; r < lastRow; r++) {
    const row = view.row(r);
    const texts: string[] = [];
    for (let c = 0; c < Math.min(row.length, 60); c++) {
      const v = row[c];
      if (typeof v === 'string' || typeof v === 'number') texts.push(String(v).trim());
    }
    const line = texts.join('');
    if (line === '') continue;
    const f = parseTitleFiscalYear(line);
    if (f) {
      fy ??= f.fiscalYear;
      if (f.month !== undefined) month = f.month;
    } else if (month === undefined) {
      for (const t of texts) {
        if (/^[(（]?\s*[0-9０-９]{1,2}\s*月分?\s*[)）]?$/.test(t)) month = bareMonth(t);
      }
    }
  }
  if (fy === undefined) return;
  if (month !== undefined) info.month = { year: fiscalMonthYear(fy, month), month };
  else info.fiscalYear = fy;
}
