import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, uuidArray } from '../../infra/db/client';
import {
  executionBoqLines,
  executionLogReviews,
  executionLogs,
  executionMilestones,
  executionPhotos,
  executionPlans,
} from './execution.tables';

export type PlanRow = typeof executionPlans.$inferSelect;
export type MilestoneRow = typeof executionMilestones.$inferSelect;
export type BoqLineRow = typeof executionBoqLines.$inferSelect;
export type LogRow = typeof executionLogs.$inferSelect;
export type PhotoRow = typeof executionPhotos.$inferSelect;
export type ReviewRow = typeof executionLogReviews.$inferSelect;

export async function findPlan(db: DbOrTx, contractId: string, forUpdate = false): Promise<PlanRow | undefined> {
  const query = db.select().from(executionPlans).where(eq(executionPlans.contractId, contractId)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertPlan(
  db: DbOrTx,
  plan: typeof executionPlans.$inferInsert,
  milestones: MilestoneRow[],
  lines: BoqLineRow[],
): Promise<void> {
  await db.insert(executionPlans).values(plan);
  await db.insert(executionMilestones).values(milestones);
  await db.insert(executionBoqLines).values(lines);
}

export async function setSupervisor(db: DbOrTx, contractId: string, supervisorOrgId: string): Promise<void> {
  await db.update(executionPlans).set({ supervisorOrgId }).where(eq(executionPlans.contractId, contractId));
}

export async function plansForOrg(db: DbOrTx, orgId: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(executionPlans)
    .where(
      or(
        eq(executionPlans.orgId, orgId),
        eq(executionPlans.payeeOrgId, orgId),
        eq(executionPlans.supervisorOrgId, orgId),
      ),
    )
    .orderBy(desc(executionPlans.createdAt))
    .limit(200);
}

export async function allPlans(db: DbOrTx): Promise<PlanRow[]> {
  return db.select().from(executionPlans);
}

export async function milestonesOf(db: DbOrTx, contractId: string): Promise<MilestoneRow[]> {
  return db
    .select()
    .from(executionMilestones)
    .where(eq(executionMilestones.contractId, contractId))
    .orderBy(asc(executionMilestones.seq));
}

export async function boqLinesOf(db: DbOrTx, contractId: string): Promise<BoqLineRow[]> {
  return db
    .select()
    .from(executionBoqLines)
    .where(eq(executionBoqLines.contractId, contractId))
    .orderBy(asc(executionBoqLines.seq));
}

export async function logsOf(db: DbOrTx, contractId: string): Promise<LogRow[]> {
  return db
    .select()
    .from(executionLogs)
    .where(eq(executionLogs.contractId, contractId))
    .orderBy(desc(executionLogs.logDate), desc(executionLogs.createdAt));
}

export async function findLog(db: DbOrTx, contractId: string, logId: string, forUpdate = false) {
  const query = db
    .select()
    .from(executionLogs)
    .where(and(eq(executionLogs.contractId, contractId), eq(executionLogs.id, logId)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertLog(db: DbOrTx, row: typeof executionLogs.$inferInsert): Promise<void> {
  await db.insert(executionLogs).values(row);
}

export async function setLogStatus(db: DbOrTx, logId: string, status: string): Promise<void> {
  await db.update(executionLogs).set({ status }).where(eq(executionLogs.id, logId));
}

export async function setLogEvidence(db: DbOrTx, logId: string, evidenceIndex: number): Promise<void> {
  await db.update(executionLogs).set({ evidenceIndex }).where(eq(executionLogs.id, logId));
}

export async function insertPhotos(db: DbOrTx, rows: PhotoRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(executionPhotos).values(rows);
}

export async function photosOf(db: DbOrTx, logIds: string[]): Promise<PhotoRow[]> {
  if (logIds.length === 0) return [];
  return db
    .select()
    .from(executionPhotos)
    .where(inArray(executionPhotos.logId, logIds))
    .orderBy(asc(executionPhotos.createdAt));
}

export async function findPhoto(db: DbOrTx, contractId: string, photoId: string): Promise<PhotoRow | undefined> {
  const [row] = await db
    .select()
    .from(executionPhotos)
    .where(and(eq(executionPhotos.contractId, contractId), eq(executionPhotos.id, photoId)))
    .limit(1);
  return row;
}

export async function insertReview(db: DbOrTx, row: ReviewRow): Promise<void> {
  await db.insert(executionLogReviews).values(row);
}

export async function reviewsOf(db: DbOrTx, logIds: string[]): Promise<ReviewRow[]> {
  if (logIds.length === 0) return [];
  return db
    .select()
    .from(executionLogReviews)
    .where(inArray(executionLogReviews.logId, logIds))
    .orderBy(asc(executionLogReviews.createdAt));
}

/** The milestones each payee organisation had to deliver by `dueBy` (YYYY-MM-DD), for the credit rating. */
export async function payeeMilestonesDue(db: DbOrTx, orgIds: string[], dueBy: string) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      payeeOrgId: executionPlans.payeeOrgId,
      milestoneId: executionMilestones.id,
      contractId: executionMilestones.contractId,
      dueDate: executionMilestones.dueDate,
    })
    .from(executionMilestones)
    .innerJoin(executionPlans, eq(executionPlans.contractId, executionMilestones.contractId))
    .where(and(sql`${executionPlans.payeeOrgId} = any(${uuidArray(orgIds)})`, lte(executionMilestones.dueDate, dueBy)));
}

/** Per payee organisation: how many of its reviewed logs were accepted or sent back, up to `until`. */
export async function payeeReviewCounts(db: DbOrTx, orgIds: string[], until: Date) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      payeeOrgId: executionPlans.payeeOrgId,
      accepted: sql<number>`count(*) filter (where ${executionLogReviews.decision} = 'accept')`.mapWith(Number),
      changesRequested:
        sql<number>`count(*) filter (where ${executionLogReviews.decision} = 'request_changes')`.mapWith(Number),
    })
    .from(executionLogReviews)
    .innerJoin(executionPlans, eq(executionPlans.contractId, executionLogReviews.contractId))
    .where(
      and(sql`${executionPlans.payeeOrgId} = any(${uuidArray(orgIds)})`, lte(executionLogReviews.createdAt, until)),
    )
    .groupBy(executionPlans.payeeOrgId);
}

/**
 * 在场工人 per planned contract, the current logs (not revised) dated within [fromDate, toDate] that record workers
 * on site: how many such log days, the most workers on one day, and worker-days in total.
 */
export async function workersOnSiteBetween(db: DbOrTx, fromDate: string, toDate: string) {
  return queryRows<{
    contract_id: string;
    gc_org_id: string;
    payee_org_id: string;
    contract_title: string;
    log_days: number;
    peak_workers: number;
    worker_days: number;
  }>(
    db,
    sql`select p.contract_id, p.org_id as gc_org_id, p.payee_org_id, p.contract_title,
               count(distinct l.log_date)::int as log_days, max(l.workers_on_site)::int as peak_workers,
               sum(l.workers_on_site)::int as worker_days
          from execution_logs l join execution_plans p on p.contract_id = l.contract_id
         where l.status <> 'revised' and l.workers_on_site > 0
           and l.log_date >= ${fromDate} and l.log_date <= ${toDate}
         group by p.contract_id, p.org_id, p.payee_org_id, p.contract_title
         order by p.contract_id`,
  );
}
