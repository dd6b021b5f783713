import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import * as repo from './analytics.repository';

export type { ProductEventRow } from './analytics.repository';

export interface ProductEventInput {
  /** `<object>.<past-tense verb>`, e.g. `user.registered`, `organisation.created`, `demand.published` */
  name: string;
  userId?: string | null;
  orgId?: string | null;
  properties?: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * Records a business event for growth analytics (funnels, cohorts, lifecycle stages). Pass `tx` to record it
 * in the same transaction as the change it describes.
 */
export async function recordProductEvent(
  ctx: Pick<AppContext, 'db'>,
  event: ProductEventInput,
  tx?: DbOrTx,
): Promise<void> {
  await repo.insertProductEvent(tx ?? ctx.db, {
    id: newId(),
    name: event.name,
    userId: event.userId ?? null,
    orgId: event.orgId ?? null,
    properties: event.properties ?? {},
    occurredAt: event.occurredAt ?? new Date(),
  });
}

export async function listProductEvents(ctx: AppContext, options: { name?: string; limit: number }) {
  return repo.listProductEvents(ctx.db, options);
}

/**
 * Events of one name after `since` and up to `until`, oldest first: a reader (e.g. automation's triggers) keeps its
 * own cursor.
 */
export async function productEventsSince(
  ctx: Pick<AppContext, 'db'>,
  name: string,
  since: Date,
  until: Date,
  limit = 500,
) {
  return repo.eventsSince(ctx.db, name, since, until, limit);
}

/** 最近活跃 each user's or organisation's latest product event. */
export async function lastActivity(ctx: Pick<AppContext, 'db'>, by: 'user' | 'org', ids: string[]) {
  return repo.lastActivity(ctx.db, by, [...new Set(ids)]);
}

/** 沉默组织 organisations whose latest product event is before `before` (a lifecycle proxy). */
export async function silentOrganisations(ctx: Pick<AppContext, 'db'>, before: Date, limit = 1000) {
  return repo.silentOrganisations(ctx.db, before, limit);
}
