import type { AppContext } from '../../infra/context';
import { dayRange, PLATFORM_TAKE_RATE } from './analytics.analyses';
import { cohortDeals } from './analytics.insights.repository';

/** The end (the next period's first day, Shanghai) of the cohort's k-th period. */
function periodEnd(cohort: string, period: 'week' | 'month', k: number): Date {
  const [y = 0, m = 1, d = 1] = cohort.split('-').map(Number);
  const next =
    period === 'week' ? new Date(Date.UTC(y, m - 1, d + 7 * (k + 1))) : new Date(Date.UTC(y, m - 1 + k + 1, 1));
  return new Date(`${next.toISOString().slice(0, 10)}T00:00:00+08:00`);
}

/**
 * LTV per cohort (GROW-3): the platform's estimated revenue (deal value × the take rate, as for LTV per
 * organisation and channel, ADR 0115) per organisation of the cohort, cumulative to the end of each period. Deals
 * before the cohort's period count in period 0; the current period counts so far; one not yet begun is null.
 */
export async function cohortLtv(
  ctx: AppContext,
  q: { period: 'week' | 'month'; periods: number; from: string; to: string },
) {
  const range = dayRange(q.from, q.to);
  const now = ctx.clock.now();
  const { sizes, cells } = await cohortDeals(ctx.db, { period: q.period, ...range });
  return {
    period: q.period,
    rows: sizes.map(({ cohort, size }) => {
      let cumulative = 0;
      const ltvFen = Array.from({ length: q.periods }, (_, k) => {
        for (const c of cells) if (c.cohort === cohort && (c.k === k || (k === 0 && c.k < 0))) cumulative += c.fen;
        if (k > 0 && periodEnd(cohort, q.period, k - 1) > now) return null;
        return Math.round((cumulative * PLATFORM_TAKE_RATE) / size);
      });
      return { cohort, size, ltvFen };
    }),
  };
}
