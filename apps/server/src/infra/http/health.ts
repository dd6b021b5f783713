import type { FastifyInstance } from 'fastify';
import { definePermission } from './access';

const live = definePermission('ops.health', { kind: 'public' });

/** /healthz: the process answers. /readyz: it can reach its database (load balancers route on this). */
export function registerHealthRoutes(app: FastifyInstance, ping: () => Promise<void>) {
  app.get('/healthz', { config: { permission: live }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { permission: live }, logLevel: 'warn' }, async (_request, reply) => {
    try {
      await ping();
      return { status: 'ready', database: 'ok' };
    } catch (error) {
      reply.log.error({ err: error }, 'readiness check failed');
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
