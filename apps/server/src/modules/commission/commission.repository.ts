import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { commissionPolicyVersions } from './commission.tables';

export type PolicyVersionRow = typeof commissionPolicyVersions.$inferSelect;

/** For each policy, its latest version recorded at or before `asOf`. */
export async function versionsAsOf(db: DbOrTx, asOf: Date): Promise<PolicyVersionRow[]> {
  const rows = await db
    .select()
    .from(commissionPolicyVersions)
    .where(lte(commissionPolicyVersions.recordedAt, asOf))
    .orderBy(desc(commissionPolicyVersions.version));
  const latest = new Map<string, PolicyVersionRow>();
  for (const row of rows) if (!latest.has(row.policyId)) latest.set(row.policyId, row);
  return [...latest.values()];
}

export async function versionsOf(db: DbOrTx, policyId: string): Promise<PolicyVersionRow[]> {
  return db
    .select()
    .from(commissionPolicyVersions)
    .where(eq(commissionPolicyVersions.policyId, policyId))
    .orderBy(desc(commissionPolicyVersions.version));
}

export async function nextVersion(db: DbOrTx, policyId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${commissionPolicyVersions.version}), 0)` })
    .from(commissionPolicyVersions)
    .where(eq(commissionPolicyVersions.policyId, policyId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertVersion(db: DbOrTx, row: typeof commissionPolicyVersions.$inferInsert): Promise<void> {
  await db.insert(commissionPolicyVersions).values(row);
}

export async function policyExists(db: DbOrTx, policyId: string, kind: string): Promise<boolean> {
  const [row] = await db
    .select({ id: commissionPolicyVersions.policyId })
    .from(commissionPolicyVersions)
    .where(and(eq(commissionPolicyVersions.policyId, policyId), eq(commissionPolicyVersions.kind, kind)))
    .limit(1);
  return Boolean(row);
}
