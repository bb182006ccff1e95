// `npm run bench`: runs every bench/*.bench.ts with tsx, one after another, output inherited.
// `npm run bench -- cli` runs only the files whose name contains "cli".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => process.argv.slice(2).every((word) => f.includes(word)))
  .sort();

const failed: string[] = [];
for (const file of files) {
  process.stdout.write(`\n=== bench/${file} ===\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=12000', '--expose-gc', '--import', 'tsx', join('bench', file)], { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed.push(file);
    process.stdout.write(`--- bench/${file}: FAILED (exit ${r.status ?? r.signal}, ${secs} s)\n`);
  } else process.stdout.write(`--- bench/${file}: ok (${secs} s)\n`);
}
process.stdout.write(`\n${files.length} bench file(s), ${failed.length} failed${failed.length ? `: ${failed.join(', ')}` : ''}\n`);
process.exitCode = failed.length ? 1 : 0;
