import { describe, expect, it } from 'vitest';
import { find, LONG, run, violations } from './helpers.ts';

function sheet(): Record<string, string | string[]> {
  return {
    利用者氏名: '博多 花子',
    評価日: '令和8年10月30日',
    評価方法: ['通所'],
    訓練目標: LONG('データ入力の正確性を高める'),
    取組内容: LONG('毎日2時間の入力練習を行った'),
    達成度: '概ね達成',
    課題: LONG('午後に集中力が落ちる'),
    改善方針: LONG('午後は休憩を増やして短時間の作業にする'),
    '健康面・体調面での留意事項': LONG('睡眠時間を記録して体調の変化を見る'),
    在宅就労継続の妥当性: LONG('生活リズムが安定しており継続が妥当'),
  };
}

describe('evaluation-sheet (達成度評価シート)', () => {
  it('passes a complete face-to-face evaluation', () => {
    const r = run('evaluation-sheet', sheet(), 'fukuoka');
    expect(r.findings).toEqual([]);
    expect(r.unknownKeys).toEqual([]);
  });

  it('requires all seven content fields', () => {
    const v = sheet();
    v['課題'] = '';
    v['改善方針'] = '特になし';
    expect(violations(run('evaluation-sheet', v, 'higashiosaka')).sort()).toEqual(['required@improvement', 'required@issues']);
  });

  it('rejects phone or online evaluation; kobe warns about a visit', () => {
    const phone = run('evaluation-sheet', { ...sheet(), 評価方法: '電話' }, 'higashiosaka');
    expect(violations(phone)).toEqual(['evaluation-sheet/method@method']);
    expect(phone.findings[0]?.pack).toBe('higashiosaka');
    expect(violations(run('evaluation-sheet', { ...sheet(), 評価方法: 'オンライン' }))).toEqual(['evaluation-sheet/method@method']);
    expect(violations(run('evaluation-sheet', { ...sheet(), 評価方法: '訪問' }, 'fukuoka'))).toEqual([]);
    expect(find(run('evaluation-sheet', { ...sheet(), 評価方法: '訪問' }, 'kobe'), 'evaluation-sheet/method')?.severity).toBe('warning');
  });

  it('rejects a future evaluation date', () => {
    expect(violations(run('evaluation-sheet', { ...sheet(), 評価日: '令和9年1月5日' }))).toEqual(['date-valid@evaluatedOn']);
  });
});
