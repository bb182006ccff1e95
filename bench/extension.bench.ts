// Chrome extension: content script size (≤ 40 KB gzip) and re-check time of a 60-field form (≤ 5 ms),
// measured in real Chromium with the extension loaded (the content script reports its own check time),
// plus the core checkForm time alone in Node.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { checkForm } from '../core/forms/index.ts';
import type { PageState } from '../extension/shared/messages.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USERS = 14; // 4 header fields + 14 rows × 4 = 60 fields

execFileSync(process.execPath, [join(root, 'extension/build.mjs')], { cwd: root, stdio: 'pipe' });
execFileSync(process.execPath, [join(root, 'extension/build.mjs'), '--e2e'], { cwd: root, stdio: 'pipe' });
const content = readFileSync(join(root, 'dist/extension/content.js'));
const gz = gzipSync(content, { level: 9 }).length;

// ---- core alone ----
const values: Record<string, string> = { 対象月: '令和8年10月', 提出日: '令和8年11月10日', 事業所番号: '2712345678', 事業所名: 'ひがしおおさか作業所' };
for (let i = 0; i < USERS; i++) {
  values[`users.${i}.name`] = `利用者 ${i + 1}`;
  values[`users.${i}.recipientNo`] = String(2_700_000_000 + i);
  values[`users.${i}.homeDays`] = String(8 + (i % 8));
  values[`users.${i}.commuteDays`] = String(4 + (i % 3));
}
for (let i = 0; i < 200; i++) checkForm('higashiosaka-monthly-list', values, { asOf: '2026-11-23' });
const coreTimes: number[] = [];
for (let i = 0; i < 1000; i++) {
  const t = performance.now();
  checkForm('higashiosaka-monthly-list', values, { asOf: '2026-11-23' });
  coreTimes.push(performance.now() - t);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

// ---- in Chromium ----
const rows = Array.from({ length: USERS }, (_, i) => `<tr><td>${i + 1}</td><td><input name="n${i}" value="利用者 ${i + 1}"></td><td><input name="r${i}" value="${2_700_000_000 + i}"></td><td><input name="h${i}" value="${8 + (i % 8)}"></td><td><input name="c${i}" value="${i % 5 === 0 ? 1 : 5}"></td></tr>`).join('');
const html = `<!doctype html><html lang="ja"><meta charset="utf-8"><title>在宅就労支援対象者リスト（様式在-1）</title>
<h1>在宅就労支援対象者リスト（様式在-1）</h1><form method="post" action="/submit"><dl>
<dt>対象月</dt><dd><input name="m" value="令和8年10月"></dd><dt>提出日</dt><dd><input name="d" value="令和8年11月20日"></dd>
<dt>事業所番号</dt><dd><input name="p" value="2712345678"></dd><dt>事業所名</dt><dd><input name="pn" value="ひがしおおさか作業所"></dd></dl>
<table><tr><th>No.</th><th>氏名</th><th>受給者証番号</th><th>在宅日数</th><th>通所日数</th></tr>${rows}</table><button>送信</button></form></html>`;
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/list.html`;
const ext = join(root, 'dist/extension-e2e');
const dir = mkdtempSync(join(tmpdir(), 'zc-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: '/usr/lib/chromium/chromium',
  headless: true,
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let pageTimes: number[] = [];
let fields = 0;
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => (globalThis as unknown as { zaitakuCheck: { enableSite(p: string): Promise<string[]> } }).zaitakuCheck.enableSite('http://127.0.0.1/*'));
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('zaitaku-check-overlay') !== null);
  const state = (): Promise<PageState> =>
    worker.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      return chrome.tabs.sendMessage(tab!.id!, { type: 'zc:getState' });
    }, url) as Promise<PageState>;
  fields = (await state()).fields.length;
  for (let i = 0; i < 60; i++) {
    // one edit = one `change` event = one full re-check (read 60 fields, check, redraw the marks)
    await page.evaluate((n) => {
      const el = document.querySelector<HTMLInputElement>(`input[name=h${n % 14}]`)!;
      el.value = String(8 + (n % 9));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, i);
    if (i >= 10) pageTimes.push((await state()).lastCheckMs);
  }
} finally {
  await context.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
pageTimes = pageTimes.filter((x) => Number.isFinite(x));

console.log(`content script: ${(content.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
console.log(`core checkForm, 60 fields: median ${median(coreTimes).toFixed(3)} ms, p95 ${p95(coreTimes).toFixed(3)} ms (1000 runs)`);
console.log(`in Chromium, ${fields} fields found, re-check on change: median ${median(pageTimes).toFixed(2)} ms, p95 ${p95(pageTimes).toFixed(2)} ms (${pageTimes.length} runs)`);
const results = [
  ['content script ≤ 40 KB gzip', gz <= 40 * 1024, `${(gz / 1024).toFixed(1)} KB`],
  ['60 fields found on the page', fields === 60, String(fields)],
  ['re-check of a 60-field form ≤ 5 ms (median in Chromium)', median(pageTimes) <= 5, `${median(pageTimes).toFixed(2)} ms`],
] as const;
for (const [name, ok, value] of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
process.exitCode = results.every((r) => r[1]) ? 0 : 1;
