import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, TestClient } from '../../test/test-app';
import { toCsv } from './analytics.csv';
import { listProductEvents, recordProductEvent } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('product events', () => {
  it('records registration and organisation creation with who and which organisation', async () => {
    const { client, userId } = await registeredClient(t.app);
    const org = await createOrg(client, { creditCode: validCreditCode('440300'), businessRoles: ['SUP'] });
    const events = await listProductEvents(t.ctx, { limit: 50 });
    expect(events.find((e) => e.name === 'user.registered' && e.userId === userId)).toMatchObject({
      properties: { via: 'email' },
    });
    expect(events.find((e) => e.name === 'organisation.created' && e.orgId === org.id)).toMatchObject({
      userId,
      properties: { businessRoles: ['SUP'] },
    });
  });

  it('lets modules record their own events and filters by name', async () => {
    await recordProductEvent(t.ctx, { name: 'demand.published', orgId: null, properties: { category: '钢结构' } });
    const events = await listProductEvents(t.ctx, { name: 'demand.published', limit: 10 });
    expect(events).toHaveLength(1);
    expect(events[0]?.properties).toEqual({ category: '钢结构' });
  });
});

describe('growth routes', () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const consent = { granted: true, at: new Date(Date.now() - 60_000).toISOString() };

  it('collects a consenting batch anonymously and stitches the visitor once signed in', async () => {
    const visitor = new TestClient(t.app);
    const anonymous = await visitor.post('/api/analytics/batch', {
      anonymousId: 'anon-http-1',
      consent,
      events: [{ name: 'visit.touched', occurredAt: new Date().toISOString(), properties: { utm_source: 'baidu' } }],
    });
    expect(anonymous.statusCode).toBe(202);
    expect(anonymous.json()).toEqual({ accepted: 1, dropped: 0, reason: 'ok' });
    const refused = await visitor.post('/api/analytics/batch', {
      anonymousId: 'anon-http-1',
      consent: null,
      events: [{ name: 'page.viewed', occurredAt: new Date().toISOString(), properties: {} }],
    });
    expect(refused.json()).toMatchObject({ accepted: 0, reason: 'no_consent' });
    const crawler = await visitor.request(
      'POST',
      '/api/analytics/batch',
      { anonymousId: 'anon-http-2', consent, events: [{ name: 'page.viewed', occurredAt: new Date().toISOString() }] },
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' },
    );
    expect(crawler.json()).toMatchObject({ accepted: 0, reason: 'bot' });

    const { client, userId } = await registeredClient(t.app);
    await client.post('/api/analytics/batch', {
      anonymousId: 'anon-http-1',
      consent,
      events: [{ name: 'page.viewed', occurredAt: new Date().toISOString(), properties: { path: '/' } }],
    });
    const events = await listProductEvents(t.ctx, { name: 'page.viewed', limit: 10 });
    expect(events.find((e) => e.anonymousId === 'anon-http-1')?.userId).toBe(userId);
  });

  it('shows the growth pages to operators only', async () => {
    const { client: plain } = await registeredClient(t.app);
    expect((await plain.get(`/api/staff/growth/kpis`)).statusCode).toBe(403);
    const finance = (await staffClient(t, ['finance'])).client;
    expect((await finance.get(`/api/staff/growth/lifecycle`)).statusCode).toBe(403);
    expect((await finance.post(`/api/staff/growth/kpis/evaluate`, {})).statusCode).toBe(403);
    const operator = (await staffClient(t, ['operator'], '增长运营')).client;
    const funnel = await operator.get(
      `/api/staff/growth/funnel?steps=user.registered,organisation.created&from=${today}&to=${today}&breakdown=channel`,
    );
    expect(funnel.statusCode).toBe(200);
    const cost = await operator.post('/api/staff/growth/channel-costs', {
      channel: 'baidu',
      periodStart: today,
      periodEnd: today,
      amountFen: 1_000_000,
    });
    expect(cost.statusCode).toBe(201);
    // ¥10,000 over the few organisations created today: CAC far over ¥25 → an improvement task owned by the operator
    const board = await operator.post('/api/staff/growth/kpis/evaluate', {});
    expect(board.statusCode).toBe(200);
    const cac = board.json().kpis.find((k: { key: string }) => k.key === 'cac');
    expect(cac).toMatchObject({ alerting: true, threshold: 2500, direction: 'max' });
    const task = board.json().tasks.find((k: { kpi: string }) => k.kpi === 'cac');
    expect(task).toMatchObject({ status: 'open' });
    expect(task.ownerUserId).toBeTruthy();
    const again = await operator.post('/api/staff/growth/kpis/evaluate', {});
    expect(again.json().tasks.filter((k: { kpi: string }) => k.kpi === 'cac')).toHaveLength(1);
    const done = await operator.patch(`/api/staff/growth/kpi-tasks/${task.id}`, { status: 'done' });
    expect(done.json().tasks.find((k: { id: string }) => k.id === task.id).status).toBe('done');
  });

  it("exports the analyses as CSV with the page's figures, to operators only, spreadsheet-safe", async () => {
    const operator = (await staffClient(t, ['operator'], '增长运营 导出')).client;
    const query = `steps=user.registered,organisation.created&from=${today}&to=${today}&breakdown=channel`;
    const json = (await operator.get(`/api/staff/growth/funnel?${query}`)).json();
    const csv = await operator.get(`/api/staff/growth/funnel.csv?${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('分组 group,user.registered,organisation.created');
    expect(lines.slice(1)).toEqual(
      json.groups.map((g: { key: string; counts: number[] }) =>
        [g.key.replace(/^([=+\-@])/, "'$1"), ...g.counts].join(','),
      ),
    );
    // channels carry the ¥10,000 of costs entered above, in yuan
    const channels = await operator.get(`/api/staff/growth/channels.csv?from=${today}&to=${today}`);
    expect(channels.body).toMatch(/\r\nbaidu,\d+,10000,/);
    for (const path of [`cohorts.csv?from=${today}&to=${today}`, `rfm.csv?asOf=${today}`]) {
      expect((await operator.get(`/api/staff/growth/${path}`)).statusCode).toBe(200);
    }
    const finance = (await staffClient(t, ['finance'])).client;
    expect((await finance.get(`/api/staff/growth/funnel.csv?${query}`)).statusCode).toBe(403);
    expect(
      (await operator.get(`/api/staff/growth/funnel.csv?steps=only.one&from=${today}&to=${today}`)).statusCode,
    ).toBe(400);
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['=HYPERLINK("x")', 3],
          ['普通, text', null],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")",3\r\n"普通, text",\r\n');
  });

  it("shows a merchant only its own figures, and another organisation's never", async () => {
    const a = await registeredClient(t.app);
    const orgA = await createOrg(a.client, { creditCode: validCreditCode('440300'), businessRoles: ['SUP'] });
    const b = await registeredClient(t.app);
    const orgB = await createOrg(b.client, { creditCode: validCreditCode('440300'), businessRoles: ['SUP'] });
    await recordProductEvent(t.ctx, { name: 'inquiry.received', orgId: orgA.id, properties: {} });
    await recordProductEvent(t.ctx, { name: 'inquiry.received', orgId: orgA.id, properties: {} });
    await recordProductEvent(t.ctx, { name: 'inquiry.received', orgId: orgB.id, properties: {} });
    await recordProductEvent(t.ctx, { name: 'deal.closed', orgId: orgA.id, properties: { role: 'supplier' } });
    const mine = await a.client.get(`/api/orgs/${orgA.id}/merchant-stats?from=${today}&to=${today}`);
    expect(mine.statusCode).toBe(200);
    // fewer than five merchants: no platform median that would reveal a competitor
    expect(mine.json()).toMatchObject({ inquiries: 2, deals: 1, conversion: 0.5, benchmark: null });
    expect((await a.client.get(`/api/orgs/${orgB.id}/merchant-stats?from=${today}&to=${today}`)).statusCode).toBe(404);
  });
});
