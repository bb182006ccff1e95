import type { IsoDate } from './record.ts';
import type { Finding } from './report.ts';

/** One service day of a 国保連 billing file: a J611 02 record (サービス提供実績記録票 明細情報). */
export interface BilledDay {
  /** サービス提供年月 (item 3) + 日付 (item 9) */
  date: IsoDate;
  /** 受給者証番号 (item 6), as written */
  recipientNo: string;
  /** 市町村番号 (item 4): 全国地方公共団体コード with its check digit, as written */
  municipalityCode: string;
  /** the check digit of `municipalityCode` holds */
  municipalityCodeValid: boolean;
  /** 事業所番号 (item 5) */
  providerNo: string;
  /** 様式種別番号 (item 7), e.g. 0301 */
  formType: string;
  /** 開始時間 / 終了時間 (items 14, 15) in minutes since midnight; undefined when blank or unreadable */
  start?: number;
  end?: number;
  /** 施設外支援 (item 29) is 1 */
  offsite: boolean;
  /** 備考 (item 35), as written */
  remark: string;
  /** サービス提供の状況 (item 36): the code as written ('' when blank); its meaning is not interpreted */
  status: string;
  /** file name and 1-based line of the record */
  source: { file: string; line: number };
}

/** What the J611 reader made of one 国保連 interface file. */
export interface BillingFile {
  file: string;
  /** J611 02 records read */
  days: BilledDay[];
  /** J611 01 records read (one per user and month) */
  basicRecords: number;
  /** サービス提供年月 (YYYY-MM) of the J611 records read */
  months: string[];
  /** data records of other 交換情報 (J111, J121 …) skipped: 交換情報識別番号 → count */
  skipped: Record<string, number>;
  /** located `input-*` findings (line, item number) */
  inputFindings: Finding[];
}
