import { Cron } from 'croner';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { arrayLiteral, type Db, type DbOrTx, jsonTexts, uuidArray } from '../db/client';
import { newId } from '../ids';
import { jobs } from './jobs.tables';

export type JobRow = typeof jobs.$inferSelect;
export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  /** a second enqueue with the same key is ignored */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Retries back off exponentially: 10 s, 20 s, 40 s … capped at 1 hour. */
function backoffMs(attempt: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** (attempt - 1));
}

/** A job deferred for longer than this counts its runs as attempts again, so an outage cannot keep it forever. */
export const MAX_DEFERRAL_MS = 3 * 24 * 3_600_000;

/**
 * Thrown by a handler whose dependency is down (a breaker open, a timeout): the job is not at fault, so the run
 * does not count as an attempt. It runs again at `retryAt` at the earliest, and backs off with the job's age (half
 * of the time it has waited, 10 s to 15 minutes), so a long outage costs few wake-ups.
 */
export class JobDeferred extends Error {
  constructor(
    message: string,
    readonly retryAt: Date | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'JobDeferred';
  }
}

function deferralMs(job: JobRow, now: number, retryAt: Date | null): number {
  const byAge = Math.min(15 * 60_000, Math.max(10_000, (now - job.createdAt.getTime()) / 2));
  return Math.max(byAge, retryAt ? retryAt.getTime() - now : 0);
}

/**
 * The job queue: modules register handlers by name and enqueue jobs (inside their own transaction when the job
 * must exist only if the change commits — the outbox pattern). `start()` polls; tests call `runDue()`.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules: { name: string; cron: string; timezone: string }[] = [];
  private crons: Cron[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} registered twice`);
    this.handlers.set(name, handler);
  }

  /** A recurring job: each cron slot (Asia/Shanghai by default) is enqueued once, however many processes run. */
  schedule(name: string, cron: string, handler: JobHandler, timezone = 'Asia/Shanghai'): void {
    this.register(name, handler);
    this.schedules.push({ name, cron, timezone });
  }

  scheduled(): readonly { name: string; cron: string; timezone: string }[] {
    return this.schedules;
  }

  async enqueue(
    name: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
    tx?: DbOrTx,
  ): Promise<void> {
    await (tx ?? this.db)
      .insert(jobs)
      .values({
        id: newId(),
        name,
        payload,
        runAt: options.runAt ?? new Date(),
        dedupeKey: options.dedupeKey ?? null,
        maxAttempts: options.maxAttempts ?? 5,
      })
      .onConflictDoNothing();
    this.wake?.();
  }

  /**
   * Several jobs in one multi-row insert (the outbox of a batch: one round trip instead of one per job); each row
   * as `enqueue` writes it, a duplicate dedupe key ignored.
   */
  async enqueueMany(
    items: readonly { name: string; payload: Record<string, unknown>; options?: EnqueueOptions }[],
    tx?: DbOrTx,
  ): Promise<void> {
    // One array parameter per column and chunk instead of six bound parameters per row: the driver's per-parameter
    // cost dominated the monthly credit batch's 2,000 deliveries per transaction, and arrays cost the database less
    // to read than one JSON document of the rows (bench/credit).
    const now = new Date().toISOString();
    for (let i = 0; i < items.length; i += 5000) {
      const chunk = items.slice(i, i + 5000);
      await (tx ?? this.db).execute(sql`
        insert into jobs (id, name, payload, run_at, dedupe_key, max_attempts)
        select id, name, payload::jsonb, run_at, dedupe_key, max_attempts
        from unnest(${uuidArray(chunk.map(() => newId()))}, ${arrayLiteral(chunk.map((c) => c.name))}::text[],
          ${jsonTexts(chunk.map((c) => c.payload))},
          ${arrayLiteral(chunk.map((c) => c.options?.runAt?.toISOString() ?? now))}::timestamptz[],
          ${arrayLiteral(chunk.map((c) => c.options?.dedupeKey ?? null))}::text[],
          ${arrayLiteral(chunk.map((c) => c.options?.maxAttempts ?? 5))}::integer[])
          as r(id, name, payload, run_at, dedupe_key, max_attempts)
        on conflict do nothing`);
    }
    if (items.length > 0) this.wake?.();
  }

  /** Claims and runs due jobs until none is left (or `limit` ran); returns how many ran. */
  async runDue(limit = 1000): Promise<number> {
    let ran = 0;
    while (ran < limit) {
      // a stopping queue claims nothing more (the loop's current batch ends after the job in hand)
      if (ran > 0 && this.loop && !this.running) break;
      const job = await this.claim();
      if (!job) break;
      await this.execute(job);
      ran += 1;
    }
    return ran;
  }

  private async claim(): Promise<JobRow | null> {
    return this.db.transaction(async (tx) => {
      const [due] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.status, 'queued'), lte(jobs.runAt, new Date())))
        .orderBy(jobs.runAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return null;
      const [claimed] = await tx
        .update(jobs)
        .set({ status: 'running', lockedAt: new Date(), attempts: sql`${jobs.attempts} + 1` })
        .where(eq(jobs.id, due.id))
        .returning();
      return claimed ?? null;
    });
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler registered for job ${job.name}`);
      await handler(job.payload, job);
      await this.db
        .update(jobs)
        .set({ status: 'done', finishedAt: new Date(), lastError: null })
        .where(eq(jobs.id, job.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = Date.now();
      if (error instanceof JobDeferred && now - job.createdAt.getTime() < MAX_DEFERRAL_MS) {
        // debug only: the dependency's breaker logs the outage once, and an outage defers every waiting job
        this.log.debug({ job: job.name, attempt: job.attempts, reason: message }, 'job deferred');
        await this.db
          .update(jobs)
          .set({
            status: 'queued',
            lastError: message,
            attempts: sql`${jobs.attempts} - 1`,
            runAt: new Date(now + deferralMs(job, now, error.retryAt)),
          })
          .where(eq(jobs.id, job.id));
        return;
      }
      const final = job.attempts >= job.maxAttempts;
      this.log.error({ err: error, job: job.name, attempt: job.attempts, final }, 'job failed');
      await this.db
        .update(jobs)
        .set(
          final
            ? { status: 'failed', lastError: message, finishedAt: new Date() }
            : { status: 'queued', lastError: message, runAt: new Date(Date.now() + backoffMs(job.attempts)) },
        )
        .where(eq(jobs.id, job.id));
    }
  }

  /** How many jobs of this name wait to run (queued, due or not), e.g. the mail held back by an SMTP outage. */
  async countQueued(name: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(and(eq(jobs.name, name), eq(jobs.status, 'queued')));
    return row?.n ?? 0;
  }

  /** Jobs left 'running' by a process that died are given back to the queue after `staleMs`. */
  async recoverStale(staleMs = 15 * 60_000): Promise<void> {
    await this.db
      .update(jobs)
      .set({ status: 'queued', runAt: new Date() })
      .where(and(eq(jobs.status, 'running'), lte(jobs.lockedAt, new Date(Date.now() - staleMs))));
  }

  start(pollMs = 1000): void {
    if (this.running) return;
    this.running = true;
    for (const s of this.schedules) {
      this.crons.push(
        new Cron(s.cron, { timezone: s.timezone }, () => {
          // Every process's cron fires for the same slot; the slot (to the minute, or to the second for a pattern
          // with seconds) is the dedupe key, so one job is enqueued per slot and SKIP LOCKED runs it once.
          const slot = cronSlot(s.cron, new Date());
          void this.enqueue(
            s.name,
            { slot: slot.toISOString() },
            { dedupeKey: `cron:${s.name}:${slot.toISOString()}` },
          ).catch((error: unknown) => this.log.error({ err: error, job: s.name }, 'could not enqueue scheduled job'));
        }),
      );
    }
    const loop = async (): Promise<void> => {
      while (this.running) {
        try {
          await this.recoverStale();
          await this.runDue(100);
        } catch (error) {
          this.log.error({ err: error }, 'job loop error');
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.timer = setTimeout(resolve, pollMs);
        });
      }
    };
    this.loop = loop();
  }

  /** Stops scheduling and polling, and waits for the jobs in hand to finish (a draining process exits after). */
  async stop(): Promise<void> {
    this.running = false;
    for (const c of this.crons) c.stop();
    this.crons = [];
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    this.loop = null;
  }
}

/** The slot a cron run stands for: its minute, or its second when the pattern has a seconds field. */
export function cronSlot(pattern: string, at: Date): Date {
  const slot = new Date(at);
  if (pattern.trim().split(/\s+/).length >= 6) slot.setMilliseconds(0);
  else slot.setSeconds(0, 0);
  return slot;
}

export async function jobStatus(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row;
}
