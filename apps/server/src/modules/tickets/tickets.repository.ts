import { and, asc, desc, eq, gte, inArray, like, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { cannedAnswers, ticketAttachments, ticketEscalations, ticketMessages, tickets } from './tickets.tables';

export type TicketRow = typeof tickets.$inferSelect;
export type MessageRow = typeof ticketMessages.$inferSelect;
export type AttachmentRow = typeof ticketAttachments.$inferSelect;
export type EscalationRow = typeof ticketEscalations.$inferSelect;
export type CannedRow = typeof cannedAnswers.$inferSelect;

export async function insertTicket(db: DbOrTx, row: typeof tickets.$inferInsert) {
  await db.insert(tickets).values(row);
}

export async function findTicket(db: DbOrTx, id: string, forUpdate = false): Promise<TicketRow | undefined> {
  const query = db.select().from(tickets).where(eq(tickets.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findByNo(db: DbOrTx, ticketNo: string): Promise<TicketRow | undefined> {
  const [row] = await db.select().from(tickets).where(eq(tickets.ticketNo, ticketNo)).limit(1);
  return row;
}

export async function updateTicket(db: DbOrTx, id: string, patch: Partial<typeof tickets.$inferInsert>) {
  await db.update(tickets).set(patch).where(eq(tickets.id, id));
}

export async function ticketsOfOrg(db: DbOrTx, orgId: string): Promise<TicketRow[]> {
  return db.select().from(tickets).where(eq(tickets.orgId, orgId)).orderBy(desc(tickets.createdAt)).limit(200);
}

export async function queue(db: DbOrTx, statuses: readonly string[] | null, line?: number): Promise<TicketRow[]> {
  const where = and(
    statuses ? inArray(tickets.status, [...statuses]) : undefined,
    line ? eq(tickets.line, line) : undefined,
  );
  return db.select().from(tickets).where(where).orderBy(asc(tickets.createdAt)).limit(500);
}

export async function openedSince(db: DbOrTx, since: Date): Promise<TicketRow[]> {
  return db.select().from(tickets).where(gte(tickets.createdAt, since)).limit(20_000);
}

export async function countOfDay(db: DbOrTx, prefix: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`count(*)` })
    .from(tickets)
    .where(like(tickets.ticketNo, `${prefix}%`));
  return Number(row?.n ?? 0);
}

export async function insertMessage(db: DbOrTx, row: typeof ticketMessages.$inferInsert) {
  await db.insert(ticketMessages).values(row);
}

export async function messagesOf(db: DbOrTx, ticketId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticketId))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
}

export async function insertAttachment(db: DbOrTx, row: AttachmentRow) {
  await db.insert(ticketAttachments).values(row);
}

export async function attachmentsOf(db: DbOrTx, ticketId: string): Promise<AttachmentRow[]> {
  return db.select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, ticketId));
}

export async function insertEscalation(db: DbOrTx, row: EscalationRow) {
  await db.insert(ticketEscalations).values(row);
}

export async function escalationsOf(db: DbOrTx, ticketId: string): Promise<EscalationRow[]> {
  return db
    .select()
    .from(ticketEscalations)
    .where(eq(ticketEscalations.ticketId, ticketId))
    .orderBy(asc(ticketEscalations.createdAt));
}

export async function listCanned(db: DbOrTx): Promise<CannedRow[]> {
  return db.select().from(cannedAnswers).orderBy(asc(cannedAnswers.createdAt), asc(cannedAnswers.title));
}

export async function findCanned(db: DbOrTx, id: string): Promise<CannedRow | undefined> {
  const [row] = await db.select().from(cannedAnswers).where(eq(cannedAnswers.id, id));
  return row;
}

export async function insertCanned(db: DbOrTx, row: CannedRow) {
  await db.insert(cannedAnswers).values(row);
}

/** Ratings given in [from, to), newest first. */
export async function ratedBetween(db: DbOrTx, from: Date, to: Date) {
  return db
    .select({
      category: tickets.category,
      stars: tickets.ratingStars,
      comment: tickets.ratingComment,
      ratedAt: tickets.ratedAt,
    })
    .from(tickets)
    .where(and(gte(tickets.ratedAt, from), lt(tickets.ratedAt, to)))
    .orderBy(desc(tickets.ratedAt))
    .limit(5_000);
}
