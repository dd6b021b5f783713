import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { bannedTerms, takedowns } from './compliance.tables';

export type BannedTermRow = typeof bannedTerms.$inferSelect;
export type TakedownRow = typeof takedowns.$inferSelect;

export async function activeTerms(db: DbOrTx): Promise<BannedTermRow[]> {
  return db.select().from(bannedTerms).where(eq(bannedTerms.active, true));
}

export async function allTerms(db: DbOrTx): Promise<BannedTermRow[]> {
  return db.select().from(bannedTerms).orderBy(bannedTerms.category, bannedTerms.term);
}

export async function insertTerm(db: DbOrTx, row: typeof bannedTerms.$inferInsert): Promise<BannedTermRow | undefined> {
  const [inserted] = await db.insert(bannedTerms).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function setTermActive(db: DbOrTx, id: string, active: boolean): Promise<BannedTermRow | undefined> {
  const [row] = await db.update(bannedTerms).set({ active }).where(eq(bannedTerms.id, id)).returning();
  return row;
}

export async function insertTakedown(db: DbOrTx, row: typeof takedowns.$inferInsert): Promise<TakedownRow> {
  const [inserted] = await db.insert(takedowns).values(row).returning();
  return inserted as TakedownRow;
}

export async function activeTakedown(db: DbOrTx, kind: string, subjectId: string): Promise<TakedownRow | undefined> {
  const [row] = await db
    .select()
    .from(takedowns)
    .where(and(eq(takedowns.subjectKind, kind), eq(takedowns.subjectId, subjectId), isNull(takedowns.liftedAt)))
    .limit(1);
  return row;
}

export async function findTakedown(db: DbOrTx, id: string): Promise<TakedownRow | undefined> {
  const [row] = await db.select().from(takedowns).where(eq(takedowns.id, id)).limit(1);
  return row;
}

export async function liftTakedown(db: DbOrTx, id: string, by: string, byName: string, at: Date) {
  const [row] = await db
    .update(takedowns)
    .set({ liftedAt: at, liftedBy: by, liftedByName: byName })
    .where(and(eq(takedowns.id, id), isNull(takedowns.liftedAt)))
    .returning();
  return row;
}

export async function listTakedowns(db: DbOrTx, limit: number): Promise<TakedownRow[]> {
  return db.select().from(takedowns).orderBy(desc(takedowns.takenDownAt)).limit(limit);
}
