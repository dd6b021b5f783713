import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 用户 a person. A user may belong to several organisations, so users carry no org_id. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').unique(),
  /**
   * 手机号 plaintext only until the start-up step `encryptPlaintextPhones` moves it into `phone_enc`/`phone_hash`;
   * new rows never set it (PLAT-2, ADR 0114).
   */
  phone: text('phone').unique(),
  /** the mobile number, AES-256-GCM envelope under the field keyring */
  phoneEnc: text('phone_enc'),
  /** keyed hash (look-up key) of the number: log-in and uniqueness without decrypting */
  phoneHash: text('phone_hash').unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** TOTP secret, AES-256-GCM under the master key */
  totpSecretEnc: text('totp_secret_enc'),
  /** secret shown during set-up, before the first code confirms it */
  totpPendingSecretEnc: text('totp_pending_secret_enc'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  /** last TOTP time step accepted, so one code cannot be used twice */
  totpLastStep: integer('totp_last_step'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  /** 邮箱已验证 when the user opened the link sent to `email` (null: not verified, or the address changed) */
  emailVerifiedAt: ts('email_verified_at'),
  /** 手机已验证 when the user entered the SMS code sent to `phone` */
  phoneVerifiedAt: ts('phone_verified_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Server-side session; the cookie holds a random token whose SHA-256 is `token_hash`. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    /** opened with a second factor */
    mfa: boolean('mfa').notNull().default(false),
    /** password accepted, second factor still owed */
    pendingMfa: boolean('pending_mfa').notNull().default(false),
    stepUpAt: ts('step_up_at'),
    activeOrgId: uuid('active_org_id'),
    activeRole: text('active_role'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** 恢复码 one-time recovery codes for a lost authenticator; stored hashed. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/**
 * 账户验证凭据 one-time secrets for account basics: a password reset link, an e-mail verification link, an SMS
 * code for the mobile number. Only a hash is stored; each is single-use, expires, and allows a few wrong tries.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    /** 'password_reset' | 'email_verification' | 'phone_verification' */
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** the address or number the secret was sent to: verifying proves this one, not a later one */
    target: text('target').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('account_tokens_hash_idx').on(t.tokenHash), index('account_tokens_user_idx').on(t.userId, t.purpose)],
);
