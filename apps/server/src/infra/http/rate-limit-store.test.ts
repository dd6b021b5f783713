import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-db';
import type { DatabaseHandle } from '../db/client';
import { expireRateLimits, postgresRateLimitStore } from './rate-limit-store';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the shared rate-limit store', () => {
  it('counts hits in a window, per route, and starts a new window once it has passed', async () => {
    const Store = postgresRateLimitStore(database.db);
    const store = new Store({});
    // two instances stand for two processes: they share the counter
    const other = new Store({});
    const login = store.child({ routeInfo: { method: 'POST', url: '/api/auth/login' } } as never);
    const incr = (s: typeof store, key: string, windowMs: number) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        s.incr(key, (error, result) => (error || !result ? reject(error) : resolve(result)), windowMs, 10),
      );
    expect((await incr(store, '10.0.0.1', 60_000)).current).toBe(1);
    const second = await incr(other, '10.0.0.1', 60_000);
    expect(second.current).toBe(2);
    expect(second.ttl).toBeGreaterThan(50_000);
    expect((await incr(login, '10.0.0.1', 60_000)).current).toBe(1); // another route, another counter
    expect((await incr(store, '10.0.0.2', 30)).current).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await incr(store, '10.0.0.2', 30)).current).toBe(1);
    expect(await expireRateLimits(database.db, new Date(Date.now() + 120_000))).toBe(3);
  });
});
