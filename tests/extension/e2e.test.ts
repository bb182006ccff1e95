// End to end in real Chromium: the unpacked extension on fixture forms served from 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageState } from '../../extension/shared/messages.ts';
import { pngSize } from './png.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXT = join(ROOT, 'dist/extension-e2e');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const DOCS = join(ROOT, 'docs');

let server: Server;
let origin = '';
const submissions: { path: string; body: string }[] = [];
let context: BrowserContext;
let worker: Worker;
let userDataDir = '';
const requests: string[] = [];

beforeAll(async () => {
  // Test build variant: same code, plus host permission for 127.0.0.1 (headless Chrome cannot answer a prompt).
  execFileSync(process.execPath, [join(ROOT, 'extension/build.mjs'), '--e2e'], { cwd: ROOT, stdio: 'pipe' });
  server = createServer((req, res) => {
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.url?.startsWith('/confirm')) {
          // the server-rendered confirm page of a Shift_JIS form (ASCII with character references is valid Shift_JIS)
          res.writeHead(200, { 'content-type': 'text/html; charset=Shift_JIS' });
          res.end(confirmPage(sjisForm(body)));
          return;
        }
        submissions.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><meta charset="utf-8"><title>送信完了</title><p id="done">送信しました</p>');
      });
      return;
    }
    const name = (req.url ?? '/').split('?')[0]!.replace(/^\/+/, '');
    const file = join(FIXTURES, name);
    if (!/^[\w-]+\.html$/.test(name) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': `text/html; charset=${name.includes('-sjis') ? 'Shift_JIS' : 'utf-8'}` });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  userDataDir = mkdtempSync(join(tmpdir(), 'zc-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/lib/chromium/chromium',
    headless: true,
    locale: 'ja-JP',
    viewport: { width: 1000, height: 900 },
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context.on('request', (r) => requests.push(r.url()));
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The options page's code path: store the site and register the content script for it.
  const matches = await worker.evaluate(() => (globalThis as unknown as { zaitakuCheck: { enableSite(p: string): Promise<string[]> } }).zaitakuCheck.enableSite('http://127.0.0.1/*'));
  expect(matches).toEqual(['http://127.0.0.1/*']);
  mkdirSync(DOCS, { recursive: true });
});

/** A urlencoded body sent by a Shift_JIS page, decoded. */
function sjisForm(body: string): [string, string][] {
  const dec = new TextDecoder('shift_jis');
  const bytes = (s: string): Uint8Array => {
    const out: number[] = [];
    const t = s.replace(/\+/g, ' ');
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '%') {
        out.push(parseInt(t.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(t.charCodeAt(i));
    }
    return Uint8Array.from(out);
  };
  return body.split('&').filter(Boolean).map((kv) => {
    const [k = '', v = ''] = kv.split('=');
    return [dec.decode(bytes(k)), dec.decode(bytes(v))];
  });
}

/** e-Tumo-like 申込確認 page: the values as th/td text, carried on in hidden inputs. */
function confirmPage(fields: [string, string][]): string {
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/[^\x20-\x7e]/gu, (c) => `&#${c.codePointAt(0)};`);
  const get = (k: string): string => esc(fields.find(([n]) => n === k)?.[1] ?? '');
  const head = [['F001', '対象月'], ['F002', '提出日'], ['F003', '事業所番号'], ['F004', '事業所名']].map(([k, l]) => `<tr><th>${esc(l!)}</th><td>${get(k!)}</td></tr>`).join('');
  const rows = Array.from({ length: 10 }, (_, i) => `<tr><td>${i + 1}</td>${[1, 2, 3, 4].map((c) => `<td>${get(`T01_${String(i + 1).padStart(2, '0')}_${c}`)}</td>`).join('')}</tr>`).join('');
  const hidden = fields.filter(([k]) => k !== 'next' && k !== 'back').map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
  return `<!doctype html><html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>${esc('在宅利用の実績報告書（様式在-1） 申込確認')}</title></head><body>`
    + `<h2>${esc('在宅利用の実績報告書（様式在-1）')}</h2><p>${esc('内容を確認して「申込む」を押してください。')}</p>`
    + `<form method="post" action="/submit?form=etumo"><table border="1">${head}</table><table border="1"><tr><th>No.</th><th>${esc('氏名')}</th><th>${esc('受給者証番号')}</th><th>${esc('在宅日数')}</th><th>${esc('通所日数')}</th></tr>${rows}</table>`
    + `${hidden}<input type="submit" name="back" value="${esc('戻る')}"> <input type="submit" value="${esc('申込む')}"></form></body></html>`;
}

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function stateOf(page: Page, sw: Worker = worker): Promise<PageState> {
  const url = page.url();
  let last: unknown;
  for (let i = 0; i < 50; i++) {
    last = await sw.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      if (tab?.id === undefined) return undefined;
      try {
        return await chrome.tabs.sendMessage(tab.id, { type: 'zc:getState' });
      } catch {
        return undefined;
      }
    }, url);
    if (last) return last as PageState;
    await page.waitForTimeout(100);
  }
  throw new Error(`no content script state for ${url}`);
}

/**
 * All text of an extension page (hidden parts and <option>s too), without what is data rather than UI
 * text: the rule id / regulation cited per finding, the page's own field labels and ids, the site list.
 */
async function uiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll('.src, #fields, #sites')) el.remove();
    return `${document.title}\n${body.textContent ?? ''}`;
  });
}

async function overlayMessages(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const host = document.querySelector('zaitaku-check-overlay');
    return [...(host?.shadowRoot?.querySelectorAll('.msg') ?? [])].map((m) => m.textContent ?? '');
  });
}

let opened = 0;
async function open(name: string): Promise<Page> {
  const page = await context.newPage();
  // a unique query per page, so the service worker can tell tabs apart by URL
  await page.goto(`${origin}/${name}?page=${++opened}`);
  // registered content script runs at document_idle
  await page.waitForFunction(() => document.querySelector('zaitaku-check-overlay') !== null, null, { timeout: 10_000 });
  return page;
}

const dialog = (page: Page) => page.locator('zaitaku-check-overlay .dialog');
const send = (page: Page) => page.locator('zaitaku-check-overlay [data-action=send]').click();
const fix = (page: Page) => page.locator('zaitaku-check-overlay [data-action=fix]').click();
/** paths of the POSTs since `count`, after a pause long enough for a second, unwanted one */
async function sentSince(page: Page, count: number): Promise<string[]> {
  await page.waitForTimeout(300);
  return submissions.slice(count).map((s) => s.path);
}
/** Runs `act` and expects one POST to `/submit?form=<form>` that navigates the page, with no dialog on the way. */
async function expectSentOnce(page: Page, form: string, act: () => Promise<unknown>): Promise<void> {
  const count = submissions.length;
  await act();
  await page.waitForURL(new RegExp(`form=${form}$`));
  expect(await sentSince(page, count)).toEqual([`/submit?form=${form}`]);
}
/** Sends the fixture page's site search form by its button or by Enter in its box. */
async function search(page: Page, how: 'click' | 'enter'): Promise<void> {
  await page.fill('input[name=q]', '在宅利用');
  if (how === 'click') await page.click('#search button');
  else await page.locator('input[name=q]').press('Enter');
}

type Rect = { left: number; top: number; right: number; bottom: number };
const intersects = (a: Rect, b: Rect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Viewport rectangles of the shown in-place messages and of every control of the page. */
async function layout(page: Page): Promise<{ messages: (Rect & { text: string })[]; controls: (Rect & { name: string })[]; folded: number; marks: number }> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const root = document.querySelector('zaitaku-check-overlay')!.shadowRoot!;
    const messages = [...root.querySelectorAll<HTMLElement>('.msg')].filter((m) => !m.hidden).map((m) => ({ ...box(m), text: m.textContent ?? '' }));
    const name = (c: Element) => c.getAttribute('name') ?? `${c.tagName} ${c.textContent?.trim().slice(0, 10) ?? ''}`;
    const controls = [...document.querySelectorAll('input:not([type=hidden]), textarea, select, button, [role=radio], [role=checkbox]')].map((c) => ({ ...box(c), name: name(c) }));
    // a label is where its text and boxes are (not the empty rest of a block label's line)
    for (const l of document.querySelectorAll('label')) {
      const range = document.createRange();
      range.selectNodeContents(l);
      for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) controls.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, name: name(l) });
    }
    return { messages, controls, folded: root.querySelectorAll('.mark.folded').length, marks: root.querySelectorAll('.mark').length };
  });
}

async function tabOf(page: Page): Promise<chrome.tabs.Tab> {
  const tab = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0], page.url());
  if (!tab?.id) throw new Error(`no tab for ${page.url()}`);
  return tab;
}

describe('extension on a paper-style table form (神戸市 申立書, th/td, checkbox group)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('kobe-application.html');
  });

  it('detects the form and finds every field by its table header', async () => {
    const s = await stateOf(page);
    expect(s.formId).toBe('kobe-application');
    expect(s.detectedFormId).toBe('kobe-application');
    const ids = s.fields.map((f) => f.id).sort();
    expect(ids).toEqual(['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item7', 'providerAddress', 'providerName', 'providerNo', 'service', 'submittedOn', 'userAddress', 'userName'].sort());
  });

  it('marks bad values in place without touching the page markup', async () => {
    const before = await page.evaluate(() => document.body.innerHTML);
    await page.fill('input[name=f4]', '２８１２３');
    await page.fill('input[name=f1]', '令和8年2月30日');
    await page.check('input[name=f6][value="1"]');
    await page.check('input[name=f6][value="3"]');
    await page.fill('textarea[name=q2]', '特になし');
    await page.locator('textarea[name=q3]').focus();
    await expect.poll(() => overlayMessages(page)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('10桁'),
        expect.stringContaining('実在しない日付'),
        expect.stringContaining('1つだけ'),
        expect.stringContaining('特になし'),
      ]),
    );
    // the page's own DOM is unchanged apart from the values typed (the layer lives outside <body>)
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    await page.screenshot({ path: join(DOCS, 'extension-marks-table.png'), fullPage: true });
  });

  it('places messages where they cover no other field; a message with no free place folds into a badge until its field is focused', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect.poll(async () => (await layout(page)).folded).toBeGreaterThan(0);
    const { messages, controls, folded, marks } = await layout(page);
    // every marked field shows its message or a folded badge
    expect(messages.length + folded).toBe(marks);
    expect(marks).toBeGreaterThanOrEqual(4);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const m of messages) {
      for (const c of controls) expect(intersects(m, c), `「${m.text.slice(0, 20)}」 covers ${c.name}`).toBe(false);
      for (const o of messages) if (o !== m) expect(intersects(m, o)).toBe(false);
    }
    // the 年月日 box has room on its right: its message sits there, level with the field
    const f1 = controls.find((c) => c.name === 'f1')!;
    const m1 = messages.find((m) => m.text.includes('実在しない日付'))!;
    expect(m1.left).toBeGreaterThanOrEqual(f1.right);
    expect(Math.abs(m1.top - f1.top)).toBeLessThan(2);
    // the 申し立て事項2 textarea sits between two others: its message shows only while it has the focus
    expect(messages.some((m) => m.text.includes('特になし'))).toBe(false);
    await page.locator('textarea[name=q2]').focus();
    await expect.poll(async () => (await layout(page)).messages.some((m) => m.text.includes('特になし'))).toBe(true);
    // opened on focus it still covers no other field (it used to drop below, over 申し立て事項3)
    const focused = await layout(page);
    const q2 = focused.messages.find((m) => m.text.includes('特になし'))!;
    for (const c of focused.controls) if (c.name !== 'q2') expect(intersects(q2, c), `「${q2.text.slice(0, 20)}」 covers ${c.name}`).toBe(false);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('stops submission with errors, and 「このまま送信」 sends anyway', async () => {
    const count = submissions.length;
    await page.click('button[type=submit]');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    const text = await dialog(page).innerText();
    expect(text).toContain('送信前に確認してください');
    expect(text).toContain('事業所番号');
    await page.screenshot({ path: join(DOCS, 'extension-dialog.png') });
    expect(submissions.length).toBe(count);
    // 「修正する」 goes to the first problem field
    await fix(page);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('f1');
    expect(submissions.length).toBe(count);
    await page.click('button[type=submit]');
    await send(page);
    await page.waitForURL(/\/submit$/);
    expect(submissions.length).toBe(count + 1);
    expect(submissions.at(-1)!.body).toContain('f4=');
  });

  it('sends a valid form without a dialog', async () => {
    const p = await open('kobe-application.html');
    await p.fill('input[name=f1]', '令和8年11月1日');
    await p.fill('input[name=f2]', '神戸市中央区加納町6-5-1');
    await p.fill('input[name=f3]', '株式会社みなとワークス');
    await p.fill('input[name=f4]', '2812345678');
    await p.fill('input[name=f5]', '山田 太郎');
    await p.check('input[name=f6][value="3"]');
    await p.fill('input[name=f7]', '神戸市北区鈴蘭台西町1-1');
    const items = [
      'データ入力・検品作業のメニューを常に10種類以上用意し、毎朝選べるようにしています。',
      '始業時と終業時の1日2回、電話とチャットで連絡・助言を行い、毎日日報を作成します。',
      '緊急連絡網を整備し、職員が30分以内に自宅へ駆け付けられる体制を確保しています。',
      '作業中の疑問にはチャットで随時回答し、必要に応じて職員が訪問して支援します。',
      '毎週1回、職員が自宅を訪問するか利用者が通所して、1週間の作業を評価します。',
      '毎月1回は利用者が事業所に通所し、訓練目標に対する達成度の評価を行います。',
      '運営規程第8条に在宅で実施する訓練及び支援内容を明記しています。',
    ];
    for (const [i, t] of items.entries()) await p.fill(`textarea[name=q${i + 1}]`, t);
    await p.locator('input[name=f1]').focus();
    await expect.poll(async () => (await stateOf(p)).summary.errors).toBe(0);
    const count = submissions.length;
    await p.click('button[type=submit]');
    await p.waitForURL(/\/submit$/);
    expect(submissions.length).toBe(count + 1);
    await p.close();
  });
});

describe('extension on a LoGoフォーム-like SPA (generated ids, div labels, radio group, fetch)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('fukuoka-assessment.html');
  });

  it('detects the form after it renders and finds fields by aria, preceding text and placeholder', async () => {
    await expect.poll(async () => (await stateOf(page)).fields.length).toBe(15);
    const s = await stateOf(page);
    expect(s.formId).toBe('fukuoka-assessment');
    expect(s.pack).toBe('fukuoka');
    expect(new Set(s.fields.map((f) => f.id))).toEqual(new Set(['submittedOn', 'providerNo', 'providerName', 'userName', 'service', 'startDate', 'reason', 'assessLife', 'assessWork', 'assessEnv', 'effect', 'emergency', 'arrivalMinutes', 'planIncludesHome', 'consent']));
  });

  async function fillValid(p: Page, start: string, minutes: string): Promise<void> {
    const area = p.locator('textarea');
    await p.locator('input[type=date]').nth(0).fill('2026-08-01');
    await p.locator('input[type=text]').nth(0).fill('4012345678');
    await p.locator('input[type=text]').nth(1).fill('ふくおか就労支援センター');
    await p.locator('input[type=text]').nth(2).fill('博多 花子');
    await p.getByLabel('就労継続支援B型').check();
    await p.locator('input[type=date]').nth(1).fill(start);
    const texts = ['在宅勤務での就職を目指しており、通勤の負担を減らしたいため。', '起床・食事・服薬が自立しており、生活リズムが安定している。', 'パソコンでのデータ入力を1日4時間、集中して継続できる。', '自室に作業机と回線があり、家族の協力も得られている。', '在宅勤務を想定した練習により、就職後の定着が見込める。', '体調急変時は職員が自宅へ向かい、家族と主治医にも連絡する。'];
    for (const [i, t] of texts.entries()) await area.nth(i).fill(t);
    await p.getByPlaceholder('緊急時の駆けつけ所要時間（分）').fill(minutes);
    await p.getByLabel('あり', { exact: true }).check();
    await p.getByLabel(/利用者の同意を得た/).check();
    await p.locator('textarea').nth(0).focus();
  }

  it('blocks the SPA send button on errors and shows Fukuoka-specific messages', async () => {
    await fillValid(page, '2026-08-10', '９０分');
    await expect.poll(() => overlayMessages(page)).toEqual(expect.arrayContaining([expect.stringContaining('1か月'), expect.stringContaining('90分')]));
    const count = submissions.length;
    await page.click('.lgf-submit');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await page.screenshot({ path: join(DOCS, 'extension-dialog-spa.png') });
    await page.waitForTimeout(300);
    expect(submissions.length).toBe(count);
    await send(page);
    await expect.poll(() => submissions.length).toBe(count + 1);
    expect(submissions.at(-1)!.body).toContain('4012345678');
  });

  it('lets a valid SPA form send without a dialog', async () => {
    const p = await open('fukuoka-assessment.html');
    await expect.poll(async () => (await stateOf(p)).fields.length).toBe(15);
    await fillValid(p, '2026-09-15', '30');
    await expect.poll(async () => (await stateOf(p)).findings.filter((f) => f.severity === 'error' && f.outcome === 'violation').map((f) => f.message.ja)).toEqual([]);
    const count = submissions.length;
    await p.click('.lgf-submit');
    await expect.poll(() => submissions.length).toBe(count + 1);
    expect(await dialog(p).count()).toBe(0);
    await p.close();
  });
});

describe('extension on a plain label[for] form (東大阪市 申立書, select, radios, dl)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('higashiosaka-application.html');
  });

  it('finds label[for], legend radio groups, dt/dd and the consent checkbox', async () => {
    const s = await stateOf(page);
    expect(s.formId).toBe('higashiosaka-application');
    expect(new Set(s.fields.map((f) => f.id))).toEqual(new Set(['submittedOn', 'userName', 'recipientNo', 'service', 'reason', 'purpose', 'periodType', 'periodFrom', 'periodTo', 'consultation', 'consent']));
  });

  it('flags a temporary period over 3 months, no 相談支援 and 就労移行支援, and the side panel lists them', async () => {
    await page.fill('#d', '2026-08-01');
    await page.fill('#n', '東 一郎');
    await page.fill('#r', '123456789');
    await page.selectOption('#s', 'transition');
    await page.fill('#why', '精神症状の増悪により一時的に通所が難しく、在宅で作業を続けたいため。');
    await page.check('#p2');
    await page.check('#t2');
    await page.fill('input[name=from]', '2026-09-01');
    await page.fill('input[name=to]', '2027-01-31');
    await page.check('#c2');
    await page.locator('#d').focus();
    await expect.poll(async () => (await stateOf(page)).findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['recipient-number', 'required', 'higashiosaka-application/service', 'higashiosaka-application/consultation', 'higashiosaka-application/period']),
    );
    // side panel (opened as a page for this tab) lists the problems; a click focuses the field
    const s = await stateOf(page);
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, page.url());
    const extId = new URL(worker.url()).host;
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 380, height: 900 });
    await panel.goto(`chrome-extension://${extId}/sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.locator('#findings li').count()).toBe(s.findings.length);
    expect(await panel.locator('#form').inputValue()).toBe('higashiosaka-application');
    expect(await panel.locator('#summary').innerText()).toBe(`エラー ${s.summary.errors}件・注意 ${s.summary.warnings}件・要確認 ${s.summary.incomplete}件`);
    // one language (the browser's, ja-JP here): Japanese, and no English word of ours
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await panel.locator('h1').innerText()).toBe('在宅利用チェック');
    expect(await panel.locator('#findings li').first().innerText()).toContain(s.findings[0]!.message.ja);
    expect(await uiText(panel)).not.toMatch(/[A-Za-z]{3,}/);
    await panel.screenshot({ path: join(DOCS, 'extension-sidepanel.png') });
    await panel.locator('#findings li', { hasText: '受給者証番号' }).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('r');
    await panel.close();
    await page.screenshot({ path: join(DOCS, 'extension-marks-label.png'), fullPage: true });
  });

  it('does not block when blocking is turned off in the options', async () => {
    const count = submissions.length;
    await worker.evaluate(() => chrome.storage.local.set({ blocking: false }));
    await expect.poll(async () => (await stateOf(page)).blocking).toBe(false);
    await page.click('input[type=submit]');
    await page.waitForURL(/\/submit$/);
    expect(submissions.length).toBe(count + 1);
    await worker.evaluate(() => chrome.storage.local.set({ blocking: true }));
  });
});

describe('extension on other pages', () => {
  it('checks the common fields of an unknown page (generic profile) and lets the user pick the form', async () => {
    const page = await open('generic.html');
    const s = await stateOf(page);
    expect(s.formId).toBe('generic');
    expect(new Set(s.fields.map((f) => f.id))).toEqual(new Set(['providerNo', 'recipientNo.0', 'date.0', 'service']));
    await page.fill('input[name=a1]', '28-1234');
    await page.fill('input[name=a2]', '１２３４５６７８９０');
    await page.fill('input[name=a3]', '令和8年13月1日');
    await page.locator('input[name=a1]').focus();
    await expect.poll(async () => (await stateOf(page)).findings.map((f) => f.ruleId).sort()).toEqual(['date-valid', 'provider-number']);
    // override the detection, as the side panel does
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, page.url());
    const over = (await worker.evaluate(([id]) => chrome.tabs.sendMessage(id!, { type: 'zc:setForm', formId: 'kobe-application' }), [tabId])) as PageState;
    expect(over.formId).toBe('kobe-application');
    expect(over.overridden).toBe(true);
    expect(over.detectedFormId).toBe('generic');
    const back = (await worker.evaluate(([id]) => chrome.tabs.sendMessage(id!, { type: 'zc:setForm', formId: null }), [tabId])) as PageState;
    expect(back.formId).toBe('generic');
    expect(back.overridden).toBe(false);
    await page.close();
  });

  it('remembers the chosen form and pack for the page across a reload, until 「自動判定に戻す」', async () => {
    const page = await open('generic.html');
    const tab = await tabOf(page);
    await worker.evaluate(([id]) => chrome.tabs.sendMessage(id!, { type: 'zc:setPack', pack: 'nishio' }), [tab.id]);
    await worker.evaluate(([id]) => chrome.tabs.sendMessage(id!, { type: 'zc:setForm', formId: 'evaluation-sheet' }), [tab.id]);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('zaitaku-check-overlay') !== null);
    let s = await stateOf(page);
    expect(s.formId).toBe('evaluation-sheet');
    expect(s.overridden).toBe(true);
    expect(s.detectedFormId).toBe('generic');
    expect(s.pack).toBe('nishio');
    // the same page with another query string is the same form page
    const other = await open('generic.html');
    expect((await stateOf(other)).formId).toBe('evaluation-sheet');
    await other.close();
    // the side panel offers the way back to the detected form
    const extId = new URL(worker.url()).host;
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extId}/sidepanel.html?tab=${tab.id}`);
    await expect.poll(() => panel.locator('#auto-form').isVisible()).toBe(true);
    expect(await panel.locator('#detected').innerText()).toContain('手動で選択中');
    await panel.locator('#auto-form').click();
    await expect.poll(() => panel.locator('#auto-form').isVisible()).toBe(false);
    expect(await panel.locator('#form').inputValue()).toBe('generic');
    await panel.selectOption('#pack', 'national');
    await expect.poll(async () => (await stateOf(page)).pack).toBe('national');
    await panel.close();
    await page.reload();
    await page.waitForFunction(() => document.querySelector('zaitaku-check-overlay') !== null);
    s = await stateOf(page);
    expect(s.formId).toBe('generic');
    expect(s.overridden).toBe(false);
    expect(s.pack).toBe('national');
    expect(await worker.evaluate(() => chrome.storage.local.get('pageOverrides'))).toEqual({ pageOverrides: {} });
    await page.close();
  });

  it('guards Enter in a form-less SPA that sends on Enter, like a click on its send button', async () => {
    const page = await open('spa-enter.html');
    expect((await stateOf(page)).fields.map((f) => f.id).sort()).toEqual(['date.0', 'providerNo', 'recipientNo.0']);
    await page.fill('#x1', '28-1234');
    await page.fill('#x2', '2800000001');
    await page.fill('#x3', '令和8年10月1日');
    const count = submissions.length;
    await page.locator('#x3').press('Enter');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await dialog(page).innerText()).toContain('事業所番号');
    await page.waitForTimeout(300);
    expect(submissions.length).toBe(count);
    // neither the keydown nor the keyup of the stopped Enter reached the page
    expect(await page.evaluate(() => document.body.dataset.keyups)).toBeUndefined();
    await fix(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('x1');
    // Enter that confirms an IME conversion is not a send
    await page.evaluate(() => document.querySelector('#x1')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true })));
    expect(await dialog(page).count()).toBe(0);
    // 「このまま送信」 replays the Enter: the page sends once
    await page.locator('#x2').press('Enter');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await send(page);
    await expect.poll(() => submissions.length).toBe(count + 1);
    expect(JSON.parse(submissions.at(-1)!.body)).toEqual({ x1: '28-1234', x2: '2800000001', x3: '令和8年10月1日' });
    // Enter in the site search box (not a checked field) is the page's own business
    await page.fill('#site-q', '在宅');
    await page.locator('#site-q').press('Enter');
    expect(await page.evaluate(() => document.body.dataset.searched)).toBe('在宅');
    expect(await dialog(page).count()).toBe(0);
    // with the error fixed Enter sends straight away
    await page.fill('#x1', '2812345678');
    await page.locator('#x1').press('Enter');
    await expect.poll(() => submissions.length).toBe(count + 2);
    expect(await dialog(page).count()).toBe(0);
    await page.waitForTimeout(200);
    expect(submissions.length).toBe(count + 2);
    await page.close();
  });

  it('maps repeating table rows of the 東大阪市 monthly list to users.<row>.<field>', async () => {
    const page = await open('higashiosaka-monthly-list.html');
    const s = await stateOf(page);
    expect(s.formId).toBe('higashiosaka-monthly-list');
    expect(s.fields.map((f) => f.id)).toEqual(['targetMonth', 'submittedOn', 'providerNo', 'providerName', 'users.0.name', 'users.0.recipientNo', 'users.0.homeDays', 'users.0.commuteDays', 'users.1.name', 'users.1.recipientNo', 'users.1.homeDays', 'users.1.commuteDays']);
    const errors = s.findings.filter((f) => f.outcome === 'violation' && f.severity === 'error').map((f) => f.ruleId).sort();
    expect(errors).toEqual(['higashiosaka-monthly-list/day-cap', 'higashiosaka-monthly-list/deadline']);
    const count = submissions.length;
    await page.click('button');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    // the untouched fields with errors are marked once a send was attempted
    expect((await overlayMessages(page)).join(' ')).toContain('翌月15日');
    expect(submissions.length).toBe(count);
    await page.close();
  });
});

describe('submit guard on forms with page scripts, drafts and other forms on the page', () => {
  async function openHandler(providerNo: string): Promise<Page> {
    const page = await open('form-handler.html');
    // the search and login forms hold none of the mapped fields
    expect((await stateOf(page)).fields.map((f) => f.id).sort()).toEqual(['date.0', 'providerNo', 'recipientNo.0']);
    await page.fill('input[name=p1]', providerNo);
    await page.fill('input[name=p2]', '2800000001');
    await page.fill('input[name=p3]', '令和8年10月1日');
    return page;
  }

  it('stops a send button whose page handler calls form.submit(); 「このまま送信」 runs the handler and sends once', async () => {
    const page = await openHandler('28-1234');
    const count = submissions.length;
    await page.click('#send');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await dialog(page).innerText()).toContain('事業所番号');
    expect(await sentSince(page, count)).toEqual([]);
    // the page's handler did not run either
    expect(await page.evaluate(() => document.body.dataset.sendClicks)).toBeUndefined();
    await send(page);
    await page.waitForURL(/form=main$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=main']);
    expect(submissions.at(-1)!.body).toContain('p1=28-1234');
    await page.close();
  });

  it('lets the same send button through at once when there is no error', async () => {
    const page = await openHandler('2812345678');
    await expect.poll(async () => (await stateOf(page)).summary.errors).toBe(0);
    const count = submissions.length;
    await page.click('#send');
    await page.waitForURL(/form=main$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=main']);
    await page.close();
  });

  it('stops Enter in a box of the form (its default button sends by page script); 「このまま送信」 sends once', async () => {
    const page = await openHandler('28-1234');
    const count = submissions.length;
    // Enter that confirms an IME conversion is not a send
    await page.evaluate(() => document.querySelector('input[name=p3]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true })));
    expect(await dialog(page).count()).toBe(0);
    await page.locator('input[name=p3]').press('Enter');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await sentSince(page, count)).toEqual([]);
    expect(await page.evaluate(() => document.body.dataset.sendClicks)).toBeUndefined();
    await send(page);
    await page.waitForURL(/form=main$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=main']);
    await page.close();
  });

  it('lets 一時保存 (a formaction submit button of the same form) save without a dialog', async () => {
    const page = await openHandler('28-1234');
    await expect.poll(async () => (await stateOf(page)).summary.errors).toBeGreaterThan(0);
    const count = submissions.length;
    await page.click('#draft');
    await page.waitForURL(/op=draft$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=main&op=draft']);
    await page.close();
  });

  it('lets a separate search form (button and Enter) and a login form on the page submit without a dialog', async () => {
    for (const how of ['click', 'enter', 'login'] as const) {
      const page = await openHandler('28-1234');
      await expect.poll(async () => (await stateOf(page)).summary.errors).toBeGreaterThan(0);
      if (how === 'login') {
        await page.fill('input[name=uid]', 'user1');
        await page.fill('input[name=pw]', 'secret');
        await expectSentOnce(page, 'login', () => page.click('#login button'));
      } else {
        await expectSentOnce(page, 'search', () => search(page, how));
      }
      await page.close();
    }
  });

  it('stops Enter in a plain form and 「このまま送信」 submits it once (no page script)', async () => {
    const page = await open('generic.html');
    await page.fill('input[name=a1]', '28-1234');
    const count = submissions.length;
    await page.locator('input[name=a1]').press('Enter');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await sentSince(page, count)).toEqual([]);
    await send(page);
    await page.waitForURL(/\/submit$/);
    expect(await sentSince(page, count)).toEqual(['/submit']);
    expect(submissions.at(-1)!.body).toContain('a1=28-1234');
    await page.close();
  });

  it('stops Enter where the page itself sends on keydown with form.submit(); 「このまま送信」 replays it once', async () => {
    const page = await open('form-script.html');
    await page.fill('input[name=s1]', '28-1234');
    await page.fill('input[name=s2]', '2800000001');
    const count = submissions.length;
    await page.locator('input[name=s2]').press('Enter');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await sentSince(page, count)).toEqual([]);
    await send(page);
    await page.waitForURL(/form=script$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=script']);
    await page.close();
  });

  it('a button whose page code calls requestSubmit() later shows the dialog once; 「このまま送信」 sends once', async () => {
    const page = await open('form-script.html');
    await page.fill('input[name=s1]', '28-1234');
    const count = submissions.length;
    await page.click('#send');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await sentSince(page, count)).toEqual([]);
    expect(await page.evaluate(() => document.body.dataset.submits)).toBeUndefined();
    await send(page);
    // the late submit event belongs to the same attempt: no second dialog
    await page.waitForURL(/form=script$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=script']);
    await page.close();
  });
});

describe('submit guard: which buttons send, forms split from their boxes, the page\'s own confirm step', () => {
  const data = (page: Page, key: string) => page.evaluate((k) => document.body.dataset[k], key);
  /** opens a fixture with p1/p2/p3 filled; 事業所番号 `providerNo` is an error unless it has 10 digits */
  async function openFilled(name: string, providerNo = '28-1234'): Promise<Page> {
    const page = await open(name);
    await page.fill('input[name=p1]', providerNo);
    await page.fill('input[name=p2]', '2800000001');
    await page.fill('input[name=p3]', '令和8年10月1日');
    await expect.poll(async () => (await stateOf(page)).summary.errors > 0).toBe(providerNo.length !== 10);
    return page;
  }

  it('stops the send button of a form that holds only hidden inputs while the checked boxes sit outside any form; 「このまま送信」 sends once', async () => {
    const page = await openFilled('form-split.html');
    // the search form's box is not a checked field
    expect((await stateOf(page)).fields.map((f) => f.id).sort()).toEqual(['date.0', 'providerNo', 'recipientNo.0']);
    const count = submissions.length;
    await page.click('#send');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await dialog(page).innerText()).toContain('事業所番号');
    expect(await sentSince(page, count)).toEqual([]);
    await send(page);
    await page.waitForURL(/form=split$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=split']);
    // the page's submit handler ran once, on the one real send
    expect(new URLSearchParams(submissions.at(-1)!.body).get('payload')).toBe('28-1234|2800000001|令和8年10月1日');
    await page.close();
  });

  it('on that page, sends at once without errors, and never stops its search form (button or Enter) or logout form', async () => {
    for (const how of ['valid', 'search', 'search-enter', 'logout'] as const) {
      const page = await openFilled('form-split.html', how === 'valid' ? '2812345678' : '28-1234');
      if (how === 'valid') await expectSentOnce(page, 'split', () => page.click('#send'));
      else if (how === 'logout') await expectSentOnce(page, 'logout', () => page.click('#logout button'));
      else await expectSentOnce(page, 'search', () => search(page, how === 'search' ? 'click' : 'enter'));
      await page.close();
    }
  });

  it('lets 住所検索 and 「＋」 (buttons without a type) run the page\'s handler, and Enter that the page uses to move to the next box; 送信する still stops', async () => {
    const page = await openFilled('form-zip-lookup.html');
    const count = submissions.length;
    await page.fill('input[name=zip]', '6500001');
    await page.click('#zip');
    expect(await data(page, 'zip')).toBe('1');
    expect(await page.inputValue('input[name=addr]')).toBe('神戸市中央区');
    await page.click('#plus');
    expect(await data(page, 'plus')).toBe('1');
    expect(await dialog(page).count()).toBe(0);
    // Enter would click the form's first submit button, 住所検索, which does not send
    await page.locator('input[name=p1]').press('Enter');
    expect(await data(page, 'moved')).toBe('1');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('p2');
    expect(await dialog(page).count()).toBe(0);
    expect(await sentSince(page, count)).toEqual([]);
    await page.click('#send');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await sentSince(page, count)).toEqual([]);
    await send(page);
    await page.waitForURL(/form=main$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=main']);
    await page.close();
  });

  it('takes a form\'s one submit button left after 住所検索 and 「＋」 (確認画面へ進む) for its send button; Enter on the default 住所検索 does not stop', async () => {
    const page = await openFilled('form-next-step.html');
    const count = submissions.length;
    await page.click('#zip');
    await page.click('#plus');
    expect([await data(page, 'zip'), await data(page, 'plus')]).toEqual(['1', '1']);
    // no page key handler: the browser clicks 住所検索, whose handler sends nothing
    await page.locator('input[name=p3]').press('Enter');
    expect(await data(page, 'zip')).toBe('2');
    expect(await dialog(page).count()).toBe(0);
    expect(await sentSince(page, count)).toEqual([]);
    await page.click('#next');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await sentSince(page, count)).toEqual([]);
    await send(page);
    await page.waitForURL(/form=step$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=step']);
    await page.close();
  });

  it('stops submit buttons that say send beside 追加, 削除 or back (追加申請を提出, 削除届を送信, Feedback送信), clicked or passed to requestSubmit()', async () => {
    const page = await openFilled('form-button-words.html');
    const count = submissions.length;
    for (const id of ['add', 'del', 'feedback']) {
      await page.click(`#${id}`);
      await expect.poll(() => dialog(page).isVisible()).toBe(true);
      await fix(page);
      expect(await dialog(page).count()).toBe(0);
      // page code sending with the same submitter: only the submit event
      await page.evaluate((i) => (document.getElementById('main') as HTMLFormElement).requestSubmit(document.getElementById(i)), id);
      await expect.poll(() => dialog(page).isVisible()).toBe(true);
      await fix(page);
    }
    expect(await sentSince(page, count)).toEqual([]);
    // 「このまま送信」 sends with the button that was clicked
    await page.click('#del');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await send(page);
    await page.waitForURL(/op=del$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=words&op=del']);
    await page.close();
  });

  it('lets 申請内容を一時保存 (a draft, though it says 申請), 戻る and 申請をキャンセル through, clicked or passed to requestSubmit()', async () => {
    for (const [id, how] of [['draft', 'click'], ['back', 'click'], ['cancel', 'click'], ['draft', 'requestSubmit'], ['back', 'requestSubmit'], ['cancel', 'requestSubmit']] as const) {
      const page = await openFilled('form-button-words.html');
      const count = submissions.length;
      if (how === 'click') await page.click(`#${id}`);
      else await page.evaluate((i) => (document.getElementById('main') as HTMLFormElement).requestSubmit(document.getElementById(i)), id);
      await page.waitForURL(new RegExp(`op=${id}$`));
      expect(await sentSince(page, count)).toEqual([`/submit?form=words&op=${id}`]);
      await page.close();
    }
  });

  it('after 「このまま送信」, the page\'s own 「送信してよろしいですか？」 answered seconds later sends once without a second dialog', async () => {
    const page = await openFilled('form-confirm-modal.html');
    const count = submissions.length;
    await page.click('#send');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await page.isVisible('#modal')).toBe(false);
    await send(page);
    expect(await page.isVisible('#modal')).toBe(true);
    // the user reads the page's question first (longer than the old 2-second allowance)
    await page.waitForTimeout(2500);
    await page.click('#yes');
    await page.waitForURL(/form=confirm$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=confirm']);
    await page.close();
  });

  it('an edit of a checked field after 「このまま送信」 ends that choice: the page\'s confirm step stops again', async () => {
    const page = await openFilled('form-confirm-modal.html');
    const count = submissions.length;
    await page.click('#send');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await send(page);
    expect(await page.isVisible('#modal')).toBe(true);
    await page.fill('input[name=p1]', '28-123');
    await page.click('#yes');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await sentSince(page, count)).toEqual([]);
    await send(page);
    await page.waitForURL(/form=confirm$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=confirm']);
    expect(submissions.at(-1)!.body).toContain('p1=28-123&');
    await page.close();
  });
});

describe('real form platforms (fixtures modelled on e-KOBE, Graffer スマート申請, e-Tumo, あいち電子申請)', () => {
  const msgs = (page: Page, text: string) => page.evaluate((t) => [...document.querySelector('zaitaku-check-overlay')!.shadowRoot!.querySelectorAll('.msg')].filter((m) => m.textContent?.includes(t)).length, text);
  const KOBE_TEXTS = [
    'データ入力・検品作業のメニューを常に10種類以上用意し、毎朝選べるようにしています。',
    '始業時と終業時の1日2回、電話とチャットで連絡・助言を行い、毎日日報を作成します。',
    '緊急連絡網を整備し、職員が30分以内に自宅へ駆け付けられる体制を確保しています。',
    '作業中の疑問にはチャットで随時回答し、必要に応じて職員が訪問して支援します。',
    '毎週1回、職員が自宅を訪問するか利用者が通所して、1週間の作業を評価します。',
    '毎月1回は利用者が事業所に通所し、訓練目標に対する達成度の評価を行います。',
    '運営規程第8条に在宅で実施する訓練及び支援内容を明記しています。',
  ];

  it('a ticked box without a value attribute is a yes; both dates of a lead-time rule carry the mark and the message', async () => {
    const page = await open('fukuoka-notification-table.html');
    const s = await stateOf(page);
    expect(s.formId).toBe('fukuoka-notification');
    expect(s.fields.map((f) => f.id).sort()).toEqual(['category', 'endDate', 'operatingRules', 'providerName', 'providerNo', 'startDate', 'submittedOn']);
    await page.fill('input[name=a1]', '2026-11-20');
    await page.check('input[type=radio][value="3"]');
    await page.fill('input[name=a3]', '4012345678');
    await page.fill('input[name=a4]', 'ふくおか就労支援センター');
    await page.check('input[name=a5]');
    expect(await page.inputValue('input[name=a5]')).toBe('on');
    await page.fill('input[name=a6]', '2026-04-01');
    await page.fill('input[name=a7]', '2026-12-10');
    await page.locator('input[name=a1]').focus();
    await expect.poll(async () => (await stateOf(page)).findings.filter((f) => f.outcome === 'violation').map((f) => `${f.ruleId}@${f.locations.map((l) => l.field).join('+')}`)).toEqual(['fukuoka-notification/end@submittedOn+endDate']);
    // the message sits on 提出日 and on 終了日, the two values the user may change
    await expect.poll(() => msgs(page, '1か月前')).toBe(2);
    // with the end date a month later the form sends at once
    await page.fill('input[name=a7]', '2026-12-31');
    await expectSentOnce(page, 'notice', () => page.click('button[type=submit]'));
    expect(submissions.at(-1)!.body).toContain('a5=on');
    await page.close();
  });

  it('e-KOBE-like table: サービスの種類 is found from its own cell text (boxes with generated names), an empty one stops 確認画面へ進む', async () => {
    const page = await open('platform-ekobe-table.html');
    const s = await stateOf(page);
    expect(s.formId).toBe('kobe-application');
    expect(s.fields.map((f) => f.id).sort()).toEqual(['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item7', 'providerAddress', 'providerName', 'providerNo', 'service', 'submittedOn', 'userAddress', 'userName'].sort());
    // the browser's UI language (ja-JP here) decides the language of everything shown
    expect(s.lang).toBe('ja');
    await page.fill('input[name=item_001]', '令和8年11月1日');
    await page.fill('input[name=item_002]', '神戸市中央区加納町6-5-1');
    await page.fill('input[name=item_003]', '株式会社みなとワークス');
    await page.fill('input[name=item_004]', '2812345678');
    await page.fill('input[name=item_005]', '山田 太郎');
    await page.fill('input[name=item_007]', '神戸市北区鈴蘭台西町1-1');
    for (const [i, t] of KOBE_TEXTS.entries()) await page.fill(`textarea[name=item_01${i + 1}]`, t);
    const count = submissions.length;
    await page.click('input[value=確認画面へ進む]');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    const text = await dialog(page).innerText();
    expect(text).toContain('送信前に確認してください（1件のエラー）');
    expect(text).toContain('「サービスの種類」が選ばれていません');
    // one language: no English sentence or button in the Japanese dialog
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    expect(await page.locator('zaitaku-check-overlay [data-action=send]').innerText()).toBe('このまま送信');
    expect(await page.locator('zaitaku-check-overlay [data-action=fix]').innerText()).toBe('修正する');
    await fix(page);
    await page.check('input[name=item_006_3]');
    await expectSentOnce(page, 'ekobe', () => page.click('input[value=確認画面へ進む]'));
    expect(submissions.at(-1)!.body).toContain('item_006_3=on');
    await page.close();
  });

  it('e-KOBE-like table: a message opened on focus covers no other field (事業所番号 between 事業者名, 氏名 and the service options)', async () => {
    const page = await open('platform-ekobe-table.html');
    await page.fill('input[name=item_004]', '28-1234');
    await page.locator('input[name=item_004]').blur();
    // no free place beside, below or above: folded into the badge while the field is not focused
    await expect.poll(async () => (await layout(page)).folded).toBe(1);
    expect((await layout(page)).messages).toEqual([]);
    await page.locator('input[name=item_004]').focus();
    await expect.poll(async () => (await layout(page)).messages.length).toBe(1);
    const { messages, controls } = await layout(page);
    expect(messages[0]!.text).toContain('10桁');
    const own = controls.find((c) => c.name === 'item_004')!;
    for (const c of controls) if (c !== own) expect(intersects(messages[0]!, c), `the message covers ${c.name}`).toBe(false);
    expect(intersects(messages[0]!, own)).toBe(false);
    await page.screenshot({ path: join(DOCS, 'extension-marks-focus.png') });
    await page.close();
  });

  it('a page of boxes edge to edge: the focused message becomes a tooltip over its own field only', async () => {
    const page = await open('form-dense-grid.html');
    expect((await stateOf(page)).fields.map((f) => f.id)).toEqual(['providerNo']);
    await page.fill('input[name=pno]', '28-1234');
    await page.locator('input[name=pno]').blur();
    await expect.poll(async () => (await layout(page)).folded).toBe(1);
    await page.locator('input[name=pno]').focus();
    await expect.poll(async () => (await layout(page)).messages.length).toBe(1);
    const { messages, controls } = await layout(page);
    const own = controls.find((c) => c.name === 'pno')!;
    const m = messages[0]!;
    expect(m.text).toContain('10桁');
    for (const c of controls) if (c !== own) expect(intersects(m, c), `the tooltip covers ${c.name}`).toBe(false);
    expect(m.left).toBeGreaterThanOrEqual(own.left - 0.5);
    expect(m.right).toBeLessThanOrEqual(own.right + 0.5);
    await page.close();
  });

  it('Graffer-like steps: styled radios, a question title over two dates, titles above long descriptions, a ticked box without a value; both dates of the lead-time rule are marked; the final send lists every step\'s problems', async () => {
    const page = await open('platform-graffer-steps.html');
    await expect.poll(async () => (await stateOf(page)).fields.map((f) => f.id).sort()).toEqual(['category', 'providerName', 'providerNo']);
    expect((await stateOf(page)).formId).toBe('fukuoka-notification');
    await page.fill('[data-k=no]', '40-1234');
    await page.fill('[data-k=name]', 'ふくおか就労支援センター');
    await page.click('[role=radio][data-v=終了]');
    await expect.poll(async () => (await stateOf(page)).findings.filter((f) => f.locations[0]?.field === 'category')).toEqual([]);
    await page.click('#next');
    await expect.poll(async () => (await stateOf(page)).fields.map((f) => f.id).sort()).toEqual(['category', 'endDate', 'operatingRules', 'providerName', 'providerNo', 'startDate', 'submittedOn']);
    await page.fill('[data-k=sub]', '2026-11-20');
    await page.fill('[data-k=from]', '2026-04-01');
    await page.fill('[data-k=to]', '2026-12-10');
    await page.check('#c-rules');
    await page.locator('[data-k=sub]').focus();
    await expect.poll(async () => (await stateOf(page)).findings.filter((f) => f.outcome === 'violation').map((f) => `${f.ruleId}@${f.locations.map((l) => l.field).join('+')}`).sort()).toEqual(['fukuoka-notification/end@submittedOn+endDate', 'provider-number@providerNo']);
    // both dates the user may change carry the mark and the message
    await expect.poll(() => msgs(page, '1か月前')).toBe(2);
    await page.click('#next');
    await expect.poll(() => page.isVisible('#send')).toBe(true);
    const count = submissions.length;
    await page.click('#send');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    const text = await dialog(page).innerText();
    expect(text).toContain('送信前に確認してください（2件のエラー）');
    expect(text).toContain('「事業所番号」は10桁');
    expect(text).toContain('（前の画面の項目）');
    expect(text).toContain('1か月前までに届け出ます');
    expect(text).not.toContain('チェックがありません');
    await page.screenshot({ path: join(DOCS, 'extension-dialog-steps.png') });
    expect(await sentSince(page, count)).toEqual([]);
    await send(page);
    await expect.poll(() => submissions.length).toBe(count + 1);
    expect(submissions.at(-1)!.path).toBe('/submit?form=graffer');
    expect(JSON.parse(submissions.at(-1)!.body)).toMatchObject({ no: '40-1234', cat: '終了', rules: true });
    await page.close();
  });

  it('e-Tumo-like Shift_JIS page: th/td tables, 10 rows for users with 3 filled (no 未入力 for the spare rows), 確認へ進む and the confirm page\'s 申込む', async () => {
    const page = await open('platform-etumo-sjis.html');
    expect(await page.evaluate(() => document.characterSet)).toBe('Shift_JIS');
    const s = await stateOf(page);
    expect(s.formId).toBe('higashiosaka-monthly-list');
    expect(s.fields.length).toBe(4 + 10 * 4);
    expect(s.fields.map((f) => f.id)).toContain('users.9.commuteDays');
    expect(s.findings.filter((f) => f.locations.some((l) => /^users\.[3-9]\./.test(l.field ?? '')))).toEqual([]);
    await page.fill('input[name=F002]', '令和8年11月20日');
    const count = submissions.length;
    await page.click('input[value=確認へ進む]');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    const text = await dialog(page).innerText();
    expect(text).toContain('翌月15日');
    expect(text).not.toContain('未入力');
    await send(page);
    await page.waitForURL(/\/confirm\?form=etumo$/);
    await page.waitForFunction(() => document.querySelector('zaitaku-check-overlay') !== null);
    // the confirm page shows the values as text: they are read and checked again before 申込む
    const c = await stateOf(page);
    expect(c.formId).toBe('higashiosaka-monthly-list');
    expect(c.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['targetMonth', 'submittedOn', 'providerNo', 'providerName', 'users.0.name', 'users.2.commuteDays']));
    expect(c.findings.filter((f) => f.outcome === 'violation' && f.severity === 'error').map((f) => f.ruleId)).toEqual(['higashiosaka-monthly-list/deadline']);
    await page.click('input[value=申込む]');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await send(page);
    await page.waitForURL(/form=etumo$/);
    expect(await sentSince(page, count)).toEqual(['/submit?form=etumo']);
    const sent = new Map(sjisForm(submissions.at(-1)!.body));
    expect([sent.get('F002'), sent.get('T01_01_1'), sent.get('T01_10_1')]).toEqual(['令和8年11月20日', '東 一郎', '']);
    await page.close();
  });

  it('あいち-like portal: the form in a same-origin iframe is checked, keeps its mapping when the page re-renders, reads aria-pressed buttons, and its send is stopped', async () => {
    const page = await open('platform-aichi-frame.html');
    const frame = page.frameLocator('#proc');
    await expect.poll(async () => (await stateOf(page)).formId).toBe('fukuoka-notification');
    expect((await stateOf(page)).fields.map((f) => f.id).sort()).toEqual(['category', 'operatingRules', 'providerName', 'providerNo', 'startDate', 'submittedOn']);
    // the side panel's choices reach the frame with the form, and its answer is that frame's
    const tab = await tabOf(page);
    for (const pack of ['kobe', 'national']) {
      const st = (await worker.evaluate(([id, p]) => chrome.tabs.sendMessage(id as number, { type: 'zc:setPack', pack: p }), [tab.id, pack] as const)) as PageState;
      expect(st.formId).toBe('fukuoka-notification');
      expect(st.fields.length).toBe(6);
    }
    await frame.locator('input[name=sub]').fill('2026-11-20');
    await frame.locator('input[name=no]').fill('4012345678');
    await frame.locator('input[name=name]').fill('あいち就労支援センター');
    // a styled role=checkbox: ticking it changes only aria-checked; unticked it is a missing statement
    await frame.locator('input[name=name]').blur();
    await expect.poll(async () => (await stateOf(page)).findings.some((f) => f.ruleId === 'required' && f.locations[0]?.field === 'operatingRules')).toBe(true);
    await frame.locator('[role=checkbox]').click();
    await expect.poll(async () => (await stateOf(page)).findings.some((f) => f.locations[0]?.field === 'operatingRules')).toBe(false);
    // pressing 終了 re-renders the whole form: the new boxes are mapped again, 終了日 replaces 開始日
    await frame.locator('button[data-v=終了]').click();
    await expect.poll(async () => (await stateOf(page)).fields.map((f) => f.id).sort()).toEqual(['category', 'endDate', 'operatingRules', 'providerName', 'providerNo', 'submittedOn']);
    await frame.locator('input[name=end]').fill('2026-12-10');
    await frame.locator('input[name=sub]').focus();
    await expect.poll(async () => (await stateOf(page)).findings.filter((f) => f.outcome === 'violation').map((f) => f.ruleId)).toEqual(['fukuoka-notification/end']);
    const count = submissions.length;
    // the choice buttons are answers, not sends
    await frame.locator('button[data-v=終了]').click();
    expect(await frame.locator('zaitaku-check-overlay .dialog').count()).toBe(0);
    await frame.locator('button[type=submit]').click();
    await expect.poll(() => frame.locator('zaitaku-check-overlay .dialog').isVisible()).toBe(true);
    expect(await frame.locator('zaitaku-check-overlay .dialog').innerText()).toContain('1か月前');
    expect(await sentSince(page, count)).toEqual([]);
    await frame.locator('zaitaku-check-overlay [data-action=send]').click();
    await expect.poll(() => submissions.length).toBe(count + 1);
    expect(submissions.at(-1)!.path).toBe('/submit?form=aichi');
    expect(new URLSearchParams(submissions.at(-1)!.body).get('cat')).toBe('終了');
    expect(new URLSearchParams(submissions.at(-1)!.body).get('rules')).toBe('true');
    await page.close();
  });
});

describe('toolbar icon (activeTab + scripting)', () => {
  it('a click on a site that is not enabled injects the content script and the page gets checked', async () => {
    await worker.evaluate(() => (globalThis as unknown as { zaitakuCheck: { disableSite(p: string): Promise<string[]> } }).zaitakuCheck.disableSite('http://127.0.0.1/*'));
    try {
      expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
      const page = await context.newPage();
      await page.goto(`${origin}/kobe-application.html?page=${++opened}`);
      await page.waitForTimeout(500);
      expect(await page.locator('zaitaku-check-overlay').count()).toBe(0);
      const tab = await tabOf(page);
      const injected = await worker.evaluate((t) => (globalThis as unknown as { zaitakuCheck: { onActionClicked(t: chrome.tabs.Tab): Promise<boolean> } }).zaitakuCheck.onActionClicked(t), tab);
      expect(injected).toBe(true);
      await page.waitForFunction(() => document.querySelector('zaitaku-check-overlay') !== null);
      expect((await stateOf(page)).formId).toBe('kobe-application');
      await page.fill('input[name=f4]', '28123');
      await page.locator('input[name=f1]').focus();
      await expect.poll(() => overlayMessages(page)).toEqual([expect.stringContaining('10桁')]);
      // a second click does not start a second checker
      expect(await worker.evaluate((t) => (globalThis as unknown as { zaitakuCheck: { onActionClicked(t: chrome.tabs.Tab): Promise<boolean> } }).zaitakuCheck.onActionClicked(t), tab)).toBe(true);
      await page.waitForTimeout(200);
      expect(await page.locator('zaitaku-check-overlay').count()).toBe(1);
      await page.close();
    } finally {
      await worker.evaluate(() => (globalThis as unknown as { zaitakuCheck: { enableSite(p: string): Promise<string[]> } }).zaitakuCheck.enableSite('http://127.0.0.1/*'));
    }
  });

  it('a click on a page whose form is in a same-origin iframe checks the form in the iframe', async () => {
    await worker.evaluate(() => (globalThis as unknown as { zaitakuCheck: { disableSite(p: string): Promise<string[]> } }).zaitakuCheck.disableSite('http://127.0.0.1/*'));
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/platform-aichi-frame.html?page=${++opened}`);
      await page.frameLocator('#proc').locator('input[name=no]').waitFor();
      const tab = await tabOf(page);
      expect(await worker.evaluate((t) => (globalThis as unknown as { zaitakuCheck: { onActionClicked(t: chrome.tabs.Tab): Promise<boolean> } }).zaitakuCheck.onActionClicked(t), tab)).toBe(true);
      await expect.poll(() => page.frameLocator('#proc').locator('zaitaku-check-overlay').count()).toBe(1);
      await expect.poll(async () => (await stateOf(page)).formId).toBe('fukuoka-notification');
      await page.close();
    } finally {
      await worker.evaluate(() => (globalThis as unknown as { zaitakuCheck: { enableSite(p: string): Promise<string[]> } }).zaitakuCheck.enableSite('http://127.0.0.1/*'));
    }
  });

  it('a page Chrome does not let extensions script is refused quietly', async () => {
    const extId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extId}/options.html`);
    const tab = await tabOf(page);
    expect(await worker.evaluate((t) => (globalThis as unknown as { zaitakuCheck: { onActionClicked(t: chrome.tabs.Tab): Promise<boolean> } }).zaitakuCheck.onActionClicked(t), tab)).toBe(false);
    await page.close();
  });
});

describe('icons in the built extension', () => {
  it('every icon path of the built manifest exists with the pixel size it is listed under, and Chrome serves it', async () => {
    const m = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8')) as { icons: Record<string, string>; action: { default_icon: Record<string, string> } };
    const all = [...Object.entries(m.icons), ...Object.entries(m.action.default_icon)];
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const [size, path] of all) {
      expect(existsSync(join(EXT, path)), path).toBe(true);
      expect(pngSize(readFileSync(join(EXT, path)))).toEqual({ width: Number(size), height: Number(size) });
    }
    expect(await worker.evaluate(() => chrome.runtime.getManifest().icons)).toEqual(m.icons);
    const extId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extId}/${m.icons['128']}`);
    expect(await page.evaluate(() => document.images[0]?.naturalWidth)).toBe(128);
    await page.close();
  });
});

describe('options page', () => {
  it('shows the enabled site and saves the default pack and blocking', async () => {
    const extId = new URL(worker.url()).host;
    await worker.evaluate(() => chrome.storage.local.set({ pageOverrides: { 'https://logoform.jp/f/abc': { formId: 'fukuoka-assessment' } } }));
    const opt = await context.newPage();
    await opt.goto(`chrome-extension://${extId}/options.html`);
    await expect.poll(() => opt.locator('#sites li').count()).toBe(1);
    expect(await opt.locator('#override-count').innerText()).toBe('1');
    // one language (ja-JP here): Japanese, and no English word of ours
    expect(await opt.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await opt.locator('h1').innerText()).toBe('在宅利用チェック 設定');
    expect(await opt.locator('#site').getAttribute('aria-label')).toBe('サイトのURL');
    expect(await opt.locator('#pack option[value=kobe]').innerText()).toBe('神戸市');
    expect(await uiText(opt)).not.toMatch(/[A-Za-z]{3,}/);
    expect(await opt.locator('#sites li').innerText()).toContain('http://127.0.0.1/*');
    await opt.selectOption('#pack', 'nishio');
    await opt.locator('#blocking').uncheck();
    await expect.poll(() => worker.evaluate(() => chrome.storage.local.get(['defaultPack', 'blocking']))).toEqual({ defaultPack: 'nishio', blocking: false });
    await opt.locator('#site').fill('ftp://example.jp');
    await opt.locator('#add-site button').click();
    expect(await opt.locator('#site-error').innerText()).toBe('URLを読み取れません。例: https://logoform.jp');
    await opt.screenshot({ path: join(DOCS, 'extension-options.png') });
    await opt.locator('#clear-overrides').click();
    await expect.poll(() => opt.locator('#override-count').innerText()).toBe('0');
    expect(await worker.evaluate(() => chrome.storage.local.get('pageOverrides'))).toEqual({});
    await opt.locator('#blocking').check();
    await opt.selectOption('#pack', 'national');
    await opt.close();
  });
});

describe('privacy', () => {
  it('no request went to any host other than 127.0.0.1', () => {
    const web = requests.filter((u) => /^(https?|wss?):/.test(u));
    expect(web.length).toBeGreaterThan(0);
    for (const u of web) expect(new URL(u).hostname).toBe('127.0.0.1');
  });

  it('the release manifest asks for no host permission and sets a strict CSP', () => {
    const m = JSON.parse(readFileSync(join(ROOT, 'manifests/chrome/manifest.json'), 'utf8'));
    expect(m.host_permissions).toBeUndefined();
    expect(m.permissions.sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
    expect(m.content_security_policy.extension_pages).toMatch(/script-src 'self';/);
    expect(m.content_security_policy.extension_pages).toMatch(/connect-src 'none'/);
  });
});

describe('a browser whose UI language is English', () => {
  it('shows the send dialog, the in-page messages, the side panel and the options in English only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zc-e2e-en-'));
    const en = await chromium.launchPersistentContext(dir, {
      executablePath: '/usr/lib/chromium/chromium',
      headless: true,
      locale: 'en-US',
      viewport: { width: 1000, height: 900 },
      args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const w = en.serviceWorkers()[0] ?? (await en.waitForEvent('serviceworker'));
      await w.evaluate(() => (globalThis as unknown as { zaitakuCheck: { enableSite(p: string): Promise<string[]> } }).zaitakuCheck.enableSite('http://127.0.0.1/*'));
      const page = await en.newPage();
      await page.goto(`${origin}/platform-ekobe-table.html?page=${++opened}`);
      await page.waitForFunction(() => document.querySelector('zaitaku-check-overlay') !== null, null, { timeout: 10_000 });
      await page.fill('input[name=item_004]', '28-1234');
      await page.locator('input[name=item_004]').blur();
      await page.locator('input[name=item_004]').focus();
      await expect.poll(() => overlayMessages(page)).toEqual([expect.stringContaining('must be 10 digits')]);
      await page.click('input[value=確認画面へ進む]');
      await expect.poll(() => dialog(page).isVisible()).toBe(true);
      const text = await dialog(page).innerText();
      expect(text).toMatch(/^Check before sending \(\d+ errors\)/);
      expect(text).toContain('"Provider number" must be 10 digits');
      // no Japanese sentence of ours: what remains are names the page or the rules use (就労移行支援 …)
      expect(text).not.toMatch(/送信前|修正する|このまま送信|が未入力|選ばれていません/);
      expect(await page.locator('zaitaku-check-overlay [data-action=send]').innerText()).toBe('Send anyway');
      expect(await page.locator('zaitaku-check-overlay [data-action=fix]').innerText()).toBe('Fix');
      const s = await stateOf(page, w);
      expect(s.lang).toBe('en');
      // the side panel: English only. Our Japanese UI sentences all have kana; what may remain is data
      // without English (e.g. 在-1 in a form title, the page's own labels and the regulation cited, left out by uiText)
      const extId = new URL(w.url()).host;
      const tabId = await w.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, page.url());
      const panel = await en.newPage();
      await panel.goto(`chrome-extension://${extId}/sidepanel.html?tab=${tabId}`);
      await expect.poll(() => panel.locator('#findings li').count()).toBe(s.findings.length);
      expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await panel.title()).toBe('Home-use form check');
      expect(await panel.locator('h1').innerText()).toBe('Home-use form check');
      expect(await panel.locator('#summary').innerText()).toBe(`${s.summary.errors} errors, ${s.summary.warnings} warnings, ${s.summary.incomplete} to review`);
      expect(await panel.locator('#findings').innerText()).toContain('Error: Provider number');
      expect(await panel.locator('#findings').innerText()).toContain(s.findings[0]!.message.en);
      expect(await panel.locator('#form option:checked').innerText()).toBe('Kobe: application for home use (form 1)');
      expect(await panel.locator('#detected').innerText()).toBe('Detected from the page headings');
      expect(await panel.locator('#blocking').innerText()).toBe('Submission is stopped when there are errors.');
      expect(await panel.locator('footer').innerText()).toBe('Check record files · Options');
      expect(await uiText(panel)).not.toMatch(/[\u3040-\u30ff]/);
      await panel.close();
      // the options page: English only
      const opt = await en.newPage();
      await opt.goto(`chrome-extension://${extId}/options.html`);
      await expect.poll(() => opt.locator('#sites li').count()).toBe(1);
      expect(await opt.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await opt.title()).toBe('Home-use form check: options');
      expect(await opt.locator('h1').innerText()).toBe('Home-use form check: options');
      expect(await opt.locator('#site').getAttribute('aria-label')).toBe('Site URL');
      expect(await opt.locator('#pack option[value=kobe]').innerText()).toBe('Kobe');
      expect(await opt.locator('#sites li button').innerText()).toBe('Remove');
      await opt.locator('#site').fill('ftp://example.jp');
      await opt.locator('#add-site button').click();
      expect(await opt.locator('#site-error').innerText()).toBe('Not a web address. Example: https://logoform.jp');
      expect(await uiText(opt)).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      await opt.close();
    } finally {
      await en.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
