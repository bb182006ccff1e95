// Extension settings in chrome.storage.local (never synced: no data leaves the machine).
export interface Settings {
  /** pack for forms that do not belong to one municipality (generic, evaluation sheet) */
  defaultPack: string;
  /** match patterns of sites checked automatically, e.g. `https://logoform.jp/*` */
  sites: string[];
  /** stop submission when there are errors */
  blocking: boolean;
}

export const DEFAULT_SETTINGS: Settings = { defaultPack: 'national', sites: [], blocking: true };

export async function getSettings(): Promise<Settings> {
  const got = await chrome.storage.local.get<Partial<Settings>>(['defaultPack', 'sites', 'blocking']);
  return {
    defaultPack: typeof got.defaultPack === 'string' ? got.defaultPack : DEFAULT_SETTINGS.defaultPack,
    sites: Array.isArray(got.sites) ? got.sites.filter((s): s is string => typeof s === 'string') : [],
    blocking: typeof got.blocking === 'boolean' ? got.blocking : DEFAULT_SETTINGS.blocking,
  };
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await chrome.storage.local.set(patch);
}

/** The user's choice in the side panel for one page, kept across reloads. */
export interface PageOverride {
  formId?: string;
  pack?: string;
}

const OVERRIDES_KEY = 'pageOverrides';
const MAX_OVERRIDES = 200;
export const SETTINGS_KEYS: readonly string[] = ['defaultPack', 'sites', 'blocking'];

/** Origin + path: the same form page whatever its query or hash. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return url;
  }
}

async function allOverrides(): Promise<Record<string, PageOverride>> {
  const got = await chrome.storage.local.get<Record<string, unknown>>(OVERRIDES_KEY);
  const all = got[OVERRIDES_KEY];
  return all && typeof all === 'object' ? (all as Record<string, PageOverride>) : {};
}

export async function getPageOverride(url: string): Promise<PageOverride> {
  const o = (await allOverrides())[pageKey(url)];
  return {
    ...(typeof o?.formId === 'string' ? { formId: o.formId } : {}),
    ...(typeof o?.pack === 'string' ? { pack: o.pack } : {}),
  };
}

/** Merges a change (undefined clears an entry); the oldest pages are dropped beyond MAX_OVERRIDES. */
export async function setPageOverride(url: string, patch: { formId?: string | undefined; pack?: string | undefined }): Promise<void> {
  const all = await allOverrides();
  const key = pageKey(url);
  const next: PageOverride = { ...all[key] };
  for (const k of ['formId', 'pack'] as const) {
    if (!(k in patch)) continue;
    const v = patch[k];
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  delete all[key];
  if (next.formId !== undefined || next.pack !== undefined) all[key] = next; // re-inserted: most recent last
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_OVERRIDES))) delete all[k];
  await chrome.storage.local.set({ [OVERRIDES_KEY]: all });
}

export async function countPageOverrides(): Promise<number> {
  return Object.keys(await allOverrides()).length;
}

export async function clearPageOverrides(): Promise<void> {
  await chrome.storage.local.remove(OVERRIDES_KEY);
}
