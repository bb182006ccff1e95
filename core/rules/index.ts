import type { Rule } from './types.ts';
import { dailyContact } from './daily-contact.ts';
import { dailyReport } from './daily-report.ts';
import { workMenu } from './work-menu.ts';
import { productionActivity } from './production-activity.ts';
import { startEndCheck } from './start-end-check.ts';
import { plannedHomeDay } from './planned-home-day.ts';
import { certificatePeriod } from './certificate-period.ts';
import { noConcurrentService } from './no-concurrent-service.ts';
import { recordRemark } from './record-remark.ts';
import { userConfirmation } from './user-confirmation.ts';
import { contactTimestamps } from './contact-timestamps.ts';
import { weeklyEvaluation } from './weekly-evaluation.ts';
import { weeklyCommute } from './weekly-commute.ts';
import { monthlyEvaluation } from './monthly-evaluation.ts';
import { monthlyDayCap } from './monthly-day-cap.ts';
import { homeUserRatio } from './home-user-ratio.ts';
import { emergencyArrival } from './emergency-arrival.ts';
import { billedHomeDayRecord } from './billed-home-day-record.ts';
import { homeDayBilledRemark } from './home-day-billed-remark.ts';
import { homeDayNotBilled } from './home-day-not-billed.ts';
import { billedTimeMismatch } from './billed-time-mismatch.ts';

/** Every rule of rules.md §3 (and billed-time-mismatch, documented in docs/rules.md), in catalogue order. */
export const RULES: readonly Rule<any>[] = [
  dailyContact,
  dailyReport,
  workMenu,
  productionActivity,
  startEndCheck,
  plannedHomeDay,
  certificatePeriod,
  noConcurrentService,
  recordRemark,
  userConfirmation,
  contactTimestamps,
  weeklyEvaluation,
  weeklyCommute,
  monthlyEvaluation,
  monthlyDayCap,
  homeUserRatio,
  emergencyArrival,
  billedHomeDayRecord,
  homeDayBilledRemark,
  homeDayNotBilled,
  billedTimeMismatch,
];

const byId = new Map(RULES.map((r) => [r.meta.id, r]));
export function getRule(id: string): Rule<any> | undefined {
  return byId.get(id);
}
export type { Rule, RuleMeta, Subject, RuleContext, CheckResult, Scope } from './types.ts';
