import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { insuranceClaims, insurancePolicies, insuranceProducts } from './insurance.tables';

export type ProductRow = typeof insuranceProducts.$inferSelect;
export type PolicyRow = typeof insurancePolicies.$inferSelect;
export type ClaimRow = typeof insuranceClaims.$inferSelect;

export async function insertProduct(db: DbOrTx, row: ProductRow): Promise<void> {
  await db.insert(insuranceProducts).values(row);
}

export async function findProduct(db: DbOrTx, id: string): Promise<ProductRow | undefined> {
  const [row] = await db.select().from(insuranceProducts).where(eq(insuranceProducts.id, id));
  return row;
}

export async function productsOfInsurer(db: DbOrTx, insurerOrgId: string): Promise<ProductRow[]> {
  return db
    .select()
    .from(insuranceProducts)
    .where(eq(insuranceProducts.insurerOrgId, insurerOrgId))
    .orderBy(desc(insuranceProducts.createdAt));
}

export async function activeProducts(db: DbOrTx): Promise<ProductRow[]> {
  return db
    .select()
    .from(insuranceProducts)
    .where(eq(insuranceProducts.active, true))
    .orderBy(asc(insuranceProducts.createdAt));
}

export async function setProductActive(db: DbOrTx, id: string, active: boolean): Promise<void> {
  await db.update(insuranceProducts).set({ active }).where(eq(insuranceProducts.id, id));
}

/** Inserts the policy; false when the contract already has one in force (the partial unique index). */
export async function insertPolicy(db: DbOrTx, row: PolicyRow): Promise<boolean> {
  const inserted = await db
    .insert(insurancePolicies)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: insurancePolicies.id });
  return inserted.length === 1;
}

export async function findPolicy(db: DbOrTx, id: string, lock = false): Promise<PolicyRow | undefined> {
  const q = db.select().from(insurancePolicies).where(eq(insurancePolicies.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function latestPolicyOfContract(db: DbOrTx, contractId: string): Promise<PolicyRow | undefined> {
  const [row] = await db
    .select()
    .from(insurancePolicies)
    .where(eq(insurancePolicies.contractId, contractId))
    .orderBy(desc(insurancePolicies.issuedAt))
    .limit(1);
  return row;
}

/** The policies the organisation holds, benefits from or insures. */
export async function policiesOfOrg(db: DbOrTx, orgId: string): Promise<PolicyRow[]> {
  return db
    .select()
    .from(insurancePolicies)
    .where(
      or(
        eq(insurancePolicies.holderOrgId, orgId),
        eq(insurancePolicies.beneficiaryOrgId, orgId),
        eq(insurancePolicies.insurerOrgId, orgId),
      ),
    )
    .orderBy(desc(insurancePolicies.issuedAt));
}

export async function updatePolicy(db: DbOrTx, id: string, patch: Partial<PolicyRow>): Promise<void> {
  await db.update(insurancePolicies).set(patch).where(eq(insurancePolicies.id, id));
}

/** Inserts the claim; false when the policy already has an open one (the partial unique index). */
export async function insertClaim(db: DbOrTx, row: typeof insuranceClaims.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(insuranceClaims)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: insuranceClaims.id });
  return inserted.length === 1;
}

export async function findClaim(db: DbOrTx, id: string, lock = false): Promise<ClaimRow | undefined> {
  const q = db.select().from(insuranceClaims).where(eq(insuranceClaims.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function claimsOf(db: DbOrTx, policyIds: string[]): Promise<ClaimRow[]> {
  if (policyIds.length === 0) return [];
  return db
    .select()
    .from(insuranceClaims)
    .where(inArray(insuranceClaims.policyId, policyIds))
    .orderBy(asc(insuranceClaims.filedAt));
}

export async function updateClaim(db: DbOrTx, id: string, patch: Partial<ClaimRow>): Promise<void> {
  await db.update(insuranceClaims).set(patch).where(eq(insuranceClaims.id, id));
}
