import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { financeApplications, financeProducts, financeRepayments } from './finance.tables';

export type ProductRow = typeof financeProducts.$inferSelect;
export type ApplicationRow = typeof financeApplications.$inferSelect;
export type RepaymentRow = typeof financeRepayments.$inferSelect;

const LIVE = ['submitted', 'disbursed', 'overdue'];

export async function insertProduct(db: DbOrTx, row: ProductRow): Promise<void> {
  await db.insert(financeProducts).values(row);
}

export async function findProduct(db: DbOrTx, id: string): Promise<ProductRow | undefined> {
  const [row] = await db.select().from(financeProducts).where(eq(financeProducts.id, id));
  return row;
}

export async function productsOfLender(db: DbOrTx, finOrgId: string): Promise<ProductRow[]> {
  return db
    .select()
    .from(financeProducts)
    .where(eq(financeProducts.finOrgId, finOrgId))
    .orderBy(desc(financeProducts.createdAt));
}

export async function activeProducts(db: DbOrTx): Promise<ProductRow[]> {
  return db
    .select()
    .from(financeProducts)
    .where(eq(financeProducts.active, true))
    .orderBy(asc(financeProducts.createdAt));
}

/** Inserts the application; false when another live one holds the asset (the partial unique index). */
export async function insertApplication(db: DbOrTx, row: typeof financeApplications.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(financeApplications)
    .values(row)
    .onConflictDoNothing({
      target: financeApplications.assetKey,
      where: sql`status in ('submitted', 'disbursed', 'overdue')`,
    })
    .returning({ id: financeApplications.id });
  return inserted.length === 1;
}

export async function findApplication(db: DbOrTx, id: string, lock = false): Promise<ApplicationRow | undefined> {
  const q = db.select().from(financeApplications).where(eq(financeApplications.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function applicationsOfLender(db: DbOrTx, finOrgId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(financeApplications)
    .where(eq(financeApplications.finOrgId, finOrgId))
    .orderBy(desc(financeApplications.submittedAt));
}

export async function applicationsOfApplicant(db: DbOrTx, orgId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(financeApplications)
    .where(eq(financeApplications.applicantOrgId, orgId))
    .orderBy(desc(financeApplications.submittedAt));
}

export async function liveAssetKeys(db: DbOrTx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: financeApplications.assetKey })
    .from(financeApplications)
    .where(and(inArray(financeApplications.assetKey, keys), inArray(financeApplications.status, LIVE)));
  return new Set(rows.map((r) => r.key));
}

/** The loans outstanding on a contract, locked, oldest first (the order releases repay them in). */
export async function outstandingLoansOnContract(db: DbOrTx, contractId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(financeApplications)
    .where(
      and(
        eq(financeApplications.contractId, contractId),
        inArray(financeApplications.status, ['disbursed', 'overdue']),
      ),
    )
    .orderBy(asc(financeApplications.disbursedAt), asc(financeApplications.id))
    .for('update');
}

/** Loans past their due date that have not been charged for `today` yet. */
export async function loansDueBefore(db: DbOrTx, today: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(financeApplications)
    .where(
      and(
        inArray(financeApplications.status, ['disbursed', 'overdue']),
        lt(financeApplications.dueDate, today),
        sql`(${financeApplications.penaltyThrough} is null or ${financeApplications.penaltyThrough} < ${today})`,
      ),
    )
    .orderBy(asc(financeApplications.dueDate));
}

export async function updateApplication(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof financeApplications.$inferInsert>,
): Promise<void> {
  await db.update(financeApplications).set(patch).where(eq(financeApplications.id, id));
}

/** Inserts the repayment; false when this release already repaid this loan (a redelivered event). */
export async function insertRepayment(db: DbOrTx, row: RepaymentRow): Promise<boolean> {
  const inserted = await db
    .insert(financeRepayments)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: financeRepayments.id });
  return inserted.length === 1;
}

export async function repaymentsOf(db: DbOrTx, applicationIds: string[]): Promise<RepaymentRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(financeRepayments)
    .where(inArray(financeRepayments.applicationId, applicationIds))
    .orderBy(asc(financeRepayments.at));
}

/** Applications submitted since `since`, oldest first: the promises board's decision clock. */
export async function applicationsSince(db: DbOrTx, since: Date) {
  return db
    .select({
      id: financeApplications.id,
      submittedAt: financeApplications.submittedAt,
      decisionDueAt: financeApplications.decisionDueAt,
      decidedAt: financeApplications.decidedAt,
    })
    .from(financeApplications)
    .where(sql`${financeApplications.submittedAt} >= ${since}`)
    .orderBy(asc(financeApplications.submittedAt));
}
