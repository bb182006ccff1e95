import { z } from 'zod';
import { defineRule } from './types.ts';
import { PASS } from './helpers.ts';

/** Activities the 2025 guideline (002 【参考】d, e) names as possibly unsuitable production activity. */
const UNSUITABLE: { pattern: RegExp; label: string }[] = [
  { pattern: /e-?スポーツ|ｅスポーツ|e-?sports?/i, label: 'eスポーツ' },
  { pattern: /^(植物|花|鉢植え)?の?水やり(のみ|だけ)?$/, label: '植物の水やりのみ' },
  // helping at a table-tennis or mahjong class, not work on goods for those games
  { pattern: /(卓球|麻雀|マージャン)(教室|クラブ|サークル|場)|(卓球|麻雀|マージャン).{0,6}(手伝い|補助|相手)/, label: '卓球・麻雀教室の手伝い' },
  { pattern: /^自習(のみ|だけ)?$/, label: '自習のみ' },
  { pattern: /^(待機|在席|見守り)(のみ|だけ)?$|(居る|いる)だけ/, label: '所定の場所に居るだけ' },
];

const verdicts = new Map<string, string | null>();
/** The unsuitable kind a work description names, if any (memoised: the same few texts repeat every day). */
export function unsuitableActivity(text: string): string | undefined {
  let kind = verdicts.get(text);
  if (kind === undefined) {
    const t = text.normalize('NFKC').replace(/\s+/g, '');
    kind = UNSUITABLE.find((u) => u.pattern.test(t))?.label ?? null;
    if (verdicts.size >= 10_000) verdicts.clear();
    verdicts.set(text, kind);
  }
  return kind ?? undefined;
}

export const productionActivity = defineRule({
  meta: {
    id: 'production-activity',
    scope: 'day',
    title: { ja: '生産活動としての適切性', en: 'Suitable production activity' },
    sources: ['002 【参考】d', '002 【参考】e'],
    defaultSeverity: 'warning',
    requires: [['workContent']],
    options: z.object({}),
    defaultOptions: {},
    messages: {
      unsuitable: {
        ja: '{{user}}さんの{{day}}（在宅）の作業内容「{{content}}」は、国のガイドラインが生産活動として適さない可能性があるとする活動（{{kind}}）に当たる可能性があります。就労に必要な知識・能力の向上につながる作業内容か確認し、具体的に記録してください。',
        en: '{{user}} on {{day}} (home): the recorded work "{{content}}" may be an activity the national guideline calls unsuitable as production activity ({{kind}}). Check that the work builds skills for employment and record it specifically.',
      },
    },
  },
  check(subject) {
    const content = subject.home[0]!.workContent;
    if (!content) return PASS;
    const kind = unsuitableActivity(content);
    return kind ? { outcome: 'violation', messageId: 'unsuitable', data: { content, kind } } : PASS;
  },
});
