// The 国保連 billing CSV loaded beside the open workbook: read locally (File.arrayBuffer), detected by content,
// kept in memory for the session only (never in the workbook). The reading is formats/'; the reconciling core's.
import type { BillingFile } from '../core/model/billing.ts';
import type { Finding, Report } from '../core/model/report.ts';
import { readBillingBytes } from '../formats/index.ts';

/** Larger files are refused (a month's J611 of 100 users is a few MB). */
export const MAX_BILLING_MB = 100;

export type BillingProblem = 'unreadable' | 'empty' | 'workbook' | 'not-billing' | 'broken' | 'too-big';

export type BillingLoad = { file: string; billing: BillingFile } | { file: string; problem: BillingProblem; mb?: number };

/** What a file picker gives (a DOM File, or a test's stand-in). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads a picked file as a billing CSV, or says why it is not one. Never throws. */
export async function loadBillingFile(file: PickedFile): Promise<BillingLoad> {
  const name = file.name;
  if (file.size > MAX_BILLING_MB * 1024 * 1024) return { file: name, problem: 'too-big', mb: Math.ceil(file.size / 1024 / 1024) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { file: name, problem: 'unreadable' };
  }
  return billingFromBytes(bytes, name);
}

/** Bytes → a billing file (by content, whatever the name), or why not. Never throws. */
export function billingFromBytes(bytes: Uint8Array, name: string): BillingLoad {
  if (bytes.length === 0) return { file: name, problem: 'empty' };
  if (ZIP.every((b, i) => bytes[i] === b) || CFB.every((b, i) => bytes[i] === b)) return { file: name, problem: 'workbook' };
  try {
    const read = readBillingBytes(bytes, name);
    return read?.billing ? { file: name, billing: read.billing } : { file: name, problem: 'not-billing' };
  } catch {
    // the reader promises located findings instead of throwing; if it does throw, the file is refused
    return { file: name, problem: 'broken' };
  }
}

/** Adds or replaces (same name) a loaded file in the session's list. */
export function withBilling(list: readonly BillingFile[], billing: BillingFile): BillingFile[] {
  return [...list.filter((b) => b.file !== billing.file), billing];
}

/** Names of the billing files among a report's inputs. */
export function billingFileNames(report: Report): Set<string> {
  return new Set(report.inputs.filter((i) => i.kind === 'billing').map((i) => i.file));
}

/** A location in a billing file: a line of the CSV, not a worksheet row. */
export function inBillingFile(loc: Finding['locations'][number], names: ReadonlySet<string>): boolean {
  return loc.sheet === undefined && loc.file !== undefined && names.has(loc.file);
}

/** An input finding (malformed record, unmatched 受給者証番号 …) located only in billing files. */
export function isBillingInput(f: Finding, names: ReadonlySet<string>): boolean {
  return f.ruleId.startsWith('input-') && f.locations.length > 0 && f.locations.every((l) => inBillingFile(l, names));
}
