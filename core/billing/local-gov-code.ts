// 全国地方公共団体コード (総務省): 5 digits + 1 check digit, as the 市町村番号 of a 受給者証.
import { PACKS, type Pack } from '../packs/index.ts';

/**
 * The check digit of a 5-digit 団体コード: the digits weighted 6,5,4,3,2, summed; 11 minus the sum
 * mod 11, last digit kept (remainder 0 → 1, remainder 1 → 0). E.g. 28100 → 0 (神戸市 281000).
 */
export function checkDigit(code5: string): number {
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += (code5.charCodeAt(i) - 48) * (6 - i);
  return (11 - (sum % 11)) % 10;
}

/** A 6-digit 市町村番号 whose last digit is the check digit of the first five. */
export function isValidLocalGovCode(code: string): boolean {
  return /^\d{6}$/.test(code) && checkDigit(code.slice(0, 5)) === code.charCodeAt(5) - 48;
}

const byCode = new Map<string, Pack>();
for (const p of PACKS) for (const c of p.localGovCodes ?? []) byCode.set(c, p);

/** The pack of a 市町村番号 (the city or one of its wards), or undefined for another municipality. */
export function packForLocalGovCode(code: string): Pack | undefined {
  return byCode.get(code);
}

