import { defineErrors } from '../../infra/errors';

export const identityErrors = defineErrors({
  /** the same message for an unknown identifier and a wrong password, so accounts cannot be enumerated */
  AUTH_INVALID_CREDENTIALS: { kind: 'unauthenticated', 'zh-CN': '账号或密码错误', en: 'Wrong account or password' },
  AUTH_LOCKED: {
    kind: 'locked',
    'zh-CN': '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed attempts; the account is locked for {minutes} minutes',
  },
  AUTH_PASSWORD_WEAK: {
    kind: 'invalid',
    'zh-CN': '密码强度不足（{reason}），请换一个更长、更难猜的密码',
    en: 'The password is too weak; choose a longer one that is harder to guess',
  },
  AUTH_TOKEN_INVALID: {
    kind: 'invalid',
    'zh-CN': '链接或验证码无效、已使用或已过期，请重新获取',
    en: 'The link or code is invalid, already used or expired; request a new one',
  },
  AUTH_VERIFICATION_UNAVAILABLE: {
    kind: 'conflict',
    'zh-CN': '账号没有可验证的邮箱或手机号',
    en: 'The account has no such e-mail address or mobile number to verify',
  },
  AUTH_NO_PHONE: { kind: 'not_found', 'zh-CN': '账号没有手机号', en: 'The account has no mobile number' },
  AUTH_TOO_MANY_SENDS: {
    kind: 'rate_limited',
    'zh-CN': '发送过于频繁，请一小时后再试',
    en: 'Too many messages sent; try again in an hour',
  },
  AUTH_ALREADY_VERIFIED: {
    kind: 'conflict',
    'zh-CN': '已验证，无需重复验证',
    en: 'Already verified',
  },
  AUTH_IDENTIFIER_TAKEN: {
    kind: 'conflict',
    'zh-CN': '该邮箱或手机号已注册',
    en: 'This e-mail or mobile number is already registered',
  },
  AUTH_TOTP_INVALID: {
    kind: 'invalid',
    'zh-CN': '动态口令错误或已使用',
    en: 'Wrong or already used authenticator code',
  },
  AUTH_TOTP_NOT_ENABLED: {
    kind: 'conflict',
    'zh-CN': '尚未开启双因素认证',
    en: 'Two-factor authentication is not enabled',
  },
  AUTH_TOTP_ALREADY_ENABLED: {
    kind: 'conflict',
    'zh-CN': '双因素认证已开启',
    en: 'Two-factor authentication is already enabled',
  },
  AUTH_TOTP_SETUP_MISSING: {
    kind: 'conflict',
    'zh-CN': '请先开始设置双因素认证',
    en: 'Start the two-factor set-up first',
  },
  AUTH_SESSION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '会话不存在', en: 'Session not found' },
});
