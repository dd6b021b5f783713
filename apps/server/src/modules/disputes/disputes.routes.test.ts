import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { buildSignedContract, buildUser } from '../../test/builders';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createTestApp, PASSWORD, type TestApp, TestClient, tinyPdf, tinyPng, upload } from '../../test/test-app';
import { fundEscrowByDeposit, openContractEscrow } from '../escrow';
import { createOrganisationDirect } from '../organisation';

let t: TestApp;

interface Party {
  orgId: string;
  userId: string;
  name: string;
  email: string;
  owner: TestClient;
  member: TestClient;
}

async function login(email: string) {
  const client = new TestClient(t.app);
  const r = await client.post('/api/auth/login', { identifier: email, password: PASSWORD });
  if (r.statusCode !== 200) throw new Error(`login failed ${r.body}`);
  return client;
}

/** An organisation with an owner and a plain member, both logged in. */
async function party(name: string, roles: ('GC' | 'SUB')[]): Promise<Party> {
  const owner = await buildUser(t.ctx, `${name}负责人`);
  const member = await buildUser(t.ctx, `${name}员工`);
  const org = await createOrganisationDirect(
    t.ctx,
    owner.userId,
    {
      name,
      creditCode: validCreditCode('330100'),
      businessRoles: roles,
      regionCode: '330106',
      verification: 'verified',
    },
    [{ userId: member.userId, role: 'member' }],
  );
  return {
    orgId: org.id,
    userId: owner.userId,
    name,
    email: owner.email,
    owner: await login(owner.email),
    member: await login(member.email),
  };
}

let gc: Party;
let sub: Party;
let third: Party;
let contractId: string;
let disputeId: string;
let evidenceId: string;
let service: TestClient;
let finance: TestClient;
let operator: TestClient;
let reviewer: TestClient;
let arbitrators: TestClient[];
const MAX = 3 * 1_048_576;

beforeAll(async () => {
  t = await createTestApp({ fileMaxBytes: MAX });
  gc = await party('杭州建工集团有限公司', ['GC']);
  sub = await party('浙江恒远劳务有限公司', ['SUB']);
  third = await party('宁波第三建筑有限公司', ['SUB']);
  contractId = await buildSignedContract(t.ctx, gc, sub, { amountFen: 1_000_000_00 });
  await openContractEscrow(t.ctx, {
    contractId,
    payerOrgId: gc.orgId,
    payeeOrgId: sub.orgId,
    contractAmountFen: 1_000_000_00,
    advanceRatioPct: 0,
    retentionPct: 3,
    labourSharePct: 30,
    bondPct: null,
  });
  await fundEscrowByDeposit(t.ctx, { contractId, amountFen: 400_000_00, reference: 'd', clientId: newId() });
  service = (await staffClient(t, ['service'], '客服周静')).client;
  finance = (await staffClient(t, ['finance'], '资金专员')).client;
  operator = (await staffClient(t, ['operator'], '运营')).client;
  reviewer = (await staffClient(t, ['reviewer'], '审核员')).client;
  arbitrators = [];
  for (const n of ['甲', '乙', '丙']) arbitrators.push((await staffClient(t, ['arbitrator'], `仲裁员${n}`)).client);
});
afterAll(async () => {
  await t?.close();
});

const body = (over: Record<string, unknown> = {}) => ({
  subject: { kind: 'contract', id: contractId },
  type: 'payment',
  amountInDisputeFen: 120_000_00,
  claim: '第二节点进度款经监理确认后逾期 30 天未付。',
  evidenceFileIds: [],
  holdInEscrow: true,
  ...over,
});

describe('disputes over HTTP', () => {
  it('bad filings: amount above the contract, a contract the organisation is not party to — clear errors, nothing stored', async () => {
    const above = await sub.owner.post(`/api/orgs/${sub.orgId}/disputes`, body({ amountInDisputeFen: 1_000_000_01 }));
    expect(above.statusCode).toBe(400);
    expect(above.json().code).toBe('DISPUTE_AMOUNT_ABOVE_CONTRACT');
    expect(above.json().message['zh-CN']).toContain('不能超过合同金额');
    expect(above.json().message.en).toContain('cannot exceed the contract amount');
    const notParty = await third.owner.post(`/api/orgs/${third.orgId}/disputes`, body({ amountInDisputeFen: 100 }));
    expect(notParty.statusCode).toBe(404);
    expect(notParty.json().message.en).toContain('party to');
    for (const p of [sub, third]) expect((await p.owner.get(`/api/orgs/${p.orgId}/disputes`)).json().items).toEqual([]);
    // a plain member may not file
    expect((await sub.member.post(`/api/orgs/${sub.orgId}/disputes`, body())).statusCode).toBe(403);
  });

  it('the SUB files with an escrow hold; both parties see the case, its clocks and the team', async () => {
    const filed = await sub.owner.post(`/api/orgs/${sub.orgId}/disputes`, body());
    expect(filed.statusCode).toBe(201);
    disputeId = filed.json().id;
    expect(filed.json().team.ownerName).toBe('客服周静');
    expect(filed.json().heldFen).toBe(120_000_00);
    const seen = await gc.member.get(`/api/orgs/${gc.orgId}/disputes/${disputeId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().viewerSide).toBe('respondent');
  });

  it('evidence: a PDF is accepted; too large or of a forbidden type is refused in both languages and not stored', async () => {
    const url = `/api/orgs/${sub.orgId}/disputes/${disputeId}/evidence`;
    const ok = await upload(sub.owner, url, '监理确认单.pdf', tinyPdf(), 'application/pdf');
    expect(ok.statusCode).toBe(200);
    evidenceId = ok.json().evidence[0].id;
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX + 10, 32)]);
    const tooLarge = await upload(sub.owner, url, '扫描件.pdf', big, 'application/pdf');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('FILE_TOO_LARGE');
    expect(tooLarge.json().message['zh-CN']).toBeTruthy();
    expect(tooLarge.json().message.en).toBeTruthy();
    const zip = Buffer.from('PK\u0003\u0004 not really a document', 'binary');
    const wrong = await upload(sub.owner, url, '证据.zip', zip, 'application/zip');
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json().message.en).toBeTruthy();
    const text = await upload(sub.owner, url, '说明.txt', Buffer.from('付款情况说明，共三页。'), 'text/plain');
    expect(text.statusCode).toBe(400);
    expect(text.json().code).toBe('FILE_TYPE_MISMATCH');
    // an image is evidence too (photos of the site); its type comes from the bytes
    const photo = await upload(sub.owner, url, '现场照片.png', tinyPng(), 'image/png');
    expect(photo.statusCode).toBe(200);
    const view = await sub.owner.get(`/api/orgs/${sub.orgId}/disputes/${disputeId}`);
    expect(view.json().evidence.map((e: { name: string }) => e.name)).toEqual(['监理确认单.pdf', '现场照片.png']);
    // the respondent downloads the claimant's evidence
    const file = await gc.owner.get(`/api/orgs/${gc.orgId}/disputes/${disputeId}/evidence/${evidenceId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
  });

  it('data isolation: a third organisation, a plain member, staff of another role or outside the case', async () => {
    const party = [
      ['GET', ''],
      ['POST', '/messages'],
      ['POST', '/evidence'],
      ['POST', '/withdraw'],
      ['GET', `/evidence/${evidenceId}`],
      ['GET', '/decision.pdf'],
    ] as const;
    for (const [method, suffix] of party) {
      // the third organisation, through its own path and through the claimant's
      for (const orgId of [third.orgId, sub.orgId]) {
        const r = await third.owner.request(
          method,
          `/api/orgs/${orgId}/disputes/${disputeId}${suffix}`,
          method === 'POST' ? { body: '我想看看' } : undefined,
        );
        expect(
          r.statusCode,
          `${method} ${suffix} as third org via ${orgId === sub.orgId ? 'claimant' : 'own'} path`,
        ).toBe(404);
      }
    }
    expect((await third.owner.get(`/api/orgs/${third.orgId}/disputes`)).json().items).toEqual([]);
    // a plain member reads and writes in the thread, but neither withdraws nor adds evidence
    expect((await sub.member.post(`/api/orgs/${sub.orgId}/disputes/${disputeId}/withdraw`)).statusCode).toBe(403);
    expect(
      (await upload(sub.member, `/api/orgs/${sub.orgId}/disputes/${disputeId}/evidence`, 'a.pdf', tinyPdf()))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await sub.member.post(`/api/orgs/${sub.orgId}/disputes/${disputeId}/messages`, {
          body: '补充说明：付款申请已于 9 月提交。',
        })
      ).statusCode,
    ).toBe(200);

    const staffRoutes = [
      ['GET', `/api/staff/disputes/${disputeId}`],
      ['POST', `/api/staff/disputes/${disputeId}/messages`],
      ['POST', `/api/staff/disputes/${disputeId}/mediation`],
      ['POST', `/api/staff/disputes/${disputeId}/votes`],
      ['POST', `/api/staff/disputes/${disputeId}/hand-over`],
      ['POST', `/api/staff/disputes/${disputeId}/external-award`],
      ['GET', `/api/staff/disputes/${disputeId}/evidence/${evidenceId}`],
      ['GET', `/api/staff/disputes/${disputeId}/decision.pdf`],
      ['GET', '/api/staff/disputes'],
    ] as const;
    const payload = {
      body: '内部意见',
      result: 'failed',
      note: '调解未成',
      outcome: 'claimant',
      awardedToClaimantFen: 120_000_00,
      reasons: '理由充分，证据确实。',
    };
    for (const [method, url] of staffRoutes) {
      const r = await operator.request(method, url, method === 'POST' ? payload : undefined);
      expect(r.statusCode, `${method} ${url} as operator`).toBe(403);
      const member = await sub.owner.request(method, url, method === 'POST' ? payload : undefined);
      expect(member.statusCode, `${method} ${url} as a party`).toBe(403);
    }
    // a reviewer (a case-staff role) outside this case's team does not see it
    for (const url of [`/api/staff/disputes/${disputeId}`, `/api/staff/disputes/${disputeId}/evidence/${evidenceId}`])
      expect((await reviewer.get(url)).statusCode).toBe(404);
    expect((await reviewer.post(`/api/staff/disputes/${disputeId}/messages`, { body: '看看' })).statusCode).toBe(404);
    expect((await reviewer.post(`/api/staff/disputes/${disputeId}/mediation`, payload)).statusCode).toBe(404);
    expect((await reviewer.get('/api/staff/disputes')).statusCode).toBe(403);
    // an arbitrator not (yet) on the committee
    expect(
      (await (arbitrators[0] as TestClient).post(`/api/staff/disputes/${disputeId}/votes`, payload)).statusCode,
    ).toBe(404);
    expect((await (arbitrators[0] as TestClient).get(`/api/staff/disputes/${disputeId}`)).statusCode).toBe(404);
  });

  it('mediation fails, the committee decides by majority, the decision PDF is sealed and the digest names nobody', async () => {
    expect((await finance.get(`/api/staff/disputes/${disputeId}`)).statusCode).toBe(200);
    const board = await service.get('/api/staff/disputes');
    expect(board.json().items.map((i: { id: string }) => i.id)).toContain(disputeId);
    const failed = await service.post(`/api/staff/disputes/${disputeId}/mediation`, {
      result: 'failed',
      note: '线上调解两次，未达成一致。',
    });
    expect(failed.statusCode).toBe(200);
    expect(failed.json().level).toBe(2);
    const vote = {
      outcome: 'claimant',
      awardedToClaimantFen: 120_000_00,
      reasons: '监理确认单与付款节点一致，被申请人无正当理由拒付。',
    };
    const bad = await (arbitrators[0] as TestClient).post(`/api/staff/disputes/${disputeId}/votes`, {
      ...vote,
      awardedToClaimantFen: 130_000_00,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message['zh-CN']).toContain('裁决金额');
    for (const a of arbitrators.slice(0, 2))
      expect((await a.post(`/api/staff/disputes/${disputeId}/votes`, vote)).statusCode).toBe(200);
    const view = (await sub.owner.get(`/api/orgs/${sub.orgId}/disputes/${disputeId}`)).json();
    expect(view.status).toBe('resolved');
    expect(view.outcome).toBe('claimant');
    const pdf = await gc.owner.get(`/api/orgs/${gc.orgId}/disputes/${disputeId}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('/ByteRange');
    const digests = await new TestClient(t.app).get('/api/disputes/digests');
    expect(digests.statusCode).toBe(200);
    const text = JSON.stringify(digests.json());
    expect(text).toContain(view.caseNo);
    for (const name of [gc.name, sub.name, '周静', '仲裁员']) expect(text).not.toContain(name);
  });
});
