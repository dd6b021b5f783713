import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../infra/db/client';

/**
 * 需求热度 published demands in [from, to) (by their publication) per province (first two digits of the region
 * code) or city (first four), with how many organisations published them: growth analytics' demand heat (MERCH-5).
 */
export async function demandsByRegion(
  db: DbOrTx,
  range: { from: Date; to: Date },
  level: 'province' | 'city',
): Promise<{ regionCode: string; demands: number; orgs: number }[]> {
  const digits = level === 'province' ? 2 : 4;
  const pad = '0'.repeat(6 - digits);
  return queryRows<{ regionCode: string; demands: number; orgs: number }>(
    db,
    sql`select left(region_code, ${digits}) || ${pad} as "regionCode", count(*)::int as demands,
        count(distinct org_id)::int as orgs
      from demands where published_at >= ${range.from} and published_at < ${range.to}
      group by 1 order by 2 desc, 1`,
  );
}
