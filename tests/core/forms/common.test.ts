import { describe, expect, it } from 'vitest';
import { detectForm, FORMS, getForm, normalizeLabel, rankFields, resolveKeys } from '../../../core/forms/index.ts';
import { find, run, violations } from './helpers.ts';

describe('form registry', () => {
  it('has every form id of rules.md §4 plus generic', () => {
    expect(FORMS.map((f) => f.id).sort()).toEqual(
      ['evaluation-sheet', 'fukuoka-assessment', 'fukuoka-notification', 'generic', 'higashiosaka-application', 'higashiosaka-monthly-list', 'kobe-application', 'kobe-report', 'kobe-survey'].sort(),
    );
    expect(getForm('kobe-report')?.pack).toBe('kobe');
    expect(getForm('nope')).toBeUndefined();
  });

  it('detects forms from page titles and headings, tolerant of width and spacing', () => {
    expect(detectForm('就労移行支援、就労継続支援（Ａ型、Ｂ型）の在宅利用に係る申立書')?.id).toBe('kobe-application');
    expect(detectForm('在宅利用に係る 報告書 | 神戸市')?.id).toBe('kobe-report');
    expect(detectForm('在宅利用に係る調査票（サービス利用実績）')?.id).toBe('kobe-survey');
    expect(detectForm('就労継続支援（B型）における在宅利用のための申立書')?.id).toBe('higashiosaka-application');
    expect(detectForm('在宅就労支援対象者リスト（様式在－１）')?.id).toBe('higashiosaka-monthly-list');
    expect(detectForm('【様式1】就労移行・就労継続支援事業の在宅就労支援における確認シート')?.id).toBe('fukuoka-assessment');
    expect(detectForm('在宅でのサービス利用にかかる支援開始（変更・終了）届出書')?.id).toBe('fukuoka-notification');
    expect(detectForm('在宅就労達成度評価シート')?.id).toBe('evaluation-sheet');
    expect(detectForm('お問い合わせフォーム')).toBeUndefined();
    expect(detectForm('')).toBeUndefined();
  });

  it('normalises labels: full-width, spaces, brackets, 必須 marks, circled numbers', () => {
    expect(normalizeLabel(' 事業所 番号 ※必須 ')).toBe('事業所番号');
    expect(normalizeLabel('申し立て事項①（具体的な方法）')).toBe('申し立て事項1具体的な方法');
  });

  it('resolves keys given as ids, official labels or label variants; reports unknown keys', () => {
    const form = getForm('kobe-application')!;
    const { ids, unknown } = resolveKeys(form, ['providerNo', '事業者名', '所 在 地', '申し立て事項３', 'メモ']);
    expect(ids.get('providerNo')).toBe('providerNo');
    expect(ids.get('事業者名')).toBe('providerName');
    expect(ids.get('所 在 地')).toBe('providerAddress');
    expect(ids.get('申し立て事項３')).toBe('item3');
    expect(unknown).toEqual(['メモ']);
  });

  it('ranks an item by its official wording when the number is missing', () => {
    const form = getForm('kobe-report')!;
    expect(rankFields(form, ['緊急時の対応ができる体制が確保できていたか。(具体的な方法)'])[0]?.field.id).toBe('check3');
  });

  it('an unknown form id gives a finding, not a throw', () => {
    const r = run('no-such-form', { a: '1' });
    expect(r.findings[0]?.ruleId).toBe('form-unknown');
    expect(r.unknownKeys).toEqual(['a']);
  });
});

describe('common field checks (generic profile)', () => {
  it('checks provider number: 10 digits after full-width and hyphen normalisation', () => {
    expect(violations(run('generic', { 事業所番号: '２８１０－１２３－４５６' }))).toEqual([]);
    expect(violations(run('generic', { 事業所番号: '28101234' }))).toEqual(['provider-number@providerNo']);
    expect(violations(run('generic', { 事業所番号: '28A0123456' }))).toEqual(['provider-number@providerNo']);
  });

  it('warns when the prefecture code does not match the pack', () => {
    const r = run('generic', { 事業所番号: '2712345678' }, 'kobe');
    const f = find(r, 'provider-number');
    expect(f?.severity).toBe('warning');
    expect(f?.message.ja).toContain('兵庫県');
    expect(run('generic', { 事業所番号: '2812345678' }, 'kobe').findings).toEqual([]);
    expect(run('generic', { 事業所番号: '2312345678' }, 'nishio').findings).toEqual([]);
    expect(find(run('generic', { 事業所番号: '4012345678' }, 'nishio'), 'provider-number')?.severity).toBe('warning');
    expect(run('generic', { 事業所番号: '2712345678' }, 'national').findings).toEqual([]);
  });

  it('checks recipient numbers, repeated on the page', () => {
    const r = run('generic', { 受給者証番号: '0123456789', '受給者証番号（2人目）': '１２３' });
    expect(violations(r)).toEqual(['recipient-number@recipientNo.1']);
  });

  it('checks every date field: 和暦 incl. 元年, full-width, real calendar dates, no future submission date', () => {
    expect(violations(run('generic', { 提出日: '令和元年5月1日', 開始日: '２０２６年１０月１日', 終了日: 'R8.12.31' }))).toEqual([]);
    const bad = run('generic', { 提出日: '2026/02/30', 開始日: '平成31年5月1日', 評価日: 'あした' });
    expect(violations(bad)).toEqual(['date-valid@date.0', 'date-valid@date.1', 'date-valid@date.2']);
    expect(find(bad, 'date-valid', 'date.0')?.message.ja).toContain('実在しない日付');
  });

  it('checks the service type: exactly one of the three', () => {
    expect(violations(run('generic', { サービスの種類: ['就労継続支援Ｂ型'] }))).toEqual([]);
    expect(violations(run('generic', { サービスの種類: 'A型' }))).toEqual([]);
    expect(violations(run('generic', { サービスの種類: ['就労移行支援', '就労継続支援B型'] }))).toEqual(['service-type@service']);
    expect(violations(run('generic', { サービスの種類: '生活介護' }))).toEqual(['service-type@service']);
  });

  it('summarises errors, warnings and incomplete outcomes separately', () => {
    const r = run('generic', { 事業所番号: '2712345678', 受給者証番号: '1' }, 'kobe');
    expect(r.summary).toEqual({ errors: 1, warnings: 1, incomplete: 0, pending: 0 });
    for (const f of r.findings) {
      expect(f.pack).toBe('kobe');
      expect(f.source).not.toBe('');
      expect(f.message.ja).toMatch(/[ぁ-ん]/);
      expect(f.message.en).toMatch(/[a-z]/);
    }
  });
});
