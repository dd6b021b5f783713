import {
  ProcurementPlanBody,
  ProcurementPlanLatest,
  ProcurementPlanParams,
  ProcurementPlanView,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { procurementPermissions as perm } from './procurement.policy';
import { latestPlanOf, type ProcurementDeps, planForDemand } from './procurement.service';

const tags = ['procurement'];

export function procurementRoutes(ctx: AppContext, deps: ProcurementDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/demands/:demandId/procurement-plan',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '需求的最新采购方案',
          params: ProcurementPlanParams,
          response: { 200: ProcurementPlanLatest },
        },
      },
      async (request) => ({ plan: await latestPlanOf(ctx, request.params.orgId, request.params.demandId) }),
    );

    app.post(
      '/api/orgs/:orgId/demands/:demandId/procurement-plan',
      {
        config: { permission: perm.run },
        schema: {
          tags,
          summary: '运行采购优化（HiGHS 混合整数规划）',
          params: ProcurementPlanParams,
          body: ProcurementPlanBody,
          response: { 200: ProcurementPlanView },
        },
      },
      async (request) =>
        planForDemand(ctx, deps, {
          orgId: request.params.orgId,
          demandId: request.params.demandId,
          userId: requireActor(request).userId,
          rules: request.body,
        }),
    );
  };
}
