import {
  CostThresholdBody,
  CostThresholdView,
  CostWarningsPage,
  GovBoard,
  GovBoardQuery,
  GovScopeBody,
  GovScopeParams,
  GovScopeView,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { regionName } from '../regions';
import { boardPermissions as perm } from './boards.policy';
import { presentThreshold, presentWarning } from './boards.presenter';
import * as service from './boards.service';

const tags = ['boards'];
const OrgParams = z.object({ orgId: z.uuid() });
const ThresholdParams = z.object({ orgId: z.uuid(), thresholdId: z.uuid() });

export function boardsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/gov-board',
      {
        config: { permission: perm.govBoard },
        schema: {
          tags,
          summary: '政府监管：辖区建设指数看板（汇总数据，企业数不足的格子不显示）',
          params: OrgParams,
          querystring: GovBoardQuery,
          response: { 200: GovBoard },
        },
      },
      async (request) => service.govBoard(ctx, request.params.orgId, request.query.months),
    );

    app.put(
      '/api/staff/gov-scopes/:govOrgId',
      {
        config: { permission: perm.grantGov },
        schema: {
          tags,
          summary: '开通政府监管角色并设定辖区（已核验组织）',
          params: GovScopeParams,
          body: GovScopeBody,
          response: { 200: GovScopeView },
        },
      },
      async (request) => {
        const row = await service.grantGovernmentScope(
          ctx,
          request.params.govOrgId,
          request.body.regionCode,
          requireActor(request).userId,
        );
        return {
          orgId: row.orgId,
          regionCode: row.regionCode,
          regionName: regionName(row.regionCode),
          grantedAt: row.grantedAt.toISOString(),
        };
      },
    );

    app.get(
      '/api/orgs/:orgId/cost-warnings',
      {
        config: { permission: perm.readWarnings },
        schema: {
          tags,
          summary: '成本预警：阈值与已触发的预警',
          params: OrgParams,
          response: { 200: CostWarningsPage },
        },
      },
      async (request) => ({
        thresholds: (await service.listThresholds(ctx, request.params.orgId)).map(presentThreshold),
        warnings: (await service.listWarnings(ctx, request.params.orgId)).map(presentWarning),
      }),
    );

    app.post(
      '/api/orgs/:orgId/cost-thresholds',
      {
        config: { permission: perm.writeThresholds },
        schema: {
          tags,
          summary: '新增成本预警阈值',
          params: OrgParams,
          body: CostThresholdBody,
          response: { 200: CostThresholdView },
        },
      },
      async (request) =>
        presentThreshold(
          await service.addThreshold(ctx, request.params.orgId, requireActor(request).userId, request.body),
        ),
    );

    app.delete(
      '/api/orgs/:orgId/cost-thresholds/:thresholdId',
      {
        config: { permission: perm.writeThresholds },
        schema: { tags, summary: '删除成本预警阈值', params: ThresholdParams },
      },
      async (request, reply) => {
        await service.removeThreshold(ctx, request.params.orgId, request.params.thresholdId);
        return reply.code(204).send();
      },
    );
  };
}
