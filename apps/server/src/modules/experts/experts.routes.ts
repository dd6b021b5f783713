import {
  ExpertAcceptBody,
  ExpertAnswerBody,
  ExpertAnswerParams,
  ExpertApplication,
  ExpertApplicationBody,
  ExpertApplicationList,
  ExpertAskBody,
  ExpertDecisionBody,
  ExpertFile,
  ExpertFileParams,
  ExpertList,
  ExpertOrgParams,
  ExpertParams,
  ExpertQuestionDetail,
  ExpertQuestionList,
  ExpertQuestionParams,
  ExpertQuestionSearchQuery,
  ExpertRatingBody,
  ExpertSearchQuery,
  ExpertSummary,
  MyExpertProfile,
  StaffExpertQuery,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { fileErrors, sendStoredFile } from '../files';
import { expertPermissions as perm } from './experts.policy';
import * as service from './experts.service';

const tags = ['experts'];

export function expertsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/experts',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '专家智库：认证专家（按专业、地区、收费筛选）',
          querystring: ExpertSearchQuery,
          response: { 200: ExpertList },
        },
      },
      async (request) => ({ items: await service.searchExperts(ctx, request.query) }),
    );

    app.get(
      '/api/experts/me',
      {
        config: { permission: perm.apply },
        schema: { tags, summary: '我的专家申请', response: { 200: MyExpertProfile } },
      },
      async (request) => ({ application: await service.myApplication(ctx, requireActor(request)) }),
    );

    app.put(
      '/api/experts/me',
      {
        config: { permission: perm.apply },
        schema: {
          tags,
          summary: '申请成为专家（或修改资料，重新审核）',
          body: ExpertApplicationBody,
          response: { 200: ExpertApplication },
        },
      },
      async (request) => service.apply(ctx, requireActor(request), request.body),
    );

    app.post(
      '/api/experts/me/certificates',
      {
        config: { permission: perm.apply },
        schema: {
          tags,
          summary: '上传资格证书（PDF 或图片，multipart 字段 file）',
          consumes: ['multipart/form-data'],
          response: { 201: ExpertFile },
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
        return reply.code(201).send(await service.uploadCertificate(ctx, requireActor(request), part.filename, bytes));
      },
    );

    app.get(
      '/api/experts/me/inbox',
      {
        config: { permission: perm.answer },
        schema: { tags, summary: '专家收件箱：私密咨询与本专业的公开问题', response: { 200: ExpertQuestionList } },
      },
      async (request) => ({ items: await service.inbox(ctx, requireActor(request)) }),
    );

    app.get(
      '/api/experts/:expertId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '专家主页', params: ExpertParams, response: { 200: ExpertSummary } },
      },
      async (request) => service.expertPage(ctx, request.params.expertId),
    );

    app.get(
      '/api/expert-questions',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '公开问答检索（中文分词）',
          querystring: ExpertQuestionSearchQuery,
          response: { 200: ExpertQuestionList },
        },
      },
      async (request) => ({ items: await service.searchQuestions(ctx, request.query) }),
    );

    app.get(
      '/api/expert-questions/:questionId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '问题与回答', params: ExpertQuestionParams, response: { 200: ExpertQuestionDetail } },
      },
      async (request) => service.questionDetail(ctx, requireActor(request), request.params.questionId),
    );

    app.post(
      '/api/expert-questions/:questionId/answers',
      {
        config: { permission: perm.answer },
        schema: {
          tags,
          summary: '专家回答（仅认证专家；私密咨询仅被咨询的专家）',
          params: ExpertQuestionParams,
          body: ExpertAnswerBody,
          response: { 201: ExpertQuestionDetail },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await service.answer(ctx, actor, request.params.questionId, request.body.body);
        return reply.code(201).send(await service.questionDetail(ctx, actor, request.params.questionId));
      },
    );

    app.post(
      '/api/expert-questions/:questionId/accept',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '提问人采纳回答',
          params: ExpertQuestionParams,
          body: ExpertAcceptBody,
          response: { 200: ExpertQuestionDetail },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await service.accept(ctx, actor, request.params.questionId, request.body.answerId);
        return service.questionDetail(ctx, actor, request.params.questionId);
      },
    );

    app.post(
      '/api/expert-questions/:questionId/answers/:answerId/rating',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '提问人评价回答（1–5 星，每个回答一次）',
          params: ExpertAnswerParams,
          body: ExpertRatingBody,
          response: { 201: ExpertQuestionDetail },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await service.rate(ctx, actor, request.params.questionId, request.params.answerId, request.body);
        return reply.code(201).send(await service.questionDetail(ctx, actor, request.params.questionId));
      },
    );

    app.get(
      '/api/orgs/:orgId/expert-questions',
      {
        config: { permission: perm.orgQuestions },
        schema: {
          tags,
          summary: '本企业的提问（公开与私密）',
          params: ExpertOrgParams,
          response: { 200: ExpertQuestionList },
        },
      },
      async (request) => ({ items: await service.orgQuestions(ctx, request.params.orgId) }),
    );

    app.post(
      '/api/orgs/:orgId/expert-questions',
      {
        config: { permission: perm.ask },
        schema: {
          tags,
          summary: '以本企业名义提问（公开，或向一位专家私密咨询）',
          params: ExpertOrgParams,
          body: ExpertAskBody,
          response: { 201: ExpertQuestionDetail },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const id = await service.ask(ctx, actor, request.params.orgId, request.body);
        return reply.code(201).send(await service.questionDetail(ctx, actor, id));
      },
    );

    app.get(
      '/api/staff/experts',
      {
        config: { permission: perm.staffList },
        schema: {
          tags,
          summary: '专家认证审核队列',
          querystring: StaffExpertQuery,
          response: { 200: ExpertApplicationList },
        },
      },
      async (request) => ({ items: await service.staffApplications(ctx, request.query.status) }),
    );

    app.get(
      '/api/staff/experts/:expertId/certificates/:fileId',
      {
        config: { permission: perm.staffList },
        schema: { tags, summary: '查看申请人的资格证书', params: ExpertFileParams, response: { 200: z.any() } },
      },
      async (request, reply) =>
        sendStoredFile(ctx, reply, await service.certificateFile(ctx, request.params.expertId, request.params.fileId)),
    );

    app.post(
      '/api/staff/experts/:expertId/decision',
      {
        config: { permission: perm.staffDecide },
        schema: {
          tags,
          summary: '认证或驳回专家申请（须填理由，记入审计）',
          params: ExpertParams,
          body: ExpertDecisionBody,
          response: { 200: ExpertApplication },
        },
      },
      async (request) => service.decideApplication(ctx, requireActor(request), request.params.expertId, request.body),
    );
  };
}
