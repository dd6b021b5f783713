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
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { createActorResolver } from './access-resolver';
import type { Config } from './config';
import type { AppContext } from './infra/context';
import type { DatabaseHandle } from './infra/db/client';
import { DomainEventBus } from './infra/events';
import type { BlobStore } from './infra/files/blob-store';
import { accessPlugin } from './infra/http/access';
import { auditPlugin } from './infra/http/audit-hook';
import { registerHealthRoutes } from './infra/http/health';
import { metricsPlugin } from './infra/http/metrics';
import { registerProblemHandlers } from './infra/http/problem';
import { JobQueue } from './infra/jobs/job-queue';
import type { Mailer } from './infra/mail/mailer';
import { registerMailJob } from './infra/mail/outbox';
import { analyticsRoutes } from './modules/analytics';
import { activeRankingBoosts, commissionRoutes } from './modules/commission';
import { complianceRoutes } from './modules/compliance';
import { contractRoutes } from './modules/contracts';
import { cooperationRoutes } from './modules/cooperation';
import { creditGradeOf, creditRoutes } from './modules/credit';
import { demandsRoutes } from './modules/demands';
import { escrowRoutes, registerEscrowJobs } from './modules/escrow';
import { evidenceRoutes, registerEvidenceJobs } from './modules/evidence';
import { executionRoutes, registerExecutionJobs } from './modules/execution';
import { filesRoutes } from './modules/files';
import { identityRoutes } from './modules/identity';
import { registerLedgerJobs } from './modules/ledger';
import { matchingRoutes } from './modules/matching';
import { merchantRoutes, registerMerchantJobs } from './modules/merchants';
import { notificationRoutes, registerNotificationJobs } from './modules/notifications';
import { organisationRoutes } from './modules/organisation';
import { projectsRoutes } from './modules/projects';
import { regionsRoutes } from './modules/regions';
import { resourcesRoutes } from './modules/resources';
import { searchRoutes } from './modules/search';
import { settlementRoutes } from './modules/settlement';
import { signingRoutes } from './modules/signing';
import { staffRoutes } from './modules/staff';
import { registerTenderingJobs, tenderingRoutes } from './modules/tendering';
import { registerTierJobs, tierRoutes } from './modules/tiers';
import { registerVerificationJobs, verificationRoutes } from './modules/verification';

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  /** false in tests: pino writes nothing */
  logger?: boolean;
  blobs: BlobStore;
  mailer: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the services' context, for the job runner and for tests */
    appContext: AppContext;
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
  blobs,
  mailer,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
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
  const ctx: AppContext = { db: database.db, config, log: app.log, jobs, events, blobs, mailer };
  app.decorate('appContext', ctx);
  registerMailJob(jobs, mailer);
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
  await app.register(fastifyRateLimit, { max: config.rateLimit.max, timeWindow: '1 minute' });
  await app.register(fastifyMultipart, { limits: { fileSize: config.fileMaxBytes, files: 1, fields: 20 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ZhuHe 筑合 API',
        version: '0.1.0',
        description:
          'Errors are RFC 9457 application/problem+json with a module error code and zh-CN/en messages. ' +
          'Cookie-authenticated mutations need the x-csrf-token header from /api/auth/me.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // 2. platform infrastructure
  const index = join(config.webDist, 'index.html');
  registerProblemHandlers(app, existsSync(index) ? config.webDist : null);
  await app.register(accessPlugin, { resolver, stepUpMinutes: config.stepUpMinutes });
  await app.register(auditPlugin, { db: database.db });
  await app.register(metricsPlugin, { slowSeconds: config.slowResponseSeconds, collectProcessMetrics: logger });
  registerHealthRoutes(app, database.ping);

  // 3. modules
  await app.register(identityRoutes(ctx, resolver));
  await app.register(organisationRoutes(ctx, resolver));
  await app.register(staffRoutes(ctx));
  await app.register(analyticsRoutes(ctx));
  await app.register(filesRoutes(ctx));
  await app.register(evidenceRoutes(ctx));
  registerEvidenceJobs(ctx);
  await app.register(signingRoutes(ctx));
  await app.register(contractRoutes(ctx));
  await app.register(escrowRoutes(ctx));
  registerEscrowJobs(ctx);
  registerLedgerJobs(ctx.jobs, ctx.db);
  await app.register(executionRoutes(ctx));
  await app.register(settlementRoutes(ctx));
  registerExecutionJobs(ctx);
  await app.register(verificationRoutes(ctx));
  await app.register(complianceRoutes(ctx));
  await app.register(merchantRoutes(ctx));
  await app.register(commissionRoutes(ctx));
  await app.register(tierRoutes(ctx));
  registerVerificationJobs(ctx);
  registerMerchantJobs(ctx);
  registerTierJobs(ctx);
  await app.register(regionsRoutes());
  await app.register(projectsRoutes(ctx));
  await app.register(resourcesRoutes(ctx));
  await app.register(demandsRoutes(ctx));
  await app.register(creditRoutes(ctx));
  await app.register(tenderingRoutes(ctx));
  registerTenderingJobs(ctx);
  // 流量扶持: new merchants' listings rank first for the months the commission policy says (MERCH-3).
  await app.register(searchRoutes(ctx, { rankingBoost: { activeBoosts: (c) => activeRankingBoosts(c) } }));
  await app.register(notificationRoutes(ctx));
  registerNotificationJobs(ctx);
  await app.register(cooperationRoutes(ctx));
  // 智能匹配: the same new-merchant boost; credit grades (C excluded, AAA first) are wired once credit exists.
  await app.register(
    matchingRoutes(ctx, {
      boost: { activeBoosts: (c) => activeRankingBoosts(c) },
      // C is excluded and AAA goes first (CREDIT-3) with the grades the credit module holds.
      credit: {
        grades: async (c, orgIds) =>
          new Map([...(await creditGradeOf(c, orgIds))].map(([orgId, info]) => [orgId, info.grade])),
      },
    }),
  );

  // 4. the built web pages at /, when present
  if (existsSync(index)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: ['index.html'], maxAge: '1h' });
  }

  return app;
}
