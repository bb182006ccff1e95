// Builds the task pane to dist/excel-addin/ and writes the production manifest for ZAITAKU_ADDIN_BASE_URL.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { DEV_BASE_URL, checkBaseUrl, makeManifest } from './make-manifest.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/excel-addin/', import.meta.url));

function manifestPlugin(): Plugin {
  let target = outDir;
  return {
    name: 'zaitaku-office-manifest',
    apply: 'build',
    configResolved(config) {
      target = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const requested = process.env.ZAITAKU_ADDIN_BASE_URL ?? DEV_BASE_URL;
      const { base, error } = checkBaseUrl(requested);
      if (error || !base) {
        this.error(`ZAITAKU_ADDIN_BASE_URL: ${error}`);
        return;
      }
      mkdirSync(target, { recursive: true });
      writeFileSync(resolve(target, 'manifest.xml'), makeManifest(base));
    },
    async writeBundle() {
      // the browser checker next to the task pane (same static host)
      const { buildWeb } = await import('../web/build.mjs');
      await buildWeb(resolve(target, 'checker'));
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  publicDir: 'public',
  plugins: [manifestPlugin()],
  server: { port: 3000, strictPort: true },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
    rollupOptions: { input: { taskpane: fileURLToPath(new URL('./taskpane.html', import.meta.url)) } },
  },
});
