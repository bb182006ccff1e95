import { z } from 'zod';
import { CanonicalField, IsoDate } from './record.ts';

export const PACK_IDS = ['national', 'kobe', 'higashiosaka', 'fukuoka', 'nishio'] as const;
/** Pack ids are open-ended (a new municipality is data), the five above ship. */
export const PackId = z.string().min(1);
export type PackId = z.infer<typeof PackId>;

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

export const Outcome = z.enum(['violation', 'pass', 'incomplete', 'pending']);
export type Outcome = z.infer<typeof Outcome>;

export const Bilingual = z.object({ ja: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

/** A spreadsheet row (1-based as Excel numbers it) or a form field. */
export const Location = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().min(1).optional(),
  column: z.string().optional(),
  /** form field id (forms only) */
  field: z.string().optional(),
  /** item number (項目番号) of a 国保連 interface record; `row` is then the file's line */
  item: z.number().int().min(1).optional(),
});
export type Location = z.infer<typeof Location>;

export const Period = z.object({ from: IsoDate, to: IsoDate });
export type Period = z.infer<typeof Period>;

export const Finding = z.object({
  ruleId: z.string(),
  severity: Severity,
  /** passes are never listed */
  outcome: z.enum(['violation', 'incomplete', 'pending']),
  pack: PackId,
  user: z.string().optional(),
  period: Period.optional(),
  locations: z.array(Location),
  message: Bilingual,
  source: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const Layout = z.enum(['rows', 'per-user-sheet', 'matrix', 'remark-mode', 'user-table', 'form']);
export type Layout = z.infer<typeof Layout>;

export const SheetSummary = z.object({
  name: z.string(),
  layout: Layout.optional(),
  headerRow: z.number().int().optional(),
  /** field → column letter */
  columns: z.partialRecord(CanonicalField, z.string()),
  unmappedHeaders: z.array(z.string()),
  records: z.number().int(),
  homeDays: z.number().int().optional(),
  /** why the sheet gave no records though it was read (a blank form, a city's sample sheet skipped) */
  note: Bilingual.optional(),
});
export type SheetSummary = z.infer<typeof SheetSummary>;

export const InputSummary = z.object({
  file: z.string(),
  sheets: z.array(SheetSummary),
  /** `billing`: a 国保連 interface CSV (J611 実績記録票 read); absent for record files */
  kind: z.enum(['records', 'billing']).optional(),
  /** billing: J611 02 records read as billed service days */
  billedDays: z.number().int().optional(),
  /** billing: data records of other 交換情報 (J111, J121 …) not read, by 交換情報識別番号 */
  skippedRecords: z.record(z.string(), z.number().int()).optional(),
});
export type InputSummary = z.infer<typeof InputSummary>;

export const NotEvaluated = z.object({
  ruleId: z.string(),
  reason: z.string(),
  sheet: z.string().optional(),
  message: Bilingual.optional(),
});
export type NotEvaluated = z.infer<typeof NotEvaluated>;

export const Summary = z.object({
  errors: z.number().int(),
  warnings: z.number().int(),
  incomplete: z.number().int(),
  pending: z.number().int(),
  /** home-day records read over all sheets (check reports) */
  homeDays: z.number().int().optional(),
  /** said when no home day was read: nothing about home use was checked */
  message: Bilingual.optional(),
});
export type Summary = z.infer<typeof Summary>;

export const Report = z.object({
  version: z.literal(1),
  asOf: IsoDate,
  inputs: z.array(InputSummary),
  findings: z.array(Finding),
  notEvaluated: z.array(NotEvaluated),
  summary: Summary,
  /** which files made up each user-month (several files joined for one user) */
  sources: z.array(z.object({ user: z.string(), recipientNo: z.string().optional(), month: z.string(), files: z.array(z.string()) })).optional(),
});
export type Report = z.infer<typeof Report>;

export const WeekStart = z.enum(['mon', 'sun']);
export type WeekStart = z.infer<typeof WeekStart>;

export const CheckOptions = z.object({
  /** pack for users whose municipality is not in the data */
  defaultPack: PackId.default('national'),
  asOf: IsoDate,
  weekStart: WeekStart.default('mon'),
  /** the provider's 定員 */
  capacity: z.number().int().positive().optional(),
});
export type CheckOptions = z.input<typeof CheckOptions>;
export type ResolvedCheckOptions = z.output<typeof CheckOptions>;

/** JSON Schema of the report, for scripts that consume `--format json`. */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(Report, { target: 'draft-2020-12' });
}
