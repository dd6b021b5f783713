import { and, asc, desc, eq, gt, ilike, inArray, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { chatConversations, chatMessages, chatParticipants, chatReads } from './chat.tables';

export type ConversationRow = typeof chatConversations.$inferSelect;
export type MessageRow = typeof chatMessages.$inferSelect;
export type ReadRow = typeof chatReads.$inferSelect;

export async function findConversation(db: DbOrTx, id: string): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(chatConversations).where(eq(chatConversations.id, id));
  return row;
}

export async function findByContextKey(db: DbOrTx, key: string): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(chatConversations).where(eq(chatConversations.contextKey, key));
  return row;
}

/** Inserts the conversation unless its context key exists; returns the one stored either way. */
export async function insertConversation(db: DbOrTx, row: typeof chatConversations.$inferInsert) {
  await db.insert(chatConversations).values(row).onConflictDoNothing({ target: chatConversations.contextKey });
  return (await findByContextKey(db, row.contextKey)) as ConversationRow;
}

export async function addParticipants(db: DbOrTx, conversationId: string, orgIds: readonly string[], now: Date) {
  if (orgIds.length === 0) return;
  await db
    .insert(chatParticipants)
    .values(orgIds.map((orgId) => ({ conversationId, orgId, joinedAt: now })))
    .onConflictDoNothing();
}

export async function participantOrgIds(db: DbOrTx, conversationId: string): Promise<string[]> {
  const rows = await db
    .select({ orgId: chatParticipants.orgId })
    .from(chatParticipants)
    .where(eq(chatParticipants.conversationId, conversationId))
    .orderBy(asc(chatParticipants.joinedAt));
  return rows.map((r) => r.orgId);
}

export async function participantsOf(db: DbOrTx, conversationIds: readonly string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .select()
    .from(chatParticipants)
    .where(inArray(chatParticipants.conversationId, [...conversationIds]));
}

export async function isParticipant(db: DbOrTx, conversationId: string, orgIds: readonly string[]): Promise<boolean> {
  if (orgIds.length === 0) return false;
  const [row] = await db
    .select({ orgId: chatParticipants.orgId })
    .from(chatParticipants)
    .where(and(eq(chatParticipants.conversationId, conversationId), inArray(chatParticipants.orgId, [...orgIds])))
    .limit(1);
  return Boolean(row);
}

export async function conversationsOfOrg(db: DbOrTx, orgId: string): Promise<ConversationRow[]> {
  return db
    .select({ c: chatConversations })
    .from(chatConversations)
    .innerJoin(chatParticipants, eq(chatParticipants.conversationId, chatConversations.id))
    .where(eq(chatParticipants.orgId, orgId))
    .orderBy(sql`coalesce(${chatConversations.lastMessageAt}, ${chatConversations.createdAt}) desc`)
    .limit(200)
    .then((rows) => rows.map((r) => r.c));
}

export async function touchConversation(db: DbOrTx, id: string, at: Date) {
  await db.update(chatConversations).set({ lastMessageAt: at }).where(eq(chatConversations.id, id));
}

export async function insertMessage(db: DbOrTx, row: Omit<typeof chatMessages.$inferInsert, 'seq'>) {
  const [stored] = await db.insert(chatMessages).values(row).returning();
  return stored as MessageRow;
}

export async function setEvidence(db: DbOrTx, seq: number, sha256: string) {
  await db.update(chatMessages).set({ evidenceSha256: sha256 }).where(eq(chatMessages.seq, seq));
}

export async function findMessage(db: DbOrTx, conversationId: string, id: string): Promise<MessageRow | undefined> {
  const [row] = await db
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.conversationId, conversationId), eq(chatMessages.id, id)));
  return row;
}

export async function findMessageById(db: DbOrTx, id: string): Promise<MessageRow | undefined> {
  const [row] = await db.select().from(chatMessages).where(eq(chatMessages.id, id));
  return row;
}

/** One page of a conversation's history, newest first; `q` a case-insensitive substring (trigram index). */
export async function history(
  db: DbOrTx,
  conversationId: string,
  options: { before?: number; q?: string; limit: number },
): Promise<MessageRow[]> {
  const escaped = options.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select()
    .from(chatMessages)
    .where(
      and(
        eq(chatMessages.conversationId, conversationId),
        options.before ? lt(chatMessages.seq, options.before) : undefined,
        escaped ? ilike(chatMessages.body, `%${escaped}%`) : undefined,
      ),
    )
    .orderBy(desc(chatMessages.seq))
    .limit(options.limit);
}

/** Messages after `after` in any conversation one of the organisations takes part in, oldest first. */
export async function messagesAfter(db: DbOrTx, orgIds: readonly string[], after: number, limit: number) {
  if (orgIds.length === 0) return [];
  return db
    .select({ m: chatMessages })
    .from(chatMessages)
    .where(
      and(
        gt(chatMessages.seq, after),
        inArray(
          chatMessages.conversationId,
          db
            .selectDistinct({ id: chatParticipants.conversationId })
            .from(chatParticipants)
            .where(inArray(chatParticipants.orgId, [...orgIds])),
        ),
      ),
    )
    .orderBy(asc(chatMessages.seq))
    .limit(limit)
    .then((rows) => rows.map((r) => r.m));
}

export async function lastMessages(db: DbOrTx, conversationIds: readonly string[]): Promise<MessageRow[]> {
  if (conversationIds.length === 0) return [];
  return db
    .selectDistinctOn([chatMessages.conversationId])
    .from(chatMessages)
    .where(inArray(chatMessages.conversationId, [...conversationIds]))
    .orderBy(chatMessages.conversationId, desc(chatMessages.seq));
}

/** Unread messages per conversation for a user: others' messages after the user's last-read sequence. */
export async function unreadCounts(db: DbOrTx, userId: string, conversationIds: readonly string[]) {
  if (conversationIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ conversationId: chatMessages.conversationId, n: sql<number>`count(*)::int` })
    .from(chatMessages)
    .leftJoin(chatReads, and(eq(chatReads.conversationId, chatMessages.conversationId), eq(chatReads.userId, userId)))
    .where(
      and(
        inArray(chatMessages.conversationId, [...conversationIds]),
        ne(chatMessages.senderUserId, userId),
        sql`${chatMessages.seq} > coalesce(${chatReads.lastReadSeq}, 0)`,
      ),
    )
    .groupBy(chatMessages.conversationId);
  return new Map(rows.map((r) => [r.conversationId, Number(r.n)]));
}

export async function readsOf(db: DbOrTx, conversationIds: readonly string[]): Promise<ReadRow[]> {
  if (conversationIds.length === 0) return [];
  return db
    .select()
    .from(chatReads)
    .where(inArray(chatReads.conversationId, [...conversationIds]));
}

/** Moves a user's receipt forward only (a late, lower receipt never takes it back). */
export async function advanceRead(
  db: DbOrTx,
  row: { conversationId: string; userId: string; orgId: string; read: number; delivered: number; at: Date },
) {
  await db
    .insert(chatReads)
    .values({
      conversationId: row.conversationId,
      userId: row.userId,
      orgId: row.orgId,
      lastReadSeq: row.read,
      lastDeliveredSeq: Math.max(row.read, row.delivered),
      updatedAt: row.at,
    })
    .onConflictDoUpdate({
      target: [chatReads.conversationId, chatReads.userId],
      set: {
        orgId: row.orgId,
        lastReadSeq: sql`greatest(${chatReads.lastReadSeq}, ${row.read})`,
        lastDeliveredSeq: sql`greatest(${chatReads.lastDeliveredSeq}, ${row.delivered}, ${row.read})`,
        updatedAt: row.at,
      },
    });
}

/** NOTIFY through the pool: inside a transaction it is sent at commit, outside at once. */
export async function notify(db: DbOrTx, channel: string, payload: string) {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}
