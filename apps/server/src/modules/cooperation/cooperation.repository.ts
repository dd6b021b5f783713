import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { cooperationFirms, cooperationRecords } from './cooperation.tables';

export type FirmRow = typeof cooperationFirms.$inferSelect;
export type RecordRow = typeof cooperationRecords.$inferSelect;

export async function firmsByKeys(db: DbOrTx, keys: readonly string[]): Promise<FirmRow[]> {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(cooperationFirms)
    .where(inArray(cooperationFirms.nameKey, [...keys]));
}

export async function firmsByIds(db: DbOrTx, ids: readonly string[]): Promise<FirmRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(cooperationFirms)
    .where(inArray(cooperationFirms.id, [...ids]));
}

export async function firmsByOrgs(db: DbOrTx, orgIds: readonly string[]): Promise<FirmRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(cooperationFirms)
    .where(inArray(cooperationFirms.orgId, [...orgIds]));
}

export async function insertFirms(db: DbOrTx, rows: (typeof cooperationFirms.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(cooperationFirms).values(rows).onConflictDoNothing();
}

export async function linkFirm(db: DbOrTx, firmId: string, orgId: string): Promise<void> {
  await db
    .update(cooperationFirms)
    .set({ orgId })
    .where(and(eq(cooperationFirms.id, firmId), isNull(cooperationFirms.orgId)));
}

/** Inserts the records that are new; returns how many were. */
export async function insertRecords(db: DbOrTx, rows: (typeof cooperationRecords.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(cooperationRecords)
    .values(rows)
    .onConflictDoNothing({ target: [cooperationRecords.source, cooperationRecords.sourceRef] })
    .returning({ id: cooperationRecords.id });
  return inserted.length;
}
