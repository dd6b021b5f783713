import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../infra/audit/audit.tables';
import { validCreditCode } from '../../test/credit-codes';
import {
  createOrg,
  createTestApp,
  PASSWORD,
  registeredClient,
  type TestApp,
  type TestClient,
  tinyPdf,
  uniqueEmail,
  upload,
} from '../../test/test-app';
import { apiKeys } from './developer.tables';

let t: TestApp;
let ownerA: TestClient;
let memberA: TestClient;
let ownerB: TestClient;
let orgA: string;
let orgB: string;
let projectA: string;
let projectB: string;

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function v1(secret: string | null, method: 'GET' | 'POST', url: string, body?: unknown, remoteAddress?: string) {
  return t.app.inject({
    method,
    url,
    headers: secret ? bearer(secret) : {},
    ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

async function newKey(client: TestClient, orgId: string, body: Record<string, unknown>) {
  const response = await client.post(`/api/orgs/${orgId}/api-keys`, { name: '对接 ERP', ...body });
  if (response.statusCode !== 201) throw new Error(`create key failed: ${response.statusCode} ${response.body}`);
  return response.json() as { key: { id: string; prefix: string; status: string }; secret: string };
}

async function project(client: TestClient, orgId: string, name: string) {
  const response = await client.post(`/api/orgs/${orgId}/projects`, {
    name,
    engineeringType: 'building',
    investmentFen: 500_000_000,
    regionCode: '330106',
    visibility: 'public',
  });
  if (response.statusCode !== 201) throw new Error(`project failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  ownerA = (await registeredClient(t.app)).client;
  orgA = (await createOrg(ownerA, { creditCode: validCreditCode(), businessRoles: ['GC'] })).id;
  const memberEmail = uniqueEmail('member');
  const invitation = (
    await ownerA.post(`/api/orgs/${orgA}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  memberA = (await registeredClient(t.app, memberEmail)).client;
  await memberA.post(`/api/invitations/${invitation.id}/accept`);
  await memberA.post('/api/auth/logout');
  await memberA.post('/api/auth/login', { identifier: memberEmail, password: PASSWORD });
  ownerB = (await registeredClient(t.app)).client;
  orgB = (await createOrg(ownerB, { creditCode: validCreditCode(), businessRoles: ['GC'] })).id;
  projectA = await project(ownerA, orgA, '杭州滨江科创园一期');
  projectB = await project(ownerB, orgB, '宁波北仑物流中心');
});
afterAll(() => t.close());

describe('API keys', () => {
  it('returns the secret once on creation; the list shows the prefix and never the secret or its hash', async () => {
    const { key, secret } = await newKey(ownerA, orgA, { scopes: ['projects:read'] });
    expect(secret).toMatch(/^zk_live_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(secret.slice(0, 12));
    expect(key.status).toBe('active');
    const list = await ownerA.get(`/api/orgs/${orgA}/api-keys`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(secret.slice(12));
    expect(list.body).not.toMatch(/secretHash|secret_hash/);
    const listed = list.json().items.find((k: { id: string }) => k.id === key.id);
    expect(listed).toMatchObject({ prefix: key.prefix, scopes: ['projects:read'], status: 'active', lastUsedAt: null });
    // default expiry: 90 days
    const days = (Date.parse(listed.expiresAt) - Date.parse(listed.createdAt)) / 86_400_000;
    expect(days).toBe(90);
  });

  it('refuses an expiry over a year and an allow-list entry that is not an address or block', async () => {
    expect(
      (await ownerA.post(`/api/orgs/${orgA}/api-keys`, { name: 'x y', scopes: ['projects:read'], expiresInDays: 366 }))
        .statusCode,
    ).toBe(400);
    const bad = await ownerA.post(`/api/orgs/${orgA}/api-keys`, {
      name: '坏白名单',
      scopes: ['projects:read'],
      ipAllowList: ['10.0.0.0/33'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('API_KEY_IP_RANGE_INVALID');
  });

  it('gives demands:write only to an organisation that publishes demands (GC)', async () => {
    const supplier = (await registeredClient(t.app)).client;
    const org = (await createOrg(supplier, { creditCode: validCreditCode(), businessRoles: ['SUP'] })).id;
    const refused = await supplier.post(`/api/orgs/${org}/api-keys`, { name: '供应商', scopes: ['demands:write'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('API_KEY_GC_REQUIRED');
    expect(
      (await supplier.post(`/api/orgs/${org}/api-keys`, { name: '供应商', scopes: ['demands:read'] })).statusCode,
    ).toBe(201);
  });

  it('lets only the organisation’s owner or admin manage keys: a member 403, another organisation 404', async () => {
    const { key } = await newKey(ownerA, orgA, { scopes: ['projects:read'] });
    expect((await memberA.get(`/api/orgs/${orgA}/api-keys`)).statusCode).toBe(403);
    expect((await memberA.post(`/api/orgs/${orgA}/api-keys/${key.id}/revoke`)).statusCode).toBe(403);
    expect(
      (await memberA.post(`/api/orgs/${orgA}/api-keys`, { name: '成员的钥匙', scopes: ['money:read'] })).statusCode,
    ).toBe(403);
    expect((await ownerB.get(`/api/orgs/${orgA}/api-keys`)).statusCode).toBe(404);
    expect((await ownerB.post(`/api/orgs/${orgA}/api-keys/${key.id}/revoke`)).statusCode).toBe(404);
    // B's own path with A's key id: the key is not B's
    const viaB = await ownerB.post(`/api/orgs/${orgB}/api-keys/${key.id}/revoke`);
    expect(viaB.statusCode).toBe(404);
    expect(viaB.json().code).toBe('API_KEY_NOT_FOUND');
    expect((await ownerB.get(`/api/orgs/${orgB}/api-keys`)).json().items).toEqual([]);
  });
});

describe('/api/v1 with a key', () => {
  it('reads its own organisation’s projects with projects:read and is refused demands:write with the scope named', async () => {
    const { key, secret } = await newKey(ownerA, orgA, { scopes: ['projects:read'] });
    const read = await v1(secret, 'GET', '/api/v1/projects');
    expect(read.statusCode).toBe(200);
    const ids = read.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(projectA);
    expect(ids).not.toContain(projectB);
    expect(read.json().items[0]).not.toHaveProperty('invitedOrgIds');

    const write = await v1(secret, 'POST', '/api/v1/demands', { title: 'x' });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('API_KEY_SCOPE_MISSING');
    expect(write.json().message['zh-CN']).toContain('demands:write');
    expect(write.json().message.en).toContain('demands:write');
    expect((await v1(secret, 'GET', '/api/v1/money')).statusCode).toBe(403);

    // each call is recorded with the key id, the refused one too
    const calls = (await ownerA.get(`/api/orgs/${orgA}/api-keys/${key.id}/calls`)).json().items;
    expect(calls.map((c: { route: string; status: number }) => `${c.status} ${c.route}`)).toEqual([
      '403 /api/v1/money',
      '403 /api/v1/demands',
      '200 /api/v1/projects',
    ]);
    const listed = (await ownerA.get(`/api/orgs/${orgA}/api-keys`))
      .json()
      .items.find((k: { id: string }) => k.id === key.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('pages the projects with a cursor', async () => {
    await project(ownerA, orgA, '杭州滨江科创园二期');
    const { secret } = await newKey(ownerA, orgA, { scopes: ['projects:read'] });
    const first = (await v1(secret, 'GET', '/api/v1/projects?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBe(first.items[0].id);
    const second = (await v1(secret, 'GET', `/api/v1/projects?limit=1&after=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it('answers 401 without a key, with an unknown one, and to a browser session', async () => {
    const none = await v1(null, 'GET', '/api/v1/projects');
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('AUTH_REQUIRED');
    const unknown = await v1(`zk_live_${'A'.repeat(43)}`, 'GET', '/api/v1/projects');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('API_KEY_INVALID');
    expect((await ownerA.get('/api/v1/projects')).statusCode).toBe(401);
  });

  it('refuses a revoked key on the very next call, and an expired one', async () => {
    const { key, secret } = await newKey(ownerA, orgA, { scopes: ['projects:read'] });
    expect((await v1(secret, 'GET', '/api/v1/projects')).statusCode).toBe(200);
    const revoked = await ownerA.post(`/api/orgs/${orgA}/api-keys/${key.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const after = await v1(secret, 'GET', '/api/v1/projects');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('API_KEY_INVALID');
    expect((await ownerA.post(`/api/orgs/${orgA}/api-keys/${key.id}/revoke`)).json().code).toBe(
      'API_KEY_ALREADY_REVOKED',
    );

    const expiring = await newKey(ownerA, orgA, { scopes: ['projects:read'], expiresInDays: 1 });
    expect((await v1(expiring.secret, 'GET', '/api/v1/projects')).statusCode).toBe(200);
    await t.ctx.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, expiring.key.id));
    expect((await v1(expiring.secret, 'GET', '/api/v1/projects')).statusCode).toBe(401);
    const listed = (await ownerA.get(`/api/orgs/${orgA}/api-keys`)).json().items;
    expect(listed.find((k: { id: string }) => k.id === expiring.key.id).status).toBe('expired');
  });

  it('refuses an address outside the allow-list with 403 and serves one inside it', async () => {
    const { secret } = await newKey(ownerA, orgA, { scopes: ['projects:read'], ipAllowList: ['203.0.113.0/24'] });
    const outside = await v1(secret, 'GET', '/api/v1/projects', undefined, '198.51.100.4');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('API_KEY_IP_FORBIDDEN');
    expect((await v1(secret, 'GET', '/api/v1/projects', undefined, '203.0.113.9')).statusCode).toBe(200);
  });

  it('creates a demand for the key’s organisation that waits for review, audited with the key id', async () => {
    const { key, secret } = await newKey(ownerA, orgA, { scopes: ['demands:write', 'demands:read'] });
    const feasibility = (await upload(ownerA, `/api/orgs/${orgA}/files`, 'f.pdf', tinyPdf())).json();
    const funds = (await upload(ownerA, `/api/orgs/${orgA}/files`, 'm.pdf', tinyPdf())).json();
    const created = await v1(secret, 'POST', '/api/v1/demands', {
      type: 'procurement',
      title: 'ERP 对接 钢筋采购',
      projectName: '杭州滨江科创园一期',
      category: '钢筋采购',
      items: [{ name: '钢筋', spec: 'HRB400 Φ12', unit: '吨', quantity: 120 }],
      budgetFen: 48_000_000,
      regionCode: '330106',
      deadline: '2099-12-31',
      feasibilityFileId: feasibility.id,
      fundsProofFileId: funds.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'pending_review', title: 'ERP 对接 钢筋采购', publishedAt: null });
    const own = (await ownerA.get(`/api/orgs/${orgA}/demands`)).json().items;
    expect(own.map((d: { id: string }) => d.id)).toContain(created.json().id);
    const listed = (await v1(secret, 'GET', '/api/v1/demands')).json().items;
    expect(listed.map((d: { id: string }) => d.id)).toContain(created.json().id);
    // B's file cannot be attached through A's key
    const foreign = (await upload(ownerB, `/api/orgs/${orgB}/files`, 'b.pdf', tinyPdf())).json();
    const refused = await v1(secret, 'POST', '/api/v1/demands', {
      type: 'procurement',
      title: 'ERP 对接 水泥采购',
      projectName: '杭州滨江科创园一期',
      category: '水泥采购',
      budgetFen: 1_000_000,
      regionCode: '330106',
      deadline: '2099-12-31',
      feasibilityFileId: foreign.id,
      fundsProofFileId: funds.id,
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);

    const entries = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'api.v1.demands.write'));
    const entry = entries.find((e) => e.target?.includes(created.json().id));
    expect(entry?.target).toContain(`api_key ${key.id}`);
    expect(entry?.orgId).toBe(orgA);
  });

  it('reads tenders (bid count only) and balances with their scopes', async () => {
    const { secret } = await newKey(ownerA, orgA, { scopes: ['tenders:read', 'money:read'] });
    const tenders = await v1(secret, 'GET', '/api/v1/tenders');
    expect(tenders.statusCode).toBe(200);
    expect(Array.isArray(tenders.json().items)).toBe(true);
    const money = await v1(secret, 'GET', '/api/v1/money');
    expect(money.statusCode).toBe(200);
    expect(Array.isArray(money.json().accounts)).toBe(true);
  });

  it('marks every v1 route in the OpenAPI document with the bearer scheme and its scope', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/projects'].get.security).toEqual([{ apiKey: ['projects:read'] }]);
    expect(doc.paths['/api/v1/demands'].post.security).toEqual([{ apiKey: ['demands:write'] }]);
    expect(doc.paths['/api/v1/money'].get.security).toEqual([{ apiKey: ['money:read'] }]);
    expect(doc.paths['/api/v1/tenders'].get['x-required-scope']).toBe('tenders:read');
    expect(doc.paths['/api/v1/tenders'].get.description).toContain('tenders:read');
  });
});

describe('rate limit per key', () => {
  it('answers 429 past the per-key limit, and another key of the same organisation is not affected', async () => {
    const limited = await createTestApp({ openApi: { rateLimitPerMinute: 3 } });
    try {
      const owner = (await registeredClient(limited.app)).client;
      const org = (await createOrg(owner, { creditCode: validCreditCode(), businessRoles: ['GC'] })).id;
      const one = (await owner.post(`/api/orgs/${org}/api-keys`, { name: '限流一', scopes: ['projects:read'] })).json();
      const two = (await owner.post(`/api/orgs/${org}/api-keys`, { name: '限流二', scopes: ['projects:read'] })).json();
      const call = (secret: string) =>
        limited.app.inject({ method: 'GET', url: '/api/v1/projects', headers: bearer(secret) });
      for (let i = 0; i < 3; i += 1) expect((await call(one.secret)).statusCode).toBe(200);
      const refused = await call(one.secret);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('API_KEY_RATE_LIMITED');
      expect(refused.headers['retry-after']).toBeDefined();
      expect((await call(two.secret)).statusCode).toBe(200);
      const calls = (await owner.get(`/api/orgs/${org}/api-keys/${one.key.id}/calls`)).json().items;
      expect(calls[0].status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
