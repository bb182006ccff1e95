// `npm run release`: writes dist/release/ (or --out DIR) for ZAITAKU_ADDIN_BASE_URL (https):
//   zaitaku-check-extension-<version>.zip   Chrome Web Store / enterprise install (no test permissions)
//   site/                                   the add-in + browser checker static site (manifest.xml for the base URL)
//   zaitaku-check-site-<version>.zip        the same site as one zip
//   zaitaku-check.html                      the self-contained browser checker (file://, offline)
//   SHA256SUMS                              sha256sum -c compatible
// Reproducible: the same sources give the same bytes (sorted entries, fixed zip times).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { checkBaseUrl } from '../excel-addin/make-manifest.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const outDir = resolve(arg('--out') ?? join(root, 'dist/release'));
const requested = arg('--base-url') ?? process.env.ZAITAKU_ADDIN_BASE_URL;
if (!requested) {
  console.error('ZAITAKU_ADDIN_BASE_URL を指定してください（例: https://example.github.io/zaitaku-check/） / Set ZAITAKU_ADDIN_BASE_URL (https) for the add-in manifest.');
  process.exit(2);
}
const { base, error } = checkBaseUrl(requested);
if (error || !base) {
  console.error(`ZAITAKU_ADDIN_BASE_URL: ${error}`);
  process.exit(2);
}
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const node = (args, env = {}) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });

/** Every file under dir, relative with '/', sorted. */
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const MTIME = new Date(1980, 0, 2); // local time: DOS dates start 1980
function zipDir(dir, transform = (_p, bytes) => bytes) {
  const entries = {};
  for (const p of listFiles(dir)) entries[p] = [transform(p, new Uint8Array(readFileSync(join(dir, p)))), { mtime: MTIME, level: 9 }];
  return zipSync(entries);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

{
  // 1. the extension (the release build: no host permission, no test origin)
  const extDir = join(outDir, '.extension');
  node([join(root, 'extension/build.mjs'), '--out', extDir]);
  const extZip = zipDir(extDir, (p, bytes) => {
    if (p !== 'manifest.json') return bytes;
    const manifest = JSON.parse(new TextDecoder().decode(bytes));
    manifest.version = version;
    const text = JSON.stringify(manifest, null, 2);
    if (text.includes('127.0.0.1') || manifest.host_permissions) throw new Error('the release manifest must not carry test permissions');
    return new TextEncoder().encode(`${text}\n`);
  });
  writeFileSync(join(outDir, `zaitaku-check-extension-${version}.zip`), extZip);
  rmSync(extDir, { recursive: true, force: true });

  // 2. the add-in + browser checker static site for the base URL
  const site = join(outDir, 'site');
  node([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'excel-addin/vite.config.ts', '--outDir', site, '--emptyOutDir', '--logLevel', 'warn'], { ZAITAKU_ADDIN_BASE_URL: base });
  // GitHub Pages: serve files as they are (no Jekyll)
  writeFileSync(join(site, '.nojekyll'), '');
  writeFileSync(join(outDir, `zaitaku-check-site-${version}.zip`), zipDir(site));

  // 3. the self-contained checker
  cpSync(join(site, 'checker/zaitaku-check.html'), join(outDir, 'zaitaku-check.html'));

  // 4. sums
  const sums = listFiles(outDir).map((p) => `${createHash('sha256').update(readFileSync(join(outDir, p))).digest('hex')}  ${p}`);
  writeFileSync(join(outDir, 'SHA256SUMS'), `${sums.join('\n')}\n`);
  console.log(`release ${version} written: ${outDir} (add-in base URL ${base})`);
}
