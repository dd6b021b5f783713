import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../infra/db/client';
import { validCreditCode } from '../../test/credit-codes';
import { uploadDocuments, verificationPackage } from '../../test/onboarding';
import { staffClient } from '../../test/staff';
import {
  createOrg,
  createTestApp,
  PASSWORD,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { createDemandsDirect } from '../demands';
import { attemptDelivery } from './webhooks.service';
import { verifyWebhookSignature } from './webhooks.signature';

/**
 * Webhooks on a real database through HTTP, delivering to a receiver on 127.0.0.1 (the test app runs with
 * loopback targets allowed, as development and e2e do). Jobs are run by hand with `runDue()`.
 */
let t: TestApp;
let gc: { client: TestClient; orgId: string; userId: string };
let member: TestClient;
let foreign: { client: TestClient; orgId: string };
let demandId: string;

interface Received {
  raw: string;
  headers: IncomingHttpHeaders;
  verified: ReturnType<typeof verifyWebhookSignature>;
}
const received: Received[] = [];
let answer = 200;
let secret = '';
let receiver: http.Server;
let receiverUrl = '';

/** A marker that appears only inside the sealed bid, never in a webhook. */
const SECRET_PLAN = '密封方案标记-WH77：双机抬吊，工期 95 天';

beforeAll(async () => {
  t = await createTestApp({ webhooks: { allowPrivateTargets: true }, tendering: { minBiddingSeconds: 2 } });
  receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      // the receiver's side of the documented recipe
      const verified = verifyWebhookSignature(raw, request.headers['zhuhe-signature'] as string | undefined, secret);
      received.push({ raw, headers: request.headers, verified });
      response.statusCode = answer;
      response.end(answer < 300 ? 'ok' : 'down');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/zhuhe/webhooks`;

  const owner = await registeredClient(t.app, undefined, '总包管理员 王');
  const org = await createOrg(owner.client, {
    name: '浙江测试总包建设有限公司',
    creditCode: validCreditCode(),
    businessRoles: ['GC'],
  });
  gc = { client: owner.client, orgId: org.id, userId: owner.userId };
  const memberEmail = uniqueEmail('member');
  const invitation = (
    await gc.client.post(`/api/orgs/${gc.orgId}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  member = (await registeredClient(t.app, memberEmail)).client;
  await member.post(`/api/invitations/${invitation.id}/accept`);
  await member.post('/api/auth/logout');
  await member.post('/api/auth/login', { identifier: memberEmail, password: PASSWORD });
  const other = await registeredClient(t.app);
  foreign = {
    client: other.client,
    orgId: (await createOrg(other.client, { creditCode: validCreditCode(), businessRoles: ['GC'] })).id,
  };

  const now = new Date();
  await createDemandsDirect(t.ctx, [
    {
      orgId: gc.orgId,
      orgName: '浙江测试总包建设有限公司',
      createdBy: gc.userId,
      createdAt: now,
      approvedAt: now,
      reviewerId: gc.userId,
      type: 'subcontract',
      title: '钢结构厂房主体结构分包',
      projectName: '嘉兴测试产业园 2# 厂房',
      category: '钢结构分包',
      items: [{ name: '钢结构制作安装', spec: 'Q355B', unit: '吨', quantity: 120 }],
      budgetFen: 300_000_000,
      qualificationKind: '钢结构工程专业承包',
      qualificationGrade: '二级',
      regionCode: '330400',
      siteAddress: '嘉兴市南湖区',
      deadline: '2099-12-31',
      description: '',
      tags: [],
      feasibilityFileId: gc.orgId,
      fundsProofFileId: gc.orgId,
    },
  ]);
  demandId = (await gc.client.get(`/api/orgs/${gc.orgId}/demands`)).json().items[0].id;
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await t.close();
});

const base = () => `/api/orgs/${gc.orgId}/webhooks`;

async function createEndpoint(eventTypes: string[]) {
  const created = await gc.client.post(`${base()}/endpoints`, {
    url: receiverUrl,
    description: '测试接收端',
    eventTypes,
  });
  expect(created.statusCode, created.body).toBe(201);
  secret = created.json().secret;
  return created.json().endpoint as { id: string; secretPrefix: string };
}

async function deliveriesOf(endpointId: string) {
  const page = await gc.client.get(`${base()}/endpoints/${endpointId}/deliveries`);
  expect(page.statusCode, page.body).toBe(200);
  return page.json().items as {
    id: string;
    eventType: string;
    status: string;
    attempts: number;
    lastResponseStatus: number | null;
    lastError: string | null;
    nextAttemptAt: string | null;
    payload: Record<string, unknown>;
  }[];
}

describe('webhooks', () => {
  let endpointId: string;

  it('refuses targets in private networks with a 400 in both languages', async () => {
    const refused = await gc.client.post(`${base()}/endpoints`, {
      url: 'http://10.0.0.8/hook',
      eventTypes: ['demand.published'],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'WEBHOOK_URL_FORBIDDEN' });
    expect(refused.json().message['zh-CN']).toContain('内网');
    expect(refused.json().message.en).toContain('private');
    const ftp = await gc.client.post(`${base()}/endpoints`, { url: 'ftp://example.com/', eventTypes: ['ping'] });
    expect(ftp.statusCode).toBe(400);
  });

  it('delivers a published demand, signed; the receiver verifies the signature', async () => {
    const endpoint = await createEndpoint(['demand.published', 'tender.bid_received']);
    endpointId = endpoint.id;
    expect(secret).toMatch(/^whsec_/);
    expect(secret.startsWith(endpoint.secretPrefix)).toBe(true);
    // the secret is shown once: the list never carries it
    const list = await gc.client.get(`${base()}/endpoints`);
    expect(list.body).not.toContain(secret);
    const [stored] = await queryRows<{ secret: string }>(
      t.ctx.db,
      sql`select secret_encrypted as secret from webhook_endpoints where id = ${endpointId}`,
    );
    expect(stored?.secret).not.toContain(secret.slice(6));

    await t.ctx.db.transaction((tx) => t.ctx.events.publish(tx, 'demand.published', { demandId, orgId: gc.orgId }));
    await t.ctx.jobs.runDue();
    const [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ eventType: 'demand.published', status: 'delivered', lastResponseStatus: 200 });
    const last = received.at(-1) as Received;
    expect(last.verified.ok).toBe(true);
    expect(JSON.parse(last.raw)).toMatchObject({
      type: 'demand.published',
      organisationId: gc.orgId,
      data: { demandId },
    });
    expect(last.headers['zhuhe-event-type']).toBe('demand.published');
    // a tampered body does not verify with the same header
    expect(
      verifyWebhookSignature(last.raw.replace(demandId, 'x'), last.headers['zhuhe-signature'] as string, secret).ok,
    ).toBe(false);
  });

  it('sends the tender buyer only the bid count when a bid arrives, never its content', async () => {
    const staff = (await staffClient(t, ['reviewer'], '平台审核员 测试')).client;
    const bidder = await registeredClient(t.app, undefined, '投标人 李');
    const orgName = '江苏测试钢构有限公司';
    const creditCode = validCreditCode();
    const bidderOrg = await createOrg(bidder.client, { name: orgName, creditCode, businessRoles: ['SUB'] });
    const files = await uploadDocuments(bidder.client, bidderOrg.id);
    const submitted = await bidder.client.post(
      `/api/orgs/${bidderOrg.id}/verification`,
      verificationPackage({ orgName, creditCode, files }),
    );
    await staff.post(`/api/staff/verifications/${submitted.json().id}/decision`, { decision: 'approve' });
    const created = await gc.client.post(`/api/orgs/${gc.orgId}/tenders`, {
      demandId,
      title: '钢结构厂房主体结构分包招标',
      mode: 'open',
      deadline: new Date(Date.now() + 600_000).toISOString(),
      plannedStart: '2027-03-01',
      plannedEnd: '2027-08-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const tenderId = created.json().id as string;
    expect((await gc.client.post(`/api/orgs/${gc.orgId}/tenders/${tenderId}/publish`)).statusCode).toBe(200);
    const bid = await bidder.client.put(`/api/orgs/${bidderOrg.id}/tenders/${tenderId}/bid`, {
      constructionPlan: SECRET_PLAN,
      qualificationNumbers: ['D233012345'],
      unitPricesFen: [987_654_321],
      tenderVersion: 1,
    });
    expect(bid.statusCode, bid.body).toBe(200);
    await t.ctx.jobs.runDue();

    const delivery = (await deliveriesOf(endpointId)).find((d) => d.eventType === 'tender.bid_received');
    expect(delivery).toMatchObject({ status: 'delivered', lastResponseStatus: 200 });
    expect(delivery?.payload).toMatchObject({ data: { tenderId, bidCount: 1 } });
    expect(Object.keys(delivery?.payload.data as object).sort()).toEqual(['bidCount', 'tenderId']);
    const raw = (received.at(-1) as Received).raw;
    for (const leak of [SECRET_PLAN, '987654321', bidderOrg.id, orgName, 'D233012345']) expect(raw).not.toContain(leak);
  });

  it('retries a failing receiver with back-off, gives up after three days, and redelivers on request', async () => {
    answer = 500;
    const ping = await gc.client.post(`${base()}/endpoints/${endpointId}/ping`);
    expect(ping.statusCode, ping.body).toBe(201);
    const deliveryId = ping.json().id as string;
    const before = Date.now();
    await t.ctx.jobs.runDue();
    let [d] = (await deliveriesOf(endpointId)).filter((x) => x.id === deliveryId);
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastResponseStatus: 500 });
    // first retry a minute later, queued as a job at that time
    const next = new Date(d?.nextAttemptAt as string).getTime();
    expect(next - before).toBeGreaterThanOrEqual(59_000);
    expect(next - before).toBeLessThan(120_000);
    const [job] = await queryRows<{ runAt: Date }>(
      t.ctx.db,
      sql`select run_at as "runAt" from jobs where name = 'webhooks.deliver' and status = 'queued'
          and payload->>'deliveryId' = ${deliveryId}`,
    );
    expect(Math.abs(new Date(job?.runAt as Date).getTime() - next)).toBeLessThan(1000);

    // the second attempt, now three days after the delivery was created: the next wait would leave the window
    await t.ctx.db.execute(
      sql`update webhook_deliveries set created_at = now() - interval '3 days' where id = ${deliveryId}`,
    );
    // due a second ago: PostgreSQL's now() has microseconds and the queue compares with a JavaScript Date
    // (milliseconds), so a claim within the same millisecond as this update would not yet find the job due
    await t.ctx.db.execute(
      sql`update jobs set run_at = now() - interval '1 second' where name = 'webhooks.deliver' and payload->>'deliveryId' = ${deliveryId}
          and status = 'queued'`,
    );
    await t.ctx.jobs.runDue();
    [d] = (await deliveriesOf(endpointId)).filter((x) => x.id === deliveryId);
    expect(d, JSON.stringify(d)).toMatchObject({
      status: 'dead',
      attempts: 2,
      lastResponseStatus: 500,
      nextAttemptAt: null,
    });
    const dead = (await gc.client.get(`${base()}/dead-letters`)).json();
    expect(dead.items.map((x: { id: string }) => x.id)).toContain(deliveryId);

    answer = 200;
    const again = await gc.client.post(`${base()}/deliveries/${deliveryId}/redeliver`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().status).toBe('pending');
    await t.ctx.jobs.runDue();
    [d] = (await deliveriesOf(endpointId)).filter((x) => x.id === deliveryId);
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastResponseStatus: 200 });
    expect((received.at(-1) as Received).verified.ok).toBe(true);
    // delivered is final
    expect((await gc.client.post(`${base()}/deliveries/${deliveryId}/redeliver`)).json().code).toBe(
      'WEBHOOK_DELIVERY_NOT_RETRYABLE',
    );
  });

  it('rolls the secret, disables and deletes an endpoint', async () => {
    const rolled = await gc.client.post(`${base()}/endpoints/${endpointId}/roll-secret`);
    expect(rolled.statusCode).toBe(200);
    expect(rolled.json().secret).not.toBe(secret);
    secret = rolled.json().secret;
    await gc.client.post(`${base()}/endpoints/${endpointId}/ping`);
    await t.ctx.jobs.runDue();
    expect((received.at(-1) as Received).verified.ok).toBe(true);

    const disabled = await gc.client.patch(`${base()}/endpoints/${endpointId}`, { enabled: false });
    expect(disabled.json()).toMatchObject({ enabled: false });
    expect(disabled.json().disabledAt).not.toBeNull();
    expect((await gc.client.post(`${base()}/endpoints/${endpointId}/ping`)).json().code).toBe(
      'WEBHOOK_ENDPOINT_DISABLED',
    );
    // a disabled endpoint gets no new events
    const count = received.length;
    await t.ctx.db.transaction((tx) => t.ctx.events.publish(tx, 'demand.published', { demandId, orgId: gc.orgId }));
    await t.ctx.jobs.runDue();
    expect(received.length).toBe(count);

    // an endpoint gets no event that happened before it existed (here: a fan-out still queued when it was added)
    const other = await createEndpoint(['demand.published']);
    await t.ctx.db.transaction((tx) =>
      t.ctx.events.publish(tx, 'demand.published', { demandId, orgId: gc.orgId }, new Date(Date.now() - 60_000)),
    );
    await t.ctx.jobs.runDue();
    expect(await deliveriesOf(other.id)).toEqual([]);
    expect((await gc.client.delete(`${base()}/endpoints/${other.id}`)).statusCode).toBe(204);
    expect((await gc.client.get(`${base()}/endpoints/${other.id}/deliveries`)).statusCode).toBe(404);
  });

  it('checks the target again with a fresh DNS lookup before each attempt', async () => {
    // saved while `localhost` resolved to loopback (allowed here); at send time the name points into a private network
    const saved = await gc.client.post(`${base()}/endpoints`, {
      url: receiverUrl.replace('127.0.0.1', 'localhost'),
      eventTypes: ['demand.published'],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const ping = await gc.client.post(`${base()}/endpoints/${saved.json().endpoint.id}/ping`);
    const count = received.length;
    await attemptDelivery(t.ctx, { lookup: async () => [{ address: '10.0.0.8', family: 4 }] }, ping.json().id, 1);
    const [d] = await deliveriesOf(saved.json().endpoint.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastResponseStatus: null });
    expect(d?.lastError).toContain('private');
    expect(received.length).toBe(count);
    // the queued first attempt is stale now and sends nothing
    await t.ctx.jobs.runDue();
    expect(received.length).toBe(count);
  });

  it("is for the organisation's admins: a member gets 403, another organisation 404", async () => {
    expect((await member.get(`${base()}/endpoints`)).statusCode).toBe(403);
    expect(
      (await member.post(`${base()}/endpoints`, { url: receiverUrl, eventTypes: ['demand.published'] })).statusCode,
    ).toBe(403);
    expect((await foreign.client.get(`${base()}/endpoints`)).statusCode).toBe(404);
    // the foreign organisation's own routes do not reach this organisation's endpoint or deliveries
    const own = `/api/orgs/${foreign.orgId}/webhooks`;
    expect((await foreign.client.get(`${own}/endpoints/${endpointId}/deliveries`)).statusCode).toBe(404);
    expect((await foreign.client.post(`${own}/endpoints/${endpointId}/ping`)).statusCode).toBe(404);
    const [delivery] = await deliveriesOf(endpointId);
    expect((await foreign.client.post(`${own}/deliveries/${delivery?.id}/redeliver`)).statusCode).toBe(404);
  });
});
