import type { AppContext } from '../infra/context';
import { recordPastAlert } from '../modules/monitoring';
import type { DemoLogin } from './foundation.demo';

const hoursAgo = (ctx: AppContext, hours: number) => new Date(ctx.clock.now().getTime() - hours * 3600_000);

/**
 * 运行状态 history: two episodes the minute check opened and resolved — slow responses during a nightly import
 * three days ago, and a short spike of server errors yesterday. The live figures are the running server's own.
 */
export async function seedMonitoringDemo(ctx: AppContext): Promise<DemoLogin[]> {
  await recordPastAlert(ctx, {
    kind: 'slow_responses',
    openedAt: hoursAgo(ctx, 75),
    resolvedAt: hoursAgo(ctx, 74.8),
    p95Ms: 4210,
    errorRatePct: 0.4,
    requests: 1840,
    notified: 2,
  });
  await recordPastAlert(ctx, {
    kind: 'error_spike',
    openedAt: hoursAgo(ctx, 26),
    resolvedAt: hoursAgo(ctx, 25.9),
    p95Ms: 380,
    errorRatePct: 12.5,
    requests: 320,
    notified: 2,
  });
  return [];
}
