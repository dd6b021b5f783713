import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { lt, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client';
import type { JobQueue } from '../jobs/job-queue';
import { rateLimits } from './rate-limit.tables';

interface RouteInfo {
  routeInfo?: { method?: string; url?: string };
}

/**
 * A `@fastify/rate-limit` store on PostgreSQL, so a limit counts every process's requests (ADR 0119): one upsert per
 * counted request, which starts a new window when the old one has passed. The count is the fixed-window count the
 * default in-memory store keeps (`continueExceeding` and exponential back-off are not used by the platform).
 */
export function postgresRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = 'global|',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      queryRows<{ hits: number; ttl: number }>(
        db,
        sql`insert into rate_limits (key, hits, reset_at)
          values (${this.prefix + key}, 1, now() + ${timeWindow} * interval '1 millisecond')
          on conflict (key) do update set
            hits = case when rate_limits.reset_at <= now() then 1 else rate_limits.hits + 1 end,
            reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
          returning hits, greatest(0, ceil(extract(epoch from (reset_at - now())) * 1000))::int as ttl`,
      ).then(
        ([row]) => callback(null, { current: row?.hits ?? 1, ttl: row?.ttl ?? timeWindow }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: FastifyRateLimitOptions & RouteInfo): FastifyRateLimitStore {
      const route = routeOptions.routeInfo;
      const prefix = route?.method || route?.url ? `${route.method ?? ''} ${route.url ?? ''}|` : 'custom|';
      return new PostgresRateLimitStore(routeOptions, prefix);
    }
  }
  return PostgresRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

/** Removes counters whose window has passed; returns how many. */
export async function expireRateLimits(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(rateLimits).where(lt(rateLimits.resetAt, now)).returning({ key: rateLimits.key });
  return gone.length;
}

export function registerRateLimitJobs(jobs: JobQueue, db: Db): void {
  jobs.schedule('http.rate-limit-expire', '23 * * * *', async () => {
    await expireRateLimits(db);
  });
}
