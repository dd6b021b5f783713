import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db } from './db/client';

/** What every service function receives: the database, the configuration and a logger. */
export interface AppContext {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
}
