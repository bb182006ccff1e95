// npm run dev:addin                 → vite dev server for the task pane on https://localhost:3000/
// npm run dev:addin -- --dist       → serve the built dist/excel-addin/ instead (run npm run build:addin first)
// options: --port <n> (default 3000; the committed manifest expects 3000)
//          --no-install  only generate the localhost certificate, never touch the system trust store
// HTTPS uses the localhost certificate of office-addin-dev-certs in ~/.office-addin-dev-certs. It is made and
// its CA trusted on first run (that may ask for consent or sudo). When trusting fails (no sudo, no consent),
// the certificate is used untrusted and the way to trust it is printed.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCertificates, getHttpsServerOptions } from 'office-addin-dev-certs';

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

// The paths office-addin-dev-certs uses by default.
const certDir = join(homedir(), '.office-addin-dev-certs');
const caPath = join(certDir, 'ca.crt');
const certPath = join(certDir, 'localhost.crt');
const keyPath = join(certDir, 'localhost.key');
const DAY_MS = 86_400_000;

/** The generated files exist, belong together and stay valid for at least a day. */
function usableCertificate() {
  try {
    const cert = new X509Certificate(readFileSync(certPath));
    const ca = new X509Certificate(readFileSync(caPath));
    const key = createPrivateKey(readFileSync(keyPath));
    return cert.checkPrivateKey(key) && cert.checkIssued(ca) && Date.parse(cert.validTo) > Date.now() + DAY_MS;
  } catch {
    return false;
  }
}

/** Generate (or reuse) the localhost certificate without installing its CA anywhere. */
async function untrustedCertificate() {
  if (!usableCertificate()) {
    for (const file of [caPath, certPath, keyPath]) rmSync(file, { force: true });
    await generateCertificates(caPath, certPath, keyPath, 30, ['127.0.0.1', 'localhost']);
  }
  return { ca: readFileSync(caPath), cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

function trustHint() {
  const lines = [
    '証明書の発行元（CA）はまだ信頼されていません。ブラウザーや Excel が警告を出さないようにするには / The CA is not trusted yet. To trust it:',
  ];
  if (process.platform === 'linux') {
    lines.push(
      `  (root) mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && cp ${caPath} /usr/local/share/ca-certificates/office-addin-dev-certs/ && update-ca-certificates`,
      `  Chrome/Edge/Firefox: 設定 → 証明書 → 認証局 に ${caPath} を読み込む / Settings → Certificates → Authorities → import ${caPath}`,
      '  ブラウザーだけで信頼した場合は、証明書を作り直さないよう以後 npm run dev:addin -- --no-install で起動してください',
      '  / if you trusted it in a browser only, start with npm run dev:addin -- --no-install so the certificate is kept',
    );
  } else {
    lines.push('  npx office-addin-dev-certs install   (Windows: 確認画面で「はい」/ accept the prompt; Mac: パスワード / your password)');
  }
  lines.push(`  確認 / check: curl --cacert ${caPath} https://localhost:${port}/taskpane.html`);
  return lines.join('\n') + '\n';
}

let httpsOptions;
let trusted = false;
if (!args.includes('--no-install')) {
  try {
    httpsOptions = await getHttpsServerOptions();
    trusted = true;
  } catch (e) {
    process.stderr.write(`dev:addin: 証明書を信頼済みとして登録できませんでした / could not trust the certificate: ${e instanceof Error ? e.message.split('\n')[0] : e}\n`);
  }
}
if (!httpsOptions) {
  try {
    httpsOptions = await untrustedCertificate();
  } catch (e) {
    fail(`開発用証明書を作れませんでした / could not create the dev certificate: ${e instanceof Error ? e.message : e}`);
  }
}
const afterStart = () => {
  if (!trusted) process.stdout.write(trustHint());
};

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
    afterStart();
  });
} else {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: join(here, 'vite.config.ts'),
    server: { https: httpsOptions, port, strictPort: true, host: 'localhost' },
  });
  await server.listen();
  server.printUrls();
  process.stdout.write(`在宅チェック: https://localhost:${port}/taskpane.html\nmanifest: manifests/office/manifest.xml (https://localhost:3000/)\n`);
  afterStart();
}
