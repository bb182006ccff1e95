// The one reader: valid OOXML variations read as the plain file; hostile and odd files (generated here,
// small) get a clear, located answer and bounded memory.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, readCsvBytes, readXlsxBytes } from '../../formats/index.ts';
import { openXlsx } from '../../formats/xlsx/workbook.ts';
import { MAX_PART_BYTES } from '../../formats/zip.ts';
import { bookParts, makeBook, zip } from './ooxml.ts';

const grids = (bytes: Uint8Array) => {
  const book = openXlsx(bytes);
  return book.sheetNames.map((_, i) => book.grid(i, 'f.xlsx'));
};

type Variation = (xml: string) => string;
const VARIATIONS: Record<string, Variation> = {
  // attributes of every cell in reverse order
  attributeOrder: (x) => x.replace(/<((?:\w+:)?c)((?:\s+[\w:]+="[^"]*")+)(\s*\/?)>/g, (_m, n: string, attrs: string, end: string) => `<${n}${(attrs.match(/\s+[\w:]+="[^"]*"/g) ?? []).reverse().join('')}${end}>`),
  // a schema-valid extension list and a foreign element inside a cell
  extLstInCell: (x) => x.replace(/(<(\w+:)?v>[^<]*<\/(\w+:)?v>)/, '$1<ext:meta xmlns:ext="urn:x-ext"><ext:v>999</ext:v></ext:meta>'),
  // comments, a processing instruction and an unknown element between rows
  markupBetweenRows: (x) => x.replace(/(<\/(\w+:)?row>)/, '$1<!-- between --><?app hint?><q:meta xmlns:q="urn:x-q"><q:row r="99"/></q:meta>'),
  // whitespace and line breaks between elements
  indentation: (x) => x.replace(/(<\/(\w+:)?c>)/g, '$1\n    ').replace(/(<(\w+:)?row [^>]*>)/g, '\n  $1'),
  // single-quoted attributes
  singleQuotes: (x) => x.replace(/(<(\w+:)?c\s)([^>]*)>/g, (_m, a: string, _p: string, attrs: string) => `${a}${attrs.replace(/="([^"]*)"/g, "='$1'")}>`),
  // a wrapper Office uses for newer features: the Fallback is read
  alternateContent: (x) =>
    x.replace(/(<(\w+:)?sheetData>)/, '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><x14:foo xmlns:x14="urn:x14"/></mc:Choice><mc:Fallback></mc:Fallback></mc:AlternateContent>$1'),
};

describe('one complete reader (property): valid OOXML variations give the plain grid', () => {
  const plain = grids(makeBook());

  it('every variation changes the markup (plain and prefixed)', () => {
    for (const prefix of [undefined, 'x']) {
      const xml = bookParts(prefix ? { prefix } : {})['xl/worksheets/sheet1.xml'] as string;
      for (const [name, v] of Object.entries(VARIATIONS)) expect(v(xml), `${name} ${prefix}`).not.toBe(xml);
    }
  });

  it('for every combination of prefix, inline/shared strings, furigana and markup variations', () => {
    fc.assert(
      fc.property(
        fc.record({
          prefix: fc.constantFrom(undefined, 'x', 'main'),
          inline: fc.boolean(),
          phonetic: fc.boolean(),
          variations: fc.subarray(Object.keys(VARIATIONS)),
        }),
        ({ prefix, inline, phonetic, variations }) => {
          const parts = bookParts({ ...(prefix ? { prefix } : {}), inline, phonetic });
          for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
            let xml = parts[name] as string;
            for (const v of variations) xml = VARIATIONS[v]!(xml);
            parts[name] = xml;
          }
          expect(grids(zip(parts))).toStrictEqual(plain);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the examples with x: prefixes read as the plain files', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../cli/helpers.ts');
    const { ZipArchive } = await import('../../formats/zip.ts');
    for (const f of readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.xlsx'))) {
      const bytes = new Uint8Array(readFileSync(join(ROOT, 'examples', f)));
      const z = new ZipArchive(bytes);
      const parts: Record<string, Uint8Array | string> = {};
      for (const n of z.names()) {
        const data = z.read(n)!;
        if (/^xl\/(worksheets\/[^/]+|sharedStrings|workbook|styles)\.xml$/.test(n)) {
          const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
          parts[n] = new TextDecoder()
            .decode(data)
            .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name === 'xml' ? m : `<${slash}x:${name}`))
            .replace(`xmlns="${main}"`, `xmlns:x="${main}"`);
        } else parts[n] = data;
      }
      expect(grids(zip(parts)), f).toStrictEqual(grids(bytes));
    }
  });
});

describe('hostile and odd workbooks: clear words, bounded memory', () => {
  const say = (bytes: Uint8Array) => {
    try {
      readXlsxBytes(bytes, 'in.xlsx');
    } catch (e) {
      if (e instanceof FormatError) return e.bilingual.ja;
      throw e;
    }
    return 'read';
  };

  it('an encrypted workbook (OLE container with EncryptedPackage) asks to remove the password', () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptedPackage';
    for (let i = 0; i < name.length; i++) cfb[1024 + i * 2] = name.charCodeAt(i);
    expect(say(cfb)).toBe('in.xlsx: パスワードで保護されたブックは読めません。パスワードを外して保存し直してください');
  });

  it('an old .xls and an .ods renamed .xlsx say what they are and how to save as .xlsx', () => {
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(say(xls)).toMatch(/古い Excel 形式（\.xls）.*Excel ブック \(\*\.xlsx\)/);
    const ods = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }, { stored: ['mimetype'] });
    expect(say(ods)).toMatch(/OpenDocument 形式（\.ods）.*\.xlsx/);
    expect(say(new TextEncoder().encode('日付,氏名\n2026/10/1,山田\n'))).toMatch(/テキストファイルのようです/);
  });

  it('a zip bomb (a part declaring more than the limit, or an absurd ratio) is refused for that sheet, before inflating', () => {
    const parts = bookParts();
    const bytes = zip(parts);
    // declare a huge uncompressed size for sheet1 in its central directory record
    const view = new DataView(bytes.buffer);
    let p = bytes.length - 22;
    const cd = view.getUint32(p + 16, true);
    const count = view.getUint16(p + 10, true);
    p = cd;
    for (let i = 0; i < count; i++) {
      const nameLen = view.getUint16(p + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
      if (name === 'xl/worksheets/sheet1.xml') view.setUint32(p + 24, MAX_PART_BYTES + 1, true);
      p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    const r = readXlsxBytes(bytes, 'in.xlsx');
    expect(r.grids[0]!.cells).toEqual([]);
    expect(r.grids[0]!.unreadable!.ja).toMatch(/^「記録」シートは展開後のサイズが大きすぎるため読み込みません/);
    expect(r.grids[1]!.cells.length).toBe(2); // the other sheet is read
  });

  it('one value in column XFD of a 20k-row sheet: rows stay short (no rows × 16384 grid)', () => {
    const rows: string[] = [];
    for (let r = 1; r <= 20_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c>${r === 10 ? `<c r="XFD${r}"><v>1</v></c>` : ''}</row>`);
    const parts = bookParts();
    parts['xl/worksheets/sheet1.xml'] = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const g = grids(zip(parts))[0]!;
    expect(g.cells.length).toBe(20_000);
    expect(g.cells[9]!.length).toBe(16384);
    expect(g.cells[9]![16383]).toBe(1);
    expect(g.cells.reduce((n, r) => n + r.length, 0)).toBe(20_000 - 1 + 16384);
  });

  it('a damaged sheet is reported for that sheet (Japanese first), the others are read', () => {
    const parts = bookParts();
    parts['xl/worksheets/sheet2.xml'] = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v>';
    const r = readXlsxBytes(zip(parts), 'in.xlsx');
    expect(r.grids[0]!.cells.length).toBeGreaterThan(5);
    expect(r.grids[1]!.unreadable!.ja).toMatch(/^「名簿」シートを読み込めません.*保存し直してから/);
    expect(r.grids[1]!.unreadable!.en).toMatch(/^Sheet "名簿" cannot be read/);
  });

  it('hidden and very hidden sheets are skipped unless named; a book with only hidden sheets says so', () => {
    const parts = bookParts();
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('name="名簿" sheetId="2"', 'name="名簿" sheetId="2" state="veryHidden"');
    const r = readXlsxBytes(zip(parts), 'in.xlsx');
    expect(r.grids.map((g) => g.name)).toEqual(['記録']);
    expect(r.hiddenSkipped).toEqual(['名簿']);
    expect(readXlsxBytes(zip(parts), 'in.xlsx', { sheets: ['名簿'] }).grids.map((g) => g.name)).toEqual(['名簿']);
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('name="記録" sheetId="1"', 'name="記録" sheetId="1" state="hidden"');
    expect(() => readXlsxBytes(zip(parts), 'in.xlsx')).toThrow(FormatError);
  });
});

describe('text files', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const utf16le = (s: string, bom: boolean) => {
    const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
    if (bom) out.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      out[(bom ? 2 : 0) + i * 2] = s.charCodeAt(i) & 0xff;
      out[(bom ? 2 : 0) + i * 2 + 1] = s.charCodeAt(i) >> 8;
    }
    return out;
  };
  const CSV = '日付,利用者名,利用形態\n2026/10/1,山田 太郎,在宅\n2026/10/2,山田 太郎,在宅\n2026/10/3,佐藤 花子,通所\n';

  it('a stray quote: located input-quote finding, reading recovers at the next line', () => {
    const text = CSV.replace('2026/10/2,山田 太郎', '2026/10/2,"山田 太郎');
    const g = readCsvBytes(enc(text), 'a.csv').grids[0]!;
    expect(g.cells.length).toBe(4);
    expect(g.cells[2]).toEqual(['2026/10/2', '"山田 太郎', '在宅']);
    expect(g.cells[3]).toEqual(['2026/10/3', '佐藤 花子', '通所']);
    expect(g.readFindings).toMatchObject([{ ruleId: 'input-quote', locations: [{ file: 'a.csv', sheet: 'a', row: 3, column: 'B' }] }]);
    expect(g.readFindings![0]!.message.ja).toMatch(/^「a」3行 B列の引用符/);
    // a closed quote followed by text is not a field end either
    const g2 = readCsvBytes(enc('a,"b"c,d\ne,f,g\n'), 'b.csv').grids[0]!;
    expect(g2.cells).toEqual([['a', '"b"c', 'd'], ['e', 'f', 'g']]);
    // a proper quoted field with a line break stays one field
    expect(readCsvBytes(enc('a,"b\nc",d\n'), 'c.csv').grids[0]!.cells).toEqual([['a', 'b\nc', 'd']]);
  });

  it('.tsv, Excel Unicode text (.txt: UTF-16LE with BOM and tabs) and UTF-16 without BOM', () => {
    const tsv = CSV.replace(/,/g, '\t');
    const want = readCsvBytes(enc(CSV), 'x.csv').grids[0]!.cells;
    expect(readCsvBytes(enc(tsv), 'x.tsv').grids[0]!.cells).toEqual(want);
    expect(readCsvBytes(utf16le(tsv, true), 'x.txt').grids[0]!.cells).toEqual(want);
    expect(readCsvBytes(utf16le(CSV, false), 'x.csv').grids[0]!.cells).toEqual(want);
    expect(readCsvBytes(utf16le(tsv, false), 'x.txt').grids[0]!.readFindings).toBeUndefined();
  });

  it('UTF-8 with one bad byte stays UTF-8, with an input-encoding finding at that cell (blank, not a new user)', () => {
    const bytes = enc(CSV);
    const at = new TextEncoder().encode('2026/10/1,山田 太郎,在宅\n2026/10/2,山').length + new TextEncoder().encode('日付,利用者名,利用形態\n').length;
    const bad = new Uint8Array([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at)]);
    const g = readCsvBytes(bad, 'u.csv').grids[0]!;
    expect(g.cells[1]).toEqual(['2026/10/1', '山田 太郎', '在宅']);
    expect(g.cells[2]).toEqual(['2026/10/2', null, '在宅']);
    expect(g.readFindings).toMatchObject([{ ruleId: 'input-encoding', locations: [{ row: 3, column: 'B' }] }]);
    expect(g.readFindings![0]!.message.ja).toContain('UTF-8 として読みました');
  });

  it('broken Shift_JIS (a lone lead byte) is a finding, never a new user', () => {
    // 山田 in Shift_JIS: 8E 52 93 63; cut the second character in half
    const head = enc('name,mode\n');
    const row1 = new Uint8Array([0x8e, 0x52, 0x93, 0x63, 0x2c, 0x41, 0x0a]);
    const row2 = new Uint8Array([0x8e, 0x52, 0x93, 0x2c, 0x41, 0x0a]);
    const g = readCsvBytes(new Uint8Array([...head, ...row1, ...row2, ...row1]), 's.csv').grids[0]!;
    expect(g.cells[1]).toEqual(['山田', 'A']);
    expect(g.cells[2]![0]).toBeNull();
    expect(g.readFindings).toMatchObject([{ ruleId: 'input-encoding', locations: [{ row: 3, column: 'A' }] }]);
    expect(g.readFindings![0]!.message.ja).toContain('Shift_JIS として読みました');
  });
});
