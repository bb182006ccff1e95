// `npm run dev:addin` serves the task pane over HTTPS. With --no-install it only generates the localhost
// certificate (in a temporary HOME here) and never touches the system trust store.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let child: ChildProcess | undefined;
let home: string | undefined;

afterAll(() => {
  if (child?.pid && child.exitCode === null) child.kill();
  if (home) rmSync(home, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function fetchWithCa(url: string, ca: Buffer): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    }).on('error', reject);
  });
}

describe('dev server', () => {
  it('serves taskpane.html over HTTPS with a generated localhost certificate and says how to trust it', async () => {
    home = mkdtempSync(join(tmpdir(), 'zaitaku-devcert-'));
    const port = await freePort();
    child = spawn(process.execPath, ['excel-addin/dev-server.mjs', '--no-install', '--port', String(port)], {
      cwd: root,
      env: { ...process.env, HOME: home, USERPROFILE: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    for (let i = 0; i < 120 && !out.includes('curl --cacert'); i++) await new Promise((r) => setTimeout(r, 250));
    expect(out).toContain(`https://localhost:${port}/taskpane.html`);
    expect(out).toContain('まだ信頼されていません');
    expect(out).not.toMatch(/Installing CA certificate/);

    const caPath = join(home, '.office-addin-dev-certs', 'ca.crt');
    expect(existsSync(caPath)).toBe(true);
    // verified TLS: the served certificate chains to the generated CA and names localhost
    const page = await fetchWithCa(`https://localhost:${port}/taskpane.html`, readFileSync(caPath));
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('taskpane.ts');
    expect(page.body).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    // without the CA the certificate is not trusted
    await expect(fetchWithCa(`https://localhost:${port}/taskpane.html`, Buffer.from(''))).rejects.toThrow();
  }, 60_000);
});
