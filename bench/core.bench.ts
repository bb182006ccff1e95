// Import + check of 100 users × 1,000 days (100,000 user-day rows), against floor loops that
// read every cell once; then 10× the rows (1,000 users) to show the time grows linearly.
// Two floors are printed: `touch` only visits each cell (a few ms: no importer can come near it),
// `read` reads each cell as text the way any Japanese-aware reader must (String + NFKC).
// The 3× target is judged against `read`; the `touch` ratio is printed too.
import { importGrid } from '../core/import/index.ts';
import { time } from './timing.ts';
import { checkSheets } from '../core/engine/index.ts';
import type { CellValue, SheetGrid } from '../core/import/types.ts';

const HEADER = ['日付', '利用者名', '支給決定市町村', '利用形態', '開始時間', '終了時間', '連絡1', '連絡2', '日報', '作業内容', '成果', '週評価', '月評価', '個別支援計画', '受給者証在宅期間(開始)', '受給者証在宅期間(終了)', '備考', '利用者確認'];
const TOWNS = ['神戸市', '東大阪市', '福岡市', '西尾市', ''];

function makeGrid(users: number, days: number): SheetGrid {
  const cells: CellValue[][] = [HEADER];
  const start = Date.UTC(2024, 0, 1);
  for (let u = 0; u < users; u++) {
    for (let d = 0; d < days; d++) {
      const date = new Date(start + d * 86_400_000);
      const wd = date.getUTCDay();
      const home = wd !== 3;
      cells.push([
        date, `利用者${u}`, TOWNS[u % TOWNS.length], home ? '在宅' : '通所', '9:00', '15:00',
        home ? '9:00 電話' : '', home && (u + d) % 97 !== 0 ? '15:00 電話' : '', home ? '○' : '', 'データ入力', '入力200件',
        wd === 1 ? '電話' : '', wd === 3 && date.getUTCDate() <= 7 ? '通所' : '', home ? '○' : '', 'R6.1.1', 'R9.3.31',
        home ? '在宅就労' : '', '○',
      ]);
    }
  }
  return { name: '記録', cells };
}

function touchFloor(grid: SheetGrid): number {
  let n = 0;
  for (const row of grid.cells) for (const cell of row) if (cell !== null && cell !== undefined && cell !== '') n++;
  return n;
}

function readFloor(grid: SheetGrid): number {
  let n = 0;
  for (const row of grid.cells) for (const cell of row) n += String(cell ?? '').normalize('NFKC').length;
  return n;
}


function measure(users: number, days: number) {
  const grid = makeGrid(users, days);
  const runs = 3;
  let best = { touch: Infinity, floor: Infinity, import: Infinity, check: Infinity, findings: 0, records: 0 };
  for (let i = 0; i < runs; i++) {
    const [, t] = time(() => touchFloor(grid));
    const [, f] = time(() => readFloor(grid));
    const [sheet, imp] = time(() => importGrid(grid));
    const [report, chk] = time(() => checkSheets([sheet], { asOf: '2026-11-23', capacity: 200 }));
    best = {
      touch: Math.min(best.touch, t),
      floor: Math.min(best.floor, f),
      import: Math.min(best.import, imp),
      check: Math.min(best.check, chk),
      findings: report.findings.length,
      records: sheet.records,
    };
  }
  return best;
}

const base = measure(100, 1000);
const big = measure(1000, 1000);
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`rows            touch     read-floor  import      check     findings`);
for (const m of [base, big]) {
  console.log(`${String(m.records).padEnd(14)}  ${ms(m.touch).padEnd(8)}  ${ms(m.floor).padEnd(10)}  ${ms(m.import).padEnd(10)}  ${ms(m.check).padEnd(8)}  ${m.findings}`);
}
const total = base.import + base.check;
const scale = (big.import + big.check) / total;
const results = [
  [`check of 100,000 rows ≤ 300 ms`, base.check <= 300, ms(base.check)],
  [`import + check ≤ 3× read-floor loop`, total <= 3 * base.floor, `${(total / base.floor).toFixed(1)}× (${(total / base.touch).toFixed(0)}× the touch loop)`],
  [`10× rows ≤ 11× time`, scale <= 11, `${scale.toFixed(1)}×`],
] as const;
for (const [name, ok, value] of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
process.exitCode = results.every(([, ok]) => ok) ? 0 : 1;
