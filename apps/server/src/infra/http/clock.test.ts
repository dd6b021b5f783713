import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp } from '../../test/test-app';
import { adjustableClock, systemClock } from '../clock';

describe('business clock', () => {
  it('the system clock cannot be moved; an adjustable one moves forward only', () => {
    expect(systemClock().advance(86_400_000)).toBe(false);
    const clock = adjustableClock();
    const before = clock.now().getTime();
    expect(clock.advance(-1)).toBe(false);
    expect(clock.advance(0)).toBe(false);
    expect(clock.advance(3 * 86_400_000)).toBe(true);
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(3 * 86_400_000);
  });

  it('a production deployment refuses an adjustable clock', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        CLOCK_ADJUSTABLE: 'true',
        MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
      }),
    ).toThrow(/CLOCK_ADJUSTABLE/);
  });
});

describe('clock routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clockAdjustable: true });
  });
  afterAll(async () => t?.close());

  it('admin staff move the clock forward and the app clock reads the moved time', async () => {
    const admin = await staffClient(t, ['admin']);
    const before = (await admin.client.get('/api/staff/clock')).json();
    expect(before.adjustable).toBe(true);
    const moved = await admin.client.post('/api/staff/clock', { days: 10 });
    expect(moved.statusCode).toBe(200);
    const shift = Date.parse(moved.json().now) - Date.parse(before.now);
    expect(shift).toBeGreaterThanOrEqual(10 * 86_400_000);
    expect(t.ctx.clock.now().getTime() - Date.now()).toBeGreaterThan(9 * 86_400_000);
  });

  it('refuses other staff, organisation users and bad input, and moves nothing', async () => {
    const risk = await staffClient(t, ['risk', 'operator']);
    const user = await registeredClient(t.app, undefined, '时钟测试用户');
    await createOrg(user.client, {
      creditCode: validCreditCode(),
      businessRoles: ['GC'],
      name: '杭州时钟建设有限公司',
    });
    const before = t.ctx.clock.now().getTime();
    expect((await risk.client.post('/api/staff/clock', { days: 1 })).statusCode).toBe(403);
    expect((await user.client.post('/api/staff/clock', { days: 1 })).statusCode).toBe(403);
    const admin = await staffClient(t, ['admin']);
    for (const days of [0, -3, 401, 1.5, '2']) {
      const r = await admin.client.post('/api/staff/clock', { days });
      expect(r.statusCode).toBe(400);
      expect(r.json().title ?? r.json().detail).toBeTruthy();
    }
    expect(t.ctx.clock.now().getTime() - before).toBeLessThan(60_000);
  });
});
