// Options: default pack, sites checked automatically (optional host permission + registered script), blocking.
import { FORM_PACKS } from '../../core/forms/helpers.ts';
import { clearPageOverrides, countPageOverrides, getSettings, saveSettings } from '../shared/settings.ts';
import { disableSite, enableSite, sitePattern } from '../shared/sites.ts';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

async function render(): Promise<void> {
  const s = await getSettings();
  const pack = $<HTMLSelectElement>('pack');
  pack.replaceChildren(
    ...FORM_PACKS.map((p) => {
      const o = document.createElement('option');
      o.value = p.id;
      o.textContent = `${p.label.ja} / ${p.label.en}`;
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
      if (!granted.includes(site)) li.append('（許可なし / no permission）');
      const rm = document.createElement('button');
      rm.type = 'button';
      rm.textContent = '削除 / Remove';
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
    err.textContent = 'URLを読み取れません。例: https://logoform.jp / Not a web address.';
    return;
  }
  err.textContent = '';
  // must run inside the click: Chrome shows its permission prompt
  chrome.permissions.request({ origins: [pattern] }).then(async (ok) => {
    if (!ok) {
      err.textContent = 'アクセスが許可されませんでした。 / Permission was not granted.';
      return;
    }
    await enableSite(pattern);
    input.value = '';
    await render();
  }, (x: unknown) => {
    err.textContent = `追加できませんでした / Could not add: ${String(x)}`;
  });
});
void render();
