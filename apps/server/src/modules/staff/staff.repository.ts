import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { dualControlRequests, staffRoles } from './staff.tables';

export type DualControlRow = typeof dualControlRequests.$inferSelect;

export async function rolesOfUser(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db.select({ role: staffRoles.role }).from(staffRoles).where(eq(staffRoles.userId, userId));
  return rows.map((r) => r.role);
}

export async function allStaffRoles(db: DbOrTx) {
  return db.select().from(staffRoles);
}

export async function insertStaffRole(db: DbOrTx, row: typeof staffRoles.$inferInsert): Promise<void> {
  await db.insert(staffRoles).values(row).onConflictDoNothing();
}

export async function deleteStaffRole(db: DbOrTx, userId: string, role: string): Promise<boolean> {
  const rows = await db
    .delete(staffRoles)
    .where(and(eq(staffRoles.userId, userId), eq(staffRoles.role, role)))
    .returning({ userId: staffRoles.userId });
  return rows.length > 0;
}

export async function countRole(db: DbOrTx, role: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(staffRoles).where(eq(staffRoles.role, role));
  return row?.n ?? 0;
}

export async function insertRequest(db: DbOrTx, row: typeof dualControlRequests.$inferInsert): Promise<DualControlRow> {
  const [inserted] = await db.insert(dualControlRequests).values(row).returning();
  return inserted as DualControlRow;
}

export async function findRequest(db: DbOrTx, id: string): Promise<DualControlRow | undefined> {
  const [row] = await db.select().from(dualControlRequests).where(eq(dualControlRequests.id, id)).limit(1);
  return row;
}

export async function findRequests(db: DbOrTx, ids: string[]): Promise<DualControlRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(dualControlRequests).where(inArray(dualControlRequests.id, ids));
}

/** Decides a pending request; returns undefined when it was no longer pending (decided concurrently). */
export async function decideRequest(
  db: DbOrTx,
  id: string,
  patch: { status: string; decidedBy: string; reason: string | null; decidedAt: Date },
): Promise<DualControlRow | undefined> {
  const [row] = await db
    .update(dualControlRequests)
    .set(patch)
    .where(and(eq(dualControlRequests.id, id), eq(dualControlRequests.status, 'pending')))
    .returning();
  return row;
}

export async function listRequests(db: DbOrTx, limit: number, status?: string): Promise<DualControlRow[]> {
  const query = db.select().from(dualControlRequests);
  const filtered = status ? query.where(eq(dualControlRequests.status, status)) : query;
  return filtered.orderBy(desc(dualControlRequests.createdAt)).limit(limit);
}
