import type { AppContext } from '../../infra/context';
import { analyticsErrors } from './analytics.errors';
import * as repo from './analytics.repository';

const DAY_MS = 86_400_000;

/** [from, to] as Shanghai calendar days → the instants [from 00:00, the day after `to` 00:00). */
export function dayRange(from: string, to: string): { from: Date; to: Date } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS);
  if (!(end > start) || end.getTime() - start.getTime() > 400 * DAY_MS)
    throw analyticsErrors.raise('ANALYTICS_RANGE_INVALID');
  return { from: start, to: end };
}

export async function computeFunnel(
  ctx: AppContext,
  q: {
    steps: string[];
    entity: repo.Entity;
    windowDays: number;
    breakdown: 'none' | 'channel' | 'region' | 'role';
    from: string;
    to: string;
  },
) {
  const range = dayRange(q.from, q.to);
  const found = await repo.funnel(ctx.db, { ...q, ...range, windowMs: q.windowDays * DAY_MS });
  const byKey = new Map<string, number[]>();
  for (const row of found) {
    const counts = byKey.get(row.key) ?? q.steps.map(() => 0);
    counts[row.step - 1] = row.entities;
    byKey.set(row.key, counts);
  }
  const groups = [...byKey.entries()]
    .map(([key, counts]) => ({ key, counts }))
    .sort((a, b) => (b.counts[0] ?? 0) - (a.counts[0] ?? 0) || a.key.localeCompare(b.key));
  return { steps: q.steps, groups };
}

export async function computeCohorts(
  ctx: AppContext,
  q: { entity: repo.Entity; period: 'week' | 'month'; periods: number; from: string; to: string },
) {
  const range = dayRange(q.from, q.to);
  const cells = await repo.cohorts(ctx.db, { ...q, ...range });
  const rows = new Map<string, number[]>();
  for (const cell of cells) {
    const retained = rows.get(cell.cohort) ?? Array.from({ length: q.periods }, () => 0);
    retained[cell.k] = cell.entities;
    rows.set(cell.cohort, retained);
  }
  return {
    period: q.period,
    rows: [...rows.entries()].map(([cohort, retained]) => ({ cohort, size: retained[0] ?? 0, retained })),
  };
}

export type RfmSegment = 'champion' | 'loyal' | 'new' | 'at_risk' | 'lost' | 'regular';

/** 用户分层 segments from the R and F quintiles (5 = most recent / most frequent). */
export function rfmSegment(r: number, f: number): RfmSegment {
  if (r >= 4 && f >= 4) return 'champion';
  if (r >= 3 && f >= 3) return 'loyal';
  if (r >= 4) return 'new';
  if (r <= 2 && f >= 3) return 'at_risk';
  if (r <= 2) return 'lost';
  return 'regular';
}

export async function computeRfm(ctx: AppContext, asOf: string) {
  const found = await repo.rfm(ctx.db, dayRange(asOf, asOf).to);
  const orgs = found.map((row) => ({
    orgId: row.org_id,
    recencyDays: row.recency_days,
    frequency: row.frequency,
    monetaryFen: row.monetary_fen,
    r: row.r,
    f: row.f,
    m: row.m,
    segment: rfmSegment(row.r, row.f),
  }));
  const order: RfmSegment[] = ['champion', 'loyal', 'new', 'regular', 'at_risk', 'lost'];
  const segments = order.map((segment) => {
    const members = orgs.filter((o) => o.segment === segment);
    return { segment, orgs: members.length, monetaryFen: members.reduce((sum, o) => sum + o.monetaryFen, 0) };
  });
  return { segments, orgs: orgs.slice(0, 200) };
}

const CONVERSIONS = {
  /** 注册 a person registers */
  registration: { entity: 'user', event: 'user.registered' },
  /** 首次发布需求 an organisation's first demand submitted */
  first_demand: { entity: 'org', event: 'demand.submitted' },
  /** 首次签约 an organisation's first signed contract */
  first_contract: { entity: 'org', event: 'contract.signed' },
} as const;

export async function computeAttribution(
  ctx: AppContext,
  q: { conversion: keyof typeof CONVERSIONS; from: string; to: string },
) {
  const { entity, event } = CONVERSIONS[q.conversion];
  const found = await repo.attribution(ctx.db, { entity, conversion: event, ...dayRange(q.from, q.to) });
  return {
    conversion: q.conversion,
    rows: found.map((r) => ({
      channel: r.channel,
      campaign: r.campaign,
      firstTouch: r.first_touch,
      lastTouch: r.last_touch,
      positionBased: Math.round(r.position_based * 1000) / 1000,
    })),
  };
}

/**
 * The platform's estimated take of a deal's value, for revenue, ROI and LTV until fees and commissions report
 * revenue per organisation (ADR 0115).
 */
export const PLATFORM_TAKE_RATE = 0.01;

export async function computeChannelEconomics(ctx: AppContext, q: { from: string; to: string }) {
  const range = dayRange(q.from, q.to);
  const [orgs, costs] = await Promise.all([
    repo.newOrgsByChannel(ctx.db, range, ctx.clock.now()),
    repo.costsByChannel(ctx.db, q),
  ]);
  const channels = new Set([...orgs.map((o) => o.channel), ...costs.map((c) => c.channel)]);
  const items = [...channels].sort().map((channel) => {
    const acquired = orgs.find((o) => o.channel === channel);
    const costFen = Math.round(costs.find((c) => c.channel === channel)?.cost_fen ?? 0);
    const newOrgs = acquired?.new_orgs ?? 0;
    const revenueFen = Math.round((acquired?.deal_fen ?? 0) * PLATFORM_TAKE_RATE);
    const cacFen = newOrgs > 0 && costFen > 0 ? Math.round(costFen / newOrgs) : null;
    const ltvFen = newOrgs > 0 ? Math.round(revenueFen / newOrgs) : null;
    return {
      channel,
      costFen,
      newOrgs,
      cacFen,
      revenueFen,
      roi: costFen > 0 ? Math.round(((revenueFen - costFen) / costFen) * 100) / 100 : null,
      ltvFen,
      ltvToCac: ltvFen !== null && cacFen ? Math.round((ltvFen / cacFen) * 100) / 100 : null,
    };
  });
  return { items };
}

/** 关键行为 the actions that activate an organisation (激活). */
export const KEY_ACTIONS = [
  'demand.submitted',
  'demand.published',
  'project.published',
  'resource.listed',
  'merchant.activated',
  'inquiry.sent',
  'contract.drafted',
] as const;

export type LifecycleStage = 'acquired' | 'activated' | 'retained' | 'converted';

/**
 * 生命周期 拉新→激活→留存→转化: acquired when created; activated at its first key action; retained at its first
 * key action in a later week than the first; converted at its first closed deal. The stage is the furthest reached;
 * the moments each was reached are its history.
 */
export function stageOf(row: repo.LifecycleRow): {
  stage: LifecycleStage;
  history: { stage: LifecycleStage; enteredAt: string }[];
} {
  const moments: [LifecycleStage, Date | null][] = [
    ['acquired', row.acquired_at],
    ['activated', row.activated_at],
    ['retained', row.retained_at],
    ['converted', row.converted_at],
  ];
  const history = moments
    .filter((m): m is [LifecycleStage, Date] => m[1] !== null)
    .map(([stage, at]) => ({ stage, enteredAt: new Date(at).toISOString() }));
  const reached = moments.filter((m) => m[1] !== null).map((m) => m[0]);
  return { stage: reached[reached.length - 1] ?? 'acquired', history };
}

export async function lifecycleSummary(ctx: AppContext) {
  const now = ctx.clock.now();
  const [rows, visitors, users] = await Promise.all([
    repo.lifecycle(ctx.db, KEY_ACTIONS),
    repo.countDistinct(ctx.db, { names: ['page.viewed'], column: 'anonymous_id', from: new Date(0), to: now }),
    repo.countDistinct(ctx.db, { names: ['user.registered'], column: 'user_id', from: new Date(0), to: now }),
  ]);
  const stages: LifecycleStage[] = ['acquired', 'activated', 'retained', 'converted'];
  const counts = new Map<LifecycleStage, number>();
  for (const row of rows) {
    const { stage } = stageOf(row);
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return {
    stages: stages.map((stage) => ({ stage, orgs: counts.get(stage) ?? 0 })),
    /** 认知→兴趣→考虑→购买→忠诚: visitors, registered people, activated, converted, organisations with 2+ deals */
    marketing: [
      { stage: 'awareness' as const, count: visitors },
      { stage: 'interest' as const, count: users },
      { stage: 'consideration' as const, count: rows.filter((r) => r.activated_at).length },
      { stage: 'purchase' as const, count: rows.filter((r) => r.converted_at).length },
      { stage: 'loyalty' as const, count: rows.filter((r) => r.deals >= 2).length },
    ],
  };
}

export async function orgLifecycle(ctx: AppContext, orgId: string) {
  const [row] = await repo.lifecycle(ctx.db, KEY_ACTIONS, orgId);
  if (!row) throw analyticsErrors.raise('ANALYTICS_ORG_NOT_FOUND');
  return { orgId, ...stageOf(row) };
}
