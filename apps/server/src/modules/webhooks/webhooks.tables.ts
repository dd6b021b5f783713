import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Webhook 端点 an organisation's receiving URL with the event types it subscribes to. The signing secret is stored
 * encrypted with the master key (`infra/crypto.ts` encryptField): the platform must read it back to sign every
 * delivery, so a hash would not do; it is shown in full only once, when created or rolled.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull(),
    eventTypes: text('event_types').array().notNull(),
    /** AES-256-GCM `v1.<nonce>.<tag>.<ciphertext>` of the `whsec_…` secret */
    secretEncrypted: text('secret_encrypted').notNull(),
    /** the first characters of the secret, so an admin can tell which secret a receiver holds */
    secretPrefix: text('secret_prefix').notNull(),
    enabled: boolean('enabled').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    disabledAt: ts('disabled_at'),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.organisationId, t.createdAt)],
);

/**
 * 投递 one event sent to one endpoint, with its attempts: pending → delivered, or failed (another attempt is
 * scheduled at `next_attempt_at`) → … → dead after three days of failures. A manual redelivery makes a failed or
 * dead delivery pending again.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    /** the domain event's id (or a fresh id for a test event); the receiver deduplicates by it */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** the JSON body sent, exactly as signed */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** pending | delivered | failed | dead */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull(),
    lastResponseStatus: integer('last_response_status'),
    lastError: text('last_error'),
    nextAttemptAt: ts('next_attempt_at'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
    // an event reaches an endpoint once, however often the after-commit fan-out is retried
    uniqueIndex('webhook_deliveries_event_uq').on(t.endpointId, t.eventId),
    index('webhook_deliveries_status_idx').on(t.status),
  ],
);
