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
