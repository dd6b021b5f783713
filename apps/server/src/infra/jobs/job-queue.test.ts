import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-db';
import type { DatabaseHandle } from '../db/client';
import { cronSlot, JobDeferred, JobQueue, MAX_DEFERRAL_MS } from './job-queue';
import { jobs } from './jobs.tables';

let database: DatabaseHandle;
const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('job queue', () => {
  it('runs a job once and records it done', async () => {
    const queue = new JobQueue(database.db, silent);
    const seen: unknown[] = [];
    queue.register('greet', async (payload) => {
      seen.push(payload);
    });
    await queue.enqueue('greet', { to: '张三' });
    expect(await queue.runDue()).toBe(1);
    expect(await queue.runDue()).toBe(0);
    expect(seen).toEqual([{ to: '张三' }]);
  });

  it('ignores a second enqueue with the same dedupe key', async () => {
    const queue = new JobQueue(database.db, silent);
    let count = 0;
    queue.register('once', async () => {
      count += 1;
    });
    await queue.enqueue('once', {}, { dedupeKey: 'once:1' });
    await queue.enqueue('once', {}, { dedupeKey: 'once:1' });
    await queue.runDue();
    expect(count).toBe(1);
  });

  it('retries a failing job later and gives up after maxAttempts', async () => {
    const queue = new JobQueue(database.db, silent);
    queue.register('flaky', async () => {
      throw new Error('下游不可用');
    });
    await queue.enqueue('flaky', {}, { maxAttempts: 2, dedupeKey: 'flaky:1' });
    await queue.runDue();
    const [afterFirst] = await database.db.select().from(jobs).where(eq(jobs.dedupeKey, 'flaky:1'));
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1, lastError: '下游不可用' });
    expect(afterFirst?.runAt.getTime()).toBeGreaterThan(Date.now());
    await database.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.dedupeKey, 'flaky:1'));
    await queue.runDue();
    const [afterSecond] = await database.db.select().from(jobs).where(eq(jobs.dedupeKey, 'flaky:1'));
    expect(afterSecond).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('keeps a deferred job queued without using up its attempts, and runs it once its dependency is back', async () => {
    const queue = new JobQueue(database.db, silent);
    const dependency = { up: false, delivered: 0 };
    queue.register('deferred', async () => {
      if (!dependency.up) throw new JobDeferred('SMTP unavailable (open)', new Date(Date.now() + 60_000));
      dependency.delivered += 1;
    });
    await queue.enqueue('deferred', {}, { maxAttempts: 2, dedupeKey: 'deferred:1' });
    const row = async () => (await database.db.select().from(jobs).where(eq(jobs.dedupeKey, 'deferred:1')))[0];
    // more deferrals than maxAttempts: a failed job would be given up for good by now
    for (let i = 0; i < 4; i++) {
      await database.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.dedupeKey, 'deferred:1'));
      await queue.runDue();
      expect(await row()).toMatchObject({ status: 'queued', attempts: 0, lastError: 'SMTP unavailable (open)' });
      // not before the breaker lets a probe through
      expect((await row())?.runAt.getTime()).toBeGreaterThanOrEqual(Date.now() + 50_000);
    }
    expect(await queue.countQueued('deferred')).toBe(1);
    dependency.up = true;
    await database.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.dedupeKey, 'deferred:1'));
    await queue.runDue();
    expect(await row()).toMatchObject({ status: 'done', attempts: 1 });
    expect(dependency.delivered).toBe(1);
    expect(await queue.countQueued('deferred')).toBe(0);
  });

  it('counts deferrals as attempts once a job has waited longer than the deferral limit', async () => {
    const queue = new JobQueue(database.db, silent);
    queue.register('deferred-old', async () => {
      throw new JobDeferred('bank unavailable (timeout)');
    });
    await queue.enqueue('deferred-old', {}, { maxAttempts: 1, dedupeKey: 'deferred-old:1' });
    await database.db
      .update(jobs)
      .set({ createdAt: new Date(Date.now() - MAX_DEFERRAL_MS - 60_000) })
      .where(eq(jobs.dedupeKey, 'deferred-old:1'));
    await queue.runDue();
    const [after] = await database.db.select().from(jobs).where(eq(jobs.dedupeKey, 'deferred-old:1'));
    expect(after).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('does not run a job before its time', async () => {
    const queue = new JobQueue(database.db, silent);
    let ran = false;
    queue.register('later', async () => {
      ran = true;
    });
    await queue.enqueue('later', {}, { runAt: new Date(Date.now() + 60_000) });
    await queue.runDue();
    expect(ran).toBe(false);
  });

  it('an enqueue inside a rolled-back transaction leaves no job', async () => {
    const queue = new JobQueue(database.db, silent);
    queue.register('outbox', async () => {});
    await expect(
      database.db.transaction(async (tx) => {
        await queue.enqueue('outbox', {}, { dedupeKey: 'outbox:rolled-back' }, tx);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await database.db.select().from(jobs).where(eq(jobs.dedupeKey, 'outbox:rolled-back'))).toEqual([]);
  });
});

describe('scheduled jobs across processes', () => {
  it('names a cron run by its minute, or its second when the pattern has seconds', () => {
    const at = new Date('2026-12-07T06:30:17.456Z');
    expect(cronSlot('*/5 * * * *', at).toISOString()).toBe('2026-12-07T06:30:00.000Z');
    expect(cronSlot('*/2 * * * * *', at).toISOString()).toBe('2026-12-07T06:30:17.000Z');
  });

  it('one job per slot and one run, however many queues enqueue the slot and poll', async () => {
    const runs: string[] = [];
    const queues = [0, 1, 2].map(() => new JobQueue(database.db, silent));
    for (const q of queues) q.register('test.slot', async (payload) => void runs.push(String(payload.slot)));
    const slot = '2026-12-07T06:30:00.000Z';
    await Promise.all(queues.map((q) => q.enqueue('test.slot', { slot }, { dedupeKey: `cron:test.slot:${slot}` })));
    await Promise.all(queues.map((q) => q.runDue()));
    expect(runs).toEqual([slot]);
  });
});
