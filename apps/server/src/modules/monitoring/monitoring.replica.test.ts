import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { ReadReplica } from '../../infra/db/replica';
import { MemoryBlobStore } from '../../infra/files/blob-store';
import { TrafficWindow } from '../../infra/http/traffic-window';
import { staffClient } from '../../test/staff';
import { createTestApp, RecordingMailer, type TestApp, testConfig } from '../../test/test-app';
import { createTestDatabase } from '../../test/test-db';
import { status } from './monitoring.service';

/**
 * 只读副本 on the status page (ADR 0119): without a replica the row says "not configured", which is no fault; with
 * one, its lag decides ok / lagging (over 5 s) / unreachable.
 */
let plain: TestApp;
let withReplica: TestApp;

/** A stand-in for `openReplica`: reads go to the primary itself, the lag is whatever the test says. */
function fakeReplica(db: ReadReplica['db'], lagSeconds: () => Promise<number | null>): ReadReplica {
  return { db, caughtUp: async () => true, lagSeconds, close: async () => {} };
}

/** A test app built the way `main.ts` builds one with `DATABASE_REPLICA_URL`, given this replica. */
async function appWithReplica(lagSeconds: () => Promise<number | null>): Promise<TestApp> {
  const database = await createTestDatabase();
  const mailer = new RecordingMailer();
  const app = await buildApp({
    config: testConfig(),
    database,
    logger: false,
    blobs: new MemoryBlobStore(),
    mailer,
    replica: fakeReplica(database.db, lagSeconds),
  });
  await app.ready();
  return {
    app,
    database,
    mailer,
    ctx: app.appContext,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

beforeAll(async () => {
  [plain, withReplica] = await Promise.all([createTestApp(), appWithReplica(async () => 12)]);
});
afterAll(async () => {
  await Promise.all([plain?.close(), withReplica?.close()]);
});

describe('the read replica row of the status page', () => {
  it('says "not configured" without a replica, and the page stays healthy', async () => {
    const { client } = await staffClient(plain, ['admin'], '运维管理员');
    const response = await client.get('/api/staff/status');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.readReplica).toEqual({
      configured: false,
      state: 'not_configured',
      lagSeconds: null,
      lagLimitSeconds: 5,
    });
    expect(body.dependencies[0]).toMatchObject({ name: 'database', state: 'ok' });
  });

  it('shows a replica 12 s behind as lagging, with its lag', async () => {
    const { client } = await staffClient(withReplica, ['support_technical'], '二线技术');
    const response = await client.get('/api/staff/status');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().readReplica).toEqual({
      configured: true,
      state: 'lagging',
      lagSeconds: 12,
      lagLimitSeconds: 5,
    });
  });

  it('is ok up to 5 s behind, unreachable when the replica fails, gives no measure or does not answer', async () => {
    const traffic = new TrafficWindow();
    const row = async (lagSeconds: () => Promise<number | null>) =>
      (await status(withReplica.ctx, { traffic, replica: fakeReplica(withReplica.ctx.db, lagSeconds) })).readReplica;
    expect(await row(async () => 0)).toMatchObject({ state: 'ok', lagSeconds: 0 });
    expect(await row(async () => 4.96)).toMatchObject({ state: 'ok', lagSeconds: 5 });
    expect(await row(async () => 5.2)).toMatchObject({ state: 'lagging', lagSeconds: 5.2 });
    expect(await row(async () => null)).toMatchObject({ configured: true, state: 'unreachable', lagSeconds: null });
    expect(
      await row(async () => {
        throw new Error('connect ECONNREFUSED');
      }),
    ).toMatchObject({ configured: true, state: 'unreachable', lagSeconds: null });
    // a replica that never answers does not hold up the page: unreachable after 2 s
    expect(await row(() => new Promise<never>(() => {}))).toMatchObject({ state: 'unreachable' });
  });
});
