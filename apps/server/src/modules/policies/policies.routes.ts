import {
  CreatePolicyBody,
  CreatePolicySubscriptionBody,
  PolicyDetail,
  PolicyDocParams,
  PolicyFileMeta,
  PolicySearchQuery,
  PolicySearchResult,
  PolicySubscription,
  PolicySubscriptionList,
  PolicySubscriptionParams,
  PolicyVersion,
  PolicyVersionParams,
  StaffPolicyList,
  UpdatePolicyBody,
  WithdrawPolicyBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { fileErrors, sendStoredFile } from '../files';
import { policyPermissions as perm } from './policies.policy';
import * as service from './policies.service';

const tags = ['policies'];
const PdfQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export function policiesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/policies',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '政策检索（中文分词，按地区、类别、发文机关、日期筛选）',
          querystring: PolicySearchQuery,
          response: { 200: PolicySearchResult },
        },
      },
      async (request) => service.searchPolicies(ctx, request.query),
    );

    app.get(
      '/api/policies/:policyId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '政策详情与解读', params: PolicyDocParams, response: { 200: PolicyDetail } },
      },
      async (request) => service.policyDetail(ctx, request.params.policyId),
    );

    app.get(
      '/api/policies/:policyId/versions/:versionNo',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '政策的历史版本', params: PolicyVersionParams, response: { 200: PolicyVersion } },
      },
      async (request) => service.policyVersion(ctx, request.params.policyId, request.params.versionNo),
    );

    app.get(
      '/api/policies/:policyId/pdf',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '政策原文 PDF',
          params: PolicyDocParams,
          querystring: PdfQuery,
          response: { 200: z.any() },
        },
      },
      async (request, reply) =>
        sendStoredFile(ctx, reply, await service.policyPdf(ctx, request.params.policyId, request.query.version)),
    );

    app.get(
      '/api/policy-subscriptions',
      {
        config: { permission: perm.subscribe },
        schema: { tags, summary: '我的政策订阅', response: { 200: PolicySubscriptionList } },
      },
      async (request) => service.mySubscriptions(ctx, requireActor(request)),
    );

    app.post(
      '/api/policy-subscriptions',
      {
        config: { permission: perm.subscribe },
        schema: {
          tags,
          summary: '按地区、类别（和关键词）订阅新政策',
          body: CreatePolicySubscriptionBody,
          response: { 201: PolicySubscription },
        },
      },
      async (request, reply) => reply.code(201).send(await service.subscribe(ctx, requireActor(request), request.body)),
    );

    app.delete(
      '/api/policy-subscriptions/:subscriptionId',
      {
        config: { permission: perm.subscribe },
        schema: { tags, summary: '取消订阅', params: PolicySubscriptionParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.unsubscribe(ctx, requireActor(request), request.params.subscriptionId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/staff/policies',
      {
        config: { permission: perm.desk },
        schema: { tags, summary: '政策编辑台：全部政策（含草稿）', response: { 200: StaffPolicyList } },
      },
      async () => service.staffPolicies(ctx),
    );

    app.get(
      '/api/staff/policies/:policyId',
      {
        config: { permission: perm.desk },
        schema: { tags, summary: '政策（含草稿）', params: PolicyDocParams, response: { 200: PolicyDetail } },
      },
      async (request) => service.policyDetail(ctx, request.params.policyId, true),
    );

    app.post(
      '/api/staff/policy-files',
      {
        config: { permission: perm.write },
        schema: {
          tags,
          summary: '上传政策原文 PDF（multipart 字段 file）',
          consumes: ['multipart/form-data'],
          response: { 201: PolicyFileMeta },
        },
      },
      async (request, reply) => {
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
        const file = await service.uploadPolicyFile(ctx, requireActor(request), part.filename, bytes);
        return reply.code(201).send(file);
      },
    );

    app.post(
      '/api/staff/policies',
      {
        config: { permission: perm.write },
        schema: {
          tags,
          summary: '新建政策草稿（含解读）',
          body: CreatePolicyBody,
          response: { 201: PolicyDetail },
        },
      },
      async (request, reply) => {
        const id = await service.createPolicy(ctx, requireActor(request), request.body);
        return reply.code(201).send(await service.policyDetail(ctx, id, true));
      },
    );

    app.put(
      '/api/staff/policies/:policyId',
      {
        config: { permission: perm.write },
        schema: {
          tags,
          summary: '修改政策（生成新版本；旧版本保留）',
          params: PolicyDocParams,
          body: UpdatePolicyBody,
          response: { 200: PolicyDetail },
        },
      },
      async (request) => {
        await service.updatePolicy(ctx, requireActor(request), request.params.policyId, request.body);
        return service.policyDetail(ctx, request.params.policyId, true);
      },
    );

    app.post(
      '/api/staff/policies/:policyId/publish',
      {
        config: { permission: perm.publish },
        schema: { tags, summary: '发布政策（通知订阅者）', params: PolicyDocParams, response: { 200: PolicyDetail } },
      },
      async (request) => {
        await service.publishPolicy(ctx, requireActor(request), request.params.policyId);
        return service.policyDetail(ctx, request.params.policyId, true);
      },
    );

    app.post(
      '/api/staff/policies/:policyId/withdraw',
      {
        config: { permission: perm.withdraw },
        schema: {
          tags,
          summary: '废止政策',
          params: PolicyDocParams,
          body: WithdrawPolicyBody,
          response: { 200: PolicyDetail },
        },
      },
      async (request) => {
        await service.withdrawPolicy(ctx, requireActor(request), request.params.policyId, request.body.reason);
        return service.policyDetail(ctx, request.params.policyId, true);
      },
    );
  };
}
