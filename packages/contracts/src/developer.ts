import { z } from 'zod';
import { Id } from './common';

/**
 * 开放平台 open platform (PLAT-5): API keys an organisation's admin issues to its own systems. A key carries
 * scopes; none of them moves money (a payment always needs a person and a step-up).
 */
export const API_KEY_SCOPES = ['projects:read', 'demands:read', 'demands:write', 'tenders:read', 'money:read'] as const;
export const ApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

/** Longest life of a key; the default when none is given is 90 days. */
export const API_KEY_MAX_DAYS = 365;
export const API_KEY_DEFAULT_DAYS = 90;

/** An IPv4 or IPv6 address, or a CIDR block (`203.0.113.0/24`, `2001:db8::/32`). */
export const IpRange = z
  .string()
  .trim()
  .max(64)
  .regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, { message: 'IP_RANGE_INVALID' });

export const CreateApiKeyBody = z.object({
  name: z.string().trim().min(2).max(60),
  scopes: z.array(ApiKeyScope).min(1).max(API_KEY_SCOPES.length),
  /** 有效期 in days, 1–365; absent → 90 */
  expiresInDays: z.number().int().min(1).max(API_KEY_MAX_DAYS).default(API_KEY_DEFAULT_DAYS),
  /** empty → any address */
  ipAllowList: z.array(IpRange).max(20).default([]),
});
export type CreateApiKeyBody = z.input<typeof CreateApiKeyBody>;

export const API_KEY_STATUSES = ['active', 'expired', 'revoked'] as const;
export const ApiKeyStatus = z.enum(API_KEY_STATUSES);
export type ApiKeyStatus = z.infer<typeof ApiKeyStatus>;

/** A key as lists show it: the prefix, never the secret. */
export const ApiKey = z.object({
  id: Id,
  name: z.string(),
  /** the first characters of the secret, e.g. `zk_live_ab12`, to tell keys apart */
  prefix: z.string(),
  scopes: z.array(ApiKeyScope),
  ipAllowList: z.array(z.string()),
  status: ApiKeyStatus,
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  createdByName: z.string(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;
export const ApiKeyList = z.object({ items: z.array(ApiKey) });

/** The answer to creating a key: the only time the secret is ever sent. */
export const CreatedApiKey = z.object({ key: ApiKey, secret: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyParams = z.object({ orgId: Id, keyId: Id });

/** One call made with a key (调用记录). */
export const ApiKeyCall = z.object({
  id: Id,
  method: z.string(),
  route: z.string(),
  status: z.number().int(),
  ip: z.string(),
  at: z.iso.datetime(),
});
export const ApiKeyCallList = z.object({ items: z.array(ApiKeyCall) });
