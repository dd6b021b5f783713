import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../infra/db/client';
import { orgClient } from '../../test/library-fixtures';
import { staffClient } from '../../test/staff';
import {
  createTestApp,
  PASSWORD,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';

/**
 * Favourites and inquiries through HTTP on a real database: a buyer (GC) asks two suppliers; each supplier sees
 * only its own quote; the buyer compares and accepts one; a third organisation, a plain member and platform staff
 * are turned away.
 */
let t: TestApp;
let buyer: TestClient;
let buyerOrg: string;
let supA: TestClient;
let orgA: string;
let supB: TestClient;
let orgB: string;
let foreign: TestClient;
let foreignOrg: string;
let member: TestClient;
let staff: TestClient;
let listingId: string;

const REBAR = {
  kind: 'rebar',
  title: 'HRB400E 螺纹钢 Φ25',
  params: { grade: 'HRB400E', diameterMm: 25 },
  priceFen: 385_000,
  unit: '吨',
  stock: 1200,
  serviceRegionCodes: ['330000'],
  leadTimeDays: 3,
  regionCode: '330100',
};
const LINES = [
  { material: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 120 },
  { material: '商品混凝土', spec: 'C30', unit: 'm³', quantity: 800.5 },
];
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  ({ client: buyer, orgId: buyerOrg } = await orgClient(t.app, ['GC'], '浙江询价总包建设有限公司'));
  ({ client: supA, orgId: orgA } = await orgClient(t.app, ['SUP'], '杭州甲材物资有限公司'));
  ({ client: supB, orgId: orgB } = await orgClient(t.app, ['SUP'], '宁波乙材贸易有限公司'));
  ({ client: foreign, orgId: foreignOrg } = await orgClient(t.app, ['GC'], '外部建工有限公司'));
  listingId = (await supA.post(`/api/orgs/${orgA}/resources`, REBAR)).json().id;

  const memberEmail = uniqueEmail('member');
  const invitation = (
    await buyer.post(`/api/orgs/${buyerOrg}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  member = (await registeredClient(t.app, memberEmail)).client;
  await member.post(`/api/invitations/${invitation.id}/accept`);
  await member.post('/api/auth/logout');
  await member.post('/api/auth/login', { identifier: memberEmail, password: PASSWORD });
  staff = (await staffClient(t, ['finance'])).client;
});
afterAll(async () => {
  await t.close();
});

async function send(merchants: string[], respondBy = inHours(48)) {
  const response = await buyer.post(`/api/orgs/${buyerOrg}/inquiries`, {
    title: '城西项目钢筋混凝土询价',
    listingId,
    merchantOrgIds: merchants,
    lines: LINES,
    respondBy,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; engagements: { id: string; merchantOrgId: string }[] };
}
const quoteBody = (prices: number[]) => ({ unitPricesFen: prices, deliveryDays: 5, validDays: 15, note: '含运费' });
const kindsFor = (orgId: string) =>
  queryRows<{ kind: string }>(
    t.ctx.db,
    sql`select kind from notifications where org_id = ${orgId} order by created_at`,
  );

describe('favourites', () => {
  it('stars a listing, its merchant and lists them by kind; a second star changes nothing; removal works', async () => {
    const base = `/api/orgs/${buyerOrg}/favourites`;
    expect((await buyer.post(base, { kind: 'listing', targetId: listingId })).statusCode).toBe(201);
    const again = await buyer.post(base, { kind: 'listing', targetId: listingId });
    expect(again.json()).toMatchObject({
      title: REBAR.title,
      targetOrgId: orgA,
      targetOrgName: '杭州甲材物资有限公司',
    });
    expect((await buyer.post(base, { kind: 'merchant', targetId: orgA })).statusCode).toBe(201);
    expect((await buyer.get(base)).json().items).toHaveLength(2);
    expect(
      (await buyer.get(`${base}?kind=merchant`)).json().items.map((f: { targetId: string }) => f.targetId),
    ).toEqual([orgA]);
    // favourites are each person's own: the plain member of the same organisation sees none
    expect((await member.get(base)).json().items).toHaveLength(0);
    expect((await buyer.request('DELETE', `${base}/merchant/${orgA}`)).statusCode).toBe(204);
    expect((await buyer.request('DELETE', `${base}/merchant/${orgA}`)).statusCode).toBe(404);
    expect((await buyer.get(`${base}?kind=merchant`)).json().items).toHaveLength(0);
  });

  it('refuses a target that does not exist, and another organisation’s favourites', async () => {
    const missing = await buyer.post(`/api/orgs/${buyerOrg}/favourites`, {
      kind: 'listing',
      targetId: '00000000-0000-7000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('FAVOURITE_TARGET_NOT_FOUND');
    expect((await foreign.get(`/api/orgs/${buyerOrg}/favourites`)).statusCode).toBe(404);
    expect((await staff.get(`/api/orgs/${buyerOrg}/favourites`)).statusCode).toBe(404);
  });
});

describe('inquiries', () => {
  it('sends to two merchants, each sees only its own quote; the buyer compares and accepts one', async () => {
    const inquiry = await send([orgA, orgB]);
    expect(inquiry.engagements.map((e) => e.merchantOrgId).sort()).toEqual([orgA, orgB].sort());
    expect(await kindsFor(orgA)).toEqual([{ kind: 'inquiries.received' }]);

    const inbox = (await supA.get(`/api/orgs/${orgA}/inquiries/received`)).json().items;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id: inquiry.id, myStatus: 'sent', merchantCount: 1 });

    // the merchant's first look marks it viewed
    const seen = (await supA.get(`/api/orgs/${orgA}/inquiries/${inquiry.id}`)).json();
    expect(seen.side).toBe('merchant');
    expect(seen.engagements).toHaveLength(1);
    expect(seen.engagements[0]).toMatchObject({ merchantOrgId: orgA, status: 'viewed' });

    const quotedB = await supB.post(`/api/orgs/${orgB}/inquiries/${inquiry.id}/quote`, quoteBody([372_000, 45_050]));
    expect(quotedB.statusCode, quotedB.body).toBe(200);
    // 120 × ¥3,720 + 800.5 × ¥450.50 = 44,640,000 + 36,062,525 fen
    expect(quotedB.json().engagements[0].quote).toMatchObject({
      lineTotalsFen: [44_640_000, 36_062_525],
      totalFen: 80_702_525,
    });
    const quotedA = await supA.post(`/api/orgs/${orgA}/inquiries/${inquiry.id}/quote`, quoteBody([380_000, 44_000]));
    expect(quotedA.statusCode, quotedA.body).toBe(200);

    // a merchant never sees a competitor's quote, not even its name or price
    const asA = await supA.get(`/api/orgs/${orgA}/inquiries/${inquiry.id}`);
    expect(asA.json().engagements).toHaveLength(1);
    expect(asA.body).not.toContain('宁波乙材');
    expect(asA.body).not.toContain('80702525');

    const asBuyer = (await buyer.get(`/api/orgs/${buyerOrg}/inquiries/${inquiry.id}`)).json();
    expect(asBuyer.side).toBe('buyer');
    expect(asBuyer.engagements.map((e: { status: string }) => e.status)).toEqual(['quoted', 'quoted']);
    const sent = (await buyer.get(`/api/orgs/${buyerOrg}/inquiries/sent`)).json().items;
    expect(sent.find((s: { id: string }) => s.id === inquiry.id)).toMatchObject({ merchantCount: 2, quoteCount: 2 });

    const engagementB = asBuyer.engagements.find((e: { merchantOrgId: string }) => e.merchantOrgId === orgB);
    const accepted = await buyer.post(`/api/orgs/${buyerOrg}/inquiries/${inquiry.id}/accept`, {
      engagementId: engagementB.id,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = accepted.json();
    expect(after.status).toBe('accepted');
    expect(after.order).toMatchObject({ merchantOrgId: orgB, amountFen: 80_702_525, contractId: null });
    expect(after.order.orderNo).toMatch(/^XJ\d{8}[0-9A-F]{6}$/);
    const statusOf = (org: string) => after.engagements.find((e: { merchantOrgId: string }) => e.merchantOrgId === org);
    expect(statusOf(orgB).status).toBe('accepted');
    expect(statusOf(orgA).status).toBe('lost');
    expect(statusOf(orgA).decidedAt).not.toBeNull();
    expect((await kindsFor(orgA)).map((r) => r.kind)).toEqual(['inquiries.received', 'inquiries.lost']);
    expect((await kindsFor(orgB)).map((r) => r.kind)).toEqual(['inquiries.received', 'inquiries.accepted']);
    // the loser does not learn the winner's order
    expect((await supA.get(`/api/orgs/${orgA}/inquiries/${inquiry.id}`)).json().order).toBeNull();

    // accepting twice, and quoting once the inquiry is closed, change nothing
    const twice = await buyer.post(`/api/orgs/${buyerOrg}/inquiries/${inquiry.id}/accept`, {
      engagementId: statusOf(orgA).id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('INQUIRY_ALREADY_ACCEPTED');
    const late = await supA.post(`/api/orgs/${orgA}/inquiries/${inquiry.id}/quote`, quoteBody([1, 1]));
    expect(late.statusCode).toBe(409);
    expect((await buyer.get(`/api/orgs/${buyerOrg}/inquiries/${inquiry.id}`)).json().order.merchantOrgId).toBe(orgB);

    // the order becomes a purchase contract draft through the contracts module
    const contract = await buyer.post(`/api/orgs/${buyerOrg}/inquiries/${inquiry.id}/contract`, {
      variables: {
        projectName: '城西项目',
        deliveryPlace: '杭州市西湖区城西项目工地',
        deliveryDate: '2027-01-20',
        qualityStandard: 'GB/T 1499.2-2018',
        paymentTerms: '到货验收后 30 日内付清',
        disputeVenue: '杭州仲裁委员会',
      },
    });
    expect(contract.statusCode, contract.body).toBe(201);
    const drafted = (await buyer.get(`/api/orgs/${buyerOrg}/contracts/${contract.json().contractId}`)).json();
    expect(drafted.kind).toBe('purchase');
    expect(JSON.stringify(drafted)).toContain('80702525');
    const secondContract = await buyer.post(`/api/orgs/${buyerOrg}/inquiries/${inquiry.id}/contract`, {
      variables: {},
    });
    expect(secondContract.json().code).toBe('INQUIRY_CONTRACT_EXISTS');
  });

  it('keeps the inquiry from everyone else: another organisation, a merchant not asked, plain member, staff', async () => {
    const inquiry = await send([orgA]);
    const path = `/api/orgs/${buyerOrg}/inquiries/${inquiry.id}`;
    expect((await foreign.get(path)).statusCode).toBe(404);
    // through its own organisation the inquiry simply does not exist for a merchant not asked
    const notAsked = await supB.get(`/api/orgs/${orgB}/inquiries/${inquiry.id}`);
    expect(notAsked.statusCode).toBe(404);
    expect(notAsked.json().code).toBe('INQUIRY_NOT_FOUND');
    expect((await foreign.get(`/api/orgs/${foreignOrg}/inquiries/${inquiry.id}`)).statusCode).toBe(404);
    expect((await staff.get(path)).statusCode).toBe(404);
    expect((await supB.post(`/api/orgs/${orgB}/inquiries/${inquiry.id}/quote`, quoteBody([1, 1]))).statusCode).toBe(
      404,
    );
    // the merchant cannot accept its own quote, nor can the foreign buyer
    await supA.post(`/api/orgs/${orgA}/inquiries/${inquiry.id}/quote`, quoteBody([380_000, 44_000]));
    const engagementId = (await buyer.get(path)).json().engagements[0].id;
    expect((await supA.post(`/api/orgs/${orgA}/inquiries/${inquiry.id}/accept`, { engagementId })).statusCode).toBe(
      404,
    );
    expect(
      (await foreign.post(`/api/orgs/${foreignOrg}/inquiries/${inquiry.id}/accept`, { engagementId })).statusCode,
    ).toBe(404);
    // the plain member reads but neither sends nor accepts
    expect((await member.get(path)).statusCode).toBe(200);
    expect((await member.post(`${path}/accept`, { engagementId })).statusCode).toBe(403);
    expect(
      (
        await member.post(`/api/orgs/${buyerOrg}/inquiries`, {
          title: 'x',
          merchantOrgIds: [orgA],
          lines: LINES,
          respondBy: inHours(1),
        })
      ).statusCode,
    ).toBe(403);
    expect((await buyer.get(path)).json().status).toBe('open');
  });

  it('refuses bad input with clear errors and stores nothing', async () => {
    const before = (await buyer.get(`/api/orgs/${buyerOrg}/inquiries/sent`)).json().items.length;
    const post = (body: Record<string, unknown>) =>
      buyer.post(`/api/orgs/${buyerOrg}/inquiries`, {
        title: '坏输入',
        merchantOrgIds: [orgA],
        lines: LINES,
        respondBy: inHours(24),
        ...body,
      });
    expect((await post({ lines: [] })).statusCode).toBe(400);
    expect((await post({ lines: [{ ...LINES[0], quantity: -3 }] })).statusCode).toBe(400);
    expect((await post({ lines: [{ ...LINES[0], material: ' ' }] })).statusCode).toBe(400);
    expect((await post({ merchantOrgIds: [] })).statusCode).toBe(400);
    const own = await post({ merchantOrgIds: [buyerOrg] });
    expect(own.json().code).toBe('INQUIRY_MERCHANT_INVALID');
    const unknown = await post({ merchantOrgIds: ['00000000-0000-7000-8000-000000000000'] });
    expect(unknown.json().code).toBe('INQUIRY_MERCHANT_INVALID');
    const past = await post({ respondBy: inHours(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().code).toBe('INQUIRY_DEADLINE_INVALID');
    expect((await buyer.get(`/api/orgs/${buyerOrg}/inquiries/sent`)).json().items.length).toBe(before);
    expect((await supB.get(`/api/orgs/${orgB}/inquiries/received`)).json().items.length).toBeGreaterThanOrEqual(0);

    const inquiry = await send([orgA, orgB]);
    const quotePath = `/api/orgs/${orgA}/inquiries/${inquiry.id}/quote`;
    expect((await supA.post(quotePath, quoteBody([-1, 100]))).statusCode).toBe(400);
    const short = await supA.post(quotePath, quoteBody([100]));
    expect(short.json()).toMatchObject({ code: 'INQUIRY_QUOTE_LINES_MISMATCH' });
    expect((await supA.post(quotePath, { ...quoteBody([1, 1]), validDays: 0 })).statusCode).toBe(400);
    expect((await supA.post(quotePath, quoteBody([380_000, 44_000]))).statusCode).toBe(200);
    const twice = await supA.post(quotePath, quoteBody([370_000, 44_000]));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('INQUIRY_ALREADY_ANSWERED');
    const mine = (await supA.get(`/api/orgs/${orgA}/inquiries/${inquiry.id}`)).json().engagements[0];
    expect(mine.quote.unitPricesFen).toEqual([380_000, 44_000]);

    // declining, then quoting: the decline stands; and a quote that was never given cannot be accepted
    const declined = await supB.post(`/api/orgs/${orgB}/inquiries/${inquiry.id}/decline`, { reason: '库存不足' });
    expect(declined.json().engagements[0]).toMatchObject({ status: 'declined', declineReason: '库存不足' });
    expect((await supB.post(`/api/orgs/${orgB}/inquiries/${inquiry.id}/quote`, quoteBody([1, 1]))).statusCode).toBe(
      409,
    );
    const engagementB = inquiry.engagements.find((e) => e.merchantOrgId === orgB)?.id;
    const notQuoted = await buyer.post(`/api/orgs/${buyerOrg}/inquiries/${inquiry.id}/accept`, {
      engagementId: engagementB,
    });
    expect(notQuoted.json().code).toBe('INQUIRY_QUOTE_NOT_ACCEPTABLE');
  });

  it('refuses a quote after the response deadline', async () => {
    const inquiry = await send([orgA], new Date(Date.now() + 1_500).toISOString());
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    const late = await supA.post(`/api/orgs/${orgA}/inquiries/${inquiry.id}/quote`, quoteBody([1, 1]));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INQUIRY_DEADLINE_PASSED');
    const mine = (await supA.get(`/api/orgs/${orgA}/inquiries/${inquiry.id}`)).json().engagements[0];
    expect(mine).toMatchObject({ status: 'viewed', quote: null });
  });

  it('lets exactly one of two concurrent acceptances win', async () => {
    const inquiry = await send([orgA, orgB]);
    await supA.post(`/api/orgs/${orgA}/inquiries/${inquiry.id}/quote`, quoteBody([380_000, 44_000]));
    await supB.post(`/api/orgs/${orgB}/inquiries/${inquiry.id}/quote`, quoteBody([372_000, 45_050]));
    const results = await Promise.all(
      inquiry.engagements.map((e) =>
        buyer.post(`/api/orgs/${buyerOrg}/inquiries/${inquiry.id}/accept`, { engagementId: e.id }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const orders = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from inquiry_orders where inquiry_id = ${inquiry.id}`,
    );
    expect(orders[0]?.n).toBe(1);
    const final = (await buyer.get(`/api/orgs/${buyerOrg}/inquiries/${inquiry.id}`)).json();
    expect(final.engagements.map((e: { status: string }) => e.status).sort()).toEqual(['accepted', 'lost']);
  });
});
