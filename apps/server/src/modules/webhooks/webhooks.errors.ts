import { defineErrors } from '../../infra/errors';

export const webhookErrors = defineErrors({
  WEBHOOK_ENDPOINT_NOT_FOUND: { kind: 'not_found', 'zh-CN': 'Webhook 端点不存在', en: 'Webhook endpoint not found' },
  WEBHOOK_DELIVERY_NOT_FOUND: { kind: 'not_found', 'zh-CN': '投递记录不存在', en: 'Delivery not found' },
  /** the URL is not absolute http(s), or carries a user name or password */
  WEBHOOK_URL_INVALID: {
    kind: 'invalid',
    'zh-CN': '请填写以 http:// 或 https:// 开头的完整地址（不含用户名和密码）',
    en: 'Enter a full http:// or https:// address (without user name or password)',
  },
  /** SSRF protection: the host is, or resolves to, an address inside a private or special network */
  WEBHOOK_URL_FORBIDDEN: {
    kind: 'invalid',
    'zh-CN': '不能向内网、本机或保留地址发送 Webhook（{host} → {address}）',
    en: 'Webhooks cannot be sent to private, loopback or reserved addresses ({host} → {address})',
  },
  /** the host name does not resolve */
  WEBHOOK_URL_UNRESOLVED: {
    kind: 'invalid',
    'zh-CN': '域名 {host} 无法解析，请检查地址',
    en: 'The host name {host} does not resolve; check the address',
  },
  WEBHOOK_ENDPOINT_LIMIT: {
    kind: 'conflict',
    'zh-CN': '每个组织最多 {max} 个 Webhook 端点',
    en: 'At most {max} webhook endpoints per organisation',
  },
  WEBHOOK_ENDPOINT_DISABLED: {
    kind: 'conflict',
    'zh-CN': '端点已停用，请先启用再发送',
    en: 'The endpoint is disabled; enable it before sending',
  },
  WEBHOOK_DELIVERY_NOT_RETRYABLE: {
    kind: 'conflict',
    'zh-CN': '只有失败或已放弃的投递可以重新发送',
    en: 'Only a failed or dead delivery can be sent again',
  },
});
