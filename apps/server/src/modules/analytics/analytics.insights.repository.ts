import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../infra/db/client';
import { analyticsMerchantAlerts, analyticsSavedAnalyses } from './analytics.tables';

/**
 * The queries of the growth insights (saved analyses, lifecycle flows, LTV per cohort, merchant alerts). Kept apart
 * from analytics.repository.ts, whose funnel and cohort queries are tuned on their own.
 */

const DAY_MS = 86_400_000;

export type SavedRow = typeof analyticsSavedAnalyses.$inferSelect;
export type AlertRow = typeof analyticsMerchantAlerts.$inferSelect;

// ——— saved analyses ———

export async function listSaved(db: DbOrTx, readerId: string, kind?: SavedRow['kind']): Promise<SavedRow[]> {
  const visible = or(eq(analyticsSavedAnalyses.ownerUserId, readerId), eq(analyticsSavedAnalyses.shared, true));
  return db
    .select()
    .from(analyticsSavedAnalyses)
    .where(kind ? and(visible, eq(analyticsSavedAnalyses.kind, kind)) : visible)
    .orderBy(desc(analyticsSavedAnalyses.updatedAt), desc(analyticsSavedAnalyses.id))
    .limit(200);
}

export async function insertSaved(db: DbOrTx, row: typeof analyticsSavedAnalyses.$inferInsert): Promise<SavedRow> {
  const [created] = await db.insert(analyticsSavedAnalyses).values(row).returning();
  return created as SavedRow;
}

export async function findSaved(db: DbOrTx, id: string): Promise<SavedRow | undefined> {
  const [row] = await db.select().from(analyticsSavedAnalyses).where(eq(analyticsSavedAnalyses.id, id));
  return row;
}

export async function updateSaved(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<SavedRow, 'name' | 'shared' | 'updatedAt'>>,
): Promise<SavedRow> {
  const [row] = await db.update(analyticsSavedAnalyses).set(patch).where(eq(analyticsSavedAnalyses.id, id)).returning();
  return row as SavedRow;
}

export async function deleteSaved(db: DbOrTx, id: string): Promise<void> {
  await db.delete(analyticsSavedAnalyses).where(eq(analyticsSavedAnalyses.id, id));
}

// ——— lifecycle flows ———

/** When each organisation closed its second deal (the marketing view's 忠诚). */
export async function secondDeals(db: DbOrTx): Promise<Map<string, Date>> {
  const found = await queryRows<{ org_id: string; at: Date }>(
    db,
    sql`select org_id::text as org_id, (array_agg(occurred_at order by occurred_at))[2] as at from product_events
      where name = 'deal.closed' and org_id is not null group by org_id having count(*) >= 2`,
  );
  return new Map(found.map((r) => [r.org_id, new Date(r.at)]));
}

// ——— LTV per cohort ———

const local = (column: string) => sql.raw(`(${column} at time zone 'Asia/Shanghai')`);

/**
 * Organisations created in [from, to) by cohort (the week or month, Shanghai, of `organisation.created`), with the
 * value of their closed deals by period k after the cohort's start.
 */
export async function cohortDeals(db: DbOrTx, q: { period: 'week' | 'month'; from: Date; to: Date }) {
  const unit = sql.raw(`'${q.period}'`);
  const diff =
    q.period === 'week'
      ? sql`((date_trunc('week', ${local('e.occurred_at')})::date - s.cohort::date) / 7)`
      : sql`((extract(year from ${local('e.occurred_at')}) - extract(year from s.cohort)) * 12
            + extract(month from ${local('e.occurred_at')}) - extract(month from s.cohort))::int`;
  const born = sql`select org_id, date_trunc(${unit}, ${local('min(occurred_at)')}) as cohort from product_events
      where name = 'organisation.created' and org_id is not null group by org_id
      having min(occurred_at) >= ${q.from} and min(occurred_at) < ${q.to}`;
  const [sizes, cells] = await Promise.all([
    queryRows<{ cohort: string; size: number }>(
      db,
      sql`select to_char(s.cohort, 'YYYY-MM-DD') as cohort, count(*)::int as size from (${born}) s group by 1 order by 1`,
    ),
    queryRows<{ cohort: string; k: number; fen: number }>(
      db,
      sql`select to_char(s.cohort, 'YYYY-MM-DD') as cohort, ${diff} as k,
          sum((e.properties->>'amountFen')::bigint)::float8 as fen
        from (${born}) s join product_events e on e.org_id = s.org_id and e.name = 'deal.closed'
        group by 1, 2 order by 1, 2`,
    ),
  ]);
  return { sizes, cells };
}

// ——— merchant alerts ———

export interface ActivityRow {
  org_id: string;
  exposure_now: number;
  exposure_before: number;
  inquiries_now: number;
  inquiries_before: number;
}

/** Each merchant's exposure and inquiries in the last 7 days and in the 28 days before. */
export async function merchantActivity(db: DbOrTx, asOf: Date): Promise<ActivityRow[]> {
  const week = new Date(asOf.getTime() - 7 * DAY_MS);
  const start = new Date(asOf.getTime() - 35 * DAY_MS);
  return queryRows<ActivityRow>(
    db,
    sql`with e as (
        select case when name = 'inquiry.received' then org_id::text else properties->>'merchantOrgId' end as org_id,
          name = 'inquiry.received' as inquiry, occurred_at >= ${week} as recent
        from product_events
        where name in ('merchant.viewed', 'listing.viewed', 'inquiry.received')
          and occurred_at >= ${start} and occurred_at < ${asOf})
      select org_id,
        count(*) filter (where not inquiry and recent)::int as exposure_now,
        count(*) filter (where not inquiry and not recent)::int as exposure_before,
        count(*) filter (where inquiry and recent)::int as inquiries_now,
        count(*) filter (where inquiry and not recent)::int as inquiries_before
      from e where org_id is not null group by org_id`,
  );
}

/** Complaints received and deals won as supplier per organisation in the `days` before `asOf`. */
export async function merchantComplaints(db: DbOrTx, asOf: Date, days: number) {
  const since = new Date(asOf.getTime() - days * DAY_MS);
  return queryRows<{ org_id: string; complaints: number; deals: number }>(
    db,
    sql`select org_id::text as org_id,
        count(*) filter (where name = 'complaint.received')::int as complaints,
        count(*) filter (where name = 'deal.closed' and properties->>'role' = 'supplier')::int as deals
      from product_events
      where name in ('complaint.received', 'deal.closed') and org_id is not null
        and occurred_at >= ${since} and occurred_at < ${asOf}
      group by org_id having count(*) filter (where name = 'complaint.received') > 0`,
  );
}

/** Inserts the alert unless that merchant already has one for the rule and week; the new row, or undefined. */
export async function insertAlert(
  db: DbOrTx,
  row: typeof analyticsMerchantAlerts.$inferInsert,
): Promise<AlertRow | undefined> {
  const [created] = await db.insert(analyticsMerchantAlerts).values(row).onConflictDoNothing().returning();
  return created;
}

export async function listAlerts(
  db: DbOrTx,
  filter: { orgId?: string | undefined; status?: AlertRow['status'] | undefined },
): Promise<AlertRow[]> {
  const conditions: SQL[] = [
    ...(filter.orgId ? [eq(analyticsMerchantAlerts.orgId, filter.orgId)] : []),
    ...(filter.status ? [eq(analyticsMerchantAlerts.status, filter.status)] : []),
  ];
  return db
    .select()
    .from(analyticsMerchantAlerts)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(analyticsMerchantAlerts.raisedAt), desc(analyticsMerchantAlerts.id))
    .limit(200);
}

/** Sets the alert's status; with `orgId` only that organisation's alert. Undefined when there is none. */
export async function updateAlert(
  db: DbOrTx,
  id: string,
  orgId: string | undefined,
  patch: Pick<AlertRow, 'status' | 'updatedAt' | 'updatedBy'>,
): Promise<AlertRow | undefined> {
  const where = orgId
    ? and(eq(analyticsMerchantAlerts.id, id), eq(analyticsMerchantAlerts.orgId, orgId))
    : eq(analyticsMerchantAlerts.id, id);
  const [row] = await db.update(analyticsMerchantAlerts).set(patch).where(where).returning();
  return row;
}
