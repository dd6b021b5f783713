import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { favourites, inquiries, inquiryEngagements, inquiryOrders } from './inquiries.tables';

export type FavouriteRow = typeof favourites.$inferSelect;
export type InquiryRow = typeof inquiries.$inferSelect;
export type EngagementRow = typeof inquiryEngagements.$inferSelect;
export type OrderRow = typeof inquiryOrders.$inferSelect;

export async function upsertFavourite(db: DbOrTx, row: FavouriteRow): Promise<void> {
  await db.insert(favourites).values(row).onConflictDoNothing();
}

export async function findFavourite(db: DbOrTx, orgId: string, userId: string, kind: string, targetId: string) {
  const [row] = await db
    .select()
    .from(favourites)
    .where(
      and(
        eq(favourites.orgId, orgId),
        eq(favourites.userId, userId),
        eq(favourites.kind, kind),
        eq(favourites.targetId, targetId),
      ),
    );
  return row;
}

export async function deleteFavourite(
  db: DbOrTx,
  orgId: string,
  userId: string,
  kind: string,
  targetId: string,
): Promise<boolean> {
  const rows = await db
    .delete(favourites)
    .where(
      and(
        eq(favourites.orgId, orgId),
        eq(favourites.userId, userId),
        eq(favourites.kind, kind),
        eq(favourites.targetId, targetId),
      ),
    )
    .returning({ targetId: favourites.targetId });
  return rows.length > 0;
}

export async function favouritesOf(db: DbOrTx, orgId: string, userId: string, kind?: string): Promise<FavouriteRow[]> {
  return db
    .select()
    .from(favourites)
    .where(
      and(eq(favourites.orgId, orgId), eq(favourites.userId, userId), kind ? eq(favourites.kind, kind) : undefined),
    )
    .orderBy(desc(favourites.createdAt))
    .limit(500);
}

export async function insertInquiry(db: DbOrTx, row: InquiryRow, engagements: EngagementRow[]): Promise<void> {
  await db.insert(inquiries).values(row);
  await db.insert(inquiryEngagements).values(engagements);
}

export async function findInquiry(db: DbOrTx, id: string): Promise<InquiryRow | undefined> {
  const [row] = await db.select().from(inquiries).where(eq(inquiries.id, id));
  return row;
}

export async function engagementsOf(db: DbOrTx, inquiryIds: readonly string[]): Promise<EngagementRow[]> {
  if (inquiryIds.length === 0) return [];
  return db
    .select()
    .from(inquiryEngagements)
    .where(inArray(inquiryEngagements.inquiryId, [...inquiryIds]))
    .orderBy(inquiryEngagements.sentAt, inquiryEngagements.id);
}

export async function findEngagement(db: DbOrTx, inquiryId: string, merchantOrgId: string) {
  const [row] = await db
    .select()
    .from(inquiryEngagements)
    .where(and(eq(inquiryEngagements.inquiryId, inquiryId), eq(inquiryEngagements.merchantOrgId, merchantOrgId)));
  return row;
}

export async function sentBy(db: DbOrTx, buyerOrgId: string): Promise<InquiryRow[]> {
  return db
    .select()
    .from(inquiries)
    .where(eq(inquiries.buyerOrgId, buyerOrgId))
    .orderBy(desc(inquiries.createdAt))
    .limit(200);
}

export async function receivedBy(db: DbOrTx, merchantOrgId: string) {
  return db
    .select({ inquiry: inquiries, engagement: inquiryEngagements })
    .from(inquiryEngagements)
    .innerJoin(inquiries, eq(inquiries.id, inquiryEngagements.inquiryId))
    .where(eq(inquiryEngagements.merchantOrgId, merchantOrgId))
    .orderBy(desc(inquiryEngagements.sentAt))
    .limit(200);
}

/** sent → viewed, the first time the merchant opens it; a no-op afterwards */
export async function markViewed(db: DbOrTx, engagementId: string, at: Date): Promise<void> {
  await db
    .update(inquiryEngagements)
    .set({
      viewedAt: at,
      status: sql`case when ${inquiryEngagements.status} = 'sent' then 'viewed' else ${inquiryEngagements.status} end`,
    })
    .where(and(eq(inquiryEngagements.id, engagementId), isNull(inquiryEngagements.viewedAt)));
}

/** Answers (quote or decline) only an engagement not yet answered: two submissions cannot both land. */
export async function answer(
  db: DbOrTx,
  engagementId: string,
  values: Partial<EngagementRow>,
): Promise<EngagementRow | undefined> {
  const [row] = await db
    .update(inquiryEngagements)
    .set(values)
    .where(and(eq(inquiryEngagements.id, engagementId), inArray(inquiryEngagements.status, ['sent', 'viewed'])))
    .returning();
  return row;
}

/** open → accepted, once: the conditional update is what makes one of two concurrent acceptances win. */
export async function closeInquiry(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(inquiries)
    .set({ status: 'accepted' })
    .where(and(eq(inquiries.id, id), eq(inquiries.status, 'open')))
    .returning({ id: inquiries.id });
  return rows.length > 0;
}

export async function decide(db: DbOrTx, inquiryId: string, acceptedId: string, at: Date): Promise<EngagementRow[]> {
  await db
    .update(inquiryEngagements)
    .set({ status: 'accepted', decidedAt: at })
    .where(eq(inquiryEngagements.id, acceptedId));
  // every other merchant still in the running (asked, viewed or quoted) has lost; a decline stays a decline
  return db
    .update(inquiryEngagements)
    .set({ status: 'lost', decidedAt: at })
    .where(
      and(
        eq(inquiryEngagements.inquiryId, inquiryId),
        ne(inquiryEngagements.id, acceptedId),
        or(
          eq(inquiryEngagements.status, 'sent'),
          eq(inquiryEngagements.status, 'viewed'),
          eq(inquiryEngagements.status, 'quoted'),
        ),
      ),
    )
    .returning();
}

export async function insertOrder(db: DbOrTx, row: OrderRow): Promise<void> {
  await db.insert(inquiryOrders).values(row);
}

export async function ordersOf(db: DbOrTx, inquiryIds: readonly string[]): Promise<OrderRow[]> {
  if (inquiryIds.length === 0) return [];
  return db
    .select()
    .from(inquiryOrders)
    .where(inArray(inquiryOrders.inquiryId, [...inquiryIds]));
}

export async function setOrderContract(db: DbOrTx, orderId: string, contractId: string): Promise<boolean> {
  const rows = await db
    .update(inquiryOrders)
    .set({ contractId })
    .where(and(eq(inquiryOrders.id, orderId), isNull(inquiryOrders.contractId)))
    .returning({ id: inquiryOrders.id });
  return rows.length > 0;
}
