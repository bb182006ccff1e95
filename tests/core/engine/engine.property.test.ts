import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CANONICAL_FIELDS, type DayRecord } from '../../../core/model/record.ts';
import { Report } from '../../../core/model/report.ts';
import { checkSheets } from '../../../core/engine/index.ts';
import { PACKS } from '../../../core/packs/index.ts';
import { sheetOf, type RecordInput } from '../../helpers/records.ts';

const date = fc.date({ min: new Date('2025-12-01T00:00:00Z'), max: new Date('2027-03-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const minutes = fc.integer({ min: 0, max: 24 * 60 });
const method = fc.constantFrom('visit', 'center', 'phone', 'online', 'unknown' as const);
const record: fc.Arbitrary<RecordInput> = fc.record(
  {
    date,
    user: fc.constantFrom('山田 太郎', '佐藤 花子', 'A', 'B'),
    municipality: fc.constantFrom('神戸市', '東大阪市', '福岡市', '西尾市', '大阪市', ''),
    service: fc.constantFrom('transition', 'typeA', 'typeB' as const),
    mode: fc.constantFrom('home', 'center', 'offsite', 'absent' as const),
    start: minutes,
    end: minutes,
    contactCount: fc.integer({ min: 0, max: 5 }),
    contacts: fc.array(fc.record({ time: fc.option(minutes, { nil: undefined }), text: fc.string() }), { maxLength: 4 }),
    dailyReport: fc.boolean(),
    workContent: fc.constantFrom('データ入力', 'eスポーツ', '', '自習'),
    result: fc.string(),
    weeklyEval: method,
    monthlyEval: method,
    planned: fc.boolean(),
    certFrom: date,
    certTo: date,
    otherService: fc.record({ text: fc.string(), from: fc.option(minutes, { nil: undefined }), to: fc.option(minutes, { nil: undefined }) }),
    remark: fc.constantFrom('在宅就労', '在宅', ''),
    userConfirmed: fc.boolean(),
    exceptionReason: fc.constantFrom('台風', '体調不良', ''),
    arrivalMinutes: fc.integer({ min: 0, max: 200 }),
  },
  { requiredKeys: ['date'] },
);

describe('engine (property)', () => {
  it('never throws, returns a schema-valid report, and locates findings on input rows', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.subarray([...CANONICAL_FIELDS]),
        fc.constantFrom(...PACKS.map((p) => p.id)),
        date,
        fc.constantFrom('mon', 'sun' as const),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        (records, fields, defaultPack, asOf, weekStart, capacity) => {
          const sheet = sheetOf(records, { fields });
          const report = checkSheets([sheet], { asOf, defaultPack, weekStart, capacity });
          Report.parse(report);
          const rows = new Set(sheet.recordList.map((r: DayRecord) => r.source.row));
          for (const f of report.findings) {
            for (const l of f.locations) expect(rows.has(l.row!)).toBe(true);
            expect(f.message.ja).not.toMatch(/\{\{|undefined/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
