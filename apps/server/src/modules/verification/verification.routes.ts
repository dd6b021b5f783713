import {
  MaybeVerification,
  OrgParams,
  RevealedIdNumber,
  ReviewDecisionBody,
  Verification,
  VerificationFileParams,
  VerificationList,
  VerificationListQuery,
  VerificationPackage,
  VerificationParams,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { sendStoredFile } from '../files';
import { verificationPermissions as perm } from './verification.policy';
import { presentVerification } from './verification.presenter';
import * as service from './verification.service';

const tags = ['verification'];

export function verificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const view = async (row: service.SubmissionRow) =>
    presentVerification((await service.loadViews(ctx, [row]))[0] as service.VerificationView);

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/verification',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '实名核验（最近一次提交）', params: OrgParams, response: { 200: MaybeVerification } },
      },
      async (request) => {
        const row = await service.latestVerification(ctx, request.params.orgId);
        return { verification: row ? await view(row) : null };
      },
    );

    app.post(
      '/api/orgs/:orgId/verification',
      {
        config: { permission: perm.submit },
        schema: {
          tags,
          summary: '提交实名核验（营业执照、法定代表人身份证、资质证书）',
          params: OrgParams,
          body: VerificationPackage,
          response: { 201: Verification },
        },
      },
      async (request, reply) => {
        const row = await service.submitVerification(ctx, requireActor(request), request.params.orgId, request.body);
        request.auditOverride = { target: `verification ${row.id} ${row.status}` };
        return reply.status(201).send(await view(row));
      },
    );

    app.get(
      '/api/staff/verifications',
      {
        config: { permission: perm.list },
        schema: {
          tags,
          summary: '核验申请列表',
          querystring: VerificationListQuery,
          response: { 200: VerificationList },
        },
      },
      async (request) => {
        const rows = await service.listVerifications(ctx, request.query.status);
        return { items: (await service.loadViews(ctx, rows)).map(presentVerification) };
      },
    );

    app.get(
      '/api/staff/verifications/:verificationId',
      {
        config: { permission: perm.list },
        schema: { tags, summary: '核验申请详情', params: VerificationParams, response: { 200: Verification } },
      },
      async (request) => view(await service.getVerification(ctx, request.params.verificationId)),
    );

    app.get(
      '/api/staff/verifications/:verificationId/files/:fileId',
      {
        config: { permission: perm.readFile },
        schema: { tags, summary: '查看申请材料（预览）', params: VerificationFileParams, response: { 200: z.any() } },
      },
      async (request, reply) =>
        sendStoredFile(
          ctx,
          reply,
          await service.verificationFile(ctx, request.params.verificationId, request.params.fileId),
        ),
    );

    app.post(
      '/api/staff/verifications/:verificationId/decision',
      {
        config: { permission: perm.decide },
        schema: {
          tags,
          summary: '审核结论（驳回须附理由）',
          params: VerificationParams,
          body: ReviewDecisionBody,
          response: { 200: Verification },
        },
      },
      async (request) => {
        const row = await service.decideVerification(
          ctx,
          requireActor(request),
          request.params.verificationId,
          request.body,
        );
        request.auditOverride = { orgId: row.orgId, target: `verification ${row.id} ${row.status}` };
        return view(row);
      },
    );

    app.post(
      '/api/staff/verifications/:verificationId/reveal-id-number',
      {
        config: { permission: perm.revealId },
        schema: {
          tags,
          summary: '查看完整身份证号（留痕）',
          params: VerificationParams,
          response: { 200: RevealedIdNumber },
        },
      },
      async (request) => ({ number: await service.revealIdNumber(ctx, request.params.verificationId) }),
    );
  };
}
