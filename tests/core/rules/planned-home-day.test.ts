import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

describe('planned-home-day', () => {
  it('passes for a planned home day', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { municipality: '西尾市' })]), 'planned-home-day')).toEqual([]);
  });
  it('is an error for nishio and higashiosaka, a warning for national', () => {
    const day = (municipality: string) => homeDay('2026-10-07', { municipality, planned: false });
    expect(findingsOf(run([day('西尾市')]), 'planned-home-day')[0]).toMatchObject({ severity: 'error', pack: 'nishio', source: '000 問7, 000 問8' });
    expect(findingsOf(run([day('東大阪市')]), 'planned-home-day')[0]).toMatchObject({ severity: 'error', pack: 'higashiosaka' });
    expect(findingsOf(run([day('')]), 'planned-home-day')[0]).toMatchObject({ severity: 'warning', pack: 'national' });
  });
  it('does not accept an ad-hoc switch for illness, even in fukuoka', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { municipality: '福岡市', planned: false, exceptionReason: '体調不良' })]), 'planned-home-day')[0]!;
    expect(f.severity).toBe('error');
    expect(f.message.ja).toContain('「体調不良」');
  });
  it('fukuoka: allows a no-fault switch when the user\'s plan includes home use', () => {
    const days = [homeDay('2026-10-06', { municipality: '福岡市' }), homeDay('2026-10-07', { municipality: '福岡市', planned: false, exceptionReason: '台風による臨時休止' })];
    expect(findingsOf(run(days), 'planned-home-day')).toEqual([]);
  });
  it('fukuoka: the user\'s own illness is not a no-fault reason (004 7(2) 風邪等の突発的な感染症罹患)', () => {
    for (const exceptionReason of ['新型コロナ感染症に罹患したため', '風邪のため（感染症の疑い）', '通院のため']) {
      const days = [homeDay('2026-10-06', { municipality: '福岡市' }), homeDay('2026-10-07', { municipality: '福岡市', planned: false, exceptionReason })];
      expect(findingsOf(run(days), 'planned-home-day'), exceptionReason).toHaveLength(1);
    }
  });
  it('fukuoka: an epidemic closing the office is one', () => {
    const days = [homeDay('2026-10-06', { municipality: '福岡市' }), homeDay('2026-10-07', { municipality: '福岡市', planned: false, exceptionReason: 'インフルエンザ流行のため通所を臨時休止' })];
    expect(findingsOf(run(days), 'planned-home-day')).toEqual([]);
  });
  it('fukuoka: not for a user whose plan has no home use', () => {
    const f = findingsOf(run([homeDay('2026-10-07', { municipality: '福岡市', planned: false, exceptionReason: '感染症の流行による臨時休止' })]), 'planned-home-day')[0]!;
    expect(f.message.ja).toContain('個別支援計画に在宅利用の位置付けが見当たりません');
  });
  it('fukuoka: allows a change when the plan records that planning ahead is hard', () => {
    expect(findingsOf(run([homeDay('2026-10-07', { municipality: '福岡市', planned: false, exceptionReason: '障がい特性により予め計画することが困難（計画に記載）' })]), 'planned-home-day')).toEqual([]);
  });
  it('nishio: a documented no-fault reason does not help', () => {
    expect(findingsOf(run([homeDay('2026-10-06', { municipality: '西尾市' }), homeDay('2026-10-07', { municipality: '西尾市', planned: false, exceptionReason: '台風' })]), 'planned-home-day')).toHaveLength(1);
  });
});
