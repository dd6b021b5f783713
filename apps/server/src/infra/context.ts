import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db } from './db/client';
import type { BlobStore } from './files/blob-store';
import type { JobQueue } from './jobs/job-queue';
import type { Mailer } from './mail/mailer';

/** What every service function receives: database, configuration, logger, job queue, blob store, mailer. */
export interface AppContext {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
  jobs: JobQueue;
  blobs: BlobStore;
  mailer: Mailer;
}
