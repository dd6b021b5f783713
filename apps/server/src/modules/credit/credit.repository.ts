import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { arrayLiteral, type DbOrTx, jsonTexts, queryRows, uuidArray } from '../../infra/db/client';
import {
  creditContracts,
  creditDisputes,
  creditLoanOverdues,
  creditMonthly,
  creditOverrides,
  creditPolicies,
  creditRatings,
  creditTaxDeclarations,
  creditTransactions,
  creditWageMonths,
  orgCreditGrades,
} from './credit.tables';

export type CreditGradeRow = typeof orgCreditGrades.$inferSelect;
export type RatingRow = typeof creditRatings.$inferSelect;
export type MonthlyRow = typeof creditMonthly.$inferSelect;
export type OverrideRow = typeof creditOverrides.$inferSelect;
export type PolicyRow = typeof creditPolicies.$inferSelect;

export async function gradesOf(db: DbOrTx, orgIds: readonly string[]): Promise<CreditGradeRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(orgCreditGrades)
    .where(inArray(orgCreditGrades.orgId, [...orgIds]));
}

export async function upsertGrade(db: DbOrTx, row: typeof orgCreditGrades.$inferInsert): Promise<CreditGradeRow> {
  const [saved] = await db
    .insert(orgCreditGrades)
    .values(row)
    .onConflictDoUpdate({
      target: orgCreditGrades.orgId,
      set: {
        grade: row.grade,
        assessedAt: row.assessedAt,
        source: row.source,
        setByUserId: row.setByUserId ?? null,
        updatedAt: new Date(),
      },
    })
    .returning();
  return saved as CreditGradeRow;
}

// ── read models fed by events ──────────────────────────────────────────────

export async function recordContract(db: DbOrTx, row: typeof creditContracts.$inferInsert, amendment: boolean) {
  const insert = db.insert(creditContracts).values(row);
  if (!amendment) await insert.onConflictDoNothing();
  else
    await insert.onConflictDoUpdate({
      target: creditContracts.contractId,
      set: { amendments: sql`${creditContracts.amendments} + 1`, amountFen: row.amountFen },
    });
}

export async function findContract(db: DbOrTx, contractId: string) {
  const [row] = await db.select().from(creditContracts).where(eq(creditContracts.contractId, contractId)).limit(1);
  return row;
}

export async function recordTransactions(db: DbOrTx, rows: (typeof creditTransactions.$inferInsert)[]) {
  await db.insert(creditTransactions).values(rows).onConflictDoNothing();
}

export async function recordDisputes(db: DbOrTx, rows: (typeof creditDisputes.$inferInsert)[]) {
  await db.insert(creditDisputes).values(rows).onConflictDoNothing();
}

// ── ratings ────────────────────────────────────────────────────────────────

/** Inserts unless this side already rated the contract; returns the row or undefined. */
export async function insertRating(db: DbOrTx, row: typeof creditRatings.$inferInsert) {
  const [saved] = await db.insert(creditRatings).values(row).onConflictDoNothing().returning();
  return saved;
}

export async function ratingsFor(db: DbOrTx, filter: { contractId?: string; ratedOrgId?: string }, limit = 50) {
  const where = [
    filter.contractId ? eq(creditRatings.contractId, filter.contractId) : undefined,
    filter.ratedOrgId ? eq(creditRatings.ratedOrgId, filter.ratedOrgId) : undefined,
  ].filter(Boolean);
  return db
    .select()
    .from(creditRatings)
    .where(and(...where))
    .orderBy(desc(creditRatings.createdAt))
    .limit(limit);
}

// ── facts for the monthly rating ─────────────────────────────────────────────

export async function transactionFacts(db: DbOrTx, orgIds: string[], until: Date) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      orgId: creditTransactions.orgId,
      n: sql<number>`count(*)`.mapWith(Number),
      volumeFen: sql<number>`coalesce(sum(${creditTransactions.grossFen}), 0)`.mapWith(Number),
    })
    .from(creditTransactions)
    .where(and(sql`${creditTransactions.orgId} = any(${uuidArray(orgIds)})`, lte(creditTransactions.sealedAt, until)))
    .groupBy(creditTransactions.orgId);
}

/**
 * When each milestone was sealed (as the supplier's transaction), as its Shanghai date: the date is what the rating
 * compares with the due date, and turning it into text here spares a Date per row in the batch.
 */
export async function sealedMilestones(db: DbOrTx, milestoneIds: string[], until: Date) {
  if (milestoneIds.length === 0) return [];
  return queryRows<{ milestoneId: string; sealedOn: string }>(
    db,
    sql`select distinct milestone_id as "milestoneId",
          to_char((sealed_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD') as "sealedOn"
        from credit_transactions
        where milestone_id = any(${uuidArray(milestoneIds)}) and role = 'supplier' and sealed_at <= ${until.toISOString()}::timestamptz`,
  );
}

export async function disputeFacts(db: DbOrTx, orgIds: string[], until: Date) {
  if (orgIds.length === 0) return [];
  return db
    .select({ orgId: creditDisputes.orgId, result: creditDisputes.result, n: sql<number>`count(*)`.mapWith(Number) })
    .from(creditDisputes)
    .where(and(sql`${creditDisputes.orgId} = any(${uuidArray(orgIds)})`, lte(creditDisputes.decidedAt, until)))
    .groupBy(creditDisputes.orgId, creditDisputes.result);
}

export async function recordLoanOverdue(db: DbOrTx, row: typeof creditLoanOverdues.$inferInsert) {
  await db.insert(creditLoanOverdues).values(row).onConflictDoNothing();
}

/** Loans each organisation let fall overdue, detected by a day. */
export async function loanOverdueFacts(db: DbOrTx, orgIds: string[], until: Date) {
  if (orgIds.length === 0) return [];
  return db
    .select({ orgId: creditLoanOverdues.orgId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(creditLoanOverdues)
    .where(and(sql`${creditLoanOverdues.orgId} = any(${uuidArray(orgIds)})`, lte(creditLoanOverdues.detectedAt, until)))
    .groupBy(creditLoanOverdues.orgId);
}

/** 纠纷结果 the latest dispute results of an organisation, newest first. */
export async function disputeResultsOf(db: DbOrTx, orgId: string, limit: number) {
  return db
    .select({ result: creditDisputes.result, level: creditDisputes.level, decidedAt: creditDisputes.decidedAt })
    .from(creditDisputes)
    .where(eq(creditDisputes.orgId, orgId))
    .orderBy(desc(creditDisputes.decidedAt))
    .limit(limit);
}

export async function ratingFacts(db: DbOrTx, orgIds: string[], until: Date) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      orgId: creditRatings.ratedOrgId,
      n: sql<number>`count(*)`.mapWith(Number),
      starsSum:
        sql<number>`coalesce(sum((${creditRatings.quality} + ${creditRatings.timeliness} + ${creditRatings.cooperation} + ${creditRatings.payment}) / 4.0), 0)`.mapWith(
          Number,
        ),
    })
    .from(creditRatings)
    .where(and(sql`${creditRatings.ratedOrgId} = any(${uuidArray(orgIds)})`, lte(creditRatings.createdAt, until)))
    .groupBy(creditRatings.ratedOrgId);
}

export async function taxDeclarations(db: DbOrTx, orgIds: string[], upToYear: number) {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(creditTaxDeclarations)
    .where(
      and(sql`${creditTaxDeclarations.orgId} = any(${uuidArray(orgIds)})`, lte(creditTaxDeclarations.year, upToYear)),
    );
}

export async function upsertTaxDeclaration(db: DbOrTx, row: typeof creditTaxDeclarations.$inferInsert) {
  await db
    .insert(creditTaxDeclarations)
    .values(row)
    .onConflictDoUpdate({
      target: [creditTaxDeclarations.orgId, creditTaxDeclarations.year],
      set: { paidOnTime: row.paidOnTime, declaredBy: row.declaredBy, declaredAt: new Date() },
    });
}

/**
 * Organisations the platform has anything on (the monthly batch's population). An organisation known only by an
 * outside grade keeps that grade until it trades here.
 */
export async function ratedPopulation(db: DbOrTx): Promise<string[]> {
  const rows = await db.execute<{ org_id: string }>(sql`
    select buyer_org_id as org_id from credit_contracts
    union select supplier_org_id from credit_contracts
    union select org_id from credit_transactions
    union select org_id from credit_disputes
    union select rated_org_id from credit_ratings
    union select org_id from credit_tax_declarations`);
  return (rows as unknown as { rows?: { org_id: string }[] }).rows
    ? (rows as unknown as { rows: { org_id: string }[] }).rows.map((r) => r.org_id)
    : (rows as unknown as { org_id: string }[]).map((r) => r.org_id);
}

// ── policy, monthly ratings, reviews ─────────────────────────────────────────

export async function latestPolicy(db: DbOrTx): Promise<PolicyRow | undefined> {
  const [row] = await db.select().from(creditPolicies).orderBy(desc(creditPolicies.version)).limit(1);
  return row;
}

export async function insertPolicy(db: DbOrTx, row: typeof creditPolicies.$inferInsert) {
  await db.insert(creditPolicies).values(row);
}

/** last month's grade of each organisation (the `credit.rated` event carries it as previousGrade) */
export async function monthOf(db: DbOrTx, orgIds: string[], month: string) {
  if (orgIds.length === 0) return [];
  return db
    .select({ orgId: creditMonthly.orgId, grade: creditMonthly.grade })
    .from(creditMonthly)
    .where(and(sql`${creditMonthly.orgId} = any(${uuidArray(orgIds)})`, eq(creditMonthly.month, month)));
}

/**
 * One statement per batch with each column as one array parameter, unnested: 2,000 rows as bound parameters
 * (18,000 of them) cost more in the driver than the insert costs in the database, and the same rows as one JSON
 * document through `json_to_recordset` cost the database 3–4 times what the arrays cost (bench/credit).
 */
export async function upsertMonth(db: DbOrTx, rows: (typeof creditMonthly.$inferInsert)[]) {
  if (rows.length === 0) return;
  const column = <T extends string | number | boolean>(pick: (r: (typeof rows)[number]) => T) =>
    arrayLiteral(rows.map(pick));
  await db.execute(sql`
    insert into credit_monthly (org_id, month, score, grade, policy_version, thin, dimensions, computed_at)
    select org_id, month, score, grade, policy_version, thin, dimensions::json, computed_at
    from unnest(
      ${uuidArray(rows.map((r) => r.orgId))}, ${column((r) => r.month)}::text[], ${column((r) => r.score)}::integer[],
      ${column((r) => r.grade)}::text[], ${column((r) => r.policyVersion)}::integer[], ${column((r) => r.thin)}::boolean[],
      ${jsonTexts(rows.map((r) => r.dimensions))},
      ${column((r) => (r.computedAt ?? new Date()).toISOString())}::timestamptz[]
    ) as r(org_id, month, score, grade, policy_version, thin, dimensions, computed_at)
    on conflict (org_id, month) do update set score = excluded.score, grade = excluded.grade,
      policy_version = excluded.policy_version, thin = excluded.thin, dimensions = excluded.dimensions,
      computed_at = excluded.computed_at`);
}

/** The latest computed month of each organisation. */
export async function latestMonths(db: DbOrTx, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectDistinctOn([creditMonthly.orgId])
    .from(creditMonthly)
    .where(inArray(creditMonthly.orgId, [...orgIds]))
    .orderBy(creditMonthly.orgId, desc(creditMonthly.month));
}

export async function historyOf(db: DbOrTx, orgId: string, limit = 24) {
  return db
    .select()
    .from(creditMonthly)
    .where(eq(creditMonthly.orgId, orgId))
    .orderBy(desc(creditMonthly.month))
    .limit(limit);
}

export async function insertOverride(db: DbOrTx, row: typeof creditOverrides.$inferInsert) {
  await db.insert(creditOverrides).values(row);
}

/** The latest review of each organisation still in force on `today` (YYYY-MM-DD). */
export async function overridesInForce(db: DbOrTx, orgIds: readonly string[], today: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectDistinctOn([creditOverrides.orgId])
    .from(creditOverrides)
    .where(and(inArray(creditOverrides.orgId, [...orgIds]), gte(creditOverrides.expiresOn, today)))
    .orderBy(creditOverrides.orgId, desc(creditOverrides.createdAt));
}

/** 工资月报 rows from `wages.month_recorded` (once per organisation, contract and month). */
export async function recordWageMonths(db: DbOrTx, rows: (typeof creditWageMonths.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(creditWageMonths).values(rows).onConflictDoNothing();
}

/** Per organisation, the contract-months with workers on site up to `month` (YYYY-MM), and those with wages paid. */
export async function wageMonthFacts(db: DbOrTx, orgIds: string[], month: string) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      orgId: creditWageMonths.orgId,
      n: sql<number>`count(*)`.mapWith(Number),
      paid: sql<number>`count(*) filter (where ${creditWageMonths.paid})`.mapWith(Number),
    })
    .from(creditWageMonths)
    .where(and(sql`${creditWageMonths.orgId} = any(${uuidArray(orgIds)})`, lte(creditWageMonths.month, month)))
    .groupBy(creditWageMonths.orgId);
}
