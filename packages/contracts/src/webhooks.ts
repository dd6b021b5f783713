import { z } from 'zod';
import { Id } from './common';

/**
 * Webhook event types an endpoint may subscribe to. Each is sent only to the organisations entitled to see it:
 * `demand.published` to the demand's owner; `tender.bid_received` (the bid count only — never who bid or what,
 * before the opening) to the tender's buyer; `contract.signed` to both parties; `escrow.milestone_released` to
 * payer and payee; `settlement.sealed` to the statement's three parties. `ping` is the test event.
 */
export const WEBHOOK_EVENT_TYPES = [
  'demand.published',
  'tender.bid_received',
  'contract.signed',
  'escrow.milestone_released',
  'settlement.sealed',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** pending → delivered, or failed (retried with back-off) → dead after three days */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead'] as const;
export const WebhookDeliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

const WebhookUrl = z.string().trim().min(1).max(2000);

export const CreateWebhookEndpointBody = z.object({
  url: WebhookUrl,
  description: z.string().trim().max(200).default(''),
  eventTypes: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length),
});
export type CreateWebhookEndpointBody = z.input<typeof CreateWebhookEndpointBody>;

export const UpdateWebhookEndpointBody = z
  .object({
    url: WebhookUrl.optional(),
    description: z.string().trim().max(200).optional(),
    eventTypes: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'EMPTY_UPDATE' });
export type UpdateWebhookEndpointBody = z.input<typeof UpdateWebhookEndpointBody>;

export const WebhookEndpoint = z.object({
  id: Id,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(WebhookEventType),
  enabled: z.boolean(),
  /** the secret's first characters (`whsec_ab12…`), to tell which one a receiver holds */
  secretPrefix: z.string(),
  createdAt: z.iso.datetime(),
  disabledAt: z.iso.datetime().nullable(),
  /** deliveries of the last 7 days by status */
  recent: z.object({ delivered: z.number().int(), failed: z.number().int(), dead: z.number().int() }),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointList = z.object({ items: z.array(WebhookEndpoint) });
export type WebhookEndpointList = z.infer<typeof WebhookEndpointList>;

/** Answer to create and roll: the only time the signing secret is shown. */
export const WebhookEndpointWithSecret = z.object({ endpoint: WebhookEndpoint, secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const WebhookDelivery = z.object({
  id: Id,
  endpointId: Id,
  endpointUrl: z.string(),
  eventId: Id,
  eventType: z.string(),
  status: WebhookDeliveryStatus,
  attempts: z.number().int(),
  lastResponseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** the JSON body as sent */
  payload: z.record(z.string(), z.unknown()),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryPage = z.object({
  items: z.array(WebhookDelivery),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

export const WebhookDeliveryQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type WebhookDeliveryQuery = z.input<typeof WebhookDeliveryQuery>;

export const WebhookEndpointParams = z.object({ orgId: Id, endpointId: Id });
export const WebhookDeliveryParams = z.object({ orgId: Id, deliveryId: Id });
