import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { canonicalJson, sha256Hex } from '../crypto';
import type { Db } from '../db/client';
import { defineErrors } from '../errors';
import type { JobQueue } from '../jobs/job-queue';
import { idempotencyKeys } from './idempotency.tables';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a stored answer is replayed; after that the key may be used again. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route honours the `Idempotency-Key` header (money and contract mutations, DESIGN.md) */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
}

export const idempotencyErrors = defineErrors({
  IDEMPOTENCY_KEY_INVALID: {
    kind: 'invalid',
    'zh-CN': 'Idempotency-Key 须为 1–255 个可见字符',
    en: 'Idempotency-Key must be 1–255 visible characters',
  },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'unprocessable',
    'zh-CN': '该 Idempotency-Key 已用于另一内容不同的请求，请换用新的键',
    en: 'This Idempotency-Key was already used for a request with a different body; use a new key',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    kind: 'conflict',
    'zh-CN': '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试',
    en: 'A request with this Idempotency-Key is still being processed; retry shortly',
  },
});

function scopeOf(request: FastifyRequest): string {
  const params = (request.params ?? {}) as Record<string, string>;
  const user = request.actor?.userId ?? 'anonymous';
  // the organisation in the path; a route without one is the user's own (not the active organisation, which the
  // request itself may change: creating an organisation activates it, and its retry must still find the answer)
  const org = params.orgId ?? '-';
  return `${user}:${org}`;
}

function requestHashOf(request: FastifyRequest): string {
  return sha256Hex(
    canonicalJson({
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      params: request.params ?? null,
      body: request.body ?? null,
    }),
  );
}

/**
 * `Idempotency-Key` for routes that opt in with `config: { idempotent: true }`: the first answer (any status
 * below 500) is stored and replayed for the same key and body; the same key with another body is refused with
 * 422; a key still in flight gets 409. A 5xx answer frees the key, so the client may retry. Keys are scoped to
 * the caller (user and organisation): two callers never see each other's answers.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, options: { db: Db; now?: () => Date }) => {
  const now = options.now ?? (() => new Date());
  app.decorateRequest('idempotency', null);

  // preHandler: after the access check (the actor is known) and after validation (the body is parsed)
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.routeOptions.config.idempotent) return;
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key))
      throw idempotencyErrors.raise('IDEMPOTENCY_KEY_INVALID');
    const scope = scopeOf(request);
    const hash = requestHashOf(request);
    const at = now();
    const inserted = await options.db
      .insert(idempotencyKeys)
      .values({ scope, key, requestHash: hash, createdAt: at, expiresAt: new Date(at.getTime() + IDEMPOTENCY_TTL_MS) })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotency = { scope, key };
      return;
    }
    const [prior] = await options.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!prior) throw idempotencyErrors.raise('IDEMPOTENCY_IN_PROGRESS');
    if (prior.requestHash !== hash) throw idempotencyErrors.raise('IDEMPOTENCY_KEY_REUSED');
    if (prior.status === null) throw idempotencyErrors.raise('IDEMPOTENCY_IN_PROGRESS');
    reply.header('idempotent-replayed', 'true');
    reply.header('content-type', prior.contentType ?? 'application/json; charset=utf-8');
    // a string with a JSON content type is sent as it is: the stored text is not serialised again
    return reply.code(prior.status).send(prior.body ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotency;
    if (!held) return payload;
    request.idempotency = null;
    const where = and(eq(idempotencyKeys.scope, held.scope), eq(idempotencyKeys.key, held.key));
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await options.db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const contentType = reply.getHeader('content-type');
    await options.db
      .update(idempotencyKeys)
      .set({
        status: reply.statusCode,
        body: payload,
        contentType: typeof contentType === 'string' ? contentType : null,
      })
      .where(where);
    return payload;
  });
});

/** Removes expired keys; returns how many. */
export async function expireIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}

export function registerIdempotencyJobs(jobs: JobQueue, db: Db): void {
  jobs.schedule('http.idempotency-expire', '17 * * * *', async () => {
    await expireIdempotencyKeys(db);
  });
}
