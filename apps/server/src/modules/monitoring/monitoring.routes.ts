import { OpsStatus } from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { monitoringPermissions as perm } from './monitoring.policy';
import { type MonitoringDeps, status } from './monitoring.service';

const tags = ['monitoring'];

export function monitoringRoutes(ctx: AppContext, deps: MonitoringDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/staff/status',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '运行状态：响应时间、依赖健康与告警', response: { 200: OpsStatus } },
      },
      async () => status(ctx, deps),
    );
  };
}
