import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { createActorResolver } from './access-resolver';
import { composeModules, type PlatformModules } from './composition';
import type { Config } from './config';
import { clockFor } from './infra/clock';
import type { AppContext } from './infra/context';
import type { DatabaseHandle } from './infra/db/client';
import type { ReadReplica } from './infra/db/replica';
import { DomainEventBus } from './infra/events';
import type { BlobStore } from './infra/files/blob-store';
import { accessPlugin } from './infra/http/access';
import { auditPlugin } from './infra/http/audit-hook';
import { registerClockRoutes } from './infra/http/clock';
import { registerHealthRoutes } from './infra/http/health';
import { idempotencyPlugin, registerIdempotencyJobs } from './infra/http/idempotency';
import { metricsPlugin } from './infra/http/metrics';
import { registerProblemHandlers } from './infra/http/problem';
import { postgresRateLimitStore, registerRateLimitJobs } from './infra/http/rate-limit-store';
import { readReplicaPlugin } from './infra/http/read-replica';
import { TrafficWindow } from './infra/http/traffic-window';
import { JobQueue } from './infra/jobs/job-queue';
import type { Mailer } from './infra/mail/mailer';
import { guardMailer, registerMailJob } from './infra/mail/outbox';
import type { PlatformModule } from './infra/module';
import { BreakerRegistry } from './infra/resilience/breaker';
import { SENSITIVE_LOG_PATHS, serializeRequest } from './infra/sensitive-log';
import type { SmsSender } from './infra/sms/sms';
import { createApiKeyAuthenticator } from './modules/developer';
import type { BankAdapter } from './modules/escrow';

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  /** false in tests: pino writes nothing */
  logger?: boolean;
  /** where pino writes (default stdout); the masking test captures it */
  logStream?: { write(line: string): void };
  blobs: BlobStore;
  mailer: Mailer;
  /** the bank adapter (default: the simulated bank); fault tests inject a slow one */
  bank?: BankAdapter;
  sms?: SmsSender;
  /** the read replica (DATABASE_REPLICA_URL), PostgreSQL only */
  replica?: ReadReplica | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the services' context, for the job runner and for tests */
    appContext: AppContext;
    /** the modules as the composition root wired them (their `api`), for the demo seeder and tests */
    modules: PlatformModules;
  }
}

/**
 * Composition root. Plugins go in a fixed order: external (cookies, security headers, rate limits, docs),
 * then the platform's own infrastructure (errors, access, audit, metrics), then the modules' routes.
 */
export async function buildApp({
  config,
  database,
  logger = true,
  logStream,
  blobs,
  mailer,
  bank,
  sms,
  replica = null,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: [
            'req.headers.cookie',
            'req.headers["x-csrf-token"]',
            'req.headers.authorization',
            'res.headers["set-cookie"]',
            // 日志脱敏 (PLAT-2): personal numbers never reach the log, should a body or value ever be logged
            ...SENSITIVE_LOG_PATHS,
          ],
          serializers: { req: serializeRequest },
          ...(logStream ? { stream: logStream } : {}),
        }
      : false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: config.env === 'production',
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  const jobs = new JobQueue(database.db, app.log);
  const events = new DomainEventBus(jobs, app.log);
  const resilience = new BreakerRegistry(app.log);
  const ctx: AppContext = {
    db: database.db,
    config,
    log: app.log,
    jobs,
    events,
    blobs,
    mailer: guardMailer(mailer, resilience, jobs, config.resilience.smtp),
    clock: clockFor(config),
    resilience,
  };
  app.decorate('appContext', ctx);
  app.addHook('onClose', async () => resilience.shutdown());
  registerMailJob(jobs, ctx.mailer);
  registerIdempotencyJobs(jobs, database.db);
  registerRateLimitJobs(jobs, database.db);
  // The scheduler's heartbeat: each slot runs once whatever the number of processes (its done rows in `jobs` show
  // the scheduler alive; the cluster test counts them)
  jobs.schedule('ops.heartbeat', config.scheduler.heartbeatCron, async () => {});
  const resolver = createActorResolver(ctx);

  // 1. external plugins
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  // The limit is for the API: the built pages' scripts and styles, the health checks and the docs are not counted,
  // or one page load (dozens of script chunks) from a shared office address would use up everyone's API budget.
  await app.register(fastifyRateLimit, {
    max: config.rateLimit.max,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api/'),
    // several processes on PostgreSQL count together (ADR 0119); PGlite is one process and counts in memory
    ...(database.driver === 'postgres' ? { store: postgresRateLimitStore(database.db) } : {}),
  });
  // 消息 WebSocket (/api/chat/ws): a frame is at most 256 KiB (a 4,000-character message is far below)
  await app.register(fastifyWebsocket, { options: { maxPayload: 262_144 } });
  await app.register(fastifyMultipart, { limits: { fileSize: config.fileMaxBytes, files: 1, fields: 20 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ZhuHe 筑合 API',
        version: '0.1.0',
        description:
          'Errors are RFC 9457 application/problem+json with a module error code and zh-CN/en messages. ' +
          'Cookie-authenticated mutations need the x-csrf-token header from /api/auth/me. ' +
          'Third parties call /api/v1 (tag api-v1) with an organisation API key as a bearer token; each route ' +
          'names the scope it needs in its security requirement.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'zk_live_…',
            description: '开放平台 API key created by an organisation admin; scopes as listed on each route',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // 2. platform infrastructure
  const index = join(config.webDist, 'index.html');
  registerProblemHandlers(app, existsSync(index) ? config.webDist : null);
  await app.register(accessPlugin, {
    resolver,
    apiKeys: createApiKeyAuthenticator(ctx),
    stepUpMinutes: config.stepUpMinutes,
  });
  await app.register(auditPlugin, { db: database.db });
  await app.register(idempotencyPlugin, { db: database.db });
  await app.register(readReplicaPlugin, { primary: database.db, replica, secure: config.cookieSecure });
  const traffic = new TrafficWindow();
  await app.register(metricsPlugin, {
    slowSeconds: config.slowResponseSeconds,
    collectProcessMetrics: logger,
    traffic,
  });
  registerHealthRoutes(app, database.ping);
  registerClockRoutes(app, ctx.clock);

  // 3. modules: created and wired in modules.ts (jobs, event handlers), their routes registered here in order
  const modules = composeModules(ctx, {
    resolver,
    traffic,
    replica,
    ...(bank ? { bank } : {}),
    ...(sms ? { sms } : {}),
  });
  app.decorate('modules', modules);
  for (const module of Object.values(modules) as PlatformModule[])
    for (const routes of module.routes ?? []) await app.register(routes);

  // 4. the built web pages at /, when present
  if (existsSync(index)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: ['index.html'], maxAge: '1h' });
  }

  return app;
}
