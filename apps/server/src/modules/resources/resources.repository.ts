import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { resourceListings } from './resources.tables';

export type ResourceListingRow = typeof resourceListings.$inferSelect;

export async function insertListings(
  db: DbOrTx,
  rows: (typeof resourceListings.$inferInsert)[],
): Promise<ResourceListingRow[]> {
  if (rows.length === 0) return [];
  return db.insert(resourceListings).values(rows).returning();
}

export async function updateListing(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<typeof resourceListings.$inferInsert>,
): Promise<ResourceListingRow> {
  const [row] = await db
    .update(resourceListings)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(resourceListings.orgId, orgId), eq(resourceListings.id, id)))
    .returning();
  return row as ResourceListingRow;
}

export async function findListing(db: DbOrTx, id: string): Promise<ResourceListingRow | undefined> {
  const [row] = await db.select().from(resourceListings).where(eq(resourceListings.id, id)).limit(1);
  return row;
}

export async function findListings(db: DbOrTx, ids: readonly string[]): Promise<ResourceListingRow[]> {
  return db
    .select()
    .from(resourceListings)
    .where(inArray(resourceListings.id, [...ids]));
}

export async function listOrgListings(db: DbOrTx, orgId: string, limit: number): Promise<ResourceListingRow[]> {
  return db
    .select()
    .from(resourceListings)
    .where(eq(resourceListings.orgId, orgId))
    .orderBy(desc(resourceListings.createdAt), desc(resourceListings.id))
    .limit(limit);
}

export async function offersOf(db: DbOrTx, kind: string, regionCodes: readonly string[], limit: number) {
  const keys = regionCodes.map((code) => `${kind}:${code}`);
  // matches the partial GIN index resource_listings_offer_keys_idx (custom migration 0012)
  return db
    .select({
      orgId: resourceListings.orgId,
      priceFen: resourceListings.priceFen,
      lat: resourceListings.lat,
      lng: resourceListings.lng,
    })
    .from(resourceListings)
    .where(
      and(
        sql`listing_offer_keys(${resourceListings.kind}, ${resourceListings.serviceRegionCodes}) && ${sql.param(keys)}::text[]`,
        eq(resourceListings.status, 'active'),
      ),
    )
    .limit(limit);
}

/** Active listings of some kinds that serve any of the regions, with what the procurement optimiser needs. */
export async function offerListingsOf(
  db: DbOrTx,
  kinds: readonly string[],
  regionCodes: readonly string[],
  limit: number,
) {
  const keys = kinds.flatMap((kind) => regionCodes.map((code) => `${kind}:${code}`));
  // matches the partial GIN index resource_listings_offer_keys_idx (custom migration 0012)
  return db
    .select({
      id: resourceListings.id,
      orgId: resourceListings.orgId,
      kind: resourceListings.kind,
      title: resourceListings.title,
      priceFen: resourceListings.priceFen,
      unit: resourceListings.unit,
      stock: resourceListings.stock,
      leadTimeDays: resourceListings.leadTimeDays,
      lat: resourceListings.lat,
      lng: resourceListings.lng,
    })
    .from(resourceListings)
    .where(
      and(
        sql`listing_offer_keys(${resourceListings.kind}, ${resourceListings.serviceRegionCodes}) && ${sql.param(keys)}::text[]`,
        eq(resourceListings.status, 'active'),
      ),
    )
    .limit(limit);
}
