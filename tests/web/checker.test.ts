// The browser checker in real Chromium: the self-contained file from file:// and the hosted page.
import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxBytes } from '../../formats/index.ts';
import { buildWeb, cliJson, launch, ROOT } from './helpers.ts';

const expected = JSON.parse(readFileSync(join(ROOT, 'examples/expected.json'), 'utf8')) as { files: { file: string; args: string[] }[] };
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

let out: string;
let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
  out = buildWeb();
  server = createServer((req, res) => {
    const file = normalize(join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.startsWith(out + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

async function open(url: string): Promise<Opened> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000); // a loaded machine (2 cores, many jobs) checks slowly
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForSelector('body[data-state=ready]');
  return { page, requests, errors };
}

async function checkFiles(page: Page, names: string[], asOf = '2026-11-22'): Promise<void> {
  await page.fill('#asOf', asOf);
  await page.evaluate(() => (document.body.dataset.state = 'waiting'));
  await page.setInputFiles('#fileInput', names.map((n) => join(ROOT, 'examples', n)));
  await page.waitForSelector('body[data-state=checked], body[data-state=failed]');
  // a failed check says why on the status line
  expect(await page.evaluate(() => `${document.body.dataset.state} ${document.getElementById('status')?.textContent ?? ''}`)).toMatch(/^checked /);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

const fileUrl = () => `file://${join(out, 'zaitaku-check.html')}`;

describe('browser checker (zaitaku-check.html from file://)', { timeout: 180_000 }, () => {
  it('gives the CLI JSON report for every example, with no network request', async () => {
    const { page, requests, errors } = await open(fileUrl());
    for (const ex of expected.files) {
      await checkFiles(page, [ex.file]);
      const json = await downloaded(page, () => page.click('#report-json'));
      expect(JSON.parse(json.bytes.toString('utf8')), ex.file).toEqual(await cliJson(ex.file, ex.args));
    }
    // the page itself and its inlined worker (blob:) — nothing else, nothing over the network
    expect(requests.filter((u) => !u.startsWith('blob:') && u !== fileUrl())).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('downloads the highlighted copy: original cell values unchanged, findings sheet added', async () => {
    const { page } = await open(fileUrl());
    await checkFiles(page, ['attendance-rows.xlsx']);
    const copy = await downloaded(page, () => page.click('#annotate-0'));
    expect(copy.name).toBe('attendance-rows（チェック済み）.xlsx');
    const original = readXlsxBytes(new Uint8Array(readFileSync(join(ROOT, 'examples/attendance-rows.xlsx'))), 'a.xlsx');
    const back = readXlsxBytes(new Uint8Array(copy.bytes), 'a.xlsx');
    expect(back.sheetNames).toEqual([...original.sheetNames, 'チェック結果']);
    for (const g of original.grids) expect(back.grids.find((b) => b.name === g.name)!.cells).toEqual(g.cells);
    expect(await page.textContent('#status')).toMatch(/\d+行に色付け/);
    // the print view: controls hidden, the findings and a header line with the date and files shown, A4
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#drop')).toBe(false);
    expect(await page.isVisible('#downloads')).toBe(false);
    expect(await page.textContent('#printMeta')).toContain('attendance-rows.xlsx');
    expect(await page.isVisible('#printMeta')).toBe(true);
    expect(await page.isVisible('#findings')).toBe(true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
    const table = await downloaded(page, () => page.click('#table-xlsx'));
    const rows = readXlsxBytes(new Uint8Array(table.bytes), 't.xlsx').grids[0]!.cells;
    const errorsTile = Number(await page.textContent('.tile.error .n'));
    expect(rows.length - 1).toBe(Number(await page.textContent('.tile.warning .n')) + errorsTile + Number(await page.textContent('.tile.incomplete .n')) + Number(await page.textContent('.tile.pending .n')));
    await page.context().close();
  });

  it('joins several files of one month, lists a file it cannot read, and never says all clear about it', async () => {
    const { page } = await open(fileUrl());
    await page.fill('#asOf', '2026-11-22');
    await page.setInputFiles('#fileInput', [
      { name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') },
      { name: 'clean.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(join(ROOT, 'examples/clean.xlsx')) },
    ]);
    await page.waitForSelector('body[data-state=checked]');
    expect(await page.textContent('#notRead')).toContain('broken.xlsx');
    // clean.xlsx has no problem, but the summary says at once that broken.xlsx was not checked
    expect(await page.textContent('#allClear')).toMatch(/問題は見つかりませんでした.*読み込めていないため、チェックしていません: broken\.xlsx/);
    expect(await page.textContent('#sheets')).toContain('clean.xlsx');
    await page.context().close();
  });

  it('works by keyboard alone: pick files, switch language, change a column mapping, download', async () => {
    const { page } = await open(fileUrl());
    const focusOn = async (id: string) => {
      for (let i = 0; i < 80; i++) {
        if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`cannot reach #${id} with Tab`);
    };
    const tabUntil = async (test: () => boolean) => {
      for (let i = 0; i < 120; i++) {
        if (await page.evaluate(test)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('not reachable with Tab');
    };
    await focusOn('lang');
    await page.keyboard.press('Enter');
    expect(await page.textContent('h1')).toBe('Check record files');
    await focusOn('asOf');
    await page.keyboard.type('11222026');
    await focusOn('pick');
    // Enter on the focused button opens the file chooser; under heavy CI load the first press was once
    // lost, so it is pressed again (still by keyboard only) before giving up
    let chooser;
    for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('pick');
      [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 15_000 }).catch(() => undefined), page.keyboard.press('Enter')]);
    }
    if (!chooser) throw new Error('Enter on the pick button opened no file chooser');
    await chooser.setFiles(join(ROOT, 'examples/attendance-rows.xlsx'));
    await page.waitForSelector('body[data-state=checked]');
    expect(await page.textContent('#status')).toContain('2026-11-22');
    const notEvaluatedBefore = await page.locator('#notEvaluated li').count();
    // un-map the daily-report column with the keyboard: its rule is then listed as not evaluated
    await tabUntil(() => document.activeElement?.matches('details.sheetmap summary') ?? false);
    await page.keyboard.press('Enter'); // opens the sheet's mapping
    await tabUntil(() => (document.activeElement as HTMLSelectElement | null)?.value === 'dailyReport');
    await page.evaluate(() => (document.body.dataset.state = 'waiting'));
    await page.keyboard.press('Home'); // (not used) is the first option
    await page.waitForSelector('body[data-state=checked]');
    expect(await page.locator('#notEvaluated li').count()).toBeGreaterThan(notEvaluatedBefore);
    await focusOn('table-csv');
    const csv = await downloaded(page, () => page.keyboard.press('Enter'));
    expect(csv.bytes.toString('utf8').startsWith('\uFEFF種別 / Kind')).toBe(true);
    await page.context().close();
  });
});

describe('browser checker (hosted checker.html)', { timeout: 180_000 }, () => {
  it('loads its own files only and makes no request after load, even for a check and downloads', async () => {
    const { page, requests, errors } = await open(`${origin}/checker.html`);
    expect(requests.sort()).toEqual([`${origin}/checker.css`, `${origin}/checker.html`, `${origin}/checker.js`, `${origin}/worker.js`].sort());
    requests.length = 0;
    await checkFiles(page, ['matrix.xlsx']);
    await downloaded(page, () => page.click('#annotate-0'));
    await downloaded(page, () => page.click('#table-csv'));
    expect(requests.filter((u) => !u.startsWith('blob:'))).toEqual([]);
    // nothing of the file is stored: no web storage, no database, no cookie
    expect(await page.evaluate(async () => [localStorage.length, sessionStorage.length, (await indexedDB.databases()).length, document.cookie])).toEqual([0, 0, 0, '']);
    const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
    expect(csp).toContain("connect-src 'none'");
    // a fetch is refused by the page's own policy
    expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'sent', () => 'blocked'))).toBe('blocked');
    expect(errors.filter((e) => !/Content Security Policy|Failed to fetch/.test(e))).toEqual([]);
    await page.context().close();
  });
});
