import { ProductEventList, ProductEventQuery } from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { analyticsPermissions } from './analytics.policy';
import { listProductEvents } from './analytics.service';

export function analyticsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/staff/product-events',
      {
        config: { permission: analyticsPermissions.listEvents },
        schema: {
          tags: ['staff'],
          summary: '产品事件 product events',
          querystring: ProductEventQuery,
          response: { 200: ProductEventList },
        },
      },
      async (request) => {
        const rows = await listProductEvents(ctx, request.query);
        return {
          items: rows.map((r) => ({
            id: r.id,
            name: r.name,
            userId: r.userId,
            orgId: r.orgId,
            properties: r.properties,
            occurredAt: r.occurredAt.toISOString(),
          })),
        };
      },
    );
  };
}
