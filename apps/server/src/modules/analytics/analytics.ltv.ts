import { sql } from 'drizzle-orm';
import type { AppContext } from '../../infra/context';
import { type DbOrTx, queryRows } from '../../infra/db/client';
import { dayRange, PLATFORM_TAKE_RATE } from './analytics.analyses';

const local = (column: string) => sql.raw(`(${column} at time zone 'Asia/Shanghai')`);

/**
 * Organisations created in [from, to) by cohort (the week or month, Shanghai, of `organisation.created`), with the
 * value of their closed deals by period k after the cohort's start.
 */
async function cohortDeals(db: DbOrTx, q: { period: 'week' | 'month'; from: Date; to: Date }) {
  const unit = sql.raw(`'${q.period}'`);
  const diff =
    q.period === 'week'
      ? sql`((date_trunc('week', ${local('e.occurred_at')})::date - s.cohort::date) / 7)`
      : sql`((extract(year from ${local('e.occurred_at')}) - extract(year from s.cohort)) * 12
            + extract(month from ${local('e.occurred_at')}) - extract(month from s.cohort))::int`;
  const born = sql`select org_id, date_trunc(${unit}, ${local('min(occurred_at)')}) as cohort from product_events
      where name = 'organisation.created' and org_id is not null group by org_id
      having min(occurred_at) >= ${q.from} and min(occurred_at) < ${q.to}`;
  const [sizes, cells] = await Promise.all([
    queryRows<{ cohort: string; size: number }>(
      db,
      sql`select to_char(s.cohort, 'YYYY-MM-DD') as cohort, count(*)::int as size from (${born}) s group by 1 order by 1`,
    ),
    queryRows<{ cohort: string; k: number; fen: number }>(
      db,
      sql`select to_char(s.cohort, 'YYYY-MM-DD') as cohort, ${diff} as k,
          sum((e.properties->>'amountFen')::bigint)::float8 as fen
        from (${born}) s join product_events e on e.org_id = s.org_id and e.name = 'deal.closed'
        group by 1, 2 order by 1, 2`,
    ),
  ]);
  return { sizes, cells };
}

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
