// Per-site automatic checking: an optional host permission plus one registered content script.
import { getSettings, saveSettings } from './settings.ts';

export const SCRIPT_ID = 'zaitaku-sites';

/** `https://example.jp/path` or `example.jp` → `https://example.jp/*`; undefined when not a web origin. */
export function sitePattern(input: string): string | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  if (/^https?:\/\/[^/]+\/\*$/.test(s)) return s;
  try {
    const u = new URL(/^[a-z]+:\/\//i.test(s) ? s : `https://${s}`);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    if (!u.hostname) return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

function covers(granted: string, pattern: string): boolean {
  if (granted === pattern || granted === '<all_urls>') return true;
  const g = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(granted);
  const p = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!g || !p) return false;
  const schemeOk = g[1] === '*' || g[1] === p[1];
  const host = g[2]!;
  const hostOk = host === '*' || host === p[2] || (host.startsWith('*.') && p[2]!.endsWith(host.slice(1)));
  return schemeOk && hostOk;
}

/** Registers the content script for every enabled site whose permission is granted. */
export async function syncRegisteredScripts(): Promise<string[]> {
  const { sites } = await getSettings();
  const granted = (await chrome.permissions.getAll()).origins ?? [];
  const matches = sites.filter((p) => granted.some((g) => covers(g, p)));
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length > 0) {
    await chrome.scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js: ['content.js'], runAt: 'document_idle', allFrames: true, persistAcrossSessions: true }]);
  }
  return matches;
}

/** Adds a site (its permission must already be granted, e.g. by `chrome.permissions.request`). */
export async function enableSite(pattern: string): Promise<string[]> {
  const { sites } = await getSettings();
  if (!sites.includes(pattern)) await saveSettings({ sites: [...sites, pattern] });
  return syncRegisteredScripts();
}

export async function disableSite(pattern: string): Promise<string[]> {
  const { sites } = await getSettings();
  await saveSettings({ sites: sites.filter((s) => s !== pattern) });
  return syncRegisteredScripts();
}
