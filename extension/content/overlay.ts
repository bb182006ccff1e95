// Shadow-DOM layer: outlines, in-place messages and the submit dialog. Never touches page markup or styles.
import { OVERLAY_TAG } from './page-io.ts';

export interface Mark {
  anchor: Element;
  severity: 'error' | 'warning';
  messages: string[];
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export interface DialogItem {
  label: string;
  message: string;
  /** the field belongs to an earlier step of the form and is no longer on the page */
  earlierStep?: boolean;
}

const DIALOG_TEXT = {
  ja: {
    title: (n: number) => `送信前に確認してください（${n}件のエラー）`,
    lead: '報酬の返還につながるおそれのある誤りがあります。修正するか、このまま送信するかを選んでください。',
    earlier: '（前の画面の項目）',
    send: 'このまま送信',
    fix: '修正する',
  },
  en: {
    title: (n: number) => `Check before sending (${n} error${n === 1 ? '' : 's'})`,
    lead: 'This form has errors that may put the fee at risk. Fix them, or send anyway.',
    earlier: ' (on an earlier page of the form)',
    send: 'Send anyway',
    fix: 'Fix',
  },
} as const;

const CSS = `
:host { all: initial; }
.mark { position: absolute; box-sizing: border-box; border: 2px solid #d93025; border-radius: 4px; pointer-events: none; }
.mark.warning { border-color: #e37400; border-style: dashed; }
.mark.folded::after { content: "!"; position: absolute; top: -10px; right: -10px; width: 16px; height: 16px; border-radius: 50%; background: #d93025; color: #fff;
  font: bold 11px/16px sans-serif; text-align: center; box-shadow: 0 1px 2px rgba(0,0,0,.3); }
.mark.warning.folded::after { background: #e37400; }
.msg { position: absolute; width: max-content; max-width: 420px; box-sizing: border-box; padding: 3px 8px; border-radius: 4px; background: #fce8e6; color: #a50e0e;
  font: 12px/1.5 "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; box-shadow: 0 1px 3px rgba(0,0,0,.25); pointer-events: none; }
.msg.warning { background: #fef7e0; color: #7a4100; }
.msg[hidden] { display: none; }
.msg p { margin: 0; }
.msg.tooltip { overflow: hidden; text-overflow: ellipsis; opacity: .96; }
.backdrop { position: fixed; inset: 0; background: rgba(32,33,36,.45); pointer-events: auto; display: flex; align-items: center; justify-content: center; }
.dialog { width: min(560px, 92vw); max-height: 80vh; display: flex; flex-direction: column; background: #fff; color: #202124; border-radius: 8px; padding: 20px 24px;
  font: 14px/1.6 "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; box-shadow: 0 8px 28px rgba(0,0,0,.35); }
.dialog h2 { font-size: 17px; margin: 0 0 4px; color: #a50e0e; }
.dialog .lead { color: #5f6368; font-size: 13px; margin: 0 0 12px; }
.dialog ul { margin: 0 0 16px; padding-left: 20px; overflow: auto; flex: 1 1 auto; min-height: 0; }
.dialog li { margin: 4px 0; }
.dialog li b { font-weight: 600; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
button { font: inherit; padding: 6px 16px; border-radius: 4px; cursor: pointer; border: 1px solid #dadce0; background: #fff; color: #1a73e8; }
button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
`;

export class Overlay {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly layer: HTMLDivElement;
  private marks: Mark[] = [];
  private frame = 0;

  /** `obstacles`: the page's controls, which in-place messages should not cover */
  constructor(private readonly obstacles: () => Element[] = () => []) {
    this.host = document.createElement(OVERLAY_TAG);
    this.host.setAttribute('style', 'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none;');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    this.layer = document.createElement('div');
    this.root.append(style, this.layer);
    document.documentElement.append(this.host);
    const again = (): void => this.schedule();
    window.addEventListener('scroll', again, { capture: true, passive: true });
    window.addEventListener('resize', again, { passive: true });
    // a folded message opens while its field has the focus
    document.addEventListener('focusin', again, true);
  }

  setMarks(marks: Mark[]): void {
    this.marks = marks;
    this.draw();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
    const frag = document.createDocumentFragment();
    const sx = window.scrollX;
    const sy = window.scrollY;
    const shown: { m: Mark; r: DOMRect; box: HTMLDivElement; msg: HTMLDivElement }[] = [];
    for (const m of this.marks) {
      const r = m.anchor.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const box = document.createElement('div');
      box.className = `mark ${m.severity}`;
      box.style.cssText = `left:${r.left + sx - 3}px;top:${r.top + sy - 3}px;width:${r.width + 6}px;height:${r.height + 6}px`;
      const msg = document.createElement('div');
      msg.className = `msg ${m.severity}`;
      msg.setAttribute('role', 'status');
      msg.style.cssText = 'left:0;top:0;visibility:hidden';
      for (const t of m.messages) {
        const p = document.createElement('p');
        p.textContent = t;
        msg.append(p);
      }
      frag.append(box, msg);
      shown.push({ m, r, box, msg });
    }
    this.layer.replaceChildren(frag);
    if (shown.length > 0) this.place(shown, sx, sy);
  }

  /**
   * Puts each message where it covers no other control of the page (inputs, their labels, buttons) and
   * no other message: to the right of the field, else below, else above. When none is free the message
   * folds into a「!」badge on the outline. While its field has the focus the message opens: at a free
   * place near the field (also left of it, further up or down, narrower), else as a tooltip laid over
   * its own field only — never over another field.
   */
  private place(shown: { m: Mark; r: DOMRect; box: HTMLDivElement; msg: HTMLDivElement }[], sx: number, sy: number): void {
    const controls: { el: Element; r: DOMRect }[] = [];
    const range = document.createRange();
    for (const el of this.obstacles()) {
      if (el.tagName === 'LABEL') {
        // a label counts where its text and boxes are, not the empty rest of a block label's line
        range.selectNodeContents(el);
        for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) controls.push({ el, r });
        continue;
      }
      const r = el.getBoundingClientRect();
      if (r.width > 0 || r.height > 0) controls.push({ el, r });
    }
    const sizes = shown.map(({ msg }) => ({ w: msg.offsetWidth, h: msg.offsetHeight }));
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const focused = document.activeElement;
    const taken: Box[] = [];
    shown.forEach(({ m, r, box, msg }, i) => {
      const own = (el: Element): boolean => el === m.anchor || m.anchor.contains(el) || el.contains(m.anchor);
      const free = (left: number, top: number, w: number, h: number): boolean => {
        const b = { left, top, right: left + w, bottom: top + h };
        return !controls.some((c) => !own(c.el) && overlaps(b, c.r)) && !taken.some((t) => overlaps(b, t));
      };
      const basic = (w: number, h: number): [number, number][] => {
        const x = Math.max(0, Math.min(r.left, vw - w));
        const out: [number, number][] = [];
        if (r.right + 8 + w <= vw) out.push([r.right + 8, r.top]);
        out.push([x, r.bottom + 4]);
        if (r.top - 4 - h + sy >= 0) out.push([x, r.top - 4 - h]);
        return out;
      };
      let { w, h } = sizes[i]!;
      let at = basic(w, h).find(([x, y]) => free(x, y, w, h));
      const hasFocus = focused !== null && (focused === m.anchor || m.anchor.contains(focused));
      if (!at && hasFocus) {
        // the nearest free place around the field, at the full width or narrower
        const widths = [420, 280, 180].map((maxW) => {
          msg.style.maxWidth = `${maxW}px`;
          return { maxW, w: msg.offsetWidth, h: msg.offsetHeight };
        });
        let chosen: { maxW: number; w: number; h: number } | undefined;
        for (let dy = 0; dy <= 320 && !at; dy += 8) {
          for (const size of widths) {
            const xs = [r.right + 8, Math.max(0, Math.min(r.left, vw - size.w)), r.left - 8 - size.w, vw - size.w - 4].filter((x) => x >= 0 && x + size.w <= vw);
            const ys = dy === 0 ? [r.top, r.bottom + 4, r.top - 4 - size.h] : [r.top + dy, r.top - dy, r.bottom + 4 + dy, r.top - 4 - size.h - dy];
            for (const y of ys) {
              if (y < 0 || y + size.h > vh) continue;
              const x = xs.find((x) => free(x, y, size.w, size.h));
              if (x !== undefined) {
                at = [x, y];
                chosen = size;
                break;
              }
            }
            if (at) break;
          }
        }
        if (chosen) {
          msg.style.maxWidth = `${chosen.maxW}px`;
          w = chosen.w;
          h = chosen.h;
        }
        if (!at) {
          // tooltip bound to the field: over the field itself, as wide as it, clipped to its height
          msg.classList.add('tooltip');
          msg.style.cssText = `left:${r.left + sx}px;top:${r.top + sy}px;max-width:${Math.max(r.width, 40)}px;max-height:${Math.max(r.height, 18)}px`;
          box.classList.add('folded');
          return;
        }
      }
      if (!at) {
        msg.hidden = true;
        box.classList.add('folded');
        return;
      }
      msg.style.cssText = `left:${at[0] + sx}px;top:${at[1] + sy}px${msg.style.maxWidth ? `;max-width:${msg.style.maxWidth}` : ''}`;
      taken.push({ left: at[0], top: at[1], right: at[0] + w, bottom: at[1] + h });
    });
  }

  get dialogOpen(): boolean {
    return this.root.querySelector('.backdrop') !== null;
  }

  /** Modal list of errors with 「修正する」 and 「このまま送信」, in one language (the browser's). */
  showDialog(items: DialogItem[], lang: 'ja' | 'en', onFix: () => void, onSend: () => void): void {
    const t = DIALOG_TEXT[lang];
    this.root.querySelector('.backdrop')?.remove();
    const back = document.createElement('div');
    back.className = 'backdrop';
    const d = document.createElement('div');
    d.className = 'dialog';
    d.setAttribute('role', 'alertdialog');
    d.setAttribute('aria-modal', 'true');
    d.lang = lang;
    const h = document.createElement('h2');
    h.id = 'zc-title';
    h.textContent = t.title(items.length);
    d.setAttribute('aria-labelledby', h.id);
    const lead = document.createElement('p');
    lead.className = 'lead';
    lead.textContent = t.lead;
    const ul = document.createElement('ul');
    for (const it of items) {
      const li = document.createElement('li');
      // messages name their field; add the label only when one does not
      if (!it.message.includes(it.label)) {
        const b = document.createElement('b');
        b.textContent = it.label;
        li.append(b, lang === 'ja' ? '：' : ': ');
      }
      li.append(it.message);
      if (it.earlierStep) li.append(t.earlier);
      ul.append(li);
    }
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    const send = document.createElement('button');
    send.textContent = t.send;
    send.dataset.action = 'send';
    const fix = document.createElement('button');
    fix.className = 'primary';
    fix.textContent = t.fix;
    fix.dataset.action = 'fix';
    const close = (): void => {
      back.remove();
      window.removeEventListener('keydown', onKey, true);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
        onFix();
      }
    };
    fix.addEventListener('click', () => {
      close();
      onFix();
    });
    send.addEventListener('click', () => {
      close();
      onSend();
    });
    window.addEventListener('keydown', onKey, true);
    buttons.append(send, fix);
    d.append(h, lead, ul, buttons);
    back.append(d);
    this.root.append(back);
    fix.focus();
  }
}
