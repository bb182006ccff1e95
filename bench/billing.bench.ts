// The 国保連 billing file against the records: 100 users × 23 days × 12 months of J611 (27,600 billed days)
// plus the matching support records (an .xlsx of 27,600 rows). Target: bytes → report with the billing file
// (read xlsx + import + read J611 + join + check) ≤ 1.5× bytes → report of the records alone (read xlsx +
// import + check), and the same in memory (records already a grid: import + read J611 + check with billing
// ≤ 1.5× import + check alone). `npm run bench -- billing`.
import { time } from './timing.ts';
import ExcelJS from 'exceljs';
import { readXlsxBytes } from '../formats/index.ts';
import { importGrid } from '../core/import/index.ts';
import { checkSheets } from '../core/engine/index.ts';
import type { CellValue, SheetGrid } from '../core/import/types.ts';
import { readJ611Bytes } from '../formats/j611.ts';
import { writeJ611, type J611Month } from '../tests/helpers/j611.ts';

const USERS = 100;
const MONTHS = 12;
const DAYS = 23;
const TOWNS = [['神戸市', '281000'], ['東大阪市', '272272'], ['福岡市', '401307'], ['西尾市', '232131']] as const;
const HEADER = ['日付', '利用者名', '受給者証番号', '支給決定市町村', '利用形態', '開始時間', '終了時間', '連絡1', '連絡2', '日報', '作業内容', '成果', '週評価', '月評価', '個別支援計画', '受給者証在宅期間(開始)', '受給者証在宅期間(終了)', '備考', '利用者確認'];

/** The first 23 weekdays of each month of 2025; Wednesdays on site. */
function serviceDays(): Date[][] {
  const out: Date[][] = [];
  for (let m = 0; m < MONTHS; m++) {
    const days: Date[] = [];
    for (let d = 1; d <= 31 && days.length < DAYS; d++) {
      const date = new Date(Date.UTC(2025, m, d));
      if (date.getUTCMonth() !== m) break;
      if (date.getUTCDay() !== 0) days.push(date); // Saturdays too: 23 days in every month
    }
    out.push(days);
  }
  return out;
}

function build(): { grid: SheetGrid; bytes: Uint8Array; billed: number } {
  const cells: CellValue[][] = [HEADER];
  const months: J611Month[] = [];
  const calendar = serviceDays();
  for (let u = 0; u < USERS; u++) {
    const [town, code] = TOWNS[u % TOWNS.length]!;
    const recipientNo = String(1_000_000_000 + u);
    for (const days of calendar) {
      const month: J611Month = { month: days[0]!.toISOString().slice(0, 7), municipalityCode: code, recipientNo, days: [] };
      for (const date of days) {
        const home = date.getUTCDay() !== 3;
        cells.push([
          date, `利用者${u}`, recipientNo, town, home ? '在宅' : '通所', '9:00', '15:00',
          home ? '9:00 電話' : '', home ? '15:00 電話' : '', home ? '○' : '', 'データ入力', '入力200件',
          date.getUTCDay() === 1 ? '電話' : '', date.getUTCDay() === 3 && date.getUTCDate() <= 7 ? '通所' : '', home ? '○' : '',
          'R6.1.1', 'R9.3.31', home ? '在宅就労' : '', '○',
        ]);
        month.days.push({ day: date.getUTCDate(), start: 540, end: 900, remark: home ? '在宅就労' : '' });
      }
      months.push(month);
    }
  }
  const bytes = writeJ611({ providerNo: '2812345678', months });
  return { grid: { name: '記録', cells }, bytes, billed: months.reduce((n, m) => n + m.days.length, 0) };
}


const { grid, bytes, billed } = build();
const xlsx = await (async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('記録');
  for (const row of grid.cells) ws.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
})();
const options = { asOf: '2026-11-23', capacity: 200 };
// each step after a full GC (bench/run.ts passes --expose-gc), best of 5
let best = { readXlsx: Infinity, importRecords: Infinity, checkAlone: Infinity, read: Infinity, checkBilling: Infinity, findingsAlone: 0, findingsBilling: 0, billedDays: 0 };
for (let i = 0; i < 5; i++) {
  const [read, tXlsx] = time(() => readXlsxBytes(xlsx, 'records.xlsx'));
  const [sheet, tImport] = time(() => importGrid(read.grids[0]!));
  const [alone, tAlone] = time(() => checkSheets([sheet], options));
  const [billing, tRead] = time(() => readJ611Bytes(bytes, 'billing.csv'));
  const [withBilling, tWith] = time(() => checkSheets([sheet], options, [billing]));
  best = {
    readXlsx: Math.min(best.readXlsx, tXlsx),
    importRecords: Math.min(best.importRecords, tImport),
    checkAlone: Math.min(best.checkAlone, tAlone),
    read: Math.min(best.read, tRead),
    checkBilling: Math.min(best.checkBilling, tWith),
    findingsAlone: alone.findings.length,
    findingsBilling: withBilling.findings.length,
    billedDays: billing.days.length,
  };
}
const ms = (x: number) => `${x.toFixed(0)} ms`;
const recordsAlone = best.readXlsx + best.importRecords + best.checkAlone;
const withBilling = best.readXlsx + best.importRecords + best.read + best.checkBilling;
const inMemoryAlone = best.importRecords + best.checkAlone;
const inMemoryWith = best.importRecords + best.read + best.checkBilling;
const inMemoryRatio = inMemoryWith / inMemoryAlone;
console.log(`J611 file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${billed} billed days written, ${best.billedDays} read; ${grid.cells.length - 1} record rows`);
console.log(`records .xlsx read (${(xlsx.length / 1024 / 1024).toFixed(1)} MB)          ${ms(best.readXlsx)}`);
console.log(`records import                       ${ms(best.importRecords)}`);
console.log(`check, records alone                 ${ms(best.checkAlone).padEnd(8)}  findings ${best.findingsAlone}`);
console.log(`J611 read                            ${ms(best.read)}`);
console.log(`check with billing (join + rules)    ${ms(best.checkBilling).padEnd(8)}  findings ${best.findingsBilling}`);
console.log(`records alone, bytes → report       ${ms(recordsAlone)}`);
console.log(`with billing, bytes → report        ${ms(withBilling)}  (${(withBilling / recordsAlone).toFixed(2)}×)`);
console.log(`in memory (records a grid already):  ${ms(inMemoryAlone)} alone, ${ms(inMemoryWith)} with billing (${inMemoryRatio.toFixed(2)}×)`);
const ratio = withBilling / recordsAlone;
const results = [
  ['every billed day read', best.billedDays === billed, `${best.billedDays} / ${billed}`],
  ['no billing finding on matching data', best.findingsBilling === best.findingsAlone, `${best.findingsBilling - best.findingsAlone} extra`],
  ['with billing ≤ 1.5× records alone', ratio <= 1.5, `${ratio.toFixed(2)}×`],
  ['in memory: with billing ≤ 1.5× records alone', inMemoryRatio <= 1.5, `${inMemoryRatio.toFixed(2)}×`],
] as const;
for (const [name, ok, value] of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
process.exitCode = results.every(([, ok]) => ok) ? 0 : 1;
