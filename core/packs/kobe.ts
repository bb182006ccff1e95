import type { Pack } from './types.ts';

export const kobe: Pack = {
  id: 'kobe',
  label: { ja: '神戸市', en: 'Kobe City' },
  municipalities: ['神戸市'],
  // 神戸市 and its nine wards (東灘区 281018 … 西区 281115)
  localGovCodes: ['281000', '281018', '281026', '281051', '281069', '281077', '281085', '281093', '281107', '281115'],
  prefectureCode: '28',
  extends: 'national',
  source: '001',
  rules: {
    // 神戸市's excerpt: 評価 by 訪問又は通所 (001 §3⑤), 達成度評価 事業所に通所し (001 §3⑥)
    'weekly-evaluation': ['error', { ictSeverity: 'warning' }],
    'monthly-evaluation': ['error', { visitSeverity: 'warning' }],
  },
};
