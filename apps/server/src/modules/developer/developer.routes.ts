import {
  ApiKeyCallList,
  ApiKeyList,
  ApiKeyParams,
  ApiKey as ApiKeySchema,
  CreateApiKeyBody,
  CreatedApiKey,
  OrgParams,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { developerPermissions as perm } from './developer.policy';
import * as service from './developer.service';

const tags = ['developer'];

/** 开放平台: an organisation's admin manages its API keys. */
export function developerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/api-keys',
      {
        config: { permission: perm.manageKeys },
        schema: {
          tags,
          summary: 'API 密钥列表（只显示前缀） API keys, prefix only',
          params: OrgParams,
          response: { 200: ApiKeyList },
        },
      },
      async (request) => ({ items: await service.listKeys(ctx, request.params.orgId) }),
    );

    app.post(
      '/api/orgs/:orgId/api-keys',
      {
        config: { permission: perm.manageKeys },
        schema: {
          tags,
          summary: '新建 API 密钥（密钥只在此返回一次） create an API key; the secret is returned once',
          params: OrgParams,
          body: CreateApiKeyBody,
          response: { 201: CreatedApiKey },
        },
      },
      async (request, reply) => {
        const created = await service.createKey(ctx, requireActor(request), request.params.orgId, request.body);
        request.auditOverride = { target: `api_key ${created.key.id} ${created.key.prefix}` };
        return reply.code(201).send(created);
      },
    );

    app.post(
      '/api/orgs/:orgId/api-keys/:keyId/revoke',
      {
        config: { permission: perm.manageKeys },
        schema: {
          tags,
          summary: '吊销 API 密钥（立即生效） revoke an API key, effective at once',
          params: ApiKeyParams,
          response: { 200: ApiKeySchema },
        },
      },
      async (request) => {
        const { orgId, keyId } = request.params;
        request.auditOverride = { target: `api_key ${keyId}` };
        return service.revokeKey(ctx, requireActor(request), orgId, keyId);
      },
    );

    app.get(
      '/api/orgs/:orgId/api-keys/:keyId/calls',
      {
        config: { permission: perm.manageKeys },
        schema: {
          tags,
          summary: '密钥调用记录（最近 50 次） the key’s latest calls',
          params: ApiKeyParams,
          response: { 200: ApiKeyCallList },
        },
      },
      async (request) => {
        const rows = await service.keyCalls(ctx, request.params.orgId, request.params.keyId);
        return {
          items: rows.map((r) => ({
            id: r.id,
            method: r.method,
            route: r.route,
            status: r.status,
            ip: r.ip,
            at: r.at.toISOString(),
          })),
        };
      },
    );
  };
}
