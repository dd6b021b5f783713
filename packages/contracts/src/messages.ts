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
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type ValidationMessageCode = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(code: string): { 'zh-CN': string; en: string } | undefined {
  return (VALIDATION_MESSAGES as Record<string, { 'zh-CN': string; en: string }>)[code];
}
