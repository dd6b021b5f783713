import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { createTestContext, type TestContext } from '../../test/test-context';
import {
  computeAttribution,
  computeChannelEconomics,
  computeCohorts,
  computeFunnel,
  computeRfm,
  orgLifecycle,
} from './analytics.analyses';
import { channelOf, collect, isBot } from './analytics.collection';
import { addChannelCost, recordProductEvent } from './analytics.service';

/**
 * A small, hand-checked world in March 2024 (Shanghai time):
 * - visitor a (→ user UA) touches baidu/spring 02-20, referral abc 02-25, wechat 03-01 09:00; views a page
 *   03-01 10:00; registers 03-01 11:00; creates OA 03-02; joins OB (created 02-10 by UX) 03-02; submits a demand
 *   for OA 03-05; views a page 03-12 (signed in, no active organisation);
 * - visitor b (→ user UB) views a page 03-03 10:00, registers 03-03 10:30 and creates OC 03-10 10:00:01 — one
 *   second outside a 7-day window;
 * - visitor c views a page 03-04 11:00 before consenting at 12:00: never stored.
 */
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => at(local).toISOString();
const consent = { granted: true, at: iso('2024-01-01T00:00:00') };

let t: TestContext;
const UA = newId();
const UB = newId();
const UX = newId();
const OA = newId();
const OB = newId();
const OC = newId();

function actor(userId: string, activeOrgId: string | null = null): Actor {
  return {
    userId,
    sessionId: newId(),
    csrfToken: 'x',
    mfa: false,
    pendingMfa: false,
    stepUpAt: null,
    activeOrgId,
    activeRole: null,
    staffRoles: [],
    memberships: [],
  };
}

async function web(who: Actor | null, anonymousId: string, name: string, local: string, properties = {}) {
  return collect(t.ctx, who, { anonymousId, consent, events: [{ name, occurredAt: iso(local), properties }] }, CHROME);
}

async function server(name: string, local: string, userId: string | null, orgId: string | null, properties = {}) {
  await recordProductEvent(t.ctx, { name, userId, orgId, properties, occurredAt: at(local) });
}

beforeAll(async () => {
  t = await createTestContext();
  await server('organisation.created', '2024-02-10T09:00:00', UX, OB, { businessRoles: ['GC'], regionCode: '310101' });
  await web(null, 'anon-aaaa', 'visit.touched', '2024-02-20T09:00:00', { utm_source: 'Baidu', utm_campaign: 'spring' });
  await web(null, 'anon-aaaa', 'visit.touched', '2024-02-25T09:00:00', { ref: 'abc' });
  await web(null, 'anon-aaaa', 'visit.touched', '2024-03-01T09:00:00', { utm_source: 'wechat' });
  await web(null, 'anon-aaaa', 'page.viewed', '2024-03-01T10:00:00', { path: '/' });
  await server('user.registered', '2024-03-01T11:00:00', UA, null);
  // the first signed-in batch links the visitor to the user
  await web(actor(UA), 'anon-aaaa', 'page.viewed', '2024-03-01T11:00:05', { path: '/orgs/new' });
  await server('organisation.created', '2024-03-02T09:00:00', UA, OA, { businessRoles: ['SUP'], regionCode: '440305' });
  await server('invitation.accepted', '2024-03-02T10:00:00', UA, OB);
  await web(null, 'anon-aaaa', 'visit.touched', '2024-03-02T12:00:00', { utm_source: 'douyin' });
  await server('demand.submitted', '2024-03-05T09:00:00', UA, OA);
  await web(actor(UA), 'anon-aaaa', 'page.viewed', '2024-03-12T09:00:00', { path: '/demands' });

  await web(null, 'anon-bbbb', 'page.viewed', '2024-03-03T10:00:00', { path: '/' });
  await server('user.registered', '2024-03-03T10:30:00', UB, null);
  await web(actor(UB), 'anon-bbbb', 'page.viewed', '2024-03-03T10:31:00', { path: '/orgs/new' });
  await server('organisation.created', '2024-03-10T10:00:01', UB, OC, { businessRoles: ['GC'], regionCode: '440305' });
});
afterAll(async () => {
  await t.close();
});

describe('collection', () => {
  it('stores nothing before consent, nothing without it and nothing from bots', async () => {
    const before = await collect(
      t.ctx,
      null,
      {
        anonymousId: 'anon-cccc',
        consent: { granted: true, at: iso('2024-03-04T12:00:00') },
        events: [{ name: 'page.viewed', occurredAt: iso('2024-03-04T11:00:00'), properties: {} }],
      },
      CHROME,
    );
    expect(before).toEqual({ accepted: 0, dropped: 1, reason: 'ok' });
    const refused = await collect(
      t.ctx,
      null,
      {
        anonymousId: 'anon-cccc',
        consent: null,
        events: [{ name: 'page.viewed', occurredAt: iso('2024-03-04T13:00:00'), properties: {} }],
      },
      CHROME,
    );
    expect(refused.reason).toBe('no_consent');
    const bot = await web(null, 'anon-dddd', 'page.viewed', '2024-03-04T13:00:00');
    expect(bot.accepted).toBe(1);
    expect(isBot('Mozilla/5.0 (compatible; Baiduspider/2.0)')).toBe(true);
    expect(isBot('Googlebot/2.1 (+http://www.google.com/bot.html)')).toBe(true);
    expect(isBot(undefined)).toBe(true);
    expect(isBot(CHROME)).toBe(false);
  });

  it('refuses business events from the browser', async () => {
    const forged = await web(null, 'anon-eeee', 'contract.signed', '2024-03-04T13:00:00');
    expect(forged).toEqual({ accepted: 0, dropped: 1, reason: 'ok' });
  });

  it('names the channel: offline event, partner, referral, UTM source, else direct', () => {
    expect(channelOf({ event: 'EXPO2024-B12', utm_source: 'baidu' })).toEqual({
      channel: 'offline',
      campaign: 'expo2024-b12',
    });
    expect(channelOf({ partner: 'CSCEC' })).toEqual({ channel: 'partner', campaign: 'cscec' });
    expect(channelOf({ ref: 'abc' })).toEqual({ channel: 'referral', campaign: 'abc' });
    expect(channelOf({ utm_source: 'Baidu', utm_campaign: 'Spring' })).toEqual({
      channel: 'baidu',
      campaign: 'spring',
    });
    expect(channelOf({})).toEqual({ channel: 'direct', campaign: '' });
  });
});

describe('funnel', () => {
  const march = { from: '2024-03-01', to: '2024-03-31' };

  it('counts people through the steps within the window; a step one second late does not count', async () => {
    const result = await computeFunnel(t.ctx, {
      ...march,
      steps: ['page.viewed', 'user.registered', 'organisation.created', 'demand.submitted'],
      entity: 'user',
      windowDays: 7,
      breakdown: 'none',
    });
    // a, b and the consenting visitor d enter; c's view came before consent
    expect(result.groups).toEqual([{ key: 'all', counts: [3, 2, 1, 1] }]);
    const wider = await computeFunnel(t.ctx, {
      ...march,
      steps: ['page.viewed', 'user.registered', 'organisation.created'],
      entity: 'user',
      windowDays: 8,
      breakdown: 'none',
    });
    expect(wider.groups[0]?.counts).toEqual([3, 2, 2]);
  });

  it('breaks down by first-touch channel', async () => {
    const result = await computeFunnel(t.ctx, {
      ...march,
      steps: ['page.viewed', 'user.registered', 'organisation.created'],
      entity: 'user',
      windowDays: 7,
      breakdown: 'channel',
    });
    expect(result.groups).toEqual([
      { key: 'direct', counts: [2, 1, 0] },
      { key: 'baidu', counts: [1, 1, 1] },
    ]);
  });

  it('counts a user in two organisations for both, and breaks down by region', async () => {
    const result = await computeFunnel(t.ctx, {
      ...march,
      steps: ['page.viewed', 'demand.submitted'],
      entity: 'org',
      windowDays: 30,
      breakdown: 'region',
    });
    // UA's views count for OA (Shenzhen) and OB (Shanghai); UB's for OC (Shenzhen); only OA submitted a demand
    expect(result.groups).toEqual([
      { key: '440000', counts: [2, 1] },
      { key: '310000', counts: [1, 0] },
    ]);
  });
});

describe('cohorts, RFM, attribution, channels, lifecycle', () => {
  it('builds weekly retention of registered people', async () => {
    const result = await computeCohorts(t.ctx, {
      entity: 'user',
      period: 'week',
      periods: 4,
      from: '2024-02-26',
      to: '2024-03-31',
    });
    // both registered in the week of Monday 02-26; both active the week after; only UA two weeks after
    expect(result.rows).toEqual([{ cohort: '2024-02-26', size: 2, retained: [2, 2, 1, 0] }]);
  });

  it('attributes a registration first-touch, last-touch and position-based', async () => {
    const result = await computeAttribution(t.ctx, {
      conversion: 'registration',
      from: '2024-03-01',
      to: '2024-03-31',
    });
    const row = (channel: string) => result.rows.find((r) => r.channel === channel);
    expect(row('baidu')).toMatchObject({ campaign: 'spring', firstTouch: 1, lastTouch: 0, positionBased: 0.4 });
    expect(row('referral')).toMatchObject({ campaign: 'abc', firstTouch: 0, lastTouch: 0, positionBased: 0.2 });
    expect(row('wechat')).toMatchObject({ firstTouch: 0, lastTouch: 1, positionBased: 0.4 });
    // UB came without a touch; the douyin touch came after UA registered
    expect(row('direct')).toMatchObject({ firstTouch: 1, lastTouch: 1, positionBased: 1 });
    expect(row('douyin')).toBeUndefined();
  });

  it('computes CAC, revenue, ROI and LTV/CAC per channel with prorated costs', async () => {
    await addChannelCost(t.ctx, UX, {
      channel: 'baidu',
      periodStart: '2024-03-01',
      periodEnd: '2024-03-31',
      amountFen: 10_000,
    });
    await addChannelCost(t.ctx, UX, {
      channel: 'wechat',
      periodStart: '2024-02-16',
      periodEnd: '2024-03-16',
      amountFen: 3_000,
    });
    await server('deal.closed', '2024-03-20T09:00:00', null, OA, { role: 'buyer', amountFen: 1_000_000 });
    const { items } = await computeChannelEconomics(t.ctx, { from: '2024-03-01', to: '2024-03-31' });
    expect(items.find((i) => i.channel === 'baidu')).toEqual({
      channel: 'baidu',
      costFen: 10_000,
      newOrgs: 1,
      cacFen: 10_000,
      revenueFen: 10_000,
      roi: 0,
      ltvFen: 10_000,
      ltvToCac: 1,
    });
    // 16 of its 30 days fall in March
    expect(items.find((i) => i.channel === 'wechat')).toMatchObject({ costFen: 1_600, newOrgs: 0, cacFen: null });
    expect(items.find((i) => i.channel === 'direct')).toMatchObject({ costFen: 0, newOrgs: 1 });
  });

  it('segments organisations by RFM quintiles', async () => {
    const orgs = Array.from({ length: 5 }, () => newId());
    const deals: [number, string, number][] = [
      [0, '2022-12-31T09:00:00', 5],
      [1, '2022-12-29T09:00:00', 1],
      [2, '2022-12-22T09:00:00', 3],
      [3, '2022-11-02T09:00:00', 4],
      [4, '2022-06-15T09:00:00', 2],
    ];
    for (const [i, last, count] of deals)
      for (let n = 0; n < count; n++) await server('deal.closed', last, null, orgs[i] ?? null, { amountFen: 100 });
    const result = await computeRfm(t.ctx, '2022-12-31');
    const segment = (i: number) => result.orgs.find((o) => o.orgId === orgs[i])?.segment;
    expect([0, 1, 2, 3, 4].map(segment)).toEqual(['champion', 'new', 'loyal', 'at_risk', 'lost']);
    expect(result.orgs.find((o) => o.orgId === orgs[0])).toMatchObject({
      recencyDays: 0,
      frequency: 5,
      monetaryFen: 500,
    });
  });

  it('moves an organisation through 拉新→激活→留存→转化 with its history', async () => {
    const acquired = await orgLifecycle(t.ctx, OC);
    expect(acquired.stage).toBe('acquired');
    const oa = await orgLifecycle(t.ctx, OA);
    // demand in the week of 03-04, no key action in a later week, a deal on 03-20
    expect(oa.stage).toBe('converted');
    expect(oa.history.map((h) => h.stage)).toEqual(['acquired', 'activated', 'converted']);
  });
});
