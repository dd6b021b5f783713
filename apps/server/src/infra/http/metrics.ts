import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { definePermission } from './access';
import type { TrafficWindow } from './traffic-window';

export interface MetricsOptions {
  slowSeconds: number;
  collectProcessMetrics: boolean;
  /** the monitoring window the status page and the alerts read */
  traffic?: TrafficWindow;
}

/** Prometheus metrics at /metrics (PLAT-3), including a counter of responses slower than `slowSeconds`. */
export const metricsPlugin = fp(async (app: FastifyInstance, options: MetricsOptions) => {
  const registry = new Registry();
  if (options.collectProcessMetrics) collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5, 10],
    registers: [registry],
  });
  const slow = new Counter({
    name: 'http_slow_responses_total',
    help: `HTTP responses that took longer than ${options.slowSeconds} s (alert threshold, PLAT-3)`,
    labelNames: ['method', 'route'],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    options.traffic?.observe(reply.statusCode, seconds);
    if (seconds > options.slowSeconds) {
      slow.inc({ method: request.method, route });
      request.log.warn({ route, seconds }, 'slow response');
    }
  });

  app.get(
    '/metrics',
    { config: { permission: definePermission('ops.metrics', { kind: 'public' }) }, logLevel: 'warn' },
    async (_req, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
});
