// Review fixes: notes beside a service type, consent answers with a negation in a note, and the year
// of a bare 対象月 nearest the 提出日.
import { describe, expect, it } from 'vitest';
import { parseConsent, readServices } from '../../../core/forms/check.ts';
import { checkForm } from '../../../core/forms/index.ts';
import type { FieldValue } from '../../../core/forms/index.ts';
import { fukuokaAssessment as assessment, find, higashiosakaList as list, kobeApplication, run, violations } from './helpers.ts';

const runAt = (formId: string, values: Record<string, FieldValue>, asOf: string) => checkForm(formId, values, { asOf });

describe('service type: words beside a type are notes', () => {
  it.each(['就労継続支援B型　在宅利用', 'B型 ※在宅', 'B型 20名', '就労継続支援Ｂ型 多機能型', '就労継続支援B型 (定員20名)', '就労継続支援B型 ABC事業所', 'B型・在宅'])('%s is B型 only', (text) => {
    expect(readServices(text)).toEqual({ kinds: ['typeB'], bad: [] });
    expect(violations(run('kobe-application', { ...kobeApplication(), サービスの種類: text }))).toEqual([]);
  });

  it('spaces still split two types, and a type after a qualifier is read', () => {
    expect(readServices('A型 B型').kinds).toEqual(['typeA', 'typeB']);
    expect(readServices('就労継続支援 A型 B型').kinds).toEqual(['typeA', 'typeB']);
    expect(readServices('就労移行支援 就労継続支援B型').kinds).toEqual(['transition', 'typeB']);
    expect(readServices('就労継続支援 B型')).toEqual({ kinds: ['typeB'], bad: [] });
    expect(violations(run('kobe-application', { ...kobeApplication(), サービスの種類: 'A型 B型 在宅' }))).toEqual(['service-type@service']);
  });

  it('another welfare service is reported, beside a type too, split by a space or not', () => {
    expect(readServices('就労継続支援B型 生活介護')).toEqual({ kinds: ['typeB'], bad: ['生活介護'] });
    expect(readServices('生活介護 B型')).toEqual({ kinds: ['typeB'], bad: ['生活介護'] });
    expect(readServices('就労継続支援B型・就労定着支援')).toEqual({ kinds: ['typeB'], bad: ['就労定着支援'] });
    expect(readServices('地域移行支援')).toEqual({ kinds: [], bad: ['地域移行支援'] });
    const r = run('kobe-application', { ...kobeApplication(), サービスの種類: '就労継続支援B型 生活介護' });
    expect(violations(r)).toEqual(['service-type@service']);
    expect(find(r, 'service-type')?.message.ja).toContain('「生活介護」はサービスの種類として読めません');
  });

  it('without any type, the words are unreadable', () => {
    expect(readServices('在宅利用')).toEqual({ kinds: [], bad: ['在宅利用'] });
    expect(readServices('就労継続支援 在宅')).toEqual({ kinds: [], bad: ['就労継続支援 在宅'] });
    expect(readServices('就労継続支援')).toEqual({ kinds: [], bad: ['就労継続支援'] });
    expect(violations(run('kobe-application', { ...kobeApplication(), サービスの種類: '20名' }))).toEqual(['service-type@service']);
  });
});

describe('consent: an explicit yes wins over a negation in a note', () => {
  it.each([
    '同意済（変更なし）',
    '記載済（修正なし）',
    '同意済み（更新の必要なし）',
    '上記の内容に相違ありません',
    '上記に相違ないことを確認しました',
    'はい、間違いありません',
    '誤りはありません',
    '同意済みです。不明な点はございません',
    '本人・家族とも同意済（不明点なし）',
    '同意済（18歳未満のため保護者）',
    '同意済（未成年のため保護者）',
    '同意済、署名なし',
    '利用者の同意を得た（同意がない場合は申請できません）',
    '同意する（同意がない場合は申請できません）',
  ])('%s → true', (t) => {
    expect(parseConsent(t)).toBe(true);
  });

  it.each(['同意予定', '確認中', '未確認', '検討中', '同意取得中', '同意（後日署名）', '同意しない', '同意を得ていない', '同意未済', '同意が済んでいない', '同意あり（書面は後日）', '不同意'])('%s → false', (t) => {
    expect(parseConsent(t)).toBe(false);
  });

  it('a ticked checkbox whose label says what happens without consent passes on a form', () => {
    const ok = run('fukuoka-assessment', { ...assessment(), 利用者の同意: ['利用者の同意を得た（同意がない場合は申請できません）'] });
    expect(find(ok, 'required', 'consent')).toBeUndefined();
    const changed = run('fukuoka-assessment', { ...assessment(), 利用者の同意: '同意済（変更なし）' });
    expect(find(changed, 'required', 'consent')).toBeUndefined();
    const pending = run('fukuoka-assessment', { ...assessment(), 利用者の同意: '同意予定（変更なし）' });
    expect(violations(pending)).toEqual(['required@consent']);
    // a label that is only the condition says nothing: undecided
    expect(parseConsent('（同意がない場合は申請できません）')).toBeUndefined();
    expect(parseConsent(['同意済（変更なし）', '確認中'])).toBe(false);
  });
});

describe('higashiosaka-monthly-list: a bare 対象月 takes the year nearest the 提出日', () => {
  it('11月 submitted 2026-10-30 is 2026-11 (month not over yet), not a late 2025-11', () => {
    const r = runAt('higashiosaka-monthly-list', { ...list(), 対象月: '11月', 提出日: '2026-10-30' }, '2026-10-30');
    expect(violations(r)).toEqual(['higashiosaka-monthly-list/deadline@submittedOn+targetMonth']);
    const f = find(r, 'higashiosaka-monthly-list/deadline');
    expect(f?.severity).toBe('warning');
    expect(f?.message.ja).toContain('提出日から2026年11月と判断');
    expect(find(r, 'higashiosaka-monthly-list/effective')).toBeUndefined();
  });

  it('without a 提出日, 11月 on 2026-10-30 is the coming month: nothing is due', () => {
    const v = list();
    delete v['提出日'];
    const r = runAt('higashiosaka-monthly-list', { ...v, 対象月: '11月' }, '2026-10-30');
    expect(violations(r)).toEqual([]);
    expect(find(r, 'higashiosaka-monthly-list/deadline')).toBeUndefined();
  });

  it('earlier months stay in the past: 10月 and 5月 in November, 12月 in January', () => {
    expect(violations(runAt('higashiosaka-monthly-list', { ...list(), 対象月: '10月', 提出日: '2026-11-10' }, '2026-11-10'))).toEqual([]);
    expect(violations(runAt('higashiosaka-monthly-list', { ...list(), 対象月: '12月', 提出日: '2027-01-10' }, '2027-01-10'))).toEqual([]);
    // six months back is the past (2026-05, before reporting began), not a list sent half a year early
    const may = runAt('higashiosaka-monthly-list', { ...list(), 対象月: '5月', 提出日: '2026-11-10' }, '2026-11-10');
    expect(find(may, 'higashiosaka-monthly-list/deadline')?.message.ja).toContain('2026年5月');
    // five months ahead is the coming 2027-04
    const apr = runAt('higashiosaka-monthly-list', { ...list(), 対象月: '4月', 提出日: '2026-11-10' }, '2026-11-10');
    expect(find(apr, 'higashiosaka-monthly-list/deadline')?.message.ja).toContain('2027年4月');
    expect(find(apr, 'higashiosaka-monthly-list/deadline')?.severity).toBe('warning');
  });
});

// ---- fixtures ----
