import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, TestClient, uniqueEmail } from '../../test/test-app';
import { createContract, signVersion } from '../contracts';

/** The rating and staff review routes over HTTP: who may call them, what bad input gets back, what is stored. */
describe('credit routes', () => {
  let t: TestApp;
  let gc: { client: TestClient; orgId: string; userId: string };
  let sub: { client: TestClient; orgId: string; userId: string };
  let outsider: { client: TestClient; orgId: string; userId: string };
  let contractId: string;

  const party = async (roles: string[], name: string) => {
    const u = await registeredClient(t.app, undefined, `${name}负责人`);
    const org = await createOrg(u.client, { creditCode: validCreditCode(), businessRoles: roles, name });
    return { client: u.client, orgId: org.id, userId: u.userId };
  };
  const stars = (n: number) => ({ quality: n, timeliness: n, cooperation: n, payment: n });

  beforeAll(async () => {
    t = await createTestApp();
    gc = await party(['GC'], '浙江宏筑建设集团有限公司');
    sub = await party(['SUB'], '杭州安居劳务有限公司');
    outsider = await party(['SUB'], '温州远方劳务有限公司');
    contractId = await createContract(t.ctx, { userId: gc.userId }, gc.orgId, {
      kind: 'subcontract',
      counterpartyOrgId: sub.orgId,
      title: '2# 楼砌体劳务分包',
      variables: {
        projectName: '杭州未来科技城 A3 地块住宅项目',
        projectLocation: '杭州市余杭区',
        scope: '2# 楼砌体劳务作业',
        amountFen: 30_000_000,
        startDate: '2026-10-01',
        endDate: '2027-03-31',
        advanceBp: 1000,
        retentionBp: 300,
        paymentTerms: '按节点计量',
        qualityStandard: '合格（GB 50300-2013）',
        disputeVenue: '杭州仲裁委员会',
      },
    });
    await signVersion(t.ctx, { userId: gc.userId }, gc.orgId, contractId, 1);
    await signVersion(t.ctx, { userId: sub.userId }, sub.orgId, contractId, 1);
  });
  afterAll(async () => t?.close());

  const rate = (who: typeof gc, body: Record<string, unknown>) =>
    who.client.post(`/api/orgs/${who.orgId}/credit/ratings`, body);

  it('refuses bad input with both languages and stores nothing', async () => {
    const six = await rate(gc, { contractId, ratedOrgId: sub.orgId, stars: { ...stars(4), payment: 0 } });
    expect(six.statusCode).toBe(400);
    expect(six.json().message).toEqual({
      'zh-CN': '每项评分须为 1 至 5 星',
      en: 'Each aspect must be rated from 1 to 5 stars',
    });
    const stranger = await rate(gc, { contractId, ratedOrgId: outsider.orgId, stars: stars(2) });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().message['zh-CN']).toContain('合同');
    const list = await gc.client.get(`/api/orgs/${gc.orgId}/contracts/${contractId}/ratings`);
    expect(list.json().items).toEqual([]);
  });

  it('takes one rating per side; the second is a conflict; both parties see them', async () => {
    const first = await rate(gc, { contractId, ratedOrgId: sub.orgId, stars: stars(5), comment: '工完场清' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await rate(gc, { contractId, ratedOrgId: sub.orgId, stars: stars(1) });
    expect(again.statusCode).toBe(409);
    expect(again.json().message.en).toContain('already rated');
    const back = await rate(sub, { contractId, ratedOrgId: gc.orgId, stars: stars(4) });
    expect(back.statusCode).toBe(201);
    const seen = (await sub.client.get(`/api/orgs/${sub.orgId}/contracts/${contractId}/ratings`)).json();
    expect(seen.items).toHaveLength(2);
    // the outsider sees neither the contract's ratings nor may it rate on it
    expect((await outsider.client.get(`/api/orgs/${outsider.orgId}/contracts/${contractId}/ratings`)).statusCode).toBe(
      404,
    );
    expect((await gc.client.get(`/api/orgs/${outsider.orgId}/credit`)).statusCode).toBe(404);
  });

  it('a plain member reads the credit page but cannot rate for the organisation', async () => {
    const email = uniqueEmail('credit-member');
    const invitation = (
      await gc.client.post(`/api/orgs/${gc.orgId}/invitations`, { identifier: email, role: 'member' })
    ).json();
    const member = await registeredClient(t.app, email, '资料员 李');
    expect((await member.client.post(`/api/invitations/${invitation.id}/accept`)).statusCode).toBeLessThan(300);
    expect((await member.client.get(`/api/orgs/${gc.orgId}/credit`)).statusCode).toBe(200);
    const refused = await member.client.post(`/api/orgs/${gc.orgId}/credit/ratings`, {
      contractId,
      ratedOrgId: sub.orgId,
      stars: stars(3),
    });
    expect(refused.statusCode).toBe(403);
  });

  it('shows the grade next to another organisation to any signed-in user, and nothing more', async () => {
    const operator = await staffClient(t, ['operator'], '运营 周');
    const set = await operator.client.put(`/api/staff/credit-grades/${gc.orgId}`, {
      grade: 'AA',
      source: '外部评级机构 2026',
    });
    expect(set.statusCode, set.body).toBe(200);
    const seen = await outsider.client.get(`/api/credit-grades?orgIds=${gc.orgId},${sub.orgId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual({ items: [{ orgId: gc.orgId, grade: 'AA' }] });
    expect((await new TestClient(t.app).get(`/api/credit-grades?orgIds=${gc.orgId}`)).statusCode).toBe(401);
    const bad = await outsider.client.get('/api/credit-grades?orgIds=not-an-id');
    expect(bad.statusCode).toBe(400);
    const many = Array.from({ length: 101 }, () => crypto.randomUUID()).join(',');
    expect((await outsider.client.get(`/api/credit-grades?orgIds=${many}`)).statusCode).toBe(400);
  });

  it('only risk staff or admins request a manual review; it stays pending until a second approves', async () => {
    const operator = await staffClient(t, ['operator'], '运营 赵');
    const review = { grade: 'C', reason: '核实存在拖欠工资', expiresOn: '2099-12-31' };
    expect((await operator.client.post(`/api/staff/credit/${sub.orgId}/reviews`, review)).statusCode).toBe(403);
    const risk = await staffClient(t, ['risk'], '风控 钱');
    const pending = await risk.client.post(`/api/staff/credit/${sub.orgId}/reviews`, review);
    expect(pending.statusCode, pending.body).toBe(202);
    expect((await sub.client.get(`/api/orgs/${sub.orgId}/credit`)).json().source).not.toBe('review');
    const past = await risk.client.post(`/api/staff/credit/${sub.orgId}/reviews`, {
      ...review,
      expiresOn: '2020-01-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().message['zh-CN']).toContain('有效期');
  });

  it('refuses a policy whose weights do not sum to 100', async () => {
    const risk = await staffClient(t, ['risk'], '风控 孙');
    const bad = await risk.client.post('/api/staff/credit-policy', {
      weights: { performance: 30, transactions: 30, reputation: 20, qualification: 15, social: 10 },
      thresholds: { AAA: 90, AA: 80, A: 70, B: 60 },
      priorStrength: 5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message.en).toBe('The five weights must add up to 100 (they add up to 105)');
    expect((await risk.client.get('/api/staff/credit-policy')).json().version).toBe(0);
  });
});
