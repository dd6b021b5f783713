import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, enableTotp, nextTotp, registeredClient, type TestApp, TestClient } from '../../test/test-app';
import { bootstrapAdmin, seedStaffRoles } from './index';

let t: TestApp;
let adminA: TestClient;
let adminB: TestClient;
let adminAId: string;

/** A staff member logged in with 2FA. */
async function staffClient(roles: ('admin' | 'reviewer' | 'service')[], bootstrap = false) {
  const { client, userId, identifier } = await registeredClient(t.app);
  const { secret } = await enableTotp(client);
  if (bootstrap) await bootstrapAdmin(t.ctx, userId);
  else await seedStaffRoles(t.ctx, userId, roles);
  const fresh = new TestClient(t.app);
  await fresh.post('/api/auth/login', { identifier, password: 'Correct-Horse-9' });
  await fresh.post('/api/auth/login/totp', { code: await nextTotp(secret) });
  return { client: fresh, userId };
}

beforeAll(async () => {
  t = await createTestApp();
  ({ client: adminA, userId: adminAId } = await staffClient(['admin'], true));
  ({ client: adminB } = await staffClient(['admin']));
});
afterAll(async () => {
  await t.close();
});

describe('staff console access', () => {
  it('requires a session opened with 2FA', async () => {
    const { client, userId } = await registeredClient(t.app);
    await seedStaffRoles(t.ctx, userId, ['operator']);
    const response = await client.get('/api/staff/users');
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('AUTH_MFA_REQUIRED');
  });

  it('lists users with masked contacts', async () => {
    const response = await adminA.get('/api/staff/users');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { contact: string; staffRoles: string[] }[];
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((u) => u.contact.includes('***'))).toBe(true);
  });
});

describe('dual control: granting a platform staff role', () => {
  it('stores the grant as a request that the requester cannot approve and a second admin can', async () => {
    const { userId: target } = await registeredClient(t.app, undefined, '候选审核员');
    const requested = await adminA.post('/api/staff/role-grants', { userId: target, role: 'reviewer' });
    expect(requested.statusCode).toBe(202);
    const request = requested.json();
    expect(request).toMatchObject({ status: 'pending', action: 'staff.role.grant', requestedBy: { id: adminAId } });
    expect(request.summary['zh-CN']).toContain('审核员');

    // Not yet in effect.
    const before = (await adminA.get('/api/staff/users?q=候选')).json().items;
    expect(before[0].staffRoles).toEqual([]);

    const self = await adminA.post(`/api/staff/dual-control/${request.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('STAFF_DUAL_CONTROL_SAME_PERSON');

    const approved = await adminB.post(`/api/staff/dual-control/${request.id}/approve`, { reason: '岗位需要' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'executed', reason: '岗位需要' });
    const after = (await adminA.get('/api/staff/users?q=候选')).json().items;
    expect(after[0].staffRoles).toEqual(['reviewer']);

    const twice = await adminB.post(`/api/staff/dual-control/${request.id}/approve`, {});
    expect(twice.json().code).toBe('STAFF_REQUEST_DECIDED');
  });

  it('a rejected request never takes effect', async () => {
    const { userId: target } = await registeredClient(t.app, undefined, '被驳回者');
    const request = (await adminA.post('/api/staff/role-grants', { userId: target, role: 'finance' })).json();
    const rejected = await adminB.post(`/api/staff/dual-control/${request.id}/reject`, { reason: '无此岗位' });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await adminB.post(`/api/staff/dual-control/${request.id}/approve`, {})).statusCode).toBe(409);
    expect((await adminA.get('/api/staff/users?q=被驳回')).json().items[0].staffRoles).toEqual([]);
  });

  it('a reviewer who is not admin can neither request nor approve role grants', async () => {
    const { client: reviewer } = await staffClient(['reviewer']);
    const { userId: target } = await registeredClient(t.app);
    expect((await reviewer.post('/api/staff/role-grants', { userId: target, role: 'admin' })).statusCode).toBe(403);
    const request = (await adminA.post('/api/staff/role-grants', { userId: target, role: 'service' })).json();
    const attempt = await reviewer.post(`/api/staff/dual-control/${request.id}/approve`, {});
    expect(attempt.statusCode).toBe(403);
    expect(attempt.json().code).toBe('STAFF_ACTION_FORBIDDEN');
  });

  it('filters requests by status', async () => {
    const pending = (await adminA.get('/api/staff/dual-control?status=pending')).json().items as { status: string }[];
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((r) => r.status === 'pending')).toBe(true);
  });

  it('pages the audit log by sequence number', async () => {
    const first = (await adminA.get('/api/staff/audit?limit=3')).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextBeforeSeq).toBe(first.items[2].seq);
    const second = (await adminA.get(`/api/staff/audit?limit=3&beforeSeq=${first.nextBeforeSeq}`)).json();
    expect(second.items[0].seq).toBe(first.nextBeforeSeq - 1);
  });

  it('records staff reads and decisions in the audit log', async () => {
    const entries = (await adminA.get('/api/staff/audit?limit=200')).json().items as {
      action: string;
      actorUserId: string;
    }[];
    const actions = new Set(entries.map((e) => e.action));
    expect(actions).toContain('staff.roles.request');
    expect(actions).toContain('staff.dual_control.decide');
    expect(actions).toContain('staff.users.list');
    expect((await adminA.get('/api/staff/audit/verify')).json()).toMatchObject({ ok: true, firstBroken: null });
  });
});
