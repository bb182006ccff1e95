// Side panel: the form detected, its problems (click → go to the field), the municipality pack.
import { FORM_PACKS, FORMS } from '../../core/forms/index.ts';
import { localizePage, uiLanguage } from '../shared/lang.ts';
import type { FromContent, PageState, ToContent } from '../shared/messages.ts';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const lang = uiLanguage();
localizePage(lang);
let tabId: number | undefined;

async function activeTab(): Promise<number | undefined> {
  // `sidepanel.html?tab=<id>` shows a given tab (when opened outside the side panel)
  const fixed = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fixed) && fixed > 0) return fixed;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function send(msg: ToContent): Promise<PageState | undefined> {
  if (tabId === undefined) return undefined;
  try {
    return (await chrome.tabs.sendMessage(tabId, msg)) as PageState | undefined;
  } catch {
    return undefined; // no content script in this tab yet
  }
}

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

const T = {
  ja: {
    kind: { error: 'エラー', warning: '注意', incomplete: '要確認' } as Record<string, string>,
    manual: (detected: string) => `手動で選択中（自動判定: ${detected}）`,
    generic: '様式を判定できないため、共通項目（事業所番号・受給者証番号・日付・サービスの種類）だけを確認しています。',
    detected: 'ページの見出しから自動判定しました',
    fixedPack: 'この様式は自治体が決まっています。',
    summary: (s: PageState['summary']) => `エラー ${s.errors}件・注意 ${s.warnings}件・要確認 ${s.incomplete}件`,
    source: (rule: string, src: string) => ` （${rule} / ${src}）`,
    blocking: 'エラーがあると送信前に確認画面を出します。',
    notBlocking: '送信は止めません（設定で変更できます）。',
  },
  en: {
    kind: { error: 'Error', warning: 'Warning', incomplete: 'To review' } as Record<string, string>,
    manual: (detected: string) => `Chosen manually (detected: ${detected})`,
    generic: 'Unknown form: only the common fields (provider number, recipient number, dates, service type) are checked.',
    detected: 'Detected from the page headings',
    fixedPack: 'This form belongs to one municipality.',
    summary: (s: PageState['summary']) => `${s.errors} errors, ${s.warnings} warnings, ${s.incomplete} to review`,
    source: (rule: string, src: string) => ` (${rule} / ${src})`,
    blocking: 'Submission is stopped when there are errors.',
    notBlocking: 'Submission is not blocked (change it in the options).',
  },
}[lang];

function render(state: PageState | undefined): void {
  $('empty').hidden = state !== undefined;
  $('main').hidden = state === undefined;
  if (!state) return;
  const formSel = $<HTMLSelectElement>('form');
  formSel.replaceChildren(...FORMS.map((f) => option(f.id, f.title[lang])));
  formSel.value = state.formId;
  const detected = FORMS.find((f) => f.id === state.detectedFormId);
  $('detected').textContent = state.overridden
    ? T.manual(detected?.title[lang] ?? state.detectedFormId)
    : state.detectedFormId === 'generic'
      ? T.generic
      : T.detected;
  $('auto-form').hidden = !state.overridden;
  const packSel = $<HTMLSelectElement>('pack');
  packSel.replaceChildren(...FORM_PACKS.map((p) => option(p.id, p.label[lang])));
  packSel.value = state.pack;
  const fixed = FORMS.find((f) => f.id === state.formId)?.pack !== undefined;
  packSel.disabled = fixed;
  $('pack-note').textContent = fixed ? T.fixedPack : '';
  $('summary').textContent = T.summary(state.summary);
  const list = $('findings');
  list.replaceChildren(
    ...state.findings.map((f) => {
      const li = document.createElement('li');
      li.className = f.outcome === 'violation' ? f.severity : f.outcome;
      li.tabIndex = 0;
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = `${T.kind[f.outcome === 'violation' ? f.severity : 'incomplete']}: ${f.label}`;
      const msg = document.createElement('span');
      msg.textContent = f.message[lang];
      const src = document.createElement('span');
      src.className = 'src';
      src.textContent = T.source(f.ruleId, f.source);
      li.append(label, msg, src);
      const go = (): void => {
        const field = f.locations[0]?.field;
        if (field) void send({ type: 'zc:focus', fieldId: field });
      };
      li.addEventListener('click', go);
      li.addEventListener('keydown', (e) => e.key === 'Enter' && go());
      return li;
    }),
  );
  $('field-count').textContent = String(state.fields.length);
  $('fields').replaceChildren(
    ...state.fields.map((f) => {
      const li = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = f.id;
      li.append(`${f.label} `, code);
      return li;
    }),
  );
  $('blocking').textContent = state.blocking ? T.blocking : T.notBlocking;
}

async function refresh(): Promise<void> {
  tabId = await activeTab();
  render(await send({ type: 'zc:getState' }));
}

$('form').addEventListener('change', (e) => void send({ type: 'zc:setForm', formId: (e.target as HTMLSelectElement).value }).then(render));
$('auto-form').addEventListener('click', () => void send({ type: 'zc:setForm', formId: null }).then(render));
$('pack').addEventListener('change', (e) => void send({ type: 'zc:setPack', pack: (e.target as HTMLSelectElement).value }).then(render));
$('check-now').addEventListener('click', () => {
  if (tabId === undefined) return;
  // the side panel holds no activeTab grant: ask the service worker, which does after the icon click
  void chrome.runtime.sendMessage({ type: 'zc:checkTab', tabId }).then(() => setTimeout(() => void refresh(), 300));
});
chrome.runtime.onMessage.addListener((msg: FromContent, sender) => {
  if (msg?.type === 'zc:state' && sender.tab?.id === tabId) render(msg.state);
});
chrome.tabs.onActivated.addListener(() => void refresh());
chrome.tabs.onUpdated.addListener((id, info) => id === tabId && info.status === 'complete' && void refresh());
void refresh();
