import pino from 'pino';
import { createActorResolver } from '../access-resolver';
import { composeModules, type PlatformModules } from '../composition';
import type { Config } from '../config';
import { clockFor } from '../infra/clock';
import type { AppContext } from '../infra/context';
import type { DatabaseHandle } from '../infra/db/client';
import { DomainEventBus } from '../infra/events';
import { MemoryBlobStore } from '../infra/files/blob-store';
import { JobQueue } from '../infra/jobs/job-queue';
import { guardMailer, registerMailJob } from '../infra/mail/outbox';
import { BreakerRegistry } from '../infra/resilience/breaker';
import { RecordingMailer, testConfig } from './test-app';
import { createTestDatabase } from './test-db';

/** The service tier's world: a real database, every module wired as in the app, fakes for mail and files. */
export interface TestContext {
  ctx: AppContext;
  modules: PlatformModules;
  database: DatabaseHandle;
  mailer: RecordingMailer;
  /** runs the due jobs: after-commit event handlers, mail, scheduled work */
  drain(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A context for testing use cases directly (no Fastify, no HTTP): a fresh migrated database (PGlite in memory, or
 * a new PostgreSQL database with TEST_DATABASE_URL), the modules composed exactly as `app.ts` composes them, a
 * recording mailer and an in-memory blob store. HTTP tests keep schema and permission behaviour.
 */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const log = pino({ level: 'silent' });
  const jobs = new JobQueue(database.db, log);
  const events = new DomainEventBus(jobs, log);
  const mailer = new RecordingMailer();
  const resilience = new BreakerRegistry(log);
  const ctx: AppContext = {
    db: database.db,
    config,
    log,
    jobs,
    events,
    blobs: new MemoryBlobStore(),
    mailer: guardMailer(mailer, resilience, jobs, config.resilience.smtp),
    clock: clockFor(config),
    resilience,
  };
  registerMailJob(jobs, ctx.mailer);
  const modules = composeModules(ctx, { resolver: createActorResolver(ctx) });
  return {
    ctx,
    modules,
    database,
    mailer,
    drain: () => jobs.runDue(),
    async close() {
      await jobs.stop();
      resilience.shutdown();
      await database.close();
    },
  };
}
