import { and, count, gte, inArray, lt, sql } from 'drizzle-orm';
import { type DbOrTx, uuidArray } from '../../infra/db/client';
import { productEvents } from './analytics.tables';

/** Counts of the named events per actor (user or organisation) in [from, to), for the given actors only. */
export async function countEventsByActor(
  db: DbOrTx,
  query: { names: readonly string[]; from: Date; to: Date; unit: 'user' | 'org'; actorIds: readonly string[] },
): Promise<{ actorId: string | null; name: string; count: number }[]> {
  const actor = query.unit === 'user' ? productEvents.userId : productEvents.orgId;
  const rows = await db
    .select({ actorId: actor, name: productEvents.name, count: count() })
    .from(productEvents)
    .where(
      and(
        inArray(productEvents.name, [...query.names]),
        gte(productEvents.occurredAt, query.from),
        lt(productEvents.occurredAt, query.to),
        sql`${actor} = any(${uuidArray(query.actorIds)})`,
      ),
    )
    .groupBy(actor, productEvents.name);
  return rows.map((r) => ({ actorId: r.actorId, name: r.name, count: Number(r.count) }));
}
