import {
  ChangeFeeScheduleBody,
  FeeCharge,
  FeeReceiptParams,
  FeeScheduleChangeRequested,
  IssuedReceipts,
  IssueReceiptsBody,
  OrgFees,
  OrgParams,
  RecordFeeChargeBody,
  StaffFeesOverview,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { sendDownload } from '../../infra/http/download';
import { feePermissions as perm } from './fees.policy';
import * as service from './fees.service';

const tags = ['fees'];

export function feesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/fees',
      {
        config: { permission: perm.orgRead },
        schema: { tags, summary: '本单位费用与收费凭证', params: OrgParams, response: { 200: OrgFees } },
      },
      async (request) => service.orgFees(ctx, request.params.orgId),
    );

    app.get(
      '/api/orgs/:orgId/fees/receipts/:receiptId/receipt.pdf',
      { config: { permission: perm.orgRead }, schema: { tags, summary: '收费凭证 PDF', params: FeeReceiptParams } },
      async (request, reply) => {
        const file = await service.receiptPdf(ctx, request.params.orgId, request.params.receiptId);
        return sendDownload(reply, file, 'private, max-age=300');
      },
    );

    app.get(
      '/api/staff/fees',
      {
        config: { permission: perm.staffRead },
        schema: { tags, summary: '收费标准、种子用户计数、收费记录与凭证', response: { 200: StaffFeesOverview } },
      },
      async () => service.staffOverview(ctx),
    );

    app.post(
      '/api/staff/fees/schedule',
      {
        config: { permission: perm.schedule },
        schema: {
          tags,
          summary: '提交新版收费标准（双人复核后生效）',
          body: ChangeFeeScheduleBody,
          response: { 202: FeeScheduleChangeRequested },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await service.requestScheduleChange(ctx, requireActor(request), request.body)),
    );

    app.post(
      '/api/staff/fees/charges',
      {
        config: { permission: perm.charge },
        schema: { tags, summary: '登记增值服务收费', body: RecordFeeChargeBody, response: { 201: FeeCharge } },
      },
      async (request, reply) => {
        const row = await service.recordCharge(ctx, request.body, requireActor(request).userId);
        return reply.code(201).send(await service.chargeView(ctx, row));
      },
    );

    app.post(
      '/api/staff/fees/receipts',
      {
        config: { permission: perm.issue },
        schema: { tags, summary: '按月开具收费凭证', body: IssueReceiptsBody, response: { 200: IssuedReceipts } },
      },
      async (request) => ({
        items: await service.issueReceipts(ctx, requireActor(request).userId, request.body.period),
      }),
    );
  };
}
