// Billed days and billing files for rule tests (no bytes: see tests/helpers/j611.ts for files).
import type { BilledDay, BillingFile } from '../../core/model/billing.ts';
import type { CheckOptions, Report } from '../../core/model/report.ts';
import { checkSheets } from '../../core/engine/index.ts';
import { sheetOf, type RecordInput } from './records.ts';

export const RECIPIENT = '4013000033';

/** A billed home day of 山田 太郎 (福岡市), 9:00–15:00, 備考 在宅就労. */
export function billed(date: string, extra: Partial<BilledDay> = {}): BilledDay {
  return {
    date,
    recipientNo: RECIPIENT,
    municipalityCode: '401307',
    municipalityCodeValid: true,
    providerNo: '4012345678',
    formType: '0501',
    start: 9 * 60,
    end: 15 * 60,
    offsite: false,
    remark: '在宅就労',
    status: '',
    source: { file: 'billing.csv', line: 3 },
    ...extra,
  };
}

export function billingOf(days: BilledDay[], months?: string[]): BillingFile {
  return {
    file: 'billing.csv',
    days,
    basicRecords: 1,
    months: months ?? [...new Set(days.map((d) => d.date.slice(0, 7)))],
    skipped: {},
    inputFindings: [],
  };
}

/** Records (with the test recipient number unless given) checked together with billed days. */
export function runBilling(inputs: RecordInput[], days: BilledDay[], options: Partial<CheckOptions> = {}, months?: string[]): Report {
  const records = inputs.map((r) => ({ recipientNo: RECIPIENT, ...r }));
  return checkSheets([sheetOf(records)], { asOf: '2026-12-31', ...options }, [billingOf(days, months)]);
}
