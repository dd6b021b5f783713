import { and, arrayContains, count, desc, eq, inArray, ne, or, type SQL, sql, sum } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import {
  communityLikes,
  communityPoints,
  communityPosts,
  communityReplies,
  communityReports,
} from './community.tables';

export type PostRow = typeof communityPosts.$inferSelect;
export type ReplyRow = typeof communityReplies.$inferSelect;
export type ReportRow = typeof communityReports.$inferSelect;
export type PointsRow = typeof communityPoints.$inferSelect;
export type TargetKind = 'post' | 'reply';

export async function insertPost(db: DbOrTx, row: PostRow): Promise<void> {
  await db.insert(communityPosts).values(row);
}

export async function findPost(db: DbOrTx, id: string): Promise<PostRow | undefined> {
  const [row] = await db.select().from(communityPosts).where(eq(communityPosts.id, id)).limit(1);
  return row;
}

export async function postsByIds(db: DbOrTx, ids: string[]): Promise<PostRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(communityPosts).where(inArray(communityPosts.id, ids));
}

export async function updatePost(db: DbOrTx, id: string, patch: Partial<PostRow>): Promise<PostRow | undefined> {
  const [row] = await db.update(communityPosts).set(patch).where(eq(communityPosts.id, id)).returning();
  return row;
}

export interface PostFilter {
  board?: string;
  regionCode?: string;
  tag?: string;
  q?: string;
  /** the viewer's own posts in every status but deleted, instead of the published ones */
  authorId?: string;
  sort: 'latest' | 'hot';
  limit: number;
  offset: number;
}

function likePattern(q: string): string {
  return `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

function postWhere(f: PostFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.authorId) parts.push(eq(communityPosts.authorId, f.authorId), ne(communityPosts.status, 'deleted'));
  else parts.push(eq(communityPosts.status, 'published'));
  if (f.board) parts.push(eq(communityPosts.board, f.board));
  if (f.regionCode) parts.push(eq(communityPosts.regionCode, f.regionCode));
  if (f.tag) parts.push(arrayContains(communityPosts.tags, [f.tag]));
  if (f.q) {
    const pattern = likePattern(f.q);
    const match = or(
      sql`${communityPosts.title} ilike ${pattern}`,
      sql`${communityPosts.body} ilike ${pattern}`,
      sql`array_to_string(${communityPosts.tags}, ' ') ilike ${pattern}`,
    );
    if (match) parts.push(match);
  }
  return and(...parts);
}

/**
 * 热门 hot: replies weigh three, likes two, a best answer five, and the score halves every three days since the
 * last activity, so a busy old thread gives way to a lively new one.
 */
const hotScore = sql`(${communityPosts.replyCount} * 3 + ${communityPosts.likeCount} * 2
  + case when ${communityPosts.bestReplyId} is null then 0 else 5 end + 1)
  / power(2, extract(epoch from (now() - ${communityPosts.lastActivityAt})) / 259200.0)`;

export async function listPosts(db: DbOrTx, f: PostFilter): Promise<{ rows: PostRow[]; total: number }> {
  const where = postWhere(f);
  const order = f.sort === 'hot' ? [desc(hotScore), desc(communityPosts.createdAt)] : [desc(communityPosts.createdAt)];
  const rows = await db
    .select()
    .from(communityPosts)
    .where(where)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(communityPosts).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function boardCounts(db: DbOrTx) {
  return db
    .select({ board: communityPosts.board, n: count() })
    .from(communityPosts)
    .where(eq(communityPosts.status, 'published'))
    .groupBy(communityPosts.board);
}

export async function regionCounts(db: DbOrTx) {
  return db
    .select({ regionCode: communityPosts.regionCode, n: count() })
    .from(communityPosts)
    .where(and(eq(communityPosts.status, 'published'), eq(communityPosts.board, 'regional')))
    .groupBy(communityPosts.regionCode);
}

export async function popularTags(db: DbOrTx, limit: number): Promise<{ tag: string; n: number }[]> {
  const tag = sql<string>`unnest(${communityPosts.tags})`;
  const rows = await db
    .select({ tag, n: count() })
    .from(communityPosts)
    .where(eq(communityPosts.status, 'published'))
    .groupBy(sql`1`)
    .orderBy(desc(count()), sql`1`)
    .limit(limit);
  return rows.map((r) => ({ tag: String(r.tag), n: Number(r.n) }));
}

export async function insertReply(db: DbOrTx, row: ReplyRow): Promise<void> {
  await db.insert(communityReplies).values(row);
}

export async function findReply(db: DbOrTx, id: string): Promise<ReplyRow | undefined> {
  const [row] = await db.select().from(communityReplies).where(eq(communityReplies.id, id)).limit(1);
  return row;
}

export async function repliesOf(db: DbOrTx, postId: string): Promise<ReplyRow[]> {
  return db
    .select()
    .from(communityReplies)
    .where(and(eq(communityReplies.postId, postId), ne(communityReplies.status, 'deleted')))
    .orderBy(communityReplies.createdAt);
}

export async function updateReply(db: DbOrTx, id: string, patch: Partial<ReplyRow>): Promise<ReplyRow | undefined> {
  const [row] = await db.update(communityReplies).set(patch).where(eq(communityReplies.id, id)).returning();
  return row;
}

/** Adds to a post's reply count (and marks activity). */
export async function bumpReplyCount(db: DbOrTx, postId: string, delta: number, at: Date): Promise<void> {
  await db
    .update(communityPosts)
    .set({ replyCount: sql`greatest(0, ${communityPosts.replyCount} + ${delta})`, lastActivityAt: at })
    .where(eq(communityPosts.id, postId));
}

/** Inserts the like; false when the user had already liked the target. */
export async function insertLike(db: DbOrTx, kind: TargetKind, targetId: string, userId: string): Promise<boolean> {
  const rows = await db
    .insert(communityLikes)
    .values({ targetKind: kind, targetId, userId, createdAt: new Date() })
    .onConflictDoNothing()
    .returning({ userId: communityLikes.userId });
  return rows.length === 1;
}

export async function deleteLike(db: DbOrTx, kind: TargetKind, targetId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(communityLikes)
    .where(
      and(
        eq(communityLikes.targetKind, kind),
        eq(communityLikes.targetId, targetId),
        eq(communityLikes.userId, userId),
      ),
    )
    .returning({ userId: communityLikes.userId });
  return rows.length === 1;
}

/** Moves the target's like counter by `delta` and returns the new count. */
export async function bumpLikeCount(db: DbOrTx, kind: TargetKind, targetId: string, delta: number): Promise<number> {
  if (kind === 'post') {
    const [row] = await db
      .update(communityPosts)
      .set({ likeCount: sql`greatest(0, ${communityPosts.likeCount} + ${delta})` })
      .where(eq(communityPosts.id, targetId))
      .returning({ n: communityPosts.likeCount });
    return row?.n ?? 0;
  }
  const [row] = await db
    .update(communityReplies)
    .set({ likeCount: sql`greatest(0, ${communityReplies.likeCount} + ${delta})` })
    .where(eq(communityReplies.id, targetId))
    .returning({ n: communityReplies.likeCount });
  return row?.n ?? 0;
}

export async function likedBy(db: DbOrTx, userId: string, kind: TargetKind, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: communityLikes.targetId })
    .from(communityLikes)
    .where(
      and(
        eq(communityLikes.userId, userId),
        eq(communityLikes.targetKind, kind),
        inArray(communityLikes.targetId, ids),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Inserts the report; false when this user already reported this content. */
export async function insertReport(db: DbOrTx, row: ReportRow): Promise<boolean> {
  const rows = await db
    .insert(communityReports)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: communityReports.id });
  return rows.length === 1;
}

export async function openReports(db: DbOrTx, limit: number): Promise<ReportRow[]> {
  return db
    .select()
    .from(communityReports)
    .where(eq(communityReports.status, 'open'))
    .orderBy(desc(communityReports.createdAt))
    .limit(limit);
}

/** Closes every open report of the content with the moderator's decision. */
export async function decideReports(
  db: DbOrTx,
  kind: TargetKind,
  targetId: string,
  status: 'taken_down' | 'dismissed',
  by: string,
): Promise<void> {
  await db
    .update(communityReports)
    .set({ status, decidedBy: by, decidedAt: new Date() })
    .where(
      and(
        eq(communityReports.targetKind, kind),
        eq(communityReports.targetId, targetId),
        eq(communityReports.status, 'open'),
      ),
    );
}

export async function findReport(db: DbOrTx, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(communityReports).where(eq(communityReports.id, id)).limit(1);
  return row;
}

export async function postsInStatus(db: DbOrTx, status: string, limit: number): Promise<PostRow[]> {
  return db
    .select()
    .from(communityPosts)
    .where(eq(communityPosts.status, status))
    .orderBy(desc(communityPosts.updatedAt))
    .limit(limit);
}

export async function repliesInStatus(db: DbOrTx, status: string, limit: number): Promise<ReplyRow[]> {
  return db
    .select()
    .from(communityReplies)
    .where(eq(communityReplies.status, status))
    .orderBy(desc(communityReplies.createdAt))
    .limit(limit);
}

export async function repliesByIds(db: DbOrTx, ids: string[]): Promise<ReplyRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(communityReplies).where(inArray(communityReplies.id, ids));
}

/** Records the points once; false when this (reason, source, user) was already recorded. */
export async function insertPoints(db: DbOrTx, row: PointsRow): Promise<boolean> {
  const rows = await db
    .insert(communityPoints)
    .values(row)
    .onConflictDoNothing({ target: [communityPoints.reason, communityPoints.sourceId, communityPoints.userId] })
    .returning({ id: communityPoints.id });
  return rows.length === 1;
}

export async function pointsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: communityPoints.userId, total: sum(communityPoints.points) })
    .from(communityPoints)
    .where(inArray(communityPoints.userId, userIds))
    .groupBy(communityPoints.userId);
  return new Map(rows.map((r) => [r.userId, Number(r.total ?? 0)]));
}

export async function pointsRows(db: DbOrTx, userId: string): Promise<PointsRow[]> {
  return db.select().from(communityPoints).where(eq(communityPoints.userId, userId)).orderBy(communityPoints.createdAt);
}
