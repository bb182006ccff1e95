// Messages between the content script, the side panel and the service worker.
import type { Finding } from '../../core/model/report.ts';
import type { Lang } from './lang.ts';

export interface PanelFinding extends Finding {
  /** label of the first field, in `lang` (as found on the page when the form does not define it) */
  label: string;
}

export interface PageState {
  url: string;
  formId: string;
  formTitle: { ja: string; en: string };
  detectedFormId: string;
  overridden: boolean;
  pack: string;
  fields: { id: string; label: string }[];
  findings: PanelFinding[];
  summary: { errors: number; warnings: number; incomplete: number; pending: number };
  blocking: boolean;
  lastCheckMs: number;
  /** language of the in-page messages and the send dialog (the browser's UI language) */
  lang: Lang;
}

export type ToContent =
  | { type: 'zc:getState' }
  | { type: 'zc:focus'; fieldId: string }
  | { type: 'zc:setForm'; formId: string | null }
  | { type: 'zc:setPack'; pack: string };

export type FromContent = { type: 'zc:state'; state: PageState };
