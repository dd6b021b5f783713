import {
  ExecutionParams,
  InviteSupervisorBody,
  Ok,
  OpenSettlementBody,
  ProposeQuantityBody,
  Settlement,
  SettlementList,
  SettlementParams,
  StatementBody,
  VoteQuantityBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { settlementPermissions as perm } from './settlement.policy';
import { presentSettlement } from './settlement.presenter';
import * as service from './settlement.service';

const tags = ['settlement'];

export function settlementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const load = async (orgId: string, contractId: string, settlementId: string) =>
    presentSettlement(await service.loadSettlement(ctx, orgId, contractId, settlementId));

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/settlement/:contractId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '验收结算', params: ExecutionParams, response: { 200: SettlementList } },
      },
      async (request) => ({
        items: (await service.listSettlements(ctx, request.params.orgId, request.params.contractId)).map(
          presentSettlement,
        ),
      }),
    );

    app.post(
      '/api/orgs/:orgId/settlement/:contractId/supervisor',
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '邀请监理单位',
          params: ExecutionParams,
          body: InviteSupervisorBody,
          response: { 200: Ok },
        },
      },
      async (request) => {
        const { orgId, contractId } = request.params;
        await service.inviteSupervisor(ctx, orgId, contractId, request.body.supervisorOrgId);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/orgs/:orgId/settlement/:contractId',
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '发起节点验收',
          params: ExecutionParams,
          body: OpenSettlementBody,
          response: { 201: Settlement },
        },
      },
      async (request, reply) => {
        const { orgId, contractId } = request.params;
        const id = await service.openSettlement(ctx, requireActor(request), orgId, contractId, request.body);
        request.auditOverride = { target: `settlement ${id}` };
        return reply.status(201).send(await load(orgId, contractId, id));
      },
    );

    app.post(
      '/api/orgs/:orgId/settlement/:contractId/:settlementId/quantities',
      {
        config: { permission: perm.confirm },
        schema: {
          tags,
          summary: '提出确认工程量',
          params: SettlementParams,
          body: ProposeQuantityBody,
          response: { 200: Settlement },
        },
      },
      async (request) => {
        const { orgId, contractId, settlementId } = request.params;
        await service.proposeQuantity(ctx, requireActor(request), orgId, contractId, settlementId, request.body);
        return load(orgId, contractId, settlementId);
      },
    );

    app.post(
      '/api/orgs/:orgId/settlement/:contractId/:settlementId/votes',
      {
        config: { permission: perm.confirm },
        schema: {
          tags,
          summary: '确认或提出异议',
          params: SettlementParams,
          body: VoteQuantityBody,
          response: { 200: Settlement },
        },
      },
      async (request) => {
        const { orgId, contractId, settlementId } = request.params;
        await service.voteQuantity(ctx, requireActor(request), orgId, contractId, settlementId, request.body);
        return load(orgId, contractId, settlementId);
      },
    );

    app.post(
      '/api/orgs/:orgId/settlement/:contractId/:settlementId/statement',
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '生成结算单',
          params: SettlementParams,
          body: StatementBody,
          response: { 200: Settlement },
        },
      },
      async (request) => {
        const { orgId, contractId, settlementId } = request.params;
        await service.generateStatement(ctx, orgId, contractId, settlementId, request.body);
        return load(orgId, contractId, settlementId);
      },
    );

    app.post(
      '/api/orgs/:orgId/settlement/:contractId/:settlementId/sign',
      {
        config: { permission: perm.sign, idempotent: true },
        schema: {
          tags,
          summary: '签署结算单（需二次验证）',
          params: SettlementParams,
          response: { 200: Settlement },
        },
      },
      async (request) => {
        const { orgId, contractId, settlementId } = request.params;
        await service.signStatement(ctx, requireActor(request), orgId, contractId, settlementId);
        return load(orgId, contractId, settlementId);
      },
    );

    app.post(
      '/api/orgs/:orgId/settlement/:contractId/:settlementId/release',
      {
        config: { permission: perm.manage, idempotent: true },
        schema: { tags, summary: '重试放款', params: SettlementParams, response: { 200: Settlement } },
      },
      async (request) => {
        const { orgId, contractId, settlementId } = request.params;
        await service.releaseSettlement(ctx, orgId, contractId, settlementId);
        return load(orgId, contractId, settlementId);
      },
    );

    app.get(
      '/api/orgs/:orgId/settlement/:contractId/:settlementId/statement.pdf',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '已签署结算单 PDF', params: SettlementParams, response: { 200: z.any() } },
      },
      async (request, reply) => {
        const { orgId, contractId, settlementId } = request.params;
        const pdf = await service.signedStatementPdf(ctx, orgId, contractId, settlementId);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(pdf.name)}`)
          .header('content-security-policy', 'sandbox')
          .send(pdf.bytes);
      },
    );
  };
}
