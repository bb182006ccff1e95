// Content script: maps the page's fields, checks them with core/forms, marks problems, guards submission.
import { checkForm, detectForm, fieldById, getForm } from '../../core/forms/index.ts';
import type { FieldValue, FormReport } from '../../core/forms/index.ts';
import type { PageState, PanelFinding, ToContent } from '../shared/messages.ts';
import { uiLanguage } from '../shared/lang.ts';
import { DEFAULT_SETTINGS, getPageOverride, getSettings, SETTINGS_KEYS, setPageOverride } from '../shared/settings.ts';
import type { PageOverride, Settings } from '../shared/settings.ts';
import { Overlay } from './overlay.ts';
import type { Mark } from './overlay.ts';
import { anchorOf, CUSTOM_CHOICE, formOfControl, isChecked, mapFields, OVERLAY_TAG, pageControls, pageHeadings, readValue, scanPage } from './page-io.ts';
import type { MappedField } from './page-io.ts';

const SUBMIT_WORDS = /送信|申請|提出|届出|確定|登録|申し?込|submit|send|apply/i;
/** always a draft, whatever else the button says (「申請内容を一時保存」) */
const DRAFT_WORDS = /一時保存|下書き|\bdraft\b/i;
/** do not send, unless the text also says send (「送信して戻る」 is a send, 「戻る」 is not) */
const NOT_SEND_WORDS = /戻る|キャンセル|クリア|リセット|\bback\b|\bcancel\b|\breset\b/i;
/** ends in a cancel word: never a send (「申請をキャンセル」, 「入力内容をクリア」) */
const ENDS_NOT_SEND = /(?:キャンセル|クリア|リセット|\bcancel|\breset)\s*$/i;
/** a submit button that does not say send and names another action (住所検索, 行を追加 …) */
const OTHER_ACTION = /追加|削除|検索|\badd\b|\bdelete\b|\bremove\b|\bsearch\b/i;
const BUTTONS = 'button, input[type="submit"], input[type="image"], input[type="button"], [role="button"], a[href^="javascript"], a[href="#"]';
/** input types where Enter never means "send" */
const NO_ENTER_SEND = new Set(['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'file', 'hidden', 'color', 'range']);
/** input types of which a form may have only one for Enter to submit it without a submit button (HTML "implicit submission") */
const BLOCKS_IMPLICIT = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number']);
/** after 「このまま送信」, further sends (the page's own confirm step, async code) pass until a checked field is edited, at most this long */
const SENT_ANYWAY_MS = 30_000;

function buttonText(btn: Element): string {
  return (btn instanceof HTMLInputElement ? btn.value || btn.alt : btn.textContent ?? '') + ' ' + (btn.getAttribute('aria-label') ?? '');
}

/** The button says it sends (送信, 申請 …) and is not a draft. */
function isSendButton(btn: Element): boolean {
  const text = buttonText(btn);
  return SUBMIT_WORDS.test(text) && !DRAFT_WORDS.test(text) && !ENDS_NOT_SEND.test(text.trim());
}

/** 一時保存, 下書き, 戻る …: submitters that do not send, even when they submit the form. */
function isNotSend(btn: Element): boolean {
  const text = buttonText(btn);
  return DRAFT_WORDS.test(text) || ENDS_NOT_SEND.test(text.trim()) || (NOT_SEND_WORDS.test(text) && !SUBMIT_WORDS.test(text));
}

function isSubmitButton(el: Element): el is HTMLButtonElement | HTMLInputElement {
  return (el instanceof HTMLButtonElement && el.type === 'submit') || (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'image'));
}

function formOf(el: Element): HTMLFormElement | null {
  return el instanceof HTMLButtonElement || el instanceof HTMLInputElement ? el.form : el.closest('form');
}

/** A submit button that may be the form's send button though it does not say so (確認画面へ, an icon). */
function mayBeSend(btn: Element): boolean {
  const text = buttonText(btn);
  return !DRAFT_WORDS.test(text) && !NOT_SEND_WORDS.test(text) && !OTHER_ACTION.test(text);
}

/**
 * Whether this button of a form holding checked fields sends it. A submit button (also a <button> without
 * a type) sends when it says so, or when it is the form's one submit button left once drafts, back buttons
 * and other actions (住所検索, 追加) are set aside — preferring the only one with a text label over
 * symbols such as 「＋」. Other buttons only when they say so.
 */
function sendsForm(btn: Element, form: HTMLFormElement): boolean {
  if (isSendButton(btn)) return true;
  if (!isSubmitButton(btn) || !mayBeSend(btn)) return false;
  const rest = [...form.elements].filter((b) => isSubmitButton(b) && mayBeSend(b));
  if (rest.some(isSendButton)) return false;
  if (rest.length === 1) return true;
  const named = rest.filter((b) => /[\p{L}\p{N}]/u.test(buttonText(b)));
  return named.length === 1 && named[0] === btn;
}

/** Visible boxes of the form's own that one types into (a site search or login form has them). */
function hasOwnBoxes(form: HTMLFormElement): boolean {
  return [...form.elements].some((el) => (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && BLOCKS_IMPLICIT.has(el.type))) && el.getClientRects().length > 0);
}

/** The button Enter "clicks" (the first submit button of the form). */
function defaultButton(form: HTMLFormElement): HTMLButtonElement | HTMLInputElement | undefined {
  return [...form.elements].find(isSubmitButton);
}

/** Without a submit button, Enter submits a form only when it has at most one text-like box. */
function implicitSubmits(form: HTMLFormElement): boolean {
  return [...form.elements].filter((el) => el instanceof HTMLInputElement && BLOCKS_IMPLICIT.has(el.type)).length <= 1;
}

/**
 * Whether Enter in a box of this form sends it: when its default button would be guarded, a one-box form
 * without one, or page script behind a send button. `own`: the form holds checked fields.
 */
function enterSends(form: HTMLFormElement, own: boolean): boolean {
  const def = defaultButton(form);
  if (def && !def.disabled) return own ? sendsForm(def, form) : isSendButton(def);
  if (!own) return false;
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

/** A field of an earlier step that the page has unmounted: its last value still counts at the final send. */
interface KeptField {
  value: FieldValue;
  label: string;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

class Checker {
  private settings: Settings = DEFAULT_SETTINGS;
  private overlay = new Overlay(pageControls);
  private fields: MappedField[] = [];
  /** values of mapped fields no longer on the page (multi-step forms), by field id */
  private kept = new Map<string, KeptField>();
  private readonly lang = uiLanguage();
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
  /** after 「このまま送信」: sends pass until a checked field is edited or this time (performance.now()) */
  private sentAnywayUntil = 0;

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
      if (e.type === 'change') this.editedByUser(e);
      if (e.target instanceof Element) this.touched.add(e.target);
      this.check();
    };
    document.addEventListener('change', touch, true);
    document.addEventListener('focusout', touch, true);
    document.addEventListener('input', (e) => {
      this.editedByUser(e);
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
    // styled choices (role=radio, aria-pressed) change no value, only an attribute
    new MutationObserver((records) => {
      const hit = records.filter((r) => r.target instanceof Element && r.target.matches(CUSTOM_CHOICE) && this.fields.some((f) => f.elements.includes(r.target as HTMLElement)));
      if (hit.length === 0) return;
      for (const r of hit) this.touched.add(r.target as Element);
      // an answer changed after 「このまま送信」: the values are no longer those the user chose to send
      if (hit.some((r) => (r.target as Element).getAttribute(r.attributeName!) !== r.oldValue)) this.sentAnywayUntil = 0;
      this.check();
    }).observe(document.body ?? document.documentElement, { attributes: true, subtree: true, attributeFilter: ['aria-checked', 'aria-pressed'], attributeOldValue: true });
    chrome.runtime.onMessage.addListener((msg: ToContent, _sender, reply) => {
      switch (msg?.type) {
        case 'zc:getState':
          if (!this.answers) return;
          this.reply(reply);
          return true;
        case 'zc:focus':
          this.focus(msg.fieldId);
          reply(true);
          return;
        case 'zc:setForm':
          if (!this.answers) return;
          this.overrideFormId = msg.formId && getForm(msg.formId) ? msg.formId : null;
          this.kept.clear();
          this.scan();
          void setPageOverride(location.href, { formId: this.overrideFormId ?? undefined }).catch(() => undefined).then(() => this.reply(reply));
          return true;
        case 'zc:setPack':
          if (!this.answers) return;
          // the default pack is not an override: a later change of the default applies here too
          this.packOverride = msg.pack === this.settings.defaultPack ? null : msg.pack;
          this.check();
          void setPageOverride(location.href, { pack: this.packOverride ?? undefined }).catch(() => undefined).then(() => this.reply(reply));
          return true;
      }
    });
  }

  private get hasFields(): boolean {
    return this.fields.length > 0 || this.kept.size > 0;
  }

  /** Every frame of the tab hears the side panel: a frame with fields answers, else only the top frame. */
  private get answers(): boolean {
    return this.hasFields || window === window.top;
  }

  /** The frame with the form answers at once; the top frame without one answers last, so a frame with the form wins. */
  private reply(reply: (state: PageState) => void): void {
    if (this.hasFields) reply(this.state());
    else setTimeout(() => reply(this.state()), 150);
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
    const before = this.fields;
    this.fields = mapFields(form, scanPage());
    // The fields of a step the page unmounted (most of the fields gone at once) keep their last value,
    // so the final send is checked with every step; a single field swapped for another (a conditional
    // question) is gone for good. The page's own fields win.
    const gone = before.filter((f) => !this.fields.some((n) => n.id === f.id) && f.elements.every((e) => !e.isConnected));
    if (gone.length * 2 > before.length) for (const f of gone) this.kept.set(f.id, { value: readValue(f, fieldById(form, f.id)?.type), label: f.label });
    for (const f of this.fields) this.kept.delete(f.id);
    this.check();
  }

  check(): FormReport | undefined {
    const t0 = performance.now();
    const values: Record<string, FieldValue> = {};
    const form = getForm(this.formId) ?? getForm('generic')!;
    for (const [id, k] of this.kept) values[id] = k.value;
    for (const f of this.fields) values[f.id] = readValue(f, fieldById(form, f.id)?.type);
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
      // every field the finding names (both dates of a lead-time rule) gets the mark and the message,
      // once one of them was touched (or a send was attempted)
      const fields = f.locations.map((loc) => this.fieldOf(loc.field)).filter((x): x is MappedField => x !== undefined);
      if (!this.attempted && !fields.some((field) => field.elements.some((e) => this.touched.has(e)))) continue;
      const text = f.message[this.lang];
      for (const field of new Set(fields)) {
        let m = byField.get(field);
        if (!m) {
          m = { anchor: anchorOf(field), severity: f.severity, messages: [] };
          byField.set(field, m);
        }
        if (f.severity === 'error') m.severity = 'error';
        if (!m.messages.includes(text)) m.messages.push(text);
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
      return { ...f, label: def?.label[this.lang] ?? this.fieldOf(id)?.label ?? (id !== undefined ? this.kept.get(id)?.label : undefined) ?? id ?? '' };
    });
  }

  private focus(fieldId: string): void {
    const f = this.fieldOf(fieldId);
    const el = f?.elements.find(isChecked) ?? f?.elements[0];
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    el.focus({ preventScroll: true });
  }

  /** true when the send was stopped (the dialog is shown). */
  private guard(e: Event, proceed: () => void): boolean {
    if (this.bypass) return false;
    this.attempted = true;
    if (!this.settings.blocking || performance.now() < this.sentAnywayUntil) return false;
    this.check();
    const errors = this.errors();
    if (errors.length === 0) return false;
    e.preventDefault();
    e.stopImmediatePropagation();
    const first = errors.find((f) => this.fieldOf(f.locations[0]?.field));
    const form = getForm(this.formId) ?? getForm('generic')!;
    this.overlay.showDialog(
      errors.map((f) => {
        const id = f.locations[0]?.field;
        const def = id === undefined ? undefined : fieldById(form, id);
        const label = def?.label[this.lang] ?? f.label;
        // a field of an earlier step is no longer on the page: say so
        return { label, message: f.message[this.lang], earlierStep: id !== undefined && !this.fieldOf(id) && this.kept.has(id) };
      }),
      this.lang,
      () => first && this.focus(first.locations[0]!.field!),
      () => {
        this.bypass = true;
        try {
          proceed();
        } catch {
          // the page changed under us (button gone): nothing more to send
        } finally {
          this.bypass = false;
          this.sentAnywayUntil = performance.now() + SENT_ANYWAY_MS;
        }
      },
    );
    return true;
  }

  /** A user's edit of a checked field ends the 「このまま送信」 exemption: the values are no longer those they chose to send. */
  private editedByUser(e: Event): void {
    if (e.isTrusted && this.sentAnywayUntil && this.fields.some((f) => f.elements.some((el) => el === e.target))) this.sentAnywayUntil = 0;
  }

  /**
   * 'own': the form holds a checked field. 'split': it may send them by page script — it has no boxes of
   * its own (a button and hidden inputs), or the page's checked fields sit outside any form; only its
   * buttons that say send are guarded. null: another form (a site search, a login form).
   */
  private roleOf(form: HTMLFormElement): 'own' | 'split' | null {
    if (this.fields.some((f) => f.elements.some((el) => formOfControl(el) === form || form.contains(el)))) return 'own';
    if (!hasOwnBoxes(form) || this.fields.some((f) => f.elements.some((el) => !formOfControl(el)))) return 'split';
    return null;
  }

  /** Submits that no guarded click or Enter stopped first: page code calling requestSubmit(), other keys, … */
  private onSubmit(e: SubmitEvent): void {
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = e.submitter;
    const role = this.roleOf(form);
    if (!role || (submitter && isNotSend(submitter))) return;
    if (role === 'split' && !(submitter && isSendButton(submitter))) return;
    this.guard(e, () => {
      if (submitter && isSubmitButton(submitter) && submitter.form === form) form.requestSubmit(submitter);
      else form.requestSubmit();
    });
  }

  /**
   * Clicks on send buttons, stopped before the page sees them: a page's own click handler may call
   * form.submit() (no submit event) or fetch. 「このまま送信」 clicks again, so the page's path runs once.
   */
  private onClick(e: MouseEvent): void {
    const target = e.target as Element | null;
    if (!target || this.bypass || target.closest(OVERLAY_TAG)) return;
    const btn = target.closest<HTMLElement>(BUTTONS);
    // a choice made of buttons (aria-pressed, role=radio) is an answer, not a send
    if (!btn || btn.matches(CUSTOM_CHOICE)) return;
    const form = formOf(btn);
    const role = form ? this.roleOf(form) : null;
    if (form && !role) return;
    if (!(role === 'own' ? sendsForm(btn, form!) : isSendButton(btn))) return;
    const again = target instanceof HTMLElement && btn.contains(target) ? target : btn;
    this.guard(e, () => again.click());
  }

  /**
   * Enter in a text box. In a form, guarded when Enter would send it: its default button would be guarded,
   * a one-box form, or page script behind a send button (the page may call form.submit() or fetch on the key).
   * Without a form, guarded in a checked field when the page has a send button. Enter that confirms an IME
   * conversion is left alone.
   */
  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229 || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || NO_ENTER_SEND.has(input.type)) return;
    const form = input.form;
    if (form) {
      const role = this.roleOf(form);
      if (!role || !enterSends(form, role === 'own')) return;
    } else if (!this.fields.some((f) => f.elements.includes(input)) || ![...document.querySelectorAll(BUTTONS)].some((b) => !b.closest(OVERLAY_TAG) && isSendButton(b))) {
      // form-less: only Enter in a checked field (not a site search box) on a page with a send button
      return;
    }
    if (this.guard(e, () => replayEnter(input, form))) this.swallowEnterUp = true;
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
      fields: [...this.fields.map((f) => ({ id: f.id, label: f.label })), ...[...this.kept].map(([id, k]) => ({ id, label: k.label }))],
      findings: this.panelFindings(),
      summary: this.report?.summary ?? { errors: 0, warnings: 0, incomplete: 0, pending: 0 },
      blocking: this.settings.blocking,
      lastCheckMs: Math.round(this.lastCheckMs * 100) / 100,
      lang: this.lang,
    };
  }

  private publish(): void {
    // a frame without a form (the page around a same-origin iframe) leaves the panel to the frame with it
    if (!this.hasFields && (window !== window.top || document.querySelector('iframe, frame'))) return;
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
