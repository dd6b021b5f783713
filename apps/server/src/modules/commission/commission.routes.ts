import {
  ChangePolicyBody,
  CommissionPolicyList,
  CommissionPolicyParams,
  CommissionQuery,
  CommissionResult,
  PolicyChangeRequested,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { commissionPermissions as perm } from './commission.policy';
import * as service from './commission.service';

const tags = ['commission'];

function present({ row, people }: { row: service.PolicyVersionRow; people: Map<string, string> }) {
  return {
    policyId: row.policyId,
    version: row.version,
    name: row.name,
    params: row.params,
    active: row.active,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    note: row.note,
    recordedAt: row.recordedAt.toISOString(),
    requestedBy: row.requestedBy ? (people.get(row.requestedBy) ?? '—') : null,
    approvedBy: row.approvedBy ? (people.get(row.approvedBy) ?? '—') : null,
  };
}

export function commissionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/staff/commission/policies',
      {
        config: { permission: perm.list },
        schema: { tags, summary: '现行政策（各政策最新版本）', response: { 200: CommissionPolicyList } },
      },
      async () => ({ items: (await service.currentPolicies(ctx)).map(present) }),
    );

    app.get(
      '/api/staff/commission/policies/:policyId/versions',
      {
        config: { permission: perm.list },
        schema: {
          tags,
          summary: '政策版本历史',
          params: CommissionPolicyParams,
          response: { 200: CommissionPolicyList },
        },
      },
      async (request) => ({ items: (await service.policyHistory(ctx, request.params.policyId)).map(present) }),
    );

    app.post(
      '/api/staff/commission/policies',
      {
        config: { permission: perm.change },
        schema: {
          tags,
          summary: '新增或修改政策（双人复核后生效，形成新版本）',
          body: ChangePolicyBody,
          response: { 202: PolicyChangeRequested },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await service.requestPolicyChange(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/staff/commission/calculate',
      {
        config: { permission: perm.calculate },
        schema: {
          tags,
          summary: '佣金计算器（可按历史时点复现）',
          querystring: CommissionQuery,
          response: { 200: CommissionResult },
        },
      },
      async (request) => service.calculate(ctx, request.query),
    );
  };
}
