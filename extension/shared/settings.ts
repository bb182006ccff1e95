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
