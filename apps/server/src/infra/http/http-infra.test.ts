import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, registeredClient, type TestApp, TestClient } from '../../test/test-app';
import { allErrorCodes } from '../errors';
import { statusOf } from './problem';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ rateLimit: { max: 1_000_000, loginMax: 3 } });
});
afterAll(async () => {
  await t.close();
});

describe('error mapping', () => {
  it('maps every declared error code to an HTTP status and has both languages', () => {
    expect(allErrorCodes().size).toBeGreaterThan(25);
    for (const [code, def] of allErrorCodes()) {
      expect(statusOf(def.kind), code).toBeGreaterThanOrEqual(400);
      expect(def['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      expect(def.en, code).toMatch(/[a-z]/);
    }
  });

  it('answers unknown API paths with a problem document and the request id', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: { 'x-request-id': 'req-abc-123' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      requestId: 'req-abc-123',
      message: { 'zh-CN': '请求的地址不存在' },
    });
    expect(response.headers['x-request-id']).toBe('req-abc-123');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"identifier":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('operations endpoints', () => {
  it('reports health and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('exposes Prometheus metrics with the slow-response counter', async () => {
    await t.app.inject('/healthz');
    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toContain('# TYPE http_slow_responses_total counter');
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const doc = (await t.app.inject('/api/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/orgs/{orgId}/members');
  });

  it('sends security headers', async () => {
    const response = await t.app.inject('/healthz');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('rate limits', () => {
  it('counts API requests only, not the pages, scripts or health checks', async () => {
    const small = await createTestApp({ rateLimit: { max: 2, loginMax: 3 } });
    try {
      const health = [];
      for (let i = 0; i < 5; i++) health.push((await small.app.inject('/healthz')).statusCode);
      expect(health).toEqual([200, 200, 200, 200, 200]);
      const api = [];
      // a public API route: the third request within the minute is refused
      for (let i = 0; i < 3; i++) api.push((await small.app.inject('/api/evidence/checkpoints/latest')).statusCode);
      expect(api.slice(0, 2)).not.toContain(429);
      expect(api[2]).toBe(429);
    } finally {
      await small.close();
    }
  });

  it('limits login attempts strictly, with a bilingual problem', async () => {
    const client = new TestClient(t.app);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await client.post('/api/auth/login', { identifier: 'x@example.com', password: 'whatever' })).statusCode,
      );
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await client.post('/api/auth/login', { identifier: 'x@example.com', password: 'whatever' });
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: { 'zh-CN': '请求过于频繁，请稍后再试' } });
    // Other routes are not affected by the login limit.
    expect((await registeredClient(t.app)).client).toBeDefined();
  });
});
