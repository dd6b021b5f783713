import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Clock } from './clock';
import type { Db } from './db/client';
import type { DomainEventBus } from './events';
import type { BlobStore } from './files/blob-store';
import type { JobQueue } from './jobs/job-queue';
import type { Mailer } from './mail/mailer';
import type { BreakerRegistry } from './resilience/breaker';

/**
 * What every service function receives: database, configuration, logger, job queue, domain events, blob store,
 * mailer (behind its breaker), the breakers of the outgoing dependencies and the clock business rules read (`infra/clock.ts`). One per app (built in `app.ts`, or by `createTestContext()` for service tests); nothing in it is
 * module-specific.
 */
export interface AppContext {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
  jobs: JobQueue;
  events: DomainEventBus;
  blobs: BlobStore;
  mailer: Mailer;
  clock: Clock;
  /** the circuit breakers of SMTP, the bank and SMS, for the status page and the notices (ADR 0109) */
  resilience: BreakerRegistry;
}
