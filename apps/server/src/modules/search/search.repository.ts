import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../infra/db/client';

/** A row of search_documents as the indexer writes it; tokens and trgmText are computed by the service. */
export interface SearchDocumentRow {
  kind: string;
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  summary: string;
  category: string | null;
  regionCode: string | null;
  amountFen: number | null;
  unit: string | null;
  tags: string[];
  qualifications: string[];
  lat: number;
  lng: number;
  visibility: 'public' | 'invited';
  audience: string[];
  publishedAt: Date;
  tokens: string;
  trgmText: string;
}

/** A PostgreSQL array literal, passed as one parameter (drizzle would expand a JS array into a list). */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

function valuesOf(d: SearchDocumentRow): SQL {
  return sql`(${d.kind}, ${d.id}, ${d.orgId}, ${d.orgName}, ${d.title}, ${d.summary}, ${d.category}, ${d.regionCode},
    ${d.amountFen}, ${d.unit}, ${arrayLiteral(d.tags)}::text[], ${arrayLiteral(d.qualifications)}::text[], ${d.lat},
    ${d.lng}, ${d.visibility}, ${arrayLiteral(d.audience)}::uuid[], ${d.publishedAt.toISOString()}::timestamptz,
    ${d.tokens}::tsvector, ${d.trgmText}, now())`;
}

export async function upsertDocuments(db: DbOrTx, docs: readonly SearchDocumentRow[]): Promise<void> {
  if (docs.length === 0) return;
  await db.execute(sql`
    insert into search_documents (kind, id, org_id, org_name, title, summary, category, region_code, amount_fen, unit,
      tags, qualifications, lat, lng, visibility, audience, published_at, tokens, trgm_text, updated_at)
    values ${sql.join(docs.map(valuesOf), sql`, `)}
    on conflict (kind, id) do update set org_name = excluded.org_name, title = excluded.title,
      summary = excluded.summary, category = excluded.category, region_code = excluded.region_code,
      amount_fen = excluded.amount_fen, unit = excluded.unit, tags = excluded.tags,
      qualifications = excluded.qualifications, lat = excluded.lat, lng = excluded.lng,
      visibility = excluded.visibility, audience = excluded.audience, published_at = excluded.published_at,
      tokens = excluded.tokens, trgm_text = excluded.trgm_text, updated_at = now()`);
}

export async function deleteDocument(db: DbOrTx, kind: string, id: string): Promise<void> {
  await db.execute(sql`delete from search_documents where kind = ${kind} and id = ${id}`);
}

/** pg_trgm's word-similarity threshold for `<%`, for this transaction only. */
export async function setTrigramThreshold(db: DbOrTx, threshold: number): Promise<void> {
  await db.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`);
}

export interface SearchFilter {
  /** every dictionary term (AND) */
  tsquery: string | null;
  /** each chunk: its HMM words by full text, or the chunk by trigrams */
  fuzzy: readonly { text: string; tsquery: string | null }[];
  /** any term at all (OR), for ranking */
  rankQuery: string | null;
  kind?: string | undefined;
  regionPrefix?: string | undefined;
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  tags?: readonly string[] | undefined;
  qualification?: string | undefined;
  category?: string | undefined;
  point?: { lat: number; lng: number } | undefined;
  radiusM?: number | undefined;
  viewerOrgIds: readonly string[];
}

export type SortKey = 'relevance' | 'date' | 'distance' | 'amount';

export interface SearchPageInput {
  filter: SearchFilter;
  sort: SortKey;
  /** the sort value and id of the last row of the previous page */
  after?: { value: string; id: string } | undefined;
  limit: number;
  boosts: { orgIds: readonly string[]; factors: readonly number[] };
}

export interface SearchRow {
  kind: string;
  id: string;
  org_id: string;
  org_name: string;
  title: string;
  summary: string;
  category: string | null;
  region_code: string | null;
  amount_fen: string | number | null;
  unit: string | null;
  tags: string[];
  qualifications: string[];
  lat: number;
  lng: number;
  published_at: string | Date;
  score: string;
  distance_m: string | number | null;
  boosted: boolean;
  sort_value: string;
}

const point = (p: { lat: number; lng: number }) => sql`ll_to_earth(${p.lat}::float8, ${p.lng}::float8)`;

/** The WHERE conditions; `skip` leaves one facet's own filter out (disjunctive facets). */
function conditions(f: SearchFilter, skip?: 'kind' | 'region'): SQL {
  const parts: SQL[] = [sql`(d.visibility = 'public' or d.audience && ${arrayLiteral(f.viewerOrgIds)}::uuid[])`];
  if (f.tsquery) parts.push(sql`d.tokens @@ ${f.tsquery}::tsquery`);
  for (const part of f.fuzzy) {
    parts.push(
      part.tsquery
        ? sql`(d.tokens @@ ${part.tsquery}::tsquery or ${part.text} <% d.trgm_text)`
        : sql`${part.text} <% d.trgm_text`,
    );
  }
  if (f.kind && skip !== 'kind') parts.push(sql`d.kind = ${f.kind}`);
  if (f.regionPrefix && skip !== 'region') parts.push(sql`d.region_code like ${`${f.regionPrefix}%`}`);
  if (f.minAmount !== undefined) parts.push(sql`d.amount_fen >= ${f.minAmount}`);
  if (f.maxAmount !== undefined) parts.push(sql`d.amount_fen <= ${f.maxAmount}`);
  if (f.tags && f.tags.length > 0) parts.push(sql`d.tags @> ${arrayLiteral(f.tags)}::text[]`);
  if (f.qualification) parts.push(sql`${f.qualification} = any(d.qualifications)`);
  if (f.category) parts.push(sql`d.category = ${f.category}`);
  if (f.point && f.radiusM !== undefined) {
    parts.push(sql`earth_box(${point(f.point)}, ${f.radiusM}::float8) @> ll_to_earth(d.lat, d.lng)`);
    parts.push(sql`earth_distance(ll_to_earth(d.lat, d.lng), ${point(f.point)}) <= ${f.radiusM}::float8`);
  }
  return sql.join(parts, sql` and `);
}

function scoreExpression(f: SearchFilter): SQL {
  const parts: SQL[] = [];
  if (f.rankQuery) parts.push(sql`ts_rank(d.tokens, ${f.rankQuery}::tsquery) * 10`);
  for (const part of f.fuzzy) parts.push(sql`word_similarity(${part.text}, d.trgm_text)`);
  const base = parts.length > 0 ? sql.join(parts, sql` + `) : sql`0`;
  // With words, a boost multiplies relevance; without, it alone lifts the boosted listings to the top.
  const boosted = parts.length > 0 ? sql`(${base}) * (1 + coalesce(b.boost, 0))` : sql`coalesce(b.boost, 0)::float8`;
  return sql`round((${boosted})::numeric, 6)`;
}

/**
 * One page of results in a total order (sort value, then id), continued after the previous page's last row
 * (keyset pagination): rows inserted meanwhile never shift a page, so nothing is repeated or skipped.
 */
export async function searchPage(db: DbOrTx, input: SearchPageInput): Promise<SearchRow[]> {
  const f = input.filter;
  const distance = f.point
    ? sql`round(earth_distance(ll_to_earth(d.lat, d.lng), ${point(f.point)}))::bigint`
    : sql`null::bigint`;
  const sortValue: Record<SortKey, SQL> = {
    relevance: sql`score`,
    date: sql`published_at`,
    distance: sql`distance_m`,
    amount: sql`coalesce(amount_fen, -1)`,
  };
  const cast: Record<SortKey, SQL> = {
    relevance: sql`::numeric`,
    date: sql`::timestamptz`,
    distance: sql`::bigint`,
    amount: sql`::bigint`,
  };
  const ascending = input.sort === 'distance';
  const key = sortValue[input.sort];
  const after = input.after
    ? ascending
      ? sql`where (${key}, id) > (${input.after.value}${cast[input.sort]}, ${input.after.id}::uuid)`
      : sql`where (${key}, id) < (${input.after.value}${cast[input.sort]}, ${input.after.id}::uuid)`
    : sql``;
  const order = ascending ? sql`${key} asc, id asc` : sql`${key} desc, id desc`;
  return queryRows<SearchRow>(
    db,
    sql`
    select s.*, (${key})::text as sort_value from (
      select d.kind, d.id, d.org_id, d.org_name, d.title, d.summary, d.category, d.region_code, d.amount_fen, d.unit,
        d.tags, d.qualifications, d.lat, d.lng, d.published_at,
        ${scoreExpression(f)} as score,
        ${distance} as distance_m,
        (b.boost is not null) as boosted
      from search_documents d
      left join unnest(${arrayLiteral(input.boosts.orgIds)}::uuid[], ${`{${input.boosts.factors.join(',')}}`}::float8[])
        as b(org_id, boost) on b.org_id = d.org_id and d.kind = 'resource'
      where ${conditions(f)}
    ) s
    ${after}
    order by ${order}
    limit ${input.limit}`,
  );
}

export interface FacetRow {
  key: string;
  count: string | number;
}

export async function facetCounts(db: DbOrTx, f: SearchFilter) {
  const kind = await queryRows<FacetRow>(
    db,
    sql`select d.kind as key, count(*) as count from search_documents d where ${conditions(f, 'kind')} group by 1`,
  );
  const province = await queryRows<FacetRow>(
    db,
    sql`select left(d.region_code, 2) as key, count(*) as count from search_documents d
        where ${conditions(f, 'region')} and d.region_code is not null group by 1 order by 2 desc, 1 limit 40`,
  );
  const tag = await queryRows<FacetRow>(
    db,
    sql`select t as key, count(*) as count from search_documents d, unnest(d.tags) t
        where ${conditions(f)} group by 1 order by 2 desc, 1 limit 12`,
  );
  const [total] = await queryRows<{ count: string | number }>(
    db,
    sql`select count(*) as count from search_documents d where ${conditions(f)}`,
  );
  return { kind, province, tag, total: Number(total?.count ?? 0) };
}

export interface MapRow {
  kind: string;
  id: string;
  title: string;
  lat: number;
  lng: number;
  amount_fen: string | number | null;
  region_code: string | null;
}

export async function mapPoints(db: DbOrTx, f: SearchFilter, limit: number): Promise<MapRow[]> {
  const order = f.point
    ? sql`ll_to_earth(d.lat, d.lng) <-> ${point(f.point)}, d.id`
    : sql`d.published_at desc, d.id desc`;
  return queryRows<MapRow>(
    db,
    sql`select d.kind, d.id, d.title, d.lat, d.lng, d.amount_fen, d.region_code from search_documents d
        where ${conditions(f)} order by ${order} limit ${limit}`,
  );
}

export async function insertKeyword(
  db: DbOrTx,
  row: {
    id: string;
    keyword: string;
    kind: string | null;
    resultCount: number;
    userId: string | null;
    orgId: string | null;
  },
): Promise<void> {
  await db.execute(sql`insert into search_keywords (id, keyword, kind, result_count, user_id, org_id)
    values (${row.id}, ${row.keyword}, ${row.kind}, ${row.resultCount}, ${row.userId}, ${row.orgId})`);
}

export async function keywordRanking(
  db: DbOrTx,
  options: { since: Date; kind?: string | undefined; limit: number },
): Promise<{ keyword: string; searches: string | number; zero: string | number }[]> {
  return queryRows(
    db,
    sql`select keyword, count(*) as searches, count(*) filter (where result_count = 0) as zero
        from search_keywords where created_at >= ${options.since.toISOString()}::timestamptz
        ${options.kind ? sql`and kind = ${options.kind}` : sql``}
        group by keyword order by 2 desc, 1 limit ${options.limit}`,
  );
}
