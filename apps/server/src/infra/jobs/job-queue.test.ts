import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-db';
import type { DatabaseHandle } from '../db/client';
import { JobQueue } from './job-queue';
import { jobs } from './jobs.tables';

let database: DatabaseHandle;
const silent = { error() {}, warn() {}, info() {} } as never;

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
