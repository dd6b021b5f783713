import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../infra/db/client';
import type { CategoryLevels } from './cooperation.categories';
import { cooperationFirms, cooperationRecords } from './cooperation.tables';

export type FirmRow = typeof cooperationFirms.$inferSelect;
export type RecordRow = typeof cooperationRecords.$inferSelect;

export async function firmsByKeys(db: DbOrTx, keys: readonly string[]): Promise<FirmRow[]> {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(cooperationFirms)
    .where(inArray(cooperationFirms.nameKey, [...keys]));
}

export async function firmsByIds(db: DbOrTx, ids: readonly string[]): Promise<FirmRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(cooperationFirms)
    .where(inArray(cooperationFirms.id, [...ids]));
}

export async function firmsByOrgs(db: DbOrTx, orgIds: readonly string[]): Promise<FirmRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(cooperationFirms)
    .where(inArray(cooperationFirms.orgId, [...orgIds]));
}

export async function insertFirms(db: DbOrTx, rows: (typeof cooperationFirms.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(cooperationFirms).values(rows).onConflictDoNothing();
}

export async function linkFirm(db: DbOrTx, firmId: string, orgId: string): Promise<void> {
  await db
    .update(cooperationFirms)
    .set({ orgId })
    .where(and(eq(cooperationFirms.id, firmId), isNull(cooperationFirms.orgId)));
}

/** Inserts the records that are new; returns how many were. */
export async function insertRecords(db: DbOrTx, rows: (typeof cooperationRecords.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(cooperationRecords)
    .values(rows)
    .onConflictDoNothing({ target: [cooperationRecords.source, cooperationRecords.sourceRef] })
    .returning({ id: cooperationRecords.id });
  return inserted.length;
}

/** What the history says about one candidate supplier, for the query's buyer, category and region. */
export interface SupplierHistory {
  firmId: string;
  orgId: string | null;
  name: string;
  town: string;
  country: string;
  /** awards from this buyer (any category) and in the same division */
  fromBuyer: number;
  fromBuyerDivision: number;
  sameCode: number;
  sameGroup: number;
  sameDivision: number;
  sameRegion: number;
  /** awards from buyers who share a supplier with this buyer (collaborative filtering) */
  fromSimilarBuyers: number;
  lastOn: string | null;
  meanLogAmount: number | null;
  meanRating: number | null;
  titles: string;
}

export interface HistoryPoolQuery {
  buyerFirmId: string | null;
  category: CategoryLevels;
  /** the pool: the category group, or the whole division */
  level: 'group' | 'division';
  regionCode: string;
  regionPrefix: string;
  /** only history strictly before this day (YYYY-MM-DD) */
  before: string;
  limit: number;
  /** the most recent records of the pool that are read */
  poolRecords: number;
}

/** Suppliers of a pool of history (and of the buyer's own history) with their counts, strongest first. */
export async function historyPool(db: DbOrTx, q: HistoryPoolQuery): Promise<SupplierHistory[]> {
  const buyer = q.buyerFirmId;
  const rp = q.regionPrefix;
  const pool =
    q.level === 'group' ? sql`category_group = ${q.category.group}` : sql`category_division = ${q.category.division}`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with sim as (
      select distinct r2.buyer_firm_id as b
      from cooperation_records r1
      join cooperation_records r2 on r2.supplier_firm_id = r1.supplier_firm_id
      where ${buyer}::uuid is not null and r1.buyer_firm_id = ${buyer}::uuid and r2.buyer_firm_id <> ${buyer}::uuid
        and r1.occurred_on < ${q.before}::date and r2.occurred_on < ${q.before}::date
      limit 2000
    ),
    pool as (
      (select id, source_ref, supplier_firm_id, buyer_firm_id, category_code, category_group, category_division,
             region_code, occurred_on, amount_minor, rating, title
      from cooperation_records
      where ${pool} and region_prefix = ${rp} and occurred_on < ${q.before}::date
      order by occurred_on desc
      limit ${q.poolRecords})
      union all
      (select id, source_ref, supplier_firm_id, buyer_firm_id, category_code, category_group, category_division,
             region_code, occurred_on, amount_minor, rating, title
      from cooperation_records
      where ${buyer}::uuid is not null and buyer_firm_id = ${buyer}::uuid and occurred_on < ${q.before}::date
        and not (${pool} and region_prefix = ${rp}))
    ),
    agg as (
      select supplier_firm_id as firm_id,
        count(*) filter (where buyer_firm_id = ${buyer}::uuid) as from_buyer,
        count(*) filter (where buyer_firm_id = ${buyer}::uuid and category_division = ${q.category.division})
          as from_buyer_division,
        count(*) filter (where category_code = ${q.category.code}) as same_code,
        count(*) filter (where category_group = ${q.category.group}) as same_group,
        count(*) filter (where category_division = ${q.category.division}) as same_division,
        count(*) filter (where region_code = ${q.regionCode}) as same_region,
        count(*) filter (where buyer_firm_id in (select b from sim)) as from_similar,
        max(occurred_on)::text as last_on,
        avg(ln(amount_minor)) filter (where amount_minor > 0) as mean_log_amount,
        avg(rating) as mean_rating,
        left(string_agg(title, ' ' order by occurred_on desc, source_ref)
          filter (where category_division = ${q.category.division}), 1200) as titles,
        min(source_ref) as first_ref
      from pool
      where supplier_firm_id is distinct from ${buyer}::uuid
      group by supplier_firm_id
      -- ties broken by the data itself (the earliest source reference), so runs repeat exactly
      order by from_buyer desc, same_group desc, same_division desc, first_ref
      limit ${q.limit}
    )
    select agg.*, f.org_id, f.name, f.town, f.country
    from agg join cooperation_firms f on f.id = agg.firm_id
    order by agg.from_buyer desc, agg.same_group desc, agg.same_division desc, agg.first_ref`,
  );
  return rows.map((r) => ({
    firmId: r.firm_id as string,
    orgId: (r.org_id as string | null) ?? null,
    name: r.name as string,
    town: r.town as string,
    country: r.country as string,
    fromBuyer: Number(r.from_buyer),
    fromBuyerDivision: Number(r.from_buyer_division),
    sameCode: Number(r.same_code),
    sameGroup: Number(r.same_group),
    sameDivision: Number(r.same_division),
    sameRegion: Number(r.same_region),
    fromSimilarBuyers: Number(r.from_similar),
    lastOn: (r.last_on as string | null) ?? null,
    meanLogAmount: r.mean_log_amount == null ? null : Number(r.mean_log_amount),
    meanRating: r.mean_rating == null ? null : Number(r.mean_rating),
    titles: (r.titles as string | null) ?? '',
  }));
}

/** Suppliers by number of records in a category group and region prefix before a day, most first. */
export async function frequentWinners(
  db: DbOrTx,
  q: { group: string; regionPrefix: string; before: string; limit: number },
): Promise<string[]> {
  const rows = await queryRows<{ firm_id: string }>(
    db,
    sql`select supplier_firm_id as firm_id from cooperation_records
        where category_group = ${q.group} and region_prefix = ${q.regionPrefix}
          and occurred_on < ${q.before}::date
        group by supplier_firm_id order by count(*) desc, max(occurred_on) desc limit ${q.limit}`,
  );
  return rows.map((r) => r.firm_id);
}
