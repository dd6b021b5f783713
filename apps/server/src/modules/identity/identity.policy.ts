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
};
