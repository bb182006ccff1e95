import { describe, expect, it } from 'vitest';
import { find, KOBE_ITEMS, KOBE_PROVIDER, KOBE_USER, LONG, run, violations } from './helpers.ts';

const provider = KOBE_PROVIDER;
const user = KOBE_USER;
const ITEMS = KOBE_ITEMS;

function application(): Record<string, string | string[]> {
  const v: Record<string, string | string[]> = { ...provider, ...user };
  ITEMS.forEach((t, i) => (v[`申し立て事項${i + 1}`] = t));
  return v;
}

describe('kobe-application (様式1)', () => {
  it('passes a complete, correct application', () => {
    const r = run('kobe-application', application());
    expect(r.findings).toEqual([]);
    expect(r.unknownKeys).toEqual([]);
    expect(r.title.ja).toContain('申立書');
  });

  it('accepts 和暦 and full-width input', () => {
    const v = { ...application(), 年月日: '令和８年１１月１日', 事業所番号: '２８１２３４５６７８', サービスの種類: '就労継続支援Ｂ型' };
    expect(run('kobe-application', v).findings).toEqual([]);
  });

  it('reports each missing item, placeholders and too-short text', () => {
    const v = application();
    delete v['申し立て事項4'];
    v['申し立て事項1'] = '特になし';
    v['申し立て事項3'] = '同上';
    v['申し立て事項7'] = '運営規程に明記';
    const r = run('kobe-application', v);
    expect(violations(r)).toEqual(expect.arrayContaining(['required@item1', 'required@item3', 'required@item7']));
    // an item not given at all cannot be judged: incomplete, not a violation
    expect(find(r, 'required', 'item4')?.outcome).toBe('incomplete');
    expect(find(r, 'required', 'item7')?.message.ja).toContain('10文字以上');
  });

  it('warns when an item lacks its key words (2回・日報, 週1・訪問/通所, 月1・通所・達成度, 運営規程)', () => {
    const v = application();
    v['申し立て事項2'] = '毎日、電話で連絡・助言を行い、進捗を確認します。';
    v['申し立て事項5'] = '定期的に電話で状況を確認して評価しています。';
    v['申し立て事項6'] = '月に1回、オンライン面談で振り返りを行います。';
    v['申し立て事項7'] = '在宅で実施する訓練及び支援内容を定めた規程があります。';
    const r = run('kobe-application', v);
    expect(violations(r).sort()).toEqual(['kobe-application/item-keywords@item2', 'kobe-application/item-keywords@item5', 'kobe-application/item-keywords@item6', 'kobe-application/item-keywords@item7']);
    expect(r.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(r.summary.errors).toBe(0);
  });

  it('reports provider number, service type, future and impossible dates', () => {
    const v = { ...application(), 事業所番号: '281234567', サービスの種類: [] as string[], 年月日: '令和9年1月10日' };
    expect(violations(run('kobe-application', v)).sort()).toEqual(['date-valid@submittedOn', 'provider-number@providerNo', 'required@service']);
    expect(violations(run('kobe-application', { ...application(), 年月日: '令和8年2月29日' }))).toEqual(['date-valid@submittedOn']);
    expect(find(run('kobe-application', { ...application(), 事業所番号: '2712345678' }), 'provider-number')?.severity).toBe('warning');
  });
});

function report(): Record<string, string | string[]> {
  const v: Record<string, string | string[]> = { ...provider, ...user, 支給期間開始: '令和8年9月1日', 支給期間終了: '令和8年10月31日', 利用者確認欄氏名: '山田 太郎', 利用者確認欄住所: '神戸市北区' };
  ITEMS.forEach((t, i) => (v[`確認事項${i + 1}`] = t.replace('します', 'しました')));
  return v;
}

describe('kobe-report (様式2-1 / 2-2)', () => {
  it('passes a correct report; attachments remain a reminder (incomplete)', () => {
    const r = run('kobe-report', report());
    expect(violations(r)).toEqual([]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['kobe-report/attachments']);
    expect(r.findings[0]?.outcome).toBe('incomplete');
    expect(r.findings[0]?.message.ja).toContain('日報');
    expect(r.unknownKeys).toEqual([]);
  });

  it('rejects a period that ends before it starts', () => {
    const r = run('kobe-report', { ...report(), 支給期間開始: '2026/10/31', 支給期間終了: '２０２６／９／１' });
    expect(violations(r)).toEqual(['kobe-report/period@periodFrom+periodTo']);
  });

  it('flags a period over two months as to be checked (first decision ≤ 2 months)', () => {
    const r = run('kobe-report', { ...report(), 支給期間開始: '令和8年7月1日', 支給期間終了: '令和8年10月31日' });
    const f = find(r, 'kobe-report/first-period');
    expect(f?.outcome).toBe('incomplete');
    expect(f?.source).toBe('001 §2(2)');
    expect(find(run('kobe-report', { ...report(), 支給期間開始: '令和8年9月1日', 支給期間終了: '令和8年11月1日' }), 'kobe-report/first-period')).toBeDefined();
  });

  it('様式2-2: exactly one 達成度 per item once any is given', () => {
    const v = report();
    for (let i = 1; i <= 7; i++) v[`確認事項${i}の達成度`] = ['できた'];
    expect(violations(run('kobe-report', v))).toEqual([]);
    v['確認事項3の達成度'] = ['できた', '不十分'];
    v['確認事項5の達成度'] = [];
    expect(violations(run('kobe-report', v)).sort()).toEqual(['choice-valid@achievement3', 'kobe-report/achievement@achievement5']);
  });

  it('様式2-2: 達成度 typed as text must be exactly one valid option (kr4, kr5)', () => {
    const v = report();
    for (let i = 1; i <= 7; i++) v[`確認事項${i}の達成度`] = 'できた';
    v['確認事項3の達成度'] = 'できた、概ねできた';
    let f = find(run('kobe-report', v), 'choice-valid', 'achievement3');
    expect(f?.outcome).toBe('violation');
    expect(f?.message.ja).toContain('2つ選ばれています');
    for (const two of ['できた,不十分', 'できた／できなかった', '概ねできた/不十分', 'できた，不十分']) {
      v['確認事項3の達成度'] = two;
      expect(violations(run('kobe-report', v)), two).toEqual(['choice-valid@achievement3']);
    }
    v['確認事項3の達成度'] = 'とてもできた';
    f = find(run('kobe-report', v), 'choice-valid', 'achievement3');
    expect(f?.message.ja).toContain('「とてもできた」は選択肢にありません');
    expect(f?.message.ja).toContain('できた・概ねできた・不十分・できなかった');
    expect(violations(run('kobe-report', v))).toEqual(['choice-valid@achievement3']);
    // the same option twice, the printed 「できなかった。」 and full-width spacing are still one valid option
    for (const one of ['できた、できた', 'できなかった。', ' 概ねできた ', 'おおむねできた']) {
      v['確認事項3の達成度'] = one;
      expect(violations(run('kobe-report', v)), one).toEqual([]);
    }
  });

  it('様式2-2: warns when the user confirmation is empty', () => {
    const v = report();
    for (let i = 1; i <= 7; i++) v[`確認事項${i}の達成度`] = ['できた'];
    delete v['利用者確認欄氏名'];
    const r = run('kobe-report', v);
    expect(violations(r)).toEqual(['kobe-report/user-confirmation@confirmName']);
    expect(find(r, 'kobe-report/user-confirmation')?.severity).toBe('warning');
    // no confirmation keys at all on a 2-2: still a warning
    delete v['利用者確認欄住所'];
    expect(violations(run('kobe-report', v))).toEqual(['kobe-report/user-confirmation@confirmName']);
  });

  it('様式2-1: an empty user confirmation is only a reminder to sign the paper form (001)', () => {
    const v = report();
    v['利用者確認欄氏名'] = '';
    const r = run('kobe-report', v);
    expect(violations(r)).toEqual([]);
    const f = find(r, 'kobe-report/user-confirmation');
    expect(f?.outcome).toBe('incomplete');
    expect(f?.message.ja).toContain('様式2-1の用紙にも利用者確認欄');
    expect(f?.source).toBe('001 様式2-1');
  });

  it('様式2-1 without confirmation fields says nothing about them (kr6)', () => {
    const v = report();
    delete v['利用者確認欄氏名'];
    delete v['利用者確認欄住所'];
    const r = run('kobe-report', v);
    expect(find(r, 'kobe-report/user-confirmation')).toBeUndefined();
    expect(r.findings.map((f) => f.ruleId)).toEqual(['kobe-report/attachments']);
  });
});

function survey(): Record<string, string | string[]> {
  // submitted in November 2026: the three months before are August, September, October
  return {
    ...provider, ...user,
    '利用実績1（月）': '8月', '利用実績1（利用日数）': '18',
    '利用実績2（月）': '令和8年9月', '利用実績2（利用日数）': '２０',
    '利用実績3（月）': '2026-10', '利用実績3（利用日数）': '21日',
    サービス利用状況: LONG('データ入力と検品の作業を週5日行っています'),
    サービス管理責任者による評価: LONG('作業手順を理解し、自分で進める力が身についています'),
  };
}

describe('kobe-survey (様式4)', () => {
  it('passes the three months before the submission month, with 和暦 and full-width', () => {
    const r = run('kobe-survey', survey());
    expect(violations(r)).toEqual([]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['kobe-survey/attachments']);
  });

  it('rejects months that are not the last three, repeated months, and days beyond the month', () => {
    const wrong = run('kobe-survey', { ...survey(), '利用実績1（月）': '7月' });
    expect(violations(wrong)).toEqual(['kobe-survey/months@month1']);
    const dup = run('kobe-survey', { ...survey(), '利用実績2（月）': '10月' });
    expect(violations(dup)).toContain('kobe-survey/months@month1+month2+month3');
    const days = run('kobe-survey', { ...survey(), '利用実績2（利用日数）': '31', '利用実績3（利用日数）': '2.5' });
    expect(violations(days)).toEqual(['kobe-survey/day-count@days2', 'kobe-survey/day-count@days3']);
    expect(find(days, 'kobe-survey/day-count', 'days2')?.message.ja).toContain('30日まで');
  });

  it('warns when the months are out of order', () => {
    const r = run('kobe-survey', { ...survey(), '利用実績1（月）': '9月', '利用実績2（月）': '8月' });
    expect(violations(r)).toEqual(['kobe-survey/months@month1+month2+month3']);
    expect(find(r, 'kobe-survey/months')?.severity).toBe('warning');
  });

  it('reports an unreadable month and a non-numeric day count', () => {
    const r = run('kobe-survey', { ...survey(), '利用実績1（月）': '夏', '利用実績1（利用日数）': 'たくさん' });
    expect(violations(r)).toEqual(['date-valid@month1', 'number-valid@days1']);
  });
});
