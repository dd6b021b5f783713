import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { appendAudit } from '../audit/audit-chain';
import { canonicalJson, sha256Hex } from '../crypto';
import type { Db } from '../db/client';

declare module 'fastify' {
  interface FastifyRequest {
    /** set by a handler when the actor or the target is only known after it ran (e.g. login) */
    auditOverride: { actorUserId?: string | null; orgId?: string | null; target?: string | null } | null;
  }
}

/**
 * Keys whose values never enter the digest: credentials and one-time codes, and personal identifiers whose small
 * value space would let a hash be reversed by trying them all (ID card numbers, bank accounts).
 */
const SECRET_KEY = /^code$|password|secret|token|recoveryCode|idCard|idNumber|bankAccount|beneficiaryAccount|phone/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? '[redacted]' : redact(v),
      ]),
    );
  }
  return value;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function targetOf(request: FastifyRequest): string {
  const params = request.params as Record<string, string> | undefined;
  const route = request.routeOptions.url ?? request.url;
  if (!params || Object.keys(params).length === 0) return route;
  return `${route} ${canonicalJson(params)}`;
}

/**
 * Every successful state-changing request, and every staff request (ORG-7: staff operations are traceable,
 * reads included), appends an entry to the hash-chained audit log before the response is sent.
 */
export const auditPlugin = fp(async (app: FastifyInstance, options: { db: Db }) => {
  app.decorateRequest('auditOverride', null);
  app.addHook('onSend', async (request, reply, payload) => {
    const permission = request.permission;
    if (!permission || reply.statusCode >= 400) return payload;
    const isStaff = permission.rule.kind === 'staff';
    if (!MUTATING.has(request.method) && !isStaff) return payload;
    const params = (request.params ?? {}) as Record<string, string>;
    const override = request.auditOverride ?? {};
    const actorUserId = override.actorUserId !== undefined ? override.actorUserId : (request.actor?.userId ?? null);
    const orgId = override.orgId !== undefined ? override.orgId : (params.orgId ?? request.actor?.activeOrgId ?? null);
    const digest = sha256Hex(
      canonicalJson({
        method: request.method,
        params,
        query: request.query ?? null,
        body: redact(request.body ?? null),
        status: reply.statusCode,
      }),
    );
    await appendAudit(options.db, {
      actorUserId,
      orgId,
      action: permission.name,
      target: override.target !== undefined ? override.target : targetOf(request),
      digest,
      ip: request.ip,
    });
    return payload;
  });
});
