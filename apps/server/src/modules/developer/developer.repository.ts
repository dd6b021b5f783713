import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { apiKeyCalls, apiKeys } from './developer.tables';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiKeyCallRow = typeof apiKeyCalls.$inferSelect;

export async function insertKey(db: DbOrTx, row: ApiKeyRow): Promise<void> {
  await db.insert(apiKeys).values(row);
}

export async function keysOfOrg(db: DbOrTx, orgId: string, limit: number): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(limit);
}

export async function activeKeyCount(db: DbOrTx, orgId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), isNull(apiKeys.revokedAt), gt(apiKeys.expiresAt, now)));
  return row?.n ?? 0;
}

export async function findKey(db: DbOrTx, orgId: string, keyId: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, keyId)));
  return row;
}

export async function keyBySecretHash(db: DbOrTx, secretHash: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash));
  return row;
}

/** Revokes the key unless it is revoked already; false then. */
export async function revokeKey(db: DbOrTx, orgId: string, keyId: string, by: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: at, revokedBy: by })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

export async function insertCall(db: DbOrTx, row: ApiKeyCallRow): Promise<void> {
  await db.insert(apiKeyCalls).values(row);
}

export async function touchKey(db: DbOrTx, keyId: string, at: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, keyId));
}

export async function callsOfKey(db: DbOrTx, orgId: string, keyId: string, limit: number): Promise<ApiKeyCallRow[]> {
  return db
    .select()
    .from(apiKeyCalls)
    .where(and(eq(apiKeyCalls.orgId, orgId), eq(apiKeyCalls.keyId, keyId)))
    .orderBy(desc(apiKeyCalls.at))
    .limit(limit);
}
