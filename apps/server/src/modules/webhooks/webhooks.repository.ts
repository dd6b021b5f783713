import { and, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { webhookDeliveries, webhookEndpoints } from './webhooks.tables';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type DeliveryWithUrl = DeliveryRow & { endpointUrl: string; organisationId: string };

export async function insertEndpoint(db: DbOrTx, row: EndpointRow): Promise<void> {
  await db.insert(webhookEndpoints).values(row);
}

export async function findEndpoint(db: DbOrTx, orgId: string, id: string): Promise<EndpointRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, orgId)))
    .limit(1);
  return row;
}

export async function endpointsById(db: DbOrTx, ids: string[]): Promise<EndpointRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, ids));
}

export async function endpointsOf(db: DbOrTx, orgId: string): Promise<EndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organisationId, orgId))
    .orderBy(desc(webhookEndpoints.createdAt));
}

export async function countEndpoints(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organisationId, orgId));
  return row?.n ?? 0;
}

export async function updateEndpoint(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<EndpointRow>,
): Promise<EndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set(patch)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, orgId)))
    .returning();
  return row;
}

/** Deletes the endpoint and (by the foreign key's cascade) its delivery log. */
export async function deleteEndpoint(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, orgId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length === 1;
}

/** Deliveries per endpoint and status since `since`. */
export async function statusCounts(db: DbOrTx, endpointIds: string[], since: Date) {
  if (endpointIds.length === 0) return [];
  return db
    .select({ endpointId: webhookDeliveries.endpointId, status: webhookDeliveries.status, n: count() })
    .from(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.endpointId, endpointIds), gte(webhookDeliveries.createdAt, since)))
    .groupBy(webhookDeliveries.endpointId, webhookDeliveries.status);
}

/** The enabled endpoints of these organisations that subscribe to the event type and existed when it happened. */
export async function subscribedEndpoints(
  db: DbOrTx,
  orgIds: string[],
  eventType: string,
  occurredAt: Date,
): Promise<EndpointRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        inArray(webhookEndpoints.organisationId, orgIds),
        eq(webhookEndpoints.enabled, true),
        sql`${eventType} = any(${webhookEndpoints.eventTypes})`,
        lte(webhookEndpoints.createdAt, occurredAt),
      ),
    );
}

/** Inserts deliveries; one already there for the same endpoint and event is skipped. Returns those inserted. */
export async function insertDeliveries(db: DbOrTx, rows: DeliveryRow[]): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  return db.insert(webhookDeliveries).values(rows).onConflictDoNothing().returning();
}

const withUrl = {
  delivery: webhookDeliveries,
  endpointUrl: webhookEndpoints.url,
  organisationId: webhookEndpoints.organisationId,
};

function flatten(r: { delivery: DeliveryRow; endpointUrl: string; organisationId: string }): DeliveryWithUrl {
  return { ...r.delivery, endpointUrl: r.endpointUrl, organisationId: r.organisationId };
}

export async function findDelivery(db: DbOrTx, id: string): Promise<DeliveryWithUrl | undefined> {
  const [row] = await db
    .select(withUrl)
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id))
    .limit(1);
  return row ? flatten(row) : undefined;
}

/** A page of an organisation's deliveries, newest first: of one endpoint, or only the dead ones of all. */
export async function deliveryPage(
  db: DbOrTx,
  filter: { orgId: string; endpointId?: string; status?: string },
  page: number,
  pageSize: number,
): Promise<{ items: DeliveryWithUrl[]; total: number }> {
  const where = and(
    eq(webhookEndpoints.organisationId, filter.orgId),
    filter.endpointId ? eq(webhookDeliveries.endpointId, filter.endpointId) : undefined,
    filter.status ? eq(webhookDeliveries.status, filter.status) : undefined,
  );
  const rows = await db
    .select(withUrl)
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(where);
  return { items: rows.map(flatten), total: total?.n ?? 0 };
}

/**
 * Claims attempt number `attempt` of a delivery: only when the previous attempt was the last one counted and the
 * delivery still waits (pending or failed). Two jobs for the same attempt (a retry and a manual redelivery) cannot
 * both send.
 */
export async function claimAttempt(db: DbOrTx, id: string, attempt: number): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ attempts: attempt })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.attempts, attempt - 1),
        inArray(webhookDeliveries.status, ['pending', 'failed']),
      ),
    )
    .returning();
  return row;
}

export async function updateDelivery(db: DbOrTx, id: string, patch: Partial<DeliveryRow>): Promise<void> {
  await db.update(webhookDeliveries).set(patch).where(eq(webhookDeliveries.id, id));
}

/** A failed or dead delivery becomes pending again (manual redelivery); undefined when it is neither. */
export async function reopenDelivery(db: DbOrTx, id: string, now: Date): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: now })
    .where(and(eq(webhookDeliveries.id, id), inArray(webhookDeliveries.status, ['failed', 'dead'])))
    .returning();
  return row;
}
