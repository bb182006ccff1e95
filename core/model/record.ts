import { z } from 'zod';

/** Canonical fields of one user-day (rules.md §2). Public API: do not rename. */
export const CANONICAL_FIELDS = [
  'date',
  'user',
  'recipientNo',
  'municipality',
  'service',
  'mode',
  'start',
  'end',
  'contactCount',
  'contacts',
  'dailyReport',
  'workContent',
  'result',
  'weeklyEval',
  'monthlyEval',
  'planned',
  'certFrom',
  'certTo',
  'otherService',
  'remark',
  'userConfirmed',
  'exceptionReason',
  'arrivalMinutes',
] as const;
export const CanonicalField = z.enum(CANONICAL_FIELDS);
export type CanonicalField = z.infer<typeof CanonicalField>;

/** 在宅 / 通所 / 施設外 / 欠席 */
export const Mode = z.enum(['home', 'center', 'offsite', 'absent']);
export type Mode = z.infer<typeof Mode>;

/** 訪問 / 通所 / 電話 / オンライン(ICT) / method not written (○). */
export const EvalMethod = z.enum(['visit', 'center', 'phone', 'online', 'unknown']);
export type EvalMethod = z.infer<typeof EvalMethod>;

/** 就労移行支援 / 就労継続支援A型 / 就労継続支援B型 */
export const Service = z.enum(['transition', 'typeA', 'typeB']);
export type Service = z.infer<typeof Service>;

/** ISO calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type IsoDate = z.infer<typeof IsoDate>;

/** Minutes since midnight (9:30 → 570). */
export const Minutes = z.number().int().min(0).max(48 * 60);

export const Contact = z.object({
  time: Minutes.optional(),
  text: z.string(),
  /** how the contact was made, where the record says (a form's 支援方法 box) */
  method: EvalMethod.optional(),
});
export type Contact = z.infer<typeof Contact>;

export const OtherService = z.object({
  text: z.string(),
  from: Minutes.optional(),
  to: Minutes.optional(),
});
export type OtherService = z.infer<typeof OtherService>;

/** Where a value came from: 1-based Excel row, column letters. */
export const Provenance = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  row: z.number().int().min(1),
  /** column letter of each field's cell in this row */
  columns: z.partialRecord(CanonicalField, z.string()),
});
export type Provenance = z.infer<typeof Provenance>;

/** 達成度評価シート content (`002` カ): each field's text as written, undefined when blank. */
export const EVALUATION_SHEET_FIELDS = ['goal', 'activities', 'achievement', 'issues', 'improvement', 'health', 'continuation'] as const;
export const EvaluationSheetContent = z.partialRecord(z.enum(EVALUATION_SHEET_FIELDS), z.string());
export type EvaluationSheetContent = z.infer<typeof EvaluationSheetContent>;

/**
 * One user-day. A field is `undefined` when the cell is blank; whether the sheet has a
 * column for it at all is told by `fields` (shared by all records of one sheet).
 */
export const DayRecord = z.object({
  date: IsoDate,
  user: z.string().min(1),
  recipientNo: z.string().optional(),
  municipality: z.string().optional(),
  service: Service.optional(),
  mode: Mode.optional(),
  start: Minutes.optional(),
  end: Minutes.optional(),
  contactCount: z.number().int().min(0).optional(),
  contacts: z.array(Contact).optional(),
  dailyReport: z.boolean().optional(),
  workContent: z.string().optional(),
  result: z.string().optional(),
  weeklyEval: EvalMethod.optional(),
  monthlyEval: EvalMethod.optional(),
  planned: z.boolean().optional(),
  certFrom: IsoDate.optional(),
  certTo: IsoDate.optional(),
  otherService: OtherService.optional(),
  remark: z.string().optional(),
  userConfirmed: z.boolean().optional(),
  exceptionReason: z.string().optional(),
  arrivalMinutes: z.number().min(0).optional(),
  /** the seven content fields of a 達成度評価シート read with this evaluation (form-style layout) */
  evaluationSheet: EvaluationSheetContent.optional(),
  /** fields the sheet has a column (or title cell) for */
  fields: z.array(CanonicalField),
  source: Provenance,
});
export type DayRecord = z.infer<typeof DayRecord>;
