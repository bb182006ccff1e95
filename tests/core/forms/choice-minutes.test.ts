import { describe, expect, it } from 'vitest';
import { choiceParts, matchOption } from '../../../core/forms/check.ts';
import { ACHIEVEMENT_OPTIONS } from '../../../core/forms/forms/kobe-report.ts';
import { PERIOD_TYPE_OPTIONS } from '../../../core/forms/forms/higashiosaka-application.ts';
import { minutesValue } from '../../../core/import/values.ts';
import { parseMinutes } from '../../../core/normalize/times.ts';

describe('matchOption: whole option after normalisation, no substring match', () => {
  it('matches an option or its synonym, ignoring punctuation, width and a trailing note', () => {
    expect(matchOption(ACHIEVEMENT_OPTIONS, 'できなかった。')).toBe('できなかった');
    expect(matchOption(ACHIEVEMENT_OPTIONS, 'おおむねできた')).toBe('概ねできた');
    expect(matchOption(ACHIEVEMENT_OPTIONS, '「不十分」')).toBe('不十分');
    expect(matchOption(PERIOD_TYPE_OPTIONS, '3か月以内（一時的）')).toBe('3か月以内');
    expect(matchOption(PERIOD_TYPE_OPTIONS, '１年')).toBe('1年');
  });

  it('rejects text that only contains an option', () => {
    expect(matchOption(ACHIEVEMENT_OPTIONS, 'とてもできた')).toBeUndefined();
    expect(matchOption(ACHIEVEMENT_OPTIONS, 'できた、概ねできた')).toBeUndefined();
    expect(matchOption(ACHIEVEMENT_OPTIONS, 'できたと思う')).toBeUndefined();
    expect(matchOption(ACHIEVEMENT_OPTIONS, '')).toBeUndefined();
  });

  it('splits typed choices on 、 , ， / ／', () => {
    expect(choiceParts('できた、概ねできた')).toEqual(['できた', '概ねできた']);
    expect(choiceParts('できた，不十分／できなかった')).toEqual(['できた', '不十分', 'できなかった']);
    expect(choiceParts(['できた', ' 不十分 / できなかった'])).toEqual(['できた', '不十分', 'できなかった']);
    expect(choiceParts('、')).toEqual([]);
  });
});

describe('parseMinutes (shared by the importer and the forms)', () => {
  const cases: [string | number, number][] = [
    ['30', 30], ['30分', 30], ['９０', 90], ['90分', 90], ['約30分', 30], ['30分以内', 30], ['約 45 分程度', 45],
    ['1時間', 60], ['１時間', 60], ['1時間30分', 90], ['1時間半', 90], ['1.5時間', 90], ['30min', 30], [45, 45],
  ];
  it.each(cases)('%s → %d minutes', (input, minutes) => {
    expect(parseMinutes(input)).toEqual({ ok: true, minutes });
    expect(minutesValue(input)).toEqual({ ok: true, value: minutes });
  });

  it('blank is no value; words and negatives are located errors, never throws', () => {
    expect(parseMinutes('  ')).toEqual({ ok: true, minutes: undefined });
    expect(parseMinutes(null)).toEqual({ ok: true, minutes: undefined });
    for (const bad of ['すぐ', '30分から1時間', '-5', -5, Number.NaN, '時間']) {
      const r = parseMinutes(bad);
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.reason.ja).toContain('1時間30分');
      expect(minutesValue(bad).ok).toBe(false);
    }
  });
});
