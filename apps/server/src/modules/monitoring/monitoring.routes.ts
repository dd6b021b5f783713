import { OpsStatus, SystemNotices } from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { monitoringPermissions as perm } from './monitoring.policy';
import { type MonitoringDeps, notices, status } from './monitoring.service';

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
    app.get(
      '/api/system/notices',
      {
        config: { permission: perm.notices },
        schema: { tags, summary: '服务延迟提示：哪些外部服务当前延迟', response: { 200: SystemNotices } },
      },
      async () => notices(ctx),
    );
  };
}
