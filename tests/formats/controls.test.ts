// Form-control checkboxes → ☑/☐ marks on the cell under each control.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCheckboxes, readFormCheckboxes } from '../../formats/xlsx/controls.ts';
import { readXlsxBytes } from '../../formats/index.ts';
import { SHIEN_KIROKU, TASSEI_HYOKA, TemplateCopy } from '../helpers/form-templates.ts';

const sheetOf = (bytes: Uint8Array, name: string) => readXlsxBytes(bytes, 'x.xlsx').grids.find((g) => g.name === name)!;
const at = (g: { cells: unknown[][] }, ref: string) => g.cells[Number(ref.slice(1)) - 1]![ref.charCodeAt(0) - 65];

describe('form-control checkboxes', () => {
  it('the 記載例: 支援方法 電話 and 評価 方法 訪問 are checked, every other box is ☐', () => {
    const g = sheetOf(new Uint8Array(readFileSync(SHIEN_KIROKU)), '【記載例】支援記録 (評価)');
    expect(['D5', 'G5', 'J5', 'D23', 'G23', 'J23'].map((r) => at(g, r))).toEqual(['☐', '☑', '☐', '☐', '☑', '☐']);
    // the labels stay in their own cells
    expect([at(g, 'E5'), at(g, 'H5'), at(g, 'H23')]).toEqual(['訪問', '電話', '訪問']);
  });

  it('blank templates: all boxes unchecked, on both sheets of the 達成度評価シート', () => {
    const bytes = new Uint8Array(readFileSync(TASSEI_HYOKA));
    for (const name of ['達成評価シート', '【記載要領】達成評価シート']) {
      const g = sheetOf(bytes, name);
      expect(['D7', 'G7', 'J7'].map((r) => at(g, r))).toEqual(['☐', '☐', '☐']);
    }
  });

  it('stacked controls on one box: checked if any one is', () => {
    const t = new TemplateCopy(SHIEN_KIROKU);
    // 支援記録 D22 carries three stacked controls; check only the first
    t.box(1, 'D22', true, { only: 1 });
    const g = sheetOf(t.bytes(), '支援記録');
    expect(at(g, 'D22')).toBe('☑');
    expect(at(g, 'D5')).toBe('☐');
  });

  it('state from the VML alone or from ctrlProps alone counts', () => {
    const sheet = '<worksheet><legacyDrawing r:id="rId3"/><controls><control shapeId="1025" r:id="rId4" name="Check Box 1"/><control shapeId="1026" r:id="rId5" name="Check Box 2"/></controls></worksheet>';
    const rels = new Map([['rId3', '../drawings/vmlDrawing1.vml'], ['rId4', '../ctrlProps/ctrlProp1.xml'], ['rId5', '../ctrlProps/ctrlProp2.xml']]);
    const shape = (id: number, anchor: string, checked: string, text = '') =>
      `<v:shape id="_x0000_s${id}" type="#_x0000_t201"><v:textbox><div>${text}</div></v:textbox><x:ClientData ObjectType="Checkbox"><x:Anchor>${anchor}</x:Anchor>${checked}</x:ClientData></v:shape>`;
    const parts: Record<string, string> = {
      'xl/drawings/vmlDrawing1.vml': `<xml>${shape(1025, '1, 3, 0, 0, 2, 0, 1, 0', '<x:Checked>1</x:Checked>', '訪問')}${shape(1026, '1, 3, 1, 0, 2, 0, 2, 0', '', '電話')}</xml>`,
      'xl/ctrlProps/ctrlProp1.xml': '<formControlPr objectType="CheckBox"/>',
      'xl/ctrlProps/ctrlProp2.xml': '<formControlPr objectType="CheckBox" checked="Checked"/>',
    };
    const boxes = readFormCheckboxes(sheet, rels, (n) => parts[n]);
    expect(boxes).toEqual([
      { row: 0, col: 1, checked: true, text: '訪問' },
      { row: 1, col: 1, checked: true, text: '電話' },
    ]);
    // the control's own text labels a blank cell; a cell's own text is kept after the mark
    const grid = applyCheckboxes({ name: 's', cells: [[null, null], ['x', '電話（スマホ）']] }, boxes);
    expect(grid.cells).toEqual([[null, '☑訪問'], ['x', '☑電話（スマホ）']]);
  });

  it('a control outside the used range extends the grid; an unreadable drawing loses only its boxes', () => {
    const grid = applyCheckboxes({ name: 's', cells: [['a']] }, [{ row: 2, col: 3, checked: false, text: '' }]);
    expect(grid.cells[2]![3]).toBe('☐');
    const sheet = '<worksheet><legacyDrawing r:id="rId1"/></worksheet>';
    expect(readFormCheckboxes(sheet, new Map([['rId1', '../drawings/v.vml']]), () => { throw new Error('bad'); })).toEqual([]);
  });
});
