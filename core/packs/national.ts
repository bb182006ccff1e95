import type { Pack } from './types.ts';

export const national: Pack = {
  id: 'national',
  label: { ja: '全国共通（留意事項通知）', en: 'National requirements' },
  municipalities: [],
  source: '003',
  rules: {
    'daily-contact': 'error',
    'daily-report': 'error',
    'work-menu': 'warning',
    'production-activity': 'warning',
    'planned-home-day': 'warning',
    'certificate-period': 'error',
    'weekly-evaluation': 'error',
    'monthly-evaluation': 'error',
  },
};
