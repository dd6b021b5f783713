import type { ComplianceHit } from '@zhuhe/contracts';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 帖子 a post in the 施工人社区, written by a user for the organisation they act for. `status`: published | held
 * (a banned claim was found at submission; only the author and moderators see it) | removed (下架, with the
 * compliance takedown's id) | deleted (by the author). The counters are kept in the same transaction as the
 * like or reply that changes them, so lists sort by them without joins.
 */
export const communityPosts = pgTable(
  'community_posts',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    authorId: uuid('author_id').notNull(),
    /** experience | material_prices | legal_qa | regional */
    board: text('board').notNull(),
    /** GB/T 2260 province code; required on the regional board, optional elsewhere */
    regionCode: text('region_code'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags').array().notNull(),
    status: text('status').notNull(),
    heldReasons: jsonb('held_reasons').$type<ComplianceHit[]>().notNull(),
    bestReplyId: uuid('best_reply_id'),
    takedownId: uuid('takedown_id'),
    likeCount: integer('like_count').notNull(),
    replyCount: integer('reply_count').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    lastActivityAt: ts('last_activity_at').notNull(),
  },
  (t) => [
    index('community_posts_board_idx').on(t.board, t.status, t.createdAt),
    index('community_posts_author_idx').on(t.authorId, t.createdAt),
  ],
);

/** 回复 a reply to a post; the same statuses as a post. */
export const communityReplies = pgTable(
  'community_replies',
  {
    id: uuid('id').primaryKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => communityPosts.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull(),
    heldReasons: jsonb('held_reasons').$type<ComplianceHit[]>().notNull(),
    takedownId: uuid('takedown_id'),
    likeCount: integer('like_count').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('community_replies_post_idx').on(t.postId, t.createdAt)],
);

/** 点赞 one user's like of a post or reply; the primary key makes it one per user. */
export const communityLikes = pgTable(
  'community_likes',
  {
    /** post | reply */
    targetKind: text('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetKind, t.targetId, t.userId] })],
);

/** 举报 a user's report of a post or reply; open until a moderator takes the content down or dismisses it. */
export const communityReports = pgTable(
  'community_reports',
  {
    id: uuid('id').primaryKey(),
    targetKind: text('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    reporterId: uuid('reporter_id').notNull(),
    reason: text('reason').notNull(),
    /** open | taken_down | dismissed */
    status: text('status').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('community_reports_status_idx').on(t.status, t.createdAt),
    // one open report per user and content: reporting again adds nothing for the moderator
    uniqueIndex('community_reports_once_uq').on(t.targetKind, t.targetId, t.reporterId),
  ],
);

/**
 * 积分 one point-earning event. The unique key (reason, source, user) makes recording idempotent: a like removed
 * and given again, or a retried request, earns nothing twice. A later points ledger reads these rows.
 */
export const communityPoints = pgTable(
  'community_points',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    orgId: uuid('org_id').notNull(),
    /** post | reply | best_answer | like_received */
    reason: text('reason').notNull(),
    points: integer('points').notNull(),
    /** the post, reply or like that earned the points */
    sourceId: text('source_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('community_points_once_uq').on(t.reason, t.sourceId, t.userId),
    index('community_points_user_idx').on(t.userId),
  ],
);
