// The built task pane in real Chromium with a fake Office/Excel injected before the page scripts.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_KEY, parseStore } from '../../excel-addin/settings.ts';
import type { FakeOfficeOptions, FakeSpec, FakeWorkbookState } from './fake-excel.ts';
import { attendanceSheet } from './fixture.ts';
import { UNMATCHED, billingBytes, recordsSheet, rowOfDay } from './billing-fixture.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/lib/chromium/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.map': 'application/json' };

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;
let fakeBundle: string;

async function waitForChromium(): Promise<void> {
  for (let i = 0; i < 60 && !existsSync(CHROMIUM); i++) await new Promise((r) => setTimeout(r, 5000));
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'zaitaku-addin-'));
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'excel-addin/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'pipe' });
  fakeBundle = buildSync({ entryPoints: [join(root, 'tests/excel-addin/fake-office-browser.ts')], bundle: true, format: 'iife', write: false, target: 'es2020' }).outputFiles[0]!.text;
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(outDir, path));
    if (!file.startsWith(outDir + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await waitForChromium();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  external: string[];
  errors: string[];
  state: <T>(fn: (s: FakeWorkbookState) => T) => Promise<T>;
}

async function openPane(workbook: FakeSpec, office: FakeOfficeOptions = {}, width = 320): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, locale: 'ja-JP' });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('https://appsforoffice.microsoft.com/')) external.push(url);
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js stub */' }));
  await page.addInitScript(`window.__FAKE_SPEC__ = ${JSON.stringify({ workbook, office })};\n${fakeBundle}`);
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector('body[data-ready="true"], #fatal:not([hidden])');
  const state = <T,>(fn: (s: FakeWorkbookState) => T) => page.evaluate(`(${fn.toString()})(window.__fakeState)`) as Promise<T>;
  return { page, external, errors, state };
}

const ruleIds = (page: Page) => page.$$eval('#groups details.group', (els) => els.map((e) => e.getAttribute('data-rule')));

describe('task pane in Chromium', () => {
  it('checks, groups findings, changes a mapping, selects rows on click; screenshot', async () => {
    const { page, external, errors, state } = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(60, 3) }, { name: 'メモ', values: [['自由メモ']] }] });
    expect(await page.textContent('#checkSheet')).toBe('このシートをチェック');
    await page.click('#settings > summary');
    await page.fill('#asOf', '2026-11-20');
    await page.click('#checkSheet');
    await page.waitForSelector('#groups details.group');

    expect(await ruleIds(page)).toEqual(expect.arrayContaining(['daily-contact', 'daily-report', 'weekly-evaluation']));
    const errorsCount = Number(await page.textContent('#sumErrors'));
    expect(errorsCount).toBeGreaterThan(0);
    const contactGroup = page.locator('details.group[data-rule="daily-contact"]');
    expect(await contactGroup.locator('summary .name').textContent()).toMatch(/連絡/);
    expect(await contactGroup.locator('.cite').textContent()).toMatch(/^出典: /);
    const items = contactGroup.locator('button.item');
    const count = await items.count();
    expect(await contactGroup.locator('.count').textContent()).toBe(`${count} 件`);
    expect(await items.first().locator('.who b').textContent()).toMatch(/^利用者[ABC]$/);
    expect(await items.first().locator('.msg').textContent()).toMatch(/連絡/);

    // highlights were written into the fake workbook: one conditional format per colour (multi-area), no id stored
    const cfs = await state((s) => s.sheets[0]!.cfs.map((c) => ({ id: c.id, address: c.address, fill: c.fill })));
    expect(cfs.length).toBeGreaterThan(0);
    expect(cfs.length).toBeLessThanOrEqual(2);
    expect(cfs.every((c) => /^(A\d+:L\d+)(,A\d+:L\d+)*$/.test(c.address))).toBe(true);
    expect(String(await state((s) => s.settings.get('zaitakuCheck')))).not.toContain('{cf-');
    expect(await state((s) => s.cellWrites)).toEqual([]);

    // the mapping panel shows the header row and the field of each column
    await page.click('#mappingPanel > summary');
    expect(await page.textContent('#mapping .hint')).toContain('見出し行: 3 行目');
    expect(await page.inputValue('select[data-column="A"]')).toBe('date');
    expect(await page.inputValue('select[data-column="I"]')).toBe('');
    expect(await page.locator('#notEvaluated li[data-rule="work-menu"]').count()).toBe(1);
    expect(await ruleIds(page)).not.toContain('production-activity');

    // map 取り組み (I) to 作業内容: saved in the workbook, re-checked, work content now judged
    await page.selectOption('select[data-column="I"]', 'workContent');
    await page.waitForSelector('details.group[data-rule="production-activity"]');
    expect(await page.inputValue('select[data-column="I"]')).toBe('workContent');
    const afterMap = parseStore(await state((s) => s.settings.get('zaitakuCheck')));
    expect(afterMap.sheets['{sheet-1}']!.mapping).toEqual({ workContent: 'I' });
    expect(await page.locator('#notEvaluated li[data-rule="work-menu"]').count()).toBe(0);

    // clicking a finding activates its sheet and selects its rows
    await state((s) => { s.activeId = s.sheets[1]!.id; });
    const first = page.locator('details.group[data-rule="daily-contact"] button.item').first();
    const message = await first.locator('.msg').textContent();
    await first.click();
    await page.waitForFunction(() => !!(window as unknown as { __fakeState: FakeWorkbookState }).__fakeState.selection);
    const selection = await state((s) => ({ sel: s.selection, active: s.sheets.find((x) => x.id === s.activeId)!.name }));
    expect(selection.active).toBe('10月');
    const row = Number(/^(\d+):\1$/.exec(selection.sel!.address)![1]);
    const rowValues = await state((s) => s.sheets[0]!.values);
    const [date, user] = rowValues[row - 1] as string[];
    const [, mo, d] = /\/(\d+)\/(\d+)$/.exec(date!)!;
    expect(message).toContain(user!);
    expect(message).toContain(`${mo}月${d}日`);

    mkdirSync(join(root, 'docs'), { recursive: true });
    await page.click('#settings > summary');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(root, 'docs/addin-taskpane.png') });
    await page.locator('#mappingPanel').screenshot({ path: join(root, 'docs/addin-mapping.png') });

    // a group shows its first items; 「すべて表示」 reveals the rest
    expect(await contactGroup.locator('button.item:visible').count()).toBe(Math.min(3, count));
    await contactGroup.locator('.show-all').click();
    expect(await contactGroup.locator('button.item:visible').count()).toBe(count);

    // clear removes our highlights only
    await state((s) => { s.addUserCf('10月', 'B4:B10'); });
    await page.click('#clear');
    await page.waitForFunction(() => /ハイライト/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await state((s) => s.sheets[0]!.cfs.map((c) => c.user === true))).toEqual([true]);

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('re-checks after a user edit when 自動チェック is on', async () => {
    const { page, state, errors } = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    await page.click('#settings > summary');
    await page.fill('#asOf', '2026-11-20');
    await page.check('#autoCheck');
    await page.click('#checkSheet');
    await page.waitForSelector('details.group[data-rule="daily-report"]');
    const before = await page.locator('details.group[data-rule="daily-report"] button.item').count();
    // row 7 = data row 4 (i = 3): 日報 missing; the user fills it in
    await state((s) => s.edit('10月', 7, 8, '○'));
    await page.waitForFunction(
      (n) => document.querySelectorAll('details.group[data-rule="daily-report"] button.item').length === n - 1,
      before,
      { timeout: 10_000 },
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('mapping panel: every contacts column, 「使わない」 un-maps, 自動判定に戻す resets', async () => {
    const { page, state, errors } = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    const stored = async () => parseStore(await state((s) => s.settings.get('zaitakuCheck'))).sheets['{sheet-1}']?.mapping;
    const contactCount = async () => Number((await page.textContent('details.group[data-rule="daily-contact"] .count'))!.replace(/\D/g, ''));
    await page.click('#settings > summary');
    await page.fill('#asOf', '2026-11-20');
    await page.click('#checkSheet');
    await page.waitForSelector('details.group[data-rule="daily-contact"]');
    await page.click('#mappingPanel > summary');
    expect(await page.inputValue('select[data-column="F"]')).toBe('contacts');
    expect(await page.inputValue('select[data-column="G"]')).toBe('contacts');
    expect(await page.locator('#mappingReset').count()).toBe(0);
    const before = await contactCount();

    // 連絡2 (G) not used: only 連絡1 counts, so every home day lacks its second contact
    await page.selectOption('select[data-column="G"]', '');
    await page.waitForFunction((n) => {
      const c = document.querySelector('details.group[data-rule="daily-contact"] .count');
      return !!c && Number(c.textContent!.replace(/\D/g, '')) > n;
    }, before);
    expect(await stored()).toEqual({ contacts: 'F' });
    expect(await page.inputValue('select[data-column="G"]')).toBe('');
    expect(await page.inputValue('select[data-column="F"]')).toBe('contacts');

    // 日報 (H) not used: the 日報 rule is listed as not evaluated instead of judged
    expect(await page.locator('details.group[data-rule="daily-report"]').count()).toBe(1);
    await page.selectOption('select[data-column="H"]', '');
    await page.waitForSelector('#notEvaluated li[data-rule="daily-report"]', { state: 'attached' });
    expect(await page.locator('details.group[data-rule="daily-report"]').count()).toBe(0);
    expect(await stored()).toEqual({ contacts: 'F', dailyReport: '' });

    await page.click('#mappingReset');
    await page.waitForFunction(() => (document.querySelector('select[data-column="G"]') as HTMLSelectElement | null)?.value === 'contacts');
    await page.waitForSelector('details.group[data-rule="daily-report"]');
    expect(await stored()).toBeUndefined();
    expect(await contactCount()).toBe(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('groups unreadable cells under 「読めなかったセル」; clicking one selects that cell', async () => {
    const values = attendanceSheet(20, 3);
    values[4]![0] = '2026/13/45'; // A5
    values[7]![3] = '朝のうち'; // D8
    const { page, state, errors } = await openPane({ sheets: [{ name: '10月', values }] });
    await page.click('#checkSheet');
    const group = page.locator('details.group[data-rule="input-cells"]');
    await group.waitFor({ state: 'attached' });
    expect(await group.locator('summary .name').textContent()).toBe('読めなかったセル');
    expect(await group.locator('button.item').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')))).toEqual(['A5', 'D8']);
    expect(await group.locator('button.item .cell').allTextContents()).toEqual(['A5', 'D8']);
    expect(await group.locator('button.item[data-cell="D8"] .kind').textContent()).toBe('時刻が読み取れない');
    if (!(await group.getAttribute('open'))) await group.locator('summary').click();
    await group.locator('button.item[data-cell="D8"]').click();
    await page.waitForFunction(() => !!(window as unknown as { __fakeState: FakeWorkbookState }).__fakeState.selection);
    expect(await state((s) => s.selection)).toEqual({ sheet: '10月', address: 'D8' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads a 1904-date-system workbook right when Office.js has use1904DateSystem, and still checks when Excel lacks it', async () => {
    // dates as serial numbers of the 1904 system, as Office.js gives them
    const values = attendanceSheet(15, 3).map((row, i) => {
      const m = i > 2 ? /^(\d+)\/(\d+)\/(\d+)$/.exec(String(row[0])) : null;
      if (!m) return row;
      const serial1900 = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86400000;
      return [serial1900 - 1462, ...row.slice(1)];
    });
    const periods = (page: Page) => page.locator('details.group[data-rule="daily-contact"] button.item .who span').allTextContents();
    for (const host1904 of [true, false]) {
      const { page, errors } = await openPane({ sheets: [{ name: '10月', values }], date1904: true, host1904 }, { lib1904: true });
      await page.click('#settings > summary');
      await page.fill('#asOf', '2026-11-20');
      await page.click('#checkSheet');
      await page.waitForSelector('details.group[data-rule="daily-contact"]');
      const labels = await periods(page);
      expect(labels.length).toBeGreaterThan(0);
      // with the property the days are in October 2026; without it they shift 4 years and a day back (2022-09-30 …)
      if (host1904) expect(labels.every((l) => l.startsWith('10/'))).toBe(true);
      else expect(labels.some((l) => l === '9/30')).toBe(true);
      expect(await page.textContent('#status')).toMatch(/チェックしました/);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('a sheet without a header row: mapping columns by letter in the panel makes it readable', async () => {
    const rows = attendanceSheet(30, 3, 0).slice(1); // data from row 1, no title, no header
    const { page, state, errors } = await openPane({ sheets: [{ name: '10月', values: rows }] });
    const stored = async () => parseStore(await state((s) => s.settings.get('zaitakuCheck'))).sheets['{sheet-1}']?.mapping;
    await page.click('#settings > summary');
    await page.fill('#asOf', '2026-11-20');
    await page.click('#checkSheet');
    await page.waitForFunction(() => /見出し行が見つかりません/.test(document.getElementById('status')!.textContent ?? ''));
    await page.click('#mappingPanel > summary');
    await page.selectOption('select[data-column="A"]', 'date');
    await page.waitForFunction(() => /見出し行なし/.test(document.querySelector('#mapping .hint')?.textContent ?? ''));
    expect(await page.textContent('#mapping .hint')).toContain('見出し行なし（1 行目から記録');
    // every column shows a value of the first records, so the rest can be mapped too
    expect(await page.textContent('#mapping thead')).toContain('値の例');
    expect(await page.locator('select[data-column]').count()).toBe(11);
    await page.selectOption('select[data-column="B"]', 'user');
    await page.waitForFunction(() => (document.querySelector('select[data-column="B"]') as HTMLSelectElement | null)?.value === 'user');
    await page.selectOption('select[data-column="C"]', 'mode');
    await page.waitForFunction(() => (document.querySelector('select[data-column="C"]') as HTMLSelectElement | null)?.value === 'mode');
    await page.selectOption('select[data-column="F"]', 'contacts');
    await page.waitForSelector('details.group[data-rule="daily-contact"]');
    expect(await stored()).toEqual({ date: 'A', user: 'B', mode: 'C', contacts: 'F' });
    expect(await page.textContent('#status')).toContain('1 シート・30 件の記録をチェックしました。');
    expect(await page.locator('#nothingChecked').count()).toBe(0);
    expect(await page.isVisible('#summary')).toBe(true);
    expect(await state((s) => s.cellWrites)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says nothing was checked (and why) instead of zero counts and 「指摘はありません」', async () => {
    const header = await openPane({ sheets: [{ name: '10月', values: [attendanceSheet(0, 1, 0)[0]!] }] });
    await header.page.click('#checkSheet');
    await header.page.waitForSelector('#nothingChecked');
    expect(await header.page.textContent('#nothingChecked')).toContain('何もチェックしていません');
    expect(await header.page.textContent('#nothingChecked li')).toBe('シート「10月」: 見出し行（1 行目）の下に記録の行がありません。');
    expect(await header.page.isVisible('#summary')).toBe(false);
    expect(await header.page.textContent('#groups')).not.toContain('指摘はありません');
    expect(await header.page.textContent('#status')).toContain('記録を1件も読めなかった');
    await header.page.context().close();

    const noHeader = await openPane({ sheets: [{ name: '記録', values: [['あいう', 'えお'], [1, 2]] }] }, { displayLanguage: 'en-US' });
    await noHeader.page.click('#checkSheet');
    await noHeader.page.waitForSelector('#nothingChecked');
    expect(await noHeader.page.textContent('#nothingChecked p')).toBe('Nothing was checked: no record could be read (this is not "no findings").');
    expect(await noHeader.page.textContent('#nothingChecked li')).toContain('No header row found on sheet "記録"');
    expect(await noHeader.page.isVisible('#summary')).toBe(false);
    expect(noHeader.errors).toEqual([]);
    await noHeader.page.context().close();
  });

  it('English UI, and clear messages for an empty sheet and a missing requirement set', async () => {
    const en = await openPane({ sheets: [{ name: 'Sheet1', values: [] }] }, { displayLanguage: 'en-US' });
    expect(await en.page.textContent('#checkSheet')).toBe('Check this sheet');
    await en.page.click('#checkSheet');
    await en.page.waitForFunction(() => /empty/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await en.page.textContent('#status')).toBe('Sheet "Sheet1" is empty. Enter records, then check.');
    await en.page.context().close();

    const ja = await openPane({ sheets: [{ name: '記録', values: [['あいう', 'えお'], [1, 2]] }] });
    await ja.page.click('#checkSheet');
    await ja.page.waitForFunction(() => /見出し/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await ja.page.textContent('#status')).toContain('シート「記録」に見出し行が見つかりません');
    await ja.page.context().close();

    const old = await openPane({ sheets: [{ name: 'A', values: [] }] }, { excelApi: 5 });
    expect(await old.page.isVisible('#fatal')).toBe(true);
    // Excel versions by name, not requirement-set numbers
    expect(await old.page.textContent('#fatal')).toContain('Excel 2019');
    expect(await old.page.textContent('#fatal')).toContain('Microsoft 365');
    expect(await old.page.textContent('#fatal')).not.toContain('ExcelApi');
    expect(await old.page.isDisabled('#checkSheet')).toBe(true);
    await old.page.context().close();
  });
});

describe('task pane: issue 11 (protected sheets, messages, groups, navigation, 確認済み, theme, undo)', () => {
  const check = async (page: Page) => {
    if (!(await page.isVisible('#asOf'))) await page.click('#settings > summary');
    await page.fill('#asOf', '2026-11-20');
    await page.click('#checkSheet');
  };
  const statusText = (page: Page) => page.textContent('#status');

  it('a protected sheet: findings shown, why no colour, click-to-select still works', async () => {
    const { page, state, errors } = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    await state((s) => { s.sheets[0]!.protected = true; });
    await check(page);
    await page.waitForSelector('#groups details.group');
    expect(Number(await page.textContent('#sumErrors'))).toBeGreaterThan(0);
    expect(await page.isVisible('#highlightNote')).toBe(true);
    expect(await page.textContent('#highlightNote')).toContain('シートの保護を解除すると色を付けられます');
    expect(await page.textContent('#highlightNote')).toContain('「10月」');
    expect(await state((s) => s.sheets[0]!.cfs.length)).toBe(0);
    await page.locator('#groups button.item').first().click();
    await page.waitForFunction(() => !!(window as unknown as { __fakeState: FakeWorkbookState }).__fakeState.selection);
    expect(await state((s) => s.selection!.sheet)).toBe('10月');
    // a view-only workbook: the same, with what to do
    await state((s) => { s.sheets[0]!.protected = false; s.readOnly = true; });
    await page.click('#checkSheet');
    await page.waitForFunction(() => /読み取り専用/.test(document.getElementById('highlightNote')!.textContent ?? ''));
    expect(await page.locator('#groups button.item').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('specific messages per action, no host text; a failed check clears stale results; bad as-of date', async () => {
    const { page, state, errors } = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    await check(page);
    await page.waitForSelector('#groups details.group');
    // select fails
    await state((s) => { s.failNextSync = 'ItemNotFound'; });
    await page.locator('#groups button.item').first().click();
    await page.waitForFunction(() => /選択できませんでした/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await statusText(page)).toBe('シートの行を選択できませんでした。シートが見つかりません（名前が変わったか、削除されました）。もう一度チェックしてください。');
    // clear fails on a read-only workbook
    await state((s) => { s.readOnly = true; });
    await page.click('#clear');
    await page.waitForFunction(() => /消せませんでした/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await statusText(page)).toContain('ハイライトを消せませんでした。ブックが読み取り専用か、シートが保護されています。');
    await state((s) => { s.readOnly = false; });
    // a check that fails: stale findings go, no raw host text
    await state((s) => { s.failNextSync = 'GeneralException'; });
    await page.click('#checkSheet');
    await page.waitForFunction(() => /チェックできませんでした/.test(document.getElementById('status')!.textContent ?? ''));
    const failed = (await statusText(page))!;
    expect(failed).toBe('チェックできませんでした。Excel でエラーが起きました。ブックを開き直してから、もう一度お試しください。');
    expect(failed).not.toMatch(/GeneralException|injected/);
    expect(await page.isVisible('#findings')).toBe(false);
    expect(await page.isVisible('#summary')).toBe(false);
    expect(await page.locator('#groups button.item').count()).toBe(0);
    // a bad as-of date says what is wrong and what to do, and clears results too
    await check(page);
    await page.waitForSelector('#groups details.group');
    await page.fill('#asOf', '');
    await page.click('#checkSheet');
    expect(await statusText(page)).toBe('基準日が入っていないか、日付として正しくありません。設定の「基準日」に日付（例: 2026/11/30）を入れてから、もう一度チェックしてください。');
    expect(await page.getAttribute('#asOf', 'aria-invalid')).toBe('true');
    expect(await page.isVisible('#findings')).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('groups stay open across re-checks; group by user; keyboard next/previous; per-sheet records and home days', async () => {
    const { page, state, errors } = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] });
    await check(page);
    await page.waitForSelector('#groups details.group');
    const openKeys = () => page.$$eval('#groups details.group[open]', (els) => els.map((e) => e.getAttribute('data-key')).sort());
    const groups = page.locator('#groups details.group');
    expect(await groups.count()).toBeGreaterThan(2);
    // the user opens the second and third groups and closes the first
    await groups.nth(1).locator('summary').click();
    await groups.nth(2).locator('summary').click();
    await groups.nth(0).locator('summary').click();
    const before = await openKeys();
    expect(before.length).toBe(2);
    await page.click('#checkSheet');
    await page.waitForFunction(() => /チェックしました/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await openKeys()).toEqual(before);

    // per sheet: records, and home days (— until core reports them)
    const row = page.locator('#sheetSummary tbody tr[data-sheet="10月"]');
    expect(await row.locator('td').nth(1).textContent()).toBe('30');
    expect(await row.locator('td').nth(2).textContent()).toMatch(/^(\d+|—)$/);

    // keyboard: ↓ / ↑ move focus between findings, N / P select the next / previous one in Excel
    const focusedIndex = () => page.evaluate(() => [...document.querySelectorAll('#groups button.item')].indexOf(document.activeElement as Element));
    const inFirst = await groups.nth(0).locator('button.item').count();
    // the first item of the second group (the first group is closed)
    await groups.nth(1).locator('button.item').first().focus();
    expect(await focusedIndex()).toBe(inFirst);
    await page.keyboard.press('ArrowDown');
    expect(await focusedIndex()).toBe(inFirst + 1);
    await page.keyboard.press('ArrowUp');
    expect(await focusedIndex()).toBe(inFirst);
    await page.keyboard.press('n');
    await page.waitForFunction(() => !!(window as unknown as { __fakeState: FakeWorkbookState }).__fakeState.selection);
    expect(await focusedIndex()).toBe(inFirst + 1);
    expect(await state((s) => s.selection!.address)).toMatch(/^\d+:\d+/);
    // 前の指摘 across the group boundary opens the closed first group
    await page.click('#prevFinding');
    await page.click('#prevFinding');
    expect(await focusedIndex()).toBe(inFirst - 1);
    expect(await groups.nth(0).getAttribute('open')).not.toBeNull();

    // group by user: one group per user, saved in the workbook
    await page.selectOption('#groupBy', 'user');
    const users = await page.$$eval('#groups details.group', (els) => els.map((e) => e.getAttribute('data-user')));
    expect(users.filter((u) => /^利用者[ABC]$/.test(u ?? '')).sort()).toEqual(['利用者A', '利用者B', '利用者C']);
    await page.waitForFunction(() => /"groupBy":"user"/.test(String((window as unknown as { __fakeState: FakeWorkbookState }).__fakeState.settings.get('zaitakuCheck'))));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('「確認済みにする」: saved in the workbook, out of the list, tiles and colours, back with 元に戻す', async () => {
    const { page, state, errors } = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(30, 3) }] }, { excelApi: 20 });
    await check(page);
    await page.waitForSelector('#groups details.group');
    expect(await state((s) => s.undoGroups)).toBe(1);
    const errorsBefore = Number(await page.textContent('#sumErrors'));
    const items = () => page.locator('#groups button.item').count();
    const n = await items();
    const firstLi = page.locator('#groups details.group.error li').first();
    const message = await firstLi.locator('.msg').textContent();
    await firstLi.locator('button.review').click();
    await page.waitForSelector('#reviewedPanel:not([hidden])');
    expect(await items()).toBe(n - 1);
    expect(Number(await page.textContent('#sumErrors'))).toBe(errorsBefore - 1);
    expect(await page.textContent('#reviewedNote')).toContain('1 件');
    expect(await page.textContent('#reviewedList')).toContain(message!);
    const stored = parseStore(await state((s) => s.settings.get('zaitakuCheck')));
    expect(stored.reviewed?.length).toBe(1);
    // each write (check, save) was one undo group on ExcelApi 1.20
    expect(await state((s) => s.undoGroups)).toBe(3);
    await page.click('#reviewedPanel > summary');
    await page.click('#reviewedList button.review');
    await page.waitForSelector('#reviewedPanel[hidden]', { state: 'attached' });
    expect(await items()).toBe(n);
    expect(parseStore(await state((s) => s.settings.get('zaitakuCheck'))).reviewed).toBeUndefined();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('all findings reviewed: no unqualified 「指摘はありません」', async () => {
    const { page, errors } = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(3, 1) }] });
    await check(page);
    await page.waitForSelector('#groups details.group');
    for (let i = 0; i < 20 && (await page.locator('#groups button.review').count()) > 0; i++) {
      const n = await page.locator('#groups button.review').count();
      // some are in closed groups: press them as a script would
      await page.locator('#groups button.review').first().evaluate((b) => (b as HTMLButtonElement).click());
      await page.waitForFunction((k) => document.querySelectorAll('#groups button.review').length < k, n);
    }
    expect(await page.textContent('#groups')).toBe('確認済みにした指摘のほかに、指摘はありません（確認済みは一覧の下）。');
    expect(await page.isVisible('#reviewedPanel')).toBe(true);
    expect(Number(await page.textContent('#sumErrors'))).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('請求CSV（国保連）: picked beside the workbook, reconciled, listed; only records rows coloured; removable', async () => {
    const { page, external, errors, state } = await openPane({ sheets: [{ name: '10月', values: recordsSheet() }] });
    expect(await page.textContent('#billingPick')).toBe('請求CSV（国保連）を読み込む');
    await page.click('#settings > summary');
    await page.fill('#asOf', '2026-11-20');
    // a file of any name, known by its content; picking it checks the workbook with it
    await page.setInputFiles('#billingFile', { name: 'SEIKYU_202610.DAT', mimeType: 'application/octet-stream', buffer: Buffer.from(billingBytes()) });
    await page.waitForSelector('details.group[data-rule="billed-home-day-record"]');
    const item = page.locator('#billingList li[data-billing-file="SEIKYU_202610.DAT"]');
    expect(await item.textContent()).toContain('請求 19 日分（J611）');
    expect(await item.textContent()).toContain('2026年10月');
    expect(await page.textContent('#status')).toContain('請求CSV 19 日分と照合しました。');

    // billing findings like the others; the CSV's own problems in one group, each with its file and line
    expect(await ruleIds(page)).toEqual(expect.arrayContaining(['billed-home-day-record', 'home-day-not-billed', 'input-billing']));
    const billed = page.locator('details.group[data-rule="billed-home-day-record"]');
    await billed.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await billed.locator('.count').textContent()).toBe('2 件');
    expect(await billed.textContent()).toContain('SEIKYU_202610.DAT 20行目');
    const onlyInFile = billed.locator('button.item[data-billing-line="20"]');
    expect(await onlyInFile.isDisabled()).toBe(true);
    const inputs = page.locator('details.group[data-rule="input-billing"]');
    expect(await inputs.locator('summary .name').textContent()).toBe('請求CSV（国保連）の読み取り・照合の問題');
    const inputText = await inputs.locator('.items').textContent();
    expect(inputText).toContain('SEIKYU_202610.DAT 21行目（項目9「日付」）');
    expect(inputText).toContain(UNMATCHED);
    // listed among the inputs (per-sheet table) with its billed days
    expect(await page.textContent('#sheetSummary tr[data-billing="SEIKYU_202610.DAT"]')).toBe('SEIKYU_202610.DAT（請求CSV・請求日数）19—');

    // colours only on records rows: CSV lines 7, 20 and 21 are record rows of the sheet and stay uncoloured
    const colouredRows = () =>
      state((s) =>
        s.sheets[0]!.cfs.flatMap((c) => c.address.split(',')).flatMap((a) => {
          const [, from, to] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(a)!;
          return Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => Number(from) + i);
        }),
      );
    expect((await colouredRows()).sort((a, b) => a - b)).toEqual([rowOfDay(5), rowOfDay(6)]);
    expect(await state((s) => s.cellWrites)).toEqual([]);
    // clicking the finding of day 6 selects its sheet row (not the CSV line)
    await billed.locator('button.item:not(:disabled)').first().click();
    await page.waitForFunction(() => !!(window as unknown as { __fakeState: FakeWorkbookState }).__fakeState.selection);
    expect(await state((s) => s.selection!.address)).toBe(`${rowOfDay(6)}:${rowOfDay(6)}`);
    // nothing was sent anywhere, and the bytes are not in the workbook's settings
    expect(external).toEqual([]);
    expect(String(await state((s) => s.settings.get('zaitakuCheck')) ?? '')).not.toContain('SEIKYU');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#billingPanel').screenshot({ path: join(root, 'docs/addin-billing.png') });

    // a file that is not a billing CSV: said with its name and what to do; the loaded one and the check stay
    await page.setInputFiles('#billingFile', { name: '利用記録.csv', mimeType: 'text/csv', buffer: Buffer.from('日付,利用者名,利用形態\r\n2026/10/1,利用者A,在宅\r\n') });
    await page.waitForFunction(() => !document.querySelector('#billingProblem')!.hasAttribute('hidden'));
    expect(await page.textContent('#billingProblem')).toContain('「利用記録.csv」は国保連の請求CSV（インタフェースファイル）ではないため、読み込んでいません。');
    expect(await page.getAttribute('#billingProblem', 'role')).toBe('alert');
    await page.waitForFunction(() => document.querySelector('#app')!.getAttribute('aria-busy') === 'false');
    expect(await ruleIds(page)).toContain('billed-home-day-record');
    expect(await page.locator('#billingList li').count()).toBe(1);

    // 外す (keyboard): the billing findings go, the workbook's own stay; focus back on the pick button
    await page.focus('#billingList li button');
    expect(await page.getAttribute('#billingList li button', 'aria-label')).toBe('請求CSV「SEIKYU_202610.DAT」を外す');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('details.group[data-rule="billed-home-day-record"]'));
    expect(await page.locator('#billingList li').count()).toBe(0);
    expect(await page.isHidden('#billingProblem')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('billingPick');
    expect(await page.locator('#sheetSummary tr[data-billing]').count()).toBe(0);
    await page.waitForFunction(() => document.querySelector('#app')!.getAttribute('aria-busy') === 'false');
    expect(await colouredRows()).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('請求CSV with no records in the workbook: says nothing was compared (never an all-clear); an unreadable pick is said', async () => {
    const { page, errors } = await openPane({ sheets: [{ name: 'Sheet1', values: [] }] });
    await page.setInputFiles('#billingFile', [
      { name: 'seikyu.csv', mimeType: 'text/csv', buffer: Buffer.from(billingBytes()) },
      { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
    ]);
    await page.waitForSelector('#nothingChecked');
    const banner = await page.textContent('#nothingChecked');
    expect(banner).toContain('何もチェックしていません');
    expect(banner).toContain('請求CSV（seikyu.csv）を読み込みましたが、チェックしたシートに支援記録がないため、請求との照合はしていません。');
    expect(await page.textContent('#billingProblem')).toContain('「empty.csv」は空のファイル（0 バイト）です。');
    expect(await page.textContent('#groups')).not.toContain('指摘はありません');
    // the CSV's own input problems are still shown, and the rules say why they were not evaluated
    expect(await ruleIds(page)).toContain('input-billing');
    expect(await page.textContent('#notEvaluated')).toContain('支援記録のファイル');
    // a file dropped on the panel is read the same way (where a host's file dialog does not open)
    await page.evaluate((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'dropped.csv'));
      document.querySelector('#billingPanel')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [...billingBytes()]);
    await page.waitForSelector('#billingList li[data-billing-file="dropped.csv"]');
    expect(await page.locator('#billingList li').count()).toBe(2);
    expect(await page.isHidden('#billingProblem')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows the Office theme: dark colours from officeTheme, light by default', async () => {
    const dark = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(10, 2) }] }, { officeTheme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#363636', controlForegroundColor: '#f0f0f0', isDarkTheme: true } });
    const colours = (page: Page) => page.evaluate(() => ({ theme: document.documentElement.dataset.theme, bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color, tile: getComputedStyle(document.querySelector('.tile.error')!).backgroundColor }));
    const d = await colours(dark.page);
    expect(d).toMatchObject({ theme: 'dark', bg: 'rgb(38, 38, 38)', fg: 'rgb(255, 255, 255)' });
    expect(d.tile).toBe('rgb(74, 33, 38)');
    await dark.page.context().close();
    const light = await openPane({ sheets: [{ name: '10月', values: attendanceSheet(10, 2) }] });
    expect(await colours(light.page)).toMatchObject({ bg: 'rgb(255, 255, 255)', tile: 'rgb(253, 231, 233)' });
    expect(await light.state((s) => s.undoGroups)).toBe(0);
    await light.page.context().close();
  });
});

void SETTINGS_KEY;
