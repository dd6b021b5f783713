import type { AppContext } from '../../infra/context';
import { countEventsByActor } from './analytics.metrics.repository';

export interface EventCountsQuery {
  /** product event names, e.g. `demand.published` */
  names: readonly string[];
  /** [from, to): the window the events occurred in */
  from: Date;
  to: Date;
  /** whose events: the user's (`user_id`) or the organisation's (`org_id`) */
  unit: 'user' | 'org';
  /** only these actors (one `uuid[]` parameter, so thousands of units cost one bind) */
  actorIds: readonly string[];
}

export interface EventCount {
  actorId: string;
  name: string;
  count: number;
}

/**
 * How many of each named product event each actor had in a window: the per-unit metric experiments (GROW-4) and
 * other growth reports read. Actors without events are absent (their count is 0).
 */
export async function eventCountsByActor(ctx: Pick<AppContext, 'db'>, query: EventCountsQuery): Promise<EventCount[]> {
  if (query.names.length === 0 || query.actorIds.length === 0) return [];
  const rows = await countEventsByActor(ctx.db, query);
  return rows.flatMap((r) => (r.actorId ? [{ actorId: r.actorId, name: r.name, count: r.count }] : []));
}
