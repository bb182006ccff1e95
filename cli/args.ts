// Argument parsing and validation (Node's util.parseArgs, no dependency).
import { parseArgs } from 'node:util';
import { CANONICAL_FIELDS, type CanonicalField } from '../core/model/record.ts';
import { usageError } from './errors.ts';

export type Command = 'check' | 'form' | 'rules' | 'help' | 'version';
export type Format = 'text' | 'json';
export type Lang = 'ja' | 'en';

export interface CliOptions {
  command: Command;
  files: string[];
  municipality?: string;
  asOf: string;
  weekStart: 'mon' | 'sun';
  capacity?: number;
  sheets: string[];
  mapping: Partial<Record<CanonicalField, string>>;
  format: Format;
  annotate?: string;
  pack?: string;
  form?: string;
  lang: Lang;
  /** true / false when forced by a flag, undefined = decide from TTY and env */
  color?: boolean;
  /** read the city's sample sheets (記載例, 記入例, 記載要領, 見本) too */
  includeSamples?: boolean;
}

const OPTIONS = {
  municipality: { type: 'string' },
  'as-of': { type: 'string' },
  'week-start': { type: 'string' },
  capacity: { type: 'string' },
  sheet: { type: 'string', multiple: true },
  map: { type: 'string', multiple: true },
  format: { type: 'string' },
  annotate: { type: 'string' },
  pack: { type: 'string' },
  form: { type: 'string' },
  lang: { type: 'string' },
  color: { type: 'boolean' },
  'include-samples': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Option names, for the help text test. */
export const OPTION_NAMES = Object.keys(OPTIONS);

const SUBCOMMANDS = ['check', 'form', 'rules'] as const;

/** Today's date on this machine, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function parseMapping(entries: string[]): Partial<Record<CanonicalField, string>> {
  const mapping: Partial<Record<CanonicalField, string>> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const field = eq > 0 ? entry.slice(0, eq).trim() : '';
    const header = eq > 0 ? entry.slice(eq + 1).trim() : '';
    // `field=` (nothing after =) un-maps the field: no column is read for it
    if (!field) {
      throw usageError(
        `--map の形式が正しくありません: "${entry}"（例: --map mode=区分、--map date=A、--map contacts=F,G、対応を外すには --map remark=）`,
        `Bad --map value "${entry}" (expected field=header, e.g. --map mode=区分, --map date=A, --map contacts=F,G; --map remark= un-maps)`,
      );
    }
    if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) {
      throw usageError(
        `--map の項目名が不明です: "${field}"（使える項目: ${CANONICAL_FIELDS.join(', ')}）`,
        `Unknown field in --map: "${field}" (valid fields: ${CANONICAL_FIELDS.join(', ')})`,
      );
    }
    mapping[field as CanonicalField] = header;
  }
  return mapping;
}

function oneOf<T extends string>(name: string, value: string | undefined, valid: readonly T[], dflt: T): T {
  if (value === undefined) return dflt;
  if ((valid as readonly string[]).includes(value)) return value as T;
  throw usageError(
    `--${name} の値が不正です: "${value}"（使える値: ${valid.join(', ')}）`,
    `Invalid --${name} value "${value}" (valid values: ${valid.join(', ')})`,
  );
}

/**
 * Parse argv (without node and script). Pack and form ids are validated later against core's
 * lists, so that this module does not depend on rule data.
 */
export function parseCli(argv: string[], today = localToday()): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw usageError(
      `引数が正しくありません: ${detail}（--help で使い方を表示）`,
      `Bad arguments: ${detail} (see --help)`,
    );
  }
  const v = parsed.values;
  const positionals = [...parsed.positionals];

  let command: Command = 'check';
  if (v.help) command = 'help';
  else if (v.version) command = 'version';
  else if (positionals[0] && (SUBCOMMANDS as readonly string[]).includes(positionals[0])) {
    command = positionals.shift() as Command;
  } else if (argv.length === 0) command = 'help'; // bare `zaitaku-check`: show the help

  const asOf = v['as-of'] ?? today;
  if (!isRealIsoDate(asOf)) {
    throw usageError(
      `--as-of の日付が不正です: "${asOf}"（YYYY-MM-DD 形式の実在する日付、例: 2026-11-22）`,
      `Invalid --as-of date "${asOf}" (a real date as YYYY-MM-DD, e.g. 2026-11-22)`,
    );
  }

  let capacity: number | undefined;
  if (v.capacity !== undefined) {
    const s = v.capacity.trim();
    capacity = /^\d+$/.test(s) ? Number(s) : NaN;
    if (!Number.isSafeInteger(capacity) || capacity <= 0) {
      throw usageError(
        `--capacity の値が不正です: "${v.capacity}"（定員を 1 以上の整数で指定、例: --capacity 20）`,
        `Invalid --capacity "${v.capacity}" (the provider's capacity as a positive integer, e.g. --capacity 20)`,
      );
    }
  }

  const opts: CliOptions = {
    command,
    files: positionals,
    asOf,
    weekStart: oneOf('week-start', v['week-start'], ['mon', 'sun'] as const, 'mon'),
    sheets: v.sheet ?? [],
    mapping: parseMapping(v.map ?? []),
    format: oneOf('format', v.format, ['text', 'json'] as const, 'text'),
    lang: oneOf('lang', v.lang, ['ja', 'en'] as const, 'ja'),
  };
  if (v.municipality !== undefined) opts.municipality = v.municipality;
  if (capacity !== undefined) opts.capacity = capacity;
  if (v.annotate !== undefined) opts.annotate = v.annotate;
  if (v.pack !== undefined) opts.pack = v.pack;
  if (v.form !== undefined) opts.form = v.form;
  if (v['include-samples']) opts.includeSamples = true;
  if (v['no-color']) opts.color = false;
  else if (v.color) opts.color = true;

  if (command === 'check' && opts.files.length === 0) {
    throw usageError(
      'チェックするファイルを指定してください（例: zaitaku-check attendance.xlsx）',
      'Give at least one file to check (e.g. zaitaku-check attendance.xlsx)',
    );
  }
  if (command === 'form') {
    if (opts.files.length !== 1) {
      throw usageError(
        'form には JSON ファイルを 1 つ指定してください（例: zaitaku-check form filled.json --form kobe-application）',
        'form takes exactly one JSON file (e.g. zaitaku-check form filled.json --form kobe-application)',
      );
    }
  }
  if (command === 'rules' && opts.files.length > 0) {
    throw usageError(
      `rules はファイルを受け取りません: ${opts.files.join(' ')}`,
      `rules takes no file arguments: ${opts.files.join(' ')}`,
    );
  }
  return opts;
}
