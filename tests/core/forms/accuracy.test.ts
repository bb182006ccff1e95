// Review fixes: consent words, combined service types, 対象月 without a year, 福岡市 lead time,
// 神戸市 frequency wording, form-specific date advice.
import { describe, expect, it } from 'vitest';
import { parseConsent, parseFormDate, readServices } from '../../../core/forms/check.ts';
import { checkForm } from '../../../core/forms/index.ts';
import type { FieldValue } from '../../../core/forms/index.ts';
import { fukuokaAssessment as assessment, find, higashiosakaList as list, kobeApplication, LONG, run, violations } from './helpers.ts';

const runAt = (formId: string, values: Record<string, FieldValue>, asOf: string) => checkForm(formId, values, { asOf });

describe('parseConsent: pending and negative words are no', () => {
  it.each(['確認中', '同意予定', '記載予定', '未確認', '予定', '検討中', '同意取得中', '同意（後日署名）', '同意しない', 'いいえ', 'なし', '×', 'false', '0'])('%s → false', (t) => {
    expect(parseConsent(t)).toBe(false);
  });

  it.each(['済', '有', 'あり', 'はい', '同意済', '確認済', '○', '✓', 'true', '同意を得た', '明記している', '異議なし', '問題なし、同意済', '同意済（未成年のため保護者）', 'ＹＥＳ'])('%s → true', (t) => {
    expect(parseConsent(t)).toBe(true);
  });

  it('blank is no answer, unreadable text is undecided, and one pending part makes a list no', () => {
    expect(parseConsent(undefined)).toBeUndefined();
    expect(parseConsent([])).toBeUndefined();
    expect(parseConsent(' ')).toBeUndefined();
    expect(parseConsent('???')).toBeUndefined();
    expect(parseConsent(['同意済', '確認中'])).toBe(false);
  });

  it('on a form: pending consent is a violation, unreadable is incomplete, given consent passes', () => {
    const base = assessment();
    const pending = run('fukuoka-assessment', { ...base, 利用者の同意: '同意予定' });
    expect(violations(pending)).toEqual(['required@consent']);
    expect(find(pending, 'required', 'consent')?.message.ja).toContain('予定・確認中も不可');
    expect(violations(run('fukuoka-notification', { ...notification(), 運営規程に在宅で実施する訓練及び支援内容を明記: '記載予定' }))).toEqual(['required@operatingRules']);
    const unclear = find(run('fukuoka-assessment', { ...base, 利用者の同意: '???' }), 'required', 'consent');
    expect(unclear?.outcome).toBe('incomplete');
    expect(run('fukuoka-assessment', { ...base, 利用者の同意: '同意済' }).findings).toEqual([]);
    expect(run('fukuoka-assessment', { ...base, 利用者の同意: ['✓'] }).findings).toEqual([]);
  });
});

describe('service type: every type in a combined value is recognised and judged', () => {
  const combined: [string, string[]][] = [
    ['就労継続支援A型・B型', ['typeA', 'typeB']],
    ['A型 B型', ['typeA', 'typeB']],
    ['A型及びB型', ['typeA', 'typeB']],
    ['A型又はB型', ['typeA', 'typeB']],
    ['A型B型', ['typeA', 'typeB']],
    ['就労移行支援及び就労継続支援B型', ['transition', 'typeB']],
    ['Ａ型・Ｂ型', ['typeA', 'typeB']],
    ['ａ型、ｂ型', ['typeA', 'typeB']],
    ['就労継続支援（Ａ型、Ｂ型）', ['typeA', 'typeB']],
    ['就労継続支援A・B型', ['typeA', 'typeB']],
  ];
  it.each(combined)('%s names %j', (text, kinds) => {
    expect(readServices(text)).toEqual({ kinds, bad: [] });
    const r = run('generic', { サービスの種類: text });
    expect(violations(r)).toEqual(['service-type@service']);
    expect(find(r, 'service-type')?.message.ja).toContain('2つのサービス');
  });

  it('one type in any width or wording passes', () => {
    for (const one of ['就労継続支援Ｂ型', 'B型', 'ｂ型', '就労継続支援（Ｂ型）', '就労継続支援 B型', 'B型（非雇用型）', '就労継続支援B型、就労継続支援B型', '移行', '就継A']) {
      expect(violations(run('generic', { サービスの種類: one })), one).toEqual([]);
    }
  });

  it('a part naming no type is unreadable, also next to a valid one', () => {
    expect(readServices('就労継続支援')).toEqual({ kinds: [], bad: ['就労継続支援'] });
    expect(readServices('就労継続支援B型と生活介護')).toEqual({ kinds: ['typeB'], bad: ['生活介護'] });
    const r = run('generic', { サービスの種類: '就労継続支援B型と生活介護' });
    expect(violations(r)).toEqual(['service-type@service']);
    expect(find(r, 'service-type')?.message.ja).toContain('「生活介護」はサービスの種類として読めません');
  });

  it('東大阪市 申立書: each type is judged against B型 only', () => {
    const ab = run('higashiosaka-application', { ...application(), サービスの種類: '就労継続支援Ａ型・Ｂ型' });
    expect(violations(ab).sort()).toEqual(['higashiosaka-application/service@service', 'service-type@service']);
    expect(find(ab, 'higashiosaka-application/service')?.message.ja).toContain('就労継続支援A型');
    const tb = run('higashiosaka-application', { ...application(), サービスの種類: '就労移行支援及び就労継続支援B型' });
    expect(find(tb, 'higashiosaka-application/service')?.message.ja).toContain('就労移行支援');
    expect(violations(run('higashiosaka-application', { ...application(), サービスの種類: 'Ｂ型' }))).toEqual([]);
  });

  it('神戸市 申立書: two types on one application are an error', () => {
    const v = { ...kobeApplication(), サービスの種類: 'A型又はB型' };
    expect(violations(run('kobe-application', v))).toEqual(['service-type@service']);
  });
});

describe('higashiosaka-monthly-list: 対象月 without a year', () => {
  it('takes the year from 提出日 (10月 submitted 2026-11 is 2026-10) and checks the deadline', () => {
    expect(violations(run('higashiosaka-monthly-list', { ...list(), 対象月: '10月' }))).toEqual([]);
    const late = run('higashiosaka-monthly-list', { ...list(), 対象月: '１０月', 提出日: '2026-11-16' });
    expect(violations(late)).toEqual(['higashiosaka-monthly-list/deadline@submittedOn']);
    const f = find(late, 'higashiosaka-monthly-list/deadline');
    expect(f?.message.ja).toContain('2026年11月15日');
    expect(f?.message.ja).toContain('提出日から2026年10月と判断');
    expect(f?.message.en).toContain('2026-10');
  });

  it('a December list submitted in January is the previous year', () => {
    expect(violations(runAt('higashiosaka-monthly-list', { ...list(), 対象月: '12月', 提出日: '2027-01-15' }, '2027-01-20'))).toEqual([]);
    const late = runAt('higashiosaka-monthly-list', { ...list(), 対象月: '12月', 提出日: '2027-01-16' }, '2027-01-20');
    expect(violations(late)).toEqual(['higashiosaka-monthly-list/deadline@submittedOn']);
    expect(find(late, 'higashiosaka-monthly-list/deadline')?.message.ja).toContain('2027年1月15日');
  });

  it('applies the day cap of the inferred month (October 31 − 8 = 23, leap February 29 − 8 = 21)', () => {
    const oct = run('higashiosaka-monthly-list', { ...list(), 対象月: '10月', 'users.0.homeDays': '18', 'users.0.commuteDays': '6' });
    expect(violations(oct)).toEqual(['higashiosaka-monthly-list/day-cap@users.0.homeDays+users.0.commuteDays']);
    expect(find(oct, 'higashiosaka-monthly-list/day-cap')?.message.ja).toContain('2026年10月の上限23日');
    const feb = { ...list(), 対象月: '2月', 提出日: '2028-03-10', 'users.0.homeDays': '15', 'users.0.commuteDays': '6' };
    expect(violations(runAt('higashiosaka-monthly-list', feb, '2028-03-20'))).toEqual([]);
    const over = runAt('higashiosaka-monthly-list', { ...feb, 'users.0.commuteDays': '7' }, '2028-03-20');
    expect(find(over, 'higashiosaka-monthly-list/day-cap')?.message.ja).toContain('2028年2月の上限21日');
  });

  it('a list submitted within its own month is taken as that month (warning: month not over)', () => {
    const r = run('higashiosaka-monthly-list', { ...list(), 対象月: '11月', 提出日: '2026-11-10' });
    expect(violations(r)).toEqual(['higashiosaka-monthly-list/deadline@submittedOn+targetMonth']);
    expect(find(r, 'higashiosaka-monthly-list/deadline')?.severity).toBe('warning');
  });

  it('without a 提出日, takes the year from today', () => {
    const v = list();
    delete v['提出日'];
    const r = run('higashiosaka-monthly-list', { ...v, 対象月: '10月' });
    expect(violations(r)).toEqual(['higashiosaka-monthly-list/deadline@targetMonth']);
    expect(find(r, 'required', 'submittedOn')?.outcome).toBe('incomplete');
    expect(find(r, 'higashiosaka-monthly-list/deadline')?.message.ja).toContain('今日の日付から2026年10月と判断');
    // 11月 today (2026-11-23) is not yet due
    expect(violations(run('higashiosaka-monthly-list', { ...v, 対象月: '11月' }))).toEqual([]);
  });

  it('an unreadable 提出日 leaves the year undecided: incomplete on 対象月, not silence', () => {
    const r = run('higashiosaka-monthly-list', { ...list(), 対象月: '10月', 提出日: 'あした', 'users.0.homeDays': '30' });
    expect(violations(r)).toEqual(['date-valid@submittedOn']);
    const f = find(r, 'higashiosaka-monthly-list/deadline', 'targetMonth');
    expect(f?.outcome).toBe('incomplete');
    expect(f?.message.ja).toContain('年がなく');
    expect(f?.message.en).toContain('no year');
    // with a year in 対象月 the unreadable 提出日 does not matter for the cap
    expect(violations(run('higashiosaka-monthly-list', { ...list(), 提出日: 'あした', 'users.0.homeDays': '30' }))).toContain('higashiosaka-monthly-list/day-cap@users.0.homeDays+users.0.commuteDays');
  });

  it('a full 対象月 gives no inference note', () => {
    const r = run('higashiosaka-monthly-list', { ...list(), 提出日: '2026-11-16' });
    expect(find(r, 'higashiosaka-monthly-list/deadline')?.message.ja).not.toContain('判断');
  });
});

describe('fukuoka-assessment lead time: one calendar month back from 開始希望日 (004 3(3)ア)', () => {
  const lead = (start: string, submitted: string): string[] =>
    violations(checkForm('fukuoka-assessment', { ...assessment(), 開始希望日: start, 提出日: submitted }, { asOf: '2028-12-31' }));
  const LATE = ['fukuoka-assessment/lead-time@startDate+submittedOn'];

  it('開始希望日 2027-02-28 → apply by 2027-01-28', () => {
    expect(lead('2027-02-28', '2027-01-28')).toEqual([]);
    expect(lead('2027-02-28', '2027-01-29')).toEqual(LATE);
    // counting forward from 01-31 would reach 02-28; the seed counts back from the start
    expect(lead('2027-02-28', '2027-01-31')).toEqual(LATE);
  });

  it('month ends: 03-31 → 02-28, leap 03-31 → 02-29, 03-30 → 02-28, 12-31 → 11-30', () => {
    expect(lead('2027-03-31', '2027-02-28')).toEqual([]);
    expect(lead('2027-03-31', '2027-03-01')).toEqual(LATE);
    expect(lead('2027-03-30', '2027-02-28')).toEqual([]);
    expect(lead('2028-03-31', '2028-02-29')).toEqual([]);
    expect(lead('2028-03-31', '2028-03-01')).toEqual(LATE);
    expect(lead('2026-12-31', '2026-11-30')).toEqual([]);
    expect(lead('2026-12-31', '2026-12-01')).toEqual(LATE);
    expect(lead('2027-01-01', '2026-12-01')).toEqual([]);
    expect(lead('2027-01-01', '2026-12-02')).toEqual(LATE);
  });

  it('says by when to submit', () => {
    const r = checkForm('fukuoka-assessment', { ...assessment(), 開始希望日: '令和9年3月31日', 提出日: '令和9年3月1日' }, { asOf: '2028-12-31' });
    const f = find(r, 'fukuoka-assessment/lead-time');
    expect(f?.message.ja).toContain('2027年2月28日までに提出');
    expect(f?.message.en).toContain('submit by 2027-02-28');
  });
});

describe('神戸市 item keywords: frequency wording variants', () => {
  const kw = (n: number, text: string): string[] =>
    violations(run('kobe-application', { ...kobeApplication(), [`申し立て事項${n}`]: text }));

  it.each(['週に一度、職員が自宅を訪問して作業を評価します', '1週間に1度、職員が自宅を訪問して評価します', '週１回、職員が訪問して作業内容を評価します', '一週間につき一回、事業所に通所して評価を受けます', '週一で職員が自宅を訪問し、作業を評価します'])('item 5 passes: %s', (t) => {
    expect(kw(5, t)).toEqual([]);
  });

  it.each(['2週間に1回、職員が自宅を訪問して評価します', '定期的に職員が自宅を訪問して評価します', '週に一度、電話で作業の状況を確認し評価します'])('item 5 warns: %s', (t) => {
    expect(kw(5, t)).toEqual(['kobe-application/item-keywords@item5']);
  });

  it.each(['月に一度は事業所に通所し、訓練目標の達成度を評価します', '月1度、事業所へ通所して達成度の評価を行います', 'ひと月に一度、通所により達成度の評価を行います', '１ヶ月に１回、通所して訓練目標の達成度を評価します'])('item 6 passes: %s', (t) => {
    expect(kw(6, t)).toEqual([]);
  });

  it.each(['3か月に1回、事業所に通所し達成度の評価を行います', '10月1日に事業所に通所し達成度の評価を行います', '月に10回通所し、訓練目標の達成度を評価します'])('item 6 warns: %s', (t) => {
    expect(kw(6, t)).toEqual(['kobe-application/item-keywords@item6']);
  });

  it('item 2: 二度 / ２度 count as twice, once a day does not', () => {
    expect(kw(2, '始業時と終業時の一日二度、電話で連絡し日報を作成します')).toEqual([]);
    expect(kw(2, '始業時と終業時の１日２度、電話で連絡し日報を作成します')).toEqual([]);
    expect(kw(2, '終業時の1日1回、電話で連絡して日報を作成します')).toEqual(['kobe-application/item-keywords@item2']);
  });
});

describe('form dates get form advice, not workbook advice', () => {
  it('a date without a year, a bare number and free text say how to write the date', () => {
    for (const bad of ['10月1日', '１０／１', '15日', '45000', 'あした']) {
      const r = run('generic', { 提出日: bad });
      expect(violations(r), bad).toEqual(['date-valid@date.0']);
      const m = find(r, 'date-valid')!.message;
      expect(m.ja, bad).toContain('2026-10-01 や 令和8年10月1日 の形で入力してください');
      expect(m.ja, bad).not.toContain('シート');
      expect(m.en, bad).toContain('Enter the date like 2026-10-01');
      expect(m.en, bad).not.toContain('sheet');
    }
    expect(find(run('generic', { 提出日: '10月1日' }), 'date-valid')?.message.ja).toContain('年がありません');
  });

  it('an impossible or out-of-era date keeps its specific reason', () => {
    expect(find(run('generic', { 提出日: '2026/02/30' }), 'date-valid')?.message.ja).toContain('実在しない日付');
    expect(find(run('generic', { 提出日: '平成31年5月1日' }), 'date-valid')?.message.ja).toContain('元号の期間外');
  });

  it('readable forms still pass', () => {
    for (const ok of ['2026-10-01', '令和8年10月1日', 'R8.10.1', '２０２６／１０／１', '20261001', '2026/10/1(木)']) {
      expect(parseFormDate(ok), ok).toEqual({ ok: true, date: '2026-10-01' });
    }
  });
});

// ---- fixtures ----

function notification(): Record<string, string | string[]> {
  return { 提出日: '2026-08-01', 区分: ['開始'], 事業所番号: '4012345678', 事業所名: 'ふくおか就労支援センター', 運営規程に在宅で実施する訓練及び支援内容を明記: ['明記している'] };
}

function application(): Record<string, string | string[]> {
  return {
    申立日: '令和8年8月1日', 氏名: '東 一郎', 受給者証番号: '2700000001', サービスの種類: '就労継続支援B型',
    在宅利用を希望する理由: LONG('重度の肢体不自由があり一人での外出が難しいため'), 在宅利用の目的: ['在宅勤務での就労'], 認定期間の区分: ['1年'],
    '利用期間（開始）': '2026-09-01', '利用期間（終了）': '2027-08-31', 同意: ['認定期間の設定を理解し、同意します'], 相談支援の利用: ['利用している'],
  };
}
