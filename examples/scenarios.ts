// The example files: data, planted problems, and what the check should report.
import { execFileSync } from 'node:child_process';
import type ExcelJS from 'exceljs';
import {
  type Day,
  type ExampleFile,
  findDay,
  iso,
  type MatrixUser,
  monthPlan,
  newWorkbook,
  type Planted,
  rowsCsv,
  serviceDays,
  type UserSpec,
  weekday,
  workbookBuffer,
  writeMatrixSheet,
  writePerUserSheet,
  writeRemarkSheet,
  writeRowsSheet,
} from './build.ts';
import { jissekiKirokuhyo } from './jisseki.ts';

export interface BuiltExample {
  meta: ExampleFile;
  bytes: Buffer;
}

const CERT = { certFrom: '2026-04-01', certTo: '2027-03-31' };

function user(name: string, municipality: string, service: string, recipientNo: string, extra: Partial<UserSpec> = {}): UserSpec {
  return { name, municipality, service, recipientNo, ...CERT, arrival: 30, ...extra };
}

/** Monday-based week containing `day` of October 2026 (ISO from–to). */
function weekOf(day: number): { from: string; to: string } {
  const offset = (weekday(day) + 6) % 7;
  const mon = new Date(Date.UTC(2026, 9, day - offset));
  const sun = new Date(Date.UTC(2026, 9, day - offset + 6));
  return { from: mon.toISOString().slice(0, 10), to: sun.toISOString().slice(0, 10) };
}

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

function dayPeriod(day: number) {
  return { from: iso(day), to: iso(day) };
}

function homeRows(days: Day[], rows: Map<Day, number>, u: UserSpec, period: { from: string; to: string }): number[] {
  return days
    .filter((d) => d.user === u && d.mode === '在宅' && iso(d.day) >= period.from && iso(d.day) <= period.to)
    .map((d) => rows.get(d)!)
    .sort((a, b) => a - b);
}

const AS_OF = ['--as-of', '2026-11-22'];

// ---------------------------------------------------------------- attendance-rows.xlsx

async function attendanceRows(): Promise<BuiltExample> {
  const kitano = user('北野 花子', '神戸市', '就労継続支援A型', '2810000011');
  const yamada = user('山田 太郎', '東大阪市', '就労継続支援B型', '2720000022');
  const sato = user('佐藤 美咲', '福岡市', '就労移行支援', '4013000033');
  const suzuki = user('鈴木 健', '西尾市', '就労継続支援B型', '2321300044');
  const tanaka = user('田中 実', '', '就労継続支援A型', '1310000055', { certTo: '2026-10-28' });
  const users = [kitano, yamada, sato, suzuki, tanaka];
  const days = users.flatMap((u) => monthPlan(u));
  const at = (u: UserSpec, d: number) => findDay(days, u, d);

  at(kitano, 6).contact2 = null;
  const k21 = at(kitano, 21);
  Object.assign(k21, { mode: '在宅', weekly: 'オンライン', contact1: '9:30 電話（始業確認）', contact2: '15:00 電話（終業確認）', report: '○', planned: '○', remark: '在宅就労' });
  Object.assign(at(yamada, 15), { end: null, result: null });
  at(yamada, 20).other = '居宅介護 10:00～11:00';
  at(sato, 9).remark = null;
  at(sato, 23).confirm = null;
  Object.assign(at(suzuki, 16), { planned: null, remark: '体調不良のため急遽在宅に変更' });
  at(suzuki, 27).contact1 = '電話（始業確認）';
  at(suzuki, 22).work = 'eスポーツの練習';
  at(tanaka, 13).report = '×';
  Object.assign(at(tanaka, 14), { monthly: null });
  at(tanaka, 15).monthly = '電話';
  // a row with an impossible date, after 田中's last day
  const badDate: Day = { ...at(tanaka, 30), day: 30, dateText: '2026/10/32' };
  days.splice(days.indexOf(at(tanaka, 30)) + 1, 0, badDate);

  const wb = newWorkbook();
  const sheet = '10月';
  const rows = writeRowsSheet(wb, sheet, '令和8年10月 在宅利用記録', days);
  const row = (u: UserSpec, d: number) => rows.get(at(u, d))!;
  const planted: Planted[] = [
    { ruleId: 'daily-contact', user: kitano.name, severity: 'error', outcome: 'violation', period: dayPeriod(6), sheet, rows: [row(kitano, 6)], what: { ja: '10/6 の連絡2が空欄（連絡1回のみ）', en: 'Oct 6: second contact blank (one contact only)' } },
    { ruleId: 'weekly-evaluation', user: kitano.name, severity: 'warning', outcome: 'violation', period: weekOf(21), sheet, rows: homeRows(days, rows, kitano, weekOf(21)), what: { ja: '10/19〜25 の週の評価がオンラインのみ（神戸市は訪問・通所 → 警告）', en: 'Week of Oct 19: evaluation online only (Kobe asks for visit/on-site → warning)' } },
    { ruleId: 'start-end-check', user: yamada.name, severity: 'error', outcome: 'violation', period: dayPeriod(15), sheet, rows: [row(yamada, 15)], what: { ja: '10/15 の終了時間と成果が空欄（東大阪市の終了時確認）', en: 'Oct 15: end time and result blank (Higashiosaka end-of-work check)' } },
    { ruleId: 'no-concurrent-service', user: yamada.name, severity: 'error', outcome: 'violation', period: dayPeriod(20), sheet, rows: [row(yamada, 20)], what: { ja: '10/20 在宅作業中（9:30〜15:30）に居宅介護 10:00〜11:00', en: 'Oct 20: home-care service 10:00–11:00 during home work' } },
    { ruleId: 'record-remark', user: sato.name, severity: 'error', outcome: 'violation', period: dayPeriod(9), sheet, rows: [row(sato, 9)], what: { ja: '10/9 の備考に「在宅就労」がない（福岡市）', en: 'Oct 9: remark lacks 在宅就労 (Fukuoka)' } },
    { ruleId: 'user-confirmation', user: sato.name, severity: 'warning', outcome: 'violation', period: dayPeriod(23), sheet, rows: [row(sato, 23)], what: { ja: '10/23 の利用者確認が空欄（福岡市）', en: 'Oct 23: user confirmation blank (Fukuoka)' } },
    { ruleId: 'planned-home-day', user: suzuki.name, severity: 'error', outcome: 'violation', period: dayPeriod(16), sheet, rows: [row(suzuki, 16)], what: { ja: '10/16 体調不良で急遽在宅（計画外。西尾市は不可）', en: 'Oct 16: ad-hoc home day for illness, not planned (Nishio)' } },
    { ruleId: 'production-activity', user: suzuki.name, severity: 'warning', outcome: 'violation', period: dayPeriod(22), sheet, rows: [row(suzuki, 22)], what: { ja: '10/22 作業内容が「eスポーツの練習」', en: 'Oct 22: work content is e-sports practice' } },
    { ruleId: 'contact-timestamps', user: suzuki.name, severity: 'warning', outcome: 'violation', period: dayPeriod(27), sheet, rows: [row(suzuki, 27)], what: { ja: '10/27 の連絡1に時刻がない（西尾市）', en: 'Oct 27: first contact has no time (Nishio)' } },
    { ruleId: 'daily-report', user: tanaka.name, severity: 'error', outcome: 'violation', period: dayPeriod(13), sheet, rows: [row(tanaka, 13)], what: { ja: '10/13 の日報が「×」', en: 'Oct 13: daily report marked ×' } },
    { ruleId: 'certificate-period', user: tanaka.name, severity: 'error', outcome: 'violation', period: dayPeriod(29), sheet, rows: [row(tanaka, 29)], what: { ja: '受給者証の在宅期間が 10/28 まで: 10/29 は期間外', en: 'Certificate home period ends Oct 28: Oct 29 outside' } },
    { ruleId: 'certificate-period', user: tanaka.name, severity: 'error', outcome: 'violation', period: dayPeriod(30), sheet, rows: [row(tanaka, 30)], what: { ja: '同上: 10/30 も期間外', en: 'Same: Oct 30 outside' } },
    { ruleId: 'monthly-evaluation', user: tanaka.name, severity: 'error', outcome: 'violation', period: OCTOBER, sheet, rows: homeRows(days.filter((d) => d !== badDate), rows, tanaka, OCTOBER), what: { ja: '10月の達成度評価が電話のみ（対面が必要）', en: 'October: achievement evaluation by phone only (face-to-face required)' } },
    { ruleId: 'input-date', severity: 'warning', outcome: 'incomplete', sheet, rows: [rows.get(badDate)!], column: 'A', what: { ja: '日付「2026/10/32」は存在しない日付', en: 'Date 2026/10/32 does not exist' } },
  ];
  const alsoExpected: Planted[] = [
    { ruleId: 'home-user-ratio', severity: 'error', outcome: 'incomplete', period: OCTOBER, rows: [], what: { ja: '定員（--capacity）未指定のため東大阪市の在宅利用者割合は判定不可', en: 'No --capacity: Higashiosaka home-user ratio cannot be decided' } },
  ];
  return {
    meta: {
      file: 'attendance-rows.xlsx',
      title: { ja: '1行＝利用者1日の勤怠表（5市町村の利用者）', en: 'One row per user-day, users of all five packs' },
      layout: 'rows',
      packs: ['kobe', 'higashiosaka', 'fukuoka', 'nishio', 'national'],
      args: AS_OF,
      expectedExit: 1,
      planted,
      alsoExpected,
    },
    bytes: await workbookBuffer(wb),
  };
}

// ---------------------------------------------------------------- per-user-sheet.xlsx

async function perUserSheets(): Promise<BuiltExample> {
  const nakamura = user('中村 さくら', '福岡市', '就労継続支援A型', '4013000066');
  const kobayashi = user('小林 大輔', '西尾市', '就労継続支援B型', '2321300077');
  const kato = user('加藤 由美', '神戸市', '就労移行支援', '2810000088');
  const wb = newWorkbook();
  const planted: Planted[] = [];

  const nDays = monthPlan(nakamura, { monthlyEvalDay: 21 });
  const at = (ds: Day[], u: UserSpec, d: number) => findDay(ds, u, d);
  at(nDays, nakamura, 8).remark = null;
  at(nDays, nakamura, 14).weekly = null;
  const nRows = writePerUserSheet(wb, nakamura, nDays);
  planted.push(
    { ruleId: 'record-remark', user: nakamura.name, severity: 'error', outcome: 'violation', period: dayPeriod(8), sheet: nakamura.name, rows: [nRows.get(at(nDays, nakamura, 8))!], what: { ja: '10/8 の備考に「在宅就労」がない', en: 'Oct 8: remark lacks 在宅就労' } },
    { ruleId: 'weekly-evaluation', user: nakamura.name, severity: 'error', outcome: 'violation', period: weekOf(14), sheet: nakamura.name, rows: homeRows(nDays, nRows, nakamura, weekOf(14)), what: { ja: '10/12〜18 の週に評価の記録がない', en: 'Week of Oct 12: no evaluation recorded' } },
  );

  const kDays = monthPlan(kobayashi, { monthlyEvalDay: 21 });
  at(kDays, kobayashi, 19).contact2 = null;
  Object.assign(at(kDays, kobayashi, 21), { monthly: null });
  at(kDays, kobayashi, 22).monthly = 'オンライン';
  const kRows = writePerUserSheet(wb, kobayashi, kDays);
  planted.push(
    { ruleId: 'daily-contact', user: kobayashi.name, severity: 'error', outcome: 'violation', period: dayPeriod(19), sheet: kobayashi.name, rows: [kRows.get(at(kDays, kobayashi, 19))!], what: { ja: '10/19 の連絡②が空欄', en: 'Oct 19: second contact blank' } },
    { ruleId: 'monthly-evaluation', user: kobayashi.name, severity: 'error', outcome: 'violation', period: OCTOBER, sheet: kobayashi.name, rows: homeRows(kDays, kRows, kobayashi, OCTOBER), what: { ja: '10月の達成度評価がオンラインのみ（西尾市: オンライン不可）', en: 'October: achievement evaluation online only (not allowed)' } },
  );

  const aDays = monthPlan(kato, { monthlyEvalDay: 0 });
  at(aDays, kato, 26).report = null;
  at(aDays, kato, 22).monthly = '訪問';
  const aRows = writePerUserSheet(wb, kato, aDays);
  planted.push(
    { ruleId: 'daily-report', user: kato.name, severity: 'error', outcome: 'violation', period: dayPeriod(26), sheet: kato.name, rows: [aRows.get(at(aDays, kato, 26))!], what: { ja: '10/26 の日報が空欄', en: 'Oct 26: daily report blank' } },
    { ruleId: 'monthly-evaluation', user: kato.name, severity: 'warning', outcome: 'violation', period: OCTOBER, sheet: kato.name, rows: homeRows(aDays, aRows, kato, OCTOBER), what: { ja: '10月の達成度評価が訪問（神戸市の抜粋は通所 → 警告）', en: 'October: achievement evaluation by visit (Kobe excerpt says on-site → warning)' } },
  );
  return {
    meta: {
      file: 'per-user-sheet.xlsx',
      title: { ja: '利用者ごとのシート（実績記録票形式、日付欄は日のみ）', en: 'One sheet per user (実績記録票 style, day numbers only)' },
      layout: 'per-user-sheet',
      packs: ['fukuoka', 'nishio', 'kobe'],
      args: AS_OF,
      expectedExit: 1,
      planted,
      alsoExpected: [],
    },
    bytes: await workbookBuffer(wb),
  };
}

// ---------------------------------------------------------------- matrix.xlsx

function marksFor(homeDays: number[], centerDays: number[], extra: Record<number, string> = {}): Record<number, string> {
  const marks: Record<number, string> = {};
  for (const d of homeDays) marks[d] = '○';
  for (const d of centerDays) marks[d] = '通';
  return { ...marks, ...extra };
}

async function matrix(): Promise<BuiltExample> {
  const wednesdays = serviceDays().filter((d) => weekday(d) === 3);
  const center = [2, ...wednesdays];
  const home = serviceDays().filter((d) => !center.includes(d));
  const evalDays = [2, ...wednesdays];

  const matsumoto = user('松本 翔', '福岡市', '', '4013000101');
  const inoue = user('井上 彩', '福岡市', '', '4013000102');
  const kimura = user('木村 拓也', '福岡市', '', '4013000103');
  const hayashi = user('林 優子', '東大阪市', '', '2720000104');
  const shimizu = user('清水 健太', '', '', '1310000105');

  const saturdays = [3, 10, 17, 24];
  const hayashiCenter = center.filter((d) => d !== 14);
  const users: MatrixUser[] = [
    { user: matsumoto, marks: marksFor(home, center), weeklyEvalDays: evalDays, monthlyEvalDays: [14] },
    { user: inoue, marks: marksFor(home, center, { 29: '欠' }), weeklyEvalDays: evalDays.filter((d) => d !== 21), monthlyEvalDays: [14] },
    { user: kimura, marks: marksFor(home, center), weeklyEvalDays: evalDays, monthlyEvalDays: [] },
    {
      user: hayashi,
      marks: marksFor([...home, 14, ...saturdays], hayashiCenter, { 13: '訪問' }),
      weeklyEvalDays: [2, 7, 13, 21, 28],
      monthlyEvalDays: [21],
    },
    { user: shimizu, marks: marksFor(home, center, { 9: '訪問' }), weeklyEvalDays: evalDays, monthlyEvalDays: [14] },
  ];
  const wb = newWorkbook();
  const sheet = '10月';
  const rows = writeMatrixSheet(wb, sheet, users);
  const row = (u: UserSpec) => rows.get(users.find((x) => x.user === u)!)!;
  const planted: Planted[] = [
    { ruleId: 'weekly-evaluation', user: inoue.name, severity: 'error', outcome: 'violation', period: weekOf(21), sheet, rows: [row(inoue)], what: { ja: '評価実施日に 21 日がなく、10/19〜25 の週に評価なし', en: 'No evaluation date in the week of Oct 19' } },
    { ruleId: 'monthly-evaluation', user: kimura.name, severity: 'error', outcome: 'violation', period: OCTOBER, sheet, rows: [row(kimura)], what: { ja: '達成度評価実施日が空欄', en: 'No achievement evaluation date' } },
    { ruleId: 'monthly-day-cap', user: hayashi.name, severity: 'error', outcome: 'violation', period: OCTOBER, sheet, rows: [row(hayashi)], what: { ja: '在宅＋通所 26 日 > 31−8=23 日（東大阪市B型）', en: 'Home + on-site 26 days > 23 (Higashiosaka type B)' } },
    { ruleId: 'weekly-commute', user: hayashi.name, severity: 'warning', outcome: 'violation', period: weekOf(14), sheet, rows: [row(hayashi)], what: { ja: '10/12〜18 の週に通所なし（原則週1回）', en: 'Week of Oct 12: no on-site day' } },
  ];
  const alsoExpected: Planted[] = [
    { ruleId: 'home-user-ratio', severity: 'error', outcome: 'incomplete', period: OCTOBER, rows: [], what: { ja: '定員（--capacity）未指定のため判定不可', en: 'No --capacity: cannot be decided' } },
  ];
  return {
    meta: {
      file: 'matrix.xlsx',
      title: { ja: '在宅就労支援実施一覧表（1行＝利用者、日付列1〜31）', en: 'Monthly matrix (one row per user, day columns 1–31)' },
      layout: 'matrix',
      packs: ['fukuoka', 'higashiosaka', 'national'],
      args: AS_OF,
      expectedExit: 1,
      planted,
      alsoExpected,
    },
    bytes: await workbookBuffer(wb),
  };
}

// ---------------------------------------------------------------- remark-mode.xlsx

async function remarkMode(): Promise<BuiltExample> {
  const mori = user('森 直樹', '福岡市', '就労継続支援B型', '4013000201');
  const ikeda = user('池田 恵', '神戸市', '就労継続支援A型', '2810000202');
  const days = [...monthPlan(mori), ...monthPlan(ikeda)];
  const at = (u: UserSpec, d: number) => findDay(days, u, d);
  at(mori, 6).contact2 = null;
  at(mori, 16).confirm = null;
  at(ikeda, 20).report = null;
  at(ikeda, 27).work = null;
  const wb = newWorkbook();
  const sheet = '実績記録票';
  const rows = writeRemarkSheet(wb, sheet, days);
  const row = (u: UserSpec, d: number) => rows.get(at(u, d))!;
  const planted: Planted[] = [
    { ruleId: 'daily-contact', user: mori.name, severity: 'error', outcome: 'violation', period: dayPeriod(6), sheet, rows: [row(mori, 6)], what: { ja: '10/6 の連絡2が空欄', en: 'Oct 6: second contact blank' } },
    { ruleId: 'user-confirmation', user: mori.name, severity: 'warning', outcome: 'violation', period: dayPeriod(16), sheet, rows: [row(mori, 16)], what: { ja: '10/16 の利用者確認が空欄（福岡市）', en: 'Oct 16: user confirmation blank (Fukuoka)' } },
    { ruleId: 'daily-report', user: ikeda.name, severity: 'error', outcome: 'violation', period: dayPeriod(20), sheet, rows: [row(ikeda, 20)], what: { ja: '10/20 の日報が空欄', en: 'Oct 20: daily report blank' } },
    { ruleId: 'work-menu', user: ikeda.name, severity: 'warning', outcome: 'violation', period: dayPeriod(27), sheet, rows: [row(ikeda, 27)], what: { ja: '10/27 の作業内容が空欄', en: 'Oct 27: work content blank' } },
  ];
  return {
    meta: {
      file: 'remark-mode.xlsx',
      title: { ja: '利用形態の列がなく、備考の「在宅就労」で在宅日を示す実績記録票', en: 'No mode column: home days marked 在宅就労 in 備考' },
      layout: 'remark-mode',
      packs: ['fukuoka', 'kobe'],
      args: AS_OF,
      expectedExit: 1,
      planted,
      alsoExpected: [],
    },
    bytes: await workbookBuffer(wb),
  };
}

// ---------------------------------------------------------------- CSVs

const CSV_SJIS_HEADERS = ['日付', '利用者名', '支給決定市町村', 'サービス種類', '利用形態', '開始時間', '終了時間', '連絡1', '連絡2', '日報', '作業内容', '成果', '週評価', '月評価', '個別支援計画', '受給者証在宅期間(開始)', '受給者証在宅期間(終了)', '備考'] as const;

/** UTF-8 → Shift_JIS with Debian's iconv (Node has no Shift_JIS encoder). */
export function toShiftJis(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'SHIFT_JIS'], { input: Buffer.from(text, 'utf8') });
}

async function csvSjis(): Promise<BuiltExample> {
  const okada = user('岡田 正', '西尾市', '就労継続支援B型', '2321300301');
  const maeda = user('前田 愛', '', '就労移行支援', '1310000302');
  const days = [...monthPlan(okada), ...monthPlan(maeda)];
  const at = (u: UserSpec, d: number) => findDay(days, u, d);
  at(okada, 5).contact2 = null;
  const dup: Day = { ...at(maeda, 9) };
  days.splice(days.indexOf(at(maeda, 9)) + 1, 0, dup);
  at(maeda, 13).modeText = '★';
  const { text, rows } = rowsCsv(days, CSV_SJIS_HEADERS);
  const sheet = 'attendance-sjis';
  const planted: Planted[] = [
    { ruleId: 'daily-contact', user: okada.name, severity: 'error', outcome: 'violation', period: dayPeriod(5), sheet, rows: [rows.get(at(okada, 5))!], what: { ja: '10/5 の連絡2が空欄', en: 'Oct 5: second contact blank' } },
    { ruleId: 'input-duplicate', user: maeda.name, severity: 'warning', outcome: 'incomplete', sheet, rows: [rows.get(dup)!], what: { ja: '10/9 の前田さんの行が2行ある', en: 'Oct 9 row for 前田 twice' } },
    { ruleId: 'input-unknown-mode', user: maeda.name, severity: 'warning', outcome: 'incomplete', sheet, rows: [rows.get(at(maeda, 13))!], column: 'E', what: { ja: '10/13 の利用形態「★」が不明', en: 'Oct 13: unknown mode ★' } },
  ];
  return {
    meta: {
      file: 'attendance-sjis.csv',
      title: { ja: 'Shift_JIS の CSV（Excel の「CSV」保存形式）', en: 'Shift_JIS CSV (as saved by Japanese Excel)' },
      layout: 'rows',
      packs: ['nishio', 'national'],
      args: AS_OF,
      expectedExit: 1,
      planted,
      alsoExpected: [],
    },
    bytes: toShiftJis(text),
  };
}

const CSV_BOM_HEADERS = ['日付', '利用者名', '支給決定市町村', 'サービス種類', '利用形態', '開始時間', '終了時間', '連絡1', '連絡2', '日報', '作業内容', '成果', '週評価', '月評価', '個別支援計画', '受給者証在宅期間(開始)', '受給者証在宅期間(終了)', '他サービス', '備考', '利用者確認', '駆けつけ時間(分)'] as const;

async function csvBom(): Promise<BuiltExample> {
  const hasegawa = user('長谷川 誠', '福岡市', '就労継続支援A型', '4013000401');
  const ishii = user('石井 陽子', '東大阪市', '就労継続支援B型', '2720000402');
  const days = [...monthPlan(hasegawa), ...monthPlan(ishii)];
  const at = (u: UserSpec, d: number) => findDay(days, u, d);
  at(hasegawa, 8).startText = '25:99';
  at(hasegawa, 22).remark = null;
  at(ishii, 13).report = null;
  const { text, rows } = rowsCsv(days, CSV_BOM_HEADERS);
  const sheet = 'attendance-utf8bom';
  const planted: Planted[] = [
    { ruleId: 'input-time', user: hasegawa.name, severity: 'warning', outcome: 'incomplete', sheet, rows: [rows.get(at(hasegawa, 8))!], column: 'F', what: { ja: '10/8 の開始時間「25:99」が不正', en: 'Oct 8: invalid start time 25:99' } },
    { ruleId: 'record-remark', user: hasegawa.name, severity: 'error', outcome: 'violation', period: dayPeriod(22), sheet, rows: [rows.get(at(hasegawa, 22))!], what: { ja: '10/22 の備考に「在宅就労」がない（福岡市）', en: 'Oct 22: remark lacks 在宅就労 (Fukuoka)' } },
    { ruleId: 'daily-report', user: ishii.name, severity: 'error', outcome: 'violation', period: dayPeriod(13), sheet, rows: [rows.get(at(ishii, 13))!], what: { ja: '10/13 の日報が空欄', en: 'Oct 13: daily report blank' } },
  ];
  const alsoExpected: Planted[] = [
    { ruleId: 'home-user-ratio', severity: 'error', outcome: 'incomplete', period: OCTOBER, rows: [], what: { ja: '定員（--capacity）未指定のため判定不可', en: 'No --capacity: cannot be decided' } },
  ];
  return {
    meta: {
      file: 'attendance-utf8bom.csv',
      title: { ja: 'UTF-8（BOM付き）の CSV', en: 'UTF-8 CSV with BOM' },
      layout: 'rows',
      packs: ['fukuoka', 'higashiosaka'],
      args: AS_OF,
      expectedExit: 1,
      planted,
      alsoExpected,
    },
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  };
}

// ---------------------------------------------------------------- clean.xlsx

async function clean(): Promise<BuiltExample> {
  const aoki = user('青木 春香', '神戸市', '就労継続支援A型', '2810000501');
  const nishimura = user('西村 一樹', '', '就労移行支援', '1310000502');
  const days = [...monthPlan(aoki), ...monthPlan(nishimura)];
  const wb: ExcelJS.Workbook = newWorkbook();
  writeRowsSheet(wb, '10月', '令和8年10月 在宅利用記録', days);
  return {
    meta: {
      file: 'clean.xlsx',
      title: { ja: '問題のない記録（終了コード 0）', en: 'A compliant record (exit 0)' },
      layout: 'rows',
      packs: ['kobe', 'national'],
      args: AS_OF,
      expectedExit: 0,
      planted: [],
      alsoExpected: [],
    },
    bytes: await workbookBuffer(wb),
  };
}

export async function buildExamples(): Promise<BuiltExample[]> {
  return [
    await attendanceRows(),
    await perUserSheets(),
    await matrix(),
    await remarkMode(),
    await csvSjis(),
    await csvBom(),
    await clean(),
    await jissekiKirokuhyo(AS_OF),
  ];
}
