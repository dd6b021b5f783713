import { defineErrors } from '../../infra/errors';

/** 开放平台: API keys and the `/api/v1` calls made with them. */
export const developerErrors = defineErrors({
  /** unknown, expired or revoked: one answer, so a caller learns nothing about which */
  API_KEY_INVALID: {
    kind: 'unauthenticated',
    'zh-CN': 'API 密钥无效、已过期或已吊销',
    en: 'The API key is unknown, expired or revoked',
  },
  API_KEY_IP_FORBIDDEN: {
    kind: 'forbidden',
    'zh-CN': '调用地址 {ip} 不在该密钥的 IP 白名单内',
    en: 'The address {ip} is not on this API key’s IP allow-list',
  },
  API_KEY_SCOPE_MISSING: {
    kind: 'forbidden',
    'zh-CN': '该 API 密钥没有权限范围 {scope}，请由单位管理员新建带此范围的密钥',
    en: 'This API key lacks the scope {scope}; an organisation admin can create a key that has it',
  },
  API_KEY_RATE_LIMITED: {
    kind: 'rate_limited',
    'zh-CN': '该 API 密钥调用过于频繁（每分钟最多 {max} 次），请 {seconds} 秒后再试',
    en: 'Too many calls with this API key (at most {max} a minute); try again in {seconds} s',
  },
  /** demands are published by 施工企业 (GC), through the API as on the page */
  API_KEY_GC_REQUIRED: {
    kind: 'forbidden',
    'zh-CN': '只有具有施工总承包（GC）业务角色的单位可以发布需求，包括通过 API 发布',
    en: 'Only an organisation holding the general contractor (GC) role publishes demands, through the API too',
  },
  API_KEY_NOT_FOUND: { kind: 'not_found', 'zh-CN': 'API 密钥不存在', en: 'API key not found' },
  API_KEY_ALREADY_REVOKED: {
    kind: 'conflict',
    'zh-CN': '该 API 密钥已于 {at} 吊销',
    en: 'This API key was already revoked at {at}',
  },
  API_KEY_IP_RANGE_INVALID: {
    kind: 'invalid',
    'zh-CN': 'IP 白名单中的“{value}”不是合法的 IP 地址或网段（如 203.0.113.0/24）',
    en: '“{value}” in the IP allow-list is not an IP address or CIDR block (e.g. 203.0.113.0/24)',
  },
  API_KEY_LIMIT: {
    kind: 'conflict',
    'zh-CN': '每个单位最多 {max} 个有效的 API 密钥，请先吊销不用的密钥',
    en: 'At most {max} active API keys per organisation; revoke one you no longer use',
  },
});
