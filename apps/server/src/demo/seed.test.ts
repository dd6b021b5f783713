import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleFromZip, type PublicEntry, verifyEvidence } from '@zhuhe/verify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../infra/db/client';
import { kpiBoard } from '../modules/analytics';
import { journeyDetail, listJourneys, listTasks } from '../modules/automation';
import { escrowStatus, verifyMoney } from '../modules/escrow';
import { verifyLog } from '../modules/evidence';
import { experimentResults, listExperiments } from '../modules/experiments';
import { orgFees, seedUserCounter } from '../modules/fees';
import { platformSources, staffBoard } from '../modules/promises';
import { overview as reserveOverview } from '../modules/reserve';
import { listVouchers, pointsOverview, verifyPoints } from '../modules/rewards';
import { board } from '../modules/tickets';
import { createTestApp, nextTotp, type TestApp, TestClient } from '../test/test-app';
import { DEMO_FIN_TOTP, DEMO_PASSWORD } from './foundation.demo';
import { DEMO_OPS_TOTP } from './operations.demo';
import { LATE_REVIEW_TITLE, LATE_SIGNING_TITLE } from './promises.demo';
import { seedDemoIfEmpty } from './seed';

/*
 * The demo is seeded once for this file (every seeder through the real use cases takes minutes on a loaded
 * machine): first its contents are checked, then its evidence the way a court would check it.
 */
let t: TestApp;
let open = true;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  if (open) await t.close();
});

describe('demo data', () => {
  it('seeds an empty database once, with working log-ins, a signed contract and a consistent evidence log', async () => {
    const logins = await seedDemoIfEmpty(t.ctx, t.app.modules);
    expect(logins?.map((l) => l.identifier)).toEqual(
      expect.arrayContaining(['gc@example.com', 'sup@example.com', 'admin@example.com']),
    );
    expect(await seedDemoIfEmpty(t.ctx, t.app.modules)).toBeNull();

    const gc = new TestClient(t.app);
    const login = await gc.post('/api/auth/login', { identifier: 'gc@example.com', password: DEMO_PASSWORD });
    expect(login.json()).toMatchObject({ status: 'ok' });
    const orgId = login.json().me.activeOrgId as string;
    const contracts = (await gc.get(`/api/orgs/${orgId}/contracts`)).json().items as { status: string }[];
    // Two from the contracts demo, one signed from a tender award, one signed subcontract under execution, the
    // risk demo's slipping subcontract.
    expect(contracts.map((c) => c.status).sort()).toEqual([
      'negotiating',
      'signed',
      'signed',
      'signed',
      'signed',
      'signed',
    ]);
    const tenders = (await gc.get(`/api/orgs/${orgId}/tenders`)).json().items as { status: string }[];
    expect(new Set(tenders.map((x) => x.status))).toEqual(
      new Set(['draft', 'open', 'closed', 'evaluating', 'awarded', 'awarding', 'contracted']),
    );

    // 数据看板: gc@'s threshold fired on the rising rebar forecast; gov@ reads 浙江's board with the composite indices
    const costPage = (await gc.get(`/api/orgs/${orgId}/cost-warnings`)).json();
    expect(costPage.thresholds).toHaveLength(1);
    expect(costPage.warnings.map((w: { material: string }) => w.material)).toContain('rebar');
    const gov = new TestClient(t.app);
    const govLogin = (
      await gov.post('/api/auth/login', { identifier: 'gov@example.com', password: DEMO_PASSWORD })
    ).json();
    expect(govLogin.me.activeRole).toBe('GOV');
    const govBoard = (await gov.get(`/api/orgs/${govLogin.me.activeOrgId}/gov-board`)).json();
    expect(govBoard.regionCode).toBe('330000');
    expect(govBoard.indices.map((i: { regionCode: string | null }) => i.regionCode)).toEqual(
      expect.arrayContaining(['330000', null]),
    );

    // 增长: channels with costs and new organisations, and CAC over its ¥25 alert line with an owned improvement task
    const growthBoard = await kpiBoard(t.ctx);
    expect(growthBoard.kpis.find((k) => k.key === 'cac')).toMatchObject({ alerting: true });
    expect(growthBoard.tasks.find((task) => task.kpi === 'cac')).toMatchObject({
      status: 'open',
      ownerName: '平台管理员',
    });

    // Execution: a plan with weekly logs, the first milestone settled and released, the escrow frozen (overdue).
    // Every signed contract is listed; the subcontract and the purchase contract carry a plan, the awarded one not yet.
    const executing = (await gc.get(`/api/orgs/${orgId}/execution`)).json().items as {
      contractId: string;
      hasPlan: boolean;
      maxDelayDays: number;
    }[];
    // three from the execution demo, one slipping subcontract from the risk demo
    expect(executing).toHaveLength(5);
    expect(executing.filter((c) => c.hasPlan)).toHaveLength(4);
    const subcontract = executing.find((c) => (c as { maxDelayDays: number }).maxDelayDays > 0) as {
      contractId: string;
    };
    const settlements = (await gc.get(`/api/orgs/${orgId}/settlement/${subcontract.contractId}`)).json().items;
    expect(settlements).toEqual([expect.objectContaining({ status: 'released', disputes: 1 })]);
    expect(await escrowStatus(t.ctx, subcontract.contractId)).toMatchObject({ frozen: true });

    // matching demo: the operator, cooperation history among the demo organisations, answered pushes
    expect(logins?.map((l) => l.identifier)).toContain('matcher@example.com');
    const [matching] = await queryRows<{ records: number; pushes: number; answers: number }>(
      t.ctx.db,
      sql`select (select count(*) from cooperation_records)::int as records,
                 (select count(*) from matching_pushes)::int as pushes,
                 (select count(answer) from matching_pushes)::int as answers`,
    );
    expect(matching?.records).toBeGreaterThanOrEqual(10);
    expect(matching?.pushes).toBeGreaterThan(0);
    expect(matching?.answers).toBeGreaterThan(0);

    // tiers demo: three sealed statements move gc2@ and sub2@ up once the after-commit handlers run, as they do
    // when the server starts; gc@ (one sealed statement) stays new.
    await t.ctx.jobs.runDue();
    const tierOf = async (identifier: string) => {
      const client = new TestClient(t.app);
      const me = (await client.post('/api/auth/login', { identifier, password: DEMO_PASSWORD })).json().me;
      return (await client.get(`/api/orgs/${me.activeOrgId}/tier`)).json();
    };
    expect(await tierOf('gc2@example.com')).toMatchObject({ tier: 'normal', history: [{ toTier: 'normal' }] });
    expect(await tierOf('sub2@example.com')).toMatchObject({ tier: 'normal' });
    expect(await tierOf('gc@example.com')).toMatchObject({ tier: 'new' });

    // credit demo: four rated months with ratings received, gc2@ reviewed up to AAA by two staff members
    const creditOf = async (identifier: string) => {
      const client = new TestClient(t.app);
      const me = (await client.post('/api/auth/login', { identifier, password: DEMO_PASSWORD })).json().me;
      return (await client.get(`/api/orgs/${me.activeOrgId}/credit`)).json();
    };
    expect(await creditOf('gc2@example.com')).toMatchObject({ grade: 'AAA', source: 'review' });
    const subCredit = await creditOf('sub2@example.com');
    expect(subCredit.source).toBe('computed');
    expect(subCredit.history).toHaveLength(4);
    expect(subCredit.ratingsReceived).toBeGreaterThan(0);
    // disputes demo: a case in every state, the money held and released consistently
    const [disputes] = await queryRows<{ statuses: string[]; late: number }>(
      t.ctx.db,
      sql`select array_agg(distinct status order by status) as statuses,
                 (select count(*) from disputes where team_formed_at > team_due_at)::int as late
          from disputes`,
    );
    expect(disputes?.statuses).toEqual(['arbitration', 'external', 'mediation', 'resolved']);
    expect(disputes?.late).toBe(1);
    expect(await verifyMoney(t.ctx.db)).toMatchObject({ ok: true });

    // tickets demo: every state, lines 2 and 3, a breach, ratings, and board figures from last month's history
    const [tickets] = await queryRows<{ statuses: string[]; lines: number[]; breached: number; rated: number }>(
      t.ctx.db,
      sql`select array_agg(distinct status order by status) as statuses,
                 array_agg(distinct line order by line) as lines,
                 (select count(*) from tickets where breached_at is not null)::int as breached,
                 (select count(*) from tickets where rated_at is not null)::int as rated
          from tickets`,
    );
    expect(tickets?.statuses).toEqual(['answered', 'closed', 'new', 'open', 'reopened', 'resolved']);
    expect(tickets?.lines).toEqual([1, 2, 3]);
    expect(tickets?.breached).toBeGreaterThanOrEqual(1);
    expect(tickets?.rated).toBeGreaterThanOrEqual(7);
    const lastMonth = new Date(Date.now() - 32 * 86_400_000).toISOString().slice(0, 7);
    const figures = await board(t.ctx, lastMonth);
    expect(figures.overall.opened).toBeGreaterThan(0);
    expect(figures.overall.medianResolutionMinutes).not.toBeNull();
    // risk demo: warnings in every state, an open early warning on the slipping contract, a red-flagged tender
    const [risk] = await queryRows<{ states: string[]; early: number; flagged: number }>(
      t.ctx.db,
      sql`select array_agg(distinct state order by state) as states,
                 (select count(*) from risk_warnings where type = 'early_delay' and state = 'open')::int as early,
                 (select count(*) from risk_tender_flags where jsonb_array_length(flags) > 0)::int as flagged
          from risk_warnings`,
    );
    expect(risk?.states).toEqual(['acknowledged', 'false_alarm', 'open', 'resolved']);
    expect(risk?.early).toBe(1);
    // wages demo: last month closed once; subcontracts with workers on site and no wage payout, one acknowledged by
    // gc@; each payee's month recorded for its credit rating
    const [wages] = await queryRows<{ closures: number; unpaid: number; warned: string[]; credit: number }>(
      t.ctx.db,
      sql`select (select count(*) from wage_month_closures)::int as closures,
                 (select count(*) from wage_months where not paid)::int as unpaid,
                 (select array_agg(state order by state) from risk_warnings where type = 'wage_unpaid') as warned,
                 (select count(*) from credit_wage_months)::int as credit`,
    );
    // gc@'s two always had workers last month; gc2@'s 围墙 subcontract too when one of its logs falls in it
    expect(wages?.closures).toBe(1);
    expect(wages?.unpaid).toBeGreaterThanOrEqual(2);
    expect(wages?.credit).toBe(wages?.unpaid);
    expect(wages?.warned).toHaveLength(wages?.unpaid as number);
    expect(wages?.warned.filter((s) => s === 'acknowledged')).toHaveLength(1);
    // the demo's sealed statement carries the platform's seal after the three parties'
    const [sealed] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from settlements where platform_sealed_at is not null and signed_sha256 is not null`,
    );
    expect(sealed?.n).toBeGreaterThanOrEqual(1);
    expect(risk?.flagged).toBeGreaterThanOrEqual(1);
    // reserve demo: claims in every state, paid from the 1% provisions; fees: charges, seed users, receipts
    const reserve = await reserveOverview(t.ctx);
    expect(new Set(reserve.claims.map((c) => c.status))).toEqual(
      new Set(['pending', 'paid', 'partially_recovered', 'recovered', 'rejected']),
    );
    expect(reserve.balanceFen).toBeGreaterThanOrEqual(0);
    const subOrg = (
      await new TestClient(t.app).post('/api/auth/login', { identifier: 'sub@example.com', password: DEMO_PASSWORD })
    ).json().me.activeOrgId as string;
    const fees = await orgFees(t.ctx, subOrg);
    expect(fees.receipts).toHaveLength(1);
    expect(fees.seedUser).not.toBeNull();
    expect(fees.charges.some((c) => c.exempt)).toBe(true);
    expect(fees.charges.some((c) => c.itemCode === 'escrow_service')).toBe(true);
    expect((await seedUserCounter(t.ctx)).taken).toBeGreaterThan(5);

    // 推荐有礼·积分·优惠券: gc@'s points earned, redeemed and reversed; vouchers and referrals in every state
    const gcOrg = (
      await new TestClient(t.app).post('/api/auth/login', { identifier: 'gc@example.com', password: DEMO_PASSWORD })
    ).json().me.activeOrgId as string;
    const points = await pointsOverview(t.ctx, gcOrg);
    expect(new Set(points.entries.map((e) => e.kind))).toEqual(new Set(['earn', 'redeem', 'reverse']));
    expect(points.balance).toBeGreaterThanOrEqual(0);
    // 我的兑换: the report and the ticket both deliver, the ticket with its admission number
    const delivered = points.entries.flatMap((e) => (e.delivery ? [e.delivery] : []));
    expect(delivered.map((d) => d.kind).sort()).toEqual(['report', 'ticket']);
    expect(delivered.find((d) => d.kind === 'ticket')?.ticketNo).toMatch(/^ZH\d{8}-[0-9A-F]{8}$/);
    expect((await verifyPoints(t.ctx)).ok).toBe(true);
    const vouchers = await listVouchers(t.ctx, gcOrg);
    expect(new Set(vouchers.vouchers.map((v) => v.state))).toEqual(
      new Set(['available', 'used', 'expired', 'not_yet_valid']),
    );
    expect(vouchers.openCharges.some((c) => !c.voucherApplied && c.itemCode === 'premium_report')).toBe(true);
    const [refused] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from referral_rewards where status = 'refused' and reason = 'same_device'`,
    );
    expect(refused?.n).toBe(1);

    // 政策库 demo: twelve policies by admin@ (editor), one with two versions, one withdrawn; gc@ was notified
    const [policies] = await queryRows<{ total: number; withdrawn: number; revised: number; notified: number }>(
      t.ctx.db,
      sql`select (select count(*) from policies)::int as total,
                 (select count(*) from policies where status = 'withdrawn')::int as withdrawn,
                 (select count(*) from policies where version_no = 2)::int as revised,
                 (select count(*) from notifications where kind = 'policies.published')::int as notified`,
    );
    expect(policies).toEqual({ total: 12, withdrawn: 1, revised: 1, notified: 1 });

    // 专家智库 demo: four verified experts and one pending; three public questions (two accepted and rated, one
    // open) and one private consultation at the lawyer's fee; the consulted expert and the askers were notified
    const [experts] = await queryRows<{
      statuses: string[];
      questions: string[];
      ratings: number;
      consultations: number;
      notices: number;
    }>(
      t.ctx.db,
      sql`select (select array_agg(status order by status) from experts) as statuses,
                 (select array_agg(visibility || ':' || status order by visibility, status) from expert_questions)
                   as questions,
                 (select count(*) from expert_ratings)::int as ratings,
                 (select count(*) from expert_questions where visibility = 'private' and fee_fen = 50000)::int
                   as consultations,
                 (select count(*) from notifications where kind in ('experts.consultation', 'experts.answer'))::int
                   as notices`,
    );
    expect(experts).toEqual({
      statuses: ['pending', 'verified', 'verified', 'verified', 'verified'],
      questions: ['private:answered', 'public:accepted', 'public:accepted', 'public:open'],
      ratings: 3,
      consultations: 1,
      notices: 5,
    });

    // 开放平台 demo: gc@'s organisation has one active and one revoked API key (no secret kept)
    const [keys] = await queryRows<{ active: number; revoked: number; calls: number }>(
      t.ctx.db,
      sql`select (select count(*) from api_keys where revoked_at is null)::int as active,
                 (select count(*) from api_keys where revoked_at is not null)::int as revoked,
                 (select count(*) from api_key_calls)::int as calls`,
    );
    expect(keys).toEqual({ active: 1, revoked: 1, calls: 2 });

    // webhooks demo: gc@'s endpoint with deliveries delivered, failed (its next attempt queued) and dead
    const [webhooks] = await queryRows<{ endpoints: number; statuses: string[]; queued: number }>(
      t.ctx.db,
      sql`select (select count(*) from webhook_endpoints)::int as endpoints,
                 (select array_agg(distinct status order by status) from webhook_deliveries) as statuses,
                 (select count(*) from jobs where name = 'webhooks.deliver' and status = 'queued'
                    and run_at > now())::int as queued`,
    );
    expect(webhooks).toMatchObject({ endpoints: 1, statuses: ['dead', 'delivered', 'failed'] });
    expect(webhooks?.queued).toBeGreaterThanOrEqual(1);

    // 施工人社区 demo: every board, a best answer, a post held for its banned claim and an open report
    const [community] = await queryRows<{ boards: string[]; statuses: string[]; best: number; open: number }>(
      t.ctx.db,
      sql`select (select array_agg(distinct board order by board) from community_posts) as boards,
                 (select array_agg(distinct status order by status) from community_posts) as statuses,
                 (select count(*) from community_posts where best_reply_id is not null)::int as best,
                 (select count(*) from community_reports where status = 'open')::int as open`,
    );
    expect(community).toMatchObject({
      boards: ['experience', 'legal_qa', 'material_prices', 'regional'],
      statuses: ['held', 'published'],
      best: 1,
      open: 1,
    });

    // 通知设置 demo: sup@'s preferences (e-mail off for 匹配, digest on) and notifications of several categories
    const [prefs] = await queryRows<{ channels: Record<string, Record<string, boolean>>; digest: boolean }>(
      t.ctx.db,
      sql`select p.channels, p.digest from notification_preferences p join users u on u.id = p.user_id
           where u.email = 'sup@example.com'`,
    );
    expect(prefs).toMatchObject({ digest: true, channels: { matching: { email: false } } });
    const [centre] = await queryRows<{ categories: number; unread: number; read: number }>(
      t.ctx.db,
      sql`select count(distinct n.category)::int as categories,
                 count(*) filter (where n.read_at is null)::int as unread,
                 count(*) filter (where n.read_at is not null)::int as read
            from notifications n join users u on u.id = n.user_id where u.email = 'sup@example.com'`,
    );
    expect(centre?.categories).toBeGreaterThanOrEqual(5);
    expect(centre?.unread).toBeGreaterThanOrEqual(3);
    expect(centre?.read).toBeGreaterThanOrEqual(3);

    // 收藏与询价 demo: gc@'s favourites of every kind; one inquiry to compare, one awaiting quotes, one accepted
    const [inquiries] = await queryRows<{ kinds: string[]; statuses: string[]; engagements: string[]; orders: number }>(
      t.ctx.db,
      sql`select (select array_agg(distinct kind order by kind) from favourites) as kinds,
                 (select array_agg(status order by created_at) from inquiries) as statuses,
                 (select array_agg(distinct status order by status) from inquiry_engagements) as engagements,
                 (select count(*) from inquiry_orders)::int as orders`,
    );
    expect(inquiries).toEqual({
      kinds: ['listing', 'merchant', 'project'],
      statuses: ['accepted', 'open', 'open'],
      engagements: ['accepted', 'declined', 'lost', 'quoted', 'sent', 'viewed'],
      orders: 1,
    });
    // 实验 demo: running (SRM ok, a positive lift with its interval), stopped and draft experiments on the demand form
    const [experiments] = await queryRows<{ statuses: string[] }>(
      t.ctx.db,
      sql`select array_agg(status order by status) as statuses from experiments`,
    );
    expect(experiments?.statuses).toEqual(['draft', 'running', 'stopped']);
    const live = (await listExperiments(t.ctx)).find((e) => e.status === 'running');
    const results = await experimentResults(t.ctx, live?.id ?? '');
    expect(results.srm.mismatch).toBe(false);
    expect(results.metrics[0]?.comparisons[0]?.lift).toBeGreaterThan(0);
    expect(results.metrics[0]?.comparisons[0]?.interval).not.toBeNull();
    // 承诺看板 demo: figures and trends with breaches — late reviews and late signings among on-time ones, the
    // contract still waiting for gc3@ past its deadline, and rows whose data the platform does not keep saying so
    const promises = await staffBoard(t.ctx, platformSources(t.ctx));
    const promise = (key: string) => promises.rows.find((r) => r.key === key);
    expect(promise('demand_review')).toMatchObject({ status: 'missed' });
    expect(promise('demand_review')?.breaches).toBeGreaterThanOrEqual(5);
    expect(promise('demand_review')?.figure).toBeGreaterThan(0.5);
    expect(promise('signing')).toMatchObject({ status: 'missed', breaches: 3 });
    expect(promise('demand_review')?.months.filter((m) => m.cases > 0).length).toBeGreaterThanOrEqual(5);
    expect(promises.breaches.map((b) => b.label)).toEqual(
      expect.arrayContaining([LATE_REVIEW_TITLE, `${LATE_SIGNING_TITLE}（第 1 版）`]),
    );
    expect(promises.breaches.find((b) => b.label.startsWith(LATE_SIGNING_TITLE))?.endedAt).toBeNull();
    expect(promise('availability')).toMatchObject({ status: 'no_data', figure: null });
    expect(promise('slow_alert')).toMatchObject({ status: 'kept', figure: 3 });
    // 消息 demo: a contract conversation whose messages are in the evidence log, and a demand conversation
    const [chat] = await queryRows<{ kinds: string[]; evidence: number }>(
      t.ctx.db,
      sql`select (select array_agg(distinct kind order by kind) from chat_conversations) as kinds,
                 (select count(*) from evidence_entries where kind = 'chat.message')::int as evidence`,
    );
    expect(chat).toEqual({ kinds: ['contract', 'demand'], evidence: 4 });

    // 工程e贷 demo: fin@ signs in with its fixed TOTP; applications in every state; sub@ has a settled, unpaid
    // statement to finance
    const finLogin = logins?.find((l) => l.identifier === 'fin@example.com');
    expect(finLogin?.totpSecret).toBe('MZUW4LTMMVXGIZLSGEZDGNBVGY3TQOJQ');
    const [finance] = await queryRows<{ statuses: string[]; products: number }>(
      t.ctx.db,
      sql`select (select array_agg(distinct status order by status) from finance_applications) as statuses,
                 (select count(*)::int from finance_products) as products`,
    );
    expect(finance).toEqual({ statuses: ['disbursed', 'overdue', 'rejected', 'repaid', 'submitted'], products: 3 });
    const sub = new TestClient(t.app);
    const subLogin = await sub.post('/api/auth/login', { identifier: 'sub@example.com', password: DEMO_PASSWORD });
    const borrower = (await sub.get(`/api/orgs/${subLogin.json().me.activeOrgId}/finance/borrower`)).json();
    expect(borrower.assets).toContainEqual(
      expect.objectContaining({ kind: 'receivable', settled: true, financed: false, baseFen: 40_000_000 }),
    );

    // 履约保证险 demo: fin@'s two products; sub2@'s policy stands in for its bond and gc2@'s claim awaits fin@;
    // sub@ owes a bond and is offered the products
    const [insurance] = await queryRows<{ products: number; claims: string[]; contract: string }>(
      t.ctx.db,
      sql`select (select count(*)::int from insurance_products) as products,
                 (select array_agg(status) from insurance_claims) as claims,
                 (select contract_id from insurance_policies where status = 'active') as contract`,
    );
    expect(insurance).toMatchObject({ products: 2, claims: ['submitted'] });
    expect(await escrowStatus(t.ctx, insurance?.contract as string)).toMatchObject({
      bondSatisfied: true,
      bondPostedFen: 0,
    });
    // bidder1@ (with its authenticator) owes a bond on tender-gc@'s subcontract and is offered the products
    const bidder = new TestClient(t.app);
    await bidder.post('/api/auth/login', { identifier: 'bidder1@example.com', password: DEMO_PASSWORD });
    const me = (
      await bidder.post('/api/auth/login/totp', { code: await nextTotp('MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U') })
    ).json();
    const [bidderBond] = await queryRows<{ contract_id: string }>(
      t.ctx.db,
      sql`select contract_id from escrow_contracts where payee_org_id = ${me.activeOrgId} and bond_pct is not null`,
    );
    const offers = (await bidder.get(`/api/orgs/${me.activeOrgId}/insurance/bonds/${bidderBond?.contract_id}`)).json();
    expect(offers).toMatchObject({ bondDue: true, bondRequiredFen: 50_000_00 });
    expect(offers.offers.filter((o: { eligible: boolean }) => o.eligible)).toHaveLength(1);
    expect(offers.walletFen).toBeGreaterThan(750_00);

    // 工作台: every demo role opens a home with to-dos from the data above; the buyers are verified (已认证)
    const todos: Record<string, string[]> = {};
    for (const [email, role] of [
      ['gc@example.com', 'GC'],
      ['sub@example.com', 'SUB'],
      ['sup@example.com', 'SUP'],
      ['fin@example.com', 'FIN'],
    ] as const) {
      const user = new TestClient(t.app);
      const login = (await user.post('/api/auth/login', { identifier: email, password: DEMO_PASSWORD })).json();
      // fin@ has an authenticator (the 工程e贷 approvals ask for step-up): its log-in finishes with a code
      const me = login.me ?? (await user.post('/api/auth/login/totp', { code: await nextTotp(DEMO_FIN_TOTP) })).json();
      const home = await user.get(`/api/orgs/${me.activeOrgId}/workspace?role=${role}`);
      expect(home.statusCode).toBe(200);
      todos[role] = [...new Set((home.json().todos as { kind: string }[]).map((x) => x.kind))].sort();
    }
    expect(todos.GC).toEqual(expect.arrayContaining(['bids_to_open', 'log_review', 'payment_due', 'warning']));
    expect(todos.GC).not.toContain('verification_missing');
    expect(todos.SUB?.length).toBeGreaterThan(0);
    expect(todos.SUP?.length).toBeGreaterThan(0);
    expect(todos.FIN).toContain('verification_missing');
    // gc2@'s claim on sub2@'s policy waits for fin@
    expect(todos.FIN).toContain('claim_to_decide');
    console.info('demo home to-dos', JSON.stringify(todos));

    // the demo supervisor is verified, so a GC inviting a supervisor finds it by name
    const supervisors = (await gc.get(`/api/org-directory/supervisors?q=${encodeURIComponent('京诚')}`)).json();
    expect(supervisors).toMatchObject({ items: [{ name: '北京京诚工程监理有限公司' }] });

    // 自动化营销: the three templates with members in every state, sends sent and withheld, open and done tasks
    const journeys = (await listJourneys(t.ctx)).items;
    expect(journeys.map((j) => [j.templateKey, j.status]).sort()).toEqual([
      ['lead_follow_up_24h', 'active'],
      ['merchant_welcome', 'paused'],
      ['recall_silent_30d', 'active'],
    ]);
    const leads = await journeyDetail(t.ctx, journeys.find((j) => j.templateKey === 'lead_follow_up_24h')?.id ?? '');
    expect(new Set(leads.enrolments.map((e) => e.status))).toEqual(new Set(['active', 'completed', 'exited']));
    expect(new Set(leads.sends.map((s) => s.outcome))).toEqual(new Set(['sent', 'unsubscribed']));
    expect((await listTasks(t.ctx)).items.map((x) => x.status).sort()).toEqual(['done', 'open', 'open']);
    expect(journeys.every((j) => j.sends > 0)).toBe(true);

    // 运营中心: bd@ signs in with 2FA; leads in every state, progress against this month's 30, assignments open and
    // closed by the first signed contract, last month's experience report
    const bd = new TestClient(t.app);
    await bd.post('/api/auth/login', { identifier: 'bd@example.com', password: DEMO_PASSWORD });
    expect((await bd.post('/api/auth/login/totp', { code: await nextTotp(DEMO_OPS_TOTP.bd) })).statusCode).toBe(200);
    const opsLeads = (await bd.get('/api/staff/operations/leads')).json().items as { state: string }[];
    expect(new Set(opsLeads.map((l) => l.state))).toEqual(
      new Set(['new', 'visited', 'intent', 'registered', 'won', 'lost']),
    );
    const [progress] = (await bd.get('/api/staff/operations/targets')).json().items;
    expect(progress).toMatchObject({ target: 30, registered: 2, firstDeals: 1 });
    const manager = new TestClient(t.app);
    await manager.post('/api/auth/login', { identifier: 'ops.east@example.com', password: DEMO_PASSWORD });
    await manager.post('/api/auth/login/totp', { code: await nextTotp(DEMO_OPS_TOTP.east) });
    const assigned = (await manager.get('/api/staff/operations/assignments')).json().items as { status: string }[];
    expect(assigned.map((a) => a.status).sort()).toEqual(['closed', 'open']);
    const reports = (await manager.get('/api/staff/operations/reports')).json().items;
    expect(reports).toHaveLength(1);
    expect((await manager.get(`/api/staff/operations/reports/${reports[0].month}/pdf`)).statusCode).toBe(200);

    const log = await verifyLog(t.ctx);
    expect(log.ok).toBe(true);
    expect(log.checkpoints).toBeGreaterThanOrEqual(2);
    expect(log.entries).toBeGreaterThanOrEqual(4);
  }, 240_000); // every seeder through the real use cases: about 50 s alone, several times that on a loaded machine
});

/*
 * The demo's evidence, checked the way a court would: only public routes (entry, proof, checkpoint, keys), the
 * documents themselves, and the standalone verifier package (which imports nothing of the server). Then the
 * offline bundle of a signed contract, checked by the `zhuhe-verify` command after the server is shut down.
 */
const CLI = join(import.meta.dirname, '../../../../packages/verify/bin/zhuhe-verify.mjs');
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

const flip = (bytes: Uint8Array, at: number) => {
  const copy = new Uint8Array(bytes);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

/** The byte at `at` replaced by another base64 letter ('A', or 'B' where it was 'A'), so the text still parses. */
const otherLetter = (bytes: Uint8Array, at: number) => {
  const copy = new Uint8Array(bytes);
  copy[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
  return copy;
};

describe('demo evidence, checked without trusting the server', () => {
  beforeAll(async () => {
    await seedDemoIfEmpty(t.ctx, t.app.modules); // seeded by the test above; this alone when run by itself
  }, 240_000);
  let dir: string;
  let contractPdf: Uint8Array;
  let bundleZip: Uint8Array;

  it('rebuilds every demo leaf from its public entry (and its file) and proves it into the signed, witnessed checkpoint', async () => {
    const anyone = new TestClient(t.app);
    const keys = (await anyone.get('/api/evidence/public-key')).json();
    const checkpoint = (await anyone.get('/api/evidence/checkpoints/latest')).json();
    expect(checkpoint.note).toBeTruthy();
    let withFile = 0;
    for (let index = 0; index < checkpoint.treeSize; index++) {
      const proof = (
        await anyone.get(`/api/evidence/proofs/inclusion?index=${index}&treeSize=${checkpoint.treeSize}`)
      ).json();
      const entry = proof.entry as PublicEntry;
      expect(entry.leafVersion, `entry ${index}`).toBe(2);
      const file = (await t.ctx.blobs.has(entry.sha256))
        ? new Uint8Array(await t.ctx.blobs.get(entry.sha256))
        : undefined;
      if (file) withFile += 1;
      const result = verifyEvidence({
        ...(file ? { file } : {}),
        entry,
        proof: { index, treeSize: proof.treeSize, auditPath: proof.auditPath },
        checkpoint: checkpoint.note,
        logKey: keys.verifierKey,
        witnessKeys: keys.witnessKeys,
      });
      expect(result.failed, `entry ${index} (${entry.kind})`).toBeUndefined();
      expect(result.steps.find((s) => s.id === 'leaf')?.ok, `entry ${index}`).toBe(true);
      expect(result.steps.filter((s) => s.id === 'witness').map((s) => s.ok)).toEqual([true]);
    }
    // the whole log is covered at start: no entry waits for the hourly job
    const entriesAfter = await anyone.get(`/api/evidence/entries/${checkpoint.treeSize}`);
    expect(entriesAfter.statusCode).toBe(404);
    expect(checkpoint.treeSize).toBeGreaterThan(40);
    expect(withFile).toBeGreaterThan(5);

    // a signed contract's PDF and its bundle, for the offline check below
    const signed = [] as PublicEntry[];
    for (let index = 0; index < checkpoint.treeSize; index++) {
      const entry = (await anyone.get(`/api/evidence/entries/${index}`)).json() as PublicEntry;
      if (entry.kind === 'contract.signed') signed.push(entry);
    }
    const entry = signed[0] as PublicEntry;
    contractPdf = new Uint8Array(await t.ctx.blobs.get(entry.sha256));
    expect(Buffer.from(contractPdf.slice(0, 5)).toString()).toBe('%PDF-');
    const bundle = await anyone.get(`/api/evidence/entries/${entry.index}/bundle`);
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('application/zip');
    bundleZip = new Uint8Array(bundle.rawPayload);
    const contents = bundleFromZip(bundleZip);
    expect(contents.sealCaPem).toContain('BEGIN CERTIFICATE');
    expect(contents.sealCaSha256).toBe(keys.sealCaSha256);
  }, 240_000);

  it('verifies the offline bundle of a demo contract with the CLI, with no server running, and names the failing step', async () => {
    await t.close();
    open = false;
    dir = await mkdtemp(join(tmpdir(), 'zhuhe-evidence-'));
    const pdf = join(dir, 'contract.pdf');
    const zip = join(dir, 'bundle.zip');
    await writeFile(pdf, contractPdf);
    await writeFile(zip, bundleZip);

    const ok = await cli([pdf, '--bundle', zip]);
    expect(ok.out).toContain('VERIFIED');
    expect(ok.code).toBe(0);

    // one flipped byte in the PDF
    await writeFile(join(dir, 'tampered.pdf'), flip(contractPdf, Math.floor(contractPdf.length / 2)));
    const badPdf = await cli([join(dir, 'tampered.pdf'), '--bundle', zip]);
    expect(badPdf.code).toBe(1);
    expect(badPdf.out).toContain('NOT VERIFIED: step "file" failed');

    // the separate-file form: checkpoint note, proof (with its entry), keys on the command line
    const b = bundleFromZip(bundleZip);
    const checkpointFile = join(dir, 'checkpoint.txt');
    const proofFile = join(dir, 'proof.json');
    await writeFile(checkpointFile, b.checkpoint);
    await writeFile(proofFile, JSON.stringify({ entry: b.entry, ...b.proof }));
    const keys = ['--log-key', b.logKey, ...b.witnessKeys.flatMap((k) => ['--witness-key', k])];
    const separate = await cli([pdf, '--checkpoint', checkpointFile, '--proof', proofFile, ...keys]);
    expect(separate.code).toBe(0);

    // one flipped byte in the proof (a hex digit of the first audit-path hash)
    const proofText = await readFile(proofFile, 'utf8');
    const at = proofText.indexOf('"auditPath":["') + '"auditPath":["'.length;
    const tamperedProof = `${proofText.slice(0, at)}${proofText[at] === '0' ? '1' : '0'}${proofText.slice(at + 1)}`;
    await writeFile(join(dir, 'proof-tampered.json'), tamperedProof);
    const badProof = await cli([
      pdf,
      '--checkpoint',
      checkpointFile,
      '--proof',
      join(dir, 'proof-tampered.json'),
      ...keys,
    ]);
    expect(badProof.code).toBe(1);
    expect(badProof.out).toContain('NOT VERIFIED: step "inclusion" failed');

    // one changed byte in the checkpoint: in the log's signature, then in the root hash
    const note = new TextEncoder().encode(b.checkpoint);
    const sigLine = b.checkpoint.indexOf('\u2014 zhuhe.cn/evidence ');
    const sigAt =
      new TextEncoder().encode(b.checkpoint.slice(0, sigLine)).length + '\u2014 zhuhe.cn/evidence '.length + 8;
    // another base64 letter, not a flipped bit: a flip can leave the alphabet ('a' → '`'), and the note then fails
    // to parse instead of failing its signature check
    await writeFile(join(dir, 'checkpoint-sig.txt'), otherLetter(note, sigAt));
    const badSig = await cli([pdf, '--checkpoint', join(dir, 'checkpoint-sig.txt'), '--proof', proofFile, ...keys]);
    expect(badSig.code).toBe(1);
    expect(badSig.out).toContain('NOT VERIFIED: step "checkpoint" failed');

    const rootAt = b.checkpoint.indexOf('\n', b.checkpoint.indexOf('\n') + 1) + 3;
    await writeFile(join(dir, 'checkpoint-root.txt'), otherLetter(note, rootAt));
    const badRoot = await cli([pdf, '--checkpoint', join(dir, 'checkpoint-root.txt'), '--proof', proofFile, ...keys]);
    expect(badRoot.code).toBe(1);
    expect(badRoot.out).toMatch(/NOT VERIFIED: step "(inclusion|checkpoint)" failed/);
    expect(badRoot.out).toContain('FAIL 4 checkpoint signature');
  }, 120_000);
});
