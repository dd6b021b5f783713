import {
  ConstructionLog,
  ConstructionLogList,
  CreateLogBody,
  ExecutionContractList,
  ExecutionLogParams,
  ExecutionParams,
  ExecutionPhotoParams,
  ExecutionPlan,
  OrgParams,
  PlanDefaults,
  ReviewLogBody,
  SetPlanBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { sendStoredFile } from '../files';
import { executionErrors } from './execution.errors';
import { executionPermissions as perm } from './execution.policy';
import { presentLog } from './execution.presenter';
import * as service from './execution.service';

const tags = ['execution'];

export function executionRoutes(ctx: AppContext, deps: service.ExecutionDeps): FastifyPluginAsyncZod {
  const oneLog = async (orgId: string, contractId: string, logId: string) => {
    const found = (await service.listLogs(ctx, orgId, contractId)).find((l) => l.log.id === logId);
    if (!found) throw executionErrors.raise('EXECUTION_LOG_NOT_FOUND');
    return presentLog(orgId, contractId, found);
  };

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/execution',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '施工执行的合同', params: OrgParams, response: { 200: ExecutionContractList } },
      },
      async (request) => ({ items: await service.listExecutionContracts(ctx, deps, request.params.orgId) }),
    );

    app.get(
      '/api/orgs/:orgId/execution/:contractId/defaults',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '计划默认值（来自已签合同）',
          params: ExecutionParams,
          response: { 200: PlanDefaults },
        },
      },
      async (request) => service.planDefaults(ctx, request.params.orgId, request.params.contractId),
    );

    app.get(
      '/api/orgs/:orgId/execution/:contractId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '施工计划与进度', params: ExecutionParams, response: { 200: ExecutionPlan } },
      },
      async (request) => service.getPlanView(ctx, deps, request.params.orgId, request.params.contractId),
    );

    app.post(
      '/api/orgs/:orgId/execution/:contractId/plan',
      {
        config: { permission: perm.plan },
        schema: {
          tags,
          summary: '制定施工计划并开立资金监管 set the plan and open the escrow',
          params: ExecutionParams,
          body: SetPlanBody,
          response: { 201: ExecutionPlan },
        },
      },
      async (request, reply) => {
        const { orgId, contractId } = request.params;
        await service.setPlan(ctx, requireActor(request), orgId, contractId, request.body);
        request.auditOverride = { target: `contract ${contractId} plan` };
        return reply.status(201).send(await service.getPlanView(ctx, deps, orgId, contractId));
      },
    );

    app.get(
      '/api/orgs/:orgId/execution/:contractId/logs',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '施工日志', params: ExecutionParams, response: { 200: ConstructionLogList } },
      },
      async (request) => {
        const { orgId, contractId } = request.params;
        return { items: (await service.listLogs(ctx, orgId, contractId)).map((l) => presentLog(orgId, contractId, l)) };
      },
    );

    app.post(
      '/api/orgs/:orgId/execution/:contractId/logs',
      {
        config: { permission: perm.log },
        schema: {
          tags,
          summary: '提交施工日志（含现场照片）',
          params: ExecutionParams,
          body: CreateLogBody,
          response: { 201: ConstructionLog },
        },
      },
      async (request, reply) => {
        const { orgId, contractId } = request.params;
        const id = await service.createLog(ctx, requireActor(request), orgId, contractId, request.body);
        request.auditOverride = { target: `construction log ${id}` };
        return reply.status(201).send(await oneLog(orgId, contractId, id));
      },
    );

    app.post(
      '/api/orgs/:orgId/execution/:contractId/logs/:logId/reviews',
      {
        config: { permission: perm.review },
        schema: {
          tags,
          summary: '审阅施工日志（意见、要求修改、确认）',
          params: ExecutionLogParams,
          body: ReviewLogBody,
          response: { 200: ConstructionLog },
        },
      },
      async (request) => {
        const { orgId, contractId, logId } = request.params;
        await service.reviewLog(ctx, requireActor(request), orgId, contractId, logId, request.body);
        return oneLog(orgId, contractId, logId);
      },
    );

    app.get(
      '/api/orgs/:orgId/execution/:contractId/photos/:photoId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '现场照片', params: ExecutionPhotoParams, response: { 200: z.any() } },
      },
      async (request, reply) => {
        const { orgId, contractId, photoId } = request.params;
        return sendStoredFile(ctx, reply, await service.photoFile(ctx, orgId, contractId, photoId));
      },
    );
  };
}
