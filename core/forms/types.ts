// Form definitions are data: fields matched by label, plus cross-field rules.
import type { Bilingual, Finding, Severity } from '../model/report.ts';

export type FieldType =
  | 'text' // short free text (names, addresses)
  | 'longtext' // 具体的な方法/内容: not empty, not a placeholder, ≥ minLength characters
  | 'date'
  | 'month' // year-month (対象月) or a bare month (調査票の「_月」)
  | 'number'
  | 'minutes' // a duration read like the workbook importer: 30, 30分, 約30分, 1時間, 1時間30分
  | 'providerNo'
  | 'recipientNo'
  | 'service' // exactly one of 就労移行支援 / 就労継続支援A型 / 就労継続支援B型 (「A型・B型」 names two)
  | 'choice' // one of `options`
  | 'consent'; // a checkbox or yes/no that must be affirmative when required

export type FieldValue = string | string[];

export interface FieldDef {
  id: string;
  label: Bilingual;
  /** tested against a label normalised by `normalizeLabel` (NFKC, no spaces/brackets/marks) */
  patterns: RegExp[];
  type: FieldType;
  required?: boolean;
  /** choice: accepted values; each entry lists synonyms, the first is the canonical label */
  options?: string[][];
  /** longtext: minimum characters (default 10) */
  minLength?: number;
  /** date: must not be after the as-of date (submission dates) */
  notFuture?: boolean;
  /** generic profile: the field may occur many times (ids `<id>.0`, `<id>.1` …) */
  repeat?: boolean;
  /** citation for field-level findings (defaults to the form's source) */
  source?: string;
}

/** Repeating rows (one per user): field ids `<group>.<row>.<field>`, rows from 0. */
export interface FieldGroup {
  id: string;
  label: Bilingual;
  fields: FieldDef[];
  /** at least this many rows must be filled */
  minRows?: number;
}

/** What a cross-field rule reports; the engine adds pack and locations. */
export interface FormIssue {
  ruleId: string;
  severity: Severity;
  outcome?: 'violation' | 'incomplete' | 'pending';
  fields: string[];
  message: Bilingual;
  source: string;
}

export interface FormRuleContext {
  asOf: string;
  pack: string;
  /** the key is present in the input (even if empty) */
  has(id: string): boolean;
  /** normalised text ('' when absent); arrays are joined with '、' */
  text(id: string): string;
  /** the chosen values (array input, or a single non-empty string) */
  list(id: string): string[];
  /** a valid ISO date, else undefined (invalid dates are reported by `date-valid`) */
  date(id: string): string | undefined;
  /** a year-month, or a bare month (year undefined) as the 調査票 writes it; undefined when unreadable */
  month(id: string): { year?: number; month: number } | undefined;
  /** number fields as typed; minutes fields in minutes (`1時間` → 60) */
  number(id: string): number | undefined;
  /** canonical option label of a choice field when exactly one valid option is chosen, else undefined */
  choice(id: string): string | undefined;
  /** consent fields: true / false (negative or pending: 同意予定, 確認中) / undefined (absent or unreadable) */
  consent(id: string): boolean | undefined;
  /** rows of a group with something typed (a blank spare row is no entry) */
  rows(groupId: string): number[];
  /** display label of a field id (official label, or the key as given) */
  label(id: string): string;
}

export interface FormRule {
  id: string;
  check(ctx: FormRuleContext): FormIssue[];
}

export interface FormDefinition {
  id: string;
  title: Bilingual;
  /** tested against normalised page title + headings */
  titlePatterns: RegExp[];
  /** municipal forms belong to a pack; otherwise the caller's pack applies */
  pack?: string;
  /** citation for field-level findings, e.g. `001 様式1` */
  source: string;
  fields: FieldDef[];
  groups?: FieldGroup[];
  rules: FormRule[];
}

export interface FormSummary {
  errors: number;
  warnings: number;
  incomplete: number;
  pending: number;
}

export interface FormReport {
  formId: string;
  title: Bilingual;
  findings: Finding[];
  unknownKeys: string[];
  summary: FormSummary;
}

export interface CheckFormOptions {
  asOf: string;
  pack?: string;
}
