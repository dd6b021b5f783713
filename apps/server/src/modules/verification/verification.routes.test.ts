import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { daysFromToday, uploadDocuments, verificationPackage } from '../../test/onboarding';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { runExpiryWatch } from './verification.service';

let t: TestApp;
let reviewer: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  reviewer = (await staffClient(t, ['reviewer'])).client;
});
afterAll(async () => {
  await t.close();
});

async function verifiedOrg(licenceValidUntil: string | null, roles = ['GC']) {
  const { client } = await registeredClient(t.app);
  const name = `浙江测试建设有限公司${Math.floor(Math.random() * 1e6)}`;
  const creditCode = validCreditCode();
  const org = await createOrg(client, { name, creditCode, businessRoles: roles });
  const files = await uploadDocuments(client, org.id);
  const body = verificationPackage({ orgName: name, creditCode, files, licenceValidUntil });
  const submitted = await client.post(`/api/orgs/${org.id}/verification`, body);
  expect(submitted.json()).toMatchObject({ status: 'pending', purpose: 'organisation' });
  const decided = await reviewer.post(`/api/staff/verifications/${submitted.json().id}/decision`, {
    decision: 'approve',
  });
  expect(decided.json().decision).toMatchObject({ decision: 'approve' });
  return { client, orgId: org.id };
}

describe('organisation verification', () => {
  it('is reviewed on its own queue, and a reviewer cannot reject without a reason', async () => {
    const { client } = await registeredClient(t.app);
    const name = '江苏测试监理有限公司';
    const creditCode = validCreditCode();
    const org = await createOrg(client, { name, creditCode, businessRoles: ['SVR'] });
    const files = await uploadDocuments(client, org.id);
    const submitted = (
      await client.post(`/api/orgs/${org.id}/verification`, verificationPackage({ orgName: name, creditCode, files }))
    ).json();
    const queue = (await reviewer.get('/api/staff/verifications?status=pending')).json();
    expect(queue.items.map((v: { id: string }) => v.id)).toContain(submitted.id);
    const noReason = await reviewer.post(`/api/staff/verifications/${submitted.id}/decision`, { decision: 'reject' });
    expect(noReason.json().issues[0]).toMatchObject({ path: 'reasons', code: 'REVIEW_REASON_REQUIRED' });
    await reviewer.post(`/api/staff/verifications/${submitted.id}/decision`, {
      decision: 'reject',
      reasons: ['资质证书与企业名称不符'],
    });
    expect((await client.get(`/api/orgs/${org.id}`)).json().verification).toBe('rejected');
    const mine = (await client.get(`/api/orgs/${org.id}/verification`)).json().verification;
    expect(mine.decision.reasons).toEqual(['资质证书与企业名称不符']);
  });

  it('a file of another submission is not served to the reviewer through this one', async () => {
    const a = await verifiedOrg(null);
    const other = (await a.client.get(`/api/orgs/${a.orgId}/verification`)).json().verification;
    const foreignFile = (await uploadDocuments(a.client, a.orgId)).licence;
    const response = await reviewer.get(`/api/staff/verifications/${other.id}/files/${foreignFile}`);
    expect(response.statusCode).toBe(404);
  });
});

describe('expiry watch', () => {
  it('warns once 30 days ahead, then suspends the merchant when the licence has expired', async () => {
    const until = daysFromToday(20);
    const { client } = await registeredClient(t.app);
    const name = `广东测试机械租赁有限公司${Math.floor(Math.random() * 1e6)}`;
    const creditCode = validCreditCode();
    const org = await createOrg(client, { name, creditCode, businessRoles: ['SUP'] });
    const files = await uploadDocuments(client, org.id);
    const applied = await client.post(`/api/orgs/${org.id}/merchant-application`, {
      categoryCode: 'steel',
      serviceRegions: ['440000'],
      shopName: '粤力钢材',
      profile: '华南地区建筑钢材供应，支持项目直送与分批结算。',
      verification: verificationPackage({ orgName: name, creditCode, files, licenceValidUntil: until }),
    });
    const a = applied.json();
    expect(a.verification.checks.find((c: { code: string }) => c.code === 'licence_valid').status).toBe('warn');
    await reviewer.post(`/api/staff/merchant-applications/${a.id}/decision`, {
      decision: 'approve',
      tier: 'potential',
    });

    const first = await runExpiryWatch(t.ctx);
    expect(first.warned).toBeGreaterThanOrEqual(1);
    expect((await runExpiryWatch(t.ctx)).warned).toBe(0); // once only
    await t.ctx.jobs.runDue();
    const warning = t.mailer.sent.find((m) => m.subject.includes('营业执照将于'));
    expect(warning?.subject).toBe(`【筑合】营业执照将于 ${until} 到期`);

    const after = new Date(Date.now() + 22 * 86_400_000);
    const expired = await runExpiryWatch(t.ctx, after);
    expect(expired.expired).toBeGreaterThanOrEqual(1);
    const mine = (await client.get(`/api/orgs/${org.id}/merchant-application`)).json().application;
    expect(mine.stage).toBe('suspended');
    expect(mine.suspendedReason).toBe(`营业执照已于 ${until} 过期，请提交更新后的证件`);
    expect(mine.verification.licence.status).toBe('expired');
    expect((await client.get(`/api/orgs/${org.id}`)).json().verification).toBe('expired');
    expect((await runExpiryWatch(t.ctx, after)).expired).toBe(0);
  });
});
