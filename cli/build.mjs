// Builds the CLI into dist/cli/ as plain ESM so `zaitaku-check` starts without compiling
// TypeScript at run time. bin/zaitaku-check.mjs uses the build only while it is fresh: every
// source file listed in dist/cli/sources.json must be older than the build.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? resolve(process.argv[outArg + 1]) : resolve(root, 'dist', 'cli');

const startedAt = Date.now();
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

const result = await build({
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  // zod is bundled (fewer files to load at start); exceljs stays a runtime dependency, loaded lazily
  ssr: { noExternal: ['zod'] },
  build: {
    outDir,
    emptyOutDir: false,
    ssr: resolve(root, 'cli/main.ts'),
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: ['exceljs'],
      output: { format: 'es', entryFileNames: 'zaitaku-check.mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});

const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
const sources = new Set();
for (const chunk of outputs) {
  for (const id of chunk.type === 'chunk' ? Object.keys(chunk.modules) : []) {
    const file = id.split('?')[0];
    if (file.startsWith(root) && !file.includes('node_modules')) sources.add(relative(root, file));
  }
}
sources.add('package.json');
await writeFile(
  resolve(outDir, 'sources.json'),
  `${JSON.stringify({ builtAt: startedAt, sources: [...sources].sort() }, null, 1)}\n`,
);
console.log(`CLI built into ${relative(root, outDir)}/ (${sources.size} source files)`);
