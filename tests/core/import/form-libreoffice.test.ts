// A filled template saved again by LibreOffice reads the same as the copy Excel-made OOXML gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGrid } from '../../../core/index.ts';
import type { DayRecord } from '../../../core/model/record.ts';
import { readXlsxBytes } from '../../../formats/index.ts';
import { novemberCopies, TEMPLATE_DIR } from '../../helpers/form-templates.ts';

const records = (bytes: Uint8Array): Omit<DayRecord, 'source'>[] =>
  readXlsxBytes(bytes, 'x.xlsx').grids.flatMap((g) => importGrid(g).recordList).map(({ source: _s, ...r }) => r);

describe('LibreOffice-saved templates (tests/fixtures/templates/make-libreoffice-copies.ts)', () => {
  const { week1, monthly } = novemberCopies('center');
  it.each([
    ['week1-libreoffice.xlsx', week1],
    ['monthly-center-libreoffice.xlsx', monthly],
  ] as const)('%s reads the same records, checkbox states included', (file, copy) => {
    const expected = records(copy.bytes());
    expect(expected.length).toBeGreaterThan(0);
    expect(records(new Uint8Array(readFileSync(join(TEMPLATE_DIR, file))))).toEqual(expected);
  });
  it('the evaluation methods come from the ctrlProps state LibreOffice keeps', () => {
    const week = records(new Uint8Array(readFileSync(join(TEMPLATE_DIR, 'week1-libreoffice.xlsx'))));
    expect(week.find((r) => r.weeklyEval !== undefined)?.weeklyEval).toBe('visit');
    const month = records(new Uint8Array(readFileSync(join(TEMPLATE_DIR, 'monthly-center-libreoffice.xlsx'))));
    expect(month[0]!.monthlyEval).toBe('center');
  });
});
