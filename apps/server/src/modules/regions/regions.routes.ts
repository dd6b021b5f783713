import { RegionList } from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { regionPermissions as perm } from './regions.policy';
import { allRegions } from './regions.service';

export function regionsRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/regions',
      {
        config: { permission: perm.list },
        schema: { tags: ['regions'], summary: '行政区划 GB/T 2260', response: { 200: RegionList } },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=86400');
        return { items: [...allRegions()] };
      },
    );
  };
}
