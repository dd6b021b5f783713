import {
  type ApiKeyScope,
  V1CreateDemandBody,
  V1Demand,
  V1DemandPage,
  V1Money,
  V1PageQuery,
  V1ProjectPage,
  V1TenderList,
} from '@zhuhe/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import type { ApiKeyPrincipal } from '../../infra/http/access';
import { developerErrors } from './developer.errors';
import { developerPermissions as perm } from './developer.policy';
import { recordCall } from './developer.service';
import * as v1 from './developer.v1';

const tags = ['api-v1'];

/** The OpenAPI marks of a v1 route: the bearer scheme with the scope it needs (OpenAPI 3.1 allows role names). */
function scoped(scope: ApiKeyScope, summary: string) {
  return {
    tags,
    summary,
    description: `需要权限范围 scope required: \`${scope}\`. Authorization: Bearer <API key>.`,
    security: [{ apiKey: [scope] }],
    'x-required-scope': scope,
  };
}

function keyOf(request: FastifyRequest): ApiKeyPrincipal {
  // The access layer identified the key before any handler runs; absent means a wiring error.
  if (!request.apiKey) throw developerErrors.raise('API_KEY_INVALID');
  return request.apiKey;
}

/**
 * `/api/v1`: the versioned contract for third parties (PLAT-5). Every call made with an identified key is recorded
 * with the key id (`api_key_calls`), allowed or refused; state changes also enter the hash-chained audit log with
 * the key in the target. Calls are limited per key, across all v1 routes.
 */
export function developerV1Routes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const max = ctx.config.openApi.rateLimitPerMinute;
    const limit = app.createRateLimit({
      max,
      timeWindow: 60_000,
      keyGenerator: (request) => `api-key:${request.apiKey?.keyId ?? request.ip}`,
    });

    app.addHook('preHandler', async (request, reply) => {
      const key = keyOf(request);
      const outcome = await limit(request);
      // `isAllowed` means "on the allow-list"; the count is judged by `isExceeded`.
      if (!outcome.isAllowed && outcome.isExceeded) {
        reply.header('retry-after', String(outcome.ttlInSeconds));
        throw developerErrors.raise('API_KEY_RATE_LIMITED', { max, seconds: outcome.ttlInSeconds });
      }
      request.auditOverride = {
        actorUserId: null,
        orgId: key.orgId,
        target: `api_key ${key.keyId} ${request.method} ${request.routeOptions.url}`,
      };
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const key = request.apiKey;
      if (key) {
        await recordCall(ctx, {
          keyId: key.keyId,
          orgId: key.orgId,
          method: request.method,
          route: request.routeOptions.url ?? request.url,
          status: reply.statusCode,
          ip: request.ip,
        });
      }
      return payload;
    });

    app.get(
      '/api/v1/projects',
      {
        config: { permission: perm.projectsRead },
        schema: {
          ...scoped('projects:read', '本单位项目（分页） own organisation’s projects, paged'),
          querystring: V1PageQuery,
          response: { 200: V1ProjectPage },
        },
      },
      async (request) => v1.v1Projects(ctx, keyOf(request), request.query),
    );

    app.get(
      '/api/v1/demands',
      {
        config: { permission: perm.demandsRead },
        schema: {
          ...scoped('demands:read', '本单位需求（分页） own organisation’s demands, paged'),
          querystring: V1PageQuery,
          response: { 200: V1DemandPage },
        },
      },
      async (request) => v1.v1Demands(ctx, keyOf(request), request.query),
    );

    app.post(
      '/api/v1/demands',
      {
        config: { permission: perm.demandsWrite },
        schema: {
          ...scoped('demands:write', '发布需求（进入平台审核） create a demand; it goes to review'),
          body: V1CreateDemandBody,
          response: { 201: V1Demand },
        },
      },
      async (request, reply) => {
        const key = keyOf(request);
        const demand = await v1.v1CreateDemand(ctx, key, request.body);
        request.auditOverride = {
          actorUserId: null,
          orgId: key.orgId,
          target: `demand ${demand.id} api_key ${key.keyId}`,
        };
        return reply.code(201).send(demand);
      },
    );

    app.get(
      '/api/v1/tenders',
      {
        config: { permission: perm.tendersRead },
        schema: {
          ...scoped('tenders:read', '本单位招标：状态与投标数（不含投标内容） own tenders: status and bid count only'),
          response: { 200: V1TenderList },
        },
      },
      async (request) => v1.v1Tenders(ctx, keyOf(request)),
    );

    app.get(
      '/api/v1/money',
      {
        config: { permission: perm.moneyRead },
        schema: {
          ...scoped('money:read', '账户余额（只读，不能付款） account balances, read-only'),
          response: { 200: V1Money },
        },
      },
      async (request) => v1.v1Money(ctx, keyOf(request)),
    );
  };
}
