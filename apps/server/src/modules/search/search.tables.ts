import {
  bigint,
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * 搜索索引 one row per searchable project, resource listing or demand. The owning modules feed it through
 * `indexDocument` (search's index.ts), so search never reads their tables. GIN (tokens, trigram text) and GiST
 * (ll_to_earth) indexes are created in the custom migration next to this table's.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    kind: text('kind').notNull(),
    id: uuid('id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgName: text('org_name').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    category: text('category'),
    regionCode: text('region_code'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    unit: text('unit'),
    tags: text('tags').array().notNull(),
    qualifications: text('qualifications').array().notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    /** public, or invited: only the organisations in `audience` (the owner is always in it) */
    visibility: text('visibility').notNull(),
    audience: uuid('audience').array().notNull(),
    publishedAt: ts('published_at').notNull(),
    /** jieba terms with positions and weights (A title, B region/category/tags, D body) */
    tokens: tsvector('tokens').notNull(),
    /** the terms space-separated, for pg_trgm word similarity */
    trgmText: text('trgm_text').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.id] }),
    uniqueIndex('search_documents_org_idx').on(t.orgId, t.kind, t.id),
    index('search_documents_published_idx').on(t.publishedAt, t.id),
  ],
);

/** 搜索词 every search with words, for the merchants' keyword-ranking report (MERCH-5). Platform data. */
export const searchKeywords = pgTable(
  'search_keywords',
  {
    id: uuid('id').primaryKey(),
    keyword: text('keyword').notNull(),
    kind: text('kind'),
    resultCount: integer('result_count').notNull(),
    userId: uuid('user_id'),
    orgId: uuid('org_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('search_keywords_created_idx').on(t.createdAt)],
);
