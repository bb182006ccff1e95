// The browser checker as an extension page: reached from the side panel's link, works under the extension's CSP.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM, cliJson, ROOT } from './helpers.ts';

let context: BrowserContext;
let ext: string;
let userDataDir: string;
const requests: string[] = [];

beforeAll(async () => {
  ext = mkdtempSync(join(tmpdir(), 'zc-ext-'));
  execFileSync(process.execPath, [join(ROOT, 'extension/build.mjs'), '--out', ext], { cwd: ROOT, stdio: 'pipe' });
  userDataDir = mkdtempSync(join(tmpdir(), 'zc-ext-profile-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    // a Japanese browser: the side panel follows the browser's UI language
    locale: 'ja-JP',
    acceptDownloads: true,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await context?.close();
  for (const d of [ext, userDataDir]) if (d) rmSync(d, { recursive: true, force: true });
});

it('opens from the side panel link and gives the CLI report, with no request outside the extension', { timeout: 180_000 }, async () => {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extId = new URL(worker.url()).host;
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extId}/sidepanel.html`);
  const link = panel.locator('#open-checker');
  expect(await link.textContent()).toContain('記録ファイルをチェック');
  const [page] = await Promise.all([context.waitForEvent('page'), link.click()]);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.waitForSelector('body[data-state=ready]');
  expect(page.url()).toBe(`chrome-extension://${extId}/checker/checker.html`);
  await page.fill('#asOf', '2026-11-22');
  await page.setInputFiles('#fileInput', join(ROOT, 'examples/per-user-sheet.xlsx'));
  await page.waitForSelector('body[data-state=checked]');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#report-json')]);
  expect(JSON.parse(readFileSync(await d.path(), 'utf8'))).toEqual(await cliJson('per-user-sheet.xlsx', ['--as-of', '2026-11-22']));
  expect(errors).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(`chrome-extension://${extId}/`) && !u.startsWith('blob:'))).toEqual([]);
});
