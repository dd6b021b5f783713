import {
  CreateDemandBody,
  DecideDemandReviewBody,
  Demand,
  DemandDraft,
  DemandParams,
  DemandReview,
  DemandReviewFileParams,
  DemandReviewList,
  DemandReviewParams,
  DemandReviewQuery,
  OrgDemandListQuery,
  OrgDemandPage,
  OrgParams,
} from '@zhuhe/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { fileErrors, sendStoredFile } from '../files';
import { demandPermissions as perm } from './demands.policy';
import * as service from './demands.service';

const tags = ['demands'];
const OrgDemandParams = z.object({ orgId: z.uuid(), demandId: z.uuid() });

function viewerOf(request: FastifyRequest): service.Viewer {
  const actor = requireActor(request);
  return { userId: actor.userId, orgIds: actor.memberships.map((m) => m.orgId) };
}

export function demandsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/orgs/:orgId/demands/import',
      {
        config: { permission: perm.importTender },
        schema: {
          tags,
          summary: '一键导入招标文件 import a tender file (multipart field "file": PDF or DOCX)',
          params: OrgParams,
          consumes: ['multipart/form-data'],
          response: { 200: DemandDraft },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw fileErrors.raise('FILE_MISSING');
        const part = await request.file();
        if (!part) throw fileErrors.raise('FILE_MISSING');
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw fileErrors.raise('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.fileMaxBytes / 1_048_576) });
          throw error;
        }
        const draft = await service.importTender(ctx, requireActor(request), request.params.orgId, {
          name: part.filename,
          bytes,
        });
        request.auditOverride = { target: `file ${draft.sourceFile.id} sha256 ${draft.sourceFile.sha256}` };
        return draft;
      },
    );

    app.post(
      '/api/orgs/:orgId/demands',
      {
        config: { permission: perm.create },
        schema: {
          tags,
          summary: '发布需求（提交审核） publish a demand for review',
          params: OrgParams,
          body: CreateDemandBody,
          response: { 201: Demand },
        },
      },
      async (request, reply) => {
        const demand = await service.createDemand(ctx, requireActor(request), request.params.orgId, request.body);
        request.auditOverride = { target: `demand ${demand.id}` };
        return reply.status(201).send(demand);
      },
    );

    app.get(
      '/api/orgs/:orgId/demands',
      {
        config: { permission: perm.listOwn },
        schema: {
          tags,
          summary: '本单位需求（分页，最新在前） own demands, one page',
          params: OrgParams,
          querystring: OrgDemandListQuery,
          response: { 200: OrgDemandPage },
        },
      },
      async (request) => service.listOrgDemands(ctx, viewerOf(request), request.params.orgId, request.query),
    );

    app.post(
      '/api/orgs/:orgId/demands/:demandId/close',
      {
        config: { permission: perm.close },
        schema: { tags, summary: '关闭需求', params: OrgDemandParams, response: { 200: Demand } },
      },
      async (request) => service.closeDemand(ctx, viewerOf(request), request.params.orgId, request.params.demandId),
    );

    app.get(
      '/api/demands/:demandId',
      {
        config: { permission: perm.read, readReplica: true },
        schema: { tags, summary: '需求详情', params: DemandParams, response: { 200: Demand } },
      },
      async (request) => service.getDemand({ ...ctx, db: request.readDb }, viewerOf(request), request.params.demandId),
    );

    app.get(
      '/api/staff/demand-reviews',
      {
        config: { permission: perm.reviewQueue },
        schema: {
          tags,
          summary: '需求审核队列 review queue',
          querystring: DemandReviewQuery,
          response: { 200: DemandReviewList },
        },
      },
      async (request) => ({ items: await service.reviewQueue(ctx, request.query.state) }),
    );

    app.get(
      '/api/staff/demand-reviews/:reviewId',
      {
        config: { permission: perm.reviewRead },
        schema: { tags, summary: '审核详情', params: DemandReviewParams, response: { 200: DemandReview } },
      },
      async (request) => service.getReview(ctx, request.params.reviewId),
    );

    app.get(
      '/api/staff/demand-reviews/:reviewId/files/:fileId/content',
      {
        config: { permission: perm.reviewRead },
        schema: { tags, summary: '查看审核附件', params: DemandReviewFileParams, response: { 200: z.any() } },
      },
      async (request, reply) =>
        sendStoredFile(ctx, reply, await service.reviewFile(ctx, request.params.reviewId, request.params.fileId)),
    );

    app.post(
      '/api/staff/demand-reviews/:reviewId/decision',
      {
        config: { permission: perm.decide },
        schema: {
          tags,
          summary: '审核决定 approve or reject',
          params: DemandReviewParams,
          body: DecideDemandReviewBody,
          response: { 200: DemandReview },
        },
      },
      async (request) =>
        service.decideReview(
          ctx,
          requireActor(request).userId,
          request.params.reviewId,
          request.body.decision,
          request.body.reason,
        ),
    );
  };
}
