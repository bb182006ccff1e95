// Filled-form examples for `zaitaku-check form` (one valid, one with problems, per form id).
// Checked with --as-of 2026-11-22. All names and numbers are fictitious.

export interface FormExample {
  file: string;
  formId: string;
  expectedExit: 0 | 1;
  /** findings the check must report (rule id, and the field it points at) */
  planted: { ruleId: string; field?: string; what: string }[];
  values: Record<string, string | string[]>;
}

const PROVIDER = {
  providerAddress: '神戸市中央区港島中町6丁目1番地',
  providerName: '就労支援センターひかり',
};

const kobeApplicationValid = {
  submittedOn: '令和8年11月2日',
  ...PROVIDER,
  providerNo: '2812345678',
  userName: '北野 花子',
  service: '就労継続支援A型',
  userAddress: '神戸市灘区六甲台町1-1',
  item1: '在宅で実施する作業として、ECサイトの商品データ入力を事業所と同じ水準で提供します。',
  item2: '始業時と終業時の1日2回、電話で作業内容と進捗を確認し、日報を毎日作成して保存します。',
  item3: '体調不良などの緊急時には、職員が30分以内に自宅へ駆けつけられる体制を整えています。',
  item4: '電話とチャットで随時質問を受け付け、作業手順の助言を同日中に行います。',
  item5: '週1回、職員の訪問または利用者の通所により、作業の状況と体調を評価します。',
  item6: '月1回、利用者が事業所に通所し、訓練目標の達成度を評価して記録します。',
  item7: '運営規程に在宅で実施する訓練内容と支援内容を明記し、記録を5年間保存します。',
};

const kobeReportValid = {
  ...kobeApplicationValid,
  userName: '北野 花子',
  periodFrom: '2026-10-01',
  periodTo: '2026-11-30',
  check1: kobeApplicationValid.item1,
  check2: kobeApplicationValid.item2,
  check3: kobeApplicationValid.item3,
  check4: kobeApplicationValid.item4,
  check5: kobeApplicationValid.item5,
  check6: kobeApplicationValid.item6,
  check7: kobeApplicationValid.item7,
  achievement1: 'できた',
  achievement2: 'できた',
  achievement3: '概ねできた',
  achievement4: 'できた',
  achievement5: 'できた',
  achievement6: 'できた',
  achievement7: 'できた',
  confirmAddress: '神戸市灘区六甲台町1-1',
  confirmName: '北野 花子',
};
for (const k of ['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item7'] as const) delete (kobeReportValid as Record<string, string>)[k];

const kobeSurveyValid = {
  submittedOn: '2026-11-05',
  ...PROVIDER,
  providerNo: '2812345678',
  userName: '北野 花子',
  service: '就労継続支援A型',
  userAddress: '神戸市灘区六甲台町1-1',
  month1: '8月',
  days1: '18',
  month2: '9月',
  days2: '20',
  month3: '10月',
  days3: '22',
  usage: '週4日在宅で商品データ入力、週1日通所で作業評価と訓練を受けています。',
  evaluation: '入力の正確さが向上し、在宅でも1日5時間安定して作業できています。',
};

const higashiosakaApplicationValid = {
  submittedOn: '令和8年6月15日',
  userName: '山田 太郎',
  recipientNo: '2720000022',
  service: '就労継続支援B型',
  reason: '通院と体調の波があり、通所が難しい日も在宅で作業を続けたいため。',
  purpose: '通所への移行',
  periodType: '1年',
  periodFrom: '2026-07-01',
  periodTo: '2027-06-30',
  consent: 'はい',
  consultation: '利用している',
};

const higashiosakaMonthlyListValid = {
  targetMonth: '2026年10月',
  submittedOn: '2026-11-10',
  providerNo: '2712345678',
  providerName: '就労支援センターひかり',
  'users.0.name': '山田 太郎',
  'users.0.recipientNo': '2720000022',
  'users.0.homeDays': '17',
  'users.0.commuteDays': '5',
  'users.0.homeWeeks': '5',
  'users.1.name': '石井 陽子',
  'users.1.recipientNo': '2720000402',
  'users.1.homeDays': '16',
  'users.1.commuteDays': '6',
  'users.1.homeWeeks': '5',
};

const fukuokaAssessmentValid = {
  submittedOn: '2026-08-20',
  providerNo: '4012345678',
  providerName: '就労支援センターひかり',
  userName: '佐藤 美咲',
  recipientNo: '4013000033',
  service: '就労移行支援',
  startDate: '2026-10-01',
  reason: '感覚過敏により通勤の負担が大きく、在宅で作業時間を安定させたいため。',
  assessLife: '生活リズムは安定しており、起床・就寝時刻も毎日記録できています。',
  assessWork: 'パソコン操作に慣れており、データ入力を1日4時間継続できています。',
  assessEnv: '自宅に作業用の机とパソコンがあり、静かな作業環境が確保されています。',
  effect: '通勤の負担がなくなることで作業時間が延び、就職に向けた力が伸びると見込まれます。',
  emergency: '体調急変時は職員が車で自宅へ駆けつけ、家族と主治医に連絡します。',
  arrivalMinutes: '40',
  consent: 'はい',
  planIncludesHome: 'あり',
};

const fukuokaNotificationValid = {
  submittedOn: '2026-08-25',
  category: '開始',
  providerNo: '4012345678',
  providerName: '就労支援センターひかり',
  operatingRules: 'はい',
  startDate: '2026-10-01',
};

const evaluationSheetValid = {
  userName: '佐藤 美咲',
  evaluatedOn: '2026-10-14',
  method: '通所',
  goal: 'データ入力の正確さを保ったまま、1日の作業量を1割増やす。',
  activities: '商品データの入力と、入力後のダブルチェックを毎日行った。',
  achievement: '入力件数は目標の9割に達し、誤入力は月2件まで減った。',
  issues: '午後の集中力が落ちやすく、15時以降の作業量が少ない。',
  improvement: '14時半に10分の休憩を入れ、午後の作業を短い単位に分ける。',
  health: '睡眠時間が短い日は頭痛が出やすいため、朝の連絡で体調を確認する。',
  continuation: '在宅でも作業量と生活リズムが安定しており、継続が妥当と判断する。',
};

export const FORM_EXAMPLES: FormExample[] = [
  { file: 'kobe-application.valid.json', formId: 'kobe-application', expectedExit: 0, planted: [], values: kobeApplicationValid },
  {
    file: 'kobe-application.problems.json',
    formId: 'kobe-application',
    expectedExit: 1,
    planted: [
      { ruleId: 'provider-number', field: 'providerNo', what: '事業所番号が9桁 / provider number has 9 digits' },
      { ruleId: 'required', field: 'item4', what: '申し立て事項4が「特になし」/ item 4 is a placeholder' },
      { ruleId: 'kobe-application/item-keywords', field: 'item2', what: '事項2に「日報」がない / item 2 lacks 日報' },
    ],
    values: { ...kobeApplicationValid, providerNo: '281234567', item2: '始業時と終業時の1日2回、電話で作業内容と進捗を確認します。', item4: '特になし' },
  },
  { file: 'kobe-report.valid.json', formId: 'kobe-report', expectedExit: 0, planted: [], values: kobeReportValid },
  {
    file: 'kobe-report.problems.json',
    formId: 'kobe-report',
    expectedExit: 1,
    planted: [
      { ruleId: 'kobe-report/period', field: 'periodTo', what: '支給期間の終了が開始より前 / period ends before it starts' },
      { ruleId: 'date-valid', field: 'submittedOn', what: '年月日が 2026-02-30（存在しない日付）/ impossible date' },
    ],
    values: { ...kobeReportValid, submittedOn: '2026-02-30', periodFrom: '2026-10-01', periodTo: '2026-09-30' },
  },
  { file: 'kobe-survey.valid.json', formId: 'kobe-survey', expectedExit: 0, planted: [], values: kobeSurveyValid },
  {
    file: 'kobe-survey.problems.json',
    formId: 'kobe-survey',
    expectedExit: 1,
    planted: [
      { ruleId: 'kobe-survey/day-count', field: 'days2', what: '9月の利用日数が31日（9月は30日まで）/ 31 days in September' },
      { ruleId: 'service-type', field: 'service', what: 'サービスの種類が「生活介護」/ not a home-use service' },
    ],
    values: { ...kobeSurveyValid, days2: '31', service: '生活介護' },
  },
  { file: 'higashiosaka-application.valid.json', formId: 'higashiosaka-application', expectedExit: 0, planted: [], values: higashiosakaApplicationValid },
  {
    file: 'higashiosaka-application.problems.json',
    formId: 'higashiosaka-application',
    expectedExit: 1,
    planted: [
      { ruleId: 'higashiosaka-application/service', field: 'service', what: 'A型（東大阪市の在宅申立はB型のみ）/ type A, B only' },
      { ruleId: 'higashiosaka-application/consultation', field: 'consultation', what: '相談支援を利用していない / no 相談支援' },
      { ruleId: 'higashiosaka-application/period', field: 'periodTo', what: '一時的（3か月以内）なのに6か月 / temporary but 6 months' },
    ],
    values: { ...higashiosakaApplicationValid, service: '就労継続支援A型', consultation: '利用していない', periodType: '3か月以内', periodFrom: '2026-07-01', periodTo: '2026-12-31' },
  },
  { file: 'higashiosaka-monthly-list.valid.json', formId: 'higashiosaka-monthly-list', expectedExit: 0, planted: [], values: higashiosakaMonthlyListValid },
  {
    file: 'higashiosaka-monthly-list.problems.json',
    formId: 'higashiosaka-monthly-list',
    expectedExit: 1,
    planted: [
      { ruleId: 'higashiosaka-monthly-list/deadline', field: 'submittedOn', what: '提出日 11/20 は期限（翌月15日）後 / after the 15th of the next month' },
      { ruleId: 'higashiosaka-monthly-list/day-cap', field: 'users.1.homeDays', what: '在宅20＋通所6＝26日 > 31−8 / 26 days > 23' },
    ],
    values: { ...higashiosakaMonthlyListValid, submittedOn: '2026-11-20', 'users.1.homeDays': '20' },
  },
  { file: 'fukuoka-assessment.valid.json', formId: 'fukuoka-assessment', expectedExit: 0, planted: [], values: fukuokaAssessmentValid },
  {
    file: 'fukuoka-assessment.problems.json',
    formId: 'fukuoka-assessment',
    expectedExit: 1,
    planted: [
      { ruleId: 'fukuoka-assessment/lead-time', field: 'startDate', what: '開始希望日が提出日の10日後（1か月前までに提出）/ start 10 days after submission' },
      { ruleId: 'fukuoka-assessment/arrival', field: 'arrivalMinutes', what: '駆けつけ90分（60分以内）/ 90 minutes to arrive' },
    ],
    values: { ...fukuokaAssessmentValid, submittedOn: '2026-09-21', startDate: '2026-10-01', arrivalMinutes: '90' },
  },
  { file: 'fukuoka-notification.valid.json', formId: 'fukuoka-notification', expectedExit: 0, planted: [], values: fukuokaNotificationValid },
  {
    file: 'fukuoka-notification.problems.json',
    formId: 'fukuoka-notification',
    expectedExit: 1,
    planted: [
      { ruleId: 'fukuoka-notification/end', field: 'endDate', what: '終了日 11/30 の1か月前より後に提出 / submitted less than a month before the end' },
    ],
    values: { ...fukuokaNotificationValid, category: '終了', submittedOn: '2026-11-15', endDate: '2026-11-30', startDate: '' },
  },
  { file: 'evaluation-sheet.valid.json', formId: 'evaluation-sheet', expectedExit: 0, planted: [], values: evaluationSheetValid },
  {
    file: 'evaluation-sheet.problems.json',
    formId: 'evaluation-sheet',
    expectedExit: 1,
    planted: [
      { ruleId: 'evaluation-sheet/method', field: 'method', what: '評価方法が電話（訪問か通所が必要）/ by phone' },
      { ruleId: 'required', field: 'issues', what: '課題が「なし」/ issues is a placeholder' },
    ],
    values: { ...evaluationSheetValid, method: '電話', issues: 'なし' },
  },
];
