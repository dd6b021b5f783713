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

/**
 * Nearest-first pages walk the GiST index in distance order (KNN) and stop after a page. PostgreSQL cannot
 * estimate cube containment (a fixed 0.1 %) and would rather collect every document in the radius or every
 * match of a word with a bitmap and sort them; at a million documents that is 0.5–1 s instead of milliseconds.
 * This turns bitmap and sequential scans off for the rest of the transaction (or back on).
 */
export async function preferOrderedIndexScans(db: DbOrTx, prefer: boolean): Promise<void> {
  const value = prefer ? 'off' : 'on';
  await db.execute(
    sql`select set_config('enable_bitmapscan', ${value}, true), set_config('enable_seqscan', ${value}, true)`,
  );
}

const TIE_WINDOW = 500;

/** pg_trgm's word-similarity threshold for `<%`, for this transaction only. */
export async function setTrigramThreshold(db: DbOrTx, threshold: number): Promise<void> {
  await db.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`);
}

export interface SearchFilter {
  /** every dictionary term (AND) */
  tsquery: string | null;
  /** each chunk: its HMM words by full text, or the chunk by trigrams */
  fuzzy: readonly { text: string; tsquery: string | null }[];
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
  /** every query term restricted to weight A (title, category): the relevance tier test */
  titleQuery: string | null;
  sort: SortKey;
  /** the sort value and id of the last row of the previous page */
  after?: { value: string; id: string } | undefined;
  limit: number;
  /** organisations whose resource listings are lifted (ranking boost) */
  boostedOrgIds: readonly string[];
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
  distance_m: string | number | null;
  boosted: boolean;
  sort_value: string;
}

const point = (p: { lat: number; lng: number }) => sql`ll_to_earth(${p.lat}::float8, ${p.lng}::float8)`;

/** The WHERE conditions; `skip` leaves facets' own filters out (disjunctive facets). */
function conditions(
  f: SearchFilter,
  skip: { kind?: boolean; region?: boolean; box?: boolean; words?: boolean } = {},
): SQL {
  const parts: SQL[] = [sql`(d.visibility = 'public' or d.audience && ${arrayLiteral(f.viewerOrgIds)}::uuid[])`];
  if (f.tsquery && !skip.words) parts.push(sql`d.tokens @@ ${f.tsquery}::tsquery`);
  for (const part of f.fuzzy) {
    parts.push(
      part.tsquery
        ? sql`(d.tokens @@ ${part.tsquery}::tsquery or ${part.text} <% d.trgm_text)`
        : sql`${part.text} <% d.trgm_text`,
    );
  }
  if (f.kind && !skip.kind) parts.push(sql`d.kind = ${f.kind}`);
  if (f.regionPrefix && !skip.region) parts.push(sql`d.region_code like ${`${f.regionPrefix}%`}`);
  if (f.minAmount !== undefined) parts.push(sql`d.amount_fen >= ${f.minAmount}`);
  if (f.maxAmount !== undefined) parts.push(sql`d.amount_fen <= ${f.maxAmount}`);
  if (f.tags && f.tags.length > 0) parts.push(sql`d.tags @> ${arrayLiteral(f.tags)}::text[]`);
  if (f.qualification) parts.push(sql`${f.qualification} = any(d.qualifications)`);
  if (f.category) parts.push(sql`d.category = ${f.category}`);
  if (f.point && f.radiusM !== undefined) {
    if (!skip.box) parts.push(sql`earth_box(${point(f.point)}, ${f.radiusM}::float8) @> ll_to_earth(d.lat, d.lng)`);
    parts.push(sql`earth_distance(ll_to_earth(d.lat, d.lng), ${point(f.point)}) <= ${f.radiusM}::float8`);
  }
  return sql.join(parts, sql` and `);
}

function columns(f: SearchFilter, boosted: SQL): SQL {
  const distance = f.point
    ? sql`round(earth_distance(ll_to_earth(d.lat, d.lng), ${point(f.point)}))::bigint`
    : sql`null::bigint`;
  return sql`d.kind, d.id, d.org_id, d.org_name, d.title, d.summary, d.category, d.region_code, d.amount_fen,
    d.unit, d.tags, d.qualifications, d.lat, d.lng, d.published_at, ${distance} as distance_m, ${boosted} as boosted`;
}

/**
 * One page of results in a total order, continued strictly after the previous page's last row (keyset
 * pagination): rows inserted meanwhile never shift a page, so nothing is repeated or skipped. Every order is one
 * an index can deliver (published_at, amount, GiST nearest-first), so a broad term over a million documents
 * reads a page's worth of rows, not every match.
 *
 * Relevance is tiered: boosted merchants' listings, then documents whose title or category holds every query
 * word (weight A), then the rest; newest first within a tier.
 */
export async function searchPage(db: DbOrTx, input: SearchPageInput): Promise<SearchRow[]> {
  const f = input.filter;
  const where = conditions(f);
  const boostedOrgs = sql`${arrayLiteral(input.boostedOrgIds)}::uuid[]`;
  const boostedCond = sql`(d.kind = 'resource' and d.org_id = any(${boostedOrgs}))`;
  const hasBoosts = input.boostedOrgIds.length > 0;
  const isBoosted = hasBoosts ? boostedCond : sql`false`;
  const n = input.limit;
  const after = input.after;

  if (input.sort === 'date' || input.sort === 'amount') {
    const key = input.sort === 'date' ? sql`d.published_at` : sql`d.amount_fen`;
    const cast = input.sort === 'date' ? sql`::timestamptz` : sql`::bigint`;
    const keyset = after ? sql`and (${key}, d.id) < (${after.value}${cast}, ${after.id}::uuid)` : sql``;
    const notNull = input.sort === 'amount' ? sql`and d.amount_fen is not null` : sql``;
    return queryRows<SearchRow>(
      db,
      sql`select ${columns(f, isBoosted)}, (${key})::text as sort_value from search_documents d
          where ${where} ${notNull} ${keyset} order by ${key} desc, d.id desc limit ${n}`,
    );
  }

  if (input.sort === 'distance' && f.point) {
    // Nearest-first walks the GiST index in distance order (KNN), which PostgreSQL does only for an ORDER BY of
    // the distance alone; the id that breaks ties is applied over a window of the nearest rows. The radius is
    // checked exactly while walking (no earth_box: it would invite a bitmap of the whole radius). Limitation:
    // more than TIE_WINDOW documents at exactly one point (all placed at a region's centre) may page unevenly.
    const knn = sql`(ll_to_earth(d.lat, d.lng) <-> ${point(f.point)})`;
    const from = after ? sql`and ${knn} >= ${after.value}::float8` : sql``;
    const keyset = after ? sql`where (s.knn, s.id) > (${after.value}::float8, ${after.id}::uuid)` : sql``;
    return queryRows<SearchRow>(
      db,
      sql`select s.*, s.knn::text as sort_value from (
            select ${columns(f, isBoosted)}, ${knn} as knn from search_documents d
            where ${conditions(f, { box: true })} ${from} order by ${knn} limit ${n + TIE_WINDOW}) s
          ${keyset} order by s.knn, s.id limit ${n}`,
    );
  }

  // Relevance: one index-ordered branch per tier, each continued after the cursor when it is in that tier.
  const [afterTier, afterDate] = after ? (after.value.split('|') as [string, string]) : ['9', ''];
  const title = input.titleQuery ? sql`d.tokens @@ ${input.titleQuery}::tsquery` : null;
  const noWords = !f.tsquery && f.fuzzy.length === 0;
  const tiers: { tier: number; cond: SQL }[] = [];
  if (hasBoosts) tiers.push({ tier: 3, cond: boostedCond });
  const notBoosted = hasBoosts ? sql`not ${boostedCond}` : sql`true`;
  if (noWords) tiers.push({ tier: 2, cond: notBoosted });
  else {
    if (title) tiers.push({ tier: 2, cond: sql`${notBoosted} and ${title}` });
    tiers.push({ tier: 1, cond: title ? sql`${notBoosted} and not ${title}` : notBoosted });
  }
  // Tiers run one after the other and stop once the page is full: a broad word fills the page from its title
  // tier, so the tier below (which would have to look at every match) is reached only near the end of the list.
  const out: SearchRow[] = [];
  for (const { tier, cond } of tiers.filter((t) => t.tier <= Number(afterTier))) {
    // In the title tier the words restricted to weight A imply the words themselves; stating only the former
    // lets PostgreSQL estimate the rows right (it multiplies the two selectivities otherwise, and then sorts every
    // match instead of walking the date index).
    const where = conditions(f, { words: tier === 2 && title !== null });
    const keyset =
      after && tier === Number(afterTier)
        ? sql`and (d.published_at, d.id) < (${afterDate}::timestamptz, ${after.id}::uuid)`
        : sql``;
    // The lowest tier excludes the title matches; ordering it by an expression keeps PostgreSQL from walking
    // the date index in the hope of meeting such rows soon (it would read the whole table when there are none).
    const order = tier === 1 && title ? sql`d.published_at + interval '0 s'` : sql`d.published_at`;
    const rows = await queryRows<SearchRow>(
      db,
      // Literals, not parameters: an untyped parameter would come back as text.
      sql`select ${columns(f, sql.raw(tier === 3 ? 'true' : 'false'))},
          ${sql.raw(`'${tier}|'`)} || d.published_at::text as sort_value
        from search_documents d where ${where} and ${cond} ${keyset}
        order by ${order} desc, d.id desc limit ${n - out.length}`,
    );
    out.push(...rows);
    if (out.length >= n) break;
  }
  return out;
}

export interface FacetRow {
  facet: 'kind' | 'province' | 'tag' | 'total' | 'sample';
  key: string;
  count: string | number;
}

/** Every count is exact up to this many matches; beyond it the count says "1,000+" (it is never guessed). */
export const COUNT_CAP = 1_000;

/** The kinds of document the index holds (one capped count each). */
export const DOCUMENT_KINDS = ['project', 'demand', 'resource'] as const;

export interface FacetBucketCount {
  key: string;
  count: number;
  /** more than {@link COUNT_CAP} match: `count` is the cap */
  more: boolean;
}

const capped = (n: number) => ({ count: Math.min(n, COUNT_CAP), more: n > COUNT_CAP });

/**
 * Facet counts, bounded so that a one-word query over a million documents stays fast:
 * - the total and each kind are counted exactly up to {@link COUNT_CAP} (a `limit` inside each count, so no
 *   count reads more than 1,001 index entries), then "1,000+";
 * - provinces and tags are counted over the matches of the chosen kind (the province ignoring its own filter);
 *   when those are more than {@link COUNT_CAP}, the buckets are named but `exact` is false and no number is shown
 *   for them, rather than a sample's number.
 */
export async function facetCounts(db: DbOrTx, f: SearchFilter) {
  const regionOk = f.regionPrefix ? sql`m.region_code like ${`${f.regionPrefix}%`}` : sql`true`;
  const kindCounts = DOCUMENT_KINDS.map(
    (kind) =>
      sql`select 'kind' as facet, ${kind}::text as key, count(*) as count from (
            select 1 from search_documents d
            where ${conditions(f, { kind: true })} and d.kind = ${kind} limit ${COUNT_CAP + 1}) k`,
  );
  const rows = await queryRows<FacetRow>(
    db,
    sql`with m as materialized (
          select d.kind, d.region_code, d.tags from search_documents d
          where ${conditions(f, { region: true })}
          limit ${COUNT_CAP + 1})
        ${sql.join(kindCounts, sql` union all `)}
        union all
        select 'total', '', count(*) from (
          select 1 from search_documents d where ${conditions(f)} limit ${COUNT_CAP + 1}) t
        union all
        select 'province', left(m.region_code, 2), count(*) from m where m.region_code is not null group by 2
        union all
        select 'tag', t, count(*) from m, unnest(m.tags) t where ${regionOk} group by 2
        union all
        select 'sample', '', count(*) from m`,
  );
  const of = (facet: FacetRow['facet']) =>
    rows
      .filter((r) => r.facet === facet)
      .map((r) => ({ key: r.key, ...capped(Number(r.count)) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const sample = Number(rows.find((r) => r.facet === 'sample')?.count ?? 0);
  const total = capped(Number(rows.find((r) => r.facet === 'total')?.count ?? 0));
  return {
    kind: of('kind').filter((b) => b.count > 0),
    province: of('province').slice(0, 40),
    tag: of('tag').slice(0, 12),
    total: total.count,
    totalMore: total.more,
    exact: sample <= COUNT_CAP,
  };
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
  // Nearest first by the GiST index (KNN: the distance alone, see searchPage); otherwise newest first.
  const order = f.point ? sql`ll_to_earth(d.lat, d.lng) <-> ${point(f.point)}` : sql`d.published_at desc, d.id desc`;
  return queryRows<MapRow>(
    db,
    sql`select d.kind, d.id, d.title, d.lat, d.lng, d.amount_fen, d.region_code from search_documents d
        where ${conditions(f, { box: Boolean(f.point) })} order by ${order} limit ${limit}`,
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
