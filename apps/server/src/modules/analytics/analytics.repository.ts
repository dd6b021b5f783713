import { and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, max } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { productEvents } from './analytics.tables';

export type ProductEventRow = typeof productEvents.$inferSelect;

export async function insertProductEvent(db: DbOrTx, row: typeof productEvents.$inferInsert): Promise<void> {
  await db.insert(productEvents).values(row);
}

export async function listProductEvents(
  db: DbOrTx,
  options: { name?: string; limit: number },
): Promise<ProductEventRow[]> {
  const query = db.select().from(productEvents);
  const filtered = options.name ? query.where(eq(productEvents.name, options.name)) : query;
  return filtered.orderBy(desc(productEvents.occurredAt), desc(productEvents.id)).limit(options.limit);
}

/** The events of one name in (since, until], oldest first (a reader's cursor moves through them). */
export async function eventsSince(
  db: DbOrTx,
  name: string,
  since: Date,
  until: Date,
  limit: number,
): Promise<ProductEventRow[]> {
  return db
    .select()
    .from(productEvents)
    .where(and(eq(productEvents.name, name), gt(productEvents.occurredAt, since), lte(productEvents.occurredAt, until)))
    .orderBy(asc(productEvents.occurredAt), asc(productEvents.id))
    .limit(limit);
}

/** Each subject's latest event (by user or by organisation); subjects without any are absent. */
export async function lastActivity(db: DbOrTx, by: 'user' | 'org', ids: string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const column = by === 'user' ? productEvents.userId : productEvents.orgId;
  const rows = await db
    .select({ id: column, at: max(productEvents.occurredAt) })
    .from(productEvents)
    .where(inArray(column, ids))
    .groupBy(column);
  return new Map(rows.flatMap((r) => (r.id && r.at ? [[r.id, r.at] as const] : [])));
}

/** 沉默组织 organisations that had events, none of them after `before`. */
export async function silentOrganisations(db: DbOrTx, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ orgId: productEvents.orgId })
    .from(productEvents)
    .where(isNotNull(productEvents.orgId))
    .groupBy(productEvents.orgId)
    .having(lt(max(productEvents.occurredAt), before))
    .limit(limit);
  return rows.flatMap((r) => (r.orgId ? [r.orgId] : []));
}
