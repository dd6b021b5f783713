import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../infra/ids';
import { fundWallet } from '../../test/builders';
import { executionParty, stepUp, type TestParty } from '../../test/execution';
import { staffClient } from '../../test/staff';
import {
  createTestApp,
  registeredClient,
  type TestApp,
  type TestClient,
  tinyPdf,
  uniqueEmail,
  upload,
} from '../../test/test-app';
import { setCreditGrade } from '../credit';
import { assertWorkMayStart, openContractEscrow } from '../escrow';
import { verifyLedger } from '../ledger';

/**
 * 履约保证险 over HTTP: a FIN organisation publishes and pauses products; the contractor (escrow payee) buys a policy
 * in place of the ¥50,000 cash bond and work may start; the buyer (beneficiary) claims, the insurer decides with a
 * step-up. A foreign organisation, a plain member and staff of any role are refused; bad input gets both languages
 * and writes nothing.
 */
let t: TestApp;
let fin: TestParty;
let otherFin: TestParty;
let sub: TestParty;
let gc: TestParty;
let stranger: TestParty;
let member: TestClient;
let contractId: string;
let productId: string;
let strictProductId: string;
let policyId: string;

const BOND = 50_000_00;
const product = {
  name: '筑安·履约保证险',
  premiumBp: 150,
  coverageBp: 10_000,
  maxInsuredFen: 1_000_000_00,
  minGrade: 'A',
  regions: [],
  termDays: 365,
};

async function walletFen(p: TestParty): Promise<number> {
  const wallet = (await p.client.get(`/api/orgs/${p.orgId}/wallet`)).json();
  return wallet.accounts.find((a: { kind: string }) => a.kind === 'org_wallet')?.balanceFen ?? 0;
}

const bondUrl = (p: TestParty) => `/api/orgs/${p.orgId}/insurance/bonds/${contractId}`;
const buyUrl = (p: TestParty) => `/api/orgs/${p.orgId}/insurance/policies`;

/** Nothing was written: no policy for anyone, the bond still due, the wallet as it was. */
async function expectNothingWritten(wallet: number) {
  expect((await sub.client.get(buyUrl(sub))).json().items).toEqual([]);
  expect((await sub.client.get(bondUrl(sub))).json()).toMatchObject({ bondDue: true, policy: null });
  expect(await walletFen(sub)).toBe(wallet);
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  t = await createTestApp();
  fin = await executionParty(t, ['FIN'], '测试保险');
  otherFin = await executionParty(t, ['FIN'], '局外保险');
  sub = await executionParty(t, ['SUB'], '测试劳务');
  gc = await executionParty(t, ['GC'], '测试总包');
  stranger = await executionParty(t, ['SUB'], '局外劳务');
  await setCreditGrade(t.ctx, null, sub.orgId, { grade: 'A', source: '测试评级' });
  contractId = newId();
  // an advance of 40% requires the bond: 10% of ¥500,000
  await openContractEscrow(t.ctx, {
    contractId,
    payerOrgId: gc.orgId,
    payeeOrgId: sub.orgId,
    contractAmountFen: 500_000_00,
    advanceRatioPct: 40,
    retentionPct: 3,
    labourSharePct: 0,
    bondPct: 10,
  });
  await fundWallet(t.ctx, sub.orgId, 500_00);
  const email = uniqueEmail('sub-member');
  const invitation = (
    await sub.client.post(`/api/orgs/${sub.orgId}/invitations`, { identifier: email, role: 'member' })
  ).json();
  member = (await registeredClient(t.app, email, '施工员 钱')).client;
  expect((await member.post(`/api/invitations/${invitation.id}/accept`)).statusCode).toBeLessThan(300);
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

describe('insurance routes', () => {
  it('a FIN owner publishes and pauses products; a bad one is refused in both languages and not stored', async () => {
    const url = `/api/orgs/${fin.orgId}/insurance/products`;
    const bad = await fin.client.post(url, { ...product, premiumBp: 400 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message['zh-CN']).toContain('保费率须在 1% 至 3% 之间');
    expect(bad.json().message.en).toContain('premium rate must be between 1% and 3%');
    expect((await fin.client.get(url)).json().items).toEqual([]);
    const created = await fin.client.post(url, product);
    expect(created.statusCode, created.body).toBe(201);
    productId = created.json().id;
    strictProductId = (await fin.client.post(url, { ...product, name: '筑安·优选履约险', minGrade: 'AAA' })).json().id;
    const paused = (await fin.client.post(url, { ...product, name: '筑安·暂停产品' })).json().id;
    const pause = await fin.client.post(`${url}/${paused}/pause`);
    expect(pause.statusCode, pause.body).toBe(200);
    expect(pause.json().active).toBe(false);
    // the contractor cannot publish (its role is not FIN), nor pause another insurer's product
    expect((await sub.client.post(`/api/orgs/${sub.orgId}/insurance/products`, product)).statusCode).toBe(403);
    expect(
      (await otherFin.client.post(`/api/orgs/${otherFin.orgId}/insurance/products/${productId}/pause`)).statusCode,
    ).toBe(404);
    expect((await otherFin.client.post(`${url}/${productId}/pause`)).statusCode).toBe(404);
  });

  it('the contractor sees the offers on its bond: premium on the bond, an ineligible grade explained', async () => {
    const view = await sub.client.get(bondUrl(sub));
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      readerRole: 'holder',
      bondRequiredFen: BOND,
      bondDue: true,
      walletFen: 500_00,
    });
    const offers = view.json().offers;
    expect(offers).toHaveLength(2);
    expect(offers).toContainEqual(expect.objectContaining({ productId, premiumFen: 750_00, eligible: true }));
    const strict = offers.find((o: { productId: string }) => o.productId === strictProductId);
    expect(strict.eligible).toBe(false);
    expect(strict.reason['zh-CN']).toContain('信用等级 AAA');
    // the buyer sees the bond without offers; a stranger does not see it at all
    expect((await gc.client.get(bondUrl(gc))).json()).toMatchObject({ readerRole: 'beneficiary', offers: [] });
    expect((await stranger.client.get(bondUrl(stranger))).statusCode).toBe(404);
  });

  it('refuses bad input, a foreign organisation, a plain member and staff, writing nothing', async () => {
    await stepUp(sub);
    const body = { productId, contractId, insuredFen: BOND };
    const poor = await sub.client.post(buyUrl(sub), body);
    expect(poor.statusCode).toBe(409);
    expect(poor.json().message['zh-CN']).toContain('不足以支付保费 ¥750.00');
    expect(poor.json().message.en).toContain('does not cover the premium of ¥750.00');
    await fundWallet(t.ctx, sub.orgId, 1_500_00);
    const below = await sub.client.post(buyUrl(sub), { ...body, insuredFen: BOND - 1 });
    expect(below.statusCode).toBe(400);
    expect(below.json().message['zh-CN']).toContain('低于应缴履约保证金 ¥50,000.00');
    expect(below.json().message.en).toContain('below the required bond');
    const grade = await sub.client.post(buyUrl(sub), { ...body, productId: strictProductId });
    expect(grade.statusCode).toBe(403);
    expect(grade.json().message.en).toContain('requires credit grade AAA');
    // the buyer of the contract and an outside contractor owe no bond here
    await stepUp(stranger);
    const foreign = await stranger.client.post(buyUrl(stranger), body);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message['zh-CN']).toContain('没有找到该合同的履约保证金');
    expect((await stranger.client.post(buyUrl(sub), body)).statusCode).toBe(404);
    expect((await member.post(buyUrl(sub), body)).statusCode).toBe(403);
    for (const role of ['finance', 'risk', 'admin'] as const) {
      const staff = await staffClient(t, [role], `员工 ${role}`);
      expect((await staff.client.post(buyUrl(sub), body)).statusCode, role).toBe(404);
      expect((await staff.client.get(bondUrl(sub))).statusCode, role).toBe(404);
    }
    await expectNothingWritten(2_000_00);
  });

  it('buying with a fresh step-up pays the premium through the ledger, logs the PDF and satisfies the bond rule', async () => {
    await expect(assertWorkMayStart(t.ctx, contractId)).rejects.toMatchObject({ code: 'ESCROW_BOND_NOT_POSTED' });
    vi.setSystemTime(new Date(Date.now() + 20 * 60_000));
    const body = { productId, contractId, insuredFen: BOND };
    const stale = await sub.client.post(buyUrl(sub), body);
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('AUTH_STEP_UP_REQUIRED');
    await stepUp(sub);
    const bought = await sub.client.request('POST', buyUrl(sub), body, { 'idempotency-key': 'buy-policy-1' });
    expect(bought.statusCode, bought.body).toBe(201);
    // a retried request with the same key gets the same answer and pays nothing twice
    const replay = await sub.client.request('POST', buyUrl(sub), body, { 'idempotency-key': 'buy-policy-1' });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(bought.json().id);
    expect(bought.json()).toMatchObject({
      status: 'active',
      insuredFen: BOND,
      premiumFen: 750_00,
      readerRole: 'holder',
    });
    policyId = bought.json().id;
    expect(await walletFen(sub)).toBe(2_000_00 - 750_00);
    await expect(assertWorkMayStart(t.ctx, contractId)).resolves.toBeUndefined();
    const money = (await sub.client.get(`/api/orgs/${sub.orgId}/escrow/${contractId}`)).json();
    expect(money).toMatchObject({ bondSatisfied: true, bondPostedFen: 0, bondPolicy: { policyId, insuredFen: BOND } });
    expect(money.timeline.map((e: { kind: string }) => e.kind)).toContain('bond_insured');
    const pdf = await gc.client.get(`/api/orgs/${gc.orgId}/insurance/policies/${policyId}/policy.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(bought.json().pdfSha256);
    expect(await verifyLedger(t.ctx.db)).toMatchObject({ ok: true });
    // the bond is no longer due: a second policy is refused
    await stepUp(sub);
    expect((await sub.client.post(buyUrl(sub), body)).statusCode).toBe(409);
  });

  it('only the three parties see the policy', async () => {
    for (const p of [sub, gc, fin]) {
      const items = (await p.client.get(`/api/orgs/${p.orgId}/insurance/policies`)).json().items;
      expect(items.map((i: { id: string }) => i.id)).toEqual([policyId]);
    }
    expect((await fin.client.get(bondUrl(fin))).json().readerRole).toBe('insurer');
    for (const p of [otherFin, stranger]) {
      expect((await p.client.get(`/api/orgs/${p.orgId}/insurance/policies`)).json().items).toEqual([]);
      expect((await p.client.get(`/api/orgs/${p.orgId}/insurance/policies/${policyId}/policy.pdf`)).statusCode).toBe(
        404,
      );
      expect((await p.client.get(bondUrl(p))).statusCode).toBe(404);
    }
  });

  it('the beneficiary claims; the insurer rejects, then approves a second claim with a step-up and pays it', async () => {
    const claimUrl = (p: TestParty) => `/api/orgs/${p.orgId}/insurance/policies/${policyId}/claims`;
    const claim = {
      amountFen: 20_000_00,
      reason: '乙方擅自停工超过 30 日，经催告仍未复工，依合同应没收履约保证金',
      evidenceFileIds: [],
    };
    const byHolder = await sub.client.post(claimUrl(sub), claim);
    expect(byHolder.statusCode).toBe(403);
    expect(byHolder.json().message['zh-CN']).toContain('只有保单受益人可以申请理赔');
    expect((await stranger.client.post(claimUrl(stranger), claim)).statusCode).toBe(404);
    const over = await gc.client.post(claimUrl(gc), { ...claim, amountFen: BOND + 1 });
    expect(over.statusCode).toBe(400);
    expect(over.json().message.en).toContain('above the insured amount');
    // evidence is the beneficiary's own upload: another organisation's file is not found
    const subFile = (await upload(sub.client, `/api/orgs/${sub.orgId}/files`, 'sub.pdf', tinyPdf())).json();
    expect((await gc.client.post(claimUrl(gc), { ...claim, evidenceFileIds: [subFile.id] })).statusCode).toBe(404);
    const letter = (await upload(gc.client, `/api/orgs/${gc.orgId}/files`, '停工催告函.pdf', tinyPdf())).json();
    const filed = await gc.client.post(claimUrl(gc), { ...claim, evidenceFileIds: [letter.id] });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({
      status: 'submitted',
      evidence: [{ fileId: letter.id, name: '停工催告函.pdf' }],
    });
    const evidenceUrl = (p: TestParty) =>
      `/api/orgs/${p.orgId}/insurance/claims/${filed.json().id}/evidence/${letter.id}`;
    expect((await fin.client.get(evidenceUrl(fin))).statusCode).toBe(200);
    expect((await sub.client.get(evidenceUrl(sub))).statusCode).toBe(200);
    expect((await otherFin.client.get(evidenceUrl(otherFin))).statusCode).toBe(404);
    expect((await gc.client.post(claimUrl(gc), claim)).statusCode).toBe(409);

    const decide = `/api/orgs/${fin.orgId}/insurance/claims/${filed.json().id}/decision`;
    await stepUp(otherFin);
    expect(
      (
        await otherFin.client.post(`/api/orgs/${otherFin.orgId}/insurance/claims/${filed.json().id}/decision`, {
          decision: 'approve',
        })
      ).statusCode,
    ).toBe(404);
    expect((await otherFin.client.post(decide, { decision: 'approve' })).statusCode).toBe(404);
    await stepUp(gc);
    expect(
      (
        await gc.client.post(`/api/orgs/${gc.orgId}/insurance/claims/${filed.json().id}/decision`, {
          decision: 'approve',
        })
      ).statusCode,
    ).toBe(404);
    await stepUp(fin);
    const rejected = await fin.client.post(decide, { decision: 'reject', reason: '停工系甲方未按期支付进度款所致' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', paidFen: 0 });

    const again = await gc.client.post(claimUrl(gc), { ...claim, reason: `${claim.reason}；补充监理停工记录` });
    expect(again.statusCode, again.body).toBe(201);
    const gcWallet = await walletFen(gc);
    vi.setSystemTime(new Date(Date.now() + 20 * 60_000));
    const decideAgain = `/api/orgs/${fin.orgId}/insurance/claims/${again.json().id}/decision`;
    expect((await fin.client.post(decideAgain, { decision: 'approve' })).json().code).toBe('AUTH_STEP_UP_REQUIRED');
    await stepUp(fin);
    const approved = await fin.client.post(decideAgain, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', paidFen: 20_000_00 });
    expect(await walletFen(gc)).toBe(gcWallet + 20_000_00);
    expect((await fin.client.post(decideAgain, { decision: 'approve' })).statusCode).toBe(409);
    const seen = (await sub.client.get(`/api/orgs/${sub.orgId}/insurance/policies`)).json().items[0];
    expect(seen.status).toBe('claimed');
    expect(seen.claims.map((c: { status: string }) => c.status)).toEqual(['rejected', 'approved']);
    // the parties were told: the insurer of each claim, the beneficiary and the contractor of each decision
    const kinds = async (p: TestParty) =>
      ((await p.client.get('/api/notifications')).json().items as { kind: string }[]).map((n) => n.kind);
    expect(await kinds(fin)).toContain('insurance.claim_filed');
    expect(await kinds(gc)).toEqual(expect.arrayContaining(['insurance.policy_issued', 'insurance.claim_decided']));
    expect(await kinds(sub)).toEqual(expect.arrayContaining(['insurance.claim_filed', 'insurance.claim_decided']));
    expect(await verifyLedger(t.ctx.db)).toMatchObject({ ok: true });
  });
});
