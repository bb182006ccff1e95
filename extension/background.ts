// Service worker: a click checks the current tab (activeTab + scripting); enabled sites are checked automatically.
import { disableSite, enableSite, syncRegisteredScripts } from './shared/sites.ts';

chrome.runtime.onInstalled.addListener(() => {
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
  void syncRegisteredScripts();
});
chrome.runtime.onStartup.addListener(() => void syncRegisteredScripts());
chrome.permissions.onAdded.addListener(() => void syncRegisteredScripts());
chrome.permissions.onRemoved.addListener(() => void syncRegisteredScripts());

chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined) return;
  // open first: the user gesture is only valid synchronously
  void chrome.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
  void chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] }).catch(() => undefined);
});

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
    void chrome.scripting.executeScript({ target: { tabId: msg.tabId }, files: ['content.js'] }).then(() => reply(true), () => reply(false));
    return true;
  }
  return undefined;
});

// The same functions the options page uses, reachable from DevTools and automated tests.
Object.assign(globalThis, { zaitakuCheck: { enableSite, disableSite, syncRegisteredScripts } });
