import { and, count, desc, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import { decryptField, encryptField, lookupHash } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import { accountTokens, recoveryCodes, sessions, users } from './identity.tables';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
/** the keys a user row's mobile number is sealed and looked up with */
export type UserKeys = Pick<Config, 'fieldKeys' | 'lookupKey'>;

/** 手机号查找哈希 the keyed hash a mobile number is found by (stable across key rotation). */
export function phoneHash(keys: UserKeys, phone: string): string {
  return lookupHash(keys.lookupKey, `phone:${phone}`);
}

/** The one place a user row's mobile number is read: decrypted from `phone_enc` (PLAT-2). */
export function openUser(keys: UserKeys, row: UserRow): UserRow {
  return row.phoneEnc ? { ...row, phone: decryptField(keys.fieldKeys, row.phoneEnc) } : row;
}

/** The one place a mobile number is written: encrypted + hashed, the plaintext column left empty. */
export function sealPhone(keys: UserKeys, phone: string | null | undefined) {
  return phone
    ? { phone: null, phoneEnc: encryptField(keys.fieldKeys, phone), phoneHash: phoneHash(keys, phone) }
    : { phone: null, phoneEnc: null, phoneHash: null };
}

export async function findUserByIdentifier(
  db: DbOrTx,
  keys: UserKeys,
  identifier: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(or(eq(users.email, identifier), eq(users.phoneHash, phoneHash(keys, identifier))))
    .limit(1);
  return row && openUser(keys, row);
}

export async function findUserById(db: DbOrTx, keys: UserKeys, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row && openUser(keys, row);
}

export async function findUsersByIds(db: DbOrTx, keys: UserKeys, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(users).where(inArray(users.id, ids));
  return rows.map((r) => openUser(keys, r));
}

/** Staff search: e-mail and name by substring; a mobile number only whole (it is stored encrypted). */
export async function searchUsers(
  db: DbOrTx,
  keys: UserKeys,
  q: string | undefined,
  limit: number,
): Promise<UserRow[]> {
  const query = db.select().from(users);
  const pattern = q ? `%${q.replace(/[%_\\]/g, '\\$&')}%` : null;
  const filtered =
    pattern && q
      ? query.where(
          or(
            sql`${users.email} ilike ${pattern}`,
            eq(users.phoneHash, phoneHash(keys, q.trim())),
            sql`${users.displayName} ilike ${pattern}`,
          ),
        )
      : query;
  const rows = await filtered.orderBy(desc(users.createdAt)).limit(limit);
  return rows.map((r) => openUser(keys, r));
}

export async function insertUser(db: DbOrTx, keys: UserKeys, row: typeof users.$inferInsert): Promise<UserRow> {
  const [inserted] = await db
    .insert(users)
    .values({ ...row, ...sealPhone(keys, row.phone) })
    .returning();
  return openUser(keys, inserted as UserRow);
}

/**
 * 存量加密 start-up data step: moves any plaintext `users.phone` into `phone_enc`/`phone_hash` and clears it.
 * Idempotent (only rows with a plaintext phone are touched); returns how many rows it encrypted.
 */
export async function encryptPlaintextPhones(db: DbOrTx, keys: UserKeys): Promise<number> {
  const rows = await db.select({ id: users.id, phone: users.phone }).from(users).where(isNotNull(users.phone));
  for (const row of rows) await db.update(users).set(sealPhone(keys, row.phone)).where(eq(users.id, row.id));
  return rows.length;
}

export async function updateUser(db: DbOrTx, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/**
 * Records a TOTP time step as used, only if no later or equal step was recorded meanwhile: of two requests with the
 * same code at the same instant (on one process or two), one gets true, the other false (a replayed code).
 */
export async function claimTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step, failedLogins: 0 })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), sql`${users.totpLastStep} < ${step}`)))
    .returning({ id: users.id });
  return claimed.length > 0;
}

/** Counts a failed login atomically and returns the new count. */
export async function incrementFailedLogins(db: DbOrTx, id: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, id))
    .returning({ failedLogins: users.failedLogins });
  return row?.failedLogins ?? 0;
}

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [inserted] = await db.insert(sessions).values(row).returning();
  return inserted as SessionRow;
}

export async function findLiveSessionByTokenHash(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function listLiveSessions(db: DbOrTx, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        eq(sessions.pendingMfa, false),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

export async function updateSession(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof sessions.$inferInsert>,
): Promise<void> {
  await db.update(sessions).set(patch).where(eq(sessions.id, id));
}

/** Revokes a session of this user; returns false when the user has no such live session. */
export async function revokeUserSession(db: DbOrTx, userId: string, sessionId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function revokeOtherSessions(db: DbOrTx, userId: string, keepSessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId), isNull(sessions.revokedAt)));
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: string, codeHashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length > 0)
    await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks a recovery code used; true only for an unused code of this user. */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ userId: recoveryCodes.userId });
  return rows.length > 0;
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/** The context (organisation, role) of the user's most recently used session, to restore at the next login. */
export async function lastSessionContext(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ activeOrgId: sessions.activeOrgId, activeRole: sessions.activeRole })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.pendingMfa, false)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(1);
  return row ?? null;
}

export type AccountTokenRow = typeof accountTokens.$inferSelect;
export type AccountTokenPurpose = 'password_reset' | 'email_verification' | 'phone_verification';

export async function insertAccountToken(db: DbOrTx, row: typeof accountTokens.$inferInsert): Promise<void> {
  await db.insert(accountTokens).values(row);
}

/** A live (unused, unexpired) token of this purpose by its hash. */
export async function liveTokenByHash(
  db: DbOrTx,
  purpose: AccountTokenPurpose,
  tokenHash: string,
  now: Date,
): Promise<AccountTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.purpose, purpose),
        eq(accountTokens.tokenHash, tokenHash),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    );
  return row;
}

/** The user's newest live token of this purpose. */
export async function latestLiveToken(
  db: DbOrTx,
  userId: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<AccountTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .orderBy(desc(accountTokens.createdAt))
    .limit(1);
  return row;
}

/** Marks a token used; false when it was used meanwhile (two tabs racing), so a secret works once. */
export async function useToken(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.id, id), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id });
  return rows.length > 0;
}

/** Ends every live token of this purpose for the user (a new one replaces them). */
export async function retireTokens(db: DbOrTx, userId: string, purpose: AccountTokenPurpose, now: Date) {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}

export async function countTokenAttempt(db: DbOrTx, id: string): Promise<number> {
  const [row] = await db
    .update(accountTokens)
    .set({ attempts: sql`${accountTokens.attempts} + 1` })
    .where(eq(accountTokens.id, id))
    .returning({ attempts: accountTokens.attempts });
  return row?.attempts ?? 0;
}

/** How many tokens of this purpose the user was sent since an instant (a cap against mail or SMS bombing). */
export async function tokensSentSince(db: DbOrTx, userId: string, purpose: AccountTokenPurpose, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(accountTokens)
    .where(
      and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), gt(accountTokens.createdAt, since)),
    );
  return row?.n ?? 0;
}

export async function revokeAllSessions(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
