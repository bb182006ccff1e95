// Filled copies of the real 北九州市 form templates, made by editing their OOXML in memory: cell values are
// written into the existing <c> elements (styles kept), checkboxes flipped in both ctrlProps and VML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const TEMPLATE_DIR = join(import.meta.dirname, '..', 'fixtures', 'templates');
export const SHIEN_KIROKU = join(TEMPLATE_DIR, 'kitakyushu-zaitaku-shien-kiroku.xlsx');
export const TASSEI_HYOKA = join(TEMPLATE_DIR, 'kitakyushu-tassei-hyoka.xlsx');

/** Excel serial of a time of day carried on some date (as the 記載例 does: 2025-04-08 10:00). */
export const timeSerial = (h: number, m = 0, day = 45755) => day + (h * 60 + m) / 1440;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class TemplateCopy {
  readonly files: Record<string, Uint8Array>;
  constructor(path: string) {
    this.files = unzipSync(new Uint8Array(readFileSync(path)));
  }

  text(name: string): string {
    const f = this.files[name];
    if (!f) throw new Error(`no part ${name}`);
    return strFromU8(f);
  }

  put(name: string, xml: string): void {
    this.files[name] = strToU8(xml);
  }

  /** Writes a value into cell `ref` of worksheet N (a number, or a string as an inline string). */
  set(sheetNo: number, ref: string, value: string | number): this {
    const name = `xl/worksheets/sheet${sheetNo}.xml`;
    let xml = this.text(name);
    const re = new RegExp(`<c r="${ref}"( [^>]*?)?(?:/>|>[\\s\\S]*?</c>)`);
    const m = re.exec(xml);
    if (!m) throw new Error(`no cell ${ref} in ${name}`);
    const attrs = (m[1] ?? '').replace(/\s*\bt="[^"]*"/, '').replace(/\/$/, '');
    const cell = typeof value === 'number' ? `<c r="${ref}"${attrs}><v>${value}</v></c>` : `<c r="${ref}"${attrs} t="inlineStr"><is><t xml:space="preserve">${esc(value)}</t></is></c>`;
    xml = xml.slice(0, m.index) + cell + xml.slice(m.index + m[0].length);
    this.put(name, xml);
    return this;
  }

  /** Checks (or clears) the form-control checkboxes on cell `ref`; `only: 1` flips just the first of a stack. */
  box(sheetNo: number, ref: string, checked: boolean, opts: { only?: number } = {}): this {
    const col = colIndex(/^[A-Z]+/.exec(ref)![0]);
    const row = Number(/\d+$/.exec(ref)![0]) - 1;
    const sheetXml = this.text(`xl/worksheets/sheet${sheetNo}.xml`);
    const rels = this.text(`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`);
    const vmlTarget = /Target="\.\.\/drawings\/(vmlDrawing\d+\.vml)"/.exec(rels)![1]!;
    const vmlName = `xl/drawings/${vmlTarget}`;
    let vml = this.text(vmlName);
    let flipped = 0;
    vml = vml.replace(/<v:shape id="_x0000_s(\d+)"([\s\S]*?)<\/v:shape>/g, (shape, id: string, body: string) => {
      const a = /<x:Anchor>\s*([\d\s,]+)<\/x:Anchor>/.exec(body);
      const nums = a ? a[1]!.split(',').map((s) => Number(s.trim())) : [];
      if (nums[0] !== col || nums[2] !== row) return shape;
      if (opts.only !== undefined && flipped >= opts.only) return shape;
      flipped++;
      // ctrlProp of this shape
      const ctl = new RegExp(`<control shapeId="${id}" r:id="(rId\\d+)"`).exec(sheetXml);
      if (ctl) {
        const target = new RegExp(`Id="${ctl[1]}" Target="\\.\\./ctrlProps/(ctrlProp\\d+\\.xml)"|Target="\\.\\./ctrlProps/(ctrlProp\\d+\\.xml)"[^>]*Id="${ctl[1]}"`).exec(rels);
        const file = target ? `xl/ctrlProps/${target[1] ?? target[2]}` : undefined;
        if (file) {
          let p = this.text(file).replace(/\s*checked="[^"]*"/, '');
          if (checked) p = p.replace('objectType="CheckBox"', 'objectType="CheckBox" checked="Checked"');
          this.put(file, p);
        }
      }
      let b = body.replace(/\s*<x:Checked>[^<]*<\/x:Checked>/, '');
      if (checked) b = b.replace('<x:NoThreeD/>', '<x:Checked>1</x:Checked>\n   <x:NoThreeD/>');
      return `<v:shape id="_x0000_s${id}"${b}</v:shape>`;
    });
    if (flipped === 0) throw new Error(`no checkbox on ${ref} of sheet ${sheetNo}`);
    this.put(vmlName, vml);
    return this;
  }

  bytes(): Uint8Array {
    return zipSync(this.files);
  }
}

/** 支援記録 day block cells: block 1 (rows 4–19) or block 2 (rows 21–36) of the 支援記録 sheet (sheet1). */
export const DAY_BLOCKS = [
  { date: ['D4', 'I4', 'L4'], time: ['Q4', 'V4'], boxes: { 訪問: 'D5', 電話: 'G5', その他: 'J5' }, work: 'D6', contacts: 'D8' },
  { date: ['D21', 'I21', 'L21'], time: ['Q21', 'V21'], boxes: { 訪問: 'D22', 電話: 'G22', その他: 'J22' }, work: 'D23', contacts: 'D25' },
] as const;

export interface DayFill {
  date: [number, number, number]; // 令和 year, month, day
  time?: [number | string, number | string];
  box?: '訪問' | '電話' | 'その他';
  work?: string;
  contacts?: string;
}

/** Fills a day block of sheet `sheetNo` (1 = 支援記録, 2 = 支援記録 (評価) which has block 1 only). */
export function fillDay(t: TemplateCopy, sheetNo: number, block: 0 | 1, d: DayFill): void {
  const b = DAY_BLOCKS[block];
  b.date.forEach((ref, i) => t.set(sheetNo, ref, d.date[i]!));
  if (d.time) b.time.forEach((ref, i) => t.set(sheetNo, ref, d.time![i]!));
  if (d.box) t.box(sheetNo, b.boxes[d.box], true);
  if (d.work) t.set(sheetNo, b.work, d.work);
  if (d.contacts) t.set(sheetNo, b.contacts, d.contacts);
}

export const SHEET_TEXT = [['D8', '入力速度を1分60字に上げる'], ['D11', '毎日のデータ入力と検品作業'], ['D14', '目標の8割を達成、検品は未達'], ['D18', '午後になると集中が切れやすい'], ['D21', '休憩を30分ごとに取り集中を保つ'], ['D25', '睡眠時間と頭痛に注意して作業する'], ['D31', '在宅就労の継続は妥当と判断する']] as const;

/** R8 (2026) November for 在宅 花子 (受給者証 123456789): week 1 with a 訪問 evaluation, week 2 with a one-contact day and no evaluation, the monthly sheet. */
export function novemberCopies(monthlyBox: 'online' | 'center', sheetText: readonly (readonly [string, string])[] = SHEET_TEXT) {
  const week1 = new TemplateCopy(SHIEN_KIROKU);
  week1.set(2, 'D2', '在宅　花子').set(2, 'Q2', 123456789);
  fillDay(week1, 2, 0, { date: [8, 11, 4], time: [timeSerial(9), timeSerial(15)], box: '電話', work: 'データ入力', contacts: '・9:00 開始の電話\n・15:00 終了の電話' });
  // 評価 block of 支援記録 (評価): 令和8年11月6日, 訪問, 対象期間 11/2～11/6
  week1.set(2, 'D22', 8).set(2, 'I22', 11).set(2, 'L22', 6).box(2, 'G23', true);
  week1.set(2, 'D24', 8).set(2, 'G24', 11).set(2, 'I24', 2).set(2, 'L24', 8).set(2, 'O24', 11).set(2, 'Q24', 6);

  const week2 = new TemplateCopy(SHIEN_KIROKU);
  week2.set(1, 'D2', '在宅 花子').set(1, 'Q2', 123456789);
  fillDay(week2, 1, 0, { date: [8, 11, 10], time: [timeSerial(9), timeSerial(15)], box: '電話', work: 'データ入力', contacts: '・9:00 開始の電話\n・15:00 終了の電話' });
  fillDay(week2, 1, 1, { date: [8, 11, 11], time: [timeSerial(9), timeSerial(15)], box: '電話', work: 'データ入力', contacts: '・9:00 開始の電話（終了報告なし）' });

  const monthly = new TemplateCopy(TASSEI_HYOKA);
  monthly.set(1, 'V1', 8).set(1, 'X1', 11).set(1, 'D4', '在宅 花子').set(1, 'Q4', 123456789);
  monthly.set(1, 'D6', 8).set(1, 'I6', 11).set(1, 'L6', 6);
  if (monthlyBox === 'center') monthly.box(1, 'D7', true);
  else monthly.box(1, 'J7', true).set(1, 'K7', 'その他（オンライン）');
  for (const [ref, text] of sheetText) monthly.set(1, ref, text);
  return { week1, week2, monthly };
}
