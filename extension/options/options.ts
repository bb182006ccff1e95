// Options: default pack, sites checked automatically (optional host permission + registered script), blocking.
import { FORM_PACKS } from '../../core/forms/helpers.ts';
import { localizePage, uiLanguage } from '../shared/lang.ts';
import { clearPageOverrides, countPageOverrides, getSettings, saveSettings } from '../shared/settings.ts';
import { disableSite, enableSite, sitePattern } from '../shared/sites.ts';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const lang = uiLanguage();
localizePage(lang);
const T = {
  ja: {
    noPermission: '（許可なし）',
    remove: '削除',
    badUrl: 'URLを読み取れません。例: https://logoform.jp',
    denied: 'アクセスが許可されませんでした。',
    failed: 'このサイトを追加できませんでした。もう一度お試しください。',
  },
  en: {
    noPermission: ' (no permission)',
    remove: 'Remove',
    badUrl: 'Not a web address. Example: https://logoform.jp',
    denied: 'Permission was not granted.',
    failed: 'Could not add this site. Please try again.',
  },
}[lang];

async function render(): Promise<void> {
  const s = await getSettings();
  const pack = $<HTMLSelectElement>('pack');
  pack.replaceChildren(
    ...FORM_PACKS.map((p) => {
      const o = document.createElement('option');
      o.value = p.id;
      o.textContent = p.label[lang];
      return o;
    }),
  );
  pack.value = s.defaultPack;
  $<HTMLInputElement>('blocking').checked = s.blocking;
  $('override-count').textContent = String(await countPageOverrides());
  const granted = (await chrome.permissions.getAll()).origins ?? [];
  $('sites').replaceChildren(
    ...s.sites.map((site) => {
      const li = document.createElement('li');
      li.append(site);
      if (!granted.includes(site)) li.append(T.noPermission);
      const rm = document.createElement('button');
      rm.type = 'button';
      rm.textContent = T.remove;
      rm.addEventListener('click', () => {
        void chrome.permissions.remove({ origins: [site] }).catch(() => false).then(() => disableSite(site)).then(render);
      });
      li.append(rm);
      return li;
    }),
  );
}

$('pack').addEventListener('change', (e) => void saveSettings({ defaultPack: (e.target as HTMLSelectElement).value }));
$('clear-overrides').addEventListener('click', () => void clearPageOverrides().then(render));
$('blocking').addEventListener('change', (e) => void saveSettings({ blocking: (e.target as HTMLInputElement).checked }));
$('add-site').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $<HTMLInputElement>('site');
  const pattern = sitePattern(input.value);
  const err = $('site-error');
  if (!pattern) {
    err.textContent = T.badUrl;
    return;
  }
  err.textContent = '';
  // must run inside the click: Chrome shows its permission prompt
  chrome.permissions.request({ origins: [pattern] }).then(async (ok) => {
    if (!ok) {
      err.textContent = T.denied;
      return;
    }
    await enableSite(pattern);
    input.value = '';
    await render();
  }, () => {
    err.textContent = T.failed; // no raw browser message to users
  });
});
void render();
