// Screenshots of the browser checker for docs/install/ (real Chromium, the file:// build, an example file).
// `npx tsx docs/install/screenshots.ts`
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'zc-shots-'));
execFileSync(process.execPath, ['web/build.mjs', '--out', out], { cwd: root, stdio: 'pipe' });
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'ja-JP' });
  await page.goto(`file://${join(out, 'zaitaku-check.html')}`);
  await page.waitForSelector('body[data-state=ready]');
  await page.screenshot({ path: join(root, 'docs/install/checker-start.png') });
  await page.fill('#asOf', '2026-11-22');
  await page.setInputFiles('#fileInput', join(root, 'examples/attendance-rows.xlsx'));
  await page.waitForSelector('body[data-state=checked]');
  await page.screenshot({ path: join(root, 'docs/install/checker-report.png') });
  await page.evaluate(() => document.querySelectorAll('details.sheetmap').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await page.locator('#mapping').screenshot({ path: join(root, 'docs/install/checker-mapping.png') });
  await page.click('#lang');
  await page.screenshot({ path: join(root, 'docs/install/checker-report-en.png') });
  // the network panel cannot be captured headless; what it would list is what the page requested
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
