// UI strings of the task pane: Japanese first, English when Office's display language is English.
export type Lang = 'ja' | 'en';

const STRINGS = {
  title: { ja: '在宅チェック', en: 'Home-use check' },
  subtitle: { ja: '在宅利用の記録をチェックします', en: 'Checks home-use (在宅利用) records' },
  settings: { ja: '設定', en: 'Settings' },
  pack: { ja: '市町村（既定）', en: 'Default municipality' },
  packHint: { ja: '市町村の列がない利用者に使います', en: 'Used for users without a municipality column' },
  asOf: { ja: '基準日', en: 'As of' },
  weekStart: { ja: '週の始まり', en: 'Week starts on' },
  monday: { ja: '月曜日', en: 'Monday' },
  sunday: { ja: '日曜日', en: 'Sunday' },
  capacity: { ja: '定員', en: 'Capacity (定員)' },
  capacityPlaceholder: { ja: '例: 20', en: 'e.g. 20' },
  autoCheck: { ja: '自動チェック', en: 'Auto check' },
  autoCheckHint: { ja: 'シートを編集すると再チェックします', en: 'Re-checks after you edit the sheet' },
  notes: { ja: '行にメモを付ける', en: 'Add a note to each row' },
  notesUnsupported: { ja: 'この Excel ではメモを使えません（ExcelApi 1.18 が必要）', en: 'Notes need ExcelApi 1.18, not available here' },
  checkSheet: { ja: 'このシートをチェック', en: 'Check this sheet' },
  checkAll: { ja: 'すべてのシートをチェック', en: 'Check all sheets' },
  clear: { ja: 'ハイライトを消す', en: 'Clear highlights' },
  errors: { ja: 'エラー', en: 'Errors' },
  warnings: { ja: '警告', en: 'Warnings' },
  incomplete: { ja: '判定不能', en: 'Incomplete' },
  pending: { ja: '期間中', en: 'Pending' },
  findings: { ja: '指摘', en: 'Findings' },
  noFindings: { ja: '指摘はありません。', en: 'No findings.' },
  nothingChecked: { ja: '記録を1件も読めなかったため、何もチェックしていません（「指摘なし」ではありません）。', en: 'Nothing was checked: no record could be read (this is not "no findings").' },
  sheetNoRows: { ja: 'シート「{sheet}」: 見出し行（{row} 行目）の下に記録の行がありません。', en: 'Sheet "{sheet}": no record rows under the header row (row {row}).' },
  sheetNoRowsHeaderless: { ja: 'シート「{sheet}」: 読める記録の行がありません。', en: 'Sheet "{sheet}": no readable record rows.' },
  source: { ja: '出典', en: 'Source' },
  severity_error: { ja: 'エラー', en: 'Error' },
  severity_warning: { ja: '警告', en: 'Warning' },
  outcome_incomplete: { ja: '判定不能', en: 'Incomplete' },
  outcome_pending: { ja: '期間中', en: 'Pending' },
  more: { ja: 'ほか {n} 件（シートで確認してください）', en: '{n} more (see the sheet)' },
  showAll: { ja: 'すべて表示（{n} 件）', en: 'Show all ({n})' },
  count: { ja: '{n} 件', en: '{n}' },
  inputProblems: { ja: '入力の問題', en: 'Input problems' },
  mapping: { ja: '列の対応', en: 'Column mapping' },
  mappingSheet: { ja: 'シート「{sheet}」', en: 'Sheet "{sheet}"' },
  headerRow: { ja: '見出し行: {row} 行目', en: 'Header row: {row}' },
  noHeaderRow: { ja: '見出し行なし（{row} 行目から記録、指定した列だけ読みます）', en: 'No header row (records from row {row}; only the mapped columns are read)' },
  sample: { ja: '値の例', en: 'Example' },
  layout: { ja: '形式', en: 'Layout' },
  mappingNone: { ja: '（使わない）', en: '(not used)' },
  mappingAuto: { ja: '自動', en: 'auto' },
  mappingSaved: { ja: '列の対応をブックに保存しました。', en: 'Mapping saved in the workbook.' },
  mappingReset: { ja: '自動判定に戻す', en: 'Back to automatic' },
  dayColumn: { ja: '日ごとの列（日付と利用形態）', en: 'Day column (date and mode of that day)' },
  mappingEmpty: { ja: 'チェックすると列の対応が表示されます。', en: 'Run a check to see the column mapping.' },
  column: { ja: '列', en: 'Col' },
  header: { ja: '見出し', en: 'Header' },
  field: { ja: '項目', en: 'Field' },
  checking: { ja: 'チェックしています…', en: 'Checking…' },
  checked: { ja: '{sheets} シート・{records} 件の記録をチェックしました。', en: 'Checked {records} records on {sheets} sheet(s).' },
  cleared: { ja: 'ハイライトを {n} 件消しました。', en: 'Removed {n} highlight(s).' },
  sheetEmpty: { ja: 'シート「{sheet}」は空です。記録を入力してからチェックしてください。', en: 'Sheet "{sheet}" is empty. Enter records, then check.' },
  sheetNoHeader: { ja: 'シート「{sheet}」に見出し行が見つかりません。「列の対応」で列を指定してください。', en: 'No header row found on sheet "{sheet}". Set the columns under "Column mapping".' },
  needApi: { ja: 'この Excel は ExcelApi {version} に対応していないため使えません。Excel を更新するか、Excel on the web をお使いください。', en: 'This Excel does not support ExcelApi {version}. Update Excel or use Excel on the web.' },
  autoCheckUnsupported: { ja: '自動チェックには ExcelApi 1.7 が必要です。', en: 'Auto check needs ExcelApi 1.7.' },
  notInExcel: { ja: 'Excel の中で開いてください。', en: 'Open this pane inside Excel.' },
  failed: { ja: 'チェックできませんでした: {detail}', en: 'Could not check: {detail}' },
  notEvaluated: { ja: '評価できなかったルール', en: 'Rules not evaluated' },
  weekOf: { ja: '{from}〜{to} の週', en: 'week {from}–{to}' },
  monthOf: { ja: '{y}年{m}月', en: '{y}-{m}' },
  selectRows: { ja: '行を選択', en: 'Select rows' },
  selectCell: { ja: 'セルを選択', en: 'Select the cell' },
  cellGroup: { ja: '読めなかったセル', en: 'Cells that could not be read' },
  privacy: { ja: 'データはこのパソコンの外に送信されません。', en: 'No data leaves this computer.' },
} as const satisfies Record<string, { ja: string; en: string }>;

export type StringKey = keyof typeof STRINGS;

export function langFromOffice(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

export function makeT(lang: Lang) {
  return (key: StringKey, vars: Record<string, string | number> = {}): string =>
    STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
