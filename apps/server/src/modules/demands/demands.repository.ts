import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { demandReviews, demands } from './demands.tables';

export type DemandRow = typeof demands.$inferSelect;
export type DemandReviewRow = typeof demandReviews.$inferSelect;

export async function insertDemands(db: DbOrTx, rows: (typeof demands.$inferInsert)[]): Promise<DemandRow[]> {
  if (rows.length === 0) return [];
  return db.insert(demands).values(rows).returning();
}

export async function insertReviews(db: DbOrTx, rows: (typeof demandReviews.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(demandReviews).values(rows);
}

export async function findDemand(db: DbOrTx, id: string): Promise<DemandRow | undefined> {
  const [row] = await db.select().from(demands).where(eq(demands.id, id)).limit(1);
  return row;
}

export async function updateDemand(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<typeof demands.$inferInsert>,
): Promise<DemandRow> {
  const [row] = await db
    .update(demands)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(demands.orgId, orgId), eq(demands.id, id)))
    .returning();
  return row as DemandRow;
}

/**
 * A page of an organisation's demands, newest first. Keyset on (created_at, id) after the row `after` names, so a
 * demand published while the user pages neither repeats nor hides one.
 */
export async function listOrgDemands(
  db: DbOrTx,
  orgId: string,
  page: { limit: number; after?: string | undefined; status?: DemandRow['status'] | undefined },
): Promise<DemandRow[]> {
  const conditions: SQL[] = [eq(demands.orgId, orgId)];
  if (page.status) conditions.push(eq(demands.status, page.status));
  if (page.after) {
    conditions.push(
      sql`(${demands.createdAt}, ${demands.id}) < (select d.created_at, d.id from demands d where d.org_id = ${orgId} and d.id = ${page.after})`,
    );
  }
  return db
    .select()
    .from(demands)
    .where(and(...conditions))
    .orderBy(desc(demands.createdAt), desc(demands.id))
    .limit(page.limit);
}

export async function latestReview(db: DbOrTx, demandId: string): Promise<DemandReviewRow | undefined> {
  const [row] = await db
    .select()
    .from(demandReviews)
    .where(eq(demandReviews.demandId, demandId))
    .orderBy(desc(demandReviews.submittedAt), desc(demandReviews.id))
    .limit(1);
  return row;
}

export async function findReview(db: DbOrTx, id: string): Promise<DemandReviewRow | undefined> {
  const [row] = await db.select().from(demandReviews).where(eq(demandReviews.id, id)).limit(1);
  return row;
}

/** Pending reviews, the one due first on top; decided ones, the latest first. */
export async function listReviews(db: DbOrTx, state: 'pending' | 'decided', limit: number) {
  return db
    .select({ review: demandReviews, demand: demands })
    .from(demandReviews)
    .innerJoin(demands, and(eq(demands.orgId, demandReviews.orgId), eq(demands.id, demandReviews.demandId)))
    .where(state === 'pending' ? isNull(demandReviews.decidedAt) : isNotNull(demandReviews.decidedAt))
    .orderBy(
      ...(state === 'pending'
        ? [asc(demandReviews.dueAt), asc(demandReviews.id)]
        : [desc(demandReviews.decidedAt), desc(demandReviews.id)]),
    )
    .limit(limit);
}

/** Records a decision once: returns nothing when the review was already decided (a concurrent reviewer won). */
export async function decideReview(
  db: DbOrTx,
  id: string,
  decision: { decision: string; reason: string | null; reviewerId: string; decidedAt: Date },
): Promise<DemandReviewRow | undefined> {
  const [row] = await db
    .update(demandReviews)
    .set(decision)
    .where(and(eq(demandReviews.id, id), isNull(demandReviews.decidedAt)))
    .returning();
  return row;
}

/** Reviews submitted since `since`, with their demand's title: the promises board's review clock. */
export async function reviewClocksSince(db: DbOrTx, since: Date) {
  return db
    .select({
      id: demandReviews.id,
      demandId: demandReviews.demandId,
      title: demands.title,
      submittedAt: demandReviews.submittedAt,
      dueAt: demandReviews.dueAt,
      decidedAt: demandReviews.decidedAt,
    })
    .from(demandReviews)
    .innerJoin(demands, eq(demands.id, demandReviews.demandId))
    .where(sql`${demandReviews.submittedAt} >= ${since}`)
    .orderBy(asc(demandReviews.submittedAt));
}

/** Demands published since `since` (publication starts the 10-minute push clock). */
export async function publishedSince(db: DbOrTx, since: Date) {
  return db
    .select({ id: demands.id, title: demands.title, publishedAt: demands.publishedAt })
    .from(demands)
    .where(and(isNotNull(demands.publishedAt), sql`${demands.publishedAt} >= ${since}`));
}
