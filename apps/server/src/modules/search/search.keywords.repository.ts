import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../infra/db/client';

/**
 * 搜索词 the keywords searched in [from, to), most searched first, with how many distinct searchers asked: an
 * organisation (or a user without one) is one searcher, each anonymous search is one of its own. Growth analytics
 * shows merchants only keywords of enough searchers (MERCH-5).
 */
export async function keywordSearchers(
  db: DbOrTx,
  range: { from: Date; to: Date },
  limit: number,
): Promise<{ keyword: string; searches: number; zeroResultSearches: number; searchers: number }[]> {
  return queryRows(
    db,
    sql`select keyword, count(*)::int as searches, (count(*) filter (where result_count = 0))::int as "zeroResultSearches",
        count(distinct coalesce(org_id::text, user_id::text, id::text))::int as searchers
      from search_keywords where created_at >= ${range.from} and created_at < ${range.to}
      group by keyword order by 2 desc, 1 limit ${limit}`,
  );
}

/** Records searches with words in one insert (demo history, imports); `createdAt` dates each. */
export async function recordSearchKeywords(
  db: DbOrTx,
  rows: {
    id: string;
    keyword: string;
    kind: string | null;
    resultCount: number;
    orgId: string | null;
    createdAt: Date;
  }[],
): Promise<void> {
  for (const r of rows)
    await db.execute(sql`insert into search_keywords (id, keyword, kind, result_count, user_id, org_id, created_at)
      values (${r.id}, ${r.keyword}, ${r.kind}, ${r.resultCount}, null, ${r.orgId}, ${r.createdAt})`);
}
