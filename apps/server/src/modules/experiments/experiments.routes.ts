import {
  Assignment,
  AssignmentBody,
  CreateExperimentBody,
  Experiment,
  ExperimentList,
  ExperimentParams,
  ExperimentResults,
  ExperimentStatusBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { experimentPermissions as perm } from './experiments.policy';
import * as service from './experiments.service';

const tags = ['experiments'];
const base = '/api/staff/experiments';

export function experimentsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '实验列表', response: { 200: ExperimentList } },
      },
      async () => ({ items: await service.listExperiments(ctx) }),
    );

    app.post(
      base,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '新建实验（草稿）', body: CreateExperimentBody, response: { 201: Experiment } },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createExperiment(ctx, requireActor(request), request.body)),
    );

    app.get(
      `${base}/:experimentId`,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '实验详情', params: ExperimentParams, response: { 200: Experiment } },
      },
      async (request) => service.getExperiment(ctx, request.params.experimentId),
    );

    app.post(
      `${base}/:experimentId/status`,
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '开始、停止或全量发布实验',
          params: ExperimentParams,
          body: ExperimentStatusBody,
          response: { 200: Experiment },
        },
      },
      async (request) => service.changeStatus(ctx, request.params.experimentId, request.body),
    );

    app.get(
      `${base}/:experimentId/results`,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '实验结果与建议', params: ExperimentParams, response: { 200: ExperimentResults } },
      },
      async (request) => service.experimentResults(ctx, request.params.experimentId),
    );

    app.post(
      '/api/experiments/assignment',
      {
        config: { permission: perm.assign },
        schema: {
          tags,
          summary: '取得某位置的实验变体（首次曝光时记录）',
          body: AssignmentBody,
          response: { 200: Assignment },
        },
      },
      async (request) => service.assign(ctx, requireActor(request), request.body.surface),
    );
  };
}
