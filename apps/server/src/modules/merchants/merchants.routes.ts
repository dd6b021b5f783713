import {
  AcceptAgreementBody,
  InspectionResultBody,
  MaybeMerchantApplication,
  MerchantApplication,
  MerchantApplicationBody,
  MerchantApplicationParams,
  MerchantBoard,
  MerchantCategory,
  MerchantCategoryList,
  MerchantCategoryParams,
  MerchantDecisionBody,
  MerchantFileParams,
  MerchantProfileBody,
  type MerchantStage,
  type MerchantTier,
  OrgParams,
  ScheduleInspectionBody,
  TierEvaluationResult,
  UpdateMerchantCategoryBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarCovers } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { fileErrors, sendStoredFile } from '../files';
import { merchantPermissions as perm } from './merchants.policy';
import { presentApplication, presentCategory, presentSla } from './merchants.presenter';
import * as service from './merchants.service';
import type { MerchantPerformanceSource } from './merchants.tiers';

const tags = ['merchants'];

export function merchantRoutes(ctx: AppContext, performance: MerchantPerformanceSource): FastifyPluginAsyncZod {
  const view = async (row: service.ApplicationRow) => presentApplication(await service.loadApplicationView(ctx, row));

  return async (app) => {
    app.get(
      '/api/merchant-categories',
      {
        config: { permission: perm.categories },
        schema: { tags, summary: '经营类目', response: { 200: MerchantCategoryList } },
      },
      async () => ({ items: (await service.listCategories(ctx)).map((c) => presentCategory(c)) }),
    );

    app.get(
      '/api/orgs/:orgId/merchant-application',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '本组织的入驻申请', params: OrgParams, response: { 200: MaybeMerchantApplication } },
      },
      async (request) => {
        const row = await service.currentApplication(ctx, request.params.orgId);
        return { application: row ? await view(row) : null };
      },
    );

    app.post(
      '/api/orgs/:orgId/merchant-application',
      {
        config: { permission: perm.apply },
        schema: {
          tags,
          summary: '提交入驻申请（资质材料 + 类目 + 服务区域）；自动核验后进入审核或待补正',
          params: OrgParams,
          body: MerchantApplicationBody,
          response: { 201: MerchantApplication },
        },
      },
      async (request, reply) => {
        const row = await service.apply(ctx, requireActor(request), request.params.orgId, request.body);
        request.auditOverride = { target: `merchant application ${row.id} ${row.stage}` };
        return reply.status(201).send(await view(row));
      },
    );

    app.patch(
      '/api/orgs/:orgId/merchant-profile',
      {
        config: { permission: perm.updateProfile },
        schema: {
          tags,
          summary: '修改店铺资料（违规用语检查）',
          params: OrgParams,
          body: MerchantProfileBody,
          response: { 200: MerchantApplication },
        },
      },
      async (request) => view(await service.updateProfile(ctx, request.params.orgId, request.body)),
    );

    app.post(
      '/api/orgs/:orgId/merchant-application/agreement',
      {
        config: { permission: perm.acceptAgreement },
        schema: {
          tags,
          summary: '在线签署入驻协议（需动态口令二次验证）',
          params: OrgParams,
          body: AcceptAgreementBody,
          response: { 200: MerchantApplication },
        },
      },
      async (request) => {
        const row = await service.acceptAgreement(ctx, requireActor(request), request.params.orgId, request.body, {
          ip: request.ip,
        });
        request.auditOverride = {
          target: `merchant application ${row.id} agreement ${row.agreementVersion} ${row.agreementSha256}`,
        };
        return view(row);
      },
    );

    app.get(
      '/api/staff/merchant-board',
      { config: { permission: perm.board }, schema: { tags, summary: '招商看板', response: { 200: MerchantBoard } } },
      async () => {
        const now = new Date();
        const b = await service.board(ctx, now);
        return {
          ...b,
          calendarCovered: calendarCovers(now.getFullYear()),
          items: b.items.map((i) => ({
            id: i.row.id,
            orgId: i.row.orgId,
            orgName: i.orgName,
            shopName: i.row.shopName,
            stage: i.row.stage as MerchantStage,
            category: presentCategory(i.category, i.row.categoryCode),
            tier: i.row.tier as MerchantTier | null,
            firstSubmittedAt: i.row.firstSubmittedAt.toISOString(),
            stageEnteredAt: i.row.stageEnteredAt.toISOString(),
            sla: presentSla(i.sla),
          })),
        };
      },
    );

    app.get(
      '/api/staff/merchant-applications/:applicationId',
      {
        config: { permission: perm.readApplication },
        schema: {
          tags,
          summary: '入驻申请详情',
          params: MerchantApplicationParams,
          response: { 200: MerchantApplication },
        },
      },
      async (request) => view(await service.getApplication(ctx, request.params.applicationId)),
    );

    app.get(
      '/api/staff/merchant-applications/:applicationId/files/:fileId',
      {
        config: { permission: perm.readApplication },
        schema: { tags, summary: '查看申请材料（预览）', params: MerchantFileParams, response: { 200: z.any() } },
      },
      async (request, reply) =>
        sendStoredFile(
          ctx,
          reply,
          await service.applicationFile(ctx, request.params.applicationId, request.params.fileId),
        ),
    );

    app.post(
      '/api/staff/merchant-applications/:applicationId/decision',
      {
        config: { permission: perm.decide },
        schema: {
          tags,
          summary: '审核结论：通过（评定层级）或驳回（附理由）',
          params: MerchantApplicationParams,
          body: MerchantDecisionBody,
          response: { 200: MerchantApplication },
        },
      },
      async (request) => {
        const row = await service.decide(ctx, requireActor(request), request.params.applicationId, request.body);
        request.auditOverride = { orgId: row.orgId, target: `merchant application ${row.id} → ${row.stage}` };
        return view(row);
      },
    );

    app.post(
      '/api/staff/merchant-applications/:applicationId/inspection',
      {
        config: { permission: perm.inspect },
        schema: {
          tags,
          summary: '安排实地考察（日期、考察人）',
          params: MerchantApplicationParams,
          body: ScheduleInspectionBody,
          response: { 200: MerchantApplication },
        },
      },
      async (request) => {
        const row = await service.scheduleInspection(ctx, request.params.applicationId, request.body);
        request.auditOverride = { orgId: row.orgId, target: `merchant application ${row.id} inspection` };
        return view(row);
      },
    );

    app.post(
      '/api/staff/merchant-applications/:applicationId/inspection/video',
      {
        config: { permission: perm.inspect },
        schema: {
          tags,
          summary: '上传实地考察视频（multipart 字段 file）',
          params: MerchantApplicationParams,
          consumes: ['multipart/form-data'],
          response: { 200: MerchantApplication },
        },
      },
      async (request) => {
        const readUpload = async () => {
          if (!request.isMultipart()) throw fileErrors.raise('FILE_MISSING');
          const part = await request.file();
          if (!part) throw fileErrors.raise('FILE_MISSING');
          try {
            return { name: part.filename, bytes: await part.toBuffer() };
          } catch (error) {
            if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
              throw fileErrors.raise('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.fileMaxBytes / 1_048_576) });
            throw error;
          }
        };
        // The application is looked up before the upload is read, so an unknown id answers 404 at once.
        const { application, file } = await service.attachInspectionVideo(
          ctx,
          requireActor(request),
          request.params.applicationId,
          readUpload,
        );
        request.auditOverride = {
          orgId: application.orgId,
          target: `inspection video file ${file.id} sha256 ${file.sha256}`,
        };
        return view(application);
      },
    );

    app.post(
      '/api/staff/merchant-applications/:applicationId/inspection/result',
      {
        config: { permission: perm.inspect },
        schema: {
          tags,
          summary: '考察结论（双审：须另一名审核员）',
          params: MerchantApplicationParams,
          body: InspectionResultBody,
          response: { 200: MerchantApplication },
        },
      },
      async (request) => {
        const row = await service.recordInspection(
          ctx,
          requireActor(request),
          request.params.applicationId,
          request.body,
        );
        request.auditOverride = {
          orgId: row.orgId,
          target: `merchant application ${row.id} inspection ${row.inspectionResult}`,
        };
        return view(row);
      },
    );

    app.patch(
      '/api/staff/merchant-categories/:categoryCode',
      {
        config: { permission: perm.configureCategories },
        schema: {
          tags,
          summary: '设置重点类目（需实地考察）',
          params: MerchantCategoryParams,
          body: UpdateMerchantCategoryBody,
          response: { 200: MerchantCategory },
        },
      },
      async (request) =>
        presentCategory(await service.setCategoryKey(ctx, request.params.categoryCode, request.body.key)),
    );

    app.post(
      '/api/staff/merchant-tiers/evaluate',
      {
        config: { permission: perm.evaluateTiers },
        schema: { tags, summary: '立即复评商家层级（平时按月自动执行）', response: { 200: TierEvaluationResult } },
      },
      async () => service.evaluateTiers(ctx, performance),
    );
  };
}
