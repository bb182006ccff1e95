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
    // the 国保連 billing file (J611) against the support records
    'billed-home-day-record': 'error',
    'home-day-not-billed': 'warning',
    'billed-time-mismatch': 'warning',
  },
};
