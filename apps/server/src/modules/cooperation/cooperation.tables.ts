import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 企业 one firm that took part in cooperation, as the history knows it: a platform organisation (`org_id` set) or a
 * firm known only from imported records. `name_key` is the normalised name (legal form, case, punctuation and
 * whitespace removed), so one firm under several spellings is one row.
 */
export const cooperationFirms = pgTable(
  'cooperation_firms',
  {
    id: uuid('id').primaryKey(),
    nameKey: text('name_key').notNull(),
    name: text('name').notNull(),
    country: text('country').notNull().default(''),
    town: text('town').notNull().default(''),
    nationalId: text('national_id'),
    orgId: uuid('org_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cooperation_firms_name_key_idx').on(t.nameKey), index('cooperation_firms_org_idx').on(t.orgId)],
);

/**
 * 合作记录 one piece of cooperation history: an award, a contract, a completion or a rating produced on the
 * platform, or an imported historical award. Categories are kept as codes (`ZH:<kind>` for ZhuHe's, foreign codes
 * such as `CPV:45232460` as they came) with two coarser prefixes for matching.
 */
export const cooperationRecords = pgTable(
  'cooperation_records',
  {
    id: uuid('id').primaryKey(),
    /** award | contract | completion | rating | import */
    source: text('source').notNull(),
    /** the producing object (contract id, award id …), unique per source: recording twice changes nothing */
    sourceRef: text('source_ref').notNull(),
    buyerFirmId: uuid('buyer_firm_id').notNull(),
    supplierFirmId: uuid('supplier_firm_id').notNull(),
    categoryCode: text('category_code').notNull(),
    categoryGroup: text('category_group').notNull(),
    categoryDivision: text('category_division').notNull(),
    /** ZhuHe category the code maps to, '' when unknown */
    zhCategory: text('zh_category').notNull().default(''),
    extraCodes: text('extra_codes').array().notNull().default([]),
    /** GB/T 2260 or NUTS code of the place of work */
    regionCode: text('region_code').notNull(),
    /** first two characters of region_code: province (GB/T 2260) or country (NUTS) */
    regionPrefix: text('region_prefix').notNull(),
    /** in the currency's minor unit: fen for CNY, cent for EUR */
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    currency: text('currency').notNull().default('CNY'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    title: text('title').notNull().default(''),
    /** 1–5 for ratings */
    rating: integer('rating'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cooperation_records_source_idx').on(t.source, t.sourceRef),
    index('cooperation_records_pool_idx').on(t.categoryGroup, t.regionPrefix, t.occurredOn),
    index('cooperation_records_division_idx').on(t.categoryDivision, t.regionPrefix, t.occurredOn),
    index('cooperation_records_buyer_idx').on(t.buyerFirmId, t.supplierFirmId),
    index('cooperation_records_supplier_idx').on(t.supplierFirmId, t.occurredOn),
  ],
);
