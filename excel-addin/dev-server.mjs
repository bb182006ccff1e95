// npm run dev:addin                 → vite dev server for the task pane on https://localhost:3000/
// npm run dev:addin -- --dist       → serve the built dist/excel-addin/ instead (run npm run build:addin first)
// options: --port <n> (default 3000; the committed manifest expects 3000)
// HTTPS uses the localhost certificate of office-addin-dev-certs (installed on first run; it may ask for consent).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHttpsServerOptions } from 'office-addin-dev-certs';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 3000;
const serveDist = args.includes('--dist');
const here = fileURLToPath(new URL('.', import.meta.url));
const distDir = resolve(here, '../dist/excel-addin');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function fail(message) {
  process.stderr.write(`dev:addin: ${message}\n`);
  process.exit(1);
}

let httpsOptions;
try {
  httpsOptions = await getHttpsServerOptions();
} catch (e) {
  fail(`開発用証明書を用意できませんでした / could not get the dev certificate: ${e instanceof Error ? e.message : e}\n` +
    '  npx office-addin-dev-certs install を実行してから、もう一度お試しください / run `npx office-addin-dev-certs install`, then retry.');
}

if (serveDist) {
  if (!existsSync(join(distDir, 'taskpane.html'))) fail('dist/excel-addin がありません。先に npm run build:addin を実行してください / run npm run build:addin first.');
  const server = createHttpsServer(httpsOptions, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
    const file = normalize(join(distDir, path === '/' ? 'taskpane.html' : path));
    if (!file.startsWith(distDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  server.listen(port, 'localhost', () => {
    process.stdout.write(`在宅チェック (dist): https://localhost:${port}/taskpane.html\nmanifest: dist/excel-addin/manifest.xml\n`);
  });
} else {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: join(here, 'vite.config.ts'),
    server: { https: httpsOptions, port, strictPort: true, host: 'localhost' },
  });
  await server.listen();
  server.printUrls();
  process.stdout.write('manifest: manifests/office/manifest.xml (https://localhost:3000/)\n');
}
