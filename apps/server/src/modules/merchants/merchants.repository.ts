import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import {
  merchantApplications,
  merchantCategories,
  merchantSales,
  merchantStageEvents,
  merchantTierHistory,
} from './merchants.tables';

export type CategoryRow = typeof merchantCategories.$inferSelect;
export type ApplicationRow = typeof merchantApplications.$inferSelect;
export type NewApplication = typeof merchantApplications.$inferInsert;
export type StageEventRow = typeof merchantStageEvents.$inferSelect;

export async function listCategories(db: DbOrTx): Promise<CategoryRow[]> {
  return db.select().from(merchantCategories).orderBy(asc(merchantCategories.position));
}

export async function findCategory(db: DbOrTx, code: string): Promise<CategoryRow | undefined> {
  const [row] = await db.select().from(merchantCategories).where(eq(merchantCategories.code, code)).limit(1);
  return row;
}

export async function setCategoryKey(db: DbOrTx, code: string, key: boolean): Promise<CategoryRow | undefined> {
  const [row] = await db.update(merchantCategories).set({ key }).where(eq(merchantCategories.code, code)).returning();
  return row;
}

export async function latestApplication(db: DbOrTx, orgId: string): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(merchantApplications)
    .where(eq(merchantApplications.orgId, orgId))
    .orderBy(desc(merchantApplications.firstSubmittedAt))
    .limit(1);
  return row;
}

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(merchantApplications).where(eq(merchantApplications.id, id)).limit(1);
  return row;
}

export async function insertApplication(db: DbOrTx, row: NewApplication): Promise<ApplicationRow> {
  const [inserted] = await db.insert(merchantApplications).values(row).returning();
  return inserted as ApplicationRow;
}

/** Updates an application only if it is still at `fromStage` (so two reviewers cannot both move it). */
export async function updateApplication(
  db: DbOrTx,
  id: string,
  fromStages: readonly string[],
  patch: Partial<NewApplication>,
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(merchantApplications)
    .set(patch)
    .where(and(eq(merchantApplications.id, id), inArray(merchantApplications.stage, [...fromStages])))
    .returning();
  return row;
}

export async function allApplications(db: DbOrTx, limit = 1000): Promise<ApplicationRow[]> {
  return db.select().from(merchantApplications).orderBy(desc(merchantApplications.firstSubmittedAt)).limit(limit);
}

export async function applicationsOfOrgs(db: DbOrTx, orgIds: string[]): Promise<ApplicationRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(merchantApplications)
    .where(and(inArray(merchantApplications.orgId, orgIds), isNotNull(merchantApplications.activatedAt)));
}

export async function activeApplications(db: DbOrTx): Promise<ApplicationRow[]> {
  return db.select().from(merchantApplications).where(eq(merchantApplications.stage, 'active'));
}

export async function insertStageEvent(db: DbOrTx, row: typeof merchantStageEvents.$inferInsert): Promise<void> {
  await db.insert(merchantStageEvents).values(row);
}

export async function stageEvents(db: DbOrTx, applicationIds?: string[]): Promise<StageEventRow[]> {
  if (applicationIds && applicationIds.length === 0) return [];
  return db
    .select()
    .from(merchantStageEvents)
    .where(applicationIds ? inArray(merchantStageEvents.applicationId, applicationIds) : undefined)
    .orderBy(asc(merchantStageEvents.enteredAt));
}

export async function insertTierChange(db: DbOrTx, row: typeof merchantTierHistory.$inferInsert): Promise<void> {
  await db.insert(merchantTierHistory).values(row);
}

/** Records one sale; a second call for the same settlement changes nothing. */
export async function insertSale(db: DbOrTx, row: typeof merchantSales.$inferInsert): Promise<void> {
  await db.insert(merchantSales).values(row).onConflictDoNothing();
}

/** Sales per organisation in [from, to), fen. */
export async function salesBetween(db: DbOrTx, orgIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
  if (orgIds.length === 0) return new Map();
  const s = merchantSales;
  const rows = await db
    .select({ orgId: s.orgId, fen: sql<string>`sum(${s.amountFen})::text` })
    .from(s)
    .where(and(inArray(s.orgId, orgIds), gte(s.soldAt, from), lt(s.soldAt, to)))
    .groupBy(s.orgId);
  return new Map(rows.map((r) => [r.orgId, Number(r.fen)]));
}

/** Applications first submitted since `since`, for the promises board's onboarding clocks. */
export async function applicationsSince(db: DbOrTx, since: Date): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(merchantApplications)
    .where(gte(merchantApplications.firstSubmittedAt, since))
    .orderBy(asc(merchantApplications.firstSubmittedAt));
}
