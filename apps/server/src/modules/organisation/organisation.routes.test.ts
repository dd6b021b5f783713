import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import {
  createOrg,
  createTestApp,
  PASSWORD,
  registeredClient,
  type TestApp,
  TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { setVerificationStatus } from './organisation.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('creating an organisation', () => {
  it('creates it with a valid credit code, makes the creator owner and activates it', async () => {
    const { client, userId } = await registeredClient(t.app);
    const code = validCreditCode();
    const response = await client.post('/api/orgs', {
      name: '浙江测试建设有限公司',
      creditCode: code.toLowerCase(),
      businessRoles: ['GC', 'SUP'],
    });
    expect(response.statusCode).toBe(201);
    const org = response.json();
    expect(org).toMatchObject({ creditCode: code, businessRoles: ['GC', 'SUP'], verification: 'unverified' });
    const me = (await client.get('/api/auth/me')).json();
    expect(me).toMatchObject({ activeOrgId: org.id, activeRole: 'GC' });
    expect(me.memberships).toEqual([
      { orgId: org.id, orgName: '浙江测试建设有限公司', membershipRole: 'owner', businessRoles: ['GC', 'SUP'] },
    ]);
    const members = (await client.get(`/api/orgs/${org.id}/members`)).json().items;
    expect(members).toEqual([expect.objectContaining({ userId, role: 'owner' })]);
  });

  it('refuses a credit code whose GB 32100 check character is wrong, with a clear bilingual message', async () => {
    const { client } = await registeredClient(t.app);
    const good = validCreditCode();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const response = await client.post('/api/orgs', {
      name: '校验位错误公司',
      creditCode: bad,
      businessRoles: ['SUB'],
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.issues).toEqual([
      expect.objectContaining({
        path: 'creditCode',
        code: 'ORG_CREDIT_CODE_INVALID',
        message: expect.objectContaining({ 'zh-CN': expect.stringContaining('统一社会信用代码无效') }),
      }),
    ]);
    expect((await client.get('/api/auth/me')).json().memberships).toEqual([]);
  });

  it('refuses a credit code that another organisation registered', async () => {
    const { client } = await registeredClient(t.app);
    const code = validCreditCode();
    await createOrg(client, { creditCode: code });
    const other = (await registeredClient(t.app)).client;
    const response = await other.post('/api/orgs', { name: '冒名公司', creditCode: code, businessRoles: ['GC'] });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ORG_CREDIT_CODE_TAKEN');
  });
});

describe('switching organisation and role', () => {
  it('switches to a role the organisation holds and refuses one it does not', async () => {
    const { client } = await registeredClient(t.app);
    const org = await createOrg(client, { creditCode: validCreditCode(), businessRoles: ['GC', 'SUP'] });
    const switched = await client.post(`/api/orgs/${org.id}/activate`, { role: 'SUP' });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ activeOrgId: org.id, activeRole: 'SUP' });
    const refused = await client.post(`/api/orgs/${org.id}/activate`, { role: 'FIN' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('ORG_ROLE_NOT_HELD');
    expect((await client.get('/api/auth/me')).json().activeRole).toBe('SUP');
  });

  it('a new login continues in the last organisation and role, or the first membership', async () => {
    const { client, identifier } = await registeredClient(t.app);
    const first = await createOrg(client, { creditCode: validCreditCode(), businessRoles: ['GC'] });
    const second = await createOrg(client, { creditCode: validCreditCode(), businessRoles: ['SUB', 'SUP'] });
    await client.post(`/api/orgs/${second.id}/activate`, { role: 'SUP' });
    const again = new TestClient(t.app);
    const login = await again.post('/api/auth/login', { identifier, password: PASSWORD });
    expect(login.json().me).toMatchObject({ activeOrgId: second.id, activeRole: 'SUP' });

    const { client: invitee, identifier: inviteeId } = await registeredClient(t.app);
    await client.post(`/api/orgs/${first.id}/invitations`, { identifier: inviteeId, role: 'member' });
    const [inv] = (await invitee.get('/api/invitations')).json().items;
    await invitee.post(`/api/invitations/${inv.id}/decline`);
    expect((await invitee.get('/api/auth/me')).json()).toMatchObject({ activeOrgId: null, activeRole: null });
  });

  it('cannot act for an organisation it does not belong to', async () => {
    const a = (await registeredClient(t.app)).client;
    const orgA = await createOrg(a, { creditCode: validCreditCode() });
    const b = (await registeredClient(t.app)).client;
    expect((await b.post(`/api/orgs/${orgA.id}/activate`, { role: 'GC' })).statusCode).toBe(404);
    expect((await b.get(`/api/orgs/${orgA.id}`)).statusCode).toBe(404);
  });
});

describe('organisation directory', () => {
  it('finds an organisation by credit code for a logged-in user, and says when there is none', async () => {
    const { client } = await registeredClient(t.app);
    const code = validCreditCode();
    const org = await createOrg(client, { creditCode: code, businessRoles: ['SUP'], name: '目录测试钢贸有限公司' });
    const stranger = (await registeredClient(t.app)).client;
    expect((await stranger.get(`/api/org-directory?creditCode=${code}`)).json()).toEqual({
      id: org.id,
      name: '目录测试钢贸有限公司',
      businessRoles: ['SUP'],
      verification: 'unverified',
    });
    expect((await stranger.get(`/api/org-directory?creditCode=${validCreditCode()}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/org-directory?creditCode=123')).statusCode).toBe(400);
  });
});

describe('members and invitations', () => {
  it('invites by e-mail; the invitee accepts and becomes a member; a plain member cannot manage', async () => {
    const owner = (await registeredClient(t.app)).client;
    const org = await createOrg(owner, { creditCode: validCreditCode() });
    const inviteeEmail = uniqueEmail('invitee');
    const invited = await owner.post(`/api/orgs/${org.id}/invitations`, { identifier: inviteeEmail, role: 'member' });
    expect(invited.statusCode).toBe(201);
    expect(
      (await owner.post(`/api/orgs/${org.id}/invitations`, { identifier: inviteeEmail, role: 'member' })).json().code,
    ).toBe('ORG_INVITATION_PENDING');

    const { client: invitee, userId: inviteeId } = await registeredClient(t.app, inviteeEmail);
    const mine = (await invitee.get('/api/invitations')).json().items;
    expect(mine).toEqual([expect.objectContaining({ orgId: org.id, role: 'member', status: 'pending' })]);
    const accepted = await invitee.post(`/api/invitations/${mine[0].id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ activeOrgId: org.id });

    expect((await invitee.get(`/api/orgs/${org.id}/members`)).json().items).toHaveLength(2);
    expect(
      (await invitee.post(`/api/orgs/${org.id}/invitations`, { identifier: uniqueEmail(), role: 'member' })).statusCode,
    ).toBe(403);
    expect((await invitee.patch(`/api/orgs/${org.id}`, { name: '改名' })).statusCode).toBe(403);

    const promoted = await owner.patch(`/api/orgs/${org.id}/members/${inviteeId}`, { role: 'admin' });
    expect(promoted.json()).toMatchObject({ role: 'admin' });
    expect((await invitee.patch(`/api/orgs/${org.id}`, { name: '浙江改名建设有限公司' })).statusCode).toBe(200);
  });

  it('an invitation addressed to someone else cannot be accepted', async () => {
    const owner = (await registeredClient(t.app)).client;
    const org = await createOrg(owner, { creditCode: validCreditCode() });
    const invitation = (
      await owner.post(`/api/orgs/${org.id}/invitations`, { identifier: uniqueEmail('intended'), role: 'member' })
    ).json();
    const stranger = (await registeredClient(t.app)).client;
    expect((await stranger.post(`/api/invitations/${invitation.id}/accept`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/orgs/${org.id}/members`)).statusCode).toBe(404);
  });

  it('keeps at least one owner, and only owners change owners', async () => {
    const { client: owner, userId: ownerId } = await registeredClient(t.app);
    const org = await createOrg(owner, { creditCode: validCreditCode() });
    const demote = await owner.patch(`/api/orgs/${org.id}/members/${ownerId}`, { role: 'member' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('ORG_LAST_OWNER');
    expect((await owner.delete(`/api/orgs/${org.id}/members/${ownerId}`)).json().code).toBe('ORG_LAST_OWNER');

    const adminEmail = uniqueEmail('admin');
    await owner.post(`/api/orgs/${org.id}/invitations`, { identifier: adminEmail, role: 'admin' });
    const { client: admin } = await registeredClient(t.app, adminEmail);
    const [inv] = (await admin.get('/api/invitations')).json().items;
    await admin.post(`/api/invitations/${inv.id}/accept`);
    const attempt = await admin.delete(`/api/orgs/${org.id}/members/${ownerId}`);
    expect(attempt.statusCode).toBe(403);
    expect(attempt.json().code).toBe('ORG_OWNER_ONLY');
  });

  it('revokes a pending invitation', async () => {
    const owner = (await registeredClient(t.app)).client;
    const org = await createOrg(owner, { creditCode: validCreditCode() });
    const email = uniqueEmail('revoked');
    const inv = (await owner.post(`/api/orgs/${org.id}/invitations`, { identifier: email, role: 'member' })).json();
    expect((await owner.delete(`/api/orgs/${org.id}/invitations/${inv.id}`)).statusCode).toBe(204);
    const { client } = await registeredClient(t.app, email);
    expect((await client.get('/api/invitations')).json().items).toEqual([]);
    expect((await client.post(`/api/invitations/${inv.id}/accept`)).statusCode).toBe(404);
  });
});

describe('supervisor directory', () => {
  it('finds verified supervisors by part of the name, with name and credit code only', async () => {
    const owner = (await registeredClient(t.app)).client;
    const verifiedCode = validCreditCode();
    const verified = await createOrg(owner, {
      creditCode: verifiedCode,
      businessRoles: ['SVR'],
      name: '杭州百分_监理咨询有限公司',
    });
    const unverified = await createOrg((await registeredClient(t.app)).client, {
      creditCode: validCreditCode(),
      businessRoles: ['SVR'],
      name: '杭州百分_监理未认证有限公司',
    });
    const notSupervisor = await createOrg((await registeredClient(t.app)).client, {
      creditCode: validCreditCode(),
      businessRoles: ['GC'],
      name: '杭州百分_监理施工有限公司',
    });
    // `_` must not match any one character: this verified supervisor differs from the query only there
    const lookalike = await createOrg((await registeredClient(t.app)).client, {
      creditCode: validCreditCode(),
      businessRoles: ['SVR', 'SUP'],
      name: '杭州百分Y监理咨询有限公司',
    });
    for (const id of [verified.id, notSupervisor.id, lookalike.id]) await setVerificationStatus(t.ctx, id, 'verified');
    expect(unverified.id).toBeTruthy();

    const stranger = (await registeredClient(t.app)).client;
    const found = await stranger.get(`/api/org-directory/supervisors?q=${encodeURIComponent('百分_监理')}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toEqual({ items: [{ name: '杭州百分_监理咨询有限公司', creditCode: verifiedCode }] });
    // `%` is matched as itself, not as "anything"
    const wildcard = await stranger.get(`/api/org-directory/supervisors?q=${encodeURIComponent('%%')}`);
    expect(wildcard.json()).toEqual({ items: [] });
    const both = (await stranger.get(`/api/org-directory/supervisors?q=${encodeURIComponent('杭州百分')}`)).json();
    expect(both.items.map((o: { name: string }) => o.name)).toEqual([
      '杭州百分Y监理咨询有限公司',
      '杭州百分_监理咨询有限公司',
    ]);
  });

  it('refuses a guest and malformed queries', async () => {
    expect((await new TestClient(t.app).get('/api/org-directory/supervisors?q=监理')).statusCode).toBe(401);
    const client = (await registeredClient(t.app)).client;
    for (const q of ['', '监', ' 监 ', '监'.repeat(51), '监理\u0000']) {
      const response = await client.get(`/api/org-directory/supervisors?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(400);
    }
    expect((await client.get('/api/org-directory/supervisors')).statusCode).toBe(400);
  });
});
