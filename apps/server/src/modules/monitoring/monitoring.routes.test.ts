import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrafficWindow } from '../../infra/http/traffic-window';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { breaches, checkAlerts } from './monitoring.service';

let t: TestApp;
let admin: TestClient;
let technical: TestClient;
let reviewer: TestClient;
let orgOwner: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await staffClient(t, ['admin'], '运维管理员')).client;
  technical = (await staffClient(t, ['support_technical'], '二线技术')).client;
  reviewer = (await staffClient(t, ['reviewer'], '审核员')).client;
  orgOwner = (await registeredClient(t.app)).client;
  await createOrg(orgOwner, { creditCode: validCreditCode(), businessRoles: ['GC'] });
});
afterAll(() => t.close());

const filled = (count: number, seconds: number, status = 200) => {
  const w = new TrafficWindow();
  for (let i = 0; i < count; i += 1) w.observe(status, seconds);
  return w;
};

describe('the traffic window', () => {
  it('gives quantiles and counts over the window, and forgets minutes that left it', async () => {
    let now = Date.UTC(2026, 11, 6, 8, 0, 0);
    const w = new TrafficWindow(5, () => now);
    for (let i = 1; i <= 100; i += 1) w.observe(i === 100 ? 503 : 200, i / 100);
    const f = await w.figures();
    expect(f).toMatchObject({ requests: 100, serverErrors: 1 });
    expect(f.p50Ms).toBeGreaterThanOrEqual(490);
    expect(f.p50Ms).toBeLessThanOrEqual(510);
    expect(f.p95Ms).toBeGreaterThanOrEqual(940);
    expect(f.p95Ms).toBeLessThanOrEqual(960);
    now += 6 * 60_000;
    expect(await w.figures()).toMatchObject({ requests: 0, serverErrors: 0, p95Ms: null });
  });

  it('judges a p95 over the threshold and a 5xx share over 5 %, but not on a handful of requests', async () => {
    expect(breaches(await filled(30, 3.5).figures(), 3)).toEqual(new Set(['slow_responses']));
    expect(breaches(await filled(30, 0.2, 500).figures(), 3)).toEqual(new Set(['error_spike']));
    expect(breaches(await filled(30, 0.2).figures(), 3).size).toBe(0);
    expect(breaches(await filled(5, 9).figures(), 3).size).toBe(0);
  });
});

describe('alerts', () => {
  it('opens one alert while responses are slow, e-mails admins and technical support, and resolves it', async () => {
    const slow = filled(40, 4.2);
    expect(await checkAlerts(t.ctx, { traffic: slow })).toEqual({ opened: ['slow_responses'], resolved: [] });
    // still slow: the alert stays open, nobody is mailed twice
    expect(await checkAlerts(t.ctx, { traffic: slow })).toEqual({ opened: [], resolved: [] });
    await t.ctx.jobs.runDue();
    const mails = t.mailer.sent.filter((m) => m.subject.includes('筑合运行告警'));
    expect(mails).toHaveLength(2);
    expect(mails[0]?.text).toContain('P95');

    let page = (await admin.get('/api/staff/status')).json();
    expect(page.alerts[0]).toMatchObject({ kind: 'slow_responses', status: 'open', notified: 2, requests: 40 });
    expect(page.alerts[0].p95Ms).toBeGreaterThan(3000);

    expect(await checkAlerts(t.ctx, { traffic: filled(40, 0.05) })).toEqual({
      opened: [],
      resolved: ['slow_responses'],
    });
    page = (await admin.get('/api/staff/status')).json();
    expect(page.alerts[0]).toMatchObject({ kind: 'slow_responses', status: 'resolved' });
    expect(page.alerts[0].resolvedAt).not.toBeNull();
  });
});

describe('the status page', () => {
  it('shows the traffic of this process and every dependency to admins and technical support', async () => {
    for (const client of [admin, technical]) {
      const response = await client.get('/api/staff/status');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      // the requests of this test file went through the real metrics plugin
      expect(body.traffic.requests).toBeGreaterThan(0);
      expect(body.thresholds).toEqual({ slowSeconds: 3, errorRatePct: 5, minRequests: 20 });
      expect(body.dependencies.map((d: { name: string }) => d.name)).toEqual(['database', 'job_queue', 'mail', 'disk']);
      expect(body.dependencies[0]).toMatchObject({ name: 'database', state: 'ok' });
      expect(body.dependencies[3].figures.freePct).toBeGreaterThan(0);
    }
  });

  it('is refused to staff of another role, to organisation members and to nobody', async () => {
    expect((await reviewer.get('/api/staff/status')).statusCode).toBe(403);
    expect((await orgOwner.get('/api/staff/status')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/staff/status' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('counts mail that waits in the outbox as the mail dependency', async () => {
    await t.ctx.jobs.enqueue('mail.send', { to: 'ops@example.com', subject: 's', text: 't' }, {});
    const mail = (await admin.get('/api/staff/status')).json().dependencies[2];
    expect(mail).toMatchObject({ name: 'mail' });
    expect(mail.figures.queued).toBeGreaterThanOrEqual(1);
    await t.ctx.jobs.runDue();
    expect((await admin.get('/api/staff/status')).json().dependencies[2].figures.queued).toBe(0);
  });
});
