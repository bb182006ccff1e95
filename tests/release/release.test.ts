// `npm run release`: reproducible bytes, the add-in manifest for the base URL, a store-ready extension zip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASE = 'https://records.example.jp/zaitaku/';
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const dirs: string[] = [];

function release(env: Record<string, string> = { ZAITAKU_ADDIN_BASE_URL: BASE }): string {
  const out = mkdtempSync(join(tmpdir(), 'zaitaku-rel-'));
  dirs.push(out);
  execFileSync(process.execPath, [join(ROOT, 'release/build.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, ...env } });
  return out;
}

let first: string;
let second: string;
beforeAll(() => {
  first = release();
  second = release();
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('release', () => {
  it('is reproducible: two builds give the same bytes', () => {
    const sums = readFileSync(join(first, 'SHA256SUMS'), 'utf8');
    expect(readFileSync(join(second, 'SHA256SUMS'), 'utf8')).toBe(sums);
    for (const f of [`zaitaku-check-extension-${version}.zip`, `zaitaku-check-site-${version}.zip`, 'zaitaku-check.html']) {
      expect(sums).toContain(`  ${f}\n`);
      expect(readFileSync(join(second, f)).equals(readFileSync(join(first, f))), f).toBe(true);
    }
  });

  it('sums every file it ships', () => {
    const lines = readFileSync(join(first, 'SHA256SUMS'), 'utf8').trim().split('\n');
    for (const line of lines) {
      const [hash, path] = line.split('  ');
      const bytes = readFileSync(join(first, path!));
      expect(execFileSync('sha256sum', ['-'], { input: bytes }).toString().split(' ')[0], path).toBe(hash);
    }
    expect(lines.some((l) => l.endsWith('  site/checker/checker.html'))).toBe(true);
  });

  it('the site\'s add-in manifest points at the base URL only', () => {
    const xml = readFileSync(join(first, 'site/manifest.xml'), 'utf8');
    expect(xml).toContain(`${BASE}taskpane.html`);
    const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://schemas.') && !u.startsWith('http://www.w3.org'));
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u.startsWith(BASE) || /^https:\/\/(go\.microsoft\.com|aka\.ms)\//.test(u), u).toBe(true);
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('the extension zip: version from package.json, no test permissions, no 127.0.0.1, the checker page inside', () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(first, `zaitaku-check-extension-${version}.zip`))));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.version).toBe(version);
    expect(manifest.host_permissions).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toContain('127.0.0.1');
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['checker/checker.html', 'checker/worker.js', 'sidepanel.html', 'background.js']));
    expect(Object.keys(files)).toEqual([...Object.keys(files)].sort());
  });

  it('refuses to build without an https base URL', () => {
    expect(() => release({ ZAITAKU_ADDIN_BASE_URL: 'http://plain.example/' })).toThrow();
  });
});
