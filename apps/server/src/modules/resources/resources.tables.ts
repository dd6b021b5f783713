import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 资源 a listing of material, equipment, a labour team or machinery for rent (INFO-2). */
export const resourceListings = pgTable(
  'resource_listings',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    category: text('category').notNull(),
    /** 品类 key from RESOURCE_KINDS, e.g. rebar, tower_crane */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    /** 单价 in fen per unit */
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    stock: bigint('stock', { mode: 'number' }).notNull(),
    serviceRegionCodes: text('service_region_codes').array().notNull(),
    leadTimeDays: integer('lead_time_days').notNull(),
    regionCode: text('region_code').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    locationDerived: boolean('location_derived').notNull(),
    tags: text('tags').array().notNull(),
    description: text('description').notNull(),
    status: text('status').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('resource_listings_id_idx').on(t.id),
    // matching: who offers a kind (active listings)
    index('resource_listings_kind_idx').on(t.kind, t.status, t.orgId),
  ],
);
