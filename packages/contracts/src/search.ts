import { z } from 'zod';
import { Id } from './common';
import { AmountFen, Highlight, Latitude, Longitude } from './library-fields';

/** What the search covers: 项目 projects, 资源 resource listings, 需求 demands. */
export const SEARCH_KINDS = ['project', 'resource', 'demand'] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

export const SEARCH_SORTS = ['relevance', 'date', 'distance', 'amount'] as const;
export const SearchSort = z.enum(SEARCH_SORTS);
export type SearchSort = z.infer<typeof SearchSort>;

export const SEARCH_QUERY_MAX = 100;

const csv = (item: z.ZodString, max: number) =>
  z
    .string()
    .max(2000, { message: 'QUERY_TOO_LONG' })
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max, { message: 'FILTER_TOO_MANY' }));

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const SearchQuery = z
  .object({
    q: z.string().trim().max(SEARCH_QUERY_MAX, { message: 'QUERY_TOO_LONG' }).optional(),
    kind: SearchKind.optional(),
    /** a province, city or county code: matches everything inside it */
    region: z
      .string()
      .regex(/^\d{6}$/, { message: 'REGION_CODE_INVALID' })
      .optional(),
    minAmount: z.coerce.number().pipe(AmountFen).optional(),
    maxAmount: z.coerce.number().pipe(AmountFen).optional(),
    tags: csv(z.string().min(1).max(20), 10).optional(),
    /** required qualification kind (资质类别), e.g. 钢结构工程专业承包 */
    qualification: z.string().trim().max(50, { message: 'QUERY_TOO_LONG' }).optional(),
    /** category of a resource or demand, e.g. 钢筋 or 塔吊 */
    category: z.string().trim().max(30, { message: 'QUERY_TOO_LONG' }).optional(),
    lat: z.coerce.number().pipe(Latitude).optional(),
    lng: z.coerce.number().pipe(Longitude).optional(),
    radiusKm: z.coerce
      .number()
      .positive({ message: 'RADIUS_INVALID' })
      .max(3000, { message: 'RADIUS_INVALID' })
      .optional(),
    sort: SearchSort.default('relevance'),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    facets: flag.default(true),
  })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), {
    message: 'COORDINATE_PAIR_REQUIRED',
    path: ['lat'],
  })
  .refine((v) => v.radiusKm === undefined || v.lat !== undefined, { message: 'RADIUS_NEEDS_POINT', path: ['radiusKm'] })
  .refine((v) => v.sort !== 'distance' || v.lat !== undefined, { message: 'RADIUS_NEEDS_POINT', path: ['sort'] })
  .refine((v) => v.minAmount === undefined || v.maxAmount === undefined || v.minAmount <= v.maxAmount, {
    message: 'AMOUNT_RANGE_INVALID',
    path: ['minAmount'],
  });
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchHit = z.object({
  kind: SearchKind,
  id: Id,
  orgId: Id,
  orgName: z.string(),
  title: Highlight,
  snippet: Highlight,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  /** project: investment; resource: unit price; demand: budget — in fen */
  amountFen: z.number().nullable(),
  /** for resources: the unit the price is per */
  unit: z.string().nullable(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  qualifications: z.array(z.string()),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  /** from the point given in the query */
  distanceKm: z.number().nullable(),
  publishedAt: z.iso.datetime(),
  /** a new merchant's ranking boost applied (MERCH-3), shown as 推广 */
  boosted: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetBucket = z.object({
  key: z.string(),
  label: z.string(),
  /** exact up to 1,000; with `more`, more than 1,000 match */
  count: z.number().int(),
  more: z.boolean(),
});
export type FacetBucket = z.infer<typeof FacetBucket>;

export const SearchResult = z.object({
  items: z.array(SearchHit),
  /** pass back as `cursor` for the next page; null on the last page */
  nextCursor: z.string().nullable(),
  /** counts over everything that matches (all pages); present on the first page when asked for */
  facets: z
    .object({
      /** exact up to 1,000 (then 1,000 with `totalMore`) */
      total: z.number().int(),
      totalMore: z.boolean(),
      /** each kind counted exactly up to 1,000 */
      kind: z.array(FacetBucket),
      province: z.array(FacetBucket),
      tag: z.array(FacetBucket),
      /**
       * whether the province and tag counts are exact: false when more than 1,000 documents of the chosen kind
       * match, and then those buckets are named without a count
       */
      exact: z.boolean(),
    })
    .nullable(),
  /** the words the query was split into (jieba), for "searched for: …" */
  terms: z.array(z.string()),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const MapPoint = z.object({
  kind: SearchKind,
  id: Id,
  title: z.string(),
  lat: z.number(),
  lng: z.number(),
  amountFen: z.number().nullable(),
  regionName: z.string().nullable(),
});
export type MapPoint = z.infer<typeof MapPoint>;
export const MapPointList = z.object({
  items: z.array(MapPoint),
  /** true when more points matched than the map shows (the closest are kept when a point is given) */
  truncated: z.boolean(),
});

export const KeywordRankingQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
  kind: SearchKind.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const KeywordRankingItem = z.object({
  keyword: z.string(),
  searches: z.number().int(),
  /** searches that found nothing: unmet demand a merchant could fill */
  zeroResultSearches: z.number().int(),
});
export const KeywordRanking = z.object({ days: z.number().int(), items: z.array(KeywordRankingItem) });
export type KeywordRanking = z.infer<typeof KeywordRanking>;

/** The map's tile source (MAP_TILE_URL …); null: markers on a plain background. */
export const MapConfig = z.object({
  tiles: z
    .object({ url: z.string(), subdomains: z.string(), attribution: z.string(), maxZoom: z.number().int() })
    .nullable(),
});
export type MapConfig = z.infer<typeof MapConfig>;
