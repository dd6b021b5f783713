import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { DomainEvents } from '../../infra/events';
import { newId } from '../../infra/ids';
import { analyticsErrors } from './analytics.errors';
import * as repo from './analytics.repository';

export type { ProductEventRow } from './analytics.repository';

export interface ProductEventInput {
  /** `<object>.<past-tense verb>`, e.g. `user.registered`, `organisation.created`, `demand.published` */
  name: string;
  userId?: string | null;
  orgId?: string | null;
  anonymousId?: string | null;
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
    anonymousId: event.anonymousId ?? null,
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

export async function addChannelCost(
  ctx: AppContext,
  actorId: string,
  input: { channel: string; periodStart: string; periodEnd: string; amountFen: number; note?: string },
) {
  if (input.periodEnd < input.periodStart) throw analyticsErrors.raise('ANALYTICS_RANGE_INVALID');
  const row = await repo.insertChannelCost(ctx.db, {
    id: newId(),
    channel: input.channel.trim().toLowerCase(),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    amountFen: input.amountFen,
    note: input.note ?? null,
    createdBy: actorId,
    createdAt: ctx.clock.now(),
  });
  return presentCost(row);
}

function presentCost(row: repo.ChannelCostRow) {
  return {
    id: row.id,
    channel: row.channel,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    amountFen: row.amountFen,
    note: row.note,
  };
}

export async function listChannelCosts(ctx: AppContext, range: { from: string; to: string }) {
  return { items: (await repo.listChannelCosts(ctx.db, range)).map(presentCost) };
}

/** Both parties of a signed contract get a platform transaction (`deal.closed`) for RFM, LTV and lifecycle. */
export async function recordDeal(
  ctx: Pick<AppContext, 'db'>,
  signed: DomainEvents['contract.signed'],
  tx: DbOrTx,
): Promise<void> {
  for (const [role, party] of [
    ['buyer', signed.buyer],
    ['supplier', signed.supplier],
  ] as const) {
    await recordProductEvent(
      ctx,
      {
        name: 'deal.closed',
        orgId: party.orgId,
        properties: {
          role,
          contractId: signed.contractId,
          amountFen: signed.amountFen ?? 0,
          regionCode: signed.regionCode,
        },
      },
      tx,
    );
  }
}

/** Records many events in one insert (demo history, imports). */
export async function recordProductEvents(ctx: Pick<AppContext, 'db'>, events: ProductEventInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500)
    await repo.insertProductEvents(
      ctx.db,
      events.slice(i, i + 500).map((event) => ({
        id: newId(),
        name: event.name,
        userId: event.userId ?? null,
        orgId: event.orgId ?? null,
        anonymousId: event.anonymousId ?? null,
        properties: event.properties ?? {},
        occurredAt: event.occurredAt ?? new Date(),
      })),
    );
}

export async function linkVisitor(ctx: Pick<AppContext, 'db'>, anonymousId: string, userId: string, at: Date) {
  await repo.linkIdentity(ctx.db, anonymousId, userId, at);
}

/**
 * 行为 what people did in [from, to): each product event's count with its distinct users and organisations, most
 * frequent first, and the active users and organisations over all events (the monthly experience report reads it).
 */
export async function behaviourBetween(ctx: Pick<AppContext, 'db'>, from: Date, to: Date) {
  const [events, active] = await Promise.all([
    repo.totalsBetween(ctx.db, from, to),
    repo.activeBetween(ctx.db, from, to),
  ]);
  return { events: events.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)), active };
}

/**
 * 投诉 a dispute filed against an organisation counts as a complaint it received (the merchant alerts' complaint
 * rate), recorded at the filing's time.
 */
export async function recordComplaint(
  ctx: Pick<AppContext, 'db'>,
  filed: DomainEvents['dispute.filed'],
  tx: DbOrTx,
): Promise<void> {
  await recordProductEvent(
    ctx,
    {
      name: 'complaint.received',
      orgId: filed.respondentOrgId,
      properties: { disputeId: filed.disputeId, contractId: filed.contractId, type: filed.type },
      occurredAt: new Date(filed.filedAt),
    },
    tx,
  );
}
