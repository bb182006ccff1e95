// Several files of one user's month: one user per 受給者証番号 (else per folded name), and which files made up each user-month.
import type { DayRecord } from '../model/record.ts';
import { foldUserName } from '../normalize/text.ts';
import { importGrid } from './index.ts';
import { formUserOf, needsWorkbookUser } from './layouts/form.ts';
import type { ImportedSheet, ImportOptions, SheetGrid } from './types.ts';

/**
 * Imports the sheets of one workbook. Form-style sheets that name no user (a month kept as a sheet per day,
 * 対象者名 filled on the first only) take the user of the workbook's form sheets, when they name exactly one.
 */
export function importWorkbook(grids: readonly SheetGrid[], opts: ImportOptions = {}): ImportedSheet[] {
  const sheets = grids.map((g) => importGrid(g, opts));
  if (!sheets.some(needsWorkbookUser)) return sheets;
  const users = new Map<string, NonNullable<ReturnType<typeof formUserOf>>>();
  for (const s of sheets) {
    const u = formUserOf(s);
    if (u) users.set(`${u.name ?? ''}\u0000${u.recipientNo ?? ''}`, u);
  }
  if (users.size !== 1) return sheets;
  const formUser = [...users.values()][0]!;
  return sheets.map((s, i) => (needsWorkbookUser(s) ? importGrid(grids[i]!, { ...opts, formUser }) : s));
}

export { foldUserName };

/**
 * Gives every record of one person the same `user`: records sharing a 受給者証番号 take the name first seen
 * with that number; records without a number take the name of the same folded name. Records are re-pointed
 * in place (sheets stay as they are otherwise); returns the number of records renamed.
 */
export function joinUsers(sheets: readonly ImportedSheet[]): number {
  const byNumber = new Map<string, string>();
  const byFolded = new Map<string, string>();
  const named = (r: DayRecord) => r.recipientNo === undefined || r.user !== r.recipientNo;
  for (const s of sheets) {
    for (const r of s.recordList) {
      if (!named(r)) continue;
      const name = byFolded.get(foldUserName(r.user)) ?? r.user;
      byFolded.set(foldUserName(r.user), name);
      if (r.recipientNo !== undefined && !byNumber.has(r.recipientNo)) byNumber.set(r.recipientNo, name);
    }
  }
  let renamed = 0;
  for (const s of sheets) {
    for (const r of s.recordList) {
      const to = (r.recipientNo !== undefined ? byNumber.get(r.recipientNo) : undefined) ?? byFolded.get(foldUserName(r.user));
      if (to !== undefined && to !== r.user) {
        r.user = to;
        renamed++;
      }
    }
  }
  return renamed;
}

export interface UserMonthSources {
  user: string;
  recipientNo?: string;
  /** YYYY-MM */
  month: string;
  files: string[];
}

/** Per user and month, the files (and sheets) whose records made it up, in input order. */
export function userMonthSources(sheets: readonly ImportedSheet[]): UserMonthSources[] {
  const out = new Map<string, UserMonthSources>();
  for (const s of sheets) {
    const file = s.file ?? s.name;
    for (const r of s.recordList) {
      const month = r.date.slice(0, 7);
      const key = `${r.user}\u0000${month}`;
      let e = out.get(key);
      if (!e) out.set(key, (e = { user: r.user, month, files: [] }));
      if (r.recipientNo !== undefined) e.recipientNo ??= r.recipientNo;
      if (!e.files.includes(file)) e.files.push(file);
    }
  }
  return [...out.values()].sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}
