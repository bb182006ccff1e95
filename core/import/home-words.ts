// No silent all-clear: a sheet that gave no home day while 在宅 words stand in its cells says so, naming the
// cells and the column mapping that would read them.
import type { CanonicalField } from '../model/record.ts';
import type { Location } from '../model/report.ts';
import { normalizeText } from '../normalize/text.ts';
import { classifyHeader } from './headers.ts';
import type { GridView } from './grid.ts';
import type { ImportedSheet } from './types.ts';
import { parseMode } from '../normalize/marks.ts';

const WORDS = ['在宅', 'テレワーク', 'リモート'];
const MAX_LOCATIONS = 10;

function hasHomeWord(s: string): boolean {
  for (const w of WORDS) if (s.includes(w)) return true;
  return false;
}

/** Home-day records of a sheet. */
export function countHomeDays(sheet: Pick<ImportedSheet, 'recordList'>): number {
  let n = 0;
  for (const r of sheet.recordList) if (r.mode === 'home') n++;
  return n;
}

/**
 * Sets `sheet.homeDays` and, when it is 0 while cells hold 在宅 / 在宅就労 / 在宅支援 / テレワーク / リモート, adds an
 * `input-mapping` finding naming the cells and the mapping that would read them. Header labels of other
 * fields (在宅利用期間 → the certificate period) are explained words and do not count.
 */
export function checkHomeWords(view: GridView, sheet: ImportedSheet): void {
  const homeDays = countHomeDays(sheet);
  sheet.homeDays = homeDays;
  if (homeDays > 0) return;
  // a form-style sheet is a home-use record by its layout (a blank one says so in its note); a skipped
  // city sample is nobody's record
  if (sheet.layout === 'form' || sheet.problem?.code === 'sample') return;
  const headerIdx = sheet.headerRow === undefined ? -1 : sheet.headerRow - view.startRow;
  const hits: { r: number; c: number; text: string }[] = [];
  let count = 0;
  for (let r = 0; r < view.rowCount; r++) {
    const row = view.row(r);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || !hasHomeWord(v)) continue;
      if (r <= headerIdx + 1 && explainedLabel(v)) continue;
      count++;
      if (hits.length < MAX_LOCATIONS) hits.push({ r, c, text: v });
    }
  }
  if (count === 0) return;
  const cells = hits.map((h) => `${view.letter(h.c)}${view.rowNumber(h.r)}`).join('、') + (count > hits.length ? ` ほか${count - hits.length}か所` : '');
  const cellsEn = hits.map((h) => `${view.letter(h.c)}${view.rowNumber(h.r)}`).join(', ') + (count > hits.length ? ` and ${count - hits.length} more` : '');
  const map = suggestMapping(view, sheet, hits, headerIdx);
  const read = sheet.records > 0 ? { ja: `${sheet.records}件の記録を読みましたが、在宅の日は0日でした`, en: `gave ${sheet.records} records but no home day` } : { ja: '在宅の日を1日も読み取れませんでした', en: 'gave no home day' };
  const locations: Location[] = hits.map((h) => view.location(h.r, h.c));
  view.addFinding({
    ruleId: 'input-mapping',
    severity: 'warning',
    outcome: 'incomplete',
    pack: 'national',
    locations,
    message: {
      ja: `「${view.name}」シートは${read.ja}。しかし${cells}に「在宅」などの語があります（例:「${short(hits[0]!.text)}」）。${map.ja}このシートの在宅利用の要件は判定していません。`,
      en: `Sheet "${view.name}" ${read.en}, yet cells ${cellsEn} hold home-use words (e.g. "${short(hits[0]!.text)}"). ${map.en} No home-use requirement was checked for this sheet.`,
    },
    source: '',
  });
}

/** A header label that names another field (在宅利用期間, 在宅理由, 計画上の在宅). */
function explainedLabel(v: string): boolean {
  if (v.length > 30) return false;
  const role = classifyHeader(v);
  if (!role) return false;
  if (role.kind === 'cert-range') return true;
  return role.kind === 'field' && role.field !== 'mode' && role.field !== 'remark';
}

function short(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 20 ? `${t.slice(0, 20)}…` : t;
}

/** The mapping that would read the words: the column holding most of them, as mode or remark. */
function suggestMapping(view: GridView, sheet: ImportedSheet, hits: { r: number; c: number; text: string }[], headerIdx: number): { ja: string; en: string } {
  const generic = {
    ja: '在宅の日を記録した列を「利用形態」（在宅/通所）または「備考」として対応付けてください（CLI: --map mode=見出し、アドイン: 列の対応付け）。',
    en: 'Map the column that records home days as the mode (在宅/通所) or the remark column (CLI: --map mode=<header>; add-in: column mapping).',
  };
  if (headerIdx < 0) return generic;
  const byCol = new Map<number, { n: number; modeLike: number }>();
  for (const h of hits) {
    if (h.r <= headerIdx) continue;
    const e = byCol.get(h.c) ?? { n: 0, modeLike: 0 };
    e.n++;
    if (parseMode(h.text) !== 'invalid') e.modeLike++;
    byCol.set(h.c, e);
  }
  let best: number | undefined;
  for (const [c, e] of byCol) if (best === undefined || e.n > byCol.get(best)!.n) best = c;
  if (best === undefined) return generic;
  const header = normalizeText(view.text(headerIdx, best)).replace(/\s+/g, ' ').trim();
  const ref = header !== '' ? header : view.letter(best);
  const fed = sheet.columnFields?.[view.letter(best)] as CanonicalField | undefined;
  const e = byCol.get(best)!;
  const field: CanonicalField = fed === 'remark' || e.modeLike === e.n ? 'mode' : 'remark';
  const fedJa = fed ? `（いまは「${fed}」として読んでいます）` : '（いまはどの項目にも対応付けていません）';
  const fedEn = fed ? ` (now read as '${fed}')` : ' (now mapped to no field)';
  return {
    ja: `${view.letter(best)}列「${ref}」${fedJa}を${field === 'mode' ? '利用形態' : '備考'}として読むには、列の対応を ${field}=${ref} にしてください（CLI: --map ${field}=${ref}）。`,
    en: `To read column ${view.letter(best)} "${ref}"${fedEn} as the ${field === 'mode' ? 'mode' : 'remark'}, map ${field}=${ref} (CLI: --map ${field}=${ref}).`,
  };
}
