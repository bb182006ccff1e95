import { describe, expect, it } from 'vitest';
import { findingsOf, homeDay, run } from '../../helpers/records.ts';

describe('work-menu', () => {
  it('passes with work content', () => {
    expect(findingsOf(run([homeDay('2026-10-07')]), 'work-menu')).toEqual([]);
  });
  it('warns when the work content is blank or spaces', () => {
    for (const workContent of [undefined, '  ']) {
      expect(findingsOf(run([homeDay('2026-10-07', { workContent })]), 'work-menu')[0]).toMatchObject({ severity: 'warning', outcome: 'violation' });
    }
  });
  it('is pending for a day not yet over', () => {
    expect(findingsOf(run([homeDay('2026-10-09', { workContent: '' })], { asOf: '2026-10-08' }), 'work-menu')[0]!.outcome).toBe('pending');
  });
});
