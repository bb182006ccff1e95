import { describe, expect, it } from 'vitest';
import { find, fukuokaAssessment, run, violations } from './helpers.ts';

/** the valid form, with the arrival time written as staff often do */
const assessment = (): Record<string, string | string[]> => ({ ...fukuokaAssessment(), '緊急時の駆けつけ所要時間（分）': '４５分' });


describe('fukuoka-assessment (様式1 確認シート)', () => {
  it('passes a correct sheet (start exactly one month after submission)', () => {
    const r = run('fukuoka-assessment', assessment());
    expect(r.findings).toEqual([]);
    expect(r.unknownKeys).toEqual([]);
  });

  it('needs the start at least one month after submission', () => {
    const r = run('fukuoka-assessment', { ...assessment(), 開始希望日: '2026-08-31' });
    expect(violations(r)).toEqual(['fukuoka-assessment/lead-time@startDate+submittedOn']);
    expect(find(r, 'fukuoka-assessment/lead-time')?.source).toBe('004 3(3)ア');
  });

  it('needs staff to arrive within 60 minutes', () => {
    expect(violations(run('fukuoka-assessment', { ...assessment(), '緊急時の駆けつけ所要時間（分）': '60' }))).toEqual([]);
    expect(violations(run('fukuoka-assessment', { ...assessment(), '緊急時の駆けつけ所要時間（分）': '９０' }))).toEqual(['fukuoka-assessment/arrival@arrivalMinutes']);
  });

  it('reads the arrival time like the workbook importer (1時間, 1時間30分, 90分, ９０, 約30分)', () => {
    const minutes = (text: string): string[] => violations(run('fukuoka-assessment', { ...assessment(), '緊急時の駆けつけ所要時間（分）': text }));
    for (const ok of ['1時間', '約30分', '30分以内', '60', '１時間']) expect(minutes(ok), ok).toEqual([]);
    for (const late of ['1時間30分', '90分', '９０', '1時間半', '2時間']) expect(minutes(late), late).toEqual(['fukuoka-assessment/arrival@arrivalMinutes']);
    expect(find(run('fukuoka-assessment', { ...assessment(), '緊急時の駆けつけ所要時間（分）': '1時間30分' }), 'fukuoka-assessment/arrival')?.message.ja).toContain('90分');
    const bad = run('fukuoka-assessment', { ...assessment(), '緊急時の駆けつけ所要時間（分）': 'すぐ' });
    expect(violations(bad)).toEqual(['number-valid@arrivalMinutes']);
    expect(find(bad, 'number-valid')?.message.ja).toContain('1時間30分');
  });

  it('needs the consent and a plan that includes home work', () => {
    const r = run('fukuoka-assessment', { ...assessment(), 利用者の同意: [], 個別支援計画に在宅就労の記載: ['なし'] });
    expect(violations(r).sort()).toEqual(['fukuoka-assessment/plan@planIncludesHome', 'required@consent']);
    expect(violations(run('fukuoka-assessment', { ...assessment(), 利用者の同意: '同意しない' }))).toEqual(['required@consent']);
  });

  it('rejects assessment text that is only a placeholder', () => {
    expect(violations(run('fukuoka-assessment', { ...assessment(), 'アセスメント（環境面）': 'ー' }))).toEqual(['required@assessEnv']);
  });
});

function notification(): Record<string, string | string[]> {
  return {
    提出日: '2026-08-01',
    区分: ['終了'],
    事業所番号: '4012345678',
    事業所名: 'ふくおか就労支援センター',
    運営規程に在宅で実施する訓練及び支援内容を明記: ['明記している'],
    終了日: '令和8年9月1日',
  };
}

describe('fukuoka-notification (様式2 届出書)', () => {
  it('passes an end notice filed one month ahead', () => {
    expect(run('fukuoka-notification', notification()).findings).toEqual([]);
  });

  it('rejects an end notice filed less than a month ahead, or without an end date', () => {
    expect(violations(run('fukuoka-notification', { ...notification(), 終了日: '2026-08-31' }))).toEqual(['fukuoka-notification/end@submittedOn+endDate']);
    const noEnd = notification();
    delete noEnd['終了日'];
    expect(violations(run('fukuoka-notification', noEnd))).toEqual(['fukuoka-notification/end@endDate']);
    expect(violations(run('fukuoka-notification', { ...noEnd, 区分: ['開始'] }))).toEqual([]);
  });

  it('reads a question title over two dates (支給期間 開始 / 終了) as the start and end date', () => {
    const n = notification();
    const end = n['終了日']!;
    delete n['終了日'];
    const r = run('fukuoka-notification', { ...n, '支給期間 開始': '2026-04-01', '支給期間 終了': end });
    expect(r.unknownKeys).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(violations(run('fukuoka-notification', { ...n, '支給期間 終了': '2026-08-31' }))).toEqual(['fukuoka-notification/end@submittedOn+endDate']);
  });

  it('needs the 運営規程 statement and a known 区分', () => {
    const r = run('fukuoka-notification', { ...notification(), 運営規程に在宅で実施する訓練及び支援内容を明記: [], 区分: '廃止' });
    expect(violations(r).sort()).toEqual(['choice-valid@category', 'required@operatingRules']);
  });
});
