import { OrgParams, WorkspaceHome, WorkspaceHomeQuery } from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { workspacePermissions as perm } from './workspace.policy';
import * as service from './workspace.service';

const tags = ['workspace'];

export function workspaceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/workspace',
      {
        config: { permission: perm.home },
        schema: {
          tags,
          summary: '工作台：待办、关键指标、最近动态',
          params: OrgParams,
          querystring: WorkspaceHomeQuery,
          response: { 200: WorkspaceHome },
        },
      },
      async (request) => service.organisationHome(ctx, requireActor(request), request.params.orgId, request.query.role),
    );

    app.get(
      '/api/staff/workspace',
      {
        config: { permission: perm.staffHome },
        schema: { tags, summary: '运营工作台：待审核、待处理预警、资金风险案件', response: { 200: WorkspaceHome } },
      },
      async (request) => service.staffHome(ctx, requireActor(request)),
    );
  };
}
