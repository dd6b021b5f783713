import type { AppContext } from '../../infra/context';
import { dayRange, KEY_ACTIONS } from './analytics.analyses';
import { secondDeals } from './analytics.insights.repository';
import * as repo from './analytics.repository';

type LifecycleStage = 'acquired' | 'activated' | 'retained' | 'converted';
type MarketingStage = 'awareness' | 'interest' | 'consideration' | 'purchase' | 'loyalty';

export const LIFECYCLE_STAGES: readonly LifecycleStage[] = ['acquired', 'activated', 'retained', 'converted'];
export const MARKETING_STAGES: readonly MarketingStage[] = [
  'awareness',
  'interest',
  'consideration',
  'purchase',
  'loyalty',
];

export interface StageMoments extends repo.LifecycleRow {
  /** the second closed deal (忠诚), null with fewer */
  loyal_at: Date | null;
}

const reached = (at: Date | null, t: Date) => at !== null && new Date(at) < t;

/**
 * An organisation's stage at instant `t` by the lifecycle rules (拉新→激活→留存→转化): the furthest stage whose
 * moment is before `t`; null before it was created.
 */
export function lifecycleStageAt(m: StageMoments, t: Date): LifecycleStage | null {
  if (!reached(m.acquired_at, t)) return null;
  if (reached(m.converted_at, t)) return 'converted';
  if (reached(m.retained_at, t)) return 'retained';
  if (reached(m.activated_at, t)) return 'activated';
  return 'acquired';
}

/**
 * The marketing view (认知→兴趣→考虑→购买→忠诚) of an organisation at `t`: 兴趣 once created, 考虑 once activated,
 * 购买 at its first deal, 忠诚 at its second. Before it was created it counts as 认知 (its people were at most
 * aware of the platform).
 */
export function marketingStageAt(m: StageMoments, t: Date): MarketingStage {
  if (!reached(m.acquired_at, t)) return 'awareness';
  if (reached(m.loyal_at, t)) return 'loyalty';
  if (reached(m.converted_at, t)) return 'purchase';
  if (reached(m.activated_at, t)) return 'consideration';
  return 'interest';
}

/** Organisations counted by (stage at the start, stage at the end) of the period; `none` for one created later. */
export function flowsBetween(
  moments: StageMoments[],
  view: 'lifecycle' | 'marketing',
  start: Date,
  end: Date,
): { from: string; to: string; orgs: number }[] {
  const counts = new Map<string, number>();
  for (const m of moments) {
    if (!reached(m.acquired_at, end)) continue;
    const from = view === 'lifecycle' ? (lifecycleStageAt(m, start) ?? 'none') : marketingStageAt(m, start);
    const to = view === 'lifecycle' ? (lifecycleStageAt(m, end) as LifecycleStage) : marketingStageAt(m, end);
    const key = `${from}>${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = ['none', ...(view === 'lifecycle' ? LIFECYCLE_STAGES : MARKETING_STAGES)];
  return [...counts.entries()]
    .map(([key, orgs]) => {
      const [from = '', to = ''] = key.split('>');
      return { from, to, orgs };
    })
    .sort((a, b) => order.indexOf(a.from) - order.indexOf(b.from) || order.indexOf(a.to) - order.indexOf(b.to));
}

/** 阶段流转 (GROW-2): how organisations moved between stages over [from, to] (Shanghai days). */
export async function lifecycleFlows(
  ctx: AppContext,
  q: { from: string; to: string; view: 'lifecycle' | 'marketing' },
) {
  const range = dayRange(q.from, q.to);
  const [rows, loyal] = await Promise.all([repo.lifecycle(ctx.db, KEY_ACTIONS), secondDeals(ctx.db)]);
  const moments = rows.map((r) => ({ ...r, loyal_at: loyal.get(r.org_id) ?? null }));
  return {
    view: q.view,
    from: q.from,
    to: q.to,
    stages: [...(q.view === 'lifecycle' ? LIFECYCLE_STAGES : MARKETING_STAGES)],
    flows: flowsBetween(moments, q.view, range.from, range.to) as {
      from: LifecycleStage | MarketingStage | 'none';
      to: LifecycleStage | MarketingStage;
      orgs: number;
    }[],
  };
}
