import { checkForm } from '../../../core/forms/index.ts';
import type { FieldValue, FormReport } from '../../../core/forms/index.ts';

export const AS_OF = '2026-11-23';

export function run(formId: string, values: Record<string, FieldValue>, pack?: string): FormReport {
  return checkForm(formId, values, pack === undefined ? { asOf: AS_OF } : { asOf: AS_OF, pack });
}

/** Violations as `ruleId@field` strings, for compact assertions. */
export function violations(r: FormReport): string[] {
  return r.findings.filter((f) => f.outcome === 'violation').map((f) => `${f.ruleId}@${f.locations.map((l) => l.field).join('+')}`);
}

export function find(r: FormReport, ruleId: string, field?: string) {
  return r.findings.find((f) => f.ruleId === ruleId && (field === undefined || f.locations.some((l) => l.field === field)));
}

export const LONG = (s: string): string => `${s}。具体的には担当職員が記録を確認し、必要に応じて支援します。`;
