import {
  ChooseBestAnswerBody,
  CommunityBoards,
  CommunityLikeResult,
  CommunityModerationBody,
  CommunityModerationResult,
  CommunityOrgPostParams,
  CommunityPost,
  CommunityPostPage,
  CommunityPostParams,
  CommunityPostQuery,
  CommunityQueue,
  CommunityReplyParams,
  CommunityReport,
  CommunityReportParams,
  CreateCommunityPostBody,
  CreateCommunityReplyBody,
  CreateCommunityReportBody,
  OrgParams,
  UpdateCommunityPostBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { communityPermissions as perm } from './community.policy';
import * as service from './community.service';

const tags = ['community'];

export function communityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/community/boards',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '社区版块、地区版与热门标签', response: { 200: CommunityBoards } },
      },
      async () => service.boards(ctx),
    );

    app.get(
      '/api/community/posts',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '帖子列表（版块、地区、标签、搜索；最新或最热；分页）',
          querystring: CommunityPostQuery,
          response: { 200: CommunityPostPage },
        },
      },
      async (request) => service.listPosts(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/community/posts/:postId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '帖子详情与回复', params: CommunityPostParams, response: { 200: CommunityPost } },
      },
      async (request) => service.getPost(ctx, requireActor(request), request.params.postId),
    );

    app.post(
      '/api/orgs/:orgId/community/posts',
      {
        config: { permission: perm.post },
        schema: {
          tags,
          summary: '发帖（以组织名义；含违规用语时进入审核）',
          params: OrgParams,
          body: CreateCommunityPostBody,
          response: { 201: CommunityPost },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createPost(ctx, requireActor(request), request.params.orgId, request.body)),
    );

    app.patch(
      '/api/community/posts/:postId',
      {
        config: { permission: perm.editOwn },
        schema: {
          tags,
          summary: `编辑自己的帖子（发布后 ${service.EDIT_WINDOW_MINUTES} 分钟内）`,
          params: CommunityPostParams,
          body: UpdateCommunityPostBody,
          response: { 200: CommunityPost },
        },
      },
      async (request) => service.editPost(ctx, requireActor(request), request.params.postId, request.body),
    );

    app.delete(
      '/api/community/posts/:postId',
      {
        config: { permission: perm.editOwn },
        schema: { tags, summary: '删除自己的帖子', params: CommunityPostParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.deletePost(ctx, requireActor(request), request.params.postId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/orgs/:orgId/community/posts/:postId/replies',
      {
        config: { permission: perm.post },
        schema: {
          tags,
          summary: '回复帖子（以组织名义；含违规用语时进入审核）',
          params: CommunityOrgPostParams,
          body: CreateCommunityReplyBody,
          response: { 201: CommunityPost },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await service.createReply(
              ctx,
              requireActor(request),
              request.params.orgId,
              request.params.postId,
              request.body,
            ),
          ),
    );

    app.post(
      '/api/community/posts/:postId/best-answer',
      {
        config: { permission: perm.editOwn },
        schema: {
          tags,
          summary: '采纳最佳答案（问答版块，提问者）',
          params: CommunityPostParams,
          body: ChooseBestAnswerBody,
          response: { 200: CommunityPost },
        },
      },
      async (request) =>
        service.chooseBestAnswer(ctx, requireActor(request), request.params.postId, request.body.replyId),
    );

    for (const kind of ['post', 'reply'] as const) {
      const path = kind === 'post' ? '/api/community/posts/:postId/like' : '/api/community/replies/:replyId/like';
      const params = kind === 'post' ? CommunityPostParams : CommunityReplyParams;
      const idOf = (p: Record<string, string>) => (kind === 'post' ? p.postId : p.replyId) as string;
      app.put(
        path,
        {
          config: { permission: perm.react },
          schema: {
            tags,
            summary: kind === 'post' ? '点赞帖子' : '点赞回复',
            params,
            response: { 200: CommunityLikeResult },
          },
        },
        async (request) => service.like(ctx, requireActor(request), kind, idOf(request.params)),
      );
      app.delete(
        path,
        {
          config: { permission: perm.react },
          schema: { tags, summary: '取消点赞', params, response: { 200: CommunityLikeResult } },
        },
        async (request) => service.unlike(ctx, requireActor(request), kind, idOf(request.params)),
      );
    }

    app.post(
      '/api/community/reports',
      {
        config: { permission: perm.report },
        schema: {
          tags,
          summary: '举报帖子或回复',
          body: CreateCommunityReportBody,
          response: { 201: CommunityReport },
        },
      },
      async (request, reply) => reply.code(201).send(await service.report(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/staff/community/queue',
      {
        config: { permission: perm.queue },
        schema: { tags, summary: '社区审核队列（举报、待审核、已下架）', response: { 200: CommunityQueue } },
      },
      async () => service.moderationQueue(ctx),
    );

    app.post(
      '/api/staff/community/take-down',
      {
        config: { permission: perm.moderate },
        schema: {
          tags,
          summary: '下架帖子或回复（理由通知作者，记入下架记录）',
          body: CommunityModerationBody,
          response: { 200: CommunityModerationResult },
        },
      },
      async (request) => {
        const result = await service.takeDownContent(ctx, requireActor(request), request.body);
        request.auditOverride = { target: `community ${request.body.targetKind} ${request.body.targetId} removed` };
        return result;
      },
    );

    app.post(
      '/api/staff/community/restore',
      {
        config: { permission: perm.moderate },
        schema: {
          tags,
          summary: '恢复已下架的帖子或回复',
          body: CommunityModerationBody,
          response: { 200: CommunityModerationResult },
        },
      },
      async (request) => service.restoreContent(ctx, requireActor(request), request.body),
    );

    app.post(
      '/api/staff/community/approve',
      {
        config: { permission: perm.moderate },
        schema: {
          tags,
          summary: '审核通过待审核的帖子或回复',
          body: CommunityModerationBody,
          response: { 200: CommunityModerationResult },
        },
      },
      async (request) => service.approveContent(ctx, requireActor(request), request.body),
    );

    app.post(
      '/api/staff/community/reports/:reportId/dismiss',
      {
        config: { permission: perm.moderate },
        schema: {
          tags,
          summary: '驳回举报（内容保留）',
          params: CommunityReportParams,
          response: { 200: CommunityReport },
        },
      },
      async (request) => service.dismissReport(ctx, requireActor(request), request.params.reportId),
    );
  };
}
