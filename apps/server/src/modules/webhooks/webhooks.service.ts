import type {
  CreateWebhookEndpointBody,
  UpdateWebhookEndpointBody,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
} from '@zhuhe/contracts';
import {
  CreateWebhookEndpointBody as CreateSchema,
  WebhookDeliveryQuery as QuerySchema,
  UpdateWebhookEndpointBody as UpdateSchema,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { decryptField, encryptField, randomToken } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import { DomainError } from '../../infra/errors';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { type CheckedTarget, checkWebhookTarget, type LookupAll } from './webhooks.address';
import { webhookErrors } from './webhooks.errors';
import { presentDelivery, presentEndpoint } from './webhooks.presenter';
import * as repo from './webhooks.repository';
import { sendWebhook, type WebhookSender } from './webhooks.sender';
import { SIGNATURE_HEADER, signWebhook } from './webhooks.signature';

/** The job that makes one attempt of one delivery; payload `{ deliveryId, attempt }`. */
export const DELIVER_JOB = 'webhooks.deliver';
/** A delivery that has failed for this long since it was created is given up (dead). */
export const RETRY_WINDOW_MS = 3 * 24 * 3_600_000;
export const ENDPOINT_LIMIT = 10;
const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 6 * 3_600_000;

/**
 * Wait before the next attempt after `attempt` attempts failed: 1 min, 2, 4, … doubling up to 6 h. Over the three
 * days of the retry window that is about twenty attempts (ADR 0108).
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
}

/** What the module may be given instead of the real network: a resolver and a sender (tests). */
export interface WebhookDeps {
  lookup?: LookupAll;
  send?: WebhookSender;
}

/** One business event for the organisations entitled to it, in the public shape receivers get as `data`. */
export interface WebhookEvent {
  id: string;
  type: string;
  occurredAt: string;
  recipients: string[];
  data: Record<string, unknown>;
}

function newSecret(): string {
  return `whsec_${randomToken(24)}`;
}

function target(ctx: AppContext, deps: WebhookDeps, url: string): Promise<CheckedTarget> {
  return checkWebhookTarget(url, { allowPrivateTargets: ctx.config.webhooks.allowPrivateTargets, lookup: deps.lookup });
}

async function ownEndpoint(ctx: AppContext, orgId: string, endpointId: string) {
  const row = await repo.findEndpoint(ctx.db, orgId, endpointId);
  if (!row) throw webhookErrors.raise('WEBHOOK_ENDPOINT_NOT_FOUND');
  return row;
}

async function present(ctx: AppContext, rows: repo.EndpointRow[]): Promise<WebhookEndpoint[]> {
  const since = new Date(Date.now() - 7 * 24 * 3_600_000);
  const counts = await repo.statusCounts(
    ctx.db,
    rows.map((r) => r.id),
    since,
  );
  return rows.map((row) => {
    const recent = { delivered: 0, failed: 0, dead: 0 };
    for (const c of counts)
      if (c.endpointId === row.id && (c.status === 'delivered' || c.status === 'failed' || c.status === 'dead'))
        recent[c.status] = c.n;
    return presentEndpoint(row, recent);
  });
}

export async function listEndpoints(ctx: AppContext, orgId: string): Promise<WebhookEndpointList> {
  return { items: await present(ctx, await repo.endpointsOf(ctx.db, orgId)) };
}

/** 新建端点: the URL passes the SSRF check; the secret is returned this once and stored encrypted. */
export async function createEndpoint(
  ctx: AppContext,
  deps: WebhookDeps,
  actor: Actor,
  orgId: string,
  input: CreateWebhookEndpointBody,
): Promise<WebhookEndpointWithSecret> {
  const body = CreateSchema.parse(input);
  await target(ctx, deps, body.url);
  if ((await repo.countEndpoints(ctx.db, orgId)) >= ENDPOINT_LIMIT)
    throw webhookErrors.raise('WEBHOOK_ENDPOINT_LIMIT', { max: ENDPOINT_LIMIT });
  const secret = newSecret();
  const row: repo.EndpointRow = {
    id: newId(),
    organisationId: orgId,
    url: body.url,
    description: body.description,
    eventTypes: [...new Set(body.eventTypes)],
    secretEncrypted: encryptField(ctx.config.fieldKeys, secret),
    secretPrefix: secret.slice(0, 10),
    enabled: true,
    createdBy: actor.userId,
    createdAt: new Date(),
    disabledAt: null,
  };
  await repo.insertEndpoint(ctx.db, row);
  const [endpoint] = await present(ctx, [row]);
  return { endpoint: endpoint as WebhookEndpoint, secret };
}

export async function updateEndpoint(
  ctx: AppContext,
  deps: WebhookDeps,
  orgId: string,
  endpointId: string,
  input: UpdateWebhookEndpointBody,
): Promise<WebhookEndpoint> {
  const body = UpdateSchema.parse(input);
  const current = await ownEndpoint(ctx, orgId, endpointId);
  if (body.url !== undefined) await target(ctx, deps, body.url);
  const patch: Partial<repo.EndpointRow> = {};
  if (body.url !== undefined) patch.url = body.url;
  if (body.description !== undefined) patch.description = body.description;
  if (body.eventTypes !== undefined) patch.eventTypes = [...new Set(body.eventTypes)];
  if (body.enabled !== undefined && body.enabled !== current.enabled) {
    patch.enabled = body.enabled;
    patch.disabledAt = body.enabled ? null : new Date();
  }
  const row = await repo.updateEndpoint(ctx.db, orgId, endpointId, patch);
  if (!row) throw webhookErrors.raise('WEBHOOK_ENDPOINT_NOT_FOUND');
  const [endpoint] = await present(ctx, [row]);
  return endpoint as WebhookEndpoint;
}

export async function deleteEndpoint(ctx: AppContext, orgId: string, endpointId: string): Promise<void> {
  if (!(await repo.deleteEndpoint(ctx.db, orgId, endpointId))) throw webhookErrors.raise('WEBHOOK_ENDPOINT_NOT_FOUND');
}

/** 更换密钥: a new secret at once (the old one stops signing); shown this once. */
export async function rollSecret(
  ctx: AppContext,
  orgId: string,
  endpointId: string,
): Promise<WebhookEndpointWithSecret> {
  await ownEndpoint(ctx, orgId, endpointId);
  const secret = newSecret();
  const row = await repo.updateEndpoint(ctx.db, orgId, endpointId, {
    secretEncrypted: encryptField(ctx.config.fieldKeys, secret),
    secretPrefix: secret.slice(0, 10),
  });
  if (!row) throw webhookErrors.raise('WEBHOOK_ENDPOINT_NOT_FOUND');
  const [endpoint] = await present(ctx, [row]);
  return { endpoint: endpoint as WebhookEndpoint, secret };
}

function envelope(event: Omit<WebhookEvent, 'recipients'>, organisationId: string): Record<string, unknown> {
  return { id: event.id, type: event.type, createdAt: event.occurredAt, organisationId, data: event.data };
}

/** Writes the deliveries and queues their first attempts, in the caller's transaction. */
async function queueDeliveries(
  ctx: AppContext,
  tx: DbOrTx,
  event: Omit<WebhookEvent, 'recipients'>,
  endpoints: repo.EndpointRow[],
): Promise<repo.DeliveryRow[]> {
  const now = new Date();
  const inserted = await repo.insertDeliveries(
    tx,
    endpoints.map((e) => ({
      id: newId(),
      endpointId: e.id,
      eventId: event.id,
      eventType: event.type,
      payload: envelope(event, e.organisationId),
      status: 'pending',
      attempts: 0,
      lastResponseStatus: null,
      lastError: null,
      nextAttemptAt: now,
      deliveredAt: null,
      createdAt: now,
    })),
  );
  await ctx.jobs.enqueueMany(
    inserted.map((d) => ({
      name: DELIVER_JOB,
      payload: { deliveryId: d.id, attempt: 1 },
      options: { maxAttempts: 3 },
    })),
    tx,
  );
  return inserted;
}

/**
 * Fan-out of one business event (after its transaction committed): one delivery per enabled endpoint of the
 * entitled organisations that subscribes to the type and existed when the event happened (an endpoint added while
 * the fan-out waited in the queue gets no history). A retried fan-out adds nothing (one delivery per endpoint and
 * event).
 */
export async function fanOut(ctx: AppContext, event: WebhookEvent): Promise<number> {
  const endpoints = await repo.subscribedEndpoints(
    ctx.db,
    [...new Set(event.recipients)],
    event.type,
    new Date(event.occurredAt),
  );
  if (endpoints.length === 0) return 0;
  const inserted = await ctx.db.transaction((tx) => queueDeliveries(ctx, tx, event, endpoints));
  return inserted.length;
}

/** 发送测试事件: a `ping` to one endpoint, through the same queue, signature and log as every event. */
export async function sendTestEvent(ctx: AppContext, orgId: string, endpointId: string): Promise<WebhookDelivery> {
  const endpoint = await ownEndpoint(ctx, orgId, endpointId);
  if (!endpoint.enabled) throw webhookErrors.raise('WEBHOOK_ENDPOINT_DISABLED');
  const event = {
    id: newId(),
    type: 'ping',
    occurredAt: new Date().toISOString(),
    data: { endpointId, message: '筑合 ZhuHe webhook test event' },
  };
  const [delivery] = await ctx.db.transaction((tx) => queueDeliveries(ctx, tx, event, [endpoint]));
  return presentDelivery({ ...(delivery as repo.DeliveryRow), endpointUrl: endpoint.url, organisationId: orgId });
}

export async function endpointDeliveries(
  ctx: AppContext,
  orgId: string,
  endpointId: string,
  query: WebhookDeliveryQuery,
): Promise<WebhookDeliveryPage> {
  await ownEndpoint(ctx, orgId, endpointId);
  const { page, pageSize } = QuerySchema.parse(query);
  const { items, total } = await repo.deliveryPage(ctx.db, { orgId, endpointId }, page, pageSize);
  return { items: items.map(presentDelivery), total, page, pageSize };
}

/** 死信 deliveries given up after three days, of all the organisation's endpoints. */
export async function deadLetters(
  ctx: AppContext,
  orgId: string,
  query: WebhookDeliveryQuery,
): Promise<WebhookDeliveryPage> {
  const { page, pageSize } = QuerySchema.parse(query);
  const { items, total } = await repo.deliveryPage(ctx.db, { orgId, status: 'dead' }, page, pageSize);
  return { items: items.map(presentDelivery), total, page, pageSize };
}

/** 重新投递: a failed or dead delivery is attempted again now (a later failure follows the usual back-off). */
export async function redeliver(ctx: AppContext, orgId: string, deliveryId: string): Promise<WebhookDelivery> {
  const found = await repo.findDelivery(ctx.db, deliveryId);
  if (!found || found.organisationId !== orgId) throw webhookErrors.raise('WEBHOOK_DELIVERY_NOT_FOUND');
  const reopened = await ctx.db.transaction(async (tx) => {
    const row = await repo.reopenDelivery(tx, deliveryId, new Date());
    if (!row) throw webhookErrors.raise('WEBHOOK_DELIVERY_NOT_RETRYABLE');
    await ctx.jobs.enqueue(DELIVER_JOB, { deliveryId, attempt: row.attempts + 1 }, { maxAttempts: 3 }, tx);
    return row;
  });
  return presentDelivery({ ...reopened, endpointUrl: found.endpointUrl, organisationId: orgId });
}

/**
 * One attempt (the job `webhooks.deliver`): the target is checked again with a fresh DNS lookup, the body signed
 * with the endpoint's current secret and sent with a 10 s timeout to the checked address. A 2xx answer delivers;
 * anything else schedules the next attempt with back-off, or gives the delivery up when that would fall outside
 * the three-day window. A stale job (the attempt was already made by a redelivery) does nothing.
 */
export async function attemptDelivery(
  ctx: AppContext,
  deps: WebhookDeps,
  deliveryId: string,
  attempt: number,
): Promise<void> {
  const found = await repo.findDelivery(ctx.db, deliveryId);
  if (!found) return;
  const endpoint = await repo.findEndpoint(ctx.db, found.organisationId, found.endpointId);
  if (!endpoint) return;
  const delivery = await repo.claimAttempt(ctx.db, deliveryId, attempt);
  if (!delivery) return;

  const sentAt = new Date();
  let outcome: { status: number | null; error: string | null };
  if (!endpoint.enabled) outcome = { status: null, error: 'endpoint disabled' };
  else {
    try {
      const checked = await target(ctx, deps, endpoint.url);
      const body = JSON.stringify(delivery.payload);
      const secret = decryptField(ctx.config.fieldKeys, endpoint.secretEncrypted);
      outcome = await (deps.send ?? sendWebhook)(checked, body, {
        [SIGNATURE_HEADER]: signWebhook(body, secret, Math.floor(sentAt.getTime() / 1000)),
        'ZhuHe-Event-Id': delivery.eventId,
        'ZhuHe-Event-Type': delivery.eventType,
        'ZhuHe-Delivery-Id': delivery.id,
        'user-agent': 'ZhuHe-Webhooks/1.0',
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome = { status: null, error: error.messages().en };
    }
  }

  const now = new Date();
  if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
    await repo.updateDelivery(ctx.db, deliveryId, {
      status: 'delivered',
      lastResponseStatus: outcome.status,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: now,
    });
    return;
  }
  const error = outcome.error ?? `HTTP ${outcome.status}`;
  const next = new Date(now.getTime() + retryDelayMs(attempt));
  const giveUp = next.getTime() > delivery.createdAt.getTime() + RETRY_WINDOW_MS;
  await ctx.db.transaction(async (tx) => {
    await repo.updateDelivery(tx, deliveryId, {
      status: giveUp ? 'dead' : 'failed',
      lastResponseStatus: outcome.status,
      lastError: error.slice(0, 500),
      nextAttemptAt: giveUp ? null : next,
    });
    if (!giveUp)
      await ctx.jobs.enqueue(DELIVER_JOB, { deliveryId, attempt: attempt + 1 }, { runAt: next, maxAttempts: 3 }, tx);
  });
  ctx.log.info({ deliveryId, attempt, status: outcome.status, dead: giveUp }, 'webhook delivery failed');
}

/**
 * A delivery from the past, as the demo shows it (delivered, failed with its next attempt queued, or dead): written
 * as the attempts would have left it.
 */
export async function recordPastDelivery(
  ctx: AppContext,
  endpointId: string,
  past: {
    eventType: string;
    data: Record<string, unknown>;
    status: 'delivered' | 'failed' | 'dead';
    attempts: number;
    lastResponseStatus: number | null;
    lastError: string | null;
    createdAt: Date;
    deliveredAt?: Date;
    nextAttemptAt?: Date;
  },
): Promise<void> {
  const [endpoint] = await repo.endpointsById(ctx.db, [endpointId]);
  if (!endpoint) throw webhookErrors.raise('WEBHOOK_ENDPOINT_NOT_FOUND');
  const event = { id: newId(), type: past.eventType, occurredAt: past.createdAt.toISOString(), data: past.data };
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await repo.insertDeliveries(tx, [
      {
        id,
        endpointId,
        eventId: event.id,
        eventType: event.type,
        payload: envelope(event, endpoint.organisationId),
        status: past.status,
        attempts: past.attempts,
        lastResponseStatus: past.lastResponseStatus,
        lastError: past.lastError,
        nextAttemptAt: past.nextAttemptAt ?? null,
        deliveredAt: past.deliveredAt ?? null,
        createdAt: past.createdAt,
      },
    ]);
    if (past.status === 'failed' && past.nextAttemptAt)
      await ctx.jobs.enqueue(
        DELIVER_JOB,
        { deliveryId: id, attempt: past.attempts + 1 },
        { runAt: past.nextAttemptAt, maxAttempts: 3 },
        tx,
      );
  });
}
