// Public entry of core/: pure functions only (no Node I/O, DOM, Office or Chrome).
export * from './model/record.ts';
export * from './model/report.ts';
export { FIELD_LABELS, LAYOUT_LABELS } from './model/fields.ts';
export type { CellValue, SheetGrid, ImportOptions, ImportedSheet } from './import/types.ts';
export { importGrid } from './import/index.ts';
export { importGrids, applyUserTables, readUserTable, type UserTable, type UserTableEntry } from './import/user-table.ts';
export { importWorkbook, joinUsers, userMonthSources, foldUserName, type UserMonthSources } from './import/join.ts';
export { checkSheets } from './engine/index.ts';
export { RULES, getRule } from './rules/index.ts';
export { PACKS, getPack, packForMunicipality } from './packs/index.ts';
export { effectiveRules, type Pack, type EffectiveRule } from './packs/index.ts';
export { FORMS, getForm, detectForm, checkForm } from './forms/index.ts';
export type { BilledDay, BillingFile } from './model/billing.ts';
export { checkDigit, isValidLocalGovCode, packForLocalGovCode } from './billing/local-gov-code.ts';
