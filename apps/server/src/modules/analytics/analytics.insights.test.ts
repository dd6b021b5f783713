import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../infra/clock';
import { queryRows } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createDemandsDirect } from '../demands';
import { ALERT_RULES } from './analytics.alerts';
import { lifecycleFlows } from './analytics.flows';
import { cohortLtv } from './analytics.ltv';
import { groupRegions } from './analytics.market';
import { recordProductEvent } from './analytics.service';

/**
 * Small hand-checked worlds (Shanghai time), apart in time so that one does not reach into another:
 * - March 2024, lifecycle flows: O1 created 02-01, activated 02-05, retained 03-10, deals 03-20 and 03-25;
 *   O2 created 03-05 and nothing more; O3 created 01-10, activated 01-15; O5 created 02-20, a deal 02-25;
 *   O4 created 04-05, after the period.
 * - June 2024, LTV per cohort: L1 created Mon 06-03 with deals ¥10,000 (06-05) and ¥20,000 (06-12); L2 created
 *   06-04 with a deal ¥30,000 (06-20); L3 created Mon 06-10 with a deal ¥5,000 (06-11). Take rate 1 %.
 * - September 2024, merchant alerts, checked 09-30 12:00.
 * - May 2024, demand heat and keywords.
 */
const at = (local: string) => new Date(`${local}+08:00`);
let t: TestContext;

async function event(name: string, local: string, orgId: string, properties: Record<string, unknown> = {}) {
  await recordProductEvent(t.ctx, { name, orgId, properties, occurredAt: at(local) });
}

const O1 = newId();
const O2 = newId();
const O3 = newId();
const O4 = newId();
const O5 = newId();
const L1 = newId();
const L2 = newId();
const L3 = newId();

beforeAll(async () => {
  t = await createTestContext();
  await event('organisation.created', '2024-02-01T09:00:00', O1);
  await event('demand.submitted', '2024-02-05T09:00:00', O1);
  await event('inquiry.sent', '2024-03-10T09:00:00', O1);
  await event('deal.closed', '2024-03-20T09:00:00', O1, { role: 'buyer', amountFen: 1 });
  await event('deal.closed', '2024-03-25T09:00:00', O1, { role: 'buyer', amountFen: 1 });
  await event('organisation.created', '2024-03-05T09:00:00', O2);
  await event('organisation.created', '2024-01-10T09:00:00', O3);
  await event('demand.submitted', '2024-01-15T09:00:00', O3);
  await event('organisation.created', '2024-04-05T09:00:00', O4);
  await event('organisation.created', '2024-02-20T09:00:00', O5);
  await event('deal.closed', '2024-02-25T09:00:00', O5, { role: 'buyer', amountFen: 1 });

  await event('organisation.created', '2024-06-03T10:00:00', L1);
  await event('deal.closed', '2024-06-05T10:00:00', L1, { role: 'buyer', amountFen: 1_000_000 });
  await event('deal.closed', '2024-06-12T10:00:00', L1, { role: 'buyer', amountFen: 2_000_000 });
  await event('organisation.created', '2024-06-04T10:00:00', L2);
  await event('deal.closed', '2024-06-20T10:00:00', L2, { role: 'supplier', amountFen: 3_000_000 });
  await event('organisation.created', '2024-06-10T10:00:00', L3);
  await event('deal.closed', '2024-06-11T10:00:00', L3, { role: 'buyer', amountFen: 500_000 });
});
afterAll(async () => {
  await t.close();
});

describe('lifecycle flows', () => {
  it('counts organisations by their stage at the start and at the end of the period', async () => {
    const flows = await lifecycleFlows(t.ctx, { from: '2024-03-01', to: '2024-03-31', view: 'lifecycle' });
    expect(flows.flows).toEqual([
      { from: 'none', to: 'acquired', orgs: 1 },
      { from: 'activated', to: 'activated', orgs: 1 },
      { from: 'activated', to: 'converted', orgs: 1 },
      { from: 'converted', to: 'converted', orgs: 1 },
    ]);
  });

  it('gives the marketing view: interest once created, purchase at the first deal, loyalty at the second', async () => {
    const flows = await lifecycleFlows(t.ctx, { from: '2024-03-01', to: '2024-03-31', view: 'marketing' });
    expect(flows.flows).toEqual([
      { from: 'awareness', to: 'interest', orgs: 1 },
      { from: 'consideration', to: 'consideration', orgs: 1 },
      { from: 'consideration', to: 'loyalty', orgs: 1 },
      { from: 'purchase', to: 'purchase', orgs: 1 },
    ]);
  });
});

describe('LTV per cohort', () => {
  it('sums the estimated revenue per organisation of each weekly cohort, cumulative by period', async () => {
    const ltv = await cohortLtv(t.ctx, { period: 'week', periods: 4, from: '2024-06-03', to: '2024-06-16' });
    expect(ltv.rows).toEqual([
      // ¥10,000 → 1 % = 10,000 fen over 2 organisations; then + ¥20,000, + ¥30,000
      { cohort: '2024-06-03', size: 2, ltvFen: [5_000, 15_000, 30_000, 30_000] },
      { cohort: '2024-06-10', size: 1, ltvFen: [5_000, 5_000, 5_000, 5_000] },
    ]);
  });

  it('leaves the periods not yet begun empty and counts the current one so far', async () => {
    const clock: Clock = { ...t.ctx.clock, now: () => at('2024-06-12T12:00:00') };
    const ltv = await cohortLtv(
      { ...t.ctx, clock },
      { period: 'week', periods: 3, from: '2024-06-03', to: '2024-06-09' },
    );
    expect(ltv.rows).toEqual([{ cohort: '2024-06-03', size: 2, ltvFen: [5_000, 15_000, null] }]);
  });

  it('groups by month', async () => {
    const ltv = await cohortLtv(t.ctx, { period: 'month', periods: 2, from: '2024-06-01', to: '2024-06-30' });
    expect(ltv.rows).toEqual([{ cohort: '2024-06-01', size: 3, ltvFen: [21_667, 21_667] }]);
  });
});

describe('merchant alerts', () => {
  const M1 = newId();
  const M2 = newId();
  const M3 = newId();
  const M4 = newId();
  const asOf = at('2024-09-30T12:00:00');

  async function times(n: number, name: string, start: string, orgId: string | null, props = {}) {
    for (let i = 0; i < n; i++)
      await recordProductEvent(t.ctx, {
        name,
        orgId,
        properties: props,
        occurredAt: new Date(at(start).getTime() + i * 3_600_000),
      });
  }

  beforeAll(async () => {
    // M1: 40 views in the four weeks before (10 a week), 4 in the last 7 days → 40 % of its average
    await times(40, 'listing.viewed', '2024-09-05T09:00:00', null, { merchantOrgId: M1 });
    await times(4, 'listing.viewed', '2024-09-25T09:00:00', null, { merchantOrgId: M1 });
    // inquiries of 2 a week: under the baseline, no alert although none came this week
    await times(8, 'inquiry.received', '2024-09-05T09:00:00', M1);
    // M2: 20 views before (5 a week) and 3 now: 60 %, no alert
    await times(20, 'merchant.viewed', '2024-09-05T09:00:00', null, { merchantOrgId: M2 });
    await times(3, 'merchant.viewed', '2024-09-26T09:00:00', null, { merchantOrgId: M2 });
    // M3: 10 deals won and 2 disputes filed against it (one through the disputes module's event) → 20 % > 10 %
    await times(10, 'deal.closed', '2024-08-01T09:00:00', M3, { role: 'supplier', amountFen: 100 });
    await times(1, 'complaint.received', '2024-09-01T09:00:00', M3);
    await t.ctx.db.transaction(async (tx) => {
      await t.ctx.events.publish(
        tx,
        'dispute.filed',
        {
          disputeId: newId(),
          contractId: newId(),
          claimantOrgId: newId(),
          respondentOrgId: M3,
          type: 'quality',
          amountInDisputeFen: null,
          filedAt: at('2024-09-10T09:00:00').toISOString(),
        },
        at('2024-09-10T09:00:00'),
      );
    });
    // M4: one complaint and no deals: under the minimum of two complaints
    await times(1, 'complaint.received', '2024-09-01T09:00:00', M4);
  });

  it('raises an activity drop and a complaint rate with their evidence, once a week, and tells the merchant', async () => {
    expect(await t.modules.analytics.api.checkMerchantAlerts(asOf)).toEqual({ raised: 2 });
    const alerts = await queryRows<{ org_id: string; rule: string; evidence: Record<string, number>; status: string }>(
      t.ctx.db,
      sql`select org_id::text, rule, evidence, status, week_start::text from analytics_merchant_alerts order by rule`,
    );
    expect(alerts).toEqual([
      {
        org_id: M3,
        rule: 'complaint_rate',
        status: 'open',
        week_start: '2024-09-30',
        evidence: { complaints: 2, deals: 10, rate: 0.2, threshold: ALERT_RULES.MAX_COMPLAINT_RATE, days: 90 },
      },
      {
        org_id: M1,
        rule: 'exposure_drop',
        status: 'open',
        week_start: '2024-09-30',
        evidence: { current: 4, average: 10, share: 0.4, threshold: 0.5 },
      },
    ]);
    // the same week again: nothing new
    expect(await t.modules.analytics.api.checkMerchantAlerts(new Date(asOf.getTime() + 3_600_000))).toEqual({
      raised: 0,
    });
    const told = await queryRows<{ org_id: string; title: string }>(
      t.ctx.db,
      sql`select org_id::text, title from notifications where kind = 'risk.merchant_alert' and org_id is not null
        order by title`,
    );
    expect(told).toEqual([
      { org_id: M3, title: '商家预警：投诉率超标' },
      { org_id: M1, title: '商家预警：曝光下降' },
    ]);
  });
});

describe('demand heat and keywords', () => {
  const Z = Array.from({ length: 5 }, () => newId());
  const S1 = newId();
  const G = [newId(), newId()];
  const published = at('2024-05-10T10:00:00');

  beforeAll(async () => {
    const demand = (orgId: string, regionCode: string) => ({
      orgId,
      orgName: '测试单位',
      createdBy: orgId,
      createdAt: published,
      approvedAt: published,
      reviewerId: orgId,
      type: 'subcontract' as const,
      title: '钢结构分包',
      projectName: '测试项目',
      category: '钢结构分包',
      items: [{ name: '钢结构制作安装', spec: 'Q355B', unit: '吨', quantity: 10 }],
      budgetFen: 1_000_000,
      qualificationKind: '钢结构工程专业承包',
      qualificationGrade: '二级' as const,
      regionCode,
      siteAddress: '测试地址',
      deadline: '2099-12-31',
      description: '',
      tags: [],
      feasibilityFileId: orgId,
      fundsProofFileId: orgId,
    });
    await createDemandsDirect(t.ctx, [
      ...Z.map((orgId) => demand(orgId, '330106')),
      demand(Z[0] as string, '330400'),
      demand(S1, '310101'),
      demand(S1, '310101'),
      ...G.map((orgId) => demand(orgId, '440305')),
    ]);
    const search = async (keyword: string, orgId: string | null, resultCount = 3) =>
      t.ctx.db.execute(sql`insert into search_keywords (id, keyword, kind, result_count, user_id, org_id, created_at)
        values (${newId()}, ${keyword}, 'demand', ${resultCount}, null, ${orgId}, ${published})`);
    for (const orgId of Z) await search('钢筋', orgId);
    for (let i = 0; i < 7; i++) await search('防水卷材', S1, 0);
    for (let i = 0; i < 3; i++) await search('塔吊租赁', null);
  });

  it('shows the growth team every province and keyword', async () => {
    const market = await t.modules.analytics.api.marketInsights(
      { from: '2024-05-01', to: '2024-05-31', level: 'province' },
      false,
    );
    expect(market.regions.map((r) => [r.regionCode, r.demands, r.orgs])).toEqual([
      ['330000', 6, 5],
      ['310000', 2, 1],
      ['440000', 2, 2],
    ]);
    expect(market.regions[0]?.regionName).toBe('浙江省');
    expect(market.keywords).toEqual([
      { keyword: '防水卷材', searches: 7, zeroResultSearches: 7, searchers: 1 },
      { keyword: '钢筋', searches: 5, zeroResultSearches: 0, searchers: 5 },
      { keyword: '塔吊租赁', searches: 3, zeroResultSearches: 0, searchers: 3 },
    ]);
    const cities = await t.modules.analytics.api.marketInsights(
      { from: '2024-05-01', to: '2024-05-31', level: 'city' },
      false,
    );
    expect(cities.regions.map((r) => [r.regionCode, r.demands, r.orgs])).toEqual([
      ['330100', 5, 5],
      ['310100', 2, 1],
      ['440300', 2, 2],
      ['330400', 1, 1],
    ]);
  });

  it('shows a merchant only groups of five firms or more, so no one firm can be read', async () => {
    const market = await t.modules.analytics.api.marketInsights(
      { from: '2024-05-01', to: '2024-05-31', level: 'province' },
      true,
    );
    // Shanghai (one firm) and Guangdong (two) are left out
    expect(market.regions.map((r) => [r.regionCode, r.demands, r.orgs])).toEqual([['330000', 6, 5]]);
    expect(market.keywords.map((k) => k.keyword)).toEqual(['钢筋']);
    expect(market.minGroup).toBe(5);
  });

  it('leaves small regions out rather than summing them, whose firms could be few', () => {
    const rows = [
      { regionCode: '110000', demands: 9, orgs: 6 },
      { regionCode: '120000', demands: 3, orgs: 3 },
      { regionCode: '130000', demands: 2, orgs: 2 },
    ];
    expect(groupRegions(rows, 5)).toEqual([{ regionCode: '110000', demands: 9, orgs: 6 }]);
  });
});
