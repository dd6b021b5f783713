import { bigint, doublePrecision, index, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 起订额 a supplier's minimum order value: an order from it is worth at least this much or nothing. */
export const procurementSupplierTerms = pgTable('procurement_supplier_terms', {
  orgId: uuid('org_id').primaryKey(),
  minOrderFen: bigint('min_order_fen', { mode: 'number' }).notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** 阶梯价 an all-units price break of a resource listing: from this quantity on, every unit costs this much. */
export const procurementPriceBreaks = pgTable(
  'procurement_price_breaks',
  {
    listingId: uuid('listing_id').notNull(),
    minQuantity: doublePrecision('min_quantity').notNull(),
    unitPriceFen: bigint('unit_price_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.listingId, t.minQuantity] })],
);

/** 采购方案 a plan computed for a demand, kept as shown (the offers it names may change later). */
export const procurementPlans = pgTable(
  'procurement_plans',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    demandId: uuid('demand_id').notNull(),
    view: jsonb('view').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('procurement_plans_demand_idx').on(t.demandId, t.createdAt)],
);
