import {
  AnswerPushBody,
  DemandMatches,
  MatchingCapacity,
  MatchingCapacityBody,
  MatchingFigures,
  OrgParams,
  PushParams,
  SupplierPush,
  SupplierPushList,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { matchingPermissions as perm } from './matching.policy';
import * as service from './matching.service';

const tags = ['matching'];
const OrgDemandParams = z.object({ orgId: z.uuid(), demandId: z.uuid() });

export function matchingRoutes(ctx: AppContext, providers: service.MatchingProviders): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/demands/:demandId/matches',
      {
        config: { permission: perm.demandMatches },
        schema: {
          tags,
          summary: '匹配结果 suppliers pushed for my demand, why, and their answers',
          params: OrgDemandParams,
          response: { 200: DemandMatches },
        },
      },
      async (request) => service.demandMatches(ctx, request.params.orgId, request.params.demandId),
    );

    app.post(
      '/api/orgs/:orgId/demands/:demandId/matches/refresh',
      {
        config: { permission: perm.rematch },
        schema: { tags, summary: '重新匹配', params: OrgDemandParams, response: { 200: DemandMatches } },
      },
      async (request) => service.rematch(ctx, providers, request.params.orgId, request.params.demandId),
    );

    app.get(
      '/api/orgs/:orgId/pushes',
      {
        config: { permission: perm.pushes },
        schema: { tags, summary: '推荐给我的需求', params: OrgParams, response: { 200: SupplierPushList } },
      },
      async (request) => ({ items: await service.supplierPushes(ctx, request.params.orgId) }),
    );

    app.post(
      '/api/orgs/:orgId/pushes/:pushId/answer',
      {
        config: { permission: perm.answer },
        schema: {
          tags,
          summary: '回复推送 interested / not interested',
          params: PushParams,
          body: AnswerPushBody,
          response: { 200: SupplierPush },
        },
      },
      async (request) =>
        service.answerPush(
          ctx,
          requireActor(request).userId,
          request.params.orgId,
          request.params.pushId,
          request.body.answer,
        ),
    );

    app.get(
      '/api/orgs/:orgId/matching/capacity',
      {
        config: { permission: perm.capacity },
        schema: {
          tags,
          summary: '产能 declared capacity and open backlog',
          params: OrgParams,
          response: { 200: MatchingCapacity },
        },
      },
      async (request) => service.getCapacity(ctx, request.params.orgId),
    );

    app.put(
      '/api/orgs/:orgId/matching/capacity',
      {
        config: { permission: perm.declareCapacity },
        schema: {
          tags,
          summary: '申报产能 single-project and aggregate limits (fen; null = no limit)',
          params: OrgParams,
          body: MatchingCapacityBody,
          response: { 200: MatchingCapacity },
        },
      },
      async (request) => service.declareCapacity(ctx, requireActor(request).userId, request.params.orgId, request.body),
    );

    app.get(
      '/api/staff/matching/figures',
      {
        config: { permission: perm.figures },
        schema: { tags, summary: '匹配数据 matching figures per week', response: { 200: MatchingFigures } },
      },
      async () => service.matchingFigures(ctx),
    );
  };
}
