import type { ApiKey, ApiKeyScope, CreateApiKeyBody, CreatedApiKey } from '@zhuhe/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { randomToken, sha256Hex } from '../../infra/crypto';
import type { Actor, ApiKeyAuthenticator, ApiKeyPrincipal } from '../../infra/http/access';
import { accessErrors } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getUsers } from '../identity';
import { getOrganisation } from '../organisation';
import { developerErrors } from './developer.errors';
import { ipAllowed, parseIpRange } from './developer.ip';
import { keyStatus, presentKey } from './developer.presenter';
import * as repo from './developer.repository';

type CreateInput = z.output<typeof CreateApiKeyBody>;

/** `zk_live_` + 256 random bits (base64url). The first 12 characters are kept as the prefix lists show. */
export const SECRET_PREFIX = 'zk_live_';
const PREFIX_LENGTH = SECRET_PREFIX.length + 4;
/** active (unrevoked, unexpired) keys per organisation */
export const MAX_ACTIVE_KEYS = 20;
const DAY_MS = 86_400_000;

/** Key expiry and revocation are judged by wall time, never by the movable business clock. */
function now(): Date {
  return new Date();
}

async function creatorNames(ctx: AppContext, rows: repo.ApiKeyRow[]): Promise<Map<string, string>> {
  const users = await getUsers(
    ctx,
    rows.map((r) => r.createdBy),
  );
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/**
 * 新建密钥: the secret is returned here and never again; only its SHA-256 is stored. The IP allow-list is kept in
 * canonical form.
 */
export async function createKey(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: CreateInput,
): Promise<CreatedApiKey> {
  const ipAllowList = input.ipAllowList.map((value) => {
    const parsed = parseIpRange(value);
    if (!parsed) throw developerErrors.raise('API_KEY_IP_RANGE_INVALID', { value });
    return parsed;
  });
  if (input.scopes.includes('demands:write')) await assertPublishesDemands(ctx, orgId);
  const at = now();
  if ((await repo.activeKeyCount(ctx.db, orgId, at)) >= MAX_ACTIVE_KEYS)
    throw developerErrors.raise('API_KEY_LIMIT', { max: MAX_ACTIVE_KEYS });
  const secret = `${SECRET_PREFIX}${randomToken(32)}`;
  const row: repo.ApiKeyRow = {
    id: newId(at.getTime()),
    orgId,
    name: input.name,
    prefix: secret.slice(0, PREFIX_LENGTH),
    secretHash: sha256Hex(secret),
    scopes: [...new Set(input.scopes)],
    ipAllowList: [...new Set(ipAllowList)],
    expiresAt: new Date(at.getTime() + input.expiresInDays * DAY_MS),
    createdBy: actor.userId,
    createdAt: at,
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
  };
  await repo.insertKey(ctx.db, row);
  const names = await creatorNames(ctx, [row]);
  return { key: presentKey(row, names.get(row.createdBy) ?? '—', at), secret };
}

/** `demands:write` acts as the page's 发布需求 does, which only an organisation acting as GC may use. */
export async function assertPublishesDemands(ctx: AppContext, orgId: string): Promise<void> {
  const org = await getOrganisation(ctx, orgId);
  if (!org.businessRoles.includes('GC')) throw developerErrors.raise('API_KEY_GC_REQUIRED');
}

/** 密钥列表: the organisation's keys, newest first, with prefix and status (never a secret). */
export async function listKeys(ctx: AppContext, orgId: string): Promise<ApiKey[]> {
  const rows = await repo.keysOfOrg(ctx.db, orgId, 200);
  const names = await creatorNames(ctx, rows);
  const at = now();
  return rows.map((r) => presentKey(r, names.get(r.createdBy) ?? '—', at));
}

/** 吊销: effective on the next call, as every call reads the key from the database. */
export async function revokeKey(ctx: AppContext, actor: Actor, orgId: string, keyId: string): Promise<ApiKey> {
  const existing = await repo.findKey(ctx.db, orgId, keyId);
  if (!existing) throw developerErrors.raise('API_KEY_NOT_FOUND');
  if (existing.revokedAt)
    throw developerErrors.raise('API_KEY_ALREADY_REVOKED', { at: existing.revokedAt.toISOString() });
  const at = now();
  // Another admin may have revoked it a moment ago: the first revocation stands.
  if (!(await repo.revokeKey(ctx.db, orgId, keyId, actor.userId, at)))
    throw developerErrors.raise('API_KEY_ALREADY_REVOKED', { at: at.toISOString() });
  const row = { ...existing, revokedAt: at, revokedBy: actor.userId };
  const names = await creatorNames(ctx, [row]);
  return presentKey(row, names.get(row.createdBy) ?? '—', at);
}

/**
 * Authentication of `/api/v1` for the access layer. The key is read from the database on every call — no cache —
 * so a revocation or an expiry refuses the very next call.
 */
export function createApiKeyAuthenticator(ctx: AppContext): ApiKeyAuthenticator {
  return {
    async identify(request: FastifyRequest): Promise<ApiKeyPrincipal> {
      const header = request.headers.authorization;
      if (!header) throw accessErrors.raise('AUTH_REQUIRED');
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const secret = match?.[1];
      if (!secret?.startsWith(SECRET_PREFIX)) throw developerErrors.raise('API_KEY_INVALID');
      const row = await repo.keyBySecretHash(ctx.db, sha256Hex(secret));
      if (!row || keyStatus(row, now()) !== 'active') throw developerErrors.raise('API_KEY_INVALID');
      return {
        keyId: row.id,
        orgId: row.orgId,
        createdBy: row.createdBy,
        scopes: row.scopes as ApiKeyScope[],
        ipAllowList: row.ipAllowList,
      };
    },
    authorise(principal, ip, scope) {
      if (!ipAllowed(principal.ipAllowList, ip)) throw developerErrors.raise('API_KEY_IP_FORBIDDEN', { ip });
      if (!principal.scopes.includes(scope)) throw developerErrors.raise('API_KEY_SCOPE_MISSING', { scope });
    },
  };
}

/** 调用审计: one row per call made with an identified key, allowed or refused, and the key's last use. */
export async function recordCall(
  ctx: AppContext,
  call: { keyId: string; orgId: string; method: string; route: string; status: number; ip: string },
): Promise<void> {
  const at = now();
  await ctx.db.transaction(async (tx) => {
    await repo.insertCall(tx, { id: newId(at.getTime()), ...call, at });
    await repo.touchKey(tx, call.keyId, at);
  });
}

/** The latest calls made with one of the organisation's keys (tests and the page's detail view). */
export async function keyCalls(ctx: AppContext, orgId: string, keyId: string, limit = 50) {
  if (!(await repo.findKey(ctx.db, orgId, keyId))) throw developerErrors.raise('API_KEY_NOT_FOUND');
  return repo.callsOfKey(ctx.db, orgId, keyId, limit);
}
