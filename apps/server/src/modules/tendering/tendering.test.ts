import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../infra/db/client';
import { validCreditCode } from '../../test/credit-codes';
import { uploadDocuments, verificationPackage } from '../../test/onboarding';
import { staffClient } from '../../test/staff';
import {
  createOrg,
  createTestApp,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { createDemandsDirect } from '../demands';
import { lapseAward } from './tendering.award';

/**
 * Tendering on a real database, through HTTP. Deadlines are real instants judged by the database's clock, so the
 * tests publish with a two-second minimum bidding window and wait for the deadline to pass.
 */
let t: TestApp;
let staff: TestClient;
let gc: { client: TestClient; orgId: string; userId: string };
let member: { client: TestClient; userId: string };
let a: { client: TestClient; orgId: string; email: string };
let b: { client: TestClient; orgId: string; email: string };
let c: { client: TestClient; orgId: string; email: string };
let demandId: string;

/** A marker that appears only inside the sealed plan, never in any public field. */
const SECRET_PLAN = '密封方案标记-XK42：钢结构吊装采用双机抬吊，工期 95 天';

async function verifiedSupplier(name: string) {
  const { client, identifier } = await registeredClient(t.app, undefined, `${name}负责人`);
  const orgName = `${name}有限公司`;
  const creditCode = validCreditCode();
  const org = await createOrg(client, { name: orgName, creditCode, businessRoles: ['SUB'] });
  const files = await uploadDocuments(client, org.id);
  const submitted = await client.post(
    `/api/orgs/${org.id}/verification`,
    verificationPackage({ orgName, creditCode, files }),
  );
  expect(submitted.json().status).toBe('pending');
  const decided = await staff.post(`/api/staff/verifications/${submitted.json().id}/decision`, { decision: 'approve' });
  expect(decided.statusCode).toBe(200);
  return { client, orgId: org.id, email: identifier };
}

async function dbNow(): Promise<Date> {
  const [row] = await queryRows<{ now: string | Date }>(t.ctx.db, sql`select clock_timestamp() as now`);
  return new Date(row?.now as string);
}

/** Waits (really) until the database's clock is past the instant. */
async function waitForDb(instant: string) {
  while ((await dbNow()).getTime() <= new Date(instant).getTime()) await new Promise((r) => setTimeout(r, 200));
}

async function publishedTender(seconds: number, extra: Record<string, unknown> = {}) {
  const deadline = new Date((await dbNow()).getTime() + seconds * 1000).toISOString();
  const created = await gc.client.post(`/api/orgs/${gc.orgId}/tenders`, {
    demandId,
    title: '钢结构厂房主体结构分包招标',
    mode: 'open',
    deadline,
    plannedStart: '2027-03-01',
    plannedEnd: '2027-08-31',
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await gc.client.post(`/api/orgs/${gc.orgId}/tenders/${created.json().id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return published.json() as { id: string; deadline: string; version: number };
}

function bid(prices: number[], version = 1, plan = `${SECRET_PLAN}；质量目标合格`) {
  return {
    constructionPlan: plan,
    qualificationNumbers: ['D233012345'],
    unitPricesFen: prices,
    tenderVersion: version,
  };
}

beforeAll(async () => {
  t = await createTestApp({ tendering: { minBiddingSeconds: 2 } });
  staff = (await staffClient(t, ['reviewer', 'risk'], '平台风控 测试')).client;
  const owner = await registeredClient(t.app, undefined, '招标人 陈');
  const org = await createOrg(owner.client, {
    name: '浙江测试总包建设有限公司',
    creditCode: validCreditCode(),
    businessRoles: ['GC'],
  });
  gc = { client: owner.client, orgId: org.id, userId: owner.userId };
  const memberEmail = uniqueEmail('evaluator');
  const invitation = (
    await gc.client.post(`/api/orgs/${gc.orgId}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  const m = await registeredClient(t.app, memberEmail, '评标专家 林');
  await m.client.post(`/api/invitations/${invitation.id}/accept`);
  member = { client: m.client, userId: m.userId };
  a = await verifiedSupplier('江苏测试钢构甲');
  b = await verifiedSupplier('江苏测试钢构乙');
  c = await verifiedSupplier('江苏测试钢构丙');
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
      items: [
        { name: '钢结构制作安装', spec: 'Q355B', unit: '吨', quantity: 120 },
        { name: '压型钢板屋面', spec: '0.6mm', unit: '平方米', quantity: 2500.5 },
      ],
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
  const demands = (await gc.client.get(`/api/orgs/${gc.orgId}/demands`)).json();
  demandId = demands.items[0].id;
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('sealed bids', () => {
  let tender: { id: string; deadline: string };

  it('checks the tender: weights must sum to 100, the deadline must leave the minimum window', async () => {
    const badWeights = await gc.client.post(`/api/orgs/${gc.orgId}/tenders`, {
      demandId,
      title: '权重错误的招标',
      mode: 'open',
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      weights: { price: 60, technical: 30, credit: 10, performance: 10 },
    });
    expect(badWeights.statusCode).toBe(400);
    const soon = await gc.client.post(`/api/orgs/${gc.orgId}/tenders`, {
      demandId,
      title: '截止过早的招标',
      mode: 'open',
      deadline: (await dbNow()).toISOString(),
    });
    const refused = await gc.client.post(`/api/orgs/${gc.orgId}/tenders/${soon.json().id}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('TENDER_DEADLINE_TOO_SOON');
    expect(refused.json().message['zh-CN']).toContain('最短投标期');
  });

  it('nobody reads a bid before the deadline: not the buyer, not staff, not another bidder, through any route', async () => {
    tender = await publishedTender(10);
    const receiptA = await a.client.request(
      'PUT',
      `/api/orgs/${a.orgId}/tenders/${tender.id}/bid`,
      bid([450_000, 8_000]),
    );
    expect(receiptA.statusCode, receiptA.body).toBe(200);
    expect(receiptA.json().envelopeSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptA.json().evidenceIndex).toBeGreaterThanOrEqual(0);
    const receiptB = await b.client.request(
      'PUT',
      `/api/orgs/${b.orgId}/tenders/${tender.id}/bid`,
      bid([430_000, 9_000]),
    );
    expect(receiptB.statusCode).toBe(200);
    // C bids and withdraws before the deadline.
    expect(
      (await c.client.request('PUT', `/api/orgs/${c.orgId}/tenders/${tender.id}/bid`, bid([400_000, 7_000])))
        .statusCode,
    ).toBe(200);
    const withdrawn = await c.client.delete(`/api/orgs/${c.orgId}/tenders/${tender.id}/bid`);
    expect(withdrawn.json().status).toBe('withdrawn');

    // Every GET route of the tendering module, for every role, with this tender: no plan, no prices, no bidders.
    // (/api/v1/tenders answers API keys only; its bid count is tested in developer.routes.test.ts)
    const gets = t.app.routeCatalogue.filter(
      (r) => r.method === 'GET' && r.url.includes('/tenders') && r.permission?.rule.kind !== 'apiKey',
    );
    expect(gets.length).toBeGreaterThanOrEqual(6);
    const viewers: [string, TestClient, string][] = [
      ['buyer', gc.client, gc.orgId],
      ['evaluator', member.client, gc.orgId],
      ['other bidder', b.client, b.orgId],
      ['staff', staff, gc.orgId],
    ];
    for (const [who, client, orgId] of viewers) {
      for (const route of gets) {
        const url = route.url.replace(':orgId', orgId).replace(':tenderId', tender.id);
        const response = await client.get(`${url}${url.includes('prequalification') ? `?bidderOrgId=${a.orgId}` : ''}`);
        const body = response.body;
        expect(body, `${who} ${route.url}`).not.toContain('XK42');
        expect(body, `${who} ${route.url}`).not.toContain('450000');
        expect(body, `${who} ${route.url}`).not.toContain(receiptA.json().envelopeSha256);
        if (who === 'staff') expect(response.statusCode, route.url).toBe(404);
      }
    }
    // 开放平台: the buyer's API key with tenders:read sees how many bids there are, never what is in them.
    const key = (
      await gc.client.post(`/api/orgs/${gc.orgId}/api-keys`, { name: '招标看板', scopes: ['tenders:read'] })
    ).json();
    const v1 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tenders',
      headers: { authorization: `Bearer ${key.secret}` },
    });
    expect(v1.statusCode).toBe(200);
    const [counted] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from tender_bids where tender_id = ${tender.id} and status <> 'withdrawn'`,
    );
    expect(counted?.n).toBeGreaterThan(0);
    expect(v1.json().items.find((x: { id: string }) => x.id === tender.id)?.bidCount).toBe(counted?.n);
    for (const secret of ['XK42', '450000', receiptA.json().envelopeSha256]) expect(v1.body).not.toContain(secret);

    const asBuyer = (await gc.client.get(`/api/orgs/${gc.orgId}/tenders/${tender.id}`)).json();
    expect(asBuyer.opening).toBeNull();
    expect(asBuyer.status).toBe('open');
    // The bidder gets its receipt, not its content back.
    const own = (await a.client.get(`/api/orgs/${a.orgId}/tenders/${tender.id}`)).json();
    expect(own.myBid.envelopeSha256).toBe(receiptA.json().envelopeSha256);
    expect(JSON.stringify(own)).not.toContain('XK42');

    // Opening before the deadline is refused, for the buyer and for the job alike.
    const early = await gc.client.post(`/api/orgs/${gc.orgId}/tenders/${tender.id}/open`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('TENDER_SEALED');
    expect(early.json().message.en).toContain('platform staff included');
  });

  it('stores only ciphertext, and the database will not hand out the key or move the deadline before it', async () => {
    const rows = await queryRows<{ envelope: string; envelope_sha256: string }>(
      t.ctx.db,
      sql`select envelope, envelope_sha256 from tender_bids where tender_id = ${tender.id}`,
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.envelope).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(row.envelope).not.toContain('XK42');
      expect(Buffer.from(row.envelope.split('.')[4] as string, 'base64url').toString('utf8')).not.toContain('XK42');
      expect(row.envelope_sha256).toHaveLength(64);
    }
    await expect(queryRows(t.ctx.db, sql`select tender_release_key(${tender.id}::uuid) as key`)).rejects.toThrow();
    const keyRow = await queryRows<{ private_key_enc: string }>(
      t.ctx.db,
      sql`select private_key_enc from tender_keys where tender_id = ${tender.id}`,
    );
    // the tender's private key, sealed under the platform's field keyring (envelope format v2, ADR 0114)
    expect(keyRow[0]?.private_key_enc).toMatch(/^v2\.[0-9a-f]{8}\./);
    await expect(
      t.ctx.db.execute(sql`update tenders set deadline = now() - interval '1 second' where id = ${tender.id}`),
    ).rejects.toThrow();
    await expect(
      t.ctx.db.execute(sql`update tenders set status = 'evaluating' where id = ${tender.id}`),
    ).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from tender_keys where tender_id = ${tender.id}`)).rejects.toThrow();
  });

  it('refuses late bids and opens at the deadline: valid bids decrypted, the withdrawn one left sealed', async () => {
    await waitForDb(tender.deadline);
    const late = await b.client.request('PUT', `/api/orgs/${b.orgId}/tenders/${tender.id}/bid`, bid([1, 1]));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('TENDER_NOT_OPEN');
    const closed = (await gc.client.get(`/api/orgs/${gc.orgId}/tenders/${tender.id}`)).json();
    expect(closed.status).toBe('closed');
    expect(await t.ctx.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const opened = (await gc.client.get(`/api/orgs/${gc.orgId}/tenders/${tender.id}`)).json();
    expect(opened.status).toBe('evaluating');
    const byOrg = new Map(opened.opening.bids.map((x: { bidderOrgId: string }) => [x.bidderOrgId, x]));
    expect(byOrg.get(a.orgId)).toMatchObject({ valid: true, totalFen: 120 * 450_000 + Math.round(2500.5 * 8_000) });
    expect((byOrg.get(a.orgId) as { constructionPlan: string }).constructionPlan).toContain('XK42');
    expect(byOrg.get(c.orgId)).toMatchObject({ valid: false, totalFen: null, constructionPlan: null });
    expect(opened.opening.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await gc.client.get(`/api/orgs/${gc.orgId}/tenders/${tender.id}/opening.pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect((await t.ctx.blobs.get(opened.opening.sha256))?.subarray(0, 5).toString()).toBe('%PDF-');
    // Another bidder sees the read-out totals, never a competitor's plan.
    const asB = (await b.client.get(`/api/orgs/${b.orgId}/tenders/${tender.id}`)).json();
    expect(
      asB.opening.bids.find((x: { bidderOrgId: string }) => x.bidderOrgId === a.orgId).constructionPlan,
    ).toBeNull();
    expect(asB.opening.bids.find((x: { bidderOrgId: string }) => x.bidderOrgId === b.orgId).constructionPlan).toContain(
      'XK42',
    );
    expect(asB.opening.bids).toHaveLength(3);
    // Staff still reach nothing.
    expect((await staff.get(`/api/orgs/${gc.orgId}/tenders/${tender.id}`)).statusCode).toBe(404);
  });

  it('scores with every change kept, ranks, and passes the award on when the winner declines; the contract follows', async () => {
    const url = `/api/orgs/${gc.orgId}/tenders/${tender.id}`;
    const noEvaluators = await gc.client.post(`${url}/evaluation/finalise`);
    expect(noEvaluators.json().code).toBe('TENDER_NO_EVALUATORS');
    expect((await gc.client.post(`${url}/evaluators`, { userId: member.userId })).statusCode).toBe(200);
    expect((await gc.client.post(`${url}/evaluators`, { userId: a.orgId })).json().code).toBe(
      'TENDER_EVALUATOR_INVALID',
    );
    const opened = (await gc.client.get(url)).json();
    const bidOf = (orgId: string) =>
      opened.opening.bids.find((x: { bidderOrgId: string }) => x.bidderOrgId === orgId).bidId;
    // The buyer is not an evaluator; the member is.
    expect((await gc.client.post(`${url}/scores`, { bidId: bidOf(a.orgId), score: 90 })).json().code).toBe(
      'TENDER_NOT_EVALUATOR',
    );
    await member.client.post(`${url}/scores`, { bidId: bidOf(a.orgId), score: 70, note: '初评' });
    const missing = await gc.client.post(`${url}/evaluation/finalise`);
    expect(missing.json().code).toBe('TENDER_SCORES_MISSING');
    await member.client.post(`${url}/scores`, { bidId: bidOf(a.orgId), score: 95, note: '复核后调整' });
    const scored = await member.client.post(`${url}/scores`, { bidId: bidOf(b.orgId), score: 60 });
    expect(scored.statusCode).toBe(200);
    const history = scored.json().evaluation.history;
    expect(history.map((h: { score: number }) => h.score)).toEqual([70, 95, 60]);
    expect(history[0].evaluatorName).toBe('评标专家 林');
    // The withdrawn bid cannot be scored.
    expect((await member.client.post(`${url}/scores`, { bidId: bidOf(c.orgId), score: 50 })).statusCode).toBe(404);

    const finalised = await gc.client.post(`${url}/evaluation/finalise`);
    expect(finalised.statusCode, finalised.body).toBe(200);
    const view = finalised.json();
    // B is cheaper (full price marks) but A's technical score wins: 50×(B/A) + 30×0.95 + 10×0.70 + 10×0.60.
    const totalA = 120 * 450_000 + Math.round(2500.5 * 8_000);
    const totalB = 120 * 430_000 + Math.round(2500.5 * 9_000);
    const rowA = view.evaluation.rows.find((r: { rank: number }) => r.rank === 1);
    expect(rowA.bidderName).toContain('钢构甲');
    expect(rowA.price).toBe(Math.round((5000 * Math.min(totalA, totalB)) / totalA));
    expect(rowA.technical).toBe(2850);
    expect(rowA.credit).toBe(700);
    expect(rowA.performance).toBe(600);
    expect(view.evaluation.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(view.status).toBe('awarding');
    expect(view.awards).toMatchObject([{ rank: 1, status: 'offered', bidderOrgId: a.orgId, amountFen: totalA }]);
    // Scores are append-only in the database too.
    await expect(t.ctx.db.execute(sql`update tender_scores set score = 100`)).rejects.toThrow();

    // B cannot answer A's award; A declines, the award cascades to B, who accepts.
    expect((await b.client.post(`/api/orgs/${b.orgId}/tenders/${tender.id}/award/accept`)).json().code).toBe(
      'TENDER_AWARD_NOT_OFFERED',
    );
    const declined = await a.client.post(`/api/orgs/${a.orgId}/tenders/${tender.id}/award/decline`, {
      reason: '产能已排满，无法按期进场',
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json().awards).toMatchObject([
      { rank: 1, status: 'declined', reason: '产能已排满，无法按期进场' },
      { rank: 2, status: 'offered', bidderOrgId: b.orgId, amountFen: totalB },
    ]);
    const tooEarly = await gc.client.post(`${url}/contract`, { variables: { disputeVenue: '嘉兴仲裁委员会' } });
    expect(tooEarly.json().code).toBe('TENDER_NOT_AWARDED');
    const accepted = await b.client.post(`/api/orgs/${b.orgId}/tenders/${tender.id}/award/accept`);
    expect(accepted.json().status).toBe('awarded');
    // The accepted award becomes cooperation history the matcher learns from; the declined offer does not.
    const awardHistory = await queryRows<{ source: string; amount: string }>(
      t.ctx.db,
      sql`select source, amount_minor::text as amount from cooperation_records where source = 'award'`,
    );
    expect(awardHistory).toEqual([{ source: 'award', amount: String(totalB) }]);

    const generated = await gc.client.post(`${url}/contract`, {
      variables: {
        advanceBp: 1000,
        retentionBp: 300,
        paymentTerms: '按月计量，支付当月完成量的 80%',
        qualityStandard: '合格',
        disputeVenue: '嘉兴仲裁委员会',
        projectLocation: '嘉兴市南湖区',
        amountFen: 1,
      },
    });
    expect(generated.statusCode, generated.body).toBe(201);
    const contract = (await gc.client.get(`/api/orgs/${gc.orgId}/contracts/${generated.json().contractId}`)).json();
    expect(contract.kind).toBe('subcontract');
    expect(contract.parties.map((p: { orgId: string }) => p.orgId).sort()).toEqual([gc.orgId, b.orgId].sort());
    const v1 = contract.versions[0].variables;
    expect(v1.amountFen).toBe(totalB);
    expect(v1.startDate).toBe('2027-03-01');
    expect(v1.endDate).toBe('2027-08-31');
    expect(v1.billOfQuantities).toContain('钢结构制作安装');
    expect(v1.billOfQuantities).toContain('¥4,300.00');
    const again = await gc.client.post(`${url}/contract`, { variables: {} });
    expect(again.json().code).toBe('TENDER_CONTRACT_EXISTS');
    expect((await gc.client.get(url)).json()).toMatchObject({ status: 'contracted', contractId: contract.id });
  });

  it('the 开标记录 is public; unit prices, scores and prequalification go to the buyer and each bidder for its own', async () => {
    const outsider = await registeredClient(t.app, undefined, '未投标单位 王');
    const outsiderOrg = (
      await createOrg(outsider.client, {
        name: '未投标测试公司',
        creditCode: validCreditCode(),
        businessRoles: ['SUB'],
      })
    ).id;
    const path = (orgId: string) => `/api/orgs/${orgId}/tenders/${tender.id}`;
    type Row = { bidId: string; bidderOrgId: string; totalFen: number | null; unitPricesFen: number[] | null };

    // the tender page
    const asBuyer = (await gc.client.get(path(gc.orgId))).json();
    const asA = (await a.client.get(path(a.orgId))).json();
    const asOutsider = (await outsider.client.get(path(outsiderOrg))).json();
    const bidOfA = asBuyer.opening.bids.find((x: Row) => x.bidderOrgId === a.orgId) as Row;
    const bidOfB = asBuyer.opening.bids.find((x: Row) => x.bidderOrgId === b.orgId) as Row;
    expect(bidOfA.unitPricesFen).toEqual([450_000, 8_000]);
    expect(asBuyer.evaluation.rows).toHaveLength(2);
    // public opening record: names and totals for everyone
    for (const view of [asA, asOutsider]) {
      expect(view.opening.bids.map((x: Row) => x.totalFen)).toEqual(asBuyer.opening.bids.map((x: Row) => x.totalFen));
      expect(view.opening.bids.find((x: Row) => x.bidderOrgId === b.orgId).unitPricesFen).toBeNull();
    }
    // a bidder: its own unit prices and its own score row only
    expect(asA.opening.bids.find((x: Row) => x.bidderOrgId === a.orgId).unitPricesFen).toEqual([450_000, 8_000]);
    expect(asA.evaluation.rows.map((r: { bidId: string }) => r.bidId)).toEqual([bidOfA.bidId]);
    expect(JSON.stringify(asA.evaluation)).not.toContain(bidOfB.bidId);
    // an organisation that did not bid: no prices beyond the totals, no scores
    expect(asOutsider.opening.bids.every((x: Row) => x.unitPricesFen === null)).toBe(true);
    expect(asOutsider.evaluation).toBeNull();
    expect(JSON.stringify(asOutsider)).not.toContain('XK42');

    // the PDFs: the opening record for all, the scoring table for the buyer alone
    expect((await outsider.client.get(`${path(outsiderOrg)}/opening.pdf`)).statusCode).toBe(200);
    expect((await gc.client.get(`${path(gc.orgId)}/evaluation.pdf`)).statusCode).toBe(200);
    for (const [client, orgId] of [
      [outsider.client, outsiderOrg],
      [a.client, a.orgId],
      [b.client, b.orgId],
    ] as const) {
      const refused = await client.get(`${path(orgId)}/evaluation.pdf`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('TENDER_RECORD_RESTRICTED');
      expect(refused.json().message['zh-CN']).toContain('招标人');
    }

    // prequalification: another bidder's report only for the buyer
    expect((await gc.client.get(`${path(gc.orgId)}/prequalification?bidderOrgId=${a.orgId}`)).statusCode).toBe(200);
    for (const [client, orgId] of [
      [outsider.client, outsiderOrg],
      [b.client, b.orgId],
    ] as const) {
      expect((await client.get(`${path(orgId)}/prequalification?bidderOrgId=${a.orgId}`)).statusCode).toBe(404);
      expect((await client.get(`${path(orgId)}/prequalification.pdf?bidderOrgId=${a.orgId}`)).statusCode).toBe(404);
    }
    const own = (await outsider.client.get(`${path(outsiderOrg)}/prequalification`)).json().items;
    expect(own).toHaveLength(1);
    expect(JSON.stringify(own)).not.toContain('钢构甲');
    // a bid receipt only for one's own bid
    expect((await outsider.client.get(`${path(outsiderOrg)}/bid`)).statusCode).toBe(404);
    // a plain member of the buyer reads the page like the buyer; staff reach nothing
    expect((await member.client.get(path(gc.orgId))).json().evaluation.rows).toHaveLength(2);
    expect((await staff.get(`${path(gc.orgId)}/evaluation.pdf`)).statusCode).toBe(404);
  });
});

describe('addenda and re-confirmation', () => {
  it('an addendum invalidates every confirmation; an unconfirmed bid is invalid at opening; an unanswered award lapses', async () => {
    // The buyer opens this one by hand (autoOpen off): the deadline job leaves it closed.
    const tender = await publishedTender(9, { autoOpen: false });
    const url = (orgId: string) => `/api/orgs/${orgId}/tenders/${tender.id}`;
    await a.client.request('PUT', `${url(a.orgId)}/bid`, bid([440_000, 8_500]));
    await b.client.request('PUT', `${url(b.orgId)}/bid`, bid([420_000, 8_000]));
    const later = new Date(new Date(tender.deadline).getTime() + 2000).toISOString();
    const earlier = await gc.client.post(`${url(gc.orgId)}/addenda`, {
      summary: '截止时间提前',
      body: '不允许',
      deadline: new Date(new Date(tender.deadline).getTime() - 1000).toISOString(),
    });
    expect(earlier.json().code).toBe('TENDER_DEADLINE_EARLIER');
    const addendum = await gc.client.post(`${url(gc.orgId)}/addenda`, {
      summary: '屋面板厚度调整',
      body: '压型钢板厚度由 0.6mm 调整为 0.8mm，请重新确认报价。',
      deadline: later,
    });
    expect(addendum.statusCode, addendum.body).toBe(200);
    expect(addendum.json()).toMatchObject({ version: 2, deadline: later });
    expect(addendum.json().addenda[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // Both bidders are told by mail to read and re-confirm.
    await t.ctx.jobs.runDue();
    for (const p of [a, b])
      expect(t.mailer.sent.find((m) => m.to === p.email && m.subject.includes('招标补遗'))?.text).toContain(
        '未确认的投标在截止时视为无效',
      );
    for (const p of [a, b]) {
      const mine = (await p.client.get(url(p.orgId))).json();
      expect(mine.myBid).toMatchObject({ confirmedVersion: 1, needsReconfirmation: true });
      const list = (await p.client.get(`/api/orgs/${p.orgId}/tenders?scope=market`)).json();
      expect(list.items.find((x: { id: string }) => x.id === tender.id).myBidStatus).toBe('needs_reconfirmation');
    }
    const stale = await a.client.post(`${url(a.orgId)}/bid/confirm`, { tenderVersion: 1 });
    expect(stale.json().code).toBe('TENDER_VERSION_STALE');
    const confirmed = await a.client.post(`${url(a.orgId)}/bid/confirm`, { tenderVersion: 2 });
    expect(confirmed.json()).toMatchObject({ confirmedVersion: 2, needsReconfirmation: false });

    await waitForDb(later);
    await t.ctx.jobs.runDue();
    expect((await gc.client.get(url(gc.orgId))).json()).toMatchObject({ status: 'closed', opening: null });
    const opened = await gc.client.post(`${url(gc.orgId)}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    const bids = opened.json().opening.bids;
    expect(bids.find((x: { bidderOrgId: string }) => x.bidderOrgId === a.orgId)).toMatchObject({ valid: true });
    const unconfirmed = bids.find((x: { bidderOrgId: string }) => x.bidderOrgId === b.orgId);
    expect(unconfirmed).toMatchObject({ valid: false, totalFen: null, constructionPlan: null });
    expect(unconfirmed.invalidReason['zh-CN']).toContain('未确认第 2 版');
    expect(unconfirmed.invalidReason.en).toContain('version 2');

    // Only A is evaluated; A never answers and the offer lapses; nobody is left: 流标.
    await gc.client.post(`${url(gc.orgId)}/evaluators`, { userId: member.userId });
    await member.client.post(`${url(gc.orgId)}/scores`, { bidId: confirmed.json().bidId, score: 80 });
    const finalised = (await gc.client.post(`${url(gc.orgId)}/evaluation/finalise`)).json();
    expect(finalised.evaluation.rows).toHaveLength(1);
    const offer = finalised.awards[0];
    await lapseAward(t.ctx, offer.id, new Date(offer.respondBy));
    const after = (await gc.client.get(url(gc.orgId))).json();
    expect(after.awards[0]).toMatchObject({ status: 'lapsed' });
    expect(after.status).toBe('failed');
  });
});

describe('prequalification at bid submission', () => {
  it('refuses a C-grade bidder and an unqualified bidder with the reason in both languages', async () => {
    const tender = await publishedTender(30);
    const graded = await staff.request('PUT', `/api/staff/credit-grades/${c.orgId}`, {
      grade: 'C',
      source: '外部征信报告',
    });
    expect(graded.statusCode).toBe(200);
    const refused = await c.client.request('PUT', `/api/orgs/${c.orgId}/tenders/${tender.id}/bid`, bid([1, 1]));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('TENDER_BIDDER_REFUSED');
    expect(refused.json().message['zh-CN']).toContain('信用等级为 C');
    expect(refused.json().message.en).toContain('credit grade C');
    const report = (await c.client.get(`/api/orgs/${c.orgId}/tenders/${tender.id}/prequalification`)).json().items[0];
    expect(report.result).toBe('failed');
    expect(report.creditGrade).toBe('C');
    expect(report.checks.find((x: { key: string }) => x.key === 'qualification').passed).toBe(true);

    // Not verified, so no certificate in force.
    const { client } = await registeredClient(t.app);
    const org = await createOrg(client, {
      name: '未核验钢构有限公司',
      creditCode: validCreditCode(),
      businessRoles: ['SUB'],
    });
    const unqualified = await client.request('PUT', `/api/orgs/${org.id}/tenders/${tender.id}/bid`, bid([1, 1]));
    expect(unqualified.statusCode).toBe(403);
    expect(unqualified.json().message['zh-CN']).toContain('未通过实名核验');
    expect(unqualified.json().message.en).toContain('not verified');
    const pdf = await client.get(`/api/orgs/${org.id}/tenders/${tender.id}/prequalification.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // A verified bidder whose certificate is a lower grade than asked (三级 < 二级 … here 二级 vs 一级).
    const strict = await publishedTender(30);
    await t.ctx.db.execute(sql`update tenders set qualification_grade = '一级' where id = ${strict.id}`);
    const lower = await a.client.request('PUT', `/api/orgs/${a.orgId}/tenders/${strict.id}/bid`, bid([1, 1]));
    expect(lower.statusCode).toBe(403);
    expect(lower.json().message['zh-CN']).toContain('资质不满足要求');
  });
});
