import type { AppContext } from '../infra/context';
import { newId } from '../infra/ids';
import { mulberry32 } from '../infra/random';
import {
  addChannelCost,
  channelOf,
  evaluateKpis,
  linkVisitor,
  type ProductEventInput,
  recordProductEvents,
} from '../modules/analytics';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

const DAY = 86_400_000;

/** Where demo visitors come from: campaign parameters, share of visitors, chance to register. */
const CHANNELS: { params: Record<string, string>; share: number; registers: number }[] = [
  { params: { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'steel-2026' }, share: 0.3, registers: 0.12 },
  { params: { utm_source: 'wechat', utm_medium: 'social', utm_campaign: 'spring' }, share: 0.25, registers: 0.15 },
  { params: { utm_source: 'douyin', utm_medium: 'video', utm_campaign: 'site-tour' }, share: 0.15, registers: 0.06 },
  { params: { ref: 'gc-yuan' }, share: 0.1, registers: 0.4 },
  { params: { event: 'expo2026-b12' }, share: 0.1, registers: 0.35 },
  { params: { partner: 'cscec-sh' }, share: 0.05, registers: 0.3 },
  { params: {}, share: 0.05, registers: 0.15 },
];

/** monthly spend per channel in fen */
const MONTHLY_COST: Record<string, number> = {
  baidu: 600_000,
  wechat: 400_000,
  douyin: 300_000,
  offline: 800_000,
  partner: 100_000,
  referral: 50_000,
};

const REGIONS = ['310101', '440305', '330106', '320102', '510104'];
const ROLES = ['GC', 'SUP', 'SUB', 'SVR'];

/**
 * 增长 demo history: twelve weeks of consenting visitors from seven channels (UTM, referral, an expo booth code, a
 * partner code, direct), their registrations, organisations, demands, inquiries and deals, a few weeks of repeat
 * activity, monthly channel costs, and a KPI board evaluated by admin@: conversion and acquisition on track, CAC
 * over ¥25, retention and matching below their lines (open improvement tasks).
 * The synthetic organisations live in the event history only; sup@'s shop gets page views for its 商家数据.
 */
export async function seedGrowthDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const random = mulberry32(2026_0115);
  const now = ctx.clock.now().getTime();
  const events: ProductEventInput[] = [];
  const links: [string, string, Date][] = [];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const supplier = await demoActor(ctx, 'sup@example.com');
  for (let day = 84; day >= 1; day--) {
    const visitors = 8 + Math.floor(random() * 6);
    for (let v = 0; v < visitors; v++) {
      let at = now - day * DAY + Math.floor(random() * 10 * 3_600_000);
      const next = (minutes: number) => {
        at += minutes * 60_000;
        return new Date(at);
      };
      const anonymousId = `demo-${newId()}`;
      const roll = random();
      let cumulative = 0;
      const channel =
        CHANNELS.find((c) => {
          cumulative += c.share;
          return roll < cumulative;
        }) ?? CHANNELS[CHANNELS.length - 1];
      if (!channel) continue;
      if (Object.keys(channel.params).length > 0)
        events.push({
          name: 'visit.touched',
          anonymousId,
          occurredAt: next(0),
          properties: { ...channel.params, ...channelOf(channel.params) },
        });
      for (const path of ['/', '/register'].slice(0, 1 + Math.floor(random() * 2)))
        events.push({ name: 'page.viewed', anonymousId, occurredAt: next(1), properties: { path } });
      // none in the last week: sup@'s exposure drops below half its 4-week average (商家预警)
      if (random() < 0.2 && supplier.activeOrgId && day > 7)
        events.push({
          name: 'listing.viewed',
          anonymousId,
          occurredAt: next(1),
          properties: { merchantOrgId: supplier.activeOrgId },
        });
      if (random() >= channel.registers) continue;
      const userId = newId();
      const registered = next(5);
      events.push({ name: 'user.registered', userId, occurredAt: registered, properties: { via: 'email' } });
      links.push([anonymousId, userId, registered]);
      if (random() < 0.15) continue;
      const orgId = newId();
      events.push({
        name: 'organisation.created',
        userId,
        orgId,
        occurredAt: next(20),
        properties: { businessRoles: [pick(ROLES)], regionCode: pick(REGIONS) },
      });
      if (random() < 0.35) continue;
      events.push({
        name: 'demand.submitted',
        userId,
        orgId,
        occurredAt: next(60 * 24 * (random() * 5)),
        properties: {},
      });
      // repeat activity in the weeks after, fading
      for (let week = 1; week <= 8; week++) {
        const when = at + week * 7 * DAY;
        if (when >= now || random() > 0.75 - week * 0.05) break;
        events.push({ name: 'inquiry.sent', userId, orgId, occurredAt: new Date(when), properties: {} });
      }
      if (random() < 0.45) {
        const deals = 1 + Math.floor(random() * 4);
        for (let d = 0; d < deals; d++) {
          const when = at + (3 + d * 9 + random() * 6) * DAY;
          if (when >= now) break;
          events.push({ name: 'contract.signed', userId, orgId, occurredAt: new Date(when), properties: {} });
          events.push({
            name: 'deal.closed',
            orgId,
            occurredAt: new Date(when),
            properties: { role: 'buyer', amountFen: Math.round((5 + random() * 95) * 1_000_000) },
          });
        }
      }
    }
  }
  await recordProductEvents(ctx, events);
  for (const [anonymousId, userId, at] of links) await linkVisitor(ctx, anonymousId, userId, at);
  const month = (offset: number) => {
    const d = new Date(now + 8 * 3_600_000);
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - offset, 1));
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - offset + 1, 0));
    return { periodStart: first.toISOString().slice(0, 10), periodEnd: last.toISOString().slice(0, 10) };
  };
  const admin = await demoActor(ctx, 'admin@example.com', ['admin']);
  for (const offset of [3, 2, 1, 0])
    for (const [channel, amountFen] of Object.entries(MONTHLY_COST))
      await addChannelCost(ctx, admin.userId, { channel, amountFen, ...month(offset), note: '演示' });
  await evaluateKpis(ctx, { userId: admin.userId, name: '平台管理员' });
  return [];
}
