import type { Pack } from './types.ts';

export const nishio: Pack = {
  id: 'nishio',
  label: { ja: '西尾市', en: 'Nishio City' },
  municipalities: ['西尾市'],
  localGovCodes: ['232131'],
  prefectureCode: '23',
  extends: 'national',
  source: '000',
  rules: {
    'planned-home-day': 'error', // 000 問7, 問8
    'contact-timestamps': 'warning', // 000 問3⑦
  },
};
