import {
  AnswerQuestionBody,
  AskQuestionBody,
  CreateProjectBody,
  OrgParams,
  OrgProjectParams,
  Project,
  ProjectFileParams,
  ProjectList,
  ProjectParams,
  ProjectQuestion,
  ProjectQuestionList,
  ProjectQuestionParams,
  UpdateProjectBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { sendStoredFile } from '../files';
import { projectPermissions as perm } from './projects.policy';
import * as service from './projects.service';

const tags = ['projects'];

export function projectsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/orgs/:orgId/projects',
      {
        config: { permission: perm.create },
        schema: {
          tags,
          summary: '发布项目 publish a project',
          params: OrgParams,
          body: CreateProjectBody,
          response: { 201: Project },
        },
      },
      async (request, reply) => {
        const project = await service.createProject(ctx, requireActor(request), request.params.orgId, request.body);
        request.auditOverride = { target: `project ${project.id}` };
        return reply.status(201).send(project);
      },
    );

    app.get(
      '/api/orgs/:orgId/projects',
      {
        config: { permission: perm.listOwn },
        schema: { tags, summary: '本组织的项目', params: OrgParams, response: { 200: ProjectList } },
      },
      async (request) => ({
        items: await service.listOrgProjects(ctx, service.viewerOf(requireActor(request)), request.params.orgId),
      }),
    );

    app.patch(
      '/api/orgs/:orgId/projects/:projectId',
      {
        config: { permission: perm.update },
        schema: {
          tags,
          summary: '修改项目',
          params: OrgProjectParams,
          body: UpdateProjectBody,
          response: { 200: Project },
        },
      },
      async (request) =>
        service.updateProject(ctx, requireActor(request), request.params.orgId, request.params.projectId, request.body),
    );

    app.get(
      '/api/projects/:projectId',
      {
        config: { permission: perm.read, readReplica: true },
        schema: { tags, summary: '项目详情', params: ProjectParams, response: { 200: Project } },
      },
      async (request) =>
        service.getProject(
          { ...ctx, db: request.readDb },
          service.viewerOf(requireActor(request)),
          request.params.projectId,
        ),
    );

    app.get(
      '/api/projects/:projectId/files/:fileId/content',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '下载招标文件', params: ProjectFileParams, response: { 200: z.any() } },
      },
      async (request, reply) => {
        const viewer = service.viewerOf(requireActor(request));
        const file = await service.getProjectFile(ctx, viewer, request.params.projectId, request.params.fileId);
        return sendStoredFile(ctx, reply, file);
      },
    );

    app.get(
      '/api/projects/:projectId/questions',
      {
        config: { permission: perm.read, readReplica: true },
        schema: { tags, summary: '答疑记录', params: ProjectParams, response: { 200: ProjectQuestionList } },
      },
      async (request) => ({
        items: await service.listQuestions(
          { ...ctx, db: request.readDb },
          service.viewerOf(requireActor(request)),
          request.params.projectId,
        ),
      }),
    );

    app.post(
      '/api/projects/:projectId/questions',
      {
        config: { permission: perm.ask },
        schema: {
          tags,
          summary: '提问 ask a question',
          params: ProjectParams,
          body: AskQuestionBody,
          response: { 201: ProjectQuestion },
        },
      },
      async (request, reply) => {
        const viewer = service.viewerOf(requireActor(request));
        const question = await service.askQuestion(ctx, viewer, request.params.projectId, request.body.question);
        return reply.status(201).send(question);
      },
    );

    app.post(
      '/api/orgs/:orgId/projects/:projectId/questions/:questionId/answer',
      {
        config: { permission: perm.answer },
        schema: {
          tags,
          summary: '答复 answer a question',
          params: ProjectQuestionParams,
          body: AnswerQuestionBody,
          response: { 200: ProjectQuestion },
        },
      },
      async (request) => {
        const { orgId, projectId, questionId } = request.params;
        const viewer = service.viewerOf(requireActor(request));
        return service.answerQuestion(ctx, viewer, orgId, projectId, questionId, request.body.answer);
      },
    );
  };
}
