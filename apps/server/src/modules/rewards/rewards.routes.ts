import {
  AcceptReferralBody,
  OrgParams,
  PointsEntry,
  PointsOverview,
  RedeemPointsBody,
  RedeemVoucherBody,
  ReferralAccepted,
  ReferralDeviceBody,
  ReferralOverview,
  RewardsStaffOverview,
  VoucherList,
  VoucherParams,
  VoucherRedemption,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { sendDownload } from '../../infra/http/download';
import { redemptionDocument } from './rewards.delivery';
import { rewardsPermissions as perm } from './rewards.policy';
import * as service from './rewards.service';

const tags = ['rewards'];
const PointsEntryParams = OrgParams.extend({ entryId: z.uuid() });
const base = '/api/orgs/:orgId/rewards';

export function rewardsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/points`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '积分余额、流水与兑换目录', params: OrgParams, response: { 200: PointsOverview } },
      },
      async (request) => service.pointsOverview(ctx, request.params.orgId),
    );

    app.post(
      `${base}/points/redemptions`,
      {
        config: { permission: perm.redeemPoints },
        schema: {
          tags,
          summary: '积分兑换报告或活动门票',
          params: OrgParams,
          body: RedeemPointsBody,
          response: { 201: PointsOverview },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.redeemAndShow(ctx, requireActor(request), request.params.orgId, request.body)),
    );

    app.get(
      `${base}/points/redemptions/:entryId/delivery.pdf`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '领取兑换的报告或活动门票（PDF）', params: PointsEntryParams },
      },
      async (request, reply) => {
        return sendDownload(reply, await redemptionDocument(ctx, request.params.orgId, request.params.entryId));
      },
    );

    app.get(
      `${base}/vouchers`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '我的优惠券与可抵扣费用', params: OrgParams, response: { 200: VoucherList } },
      },
      async (request) => service.listVouchers(ctx, request.params.orgId),
    );

    app.post(
      `${base}/vouchers/:voucherId/redeem`,
      {
        config: { permission: perm.redeemVoucher },
        schema: {
          tags,
          summary: '用券抵扣平台服务费',
          params: VoucherParams,
          body: RedeemVoucherBody,
          response: { 201: VoucherRedemption },
        },
      },
      async (request, reply) => {
        const { orgId, voucherId } = request.params;
        return reply
          .code(201)
          .send(await service.redeemVoucher(ctx, requireActor(request), orgId, voucherId, request.body.chargeId));
      },
    );

    app.post(
      `${base}/referrals`,
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '我的邀请码、邀请链接与邀请的单位',
          params: OrgParams,
          body: ReferralDeviceBody,
          response: { 200: ReferralOverview },
        },
      },
      async (request) =>
        service.referralOverview(ctx, requireActor(request), request.params.orgId, {
          ip: request.ip,
          deviceId: request.body.deviceId ?? null,
        }),
    );

    app.post(
      '/api/referrals/accept',
      {
        config: { permission: perm.acceptReferral },
        schema: {
          tags,
          summary: '新注册用户登记邀请码',
          body: AcceptReferralBody,
          response: { 201: ReferralAccepted },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.acceptReferral(ctx, requireActor(request), request.body, request.ip)),
    );

    app.get(
      '/api/staff/rewards',
      {
        config: { permission: perm.staffRead },
        schema: {
          tags,
          summary: '积分流水、用券记录与推荐奖励（含拒绝原因）',
          response: { 200: RewardsStaffOverview },
        },
      },
      async () => service.staffOverview(ctx),
    );

    app.post(
      '/api/staff/rewards/points/:entryId/reverse',
      {
        config: { permission: perm.staffReverse },
        schema: {
          tags,
          summary: '冲正一笔积分流水',
          params: z.object({ entryId: z.uuid() }),
          response: { 201: PointsEntry },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.reverseAndShow(ctx, requireActor(request), request.params.entryId)),
    );
  };
}
