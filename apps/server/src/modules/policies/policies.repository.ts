import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { policies, policyNotices, policySubscriptions, policyVersions } from './policies.tables';

export type PolicyRow = typeof policies.$inferSelect;
export type VersionRow = typeof policyVersions.$inferSelect;
export type SubscriptionRow = typeof policySubscriptions.$inferSelect;

export async function insertPolicy(db: DbOrTx, row: PolicyRow): Promise<void> {
  await db.insert(policies).values(row);
}

export async function findPolicy(db: DbOrTx, id: string, lock = false): Promise<PolicyRow | undefined> {
  const query = db.select().from(policies).where(eq(policies.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Moves the policy on from `revision`; false when someone saved in between (the optimistic check). */
export async function updatePolicyAt(
  db: DbOrTx,
  id: string,
  revision: number,
  patch: Partial<PolicyRow>,
): Promise<boolean> {
  const rows = await db
    .update(policies)
    .set({ ...patch, revision: revision + 1 })
    .where(and(eq(policies.id, id), eq(policies.revision, revision)))
    .returning({ id: policies.id });
  return rows.length === 1;
}

export async function insertVersion(db: DbOrTx, row: VersionRow): Promise<void> {
  await db.insert(policyVersions).values(row);
}

export async function findVersion(db: DbOrTx, policyId: string, versionNo: number): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.versionNo, versionNo)))
    .limit(1);
  return row;
}

export async function versionsOf(db: DbOrTx, policyId: string) {
  return db
    .select({
      versionNo: policyVersions.versionNo,
      changeNote: policyVersions.changeNote,
      editedBy: policyVersions.editedBy,
      editedAt: policyVersions.editedAt,
    })
    .from(policyVersions)
    .where(eq(policyVersions.policyId, policyId))
    .orderBy(desc(policyVersions.versionNo));
}

export async function listForStaff(db: DbOrTx, limit = 500): Promise<PolicyRow[]> {
  return db.select().from(policies).orderBy(desc(policies.updatedAt)).limit(limit);
}

export interface PolicyFilter {
  statuses: readonly string[];
  /** the tsquery literal every word must match, or null */
  tsquery: string | null;
  /** the same words as title words, for ranking (title matches first) */
  titleQuery: string | null;
  fuzzy: readonly { text: string; tsquery: string | null }[];
  /** regions the policy may name: the chosen region's ancestors, or `national` only */
  regionCodes: readonly string[] | null;
  /** the chosen region's prefix: policies of the region and everything inside it */
  regionPrefix: string | null;
  includeNational: boolean;
  category: string | null;
  issuer: string | null;
  from: string | null;
  to: string | null;
}

/** word_similarity threshold for a chunk the dictionary does not know (a typo, a fragment): as in search. */
const FUZZY_THRESHOLD = 0.45;

function where(f: PolicyFilter): SQL {
  const parts: SQL[] = [inArray(policies.status, [...f.statuses])];
  if (f.tsquery) parts.push(sql`${policies.tokens} @@ ${f.tsquery}::tsquery`);
  for (const part of f.fuzzy)
    parts.push(
      part.tsquery
        ? sql`(${policies.tokens} @@ ${part.tsquery}::tsquery or word_similarity(${part.text}, ${policies.trgmText}) >= ${FUZZY_THRESHOLD})`
        : sql`word_similarity(${part.text}, ${policies.trgmText}) >= ${FUZZY_THRESHOLD}`,
    );
  if (f.regionPrefix !== null || f.regionCodes !== null || f.includeNational) {
    const region: SQL[] = [];
    if (f.includeNational) region.push(sql`${policies.regionCode} is null`);
    if (f.regionCodes && f.regionCodes.length > 0) region.push(inArray(policies.regionCode, [...f.regionCodes]));
    if (f.regionPrefix) region.push(sql`${policies.regionCode} like ${`${f.regionPrefix}%`}`);
    parts.push(sql`(${sql.join(region, sql` or `)})`);
  }
  if (f.category) parts.push(eq(policies.category, f.category));
  if (f.issuer) parts.push(sql`${policies.issuer} ilike ${`%${f.issuer.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`);
  if (f.from) parts.push(sql`${policies.issueDate} >= ${f.from}`);
  if (f.to) parts.push(sql`${policies.issueDate} <= ${f.to}`);
  return and(...parts) as SQL;
}

/** One page of matches (title matches first, then newest issue date) and the exact number of matches. */
export async function searchPolicies(
  db: DbOrTx,
  f: PolicyFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: PolicyRow[]; total: number }> {
  const condition = where(f);
  const order: SQL[] = [desc(policies.issueDate), desc(policies.id)];
  if (f.titleQuery) order.unshift(sql`case when ${policies.tokens} @@ ${f.titleQuery}::tsquery then 0 else 1 end`);
  const rows = await db
    .select()
    .from(policies)
    .where(condition)
    .orderBy(...order)
    .offset(page.offset)
    .limit(page.limit);
  const [count] = await db.select({ n: sql<number>`count(*)` }).from(policies).where(condition);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function insertSubscription(db: DbOrTx, row: SubscriptionRow): Promise<void> {
  await db.insert(policySubscriptions).values(row);
}

export async function subscriptionsOf(db: DbOrTx, userId: string): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(policySubscriptions)
    .where(eq(policySubscriptions.userId, userId))
    .orderBy(desc(policySubscriptions.createdAt));
}

export async function deleteSubscription(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(policySubscriptions)
    .where(and(eq(policySubscriptions.id, id), eq(policySubscriptions.userId, userId)))
    .returning({ id: policySubscriptions.id });
  return rows.length === 1;
}

/**
 * Subscriptions that may match a policy of this region and category: the region test (the subscription's region
 * contains the policy's, or the policy is nationwide) and the keyword are checked by the service. Only
 * subscriptions that existed when the policy was published: a later one is not told about earlier policies.
 */
export async function candidateSubscriptions(
  db: DbOrTx,
  category: string,
  publishedAt: Date,
): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(policySubscriptions)
    .where(
      sql`(${policySubscriptions.category} is null or ${policySubscriptions.category} = ${category})
        and ${policySubscriptions.createdAt} <= ${publishedAt}`,
    );
}

/** Records that the user was told about the policy; false when they already were. */
export async function claimNotice(db: DbOrTx, policyId: string, userId: string, at: Date): Promise<boolean> {
  const rows = await db
    .insert(policyNotices)
    .values({ policyId, userId, notifiedAt: at })
    .onConflictDoNothing()
    .returning({ userId: policyNotices.userId });
  return rows.length === 1;
}
