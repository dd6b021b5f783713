import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client';
import { primaryLsn, type ReadReplica } from '../db/replica';

/** The cookie carrying the primary's WAL position after this client's last write (read-your-writes). */
export const WRITE_LSN_COOKIE = 'zh_lsn';
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** a read-heavy GET that may be served from the read replica (when one is configured) */
    readReplica?: boolean;
  }
  interface FastifyRequest {
    /** the database this request reads from: the replica when allowed and caught up, else the primary */
    readDb: Db;
  }
}

/**
 * Read replica routing with read-your-writes (ADR 0119). A mutation (any non-GET answered below 500) sets the cookie
 * `zh_lsn` to the primary's WAL position after it; a route marked `readReplica` reads from the replica only when the
 * replica has replayed up to that position, else from the primary. Stateless, so it holds whichever process answers.
 * Without a replica (PGlite, or no `DATABASE_REPLICA_URL`) every request reads the primary.
 */
export const readReplicaPlugin = fp(
  async (app: FastifyInstance, options: { primary: Db; replica: ReadReplica | null; secure: boolean }) => {
    const { primary, replica } = options;
    app.decorateRequest('readDb', null as unknown as Db);
    app.addHook('onRequest', async (request: FastifyRequest) => {
      request.readDb = primary;
    });
    if (!replica) return;

    app.addHook('preHandler', async (request) => {
      if (!request.routeOptions.config.readReplica || request.method !== 'GET') return;
      const lsn = request.cookies[WRITE_LSN_COOKIE];
      try {
        if (lsn === undefined) request.readDb = replica.db;
        else if (LSN.test(lsn) && (await replica.caughtUp(lsn))) request.readDb = replica.db;
      } catch (error) {
        request.log.warn({ err: error }, 'read replica unavailable, reading the primary');
      }
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 500) return payload;
      const lsn = await primaryLsn(primary).catch(() => null);
      if (lsn)
        reply.setCookie(WRITE_LSN_COOKIE, lsn, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secure,
          maxAge: 300,
        });
      return payload;
    });
  },
);
