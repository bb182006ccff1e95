// Shadow-DOM layer: outlines, in-place messages and the submit dialog. Never touches page markup or styles.
import { OVERLAY_TAG } from './page-io.ts';

export interface Mark {
  anchor: Element;
  severity: 'error' | 'warning';
  messages: string[];
}

export interface DialogItem {
  label: string;
  message: string;
}

const CSS = `
:host { all: initial; }
.mark { position: absolute; box-sizing: border-box; border: 2px solid #d93025; border-radius: 4px; pointer-events: none; }
.mark.warning { border-color: #e37400; border-style: dashed; }
.msg { position: absolute; width: max-content; max-width: 420px; box-sizing: border-box; padding: 3px 8px; border-radius: 4px; background: #fce8e6; color: #a50e0e;
  font: 12px/1.5 "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; box-shadow: 0 1px 3px rgba(0,0,0,.25); pointer-events: none; }
.msg.warning { background: #fef7e0; color: #7a4100; }
.msg p { margin: 0; }
.backdrop { position: fixed; inset: 0; background: rgba(32,33,36,.45); pointer-events: auto; display: flex; align-items: center; justify-content: center; }
.dialog { width: min(560px, 92vw); max-height: 80vh; display: flex; flex-direction: column; background: #fff; color: #202124; border-radius: 8px; padding: 20px 24px;
  font: 14px/1.6 "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; box-shadow: 0 8px 28px rgba(0,0,0,.35); }
.dialog h2 { font-size: 17px; margin: 0 0 4px; color: #a50e0e; }
.dialog .en { color: #5f6368; font-size: 12px; margin: 0 0 12px; }
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

  constructor() {
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
    for (const m of this.marks) {
      const r = m.anchor.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const box = document.createElement('div');
      box.className = `mark ${m.severity}`;
      box.style.cssText = `left:${r.left + sx - 3}px;top:${r.top + sy - 3}px;width:${r.width + 6}px;height:${r.height + 6}px`;
      const msg = document.createElement('div');
      msg.className = `msg ${m.severity}`;
      msg.setAttribute('role', 'status');
      msg.style.cssText = `left:${r.left + sx}px;top:${r.bottom + sy + 4}px`;
      for (const t of m.messages) {
        const p = document.createElement('p');
        p.textContent = t;
        msg.append(p);
      }
      frag.append(box, msg);
    }
    this.layer.replaceChildren(frag);
  }

  get dialogOpen(): boolean {
    return this.root.querySelector('.backdrop') !== null;
  }

  /** Modal list of errors with 「修正する」 and 「このまま送信」. */
  showDialog(items: DialogItem[], onFix: () => void, onSend: () => void): void {
    this.root.querySelector('.backdrop')?.remove();
    const back = document.createElement('div');
    back.className = 'backdrop';
    const d = document.createElement('div');
    d.className = 'dialog';
    d.setAttribute('role', 'alertdialog');
    d.setAttribute('aria-modal', 'true');
    const h = document.createElement('h2');
    h.id = 'zc-title';
    h.textContent = `送信前に確認してください（${items.length}件のエラー）`;
    d.setAttribute('aria-labelledby', h.id);
    const en = document.createElement('p');
    en.className = 'en';
    en.textContent = `This form has ${items.length} error(s) that may put the fee at risk. Fix them, or send anyway.`;
    const ul = document.createElement('ul');
    for (const it of items) {
      const li = document.createElement('li');
      // messages name their field; add the label only when one does not
      if (!it.message.includes(it.label)) {
        const b = document.createElement('b');
        b.textContent = it.label;
        li.append(b, ': ');
      }
      li.append(it.message);
      ul.append(li);
    }
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    const send = document.createElement('button');
    send.textContent = 'このまま送信 / Send anyway';
    send.dataset.action = 'send';
    const fix = document.createElement('button');
    fix.className = 'primary';
    fix.textContent = '修正する / Fix';
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
    d.append(h, en, ul, buttons);
    back.append(d);
    this.root.append(back);
    fix.focus();
  }
}
