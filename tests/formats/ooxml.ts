// Test helper: hand-assembled OOXML packages (xlsx/xlsm with charts, images, defined names, validations,
// 1904 dates, namespace prefixes …) and a small ZIP writer (deflated/stored, optional data descriptors).
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipOptions {
  stored?: string[];
  /** write sizes and CRC in a data descriptor after the data (flag bit 3), as streaming writers do */
  dataDescriptor?: boolean;
}

export function zip(parts: Record<string, string | Uint8Array>, opts: ZipOptions = {}): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const entries = Object.entries(parts);
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const method = opts.stored?.includes(name) ? 0 : 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = 0x800 | (opts.dataDescriptor ? 8 : 0);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    if (!opts.dataDescriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(data.length, 22);
    }
    local.writeUInt16LE(nameBytes.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(flags, 8);
    head.writeUInt16LE(method, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(nameBytes.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    let size = 30 + nameBytes.length + body.length;
    if (opts.dataDescriptor) {
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc, 4);
      dd.writeUInt32LE(body.length, 8);
      dd.writeUInt32LE(data.length, 12);
      locals.push(dd);
      size += 16;
    }
    central.push(head, nameBytes);
    offset += size;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface BookOptions {
  /** prefix every SpreadsheetML element with this (e.g. 'x') and bind it instead of the default namespace */
  prefix?: string;
  date1904?: boolean;
  /** macro-enabled (.xlsm): vbaProject.bin and the macroEnabled content type */
  xlsm?: boolean;
  /** drawing with an image and a chart, defined names (定員=20), data validations, custom properties, extLst */
  extras?: boolean;
  /** store every string inline instead of in sharedStrings.xml */
  inline?: boolean;
  /** furigana (rPh) in the strings */
  phonetic?: boolean;
  zip?: ZipOptions;
}

/** 1x1 transparent PNG */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The data rows of the hand-made attendance sheet (header + 5 users' days). */
export const BOOK_ROWS: (string | number | boolean)[][] = [
  ['日付', '氏名', '開始', '終了', '連絡', '出席'],
  [46296, '山田 太郎', 0.375, 0.625, 'メール', true],
  [46297, '山田 太郎', 0.3958333333333333, 0.625, '電話', true],
  [46298, '佐藤 花子', 0.375, 0.7083333333333334, 'メール', false],
  [46299, '佐藤 花子', 0.375, 0.625, 'Web会議 & 報告 <済>', true],
  [46300, '鈴木 一郎', 0.375, 0.625, '', true],
];

/** A hand-assembled workbook with two worksheets (記録, 名簿) and the requested features. */
export function makeBook(o: BookOptions = {}): Uint8Array {
  const p = o.prefix ? `${o.prefix}:` : '';
  const el = (s: string) => s.replace(/<(\/?)(?!\?|!)([A-Za-z])/g, `<$1${p}$2`);
  const mainNs = o.prefix ? `xmlns:${o.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const strings: string[] = [];
  const sst = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const strCell = (ref: string, s: string) =>
    o.inline
      ? `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t>${o.phonetic ? '<rPh sb="0" eb="1"><t>ヨミ</t></rPh>' : ''}</is></c>`
      : `<c r="${ref}" t="s"><v>${sst(s)}</v></c>`;
  const rows = BOOK_ROWS.map((row, r) => {
    const cells = row
      .map((v, c) => {
        const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (typeof v === 'string') return v === '' ? '' : strCell(ref, v);
        if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
        const style = c === 0 ? 1 : c <= 3 ? 2 : 0;
        const serial = c === 0 && o.date1904 ? v - 1462 : v;
        return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${serial}</v></c>`;
      })
      .join('');
    return `<row r="${r + 1}">${cells}</row>`;
  }).join('');
  const formulaRow = `<row r="8"><c r="A8"><f>COUNTA(B2:B6)</f><v>5</v></c><c r="B8" t="str"><f>"計"&amp;""</f><v>計</v></c></row>`;
  const extrasAfterData = o.extras
    ? '<mergeCells count="1"><mergeCell ref="E8:F8"/></mergeCells>' +
      '<conditionalFormatting sqref="C2:C6"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0.4</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="E2:E6"><formula1>"メール,電話,Web会議"</formula1></dataValidation></dataValidations>'
    : '';
  const extrasTail = o.extras
    ? `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/>` +
      '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings/></ext></extLst>'
    : '';
  const sheet1 =
    `${XML}<${p}worksheet ${mainNs} xmlns:r="${R}">` +
    el(`<dimension ref="A1:F8"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${rows}${formulaRow}</sheetData>${extrasAfterData}`) +
    el(extrasTail).replace(new RegExp(`<${p}x14:`, 'g'), '<x14:').replace(new RegExp(`</${p}x14:`, 'g'), '</x14:') +
    `</${p}worksheet>`;
  const sheet2 = `${XML}<${p}worksheet ${mainNs} xmlns:r="${R}">${el(`<sheetData><row r="1">${strCell('A1', '氏名')}${strCell('B1', '受給者証番号')}</row><row r="2">${strCell('A2', '山田 太郎')}<c r="B2"><v>1234567890</v></c></row></sheetData>`)}</${p}worksheet>`;
  const sstXml = `${XML}<${p}sst ${mainNs} count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => el(`<si><t>${esc(s)}</t>${o.phonetic ? '<rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="1"/>' : ''}</si>`))
    .join('')}</${p}sst>`;
  const styles =
    `${XML}<${p}styleSheet ${mainNs}>` +
    el(
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="h:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        (o.extras ? '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>' : '') +
        '<tableStyles count="0" defaultTableStyle="TableStyleMedium2"/>',
    ) +
    `</${p}styleSheet>`;
  const definedNames = o.extras ? el('<definedNames><definedName name="定員">20</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">記録!$A$1:$F$8</definedName></definedNames>') : '';
  const workbook =
    `${XML}<${p}workbook ${mainNs} xmlns:r="${R}">` +
    el(`<workbookPr${o.date1904 ? ' date1904="true"' : ''}/><bookViews><workbookView activeTab="0"/></bookViews>`) +
    `<${p}sheets><${p}sheet name="記録" sheetId="1" r:id="rId1"/><${p}sheet name="名簿" sheetId="2" r:id="rId2"/></${p}sheets>` +
    definedNames +
    el('<calcPr calcId="191029"/>') +
    `</${p}workbook>`;
  const mainType = o.xlsm ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
      (o.xlsm ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '') +
      `<Override PartName="/xl/workbook.xml" ContentType="${mainType}"/>` +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      (o.inline ? '' : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>') +
      (o.extras
        ? '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        : '') +
      '</Types>',
    '_rels/.rels':
      `${XML}<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/>` +
      (o.extras ? `<Relationship Id="rId2" Type="${R}/custom-properties" Target="docProps/custom.xml"/>` : '') +
      '</Relationships>',
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/>` +
      (o.inline ? '' : `<Relationship Id="rId4" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`) +
      (o.xlsm ? `<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : '') +
      '</Relationships>',
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/sheet2.xml': sheet2,
    'xl/styles.xml': styles,
  };
  if (!o.inline) parts['xl/sharedStrings.xml'] = sstXml;
  if (o.xlsm) parts['xl/vbaProject.bin'] = Buffer.from('\xd0\xcf\x11\xe0 not a real vba project', 'latin1');
  if (o.extras) {
    parts['xl/worksheets/_rels/sheet1.xml.rels'] = `${XML}<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`;
    parts['xl/drawings/drawing1.xml'] =
      `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      '<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>' +
      '<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId2"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>' +
      '</xdr:wsDr>';
    parts['xl/drawings/_rels/drawing1.xml.rels'] =
      `${XML}<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/image" Target="../media/image1.png"/><Relationship Id="rId2" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`;
    parts['xl/media/image1.png'] = PNG;
    parts['xl/charts/chart1.xml'] =
      `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/>` +
      '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>記録!$C$2:$C$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>' +
      '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>' +
      '</c:plotArea></c:chart></c:chartSpace>';
    parts['docProps/custom.xml'] =
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="事業所番号"><vt:lpwstr>1234567890</vt:lpwstr></property></Properties>`;
  }
  return zip(parts, o.zip);
}
