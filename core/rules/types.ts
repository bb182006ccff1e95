import type { z } from 'zod';
import type { CanonicalField, DayRecord, IsoDate } from '../model/record.ts';
import type { Bilingual, PackId, Severity, WeekStart } from '../model/report.ts';
import type { BilledDay } from '../model/billing.ts';

export type Scope = 'day' | 'week' | 'month' | 'user' | 'provider-month';

/** The records a rule judges at once. */
export interface Subject {
  scope: Scope;
  /** trimmed, space-folded name; undefined for provider subjects */
  user?: string;
  pack: PackId;
  period: { from: IsoDate; to: IsoDate };
  /** home-day records of the subject (for a day rule: the one record) */
  home: DayRecord[];
  /** every record of the user in the period (home, 通所, 欠席 …), for context */
  all: DayRecord[];
  /** every record of the user in the data */
  userRecords: DayRecord[];
  /** first and last date the data covers for this user (for cut weeks/months) */
  dataSpan: { from: IsoDate; to: IsoDate };
  /** rules on the billing file: the user's J611 billed days of the subject's day (core/engine/billing.ts) */
  billed?: BilledDay[];
}

export interface RuleContext {
  asOf: IsoDate;
  weekStart: WeekStart;
  capacity?: number;
  /** fields the subject's sheets have a column for */
  fields: ReadonlySet<CanonicalField>;
}

/** What a check returns: a pass, or a finding-to-be with a message id and its data. */
export type CheckResult =
  | { outcome: 'pass' }
  | {
      outcome: 'violation' | 'incomplete' | 'pending';
      messageId: string;
      data?: Record<string, string | number>;
      /** rows concerned, when not all home rows of the subject */
      records?: DayRecord[];
      /** override the severity (e.g. a transitional warning) */
      severity?: Severity;
    };

export interface RuleMeta<O> {
  id: string;
  scope: Scope;
  title: Bilingual;
  /** citations, `file §section`, e.g. `004 6(4)` */
  sources: string[];
  /** severity when a pack enables the rule without saying */
  defaultSeverity: Severity;
  /** groups of fields of which at least one must have a column, else the rule is not evaluated */
  requires: CanonicalField[][];
  options: z.ZodType<O>;
  defaultOptions: O;
  messages: Record<string, Bilingual>;
  /** `billing`: judges the 国保連 billing file against the records; run only when one is given */
  input?: 'billing';
  /**
   * Billing day rules: when every home day of a user's month is a violation (two days or more), one finding
   * for the month with this message (data: `days`, the count; every day's row a location) replaces the day findings.
   */
  monthSummary?: string;
}

export interface Rule<O = unknown> {
  meta: RuleMeta<O>;
  check(subject: Subject, options: O, ctx: RuleContext): CheckResult | CheckResult[];
}

export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}
