import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';
import { unsuitableActivity } from '../../../core/rules/production-activity.ts';

describe('production-activity', () => {
  it.each(['eスポーツ', 'ｅスポーツ大会の練習', '植物の水やり', '水やりのみ', '卓球教室の手伝い', '麻雀教室手伝い', '自習', '自習のみ', '待機のみ'])(
    'flags %s', (text) => {
      expect(unsuitableActivity(text)).toBeDefined();
    });
  it.each(['データ入力', 'Webサイトの記事作成', '水やりと商品の検品・梱包', '自習用教材の作成', 'プログラミング課題', '卓球台の部品組立と検品', '麻雀牌のパッケージ封入作業'])(
    'accepts %s', (text) => {
      expect(unsuitableActivity(text)).toBeUndefined();
    });
  it('is a warning finding naming the content', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { workContent: 'eスポーツ' })]), 'production-activity')[0]!;
    expect(f).toMatchObject({ severity: 'warning', outcome: 'violation' });
    expect(f.message.ja).toContain('「eスポーツ」');
  });
});
