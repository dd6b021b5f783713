import { definePermission } from '../../infra/http/access';

export const identityPermissions = {
  register: definePermission('identity.register', { kind: 'public' }),
  login: definePermission('identity.login', { kind: 'public' }),
  loginTotp: definePermission('identity.login.totp', { kind: 'pendingMfa' }),
  logout: definePermission('identity.logout', { kind: 'user' }),
  me: definePermission('identity.me', { kind: 'user' }),
  listSessions: definePermission('identity.sessions.list', { kind: 'user' }),
  revokeSession: definePermission('identity.sessions.revoke', { kind: 'user' }),
  totpSetup: definePermission('identity.totp.setup', { kind: 'user' }),
  totpEnable: definePermission('identity.totp.enable', { kind: 'user' }),
  recoveryCodes: definePermission('identity.totp.recovery_codes', { kind: 'user' }),
  stepUp: definePermission('identity.step_up', { kind: 'user' }),
  /** 忘记密码 / 重置密码: anyone; the link's secret is the credential */
  passwordReset: definePermission('identity.password_reset', { kind: 'public' }),
  /** opening an e-mail verification link needs no session (the link may be opened on another device) */
  verifyEmail: definePermission('identity.email.verify', { kind: 'public' }),
  requestVerification: definePermission('identity.verification.request', { kind: 'user' }),
  verifyPhone: definePermission('identity.phone.verify', { kind: 'user' }),
  /** 显示完整手机号 the signed-in user's own number in full; a POST so every reveal is audited */
  revealPhone: definePermission('identity.phone.reveal', { kind: 'user' }),
};
