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
  REGION_CODE_INVALID: { 'zh-CN': '行政区划代码应为 6 位数字', en: 'The region code must be 6 digits' },
  ID_CARD_INVALID: {
    'zh-CN': '身份证号码无效（18 位，校验位按 GB 11643 计算）',
    en: 'Invalid ID card number (18 characters, check character per GB 11643)',
  },
  ID_CARD_BIRTH_DATE_INVALID: {
    'zh-CN': '身份证号码中的出生日期不存在',
    en: 'The birth date in the ID card number is not a real date',
  },
  DATE_INVALID: { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  REVIEW_REASON_REQUIRED: { 'zh-CN': '请填写理由', en: 'Give a reason' },
  TIER_REQUIRED: {
    'zh-CN': '通过时请指定商家层级（品牌/潜力）',
    en: 'Choose the merchant tier (brand/potential) to approve',
  },
  DATE_RANGE_INVALID: { 'zh-CN': '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  MONTH_INVALID: { 'zh-CN': '月份格式应为 YYYY-MM', en: 'Months are written YYYY-MM' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type ValidationMessageCode = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(code: string): { 'zh-CN': string; en: string } | undefined {
  return (VALIDATION_MESSAGES as Record<string, { 'zh-CN': string; en: string }>)[code];
}
