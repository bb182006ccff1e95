// importGrid on 100 users × 1,000 days (100,000 rows) against a floor loop that reads every cell once.
// Two grids: cells as exceljs gives them (Date/number) and as a CSV gives them (all strings).
import { importGrid } from '../core/import/index.ts';
import type { CellValue, SheetGrid } from '../core/import/types.ts';

const HEADER = ['日付', '利用者名', '受給者証番号', '支給決定市町村', '利用形態', '開始時間', '終了時間', '連絡①', '連絡②', '日報', '作業内容', '成果', '評価（週1回）', '達成度評価', '計画', '他サービス', '備考', '確認印'];
const TOWNS = ['神戸市', '東大阪市', '福岡市', '西尾市', ''];

function makeGrid(users: number, days: number, asText: boolean): SheetGrid {
  const cells: CellValue[][] = [['令和8年10月分 在宅利用記録'], [], HEADER];
  const start = Date.UTC(2024, 0, 1);
  for (let u = 0; u < users; u++) {
    for (let d = 0; d < days; d++) {
      const ms = start + d * 86_400_000;
      const date = new Date(ms);
      const wd = date.getUTCDay();
      const home = wd !== 3;
      const iso = date.toISOString().slice(0, 10);
      cells.push([
        asText ? iso.replace(/-/g, '/') : date,
        `利用者 ${u}`,
        String(1_000_000_000 + u),
        TOWNS[u % TOWNS.length]!,
        home ? '在宅' : '通所',
        asText ? '9:00' : 0.375,
        asText ? '15:00' : 0.625,
        home ? '9:05 電話' : null,
        home && (u + d) % 97 !== 0 ? '14:55' : null,
        home ? '○' : null,
        'データ入力',
        '入力200件',
        wd === 1 ? '電話' : null,
        wd === 3 && date.getUTCDate() <= 7 ? '通所' : null,
        home ? '○' : null,
        d % 50 === 0 ? '居宅介護 16:00～17:00' : null,
        home ? '在宅就労' : null,
        '○',
      ]);
    }
  }
  return { name: '記録', cells };
}

/** The floor: read every cell once and do the least possible with it. */
function floor(grid: SheetGrid): number {
  let n = 0;
  for (const row of grid.cells) for (const cell of row) if (cell !== null && cell !== undefined && cell !== '') n++;
  return n;
}

function best(fn: () => unknown, runs: number): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

for (const asText of [false, true]) {
  const grid = makeGrid(100, 1000, asText);
  const sheet = importGrid(grid);
  if (sheet.records !== 100_000 || sheet.inputFindings.length !== 0) {
    throw new Error(`bench grid imported wrongly: ${sheet.records} records, ${sheet.inputFindings.length} findings`);
  }
  const f = best(() => floor(grid), 5);
  const imp = best(() => importGrid(grid), 3);
  const label = asText ? 'import (CSV-like strings)' : 'import (exceljs-like Date/number)';
  console.log(`${label}: 100,000 rows × ${HEADER.length} cols — floor ${f.toFixed(1)} ms, importGrid ${imp.toFixed(1)} ms, ratio ${(imp / f).toFixed(1)}×, ${((imp * 1000) / 100_000).toFixed(2)} µs/row`);
}
