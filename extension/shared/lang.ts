// One language at a time: the browser's UI language decides (Japanese when it is Japanese, else English).

export type Lang = 'ja' | 'en';

/** The browser's UI language decides the language of everything we show: Japanese when it is Japanese. */
export function uiLanguage(): Lang {
  let lang = '';
  try {
    lang = chrome.i18n?.getUILanguage?.() ?? '';
  } catch {
    // no i18n (reloaded extension): fall back to the page's navigator
  }
  return /^ja\b/i.test(lang || navigator.language) ? 'ja' : 'en';
}

/**
 * Extension pages are written in Japanese; in English, the English of each element is taken from
 * data-en (text), data-en-placeholder, data-en-aria-label and data-en-title.
 */
export function localizePage(lang: Lang, doc: Document = document): void {
  doc.documentElement.lang = lang;
  if (lang === 'ja') return;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-en]')) el.textContent = el.dataset.en ?? '';
  for (const attr of ['placeholder', 'aria-label', 'title']) {
    for (const el of doc.querySelectorAll(`[data-en-${attr}]`)) el.setAttribute(attr, el.getAttribute(`data-en-${attr}`) ?? '');
  }
}
