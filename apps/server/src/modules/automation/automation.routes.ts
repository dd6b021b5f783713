import {
  DryRun,
  FollowUpTask,
  FollowUpTaskList,
  FollowUpTaskQuery,
  Journey,
  JourneyBody,
  JourneyDetail,
  JourneyList,
  JourneyParams,
  JourneyStatusBody,
  JourneyTemplateList,
  TaskParams,
  TemplateParams,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { automationPermissions as perm } from './automation.policy';
import * as service from './automation.service';

const tags = ['automation'];
const base = '/api/staff/automation';

export function automationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/journeys`,
      { config: { permission: perm.read }, schema: { tags, summary: '营销旅程列表', response: { 200: JourneyList } } },
      async () => service.listJourneys(ctx),
    );

    app.post(
      `${base}/journeys`,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '新建旅程（草稿；步骤成环则拒绝）', body: JourneyBody, response: { 201: Journey } },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createJourney(ctx, requireActor(request), request.body)),
    );

    app.get(
      `${base}/templates`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '内置旅程模板', response: { 200: JourneyTemplateList } },
      },
      async () => service.listTemplates(),
    );

    app.post(
      `${base}/templates/:templateKey/journeys`,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '由模板新建旅程（草稿）', params: TemplateParams, response: { 201: Journey } },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createFromTemplate(ctx, requireActor(request), request.params.templateKey)),
    );

    app.get(
      `${base}/journeys/:journeyId`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '旅程详情：成员与发送记录', params: JourneyParams, response: { 200: JourneyDetail } },
      },
      async (request) => service.journeyDetail(ctx, request.params.journeyId),
    );

    app.put(
      `${base}/journeys/:journeyId`,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '修改旅程', params: JourneyParams, body: JourneyBody, response: { 200: Journey } },
      },
      async (request) => service.updateJourney(ctx, request.params.journeyId, request.body),
    );

    app.post(
      `${base}/journeys/:journeyId/status`,
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '启用或暂停旅程',
          params: JourneyParams,
          body: JourneyStatusBody,
          response: { 200: Journey },
        },
      },
      async (request) => service.setStatus(ctx, request.params.journeyId, request.body.status),
    );

    app.post(
      `${base}/journeys/:journeyId/dry-run`,
      {
        config: { permission: perm.dryRun },
        schema: { tags, summary: '试运行：谁将收到什么（不发送）', params: JourneyParams, response: { 200: DryRun } },
      },
      async (request) => service.dryRun(ctx, request.params.journeyId),
    );

    app.get(
      `${base}/tasks`,
      {
        config: { permission: perm.tasks },
        schema: { tags, summary: '销售跟进任务', querystring: FollowUpTaskQuery, response: { 200: FollowUpTaskList } },
      },
      async (request) => service.listTasks(ctx, request.query.status),
    );

    app.post(
      `${base}/tasks/:taskId/done`,
      {
        config: { permission: perm.tasks },
        schema: { tags, summary: '完成跟进任务', params: TaskParams, response: { 200: FollowUpTask } },
      },
      async (request) => service.completeTask(ctx, requireActor(request), request.params.taskId),
    );
  };
}
