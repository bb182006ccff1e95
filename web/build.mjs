// Builds the browser checker into dist/web/:
//   checker.html + checker.js + worker.js + checker.css   (extension page, add-in host, any static host)
//   zaitaku-check.html                                    (one self-contained file for file://, worker inlined)
// Every script is one IIFE: no chunks, no remote code. `node web/build.mjs [--out DIR]`.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const HOSTED_CSP = "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; form-action 'none'; base-uri 'none'";

async function bundle(entry, name) {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'chrome110',
      sourcemap: false,
      modulePreload: false,
      lib: { entry: resolve(root, entry), formats: ['iife'], name, fileName: () => `${name}.js` },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk || outputs.filter((o) => o.type === 'chunk').length !== 1) throw new Error(`${entry}: expected one chunk`);
  return chunk.code;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Build into outDir (default dist/web); `single: false` leaves out zaitaku-check.html (extension pages forbid inline scripts). */
export async function buildWeb(outDir = resolve(root, 'dist/web'), { single = true } = {}) {
  const [main, worker, template, css] = await Promise.all([
    bundle('web/main.ts', 'ZaitakuChecker'),
    bundle('web/worker.ts', 'ZaitakuWorker'),
    readFile(resolve(root, 'web/checker.html'), 'utf8'),
    readFile(resolve(root, 'web/checker.css'), 'utf8'),
  ]);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const fill = (csp, style, scripts) => template.replace('%CSP%', () => csp).replace('%STYLE%', () => style).replace('%SCRIPTS%', () => scripts);
  const hosted = fill(HOSTED_CSP, '<link rel="stylesheet" href="checker.css">', '<script src="checker.js"></script>');
  // the worker's code as a JS string ("<" escaped so no "</script>" can end the element)
  const inline = `window.__zaitakuWorkerSource=${JSON.stringify(worker).replace(/</g, '\\u003c')};\n${main}`;
  const singleCsp = `default-src 'none'; script-src ${sha256(inline)}; worker-src blob:; style-src ${sha256(css)}; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  const singleFile = fill(singleCsp, `<style>${css}</style>`, `<script>${inline}</script>`);
  const files = { 'checker.html': hosted, 'checker.js': main, 'worker.js': worker, 'checker.css': css, ...(single ? { 'zaitaku-check.html': singleFile } : {}) };
  for (const [name, text] of Object.entries(files)) await writeFile(resolve(outDir, name), text);
  return Object.keys(files);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const outDir = i > 0 ? resolve(process.argv[i + 1]) : undefined;
  await buildWeb(outDir);
  console.log(`browser checker built: ${outDir ?? resolve(root, 'dist/web')}`);
}
