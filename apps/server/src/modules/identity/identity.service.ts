import { randomBytes } from 'node:crypto';
import { type Algorithm, hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { identifierKind } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { decryptField, encryptField, lookupHash, randomToken, sha256Hex } from '../../infra/crypto';
import { isUniqueViolation } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { recordProductEvent } from '../analytics';
import { identityErrors } from './identity.errors';
import { assertStrongPassword } from './identity.password';
import * as repo from './identity.repository';
import { checkTotp, newTotpSecret, totpUri } from './identity.totp';

export type { SessionRow, UserRow } from './identity.repository';

/** OWASP's argon2id parameters: 19 MiB, 2 passes, 1 lane. */
// Algorithm is an ambient const enum (not importable as a value here): 2 is Argon2id.
const ARGON = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const PENDING_MFA_MINUTES = 10;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface OpenedSession {
  token: string;
  session: repo.SessionRow;
}

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}

// Compared against when the identifier is unknown, so both paths cost one argon2 verification.
let dummyHash: Promise<string> | null = null;

async function openSession(
  ctx: AppContext,
  userId: string,
  meta: RequestMeta,
  options: { mfa: boolean; pendingMfa: boolean; activeOrgId?: string | null; activeRole?: string | null },
): Promise<OpenedSession> {
  const token = randomToken();
  const now = new Date();
  // A new session continues in the organisation and role the user last worked in.
  const last =
    options.pendingMfa || options.activeOrgId !== undefined ? null : await repo.lastSessionContext(ctx.db, userId);
  const ttlMs = options.pendingMfa ? PENDING_MFA_MINUTES * 60_000 : ctx.config.sessionTtlHours * 3_600_000;
  const session = await repo.insertSession(ctx.db, {
    id: newId(),
    tokenHash: sha256Hex(token),
    userId,
    csrfToken: randomToken(24),
    mfa: options.mfa,
    pendingMfa: options.pendingMfa,
    activeOrgId: options.activeOrgId ?? last?.activeOrgId ?? null,
    activeRole: options.activeRole ?? last?.activeRole ?? null,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
  });
  return { token, session };
}

export async function registerUser(
  ctx: AppContext,
  input: { identifier: string; password: string; displayName: string },
  meta: RequestMeta,
): Promise<OpenedSession & { user: repo.UserRow }> {
  const identifier = normaliseIdentifier(input.identifier);
  assertStrongPassword(input.password, [identifier, input.displayName]);
  if (await repo.findUserByIdentifier(ctx.db, ctx.config, identifier))
    throw identityErrors.raise('AUTH_IDENTIFIER_TAKEN');
  const kind = identifierKind(identifier);
  const user = await repo
    .insertUser(ctx.db, ctx.config, {
      id: newId(),
      email: kind === 'email' ? identifier : null,
      phone: kind === 'phone' ? identifier : null,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
    })
    .catch((error: unknown) => {
      // Two registrations racing for one identifier: the unique index decides.
      if (isUniqueViolation(error)) throw identityErrors.raise('AUTH_IDENTIFIER_TAKEN');
      throw error;
    });
  await recordProductEvent(ctx, { name: 'user.registered', userId: user.id, properties: { via: kind } });
  const opened = await openSession(ctx, user.id, meta, { mfa: false, pendingMfa: false });
  return { ...opened, user };
}

export function normaliseIdentifier(identifier: string): string {
  const trimmed = identifier.trim();
  return identifierKind(trimmed) === 'email' ? trimmed.toLowerCase() : trimmed;
}

export type LoginOutcome =
  | ({ status: 'ok'; user: repo.UserRow } & OpenedSession)
  | ({ status: 'totp_required'; user: repo.UserRow } & OpenedSession);

async function registerFailure(ctx: AppContext, user: repo.UserRow): Promise<never> {
  const failures = await repo.incrementFailedLogins(ctx.db, user.id);
  if (failures >= ctx.config.lockout.maxFailures) {
    await repo.updateUser(ctx.db, user.id, {
      failedLogins: 0,
      lockedUntil: new Date(Date.now() + ctx.config.lockout.minutes * 60_000),
    });
    await recordProductEvent(ctx, { name: 'user.locked_out', userId: user.id, properties: {} });
    throw identityErrors.raise('AUTH_LOCKED', { minutes: ctx.config.lockout.minutes });
  }
  throw identityErrors.raise('AUTH_INVALID_CREDENTIALS');
}

function assertNotLocked(ctx: AppContext, user: repo.UserRow) {
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw identityErrors.raise('AUTH_LOCKED', { minutes: Math.min(minutes, ctx.config.lockout.minutes) });
  }
}

/** Password step. Rotates the session: whatever session the caller had is revoked. */
export async function login(
  ctx: AppContext,
  input: { identifier: string; password: string },
  meta: RequestMeta,
  previousSessionId: string | null,
): Promise<LoginOutcome> {
  const user = await repo.findUserByIdentifier(ctx.db, ctx.config, normaliseIdentifier(input.identifier));
  if (!user) {
    dummyHash ??= hashPassword(randomToken());
    await argonVerify(await dummyHash, input.password).catch(() => false);
    throw identityErrors.raise('AUTH_INVALID_CREDENTIALS');
  }
  assertNotLocked(ctx, user);
  const ok = await argonVerify(user.passwordHash, input.password).catch(() => false);
  if (!ok) return registerFailure(ctx, user);
  await repo.updateUser(ctx.db, user.id, { failedLogins: 0, lockedUntil: null });
  if (previousSessionId) await repo.updateSession(ctx.db, previousSessionId, { revokedAt: new Date() });
  if (user.totpEnabled) {
    const opened = await openSession(ctx, user.id, meta, { mfa: false, pendingMfa: true });
    return { status: 'totp_required', user, ...opened };
  }
  const opened = await openSession(ctx, user.id, meta, { mfa: false, pendingMfa: false });
  return { status: 'ok', user, ...opened };
}

/** Second step of a login with 2FA: a TOTP code or a one-time recovery code. Opens a fresh session. */
export async function completeTotpLogin(
  ctx: AppContext,
  pendingSession: { sessionId: string; userId: string },
  code: string,
  meta: RequestMeta,
): Promise<OpenedSession & { user: repo.UserRow; usedRecoveryCode: boolean }> {
  const user = await repo.findUserById(ctx.db, ctx.config, pendingSession.userId);
  if (!user?.totpEnabled || !user.totpSecretEnc) throw identityErrors.raise('AUTH_TOTP_NOT_ENABLED');
  assertNotLocked(ctx, user);
  let usedRecoveryCode = false;
  const step = await checkTotp(decryptField(ctx.config.fieldKeys, user.totpSecretEnc), code, user.totpLastStep);
  if (step !== null) {
    // the same code sent twice at once: only one request may use its time step
    if (!(await repo.claimTotpStep(ctx.db, user.id, step))) return registerFailure(ctx, user);
  } else {
    usedRecoveryCode = await repo.consumeRecoveryCode(ctx.db, user.id, recoveryHash(ctx, code), new Date());
    if (!usedRecoveryCode) return registerFailure(ctx, user);
    await repo.updateUser(ctx.db, user.id, { failedLogins: 0 });
  }
  await repo.updateSession(ctx.db, pendingSession.sessionId, { revokedAt: new Date() });
  const opened = await openSession(ctx, user.id, meta, { mfa: true, pendingMfa: false });
  return { ...opened, user, usedRecoveryCode };
}

export async function logout(ctx: AppContext, sessionId: string): Promise<void> {
  await repo.updateSession(ctx.db, sessionId, { revokedAt: new Date() });
}

/** Looks up the live session behind a cookie token; refreshes its last-seen time at most once a minute. */
export async function resolveSession(
  ctx: AppContext,
  token: string,
): Promise<{ session: repo.SessionRow; user: repo.UserRow } | null> {
  const now = new Date();
  const session = await repo.findLiveSessionByTokenHash(ctx.db, sha256Hex(token), now);
  if (!session) return null;
  const user = await repo.findUserById(ctx.db, ctx.config, session.userId);
  if (!user) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await repo.updateSession(ctx.db, session.id, { lastSeenAt: now });
  }
  return { session, user };
}

export async function getUser(ctx: AppContext, userId: string): Promise<repo.UserRow | undefined> {
  return repo.findUserById(ctx.db, ctx.config, userId);
}

export async function getUsers(ctx: AppContext, userIds: string[]): Promise<repo.UserRow[]> {
  return repo.findUsersByIds(ctx.db, ctx.config, [...new Set(userIds)]);
}

export async function searchUsers(ctx: AppContext, q: string | undefined, limit = 100): Promise<repo.UserRow[]> {
  return repo.searchUsers(ctx.db, ctx.config, q, limit);
}

export async function findUserByIdentifier(
  ctx: Pick<AppContext, 'db' | 'config'>,
  identifier: string,
): Promise<repo.UserRow | undefined> {
  return repo.findUserByIdentifier(ctx.db, ctx.config, normaliseIdentifier(identifier));
}

export async function startTotpSetup(ctx: AppContext, userId: string): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await repo.findUserById(ctx.db, ctx.config, userId);
  if (!user) throw identityErrors.raise('AUTH_SESSION_NOT_FOUND');
  if (user.totpEnabled) throw identityErrors.raise('AUTH_TOTP_ALREADY_ENABLED');
  const secret = newTotpSecret();
  await repo.updateUser(ctx.db, userId, { totpPendingSecretEnc: encryptField(ctx.config.fieldKeys, secret) });
  return { secret, otpauthUrl: totpUri(secret, user.email ?? user.phone ?? user.displayName) };
}

/** Confirms the set-up with a first code; the current session counts as opened with 2FA from then on. */
export async function enableTotp(ctx: AppContext, userId: string, sessionId: string, code: string): Promise<string[]> {
  const user = await repo.findUserById(ctx.db, ctx.config, userId);
  if (!user) throw identityErrors.raise('AUTH_SESSION_NOT_FOUND');
  if (user.totpEnabled) throw identityErrors.raise('AUTH_TOTP_ALREADY_ENABLED');
  if (!user.totpPendingSecretEnc) throw identityErrors.raise('AUTH_TOTP_SETUP_MISSING');
  const step = await checkTotp(decryptField(ctx.config.fieldKeys, user.totpPendingSecretEnc), code, null);
  if (step === null) throw identityErrors.raise('AUTH_TOTP_INVALID');
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, userId, {
      totpSecretEnc: user.totpPendingSecretEnc,
      totpPendingSecretEnc: null,
      totpEnabled: true,
      totpLastStep: step,
    });
    await repo.replaceRecoveryCodes(
      tx,
      userId,
      codes.map((c) => recoveryHash(ctx, c)),
    );
    await repo.updateSession(tx, sessionId, { mfa: true, stepUpAt: new Date() });
  });
  await recordProductEvent(ctx, { name: 'user.totp_enabled', userId, properties: {} });
  return codes;
}

export async function regenerateRecoveryCodes(ctx: AppContext, userId: string, code: string): Promise<string[]> {
  await verifyFreshTotp(ctx, userId, code);
  const codes = newRecoveryCodes();
  await repo.replaceRecoveryCodes(
    ctx.db,
    userId,
    codes.map((c) => recoveryHash(ctx, c)),
  );
  return codes;
}

/** Step-up: a fresh TOTP code marks the session as recently confirmed, for signing and money actions. */
export async function stepUp(ctx: AppContext, userId: string, sessionId: string, code: string): Promise<Date> {
  await verifyFreshTotp(ctx, userId, code);
  const now = new Date();
  await repo.updateSession(ctx.db, sessionId, { stepUpAt: now });
  return new Date(now.getTime() + ctx.config.stepUpMinutes * 60_000);
}

async function verifyFreshTotp(ctx: AppContext, userId: string, code: string): Promise<void> {
  const user = await repo.findUserById(ctx.db, ctx.config, userId);
  if (!user?.totpEnabled || !user.totpSecretEnc) throw identityErrors.raise('AUTH_TOTP_NOT_ENABLED');
  assertNotLocked(ctx, user);
  const step = await checkTotp(decryptField(ctx.config.fieldKeys, user.totpSecretEnc), code, user.totpLastStep);
  if (step === null) {
    const failures = await repo.incrementFailedLogins(ctx.db, user.id);
    if (failures >= ctx.config.lockout.maxFailures) {
      await repo.updateUser(ctx.db, user.id, {
        failedLogins: 0,
        lockedUntil: new Date(Date.now() + ctx.config.lockout.minutes * 60_000),
      });
    }
    throw identityErrors.raise('AUTH_TOTP_INVALID');
  }
  if (!(await repo.claimTotpStep(ctx.db, user.id, step))) throw identityErrors.raise('AUTH_TOTP_INVALID');
}

export async function listSessions(ctx: AppContext, userId: string): Promise<repo.SessionRow[]> {
  return repo.listLiveSessions(ctx.db, userId, new Date());
}

export async function revokeSession(ctx: AppContext, userId: string, sessionId: string): Promise<void> {
  const revoked = await repo.revokeUserSession(ctx.db, userId, sessionId, new Date());
  if (!revoked) throw identityErrors.raise('AUTH_SESSION_NOT_FOUND');
}

/** Sets the active organisation and business role of a session (called by the organisation module). */
export async function setSessionContext(
  ctx: AppContext,
  sessionId: string,
  orgId: string | null,
  role: string | null,
): Promise<void> {
  await repo.updateSession(ctx.db, sessionId, { activeOrgId: orgId, activeRole: role });
}

/** Creates a user directly, for demo data and the staff bootstrap command. Returns the TOTP secret if asked. */
export async function createUserDirect(
  ctx: AppContext,
  input: { identifier: string; password: string; displayName: string; totpSecret?: string },
): Promise<repo.UserRow> {
  const identifier = normaliseIdentifier(input.identifier);
  const kind = identifierKind(identifier);
  return repo.insertUser(ctx.db, ctx.config, {
    id: newId(),
    email: kind === 'email' ? identifier : null,
    phone: kind === 'phone' ? identifier : null,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    ...(input.totpSecret
      ? { totpEnabled: true, totpSecretEnc: encryptField(ctx.config.fieldKeys, input.totpSecret) }
      : {}),
  });
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

function recoveryHash(ctx: AppContext, code: string): string {
  return lookupHash(ctx.config.lookupKey, `recovery:${code.trim().toUpperCase()}`);
}

/** The user's own mobile number in full (the reveal route audits each call); 404 when there is none. */
export async function revealOwnPhone(ctx: AppContext, userId: string): Promise<string> {
  const user = await repo.findUserById(ctx.db, ctx.config, userId);
  if (!user?.phone) throw identityErrors.raise('AUTH_NO_PHONE');
  return user.phone;
}

/** 脱敏 masks an e-mail or phone for lists and logs: zh***@example.com, 138****5678. */
export function maskContact(user: Pick<repo.UserRow, 'email' | 'phone'>): string {
  if (user.phone) return `${user.phone.slice(0, 3)}****${user.phone.slice(-4)}`;
  if (user.email) {
    const [local = '', domain = ''] = user.email.split('@');
    return `${local.slice(0, 2)}***@${domain}`;
  }
  return '—';
}

export async function countUsers(ctx: Pick<AppContext, 'db'>): Promise<number> {
  return repo.countUsers(ctx.db);
}
