// Service worker: a click checks the current tab (activeTab + scripting); enabled sites are checked automatically.
import { disableSite, enableSite, syncRegisteredScripts } from './shared/sites.ts';

chrome.runtime.onInstalled.addListener(() => {
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
  void syncRegisteredScripts();
});
chrome.runtime.onStartup.addListener(() => void syncRegisteredScripts());
chrome.permissions.onAdded.addListener(() => void syncRegisteredScripts());
chrome.permissions.onRemoved.addListener(() => void syncRegisteredScripts());

/** Injects the content script into a tab; false when the page cannot be scripted (chrome://, store, no grant). */
export async function checkTab(tabId: number): Promise<boolean> {
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    // the page's frames too (a form in a same-origin iframe); frames we may not script are left out, and
    // this call may never settle on some pages, so the result is the main frame's (the script starts once per frame)
    void chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['content.js'] }).catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}

/** Toolbar icon: open the side panel and check the page (the click grants activeTab for this tab). */
export function onActionClicked(tab: chrome.tabs.Tab): Promise<boolean> {
  if (tab.id === undefined) return Promise.resolve(false);
  // open first: the user gesture is only valid synchronously
  void chrome.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
  return checkTab(tab.id);
}

chrome.action.onClicked.addListener((tab) => void onActionClicked(tab));

type BackgroundMessage = { type: 'zc:enableSite'; pattern: string } | { type: 'zc:disableSite'; pattern: string } | { type: 'zc:checkTab'; tabId: number };

chrome.runtime.onMessage.addListener((msg: BackgroundMessage, _sender, reply) => {
  if (msg?.type === 'zc:enableSite') {
    void enableSite(msg.pattern).then(reply, (e: unknown) => reply({ error: String(e) }));
    return true;
  }
  if (msg?.type === 'zc:disableSite') {
    void disableSite(msg.pattern).then(reply, (e: unknown) => reply({ error: String(e) }));
    return true;
  }
  if (msg?.type === 'zc:checkTab') {
    void checkTab(msg.tabId).then(reply);
    return true;
  }
  return undefined;
});

// The same functions the toolbar icon and the options page use, reachable from DevTools and automated tests.
Object.assign(globalThis, { zaitakuCheck: { enableSite, disableSite, syncRegisteredScripts, onActionClicked, checkTab } });
