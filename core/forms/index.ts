// Public API of core/forms (used by the CLI's `form` command and the browser extension). Pure: no DOM.
import { normalizeLabel } from './helpers.ts';
import { runForm } from './check.ts';
import { evaluationSheet } from './forms/evaluation-sheet.ts';
import { fukuokaAssessment } from './forms/fukuoka-assessment.ts';
import { fukuokaNotification } from './forms/fukuoka-notification.ts';
import { genericForm } from './forms/generic.ts';
import { higashiosakaApplication } from './forms/higashiosaka-application.ts';
import { higashiosakaMonthlyList } from './forms/higashiosaka-monthly-list.ts';
import { kobeApplication } from './forms/kobe-application.ts';
import { kobeReport } from './forms/kobe-report.ts';
import { kobeSurvey } from './forms/kobe-survey.ts';
import type { CheckFormOptions, FieldValue, FormDefinition, FormReport } from './types.ts';

export type { CheckFormOptions, FieldDef, FieldGroup, FieldType, FieldValue, FormDefinition, FormIssue, FormReport, FormRule, FormRuleContext, FormSummary } from './types.ts';
export { FORM_PACKS, normalizeLabel } from './helpers.ts';
export { fieldById, rankFields, resolveKeys } from './check.ts';
export type { FieldMatch } from './check.ts';

/** Every form, `generic` last. Order matters for detection: specific titles first. */
export const FORMS: FormDefinition[] = [
  higashiosakaApplication,
  higashiosakaMonthlyList,
  kobeApplication,
  kobeReport,
  kobeSurvey,
  fukuokaAssessment,
  fukuokaNotification,
  evaluationSheet,
  genericForm,
];

export function getForm(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id);
}

/** The form a page is, from its title and headings; undefined when none matches (use `generic`). */
export function detectForm(pageTitleAndHeadings: string): FormDefinition | undefined {
  const text = normalizeLabel(pageTitleAndHeadings);
  if (text === '') return undefined;
  return FORMS.find((f) => f.titlePatterns.some((p) => p.test(text)));
}

/**
 * Checks one filled form. `values` keys are field ids or the form's Japanese labels (matched
 * tolerantly); repeating rows use `users.<row>.<field>` ids (or labels like `氏名1`).
 * An unknown form id gives a report with one `form-unknown` finding, never a throw.
 */
export function checkForm(formId: string, values: Record<string, FieldValue>, options: CheckFormOptions): FormReport {
  const form = getForm(formId);
  if (!form) {
    return {
      formId,
      title: { ja: formId, en: formId },
      findings: [{
        ruleId: 'form-unknown', severity: 'error', outcome: 'incomplete', pack: options.pack ?? 'national', locations: [],
        message: { ja: `様式「${formId}」は登録されていません。使える様式: ${FORMS.map((f) => f.id).join(', ')}`, en: `Unknown form "${formId}". Known forms: ${FORMS.map((f) => f.id).join(', ')}` },
        source: 'rules.md §4',
      }],
      unknownKeys: Object.keys(values),
      summary: { errors: 0, warnings: 0, incomplete: 1, pending: 0 },
    };
  }
  return runForm(form, values, options);
}
