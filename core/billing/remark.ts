// Reading the 備考 of a billed day (J611 item 35) and of the records.

/** NFKC, no spaces: 「在宅 就労」 and 「在宅就労」 compare equal. */
export function compactText(s: string | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/** The 備考 contains one of the words (在宅, 在宅就労, 在宅支援 …). */
export function remarkHas(remark: string | undefined, words: readonly string[]): boolean {
  const text = compactText(remark);
  return words.some((w) => text.includes(compactText(w)));
}
