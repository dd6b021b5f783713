import {
  DecideReserveClaimBody,
  OpenReserveClaimBody,
  RecordRecoveryBody,
  RejectReserveClaimBody,
  ReserveClaim,
  ReserveClaimParams,
  ReserveOverview,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { reservePermissions as perm } from './reserve.policy';
import * as service from './reserve.service';

const tags = ['reserve'];

export function reserveRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/staff/reserve',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '风险准备金与先行赔付案件', response: { 200: ReserveOverview } },
      },
      async () => service.overview(ctx),
    );

    app.post(
      '/api/staff/reserve/claims',
      {
        config: { permission: perm.open },
        schema: {
          tags,
          summary: '登记先行赔付（另一名财务人员复核后付款）',
          body: OpenReserveClaimBody,
          response: { 201: ReserveClaim },
        },
      },
      async (request, reply) => {
        const id = await service.openClaim(ctx, requireActor(request), request.body);
        return reply.code(201).send(await service.claimView(ctx, id));
      },
    );

    app.post(
      '/api/staff/reserve/claims/:claimId/approve',
      {
        config: { permission: perm.decide },
        schema: {
          tags,
          summary: '复核通过并从风险准备金付款',
          params: ReserveClaimParams,
          body: DecideReserveClaimBody,
          response: { 200: ReserveClaim },
        },
      },
      async (request) => {
        const { claimId } = request.params;
        await service.approveClaim(ctx, requireActor(request), claimId, request.body.reason ?? null);
        return service.claimView(ctx, claimId);
      },
    );

    app.post(
      '/api/staff/reserve/claims/:claimId/reject',
      {
        config: { permission: perm.decide },
        schema: {
          tags,
          summary: '驳回赔付申请',
          params: ReserveClaimParams,
          body: RejectReserveClaimBody,
          response: { 200: ReserveClaim },
        },
      },
      async (request) => {
        const { claimId } = request.params;
        await service.rejectClaim(ctx, requireActor(request), claimId, request.body.reason);
        return service.claimView(ctx, claimId);
      },
    );

    app.post(
      '/api/staff/reserve/claims/:claimId/recoveries',
      {
        config: { permission: perm.recover },
        schema: {
          tags,
          summary: '登记追偿回款（进入风险准备金）',
          params: ReserveClaimParams,
          body: RecordRecoveryBody,
          response: { 200: ReserveClaim },
        },
      },
      async (request) => {
        const { claimId } = request.params;
        await service.recordRecovery(ctx, requireActor(request), claimId, request.body);
        return service.claimView(ctx, claimId);
      },
    );
  };
}
