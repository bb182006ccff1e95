// Content script: maps the page's fields, checks them with core/forms, marks problems, guards submission.
import { checkForm, detectForm, fieldById, getForm } from '../../core/forms/index.ts';
import type { FieldValue, FormReport } from '../../core/forms/index.ts';
import type { PageState, PanelFinding, ToContent } from '../shared/messages.ts';
import { DEFAULT_SETTINGS, getPageOverride, getSettings, SETTINGS_KEYS, setPageOverride } from '../shared/settings.ts';
import type { PageOverride, Settings } from '../shared/settings.ts';
import { Overlay } from './overlay.ts';
import type { Mark } from './overlay.ts';
import { anchorOf, mapFields, OVERLAY_TAG, pageControls, pageHeadings, readValue, scanPage } from './page-io.ts';
import type { MappedField } from './page-io.ts';

const SUBMIT_WORDS = /送信|申請|提出|届出|確定|登録|submit|send|apply/i;
const NOT_SUBMIT = /一時保存|下書き|戻る|クリア|リセット|キャンセル|追加|削除|back|cancel|reset|save draft/i;
const BUTTONS = 'button, input[type="submit"], input[type="image"], input[type="button"], [role="button"], a[href^="javascript"], a[href="#"]';
/** input types where Enter never means "send" */
const NO_ENTER_SEND = new Set(['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'file', 'hidden', 'color', 'range']);
/** input types of which a form may have only one for Enter to submit it without a submit button (HTML "implicit submission") */
const BLOCKS_IMPLICIT = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number']);
/** how long after 「このまま送信」 a late submit of the same form (page code running async) is let through */
const SENT_ANYWAY_MS = 2000;

function buttonText(btn: Element): string {
  return (btn instanceof HTMLInputElement ? btn.value || btn.alt : btn.textContent ?? '') + ' ' + (btn.getAttribute('aria-label') ?? '');
}

function isSendButton(btn: Element): boolean {
  const text = buttonText(btn);
  return SUBMIT_WORDS.test(text) && !NOT_SUBMIT.test(text);
}

/** 一時保存, 下書き, 戻る …: buttons that do not send, even when they submit the form. */
function isNotSend(btn: Element): boolean {
  return NOT_SUBMIT.test(buttonText(btn));
}

function isSubmitButton(el: Element): el is HTMLButtonElement | HTMLInputElement {
  return (el instanceof HTMLButtonElement && el.type === 'submit') || (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'image'));
}

function formOf(el: Element): HTMLFormElement | null {
  return el instanceof HTMLButtonElement || el instanceof HTMLInputElement ? el.form : el.closest('form');
}

/** The button Enter "clicks" (the first submit button of the form). */
function defaultButton(form: HTMLFormElement): HTMLButtonElement | HTMLInputElement | undefined {
  return [...form.elements].find(isSubmitButton);
}

/** Without a submit button, Enter submits a form only when it has at most one text-like box. */
function implicitSubmits(form: HTMLFormElement): boolean {
  return [...form.elements].filter((el) => el instanceof HTMLInputElement && BLOCKS_IMPLICIT.has(el.type)).length <= 1;
}

/** Whether Enter in a box of this form sends it: natively, or by page script behind a send button. */
function enterSends(form: HTMLFormElement): boolean {
  const def = defaultButton(form);
  if (def && !def.disabled) return !isNotSend(def);
  if (!def && implicitSubmits(form)) return true;
  return [...form.querySelectorAll(BUTTONS), ...form.elements].some((b) => !isSubmitButton(b) && isSendButton(b));
}

/**
 * The key sequence of a real Enter press, for pages that send on keydown, keypress or keyup.
 * In a form, also what the browser does when no listener cancelled the key: Enter clicks the default
 * button (so the page's click handler or the native submit runs), or submits a one-box form.
 */
function replayEnter(input: HTMLInputElement, form: HTMLFormElement | null): void {
  input.focus();
  const fire = (type: string): boolean => {
    const charCode = type === 'keypress' ? 13 : 0;
    return input.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, charCode, bubbles: true, cancelable: true, composed: true }));
  };
  if (fire('keydown') && fire('keypress') && form && input.form === form && form.isConnected) {
    const def = defaultButton(form);
    if (def) {
      if (!def.disabled) def.click();
    } else if (implicitSubmits(form)) {
      form.requestSubmit();
    }
  }
  fire('keyup');
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

class Checker {
  private settings: Settings = DEFAULT_SETTINGS;
  private overlay = new Overlay(pageControls);
  private fields: MappedField[] = [];
  private detectedFormId = 'generic';
  private overrideFormId: string | null = null;
  private packOverride: string | null = null;
  private report: FormReport | undefined;
  private lastCheckMs = 0;
  private bypass = false;
  /** fields the user has left or changed; empty ones are marked only once touched or after a send attempt */
  private touched = new Set<Element>();
  private attempted = false;
  private inputTimer = 0;
  private scanTimer = 0;
  /** the keyup of an Enter we stopped must not reach the page either */
  private swallowEnterUp = false;
  /** the form sent by 「このまま送信」, briefly */
  private sentAnyway: { form: HTMLFormElement; until: number } | null = null;

  async start(): Promise<void> {
    this.settings = await getSettings().catch(() => DEFAULT_SETTINGS);
    const saved = await getPageOverride(location.href).catch(() => ({}) as PageOverride);
    this.overrideFormId = saved.formId !== undefined && getForm(saved.formId) ? saved.formId : null;
    this.packOverride = saved.pack ?? null;
    chrome.storage?.onChanged?.addListener((changes, area) => {
      if (area !== 'local' || !Object.keys(changes).some((k) => SETTINGS_KEYS.includes(k))) return;
      void getSettings().then((s) => {
        this.settings = s;
        this.check();
      });
    });
    this.scan();
    const touch = (e: Event): void => {
      if (e.target instanceof Element) this.touched.add(e.target);
      this.check();
    };
    document.addEventListener('change', touch, true);
    document.addEventListener('focusout', touch, true);
    document.addEventListener('input', () => {
      clearTimeout(this.inputTimer);
      this.inputTimer = window.setTimeout(() => this.check(), 150);
    }, true);
    window.addEventListener('submit', (e) => this.onSubmit(e), true);
    window.addEventListener('click', (e) => this.onClick(e), true);
    window.addEventListener('keydown', (e) => this.onKeyDown(e), true);
    window.addEventListener('keyup', (e) => {
      if (e.key !== 'Enter' || !this.swallowEnterUp) return;
      this.swallowEnterUp = false;
      e.preventDefault();
      e.stopImmediatePropagation();
    }, true);
    new MutationObserver((records) => {
      if (records.every((r) => (r.target as Element).closest?.(OVERLAY_TAG) || r.target === this.overlay.host)) return;
      const structural = records.some((r) => [...r.addedNodes, ...r.removedNodes].some((n) => n instanceof Element && n.tagName !== OVERLAY_TAG.toUpperCase() && (n.matches('input, textarea, select') || n.querySelector('input, textarea, select'))));
      if (!structural) return;
      clearTimeout(this.scanTimer);
      this.scanTimer = window.setTimeout(() => this.scan(), 200);
    }).observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    chrome.runtime.onMessage.addListener((msg: ToContent, _sender, reply) => {
      switch (msg?.type) {
        case 'zc:getState':
          reply(this.state());
          return;
        case 'zc:focus':
          this.focus(msg.fieldId);
          reply(true);
          return;
        case 'zc:setForm':
          this.overrideFormId = msg.formId && getForm(msg.formId) ? msg.formId : null;
          this.scan();
          void setPageOverride(location.href, { formId: this.overrideFormId ?? undefined }).catch(() => undefined).then(() => reply(this.state()));
          return true;
        case 'zc:setPack':
          // the default pack is not an override: a later change of the default applies here too
          this.packOverride = msg.pack === this.settings.defaultPack ? null : msg.pack;
          this.check();
          void setPageOverride(location.href, { pack: this.packOverride ?? undefined }).catch(() => undefined).then(() => reply(this.state()));
          return true;
      }
    });
  }

  private get formId(): string {
    return this.overrideFormId ?? this.detectedFormId;
  }

  private get pack(): string {
    return this.packOverride ?? this.settings.defaultPack;
  }

  scan(): void {
    this.detectedFormId = detectForm(pageHeadings())?.id ?? 'generic';
    const form = getForm(this.formId) ?? getForm('generic')!;
    this.fields = mapFields(form, scanPage());
    this.check();
  }

  check(): FormReport | undefined {
    const t0 = performance.now();
    const values: Record<string, FieldValue> = {};
    for (const f of this.fields) values[f.id] = readValue(f);
    const report = checkForm(this.formId, values, { asOf: today(), pack: this.pack });
    // fields absent from the page cannot be marked; they stay in the side panel as `incomplete`
    this.report = report;
    this.render(report);
    this.lastCheckMs = performance.now() - t0;
    this.publish();
    return report;
  }

  private fieldOf(id: string | undefined): MappedField | undefined {
    return id === undefined ? undefined : this.fields.find((f) => f.id === id);
  }

  private render(report: FormReport): void {
    const byField = new Map<MappedField, Mark>();
    for (const f of report.findings) {
      if (f.outcome !== 'violation') continue;
      for (const loc of f.locations) {
        const field = this.fieldOf(loc.field);
        if (!field) continue;
        if (!this.attempted && !field.elements.some((e) => this.touched.has(e))) continue;
        let m = byField.get(field);
        if (!m) {
          m = { anchor: anchorOf(field), severity: f.severity, messages: [] };
          byField.set(field, m);
        }
        if (f.severity === 'error') m.severity = 'error';
        if (!m.messages.includes(f.message.ja)) m.messages.push(f.message.ja);
        break;
      }
    }
    this.overlay.setMarks([...byField.values()]);
  }

  private errors(): PanelFinding[] {
    return this.panelFindings().filter((f) => f.outcome === 'violation' && f.severity === 'error');
  }

  private panelFindings(): PanelFinding[] {
    return (this.report?.findings ?? []).map((f) => {
      const id = f.locations[0]?.field;
      const def = id === undefined ? undefined : fieldById(getForm(this.formId) ?? getForm('generic')!, id);
      return { ...f, label: def?.label.ja ?? this.fieldOf(id)?.label ?? id ?? '' };
    });
  }

  private focus(fieldId: string): void {
    const f = this.fieldOf(fieldId);
    const el = f?.elements.find((e) => (e as HTMLInputElement).checked) ?? f?.elements[0];
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    el.focus({ preventScroll: true });
  }

  /** true when the send was stopped (the dialog is shown). `form`: the form being sent, if any. */
  private guard(e: Event, proceed: () => void, form: HTMLFormElement | null = null): boolean {
    if (this.bypass) return false;
    this.attempted = true;
    if (!this.settings.blocking) return false;
    this.check();
    const errors = this.errors();
    if (errors.length === 0) return false;
    e.preventDefault();
    e.stopImmediatePropagation();
    const first = errors.find((f) => this.fieldOf(f.locations[0]?.field));
    this.overlay.showDialog(
      errors.map((f) => ({ label: f.label, message: f.message.ja })),
      () => first && this.focus(first.locations[0]!.field!),
      () => {
        this.bypass = true;
        try {
          proceed();
        } catch {
          // the page changed under us (button gone): nothing more to send
        } finally {
          this.bypass = false;
          this.sentAnyway = form ? { form, until: performance.now() + SENT_ANYWAY_MS } : null;
        }
      },
    );
    return true;
  }

  /** Whether the form holds any field we map: a site search or login form elsewhere on the page is not ours. */
  private concerns(form: HTMLFormElement): boolean {
    return this.fields.some((f) => f.elements.some((el) => el.form === form || form.contains(el)));
  }

  /** A submit that page code sends late (async) after 「このまま送信」 is part of the same attempt. */
  private isSentAnyway(form: HTMLFormElement): boolean {
    if (!this.sentAnyway || this.sentAnyway.form !== form || performance.now() > this.sentAnyway.until) return false;
    this.sentAnyway = null;
    return true;
  }

  /** Submits that no guarded click or Enter stopped first: page code calling requestSubmit(), other keys, … */
  private onSubmit(e: SubmitEvent): void {
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = e.submitter;
    if (submitter && isNotSend(submitter)) return;
    if (!this.concerns(form) || this.isSentAnyway(form)) return;
    this.guard(e, () => {
      if (submitter && isSubmitButton(submitter) && submitter.form === form) form.requestSubmit(submitter);
      else form.requestSubmit();
    }, form);
  }

  /**
   * Clicks on send buttons, stopped before the page sees them: a page's own click handler may call
   * form.submit() (no submit event) or fetch. 「このまま送信」 clicks again, so the page's path runs once.
   */
  private onClick(e: MouseEvent): void {
    const target = e.target as Element | null;
    if (!target || this.bypass || target.closest(OVERLAY_TAG)) return;
    const btn = target.closest<HTMLElement>(BUTTONS);
    if (!btn) return;
    const form = formOf(btn);
    if (form) {
      if (!this.concerns(form)) return;
      // a form's submit button sends unless it is a draft/back button; other buttons only when they say so
      if (isSubmitButton(btn) ? isNotSend(btn) : !isSendButton(btn)) return;
    } else if (!isSendButton(btn)) {
      return;
    }
    const again = target instanceof HTMLElement && btn.contains(target) ? target : btn;
    this.guard(e, () => again.click(), form);
  }

  /**
   * Enter in a text box. In a form, guarded when Enter would send it (its default button, a one-box form,
   * or page script behind a send button); the page may listen to the key and call form.submit() or fetch.
   * Without a form, guarded when the page has a send button. Enter that confirms an IME conversion is left alone.
   */
  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229 || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || NO_ENTER_SEND.has(input.type)) return;
    const form = input.form;
    if (form) {
      if (!this.concerns(form) || !enterSends(form)) return;
    } else if (!this.fields.some((f) => f.elements.includes(input)) || ![...document.querySelectorAll(BUTTONS)].some((b) => !b.closest(OVERLAY_TAG) && isSendButton(b))) {
      // form-less: only Enter in a checked field (not a site search box) on a page with a send button
      return;
    }
    if (this.guard(e, () => replayEnter(input, form), form)) this.swallowEnterUp = true;
  }

  private state(): PageState {
    const form = getForm(this.formId) ?? getForm('generic')!;
    return {
      url: location.href,
      formId: form.id,
      formTitle: form.title,
      detectedFormId: this.detectedFormId,
      overridden: this.overrideFormId !== null,
      pack: form.pack ?? this.pack,
      fields: this.fields.map((f) => ({ id: f.id, label: f.label })),
      findings: this.panelFindings(),
      summary: this.report?.summary ?? { errors: 0, warnings: 0, incomplete: 0, pending: 0 },
      blocking: this.settings.blocking,
      lastCheckMs: Math.round(this.lastCheckMs * 100) / 100,
    };
  }

  private publish(): void {
    try {
      void chrome.runtime.sendMessage({ type: 'zc:state', state: this.state() }).catch(() => undefined);
    } catch {
      // extension reloaded: nothing to tell
    }
  }
}

declare global {
  interface Window {
    __zaitakuCheck?: boolean;
  }
}

// Injected by a click and by the registered script: start once per page.
if (!window.__zaitakuCheck) {
  window.__zaitakuCheck = true;
  void new Checker().start();
}
