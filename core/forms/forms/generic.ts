// Generic profile for unknown pages: common fields found by label are still checked.
import { field, SERVICE_OPTIONS } from '../helpers.ts';
import type { FormDefinition } from '../types.ts';

export const genericForm: FormDefinition = {
  id: 'generic',
  title: { ja: '一般（共通項目のみ）', en: 'Generic (common fields only)' },
  titlePatterns: [],
  source: 'rules.md §4',
  fields: [
    field('providerNo', '事業所番号', 'Provider number', 'providerNo', [/事業所番号|指定番号|事業者番号/]),
    field('recipientNo', '受給者証番号', 'Recipient no.', 'recipientNo', [/受給者証?番号/], { repeat: true }),
    field('service', 'サービスの種類', 'Service type', 'service', [/サービスの?種類|サービス種別|利用サービス/], { options: SERVICE_OPTIONS }),
    field('date', '日付', 'Date', 'date', [/年月日|日付|[^曜毎休平祝]日$|期間.*(開始|終了|から|まで)/], { repeat: true }),
  ],
  rules: [],
};
