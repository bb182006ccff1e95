import type { Pack } from './types.ts';

export const higashiosaka: Pack = {
  id: 'higashiosaka',
  label: { ja: '東大阪市', en: 'Higashiosaka City' },
  municipalities: ['東大阪市'],
  localGovCodes: ['272272'],
  prefectureCode: '27',
  extends: 'national',
  effectiveFrom: '2026-07-01', // 002 §2 適用開始日 令和8年7月1日
  services: ['typeB'], // 002 title; 移行・A型 keep the previous handling (002 決定期間の例外)
  source: '002 §2',
  rules: {
    'start-end-check': 'error',
    'planned-home-day': 'error',
    'no-concurrent-service': 'error',
    'weekly-commute': 'warning',
    'monthly-day-cap': 'error',
    'home-user-ratio': 'error',
  },
};
