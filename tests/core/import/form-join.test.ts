// Several files of one user's month: joined by 受給者証番号, else the folded name; sources per user-month.
import { describe, expect, it } from 'vitest';
import { importGrid, importWorkbook, joinUsers, userMonthSources } from '../../../core/index.ts';
import type { CellValue, SheetGrid } from '../../../core/import/types.ts';

const sheet = (file: string, name: string, no: string | undefined, day: number, box: CellValue = '☑'): SheetGrid => ({
  name: '支援記録',
  file,
  cells: [
    [null, '対象者名', null, name, null, null, null, null, null, null, null, null, null, null, '受給者証番号', null, no ?? null],
    [null, '実 施 日', null, 8, null, null, '年', null, 11, '月', null, day, '日'],
    [null, '支援方法', null, box, '電話'],
    ['支援内容', null, null, '9:00 電話\n15:00 電話'],
  ],
});

describe('joining files per user', () => {
  it('one 受給者証番号 under two spellings of the name is one user; the files of the month are listed', () => {
    const sheets = [
      importGrid(sheet('a.xlsx', '在宅　花子', '0123456789', 4)),
      importGrid(sheet('b.xlsx', 'ざいたく はなこ', '0123456789', 5)),
      importGrid(sheet('c.xlsx', '在宅花子', undefined, 6)),
      importGrid(sheet('d.xlsx', '別の 人', '9999999999', 6)),
    ];
    expect(joinUsers(sheets)).toBe(2);
    expect(sheets.flatMap((s) => s.recordList.map((r) => r.user))).toEqual(['在宅 花子', '在宅 花子', '在宅 花子', '別の 人']);
    expect(userMonthSources(sheets)).toEqual([
      { user: '別の 人', recipientNo: '9999999999', month: '2026-11', files: ['d.xlsx'] },
      { user: '在宅 花子', recipientNo: '0123456789', month: '2026-11', files: ['a.xlsx', 'b.xlsx', 'c.xlsx'] },
    ]);
  });

  it("Excel's in-cell checkboxes (TRUE/FALSE) are boxes too", () => {
    const checked = importGrid(sheet('a.xlsx', 'A', '1', 4, true)).recordList[0]!;
    expect(checked.contacts!.map((c) => c.method)).toEqual(['phone', 'phone']);
    const unchecked = importGrid(sheet('a.xlsx', 'A', '1', 4, false)).recordList[0]!;
    expect(unchecked.contacts!.map((c) => c.method)).toEqual([undefined, undefined]);
  });

  it('a sheet per day with 対象者名 on the first only: the workbook user fills the others', () => {
    const first = sheet('m.xlsx', '在宅 花子', '0123456789', 4);
    const second = { ...sheet('m.xlsx', '', undefined, 5), name: '5日' };
    expect(importGrid(second).inputFindings[0]!.message.ja).toContain('対象者名も受給者証番号も');
    const sheets = importWorkbook([first, second]);
    expect(sheets.map((s) => s.recordList.map((r) => `${r.date} ${r.user} ${r.recipientNo}`))).toEqual([['2026-11-04 在宅 花子 0123456789'], ['2026-11-05 在宅 花子 0123456789']]);
    expect(sheets[1]!.inputFindings).toEqual([]);
  });
});
