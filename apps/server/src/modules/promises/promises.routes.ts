import { PublicPromiseBoard, StaffPromiseBoard, StaffPromiseBoardQuery } from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { promisePermissions as perm } from './promises.policy';
import * as service from './promises.service';
import type { PromiseSources } from './promises.sources';

const tags = ['promises'];

export function promisesRoutes(ctx: AppContext, sources: PromiseSources): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/promises',
      {
        config: { permission: perm.public },
        schema: { tags, summary: '承诺看板（公开：各项承诺的实际数值与趋势）', response: { 200: PublicPromiseBoard } },
      },
      async () => service.publicBoard(ctx, sources),
    );

    app.get(
      '/api/staff/promises',
      {
        config: { permission: perm.staff },
        schema: {
          tags,
          summary: '承诺看板（员工：含未达成的案例）',
          querystring: StaffPromiseBoardQuery,
          response: { 200: StaffPromiseBoard },
        },
      },
      async (request) => service.staffBoard(ctx, sources, request.query.key),
    );
  };
}
