import type { Pack } from './types.ts';

export const fukuoka: Pack = {
  id: 'fukuoka',
  label: { ja: '福岡市', en: 'Fukuoka City' },
  municipalities: ['福岡市'],
  // 福岡市 and its seven wards (東区 401315 … 早良区 401374)
  localGovCodes: ['401307', '401315', '401323', '401331', '401340', '401358', '401366', '401374'],
  prefectureCode: '40',
  extends: 'national',
  effectiveFrom: '2026-10-01', // 004 §4 令和8年10月1日から適用
  // 004 §5: before the notice no certificate entry was required of users already on home use
  alsoBeforeStart: ['certificate-period'],
  source: '004 §4',
  rules: {
    'planned-home-day': ['error', { allowDocumentedExceptions: true }],
    // 004 §5: users on home use before the notice may go on without the entry until 令和9年2月28日
    'certificate-period': ['error', { transition: { from: '2026-10-01', until: '2027-02-28' } }],
    'no-concurrent-service': 'error',
    'record-remark': 'error',
    'user-confirmation': 'warning',
    'emergency-arrival': 'error',
    'home-day-billed-remark': 'error',
  },
};
