// Form engine: resolves keys (ids or labels) to fields, runs field checks and cross-field rules.
import type { Service } from '../model/record.ts';
import type { Finding } from '../model/report.ts';
import { parseDate, parseTitleMonth } from '../normalize/dates.ts';
import { parseService } from '../normalize/marks.ts';
import { parseMinutes } from '../normalize/times.ts';
import { normalizeText } from '../normalize/text.ts';
import { contentLength, digitsOf, formatJaDate, isPlaceholder, normalizeLabel, packInfo, parseNumber } from './helpers.ts';
import type { CheckFormOptions, FieldDef, FieldValue, FormDefinition, FormIssue, FormReport, FormRuleContext } from './types.ts';

export interface FieldMatch {
  field: FieldDef;
  /** group id and row when the field belongs to repeating rows */
  group?: string;
  score: number;
}

function patternScore(def: FieldDef, key: string): number {
  if (key === '') return 0;
  if (key === normalizeLabel(def.label.ja)) return 1000;
  let best = 0;
  for (const p of def.patterns) {
    const m = p.exec(key);
    if (m) best = Math.max(best, m[0].length + 1);
  }
  return best;
}

/**
 * Fields a label may denote, best first. `labels` are candidate texts for one control, most
 * reliable first (label element, aria, table header, placeholder, name); earlier ones win ties.
 */
export function rankFields(form: FormDefinition, labels: readonly string[]): FieldMatch[] {
  const out: FieldMatch[] = [];
  const keys = labels.map(normalizeLabel).filter((k) => k !== '');
  const rate = (def: FieldDef, group?: string): void => {
    let score = 0;
    keys.forEach((k, i) => {
      const s = patternScore(def, k);
      if (s > 0) score = Math.max(score, s * 10 - i);
    });
    if (score > 0) out.push(group === undefined ? { field: def, score } : { field: def, group, score });
  };
  for (const def of form.fields) rate(def);
  for (const g of form.groups ?? []) for (const def of g.fields) rate(def, g.id);
  // stable: equal scores keep definition order
  return out.map((m, i) => ({ m, i })).sort((a, b) => b.m.score - a.m.score || a.i - b.i).map((x) => x.m);
}

const GROUP_ID = /^([A-Za-z]\w*)\.(\d+)\.([A-Za-z]\w*)$/;
const REPEAT_ID = /^([A-Za-z]\w*)\.(\d+)$/;

/** The field definition behind an id (`providerNo`, `users.0.name`, `dates.2`). */
export function fieldById(form: FormDefinition, id: string): FieldDef | undefined {
  const direct = form.fields.find((f) => f.id === id);
  if (direct) return direct;
  const g = GROUP_ID.exec(id);
  if (g) return form.groups?.find((x) => x.id === g[1])?.fields.find((f) => f.id === g[3]);
  const r = REPEAT_ID.exec(id);
  if (r) return form.fields.find((f) => f.id === r[1] && f.repeat);
  return undefined;
}

/** Maps input keys (field ids or Japanese labels) to field ids. */
export function resolveKeys(form: FormDefinition, keys: readonly string[]): { ids: Map<string, string>; unknown: string[]; labels: Map<string, string> } {
  const ids = new Map<string, string>(); // key → id
  const labels = new Map<string, string>(); // id → label as given (for repeats)
  const unknown: string[] = [];
  const taken = new Set<string>();
  const repeatCount = new Map<string, number>();
  const byId: string[] = [];
  const byLabel: string[] = [];
  for (const k of keys) (fieldById(form, k) ? byId : byLabel).push(k);
  for (const k of byId) {
    ids.set(k, k);
    taken.add(k);
  }
  for (const k of byLabel) {
    const id = matchKey(form, k, taken, repeatCount);
    if (id === undefined) {
      unknown.push(k);
      continue;
    }
    ids.set(k, id);
    taken.add(id);
    labels.set(id, normalizeText(k));
  }
  return { ids, unknown, labels };
}

function matchKey(form: FormDefinition, key: string, taken: Set<string>, repeatCount: Map<string, number>): string | undefined {
  // repeating rows: "氏名1", "1 氏名", "利用者2 受給者証番号"
  const t = normalizeText(key);
  const num = /^(\D*?)\s*(\d+)\s*(\D+)$/.exec(t) ?? /^(\D+?)\s*(\d+)$/.exec(t);
  for (const m of rankFields(form, [key])) {
    if (m.group !== undefined) continue;
    if (m.field.repeat) {
      const n = repeatCount.get(m.field.id) ?? 0;
      repeatCount.set(m.field.id, n + 1);
      return `${m.field.id}.${n}`;
    }
    if (!taken.has(m.field.id)) return m.field.id;
  }
  if (num && form.groups?.length) {
    const row = Number(num[2]) - 1;
    const rest = num.length === 4 ? `${num[1] ?? ''}${num[3] ?? ''}` : (num[1] ?? '');
    for (const m of rankFields(form, [rest])) {
      if (m.group === undefined || row < 0) continue;
      const id = `${m.group}.${row}.${m.field.id}`;
      if (!taken.has(id)) return id;
    }
  }
  return undefined;
}

// ---- value readers ----

function asList(v: FieldValue | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.map((x) => normalizeText(String(x))).filter((x) => x !== '');
  const s = normalizeText(v);
  return s === '' ? [] : [s];
}

function asText(v: FieldValue | undefined): string {
  return asList(v).join('、');
}

/** Year-month (`令和8年10月`, `2026-10`) or a bare month (`10月`, `10`). */
export function parseMonthValue(value: string): { year?: number; month: number } | undefined {
  const s = normalizeText(value);
  if (s === '') return undefined;
  const full = parseTitleMonth(s);
  if (full) return full;
  const d = parseFormDate(s);
  if (d.ok) return { year: Number(d.date.slice(0, 4)), month: Number(d.date.slice(5, 7)) };
  const bare = /^(\d{1,2})\s*月?分?$/.exec(s);
  if (bare) {
    const m = Number(bare[1]);
    if (m >= 1 && m <= 12) return { month: m };
  }
  return undefined;
}

/** Parts of a typed choice: 「できた、概ねできた」 and ['できた', '不十分'] are two parts each. */
export function choiceParts(v: FieldValue | undefined): string[] {
  return asList(v).flatMap((x) => x.split(/[、,，/／]+/)).map((x) => x.trim()).filter((x) => x !== '');
}

const NOTE = /[（(【［[][^（）()【】［］[\]]*[）)】］\]]\s*$/;

/**
 * Canonical label of the option `value` is, compared whole after `normalizeLabel`
 * (「できなかった。」 = できなかった); a trailing bracketed note is ignored (「3か月以内（一時的）」).
 * No substring match: 「とてもできた」 is not できた.
 */
export function matchOption(options: readonly (readonly string[])[], value: string): string | undefined {
  const keys = [normalizeLabel(value)];
  const bare = normalizeLabel(normalizeText(value).replace(NOTE, ''));
  if (bare !== keys[0]) keys.push(bare);
  for (const k of keys) {
    if (k === '') continue;
    for (const syns of options) if (syns.some((s) => normalizeLabel(s) === k)) return syns[0];
  }
  return undefined;
}

/** Distinct options chosen and the parts that are no option. */
function readChoice(options: readonly (readonly string[])[], v: FieldValue | undefined): { chosen: string[]; unknown: string[] } {
  const chosen: string[] = [];
  const unknown: string[] = [];
  for (const p of choiceParts(v)) {
    const o = matchOption(options, p);
    if (o === undefined) unknown.push(p);
    else if (!chosen.includes(o)) chosen.push(o);
  }
  return { chosen, unknown };
}

// No: negatives and pending words (同意予定, 確認中, 未確認, 検討中, 後日). Checked before yes.
const NEGATIVE = /ない|ません|いいえ|^no$|^none$|なし|無し|^無$|^false$|^0$|^off$|×|✕|✖|未|不同意|不承諾|拒否|予定|検討|後日|これから|まだ|待ち|保留|見込|今後|(?:確認|調整|依頼|申請|手続き?|準備|作成|協議|相談|取得|説明|記載|記入|同意|対応|修正|変更)中/i;
const AFFIRMATIVE = /同意|はい|^yes$|あり|^有|済|✓|✔|☑|○|◯|〇|^true$|^1$|^on$|記載|明記|確認|了承|承諾|得た|取得/i;
// Explicit yes in the first clause (同意済, 同意を得た, ✓): a negation in a bracket or a later clause
// is a note (同意済（変更なし）, 同意済みです。不明な点はございません).
const EXPLICIT = /(?<!未)済|同意を?得|同意をいただ|同意いただ|同意しました|同意します|同意する|✓|✔|☑/;
// 「問題なし」「相違ありません」「変更なし」「不明点なし」 and 未成年/18歳未満 are not a no.
const NO_OBJECTION = /(?:問題|支障|異議|異存|相違|間違い|誤り|変更|修正|不明な?点)(?:は|も|が|等は)?(?:なし|無し|ない|ありません|ございません)|未成年|未満/g;
// A condition on a checkbox label: 「（同意がない場合は申請できません）」.
const CONDITION = /[（(【［[][^（）()【】［］[\]]*場合[^（）()【】［］[\]]*[）)】］\]]|[^、。，,（）()]*場合[^、。，,（）()]*/g;
// End of the first clause: a bracket or punctuation.
const CLAUSE_END = /[（(【［[「、。，,；;：:!！?？\s]/;

function consentOf(text: string): boolean | undefined {
  const s = normalizeText(text).replace(CONDITION, ' ').replace(NO_OBJECTION, '了承');
  const key = normalizeLabel(s);
  if (key === '') return undefined;
  const head = normalizeLabel(s.trim().split(CLAUSE_END)[0] ?? '');
  if (NEGATIVE.test(head)) return false;
  if (EXPLICIT.test(head)) return true;
  if (NEGATIVE.test(key)) return false;
  if (AFFIRMATIVE.test(key)) return true;
  return undefined;
}

/** true (済, 有, あり, はい, 同意済, 確認済, ○, ✓, true), false (negative or pending), undefined (blank or unreadable). */
export function parseConsent(v: FieldValue | undefined): boolean | undefined {
  const answers = asList(v).map(consentOf);
  if (answers.includes(false)) return false;
  if (answers.includes(true)) return true;
  return undefined;
}

const SERVICE_NAME: Record<Service, string> = { transition: '就労移行支援', typeA: '就労継続支援A型', typeB: '就労継続支援B型' };
export function serviceName(s: Service): string {
  return SERVICE_NAME[s];
}

// Separators between service types: 、,/・, 及び/又は/並びに/もしくは/と/＆. Spaces only between parts
// that each name a type (「A型 B型」); 「B型 20名」 is one part.
const SERVICE_SPLIT = /[、,，/／・･&＆+＋]+|及び|および|又は|または|若しくは|もしくは|並びに|ならびに|と|か(?=[AB就継移])/;
const SERVICE_TOKEN = /移行|(?<![A-Z])[AB](?![A-Z])/g;
const HAS_SERVICE_TOKEN = /移行|(?<![A-Z])[AB](?![A-Z])/;
// 「（A型、B型）」 lists types; 「（非雇用型）」 is a note and is dropped.
const BRACKETED = /[(（【[「]([^()（）【】[\]「」]*)[)）】\]」]/g;
// A part that only qualifies the next one (就労継続支援 in 「就労継続支援 A型・B型」) or a note.
const SERVICE_FILLER = /^(?:就労継続支援|就労継続|就継|継続支援|継続|サービス|事業所?|型|非?雇用型|の)+$/;
// Another welfare service (生活介護, 就労定着支援 …): never a note, always reported.
const OTHER_SERVICE = /生活介護|療養介護|自立訓練|機能訓練|生活訓練|就労定着|就労選択|定着支援|共同生活援助|グループホーム|居宅介護|重度訪問介護|同行援護|行動援護|短期入所|施設入所|自立生活援助|地域移行|地域定着|相談支援|児童発達|放課後等デイ|保育所等訪問|地域活動支援|日中一時|移動支援/;

function serviceKinds(p: string): Service[] {
  if (OTHER_SERVICE.test(p)) return [];
  const found: Service[] = [];
  for (const m of p.matchAll(SERVICE_TOKEN)) found.push(m[0] === '移行' ? 'transition' : m[0] === 'A' ? 'typeA' : 'typeB');
  if (found.length === 0) {
    const s = parseService(p);
    if (s !== undefined && s !== 'invalid') found.push(s);
  }
  return found;
}

/** Words of a part, split on spaces only where both sides name a type. */
function spaceParts(part: string): string[] {
  const words = part.split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !(serviceKinds(prev).length > 0 && serviceKinds(w).length > 0) && !OTHER_SERVICE.test(w) && !OTHER_SERVICE.test(prev)) out[out.length - 1] = `${prev} ${w}`;
    else out.push(w);
  }
  return out;
}

/**
 * Every service type named in a field: 「就労継続支援A型・B型」, 「A型 B型」, 「A型及びB型」,
 * 「就労移行支援及び就労継続支援B型」 name two. `bad` holds parts naming none: other services
 * (生活介護) always; other words only when no type was found (「B型 ※在宅」「B型 20名」 are notes).
 */
export function readServices(v: FieldValue | undefined): { kinds: Service[]; bad: string[] } {
  const kinds: Service[] = [];
  const others: string[] = [];
  const notes: string[] = [];
  const fillers: string[] = [];
  for (const item of asList(v)) {
    const text = item.toUpperCase().replace(BRACKETED, (_, inner: string) => (HAS_SERVICE_TOKEN.test(inner) ? ` ${inner} ` : ' '));
    for (const part of text.split(SERVICE_SPLIT).flatMap(spaceParts)) {
      const p = part.trim();
      if (p === '') continue;
      const found = serviceKinds(p);
      if (found.length === 0) (OTHER_SERVICE.test(p) ? others : SERVICE_FILLER.test(p) ? fillers : notes).push(p);
      for (const s of found) if (!kinds.includes(s)) kinds.push(s);
    }
  }
  const bad = kinds.length > 0 ? others : [...others, ...notes];
  // 「就労継続支援」 alone does not say which type
  if (kinds.length === 0 && bad.length === 0 && fillers.length > 0) bad.push(fillers.join(''));
  return { kinds, bad };
}

/** Matches a whole year-month-day as written (so a failure there is a bad day, not a bad shape). */
const FULL_DATE_SHAPE = /^(?:\d{4}\s*[/.\-年]\s*\d{1,2}\s*[/.\-月]\s*\d{1,2}\s*日?|(?:令和|平成|昭和|大正|明治|[RHSTM])\s*(?:\d{1,2}|元)\s*[年/.\-]\s*\d{1,2}\s*[月/.\-]\s*\d{1,2}\s*日?|\d{8})$/i;
const FORM_DATE_ADVICE = { ja: '日付を 2026-10-01 や 令和8年10月1日 の形で入力してください。', en: 'Enter the date like 2026-10-01 or 令和8年10月1日.' };

/**
 * A date typed into a form. Unlike a workbook cell there is no sheet title to take the year or
 * month from, and a bare number is not an Excel serial: such input gets form advice.
 */
export function parseFormDate(value: string): { ok: true; date: string } | { ok: false; reason: { ja: string; en: string } } {
  const s = normalizeText(value);
  const v = s.length > 40 ? s.slice(0, 40) + '…' : s;
  const bareNumber = /^\d+(?:\.\d+)?$/.test(s) && !/^\d{8}$/.test(s);
  if (s !== '' && !bareNumber) {
    const r = parseDate(s);
    if (r.ok) return r;
    if (FULL_DATE_SHAPE.test(s.replace(/\s*(?:\([^)]*\)|[日月火水木金土]曜日?)$/, ''))) return r; // 実在しない日付 / 元号の期間外
  }
  if (/^\d{1,2}\s*(?:月|\/)\s*\d{1,2}\s*日?$/.test(s)) {
    return { ok: false, reason: { ja: `「${v}」には年がありません。${FORM_DATE_ADVICE.ja}`, en: `"${v}" has no year. ${FORM_DATE_ADVICE.en}` } };
  }
  if (/^\d{1,2}\s*日$/.test(s)) {
    return { ok: false, reason: { ja: `「${v}」には年月がありません。${FORM_DATE_ADVICE.ja}`, en: `"${v}" has no year or month. ${FORM_DATE_ADVICE.en}` } };
  }
  return { ok: false, reason: { ja: `「${v}」を日付として読めません。${FORM_DATE_ADVICE.ja}`, en: `"${v}" cannot be read as a date. ${FORM_DATE_ADVICE.en}` } };
}

// ---- engine ----

export function runForm(form: FormDefinition, values: Record<string, FieldValue>, options: CheckFormOptions): FormReport {
  const pack = form.pack ?? options.pack ?? 'national';
  const { ids, unknown, labels } = resolveKeys(form, Object.keys(values));
  const byId = new Map<string, FieldValue>();
  for (const [key, id] of ids) {
    const v = values[key];
    if (v === undefined) continue;
    const prev = byId.get(id);
    if (prev === undefined || asText(prev) === '') byId.set(id, v);
  }

  // `<group>.<row>` of every row with something typed
  const filledRows = new Set<string>();
  for (const [id, v] of byId) {
    const m = GROUP_ID.exec(id);
    if (m && asText(v) !== '') filledRows.add(`${m[1]}.${m[2]}`);
  }
  const isBlankRow = (id: string): boolean => {
    const m = GROUP_ID.exec(id);
    return m !== null && !filledRows.has(`${m[1]}.${m[2]}`);
  };

  const labelOf = (id: string): string => labels.get(id) ?? groupLabel(form, id) ?? fieldById(form, id)?.label.ja ?? id;
  const ctx: FormRuleContext = {
    asOf: options.asOf,
    pack,
    has: (id) => byId.has(id),
    text: (id) => asText(byId.get(id)),
    list: (id) => asList(byId.get(id)),
    date: (id) => {
      const s = asText(byId.get(id));
      if (s === '') return undefined;
      const r = parseFormDate(s);
      return r.ok ? r.date : undefined;
    },
    month: (id) => parseMonthValue(asText(byId.get(id))),
    number: (id) => {
      const text = asText(byId.get(id));
      if (fieldById(form, id)?.type !== 'minutes') return parseNumber(text);
      const r = parseMinutes(text);
      return r.ok ? r.minutes : undefined;
    },
    choice: (id) => {
      const def = fieldById(form, id);
      if (!def?.options) return undefined;
      const { chosen, unknown } = readChoice(def.options, byId.get(id));
      return chosen.length === 1 && unknown.length === 0 ? chosen[0] : undefined;
    },
    consent: (id) => parseConsent(byId.get(id)),
    // a row with nothing typed (a spare row of the table) is no entry
    rows: (groupId) => [...filledRows].filter((k) => k.startsWith(groupId + '.')).map((k) => Number(k.slice(groupId.length + 1))).sort((a, b) => a - b),
    label: labelOf,
  };

  const issues: FormIssue[] = [];
  const present = new Set(byId.keys());
  // every defined field, plus repeat and group instances given in the input
  const targets: string[] = form.fields.filter((f) => !f.repeat).map((f) => f.id);
  for (const id of present) if (!targets.includes(id) && !isBlankRow(id)) targets.push(id);
  for (const id of targets) {
    const def = fieldById(form, id);
    if (def) issues.push(...checkField(form, def, id, byId.get(id), ctx));
  }
  for (const g of form.groups ?? []) {
    const rows = ctx.rows(g.id);
    if (rows.length < (g.minRows ?? 0)) {
      issues.push({
        ruleId: 'required', severity: 'error', outcome: 'violation', fields: [`${g.id}.0.${g.fields[0]?.id ?? ''}`],
        message: { ja: `「${g.label.ja}」が1件も入力されていません。対象者を1行ずつ入力してください。`, en: `No row of "${g.label.en}" is filled in. Enter one row per person.` },
        source: form.source,
      });
    }
    // a partly filled row must be complete
    for (const r of rows) for (const f of g.fields) {
      const id = `${g.id}.${r}.${f.id}`;
      if (f.required && !present.has(id)) issues.push(...checkField(form, f, id, '', ctx));
    }
  }
  for (const rule of form.rules) issues.push(...rule.check(ctx));

  const findings: Finding[] = issues.map((i) => ({
    ruleId: i.ruleId,
    severity: i.severity,
    outcome: i.outcome ?? 'violation',
    pack,
    locations: i.fields.map((field) => ({ field })),
    message: i.message,
    source: i.source,
  }));
  const summary = { errors: 0, warnings: 0, incomplete: 0, pending: 0 };
  for (const f of findings) {
    if (f.outcome === 'incomplete') summary.incomplete++;
    else if (f.outcome === 'pending') summary.pending++;
    else if (f.severity === 'error') summary.errors++;
    else summary.warnings++;
  }
  return { formId: form.id, title: form.title, findings, unknownKeys: unknown, summary };
}

function groupLabel(form: FormDefinition, id: string): string | undefined {
  const m = GROUP_ID.exec(id);
  if (!m) return undefined;
  const g = form.groups?.find((x) => x.id === m[1]);
  const f = g?.fields.find((x) => x.id === m[3]);
  return g && f ? `${g.label.ja}${Number(m[2]) + 1}行目の${f.label.ja}` : undefined;
}

function short(s: string): string {
  return s.length > 30 ? s.slice(0, 30) + '…' : s;
}

/** Checks of one field by its type: required, format, dates, service type. */
function checkField(form: FormDefinition, def: FieldDef, id: string, value: FieldValue | undefined, ctx: FormRuleContext): FormIssue[] {
  const source = def.source ?? form.source;
  const label = ctx.label(id);
  const en = def.label.en;
  const items = asList(value);
  const text = items.join('、');
  const out: FormIssue[] = [];
  const push = (ruleId: string, severity: FormIssue['severity'], ja: string, enMsg: string, outcome: FormIssue['outcome'] = 'violation'): void => {
    out.push({ ruleId, severity, outcome, fields: [id], message: { ja, en: enMsg }, source });
  };

  if (value === undefined && !id.includes('.')) {
    if (def.required) push('required', 'error', `「${label}」の入力欄が見つからないため確認できません。`, `"${en}" was not found, so it could not be checked.`, 'incomplete');
    return out;
  }
  if (items.length === 0) {
    if (def.required) {
      const what = def.type === 'consent' ? 'にチェックがありません。内容を確認して同意を得てください。' : def.type === 'service' || def.type === 'choice' ? 'が選ばれていません。1つ選んでください。' : 'が未入力です。入力してください。';
      push('required', 'error', `「${label}」${what}`, `"${en}" is required.`);
    }
    return out;
  }

  switch (def.type) {
    case 'providerNo': {
      const d = digitsOf(text);
      if (d === undefined || d.length !== 10) {
        push('provider-number', 'error', `「${label}」は10桁の数字です（入力: ${short(text)}${d ? `、${d.length}桁` : ''}）。指定通知書の事業所番号を確認してください。`, `"${en}" must be 10 digits (got "${short(text)}").`);
        break;
      }
      const info = packInfo(ctx.pack);
      if (info?.prefecture && !d.startsWith(info.prefecture)) {
        push('provider-number', 'warning', `「${label}」の先頭2桁「${d.slice(0, 2)}」が${info.prefectureName}の番号（${info.prefecture}）ではありません。他県で指定を受けた事業所でなければ、番号を確認してください。`, `The provider number starts with ${d.slice(0, 2)}, not ${info.prefecture} (${info.label.en}'s prefecture). Check it unless the provider is designated elsewhere.`);
      }
      break;
    }
    case 'recipientNo': {
      const d = digitsOf(text);
      if (d === undefined || d.length !== 10) push('recipient-number', 'error', `「${label}」は10桁の数字です（入力: ${short(text)}${d ? `、${d.length}桁` : ''}）。受給者証の番号を確認してください。`, `"${en}" must be the 10-digit recipient certificate number (got "${short(text)}").`);
      break;
    }
    case 'date': {
      const r = parseFormDate(text);
      if (!r.ok) push('date-valid', 'error', `「${label}」: ${r.reason.ja}`, `"${en}": ${r.reason.en}`);
      else if (def.notFuture && r.date > ctx.asOf) push('date-valid', 'error', `「${label}」が${formatJaDate(r.date)}になっています。提出日に未来の日付は書けません（今日は${formatJaDate(ctx.asOf)}）。`, `"${en}" is ${r.date}, in the future (today is ${ctx.asOf}).`);
      break;
    }
    case 'month': {
      if (!parseMonthValue(text)) push('date-valid', 'error', `「${label}」の「${short(text)}」を年月として読めません。例: 令和8年10月、2026年10月、10月`, `"${en}": "${short(text)}" is not a month. Examples: 令和8年10月, 2026-10, 10月.`);
      break;
    }
    case 'number': {
      if (parseNumber(text) === undefined) push('number-valid', 'error', `「${label}」の「${short(text)}」を数値として読めません。数字で入力してください。`, `"${en}": "${short(text)}" is not a number.`);
      break;
    }
    case 'minutes': {
      const r = parseMinutes(text);
      if (!r.ok) push('number-valid', 'error', `「${label}」の「${short(text)}」を分数として読めません。${r.reason.ja}`, `"${en}": "${short(text)}" is not a number of minutes. ${r.reason.en}`);
      break;
    }
    case 'service': {
      const { kinds, bad } = readServices(value);
      if (bad.length > 0) push('service-type', 'error', `「${label}」の「${short(bad.join('、'))}」はサービスの種類として読めません。就労移行支援・就労継続支援A型・就労継続支援B型のいずれか1つを選んでください。`, `"${en}": "${short(bad.join(', '))}" is not a service type; choose one of 就労移行支援, 就労継続支援A型, 就労継続支援B型.`);
      else if (kinds.length !== 1) push('service-type', 'error', `「${label}」に${kinds.length}つのサービスが書かれています（${kinds.map(serviceName).join('、')}）。この様式は利用者1人の1つのサービスについて書きます。就労移行支援・就労継続支援A型・就労継続支援B型のうち1つだけを選んでください。`, `"${en}" names ${kinds.length} service types (${kinds.map(serviceName).join(', ')}); choose exactly one.`);
      break;
    }
    case 'choice': {
      const opts = def.options ?? [];
      const names = opts.map((o) => o[0]);
      const { chosen, unknown } = readChoice(opts, value);
      if (unknown.length > 0) push('choice-valid', 'error', `「${label}」の「${short(unknown.join('、'))}」は選択肢にありません。${names.join('・')}のいずれか1つを選んでください。`, `"${en}": "${short(unknown.join(', '))}" is not an option; choose one of ${names.join(', ')}.`);
      else if (chosen.length > 1) push('choice-valid', 'error', `「${label}」が${chosen.length}つ選ばれています（${chosen.join('、')}）。1つだけ選んでください。`, `"${en}": ${chosen.length} options are chosen (${chosen.join(', ')}); choose only one.`);
      break;
    }
    case 'consent': {
      const c = parseConsent(value);
      if (def.required && c === false) push('required', 'error', `「${label}」が「${short(text)}」になっています。同意・記載が済んでいなければ提出できません（予定・確認中も不可）。`, `"${en}" is "${short(text)}"; it must already be given (planned or pending is not enough).`);
      else if (c === undefined) push('required', 'warning', `「${label}」の「${short(text)}」が同意・記載ありか読み取れません。確認してください。`, `"${en}": cannot tell whether "${short(text)}" means yes.`, 'incomplete');
      break;
    }
    case 'longtext': {
      const min = def.minLength ?? 10;
      if (isPlaceholder(text)) push('required', 'error', `「${label}」が「${short(text)}」だけです。具体的な方法・内容を書いてください。`, `"${en}" holds only a placeholder ("${short(text)}"); describe the concrete method.`);
      else if (contentLength(text) < min) push('required', 'error', `「${label}」が${contentLength(text)}文字しかありません。具体的な方法・内容を${min}文字以上で書いてください。`, `"${en}" has only ${contentLength(text)} characters; write at least ${min}.`);
      break;
    }
    case 'text':
      if (def.required && isPlaceholder(text)) push('required', 'error', `「${label}」が「${short(text)}」になっています。正しく入力してください。`, `"${en}" holds a placeholder ("${short(text)}").`);
      break;
  }
  return out;
}
