// Reading the 備考 of a billed day (J611 item 35) and of the records.

/** NFKC, no spaces: 「在宅 就労」 and 「在宅就労」 compare equal. */
export function compactText(s: string | undefined): string {
  if (s === undefined || s === '') return '';
  let c = compactCache.get(s);
  if (c === undefined) {
    c = s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
    // remarks repeat (在宅就労 on most days): each distinct text is folded once
    if (compactCache.size < 10_000) compactCache.set(s, c);
  }
  return c;
}
const compactCache = new Map<string, string>();

/** The 備考 contains one of the words (在宅, 在宅就労, 在宅支援 …). */
export function remarkHas(remark: string | undefined, words: readonly string[]): boolean {
  const text = compactText(remark);
  return words.some((w) => text.includes(compactText(w)));
}
