/**
 * Messages for the validation codes that the schemas in this package raise, in both languages, so that the
 * server's problem responses and the web forms say the same thing.
 */
export const VALIDATION_MESSAGES = {
  IDENTIFIER_INVALID: {
    'zh-CN': '请输入有效的邮箱或中国大陆手机号',
    en: 'Enter a valid e-mail or mainland China mobile number',
  },
  PASSWORD_TOO_SHORT: { 'zh-CN': '密码至少 8 位', en: 'The password needs at least 8 characters' },
  ORG_CREDIT_CODE_INVALID: {
    'zh-CN': '统一社会信用代码无效（18 位，校验位按 GB 32100 计算）',
    en: 'Invalid unified social credit code (18 characters, check character per GB 32100)',
  },
  SHA256_INVALID: { 'zh-CN': '应为 64 位十六进制 SHA-256 值', en: 'Expected a 64-character hexadecimal SHA-256' },
  EMAIL_INVALID: { 'zh-CN': '请输入有效的邮箱地址', en: 'Enter a valid e-mail address' },
  TEXT_REQUIRED: { 'zh-CN': '此项不能为空', en: 'This field is required' },
  TEXT_TOO_SHORT: { 'zh-CN': '内容太短', en: 'Too short' },
  TEXT_TOO_LONG: { 'zh-CN': '内容超过长度上限', en: 'Too long' },
  TEXT_CONTROL_CHARS: { 'zh-CN': '内容含有不可见的控制字符', en: 'The text contains control characters' },
  AMOUNT_INVALID: { 'zh-CN': '金额应为不小于 0 的整数（单位：分）', en: 'Amounts are whole fen, 0 or more' },
  AMOUNT_RANGE_INVALID: { 'zh-CN': '最低金额不能高于最高金额', en: 'The minimum amount is above the maximum' },
  COORDINATE_OUT_OF_RANGE: {
    'zh-CN': '坐标超出范围（纬度 3.5–54，经度 73–135.5，中国境内）',
    en: 'Coordinates out of range (latitude 3.5–54, longitude 73–135.5, within China)',
  },
  COORDINATE_PAIR_REQUIRED: { 'zh-CN': '经度和纬度需同时提供', en: 'Give both latitude and longitude' },
  RADIUS_INVALID: { 'zh-CN': '搜索半径应在 0–3000 公里之间', en: 'The radius must be between 0 and 3,000 km' },
  RADIUS_NEEDS_POINT: {
    'zh-CN': '按距离筛选或排序需要先选择地图上的位置',
    en: 'Pick a point on the map to filter or sort by distance',
  },
  DATE_INVALID: { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Dates are YYYY-MM-DD' },
  DATE_RANGE_INVALID: { 'zh-CN': '结束日期不能早于开始日期', en: 'The end date is before the start date' },
  TAGS_TOO_MANY: { 'zh-CN': '标签最多 10 个', en: 'At most 10 tags' },
  QUERY_TOO_LONG: {
    'zh-CN': '搜索内容过长（最多 100 个字）',
    en: 'The search text is too long (100 characters at most)',
  },
  FILTER_TOO_MANY: { 'zh-CN': '筛选条件过多', en: 'Too many filter values' },
  COMPARE_COUNT: { 'zh-CN': '请选择 2–6 个资源进行对比', en: 'Choose 2 to 6 listings to compare' },
  QUANTITY_INVALID: { 'zh-CN': '数量应大于 0', en: 'Quantities must be above 0' },
  REJECT_REASON_REQUIRED: { 'zh-CN': '驳回时请填写原因', en: 'Give a reason when rejecting' },
  COST_RISE_INVALID: {
    'zh-CN': '涨幅阈值应在 0.5% 到 100% 之间',
    en: 'The rise threshold must be between 0.5 % and 100 %',
  },
  COST_MONTHS_INVALID: { 'zh-CN': '预测期应为 1 到 6 个月', en: 'The horizon must be 1 to 6 months' },
  REGION_CODE_INVALID: { 'zh-CN': '行政区划代码应为 6 位数字', en: 'The region code must be 6 digits' },
  ID_CARD_INVALID: {
    'zh-CN': '身份证号码无效（18 位，校验位按 GB 11643 计算）',
    en: 'Invalid ID card number (18 characters, check character per GB 11643)',
  },
  ID_CARD_BIRTH_DATE_INVALID: {
    'zh-CN': '身份证号码中的出生日期不存在',
    en: 'The birth date in the ID card number is not a real date',
  },
  REVIEW_REASON_REQUIRED: { 'zh-CN': '请填写理由', en: 'Give a reason' },
  TIER_REQUIRED: {
    'zh-CN': '通过时请指定商家层级（品牌/潜力）',
    en: 'Choose the merchant tier (brand/potential) to approve',
  },
  MONTH_INVALID: { 'zh-CN': '月份格式应为 YYYY-MM', en: 'Months are written YYYY-MM' },
  RESERVE_AMOUNT_ABOVE_LOSS: { 'zh-CN': '赔付金额不能超过损失金额', en: 'The compensation cannot exceed the loss' },
  FEE_ITEM_CODE_INVALID: {
    'zh-CN': '收费项目代码应为 3–40 位小写字母或下划线',
    en: 'A fee item code is 3–40 lower-case letters or underscores',
  },
  FEE_ITEM_PRICE_MISSING: {
    'zh-CN': '按次/按期计价的项目须填写价格，按比例分成的项目须填写比例',
    en: 'Priced items need a price; share items need a rate',
  },
  FEE_ITEM_CODE_DUPLICATE: { 'zh-CN': '收费项目代码不能重复', en: 'Fee item codes must be unique' },
  AMOUNT_POSITIVE: { 'zh-CN': '金额应为大于 0 的整数（单位：分）', en: 'Amounts are whole fen, above 0' },
  TICKET_SUBJECT_REQUIRED: {
    'zh-CN': '请填写工单标题（不超过 200 字）',
    en: 'Give the ticket a subject (at most 200 characters)',
  },
  TICKET_TEXT_REQUIRED: { 'zh-CN': '请描述遇到的问题', en: 'Describe the problem' },
  TICKET_RATING_RANGE: { 'zh-CN': '评分须为 1 到 5 星', en: 'The rating must be 1 to 5 stars' },
  PRICE_FILE_TOO_LARGE: { 'zh-CN': '文件过大（最多 5 MB）', en: 'File too large (at most 5 MB)' },
  CREDIT_SCORE_INVALID: { 'zh-CN': '信用分应为 0–100 的整数', en: 'Credit score must be a whole number from 0 to 100' },
  SHARE_INVALID: {
    'zh-CN': '单一供应商占比上限应为 10%–100% 的整数',
    en: 'Max share per supplier must be a whole percentage from 10 to 100',
  },
  POLICY_TITLE_REQUIRED: {
    'zh-CN': '请填写政策标题（至少 4 个字）',
    en: 'Enter the policy title (at least 4 characters)',
  },
  POLICY_ISSUER_REQUIRED: { 'zh-CN': '请填写发文机关', en: 'Enter the issuing authority' },
  POLICY_TEXT_REQUIRED: {
    'zh-CN': '请填写政策全文（至少 10 个字）',
    en: 'Enter the full text (at least 10 characters)',
  },
  POLICY_INTERPRETATION_REQUIRED: {
    'zh-CN': '请填写解读：要点、影响和谁受影响',
    en: 'Write the interpretation: key points, impact and who is affected',
  },
  EXPERT_NAME_REQUIRED: { 'zh-CN': '请填写姓名（2–40 个字）', en: 'Enter the name (2–40 characters)' },
  EXPERT_TITLE_REQUIRED: {
    'zh-CN': '请填写职称（如 高级工程师、一级造价工程师）',
    en: 'Enter the professional title (e.g. senior engineer)',
  },
  EXPERT_EMPLOYER_REQUIRED: { 'zh-CN': '请填写工作单位', en: 'Enter the employer' },
  EXPERT_YEARS_INVALID: { 'zh-CN': '从业年限应为 0–60 的整数', en: 'Years of practice must be a whole number 0–60' },
  EXPERT_SPECIALITY_INVALID: {
    'zh-CN': '请从列表中选择 1–5 个专业领域',
    en: 'Choose 1–5 specialities from the list',
  },
  EXPERT_REGIONS_INVALID: { 'zh-CN': '请选择 1–10 个服务地区', en: 'Choose 1–10 regions served' },
  EXPERT_FEE_INVALID: {
    'zh-CN': '咨询费应为 1–100000 元的整数，或选择免费',
    en: 'The fee must be a whole amount of 1–100,000 yuan, or free',
  },
  EXPERT_CERTIFICATES_REQUIRED: {
    'zh-CN': '请上传 1–5 份资格证书',
    en: 'Upload 1–5 certificates',
  },
  EXPERT_BIO_REQUIRED: { 'zh-CN': '请填写个人简介（10–2000 字）', en: 'Write a profile (10–2000 characters)' },
  EXPERT_QUESTION_TITLE_REQUIRED: {
    'zh-CN': '请填写问题标题（5–100 字）',
    en: 'Enter the question’s title (5–100 characters)',
  },
  EXPERT_QUESTION_BODY_REQUIRED: {
    'zh-CN': '请描述问题（10–5000 字）',
    en: 'Describe the question (10–5000 characters)',
  },
  EXPERT_ANSWER_REQUIRED: { 'zh-CN': '请填写回答（10–10000 字）', en: 'Write the answer (10–10,000 characters)' },
  EXPERT_QUESTION_EXPERT_MISMATCH: {
    'zh-CN': '私密咨询须选择一位专家；公开提问不指定专家',
    en: 'A private consultation names one expert; a public question names none',
  },
  EXPERT_STARS_INVALID: { 'zh-CN': '评分应为 1–5 星', en: 'The rating must be 1–5 stars' },
  EXPERT_REVIEW_REASON_REQUIRED: {
    'zh-CN': '请填写审核理由（4–500 字）',
    en: 'Give the reason for the decision (4–500 characters)',
  },
  POLICY_CATEGORY_INVALID: { 'zh-CN': '请从列表中选择政策类别', en: 'Choose a category from the list' },
  POLICY_EFFECTIVE_BEFORE_ISSUE: {
    'zh-CN': '施行日期不能早于发布日期',
    en: 'The effective date cannot be before the issue date',
  },
  POLICY_EXPIRY_BEFORE_ISSUE: { 'zh-CN': '失效日期应晚于发布日期', en: 'The expiry date must be after the issue date' },
  POLICY_WITHDRAW_REASON_REQUIRED: { 'zh-CN': '请填写废止原因', en: 'Give the reason for withdrawing it' },
  POLICY_SUBSCRIPTION_EMPTY: {
    'zh-CN': '请至少选择一个地区或类别',
    en: 'Choose at least a region or a category',
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type ValidationMessageCode = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(code: string): { 'zh-CN': string; en: string } | undefined {
  return (VALIDATION_MESSAGES as Record<string, { 'zh-CN': string; en: string }>)[code];
}
