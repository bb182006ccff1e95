// Builds the unpacked Chrome extension into dist/extension/ (or dist/extension-e2e/ with --e2e).
// Every script is one self-contained IIFE (no remote code, no chunks), so MV3's strict CSP holds.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildWeb } from '../web/build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const e2e = process.argv.includes('--e2e');
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? resolve(process.argv[outArg + 1]) : resolve(root, 'dist', e2e ? 'extension-e2e' : 'extension');

const entries = [
  { entry: 'extension/content/main.ts', file: 'content.js', name: 'ZaitakuCheckContent' },
  { entry: 'extension/background.ts', file: 'background.js', name: 'ZaitakuCheckBackground' },
  { entry: 'extension/sidepanel/sidepanel.ts', file: 'sidepanel.js', name: 'ZaitakuCheckPanel' },
  { entry: 'extension/options/options.ts', file: 'options.js', name: 'ZaitakuCheckOptions' },
];

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

for (const { entry, file, name } of entries) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      target: 'chrome116',
      sourcemap: false,
      modulePreload: false,
      lib: { entry: resolve(root, entry), formats: ['iife'], name, fileName: () => file },
    },
  });
}

for (const page of ['sidepanel/sidepanel.html', 'sidepanel/sidepanel.css', 'options/options.html', 'options/options.css']) {
  await cp(resolve(root, 'extension', page), resolve(outDir, page.split('/').pop()));
}
await cp(resolve(root, 'manifests/chrome/_locales'), resolve(outDir, '_locales'), { recursive: true });
// icons are committed (regenerate with `node extension/make-icons.mjs`)
await cp(resolve(root, 'manifests/chrome/icons'), resolve(outDir, 'icons'), { recursive: true });

// the browser checker (記録ファイルのチェック), opened from the side panel
await buildWeb(resolve(outDir, 'checker'), { single: false });

const manifest = JSON.parse(await readFile(resolve(root, 'manifests/chrome/manifest.json'), 'utf8'));
if (e2e) {
  // Test build only: the fixture server's origin is granted at install, since headless Chrome cannot
  // answer a permission prompt. The release build has no host permission at all.
  manifest.host_permissions = ['http://127.0.0.1/*'];
}
await writeFile(resolve(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`extension built: ${outDir}`);
