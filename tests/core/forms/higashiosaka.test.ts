import { describe, expect, it } from 'vitest';
import { find, LONG, run, violations } from './helpers.ts';

function list(): Record<string, string | string[]> {
  return {
    対象月: '令和8年10月',
    提出日: '令和8年11月10日',
    事業所番号: '2712345678',
    事業所名: 'ひがしおおさか作業所',
    'users.0.name': '東 一郎', 'users.0.recipientNo': '2700000001', 'users.0.homeDays': '12', 'users.0.commuteDays': '5', 'users.0.homeWeeks': '5',
    '氏名2': '河内 花子', '受給者証番号2': '２７０００００００２', '在宅日数2': '８', '通所日数2': '４日',
  };
}

describe('higashiosaka-monthly-list (様式在-1)', () => {
  it('passes a list filed by the 15th with rows as ids or numbered labels', () => {
    const r = run('higashiosaka-monthly-list', list());
    expect(violations(r)).toEqual([]);
    expect(r.unknownKeys).toEqual([]);
    // the second row has no week count: whether it commuted every week is for a human to check
    expect(r.findings.map((f) => `${f.ruleId}:${f.outcome}`)).toEqual(['higashiosaka-monthly-list/weekly-commute:incomplete']);
    expect(r.findings[0]?.locations).toEqual([{ field: 'users.1.commuteDays' }]);
  });

  it('rejects a submission after the 15th of the next month', () => {
    const r = run('higashiosaka-monthly-list', { ...list(), 提出日: '2026-11-16' });
    expect(violations(r)).toEqual(['higashiosaka-monthly-list/deadline@submittedOn']);
    expect(find(r, 'higashiosaka-monthly-list/deadline')?.message.ja).toContain('2026年11月15日');
    const dec = run('higashiosaka-monthly-list', { ...list(), 対象月: '令和7年12月', 提出日: '令和8年1月15日' });
    expect(violations(dec)).toEqual(['higashiosaka-monthly-list/effective@targetMonth']);
  });

  it('caps home + 通所 days at days-in-month − 8 per user', () => {
    const r = run('higashiosaka-monthly-list', { ...list(), 'users.0.homeDays': '18', 'users.0.commuteDays': '6' });
    expect(violations(r)).toEqual(['higashiosaka-monthly-list/day-cap@users.0.homeDays+users.0.commuteDays']);
    expect(find(r, 'higashiosaka-monthly-list/day-cap')?.message.ja).toContain('上限23日');
  });

  it('warns when 通所 days are fewer than the weeks with home days', () => {
    const r = run('higashiosaka-monthly-list', { ...list(), 'users.0.commuteDays': '3' });
    expect(violations(r)).toEqual(['higashiosaka-monthly-list/weekly-commute@users.0.commuteDays']);
    expect(find(r, 'higashiosaka-monthly-list/weekly-commute')?.severity).toBe('warning');
  });

  it('rejects users of other municipalities and bad recipient numbers', () => {
    const r = run('higashiosaka-monthly-list', { ...list(), 'users.0.municipality': '大阪市', 'users.1.recipientNo': '27-000' });
    expect(violations(r).sort()).toEqual(['higashiosaka-monthly-list/municipality@users.0.municipality', 'recipient-number@users.1.recipientNo']);
  });

  it('needs at least one user row, and complete rows', () => {
    const { 対象月, 提出日, 事業所番号, 事業所名 } = list();
    const none = run('higashiosaka-monthly-list', { 対象月: 対象月!, 提出日: 提出日!, 事業所番号: 事業所番号!, 事業所名: 事業所名! });
    expect(violations(none)).toEqual(['required@users.0.name']);
    const partial = run('higashiosaka-monthly-list', { 対象月: 対象月!, 提出日: 提出日!, 事業所番号: 事業所番号!, 事業所名: 事業所名!, 'users.0.name': '東 一郎' });
    expect(violations(partial).sort()).toEqual(['required@users.0.commuteDays', 'required@users.0.homeDays', 'required@users.0.recipientNo']);
  });

  it('a spare row with nothing typed is no entry: no 未入力 for it, as the page and the CLI send it', () => {
    const spare: Record<string, string | string[]> = {};
    // a monthly list with rows for 10 users, 3 filled (blank rows arrive as '' from a page or a JSON file)
    for (let r = 3; r < 10; r++) for (const f of ['name', 'recipientNo', 'homeDays', 'commuteDays', 'homeWeeks', 'municipality']) spare[`users.${r}.${f}`] = '';
    spare['users.2.name'] = '';
    const filled = { ...list(), 'users.2.name': '生駒 三郎', 'users.2.recipientNo': '2700000003', 'users.2.homeDays': '4', 'users.2.commuteDays': '8', 'users.2.homeWeeks': '2' };
    const r = run('higashiosaka-monthly-list', { ...filled, ...spare, 'users.2.name': '生駒 三郎', 'users.9.municipality': [] });
    expect(violations(r)).toEqual([]);
    expect(r.findings.every((f) => f.locations.every((l) => !/^users\.[3-9]\./.test(l.field ?? '')))).toBe(true);
    // the rules see the filled rows only
    const all = run('higashiosaka-monthly-list', { ...filled, ...spare, 'users.2.name': '生駒 三郎', 'users.5.homeDays': '3' });
    expect(violations(all).sort()).toEqual(['required@users.5.commuteDays', 'required@users.5.name', 'required@users.5.recipientNo']);
    // a table with only blank rows still has no entry
    const { 対象月, 提出日, 事業所番号, 事業所名 } = list();
    const none = run('higashiosaka-monthly-list', { 対象月: 対象月!, 提出日: 提出日!, 事業所番号: 事業所番号!, 事業所名: 事業所名!, ...spare });
    expect(violations(none)).toEqual(['required@users.0.name']);
  });

  it('warns for a month before reporting started (July 2026) and for the wrong prefecture', () => {
    const r = run('higashiosaka-monthly-list', { ...list(), 対象月: '2026年6月', 提出日: '2026-07-10', 事業所番号: '2812345678' });
    expect(violations(r).sort()).toEqual(['higashiosaka-monthly-list/effective@targetMonth', 'provider-number@providerNo']);
  });
});

function application(): Record<string, string | string[]> {
  return {
    申立日: '令和8年8月1日',
    氏名: '東 一郎',
    受給者証番号: '2700000001',
    サービスの種類: '就労継続支援B型',
    在宅利用を希望する理由: LONG('重度の肢体不自由があり一人での外出が難しいため'),
    在宅利用の目的: ['在宅勤務での就労'],
    認定期間の区分: ['1年'],
    '利用期間（開始）': '2026-09-01',
    '利用期間（終了）': '2027-08-31',
    同意: ['認定期間の設定を理解し、同意します'],
    相談支援の利用: ['利用している'],
  };
}

describe('higashiosaka-application (申立書・支援効果チェックシート)', () => {
  it('passes a correct B型 application', () => {
    const r = run('higashiosaka-application', application());
    expect(r.findings).toEqual([]);
    expect(r.unknownKeys).toEqual([]);
  });

  it('is for B型 only', () => {
    expect(violations(run('higashiosaka-application', { ...application(), サービスの種類: '就労継続支援Ａ型' }))).toEqual(['higashiosaka-application/service@service']);
  });

  it('limits the period to one year, and a temporary one to 3 months', () => {
    expect(violations(run('higashiosaka-application', { ...application(), '利用期間（終了）': '2027-09-01' }))).toEqual(['higashiosaka-application/period@periodTo+periodFrom']);
    const temp = { ...application(), 認定期間の区分: ['3か月以内（一時的）'], '利用期間（終了）': '令和8年11月30日' };
    expect(violations(run('higashiosaka-application', temp))).toEqual([]);
    expect(violations(run('higashiosaka-application', { ...temp, '利用期間（終了）': '令和8年12月1日' }))).toEqual(['higashiosaka-application/period@periodTo+periodFrom']);
  });

  it('forbids renewing a temporary period within 3 months of the last one', () => {
    const temp = { ...application(), 認定期間の区分: ['3か月以内'], '利用期間（終了）': '2026-11-30', 前回の一時的な在宅利用の終了日: '2026-07-31' };
    expect(violations(run('higashiosaka-application', temp))).toEqual(['higashiosaka-application/temporary-interval@periodFrom+previousTemporaryEnd']);
    expect(violations(run('higashiosaka-application', { ...temp, 前回の一時的な在宅利用の終了日: '2026-05-31' }))).toEqual([]);
  });

  it('requires 相談支援, the consent and a valid purpose', () => {
    const r = run('higashiosaka-application', { ...application(), 相談支援の利用: ['利用していない'], 同意: [], 在宅利用の目的: ['趣味'] });
    expect(violations(r).sort()).toEqual(['choice-valid@purpose', 'higashiosaka-application/consultation@consultation', 'required@consent']);
  });
});
