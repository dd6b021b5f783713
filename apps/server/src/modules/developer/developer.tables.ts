import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 开放平台 API keys (PLAT-5). The secret itself is never stored: only its SHA-256 (the secret has 256 random bits,
 * so a slow password hash adds nothing) and its first characters, shown in lists to tell keys apart.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    /** e.g. `zk_live_ab12` */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    /** addresses and CIDR blocks; empty → any address */
    ipAllowList: text('ip_allow_list').array().notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_idx').on(t.secretHash), index('api_keys_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * Every call made with a key, allowed or refused (401 for an unknown secret has no key and is not here). The
 * hash-chained audit log also records each state-changing call, naming the key in its target.
 */
export const apiKeyCalls = pgTable(
  'api_key_calls',
  {
    id: uuid('id').primaryKey(),
    keyId: uuid('key_id').notNull(),
    orgId: uuid('org_id').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    status: integer('status').notNull(),
    ip: text('ip').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('api_key_calls_key_idx').on(t.keyId, t.at)],
);
