import { and, eq, gte, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../../infra/context';
import { demands } from './demands.tables';

/**
 * 看板事实 published demands since a date: who published where and when, for the government board's activity
 * figures (the board aggregates them and hides cells with too few firms; nothing here leaves the server as is).
 */
export async function publishedDemandFacts(ctx: AppContext, since: Date) {
  return ctx.db
    .select({ orgId: demands.orgId, regionCode: demands.regionCode, publishedAt: demands.publishedAt })
    .from(demands)
    .where(and(isNotNull(demands.publishedAt), gte(demands.publishedAt, since)));
}

/** An organisation's published (open) demands with their bills of materials, for its cost warnings. */
export async function openDemandItems(ctx: AppContext, orgId: string) {
  return ctx.db
    .select({ id: demands.id, title: demands.title, regionCode: demands.regionCode, items: demands.items })
    .from(demands)
    .where(and(eq(demands.orgId, orgId), eq(demands.status, 'published')));
}
