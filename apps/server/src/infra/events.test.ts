import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-db';
import type { DatabaseHandle } from './db/client';
import { DomainEventBus } from './events';
import { JobQueue } from './jobs/job-queue';

let database: DatabaseHandle;
const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('domain event bus', () => {
  it('publishAll runs the in-transaction handlers per event and delivers each event once after commit', async () => {
    const jobs = new JobQueue(database.db, silent);
    const bus = new DomainEventBus(jobs, silent, 10);
    const inTx: string[] = [];
    const after: string[] = [];
    bus.onTransaction('credit.rated', 'test.read-model', async (e) => {
      inTx.push(e.payload.orgId);
    });
    bus.afterCommit('credit.rated', 'test.notify', async (e) => {
      after.push(e.payload.orgId);
    });
    const payloads = ['甲', '乙', '丙'].map((orgId) => ({
      orgId,
      month: '2026-11',
      grade: 'A' as const,
      previousGrade: null,
      score: 72,
    }));
    const published = await database.db.transaction((tx) => bus.publishAll(tx, 'credit.rated', payloads));
    expect(inTx).toEqual(['甲', '乙', '丙']);
    expect(new Set(published.map((e) => e.id)).size).toBe(3);
    expect(bus.recent().map((e) => (e.payload as { orgId: string }).orgId)).toEqual(['甲', '乙', '丙']);
    expect(await jobs.runDue()).toBe(3);
    expect(after.sort()).toEqual(['丙', '乙', '甲'].sort());
    expect(await jobs.runDue()).toBe(0);
  });

  it('publishAll inside a rolled-back transaction delivers nothing', async () => {
    const jobs = new JobQueue(database.db, silent);
    const bus = new DomainEventBus(jobs, silent);
    let delivered = 0;
    bus.afterCommit('credit.rated', 'test.notify', async () => {
      delivered += 1;
    });
    await expect(
      database.db.transaction(async (tx) => {
        await bus.publishAll(tx, 'credit.rated', [
          { orgId: '丁', month: '2026-11', grade: 'B', previousGrade: null, score: 65 },
        ]);
        throw new Error('rating failed');
      }),
    ).rejects.toThrow('rating failed');
    await jobs.runDue();
    expect(delivered).toBe(0);
  });
});
