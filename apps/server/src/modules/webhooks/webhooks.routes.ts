import {
  CreateWebhookEndpointBody,
  OrgParams,
  UpdateWebhookEndpointBody,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryParams,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointParams,
  WebhookEndpointWithSecret,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { webhookPermissions as perm } from './webhooks.policy';
import * as service from './webhooks.service';

const tags = ['webhooks'];
const base = '/api/orgs/:orgId/webhooks';

export function webhooksRoutes(ctx: AppContext, deps: service.WebhookDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/endpoints`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: 'Webhook 端点列表', params: OrgParams, response: { 200: WebhookEndpointList } },
      },
      async (request) => service.listEndpoints(ctx, request.params.orgId),
    );

    app.post(
      `${base}/endpoints`,
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '新建 Webhook 端点（签名密钥只显示这一次）',
          params: OrgParams,
          body: CreateWebhookEndpointBody,
          response: { 201: WebhookEndpointWithSecret },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.createEndpoint(ctx, deps, requireActor(request), request.params.orgId, request.body)),
    );

    app.patch(
      `${base}/endpoints/:endpointId`,
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '修改端点（地址、事件、说明；启用或停用）',
          params: WebhookEndpointParams,
          body: UpdateWebhookEndpointBody,
          response: { 200: WebhookEndpoint },
        },
      },
      async (request) =>
        service.updateEndpoint(ctx, deps, request.params.orgId, request.params.endpointId, request.body),
    );

    app.delete(
      `${base}/endpoints/:endpointId`,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '删除端点及其投递记录', params: WebhookEndpointParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.deleteEndpoint(ctx, request.params.orgId, request.params.endpointId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/endpoints/:endpointId/roll-secret`,
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '更换签名密钥（旧密钥立即失效，新密钥只显示这一次）',
          params: WebhookEndpointParams,
          response: { 200: WebhookEndpointWithSecret },
        },
      },
      async (request) => service.rollSecret(ctx, request.params.orgId, request.params.endpointId),
    );

    app.post(
      `${base}/endpoints/:endpointId/ping`,
      {
        config: { permission: perm.send },
        schema: {
          tags,
          summary: '发送测试事件（ping）',
          params: WebhookEndpointParams,
          response: { 201: WebhookDelivery },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.sendTestEvent(ctx, request.params.orgId, request.params.endpointId)),
    );

    app.get(
      `${base}/endpoints/:endpointId/deliveries`,
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '端点的投递记录（分页，最新在前）',
          params: WebhookEndpointParams,
          querystring: WebhookDeliveryQuery,
          response: { 200: WebhookDeliveryPage },
        },
      },
      async (request) =>
        service.endpointDeliveries(ctx, request.params.orgId, request.params.endpointId, request.query),
    );

    app.get(
      `${base}/dead-letters`,
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '死信：重试三天仍失败的投递',
          params: OrgParams,
          querystring: WebhookDeliveryQuery,
          response: { 200: WebhookDeliveryPage },
        },
      },
      async (request) => service.deadLetters(ctx, request.params.orgId, request.query),
    );

    app.post(
      `${base}/deliveries/:deliveryId/redeliver`,
      {
        config: { permission: perm.send },
        schema: {
          tags,
          summary: '重新投递失败或死信的投递',
          params: WebhookDeliveryParams,
          response: { 200: WebhookDelivery },
        },
      },
      async (request) => service.redeliver(ctx, request.params.orgId, request.params.deliveryId),
    );
  };
}
