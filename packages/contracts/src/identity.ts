import { z } from 'zod';
import { BusinessRole, Id, LoginIdentifier, MembershipRole, StaffRole } from './common';

export const Password = z.string().min(8, { message: 'PASSWORD_TOO_SHORT' }).max(128);

export const RegisterBody = z.object({
  identifier: LoginIdentifier,
  password: Password,
  displayName: z.string().trim().min(1).max(64),
});

export const LoginBody = z.object({ identifier: LoginIdentifier, password: z.string().min(1).max(128) });

export const TotpCodeBody = z.object({
  /** a 6-digit TOTP code, or (at login only) a recovery code like ABCD-EFGH-JK */
  code: z.string().trim().min(6).max(20),
});

export const MembershipSummary = z.object({
  orgId: Id,
  orgName: z.string(),
  membershipRole: MembershipRole,
  businessRoles: z.array(BusinessRole),
});

/** POST /api/auth/phone/reveal: the signed-in user's own mobile number in full (audited; `Me` shows it masked). */
export const RevealedPhone = z.object({ phone: z.string() });

export const Me = z.object({
  user: z.object({
    id: Id,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    displayName: z.string(),
    totpEnabled: z.boolean(),
    /** 邮箱已验证 / 手机已验证 */
    emailVerified: z.boolean(),
    phoneVerified: z.boolean(),
    createdAt: z.iso.datetime(),
  }),
  csrfToken: z.string(),
  /** true when this session was opened with a second factor */
  mfa: z.boolean(),
  stepUpUntil: z.iso.datetime().nullable(),
  activeOrgId: Id.nullable(),
  activeRole: BusinessRole.nullable(),
  memberships: z.array(MembershipSummary),
  staffRoles: z.array(StaffRole),
});
export type Me = z.infer<typeof Me>;

export const LoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), me: Me }),
  /** password accepted; the session needs a TOTP or recovery code at /api/auth/login/totp */
  z.object({ status: z.literal('totp_required'), csrfToken: z.string() }),
]);
export type LoginResult = z.infer<typeof LoginResult>;

/** 忘记密码 asks for a reset link; the answer does not say whether the account exists. */
export const PasswordResetRequestBody = z.object({ identifier: LoginIdentifier });
export const PasswordResetBody = z.object({ token: z.string().trim().min(20).max(200), password: Password });
export const EmailVerifyBody = z.object({ token: z.string().trim().min(20).max(200) });
export const PhoneVerifyBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'SMS_CODE_FORMAT' }),
});

export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const StepUpResult = z.object({ stepUpUntil: z.iso.datetime() });

export const SessionInfo = z.object({
  id: Id,
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionList = z.object({ items: z.array(SessionInfo) });
export const SessionParams = z.object({ sessionId: Id });
