import type { IsoDate, Service } from '../model/record.ts';
import type { Bilingual, Severity } from '../model/report.ts';

/** `'off'`, a severity, or a severity with rule options (ESLint style). */
export type RuleSetting = Severity | 'off' | [Severity, Record<string, unknown>];

/** A municipality's rule set, as plain data. */
export interface Pack {
  id: string;
  label: Bilingual;
  /** names in the municipality column that select this pack */
  municipalities: string[];
  /**
   * 市町村番号 (全国地方公共団体コード, 6 digits with the check digit) of the municipality and its wards,
   * as written on the 受給者証 and in the 国保連 billing file (J611 item 4)
   */
  localGovCodes?: string[];
  /** 都道府県コード: first two digits of 事業所番号 in this municipality */
  prefectureCode?: string;
  /** pack whose rules this one starts from; also the pack for days and services it does not cover */
  extends?: string;
  /** service days before this date are judged by `extends` */
  effectiveFrom?: IsoDate;
  /** rules of this pack that judge the days before `effectiveFrom` too (a transition that looks back) */
  alsoBeforeStart?: string[];
  /** services the pack covers (users with no service in the data are covered); others are judged by `extends` */
  services?: Service[];
  /** citation of the pack's scope and dates */
  source: string;
  rules: Record<string, RuleSetting>;
}
