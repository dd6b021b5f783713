import type { ApiKey, ApiKeyScope, ApiKeyStatus } from '@zhuhe/contracts';
import type { ApiKeyRow } from './developer.repository';

export function keyStatus(row: Pick<ApiKeyRow, 'revokedAt' | 'expiresAt'>, now: Date): ApiKeyStatus {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/** A key as lists show it: never the secret or its hash. */
export function presentKey(row: ApiKeyRow, createdByName: string, now: Date): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyScope[],
    ipAllowList: row.ipAllowList,
    status: keyStatus(row, now),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    createdByName,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
