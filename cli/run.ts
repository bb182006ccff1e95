// The CLI program as a function: argv in, text out, exit status back. Thin: all rule logic is in core/.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Bilingual, Report } from '../core/model/report.ts';
import type { ImportedSheet } from '../core/import/types.ts';
import { type CliOptions, parseCli } from './args.ts';
import { CliError, usageError } from './errors.ts';
import { HELP } from './help.ts';
import {
  hasErrorViolation,
  jsonChunks,
  renderErrorText,
  renderFormText,
  renderJson,
  renderReportText,
  safeText,
  type TextStyle,
  useColor,
} from './present.ts';
import { expandInputs } from './inputs.ts';
import { inputKind, readInputBytes } from './read.ts';
import { renderRulesText, rulesJson } from './rules-table.ts';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  isTty: boolean;
  /** for tests: today's date */
  today?: string;
}

export function processIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    isTty: Boolean(process.stdout.isTTY),
  };
}

async function packageVersion(): Promise<string> {
  // imported (not read by path) so the bundled CLI in dist/cli/ reports the same version
  const pkg = (await import('../package.json', { with: { type: 'json' } })).default as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Whether argv asks for JSON, read leniently (used when argv itself is invalid). */
function wantsJson(argv: string[]): boolean {
  return argv.some((a, i) => a === '--format=json' || (a === '--format' && argv[i + 1] === 'json'));
}

function ruleTitleLookup(core: typeof import('../core/index.ts')): TextStyle['ruleTitle'] {
  // form checks applied to records (evaluation-sheet of a 達成度評価シート) carry the form's title
  return (id) => core.RULES.find((r) => r.meta.id === id)?.meta.title ?? core.getForm(id)?.title;
}

function validatePack(
  core: typeof import('../core/index.ts'),
  name: 'municipality' | 'pack',
  value: string | undefined,
): void {
  if (value === undefined) return;
  const ids = core.PACKS.map((p) => p.id);
  if (!ids.includes(value)) {
    throw usageError(
      `--${name} のパックが不明です: "${value}"（使える値: ${ids.join(', ')}）`,
      `Unknown pack for --${name}: "${value}" (valid values: ${ids.join(', ')})`,
    );
  }
}

function sheetProblemLines(sheets: ImportedSheet[]): string {
  const lines = sheets
    .filter((s) => s.problem)
    .map((s) => safeText(`  ${s.file ?? ''} [${s.name}]: ${s.problem!.message.ja} / ${s.problem!.message.en}`));
  const notes = sheets
    .filter((s) => s.note && !s.problem)
    .map((s) => safeText(`  ${s.file ?? ''} [${s.name}]: ${s.note!.ja} / ${s.note!.en}`));
  return (
    (lines.length ? `読み込めなかったシート / Sheets not imported:\n${lines.join('\n')}\n` : '') +
    (notes.length ? `シートについての注意 / Notes on sheets:\n${notes.join('\n')}\n` : '')
  );
}

/** Which files made up each user-month, when several files were checked together. */
function sourceLines(sources: NonNullable<Report['sources']>): string {
  if (sources.length === 0) return '';
  const lines = sources.map((s) => `  ${s.user}${s.recipientNo ? `（${s.recipientNo}）` : ''} ${s.month}: ${s.files.join(', ')}`);
  return `利用者・月ごとの入力ファイル / Files per user-month:\n${lines.join('\n')}\n`;
}

async function runCheck(opts: CliOptions, io: CliIO, style: TextStyle): Promise<number> {
  if (opts.annotate !== undefined) {
    if (opts.files.length !== 1 || inputKind(opts.files[0]!) !== 'xlsx') {
      throw usageError(
        '--annotate は .xlsx ファイル 1 つのときだけ使えます',
        '--annotate works with exactly one .xlsx input file',
      );
    }
    if (extname(opts.annotate).toLowerCase() !== '.xlsx') {
      throw usageError(
        `--annotate の出力は .xlsx にしてください: ${opts.annotate}`,
        `--annotate output must be an .xlsx file: ${opts.annotate}`,
      );
    }
    const { samePath } = await import('./annotate.ts');
    if (await samePath(opts.files[0]!, opts.annotate)) {
      throw usageError(
        `--annotate の出力先が入力ファイルと同じです: ${opts.annotate}（元のファイルは変更しません。別の名前を指定してください）`,
        `--annotate output is the input file itself: ${opts.annotate} (the input is never modified; choose another name)`,
      );
    }
  }
  const core = await import('../core/index.ts');
  validatePack(core, 'municipality', opts.municipality);
  // only the report and a few lines are kept: grids and records are let go before the output is written
  const { report, problems, hiddenNote } = await checkInputs(opts);

  let annotateNote = '';
  if (opts.annotate !== undefined) {
    const { annotateWorkbook } = await import('./annotate.ts');
    const res = await annotateWorkbook(opts.files[0]!, opts.files[0]!, opts.annotate, report.findings);
    annotateNote = `注釈付きのコピーを書き出しました / Annotated copy written: ${opts.annotate}（${res.rowsFilled}行に色付け / rows highlighted; シート「${res.sheetName}」）\n`;
  }

  if (opts.format === 'json') {
    for (const chunk of jsonChunks(report)) io.stdout(chunk);
    if (hiddenNote) io.stderr(hiddenNote);
    if (annotateNote) io.stderr(annotateNote);
  } else {
    io.stdout(renderReportText(report, { ...style, ruleTitle: ruleTitleLookup(core) }));
    if (problems) io.stdout(problems);
    if (hiddenNote) io.stdout(hiddenNote);
    if (report.sources) io.stdout(sourceLines(report.sources));
    if (annotateNote) io.stdout(annotateNote);
  }
  return hasErrorViolation(report.findings) ? 1 : 0;
}

/** Read, import and check the input files: the report, the sheet problem lines and the hidden-sheet note. */
async function checkInputs(opts: CliOptions): Promise<{ report: Report; problems: string; hiddenNote: string }> {
  const { checkFiles } = await import('../pipeline/check-files.ts');
  const { FormatError } = await import('../formats/index.ts');
  const files = [];
  for (const file of await expandInputs(opts.files)) files.push({ name: file, bytes: await readInputBytes(file, file) });
  let checked;
  try {
    checked = await checkFiles(files, {
      sheets: opts.sheets,
      mapping: opts.mapping,
      ...(opts.includeSamples ? { includeSamples: true } : {}),
      defaultPack: opts.municipality ?? 'national',
      asOf: opts.asOf,
      weekStart: opts.weekStart,
      ...(opts.capacity !== undefined ? { capacity: opts.capacity } : {}),
    }, true);
  } catch (e) {
    if (e instanceof FormatError) throw new CliError(e.bilingual, 2);
    throw e;
  }
  let hiddenNote = '';
  for (const { file, sheets } of checked.hiddenSkipped) {
    hiddenNote += `非表示のシートは読み込みませんでした / Hidden sheets not read: ${safeText(file)} [${safeText(sheets.join(', '))}]（--sheet で指定すると読み込みます / name them with --sheet to read them）\n`;
  }
  return { report: checked.report, problems: sheetProblemLines(checked.imported), hiddenNote };
}

async function runRules(opts: CliOptions, io: CliIO): Promise<number> {
  const core = await import('../core/index.ts');
  validatePack(core, 'pack', opts.pack);
  const rows = rulesJson(opts.pack);
  io.stdout(opts.format === 'json' ? renderJson(rows) : renderRulesText(rows, opts.pack, opts.lang));
  return 0;
}

async function runForm(opts: CliOptions, io: CliIO, style: TextStyle): Promise<number> {
  const core = await import('../core/index.ts');
  const forms = await import('../core/forms/index.ts');
  const ids = forms.FORMS.map((f) => f.id);
  if (!opts.form || !ids.includes(opts.form)) {
    throw usageError(
      `${opts.form ? `様式IDが不明です: "${opts.form}"` : '--form で様式IDを指定してください'}（使える値: ${ids.join(', ')}）`,
      `${opts.form ? `Unknown form id "${opts.form}"` : 'Give the form id with --form'} (valid values: ${ids.join(', ')})`,
    );
  }
  validatePack(core, 'municipality', opts.municipality);
  const file = opts.files[0]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? { ja: `ファイルが見つかりません: ${file}`, en: `File not found: ${file}` }
        : { ja: `ファイルを読み込めません: ${file}（${code ?? String(e)}）`, en: `Cannot read the file: ${file} (${code ?? String(e)})` },
    );
  }
  const values = parseFormJson(text.replace(/^\uFEFF/, ''), file);
  const report = forms.checkForm(opts.form, values, {
    asOf: opts.asOf,
    ...(opts.municipality !== undefined ? { pack: opts.municipality } : {}),
  });
  io.stdout(
    opts.format === 'json' ? renderJson(report) : renderFormText(report, { ...style, ruleTitle: ruleTitleLookup(core) }),
  );
  return hasErrorViolation(report.findings) ? 1 : 0;
}

/** A form file: a JSON object of field id → string or array of strings. */
export function parseFormJson(text: string, file: string): Record<string, string | string[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CliError({
      ja: `JSON として読み込めません: ${file}（${e instanceof Error ? e.message : String(e)}）`,
      en: `Not valid JSON: ${file} (${e instanceof Error ? e.message : String(e)})`,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError({
      ja: `${file} は「項目ID: 値」の JSON オブジェクトにしてください`,
      en: `${file} must be a JSON object of field id → value`,
    });
  }
  const values: Record<string, string | string[]> = {};
  for (const [key, v] of Object.entries(data)) {
    if (typeof v === 'string') values[key] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') values[key] = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) values[key] = v;
    else if (v === null) values[key] = '';
    else {
      throw new CliError({
        ja: `${file} の項目「${key}」の値は文字列か文字列の配列にしてください`,
        en: `${file}: the value of "${key}" must be a string or an array of strings`,
      });
    }
  }
  return values;
}

function reportError(message: Bilingual, json: boolean, lang: 'ja' | 'en', io: CliIO): void {
  io.stderr(renderErrorText(message, lang));
  if (json) io.stdout(renderJson({ error: message }));
}

/** Run the CLI; never throws. Returns the exit status. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let opts: CliOptions | undefined;
  try {
    opts = parseCli(argv, io.today);
    const style: TextStyle = { color: useColor(opts.color, io.env, io.isTty), lang: opts.lang };
    switch (opts.command) {
      case 'help':
        io.stdout(HELP);
        return 0;
      case 'version':
        io.stdout(`${await packageVersion()}\n`);
        return 0;
      case 'rules':
        return await runRules(opts, io);
      case 'form':
        return await runForm(opts, io, style);
      case 'check':
        return await runCheck(opts, io, style);
    }
  } catch (e) {
    const json = opts ? opts.format === 'json' : wantsJson(argv);
    const lang = opts?.lang ?? (argv.includes('en') && argv.some((a) => a.startsWith('--lang')) ? 'en' : 'ja');
    if (e instanceof CliError) {
      reportError(e.bilingual, json, lang, io);
      return e.exitCode;
    }
    // no stack trace or library message reaches the user
    reportError(
      {
        ja: '予期しないエラーが発生しました。入力ファイルを Excel で開いて保存し直し、もう一度お試しください。',
        en: 'Unexpected error. Open and save the input file again in Excel, then try again.',
      },
      json,
      lang,
      io,
    );
    return 2;
  }
}
