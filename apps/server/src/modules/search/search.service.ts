import type { KeywordRanking, MapPoint, SearchKind, SearchQuery, SearchResult } from '@zhuhe/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../infra/context';
import type { Db, DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { findRegion, regionPath, regionPrefix } from '../regions';
import { searchErrors } from './search.errors';
import { presentHit, presentMapPoint } from './search.presenter';
import type { RankingBoostProvider } from './search.ranking-boost';
import * as repo from './search.repository';
import { planQuery, type QueryPlan, trigramText, tsqueryLiteral, tsvectorLiteral } from './search.segmenter';

/** What a module hands to the index: one searchable object, already visible to its audience. */
export interface SearchDocumentInput {
  kind: SearchKind;
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  /** description and other long text: searched with low weight, shown as the snippet */
  body: string;
  category?: string | null;
  /** more words that describe it: engineering type, resource kind, parameters … (weight B) */
  keywords?: readonly string[];
  regionCode: string | null;
  amountFen: number | null;
  unit?: string | null;
  tags: readonly string[];
  qualifications?: readonly string[];
  location: { lat: number; lng: number };
  visibility: 'public' | 'invited';
  /** organisations that may see an invited-only document; the owner is added */
  audience?: readonly string[];
  publishedAt: Date;
}

/** 0.45: a one-character slip in a three-character word (钢结够 → 钢结构) scores 0.5 and still matches. */
const FUZZY_THRESHOLD = 0.45;
const MAP_LIMIT = 2000;

export function buildDocument(input: SearchDocumentInput): repo.SearchDocumentRow {
  const regionWords = input.regionCode ? regionPath(input.regionCode).map((r) => r.name) : [];
  const described = [input.category ?? '', ...(input.keywords ?? []), ...input.tags].join(' ');
  const tokens = tsvectorLiteral([
    // The category says what the thing is (钢筋, 塔吊, 房建): as telling as the title.
    { text: `${input.title} ${input.category ?? ''}`, weight: 'A' },
    { text: [...(input.keywords ?? []), ...input.tags].join(' '), weight: 'B' },
    { text: regionWords.join(' '), weight: 'B' },
    { text: (input.qualifications ?? []).join(' '), weight: 'C' },
    { text: input.body.slice(0, 4000), weight: 'D' },
  ]);
  return {
    kind: input.kind,
    id: input.id,
    orgId: input.orgId,
    orgName: input.orgName,
    title: input.title,
    summary: input.body.slice(0, 500),
    category: input.category ?? null,
    regionCode: input.regionCode,
    amountFen: input.amountFen,
    unit: input.unit ?? null,
    tags: [...input.tags],
    qualifications: [...(input.qualifications ?? [])],
    lat: input.location.lat,
    lng: input.location.lng,
    visibility: input.visibility,
    audience: [...new Set([input.orgId, ...(input.audience ?? [])])],
    publishedAt: input.publishedAt,
    tokens,
    trgmText: trigramText(`${input.title} ${described} ${regionWords.join(' ')}`),
  };
}

/** Adds or replaces documents in the index; pass `tx` to index in the same transaction as the change. */
export async function indexDocuments(
  ctx: Pick<AppContext, 'db'>,
  inputs: readonly SearchDocumentInput[],
  tx?: DbOrTx,
): Promise<void> {
  for (let i = 0; i < inputs.length; i += 500) {
    await repo.upsertDocuments(tx ?? ctx.db, inputs.slice(i, i + 500).map(buildDocument));
  }
}

export async function removeDocument(
  ctx: Pick<AppContext, 'db'>,
  kind: SearchKind,
  id: string,
  tx?: DbOrTx,
): Promise<void> {
  await repo.deleteDocument(tx ?? ctx.db, kind, id);
}

export interface Viewer {
  userId: string;
  /** the organisations the user belongs to: invited-only documents addressed to any of them are visible */
  orgIds: readonly string[];
  activeOrgId: string | null;
}

type ParsedQuery = z.output<typeof SearchQuery>;

interface Cursor {
  sort: string;
  value: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

function decodeCursor(raw: string, sort: string): Cursor {
  try {
    const [s, value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const validValue = typeof value === 'string' && value.length < 64 && /^[\d\s:.+\-T|e]+$/.test(value);
    const validId = typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id);
    if (s !== sort || !validValue || !validId) throw new Error('cursor');
    return { sort: s, value, id };
  } catch {
    throw searchErrors.raise('SEARCH_CURSOR_INVALID');
  }
}

function filterOf(query: ParsedQuery, plan: QueryPlan, viewer: Viewer): repo.SearchFilter {
  return {
    tsquery: plan.terms.length > 0 ? tsqueryLiteral(plan.terms) : null,
    fuzzy: plan.fuzzy.map((f) => ({ text: f.text, tsquery: f.terms.length > 0 ? tsqueryLiteral(f.terms) : null })),
    kind: query.kind,
    regionPrefix: query.region ? regionPrefix(query.region) : undefined,
    minAmount: query.minAmount,
    maxAmount: query.maxAmount,
    tags: query.tags,
    qualification: query.qualification || undefined,
    category: query.category || undefined,
    point: query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined,
    radiusM: query.radiusKm !== undefined ? query.radiusKm * 1000 : undefined,
    viewerOrgIds: viewer.orgIds,
  };
}

const KIND_LABELS: Record<string, string> = { project: '项目', resource: '资源', demand: '需求' };

/**
 * Searches the libraries (INFO-1..3 search): jieba terms by full text, unknown fragments by trigram similarity,
 * filters, distance, a total order for keyset pagination, facet counts on the first page. Searches with words
 * are recorded for the keyword-ranking report. The index is read from `readDb` (the read replica when the route
 * may use it, ADR 0119); the keyword is recorded on `ctx.db`, the primary, as a replica takes no writes.
 */
export async function search(
  ctx: AppContext,
  viewer: Viewer,
  query: ParsedQuery,
  boostProvider: RankingBoostProvider,
  readDb: Db = ctx.db,
): Promise<SearchResult> {
  const plan = planQuery(query.q ?? '');
  const filter = filterOf(query, plan, viewer);
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
  const boosts = await boostProvider.activeBoosts(ctx);
  const page = (db: DbOrTx) =>
    repo.searchPage(db, {
      filter,
      titleQuery: plan.terms.length > 0 ? tsqueryLiteral(plan.terms, '&', 'A') : null,
      sort: query.sort,
      after,
      limit: query.limit + 1,
      boostedOrgIds: [...boosts.entries()].filter(([, factor]) => factor > 0).map(([orgId]) => orgId),
    });
  const counts = (db: DbOrTx) => (query.facets && !after ? repo.facetCounts(db, filter) : Promise.resolve(null));
  // Transaction-local settings (trigram threshold, ordered index scans for nearest-first) need one transaction;
  // other searches run the page and the facets side by side (PostgreSQL: two connections; PGlite queues them).
  const nearestFirst = query.sort === 'distance';
  const [rows, facets] =
    filter.fuzzy.length > 0 || nearestFirst
      ? await readDb.transaction(async (tx) => {
          if (filter.fuzzy.length > 0) await repo.setTrigramThreshold(tx, FUZZY_THRESHOLD);
          if (nearestFirst) await repo.preferOrderedIndexScans(tx, true);
          const found = await page(tx);
          if (nearestFirst) await repo.preferOrderedIndexScans(tx, false);
          return [found, await counts(tx)] as const;
        })
      : await Promise.all([page(readDb), counts(readDb)]);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const words = (query.q ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (words && !after) {
    await repo.insertKeyword(ctx.db, {
      id: newId(),
      keyword: words.slice(0, 100),
      kind: query.kind ?? null,
      resultCount: facets ? facets.total : items.length,
      userId: viewer.userId,
      orgId: viewer.activeOrgId,
    });
  }
  return {
    items: items.map((row) => presentHit(row, plan)),
    nextCursor: more && last ? encodeCursor({ sort: query.sort, value: last.sort_value, id: last.id }) : null,
    facets: facets
      ? {
          total: facets.total,
          totalMore: facets.totalMore,
          kind: facets.kind.map((b) => ({ ...b, label: KIND_LABELS[b.key] ?? b.key })),
          province: facets.province.map((b) => ({
            ...b,
            key: `${b.key}0000`,
            label: findRegion(`${b.key}0000`)?.name ?? b.key,
          })),
          tag: facets.tag.map((b) => ({ ...b, label: b.key })),
          exact: facets.exact,
        }
      : null,
    terms: [...plan.terms, ...plan.fuzzy.map((f) => f.text)],
  };
}

/** Points for the map: everything matching, nearest first when a point is given, at most 2,000. */
export async function mapPoints(
  ctx: AppContext,
  viewer: Viewer,
  query: ParsedQuery,
): Promise<{ items: MapPoint[]; truncated: boolean }> {
  const plan = planQuery(query.q ?? '');
  const filter = filterOf(query, plan, viewer);
  const rows = await ctx.db.transaction(async (tx) => {
    if (filter.fuzzy.length > 0) await repo.setTrigramThreshold(tx, FUZZY_THRESHOLD);
    if (filter.point) await repo.preferOrderedIndexScans(tx, true);
    return repo.mapPoints(tx, filter, MAP_LIMIT + 1);
  });
  return { items: rows.slice(0, MAP_LIMIT).map(presentMapPoint), truncated: rows.length > MAP_LIMIT };
}

/** 搜索词排行 what buyers searched for, most frequent first, with the searches that found nothing. */
export async function keywordRanking(
  ctx: AppContext,
  options: { days: number; kind?: SearchKind | undefined; limit: number },
): Promise<KeywordRanking> {
  const since = new Date(Date.now() - options.days * 86_400_000);
  const rows = await repo.keywordRanking(ctx.db, { since, kind: options.kind, limit: options.limit });
  return {
    days: options.days,
    items: rows.map((r) => ({ keyword: r.keyword, searches: Number(r.searches), zeroResultSearches: Number(r.zero) })),
  };
}
