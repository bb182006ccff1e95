// CLI wall time on a 10,000-row workbook (rows layout), run as installed: bin/zaitaku-check.mjs
// with the prebuilt CLI (built first). Target: median of 3 runs ≤ 2 s. One run from the sources for comparison.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isFreshBuild } from '../bin/fresh-build.mjs';
import { monthPlan, newWorkbook, type UserSpec, workbookBuffer, writeRowsSheet } from '../examples/build.ts';

const ROWS = 10_000;
const RUNS = 3;
const TARGET_MS = 2000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CITIES = [
  ['神戸市', '就労継続支援A型'],
  ['東大阪市', '就労継続支援B型'],
  ['福岡市', '就労移行支援'],
  ['西尾市', '就労継続支援B型'],
  ['', '就労継続支援A型'],
] as const;

function users(n: number): UserSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const [municipality, service] = CITIES[i % CITIES.length]!;
    return {
      name: `利用者 ${String(i + 1).padStart(4, '0')}`,
      municipality,
      service,
      recipientNo: String(1_000_000_000 + i),
      certFrom: '2026-04-01',
      certTo: '2027-03-31',
      arrival: 30,
    };
  });
}

const dir = await mkdtemp(join(tmpdir(), 'zc-bench-'));
try {
  const t0 = performance.now();
  const days = users(Math.ceil(ROWS / 22)).flatMap((u) => monthPlan(u)).slice(0, ROWS);
  const wb = newWorkbook();
  writeRowsSheet(wb, '10月', '令和8年10月 在宅利用記録', days);
  const file = join(dir, 'large.xlsx');
  await writeFile(file, await workbookBuffer(wb, false));
  const size = (await stat(file)).size;
  console.log(`generated ${days.length} rows (${(size / 1024).toFixed(0)} KiB) in ${(performance.now() - t0).toFixed(0)} ms`);

  const build = spawnSync(process.execPath, ['cli/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`CLI build failed: ${build.stderr}`);
  if (!isFreshBuild(pathToFileURL(`${root}/`))) throw new Error('dist/cli is not fresh after the build');

  const runCli = (label: string, env: NodeJS.ProcessEnv = {}) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, ['bin/zaitaku-check.mjs', file, '--as-of', '2026-11-22', '--format', 'json', '--capacity', '100'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, ...env },
    });
    const ms = performance.now() - start;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
    const report = JSON.parse(r.stdout) as { inputs: { sheets: { records: number }[] }[]; findings: unknown[] };
    console.log(`${label}: ${ms.toFixed(0)} ms wall, ${report.inputs[0]!.sheets[0]!.records} records, ${report.findings.length} findings`);
    return ms;
  };
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(runCli(`run ${i + 1}`));
  runCli('from the sources (tsx, for comparison)', { ZAITAKU_CHECK_FROM_SOURCE: '1' });
  const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const pass = median <= TARGET_MS;
  console.log(`cli check, ${ROWS} rows: median ${median.toFixed(0)} ms (target ≤ ${TARGET_MS} ms) ${pass ? 'PASS' : 'FAIL'}`);
  process.exitCode = pass ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
