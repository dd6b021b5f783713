import { z } from 'zod';
import { Id } from './common';
import { ComplianceHit } from './compliance';

/**
 * 施工人社区 boards (COMM-1): 经验分享 experience, 材料价格 material prices, 法律问答 legal Q&A (the Q&A board
 * whose posts can have a best answer), and 地区版 regional (one per province, by `regionCode`).
 */
export const COMMUNITY_BOARDS = ['experience', 'material_prices', 'legal_qa', 'regional'] as const;
export const CommunityBoard = z.enum(COMMUNITY_BOARDS);
export type CommunityBoard = z.infer<typeof CommunityBoard>;
/** Boards whose posts are questions: the author may choose one reply as the best answer (最佳答案). */
export const QA_BOARDS: readonly CommunityBoard[] = ['legal_qa'];

export const COMMUNITY_TITLE_MAX = 120;
export const COMMUNITY_BODY_MAX = 20_000;
export const COMMUNITY_REPLY_MAX = 5_000;

/** published | held (审核中: a banned claim was found at submission) | removed (下架) | deleted (by the author) */
export const COMMUNITY_STATUSES = ['published', 'held', 'removed', 'deleted'] as const;
export const CommunityStatus = z.enum(COMMUNITY_STATUSES);

/** 积分事由 why points were earned. */
export const POINTS_REASONS = ['post', 'reply', 'best_answer', 'like_received'] as const;
export const PointsReason = z.enum(POINTS_REASONS);
export type PointsReason = z.infer<typeof PointsReason>;

export const CommunityAuthor = z.object({
  userId: Id,
  name: z.string(),
  orgId: Id,
  orgName: z.string(),
  /** the organisation passed 实名核验 */
  orgVerified: z.boolean(),
  /** 声望 the author's points in the community */
  reputation: z.number().int(),
});

const Tag = z.string().trim().min(1).max(20);

export const CommunityPostSummary = z.object({
  id: Id,
  board: CommunityBoard,
  regionCode: z.string().nullable(),
  title: z.string(),
  excerpt: z.string(),
  tags: z.array(z.string()),
  status: CommunityStatus,
  author: CommunityAuthor,
  likeCount: z.number().int(),
  replyCount: z.number().int(),
  hasBestAnswer: z.boolean(),
  createdAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
});
export type CommunityPostSummary = z.infer<typeof CommunityPostSummary>;

export const CommunityReply = z.object({
  id: Id,
  postId: Id,
  body: z.string(),
  status: CommunityStatus,
  /** the banned claims that held it, shown to its author only */
  heldReasons: z.array(ComplianceHit),
  author: CommunityAuthor,
  likeCount: z.number().int(),
  likedByMe: z.boolean(),
  isBestAnswer: z.boolean(),
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type CommunityReply = z.infer<typeof CommunityReply>;

export const CommunityPost = CommunityPostSummary.extend({
  body: z.string(),
  heldReasons: z.array(ComplianceHit),
  bestReplyId: Id.nullable(),
  likedByMe: z.boolean(),
  mine: z.boolean(),
  /** the author may still edit it (within the edit window) */
  editable: z.boolean(),
  /** the takedown reason, shown to the author */
  removedReason: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  replies: z.array(CommunityReply),
});
export type CommunityPost = z.infer<typeof CommunityPost>;

export const COMMUNITY_SORTS = ['latest', 'hot'] as const;
export const CommunityPostQuery = z.object({
  board: CommunityBoard.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  tag: z.string().trim().max(20).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(COMMUNITY_SORTS).default('latest'),
  /** only the signed-in user's own posts, in every status */
  mine: z.coerce.boolean().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type CommunityPostQuery = z.input<typeof CommunityPostQuery>;
export const CommunityPostPage = z.object({
  items: z.array(CommunityPostSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CommunityPostPage = z.infer<typeof CommunityPostPage>;

export const CommunityBoardInfo = z.object({
  board: CommunityBoard,
  postCount: z.number().int(),
  qa: z.boolean(),
});
export const CommunityBoards = z.object({
  boards: z.array(CommunityBoardInfo),
  /** regional posts per province code */
  regions: z.array(z.object({ regionCode: z.string(), postCount: z.number().int() })),
  popularTags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});
export type CommunityBoards = z.infer<typeof CommunityBoards>;

/** Lengths are checked in the service too, so an oversized text gets the module's own message. */
export const CreateCommunityPostBody = z.object({
  board: z.string(),
  regionCode: z.string().nullable().optional(),
  title: z.string(),
  body: z.string(),
  tags: z.array(Tag).max(5).default([]),
});
export type CreateCommunityPostBody = z.input<typeof CreateCommunityPostBody>;
export const UpdateCommunityPostBody = z.object({
  title: z.string().optional(),
  body: z.string().optional(),
  tags: z.array(Tag).max(5).optional(),
});
export const CreateCommunityReplyBody = z.object({ body: z.string() });
export const ChooseBestAnswerBody = z.object({ replyId: Id });

export const CommunityTargetKind = z.enum(['post', 'reply']);
export type CommunityTargetKind = z.infer<typeof CommunityTargetKind>;
export const CreateCommunityReportBody = z.object({
  targetKind: CommunityTargetKind,
  targetId: Id,
  reason: z.string().trim().min(4).max(500),
});
export const CommunityReport = z.object({ id: Id, status: z.enum(['open', 'taken_down', 'dismissed']) });

export const CommunityPostParams = z.object({ postId: Id });
export const CommunityOrgPostParams = z.object({ orgId: Id, postId: Id });
export const CommunityReplyParams = z.object({ replyId: Id });
export const CommunityReportParams = z.object({ reportId: Id });
export const CommunityLikeResult = z.object({ liked: z.boolean(), likeCount: z.number().int() });

/** One item waiting for a moderator: reported content, or content held at submission. */
export const CommunityQueueItem = z.object({
  targetKind: CommunityTargetKind,
  targetId: Id,
  postId: Id,
  postTitle: z.string(),
  text: z.string(),
  status: CommunityStatus,
  author: CommunityAuthor,
  heldReasons: z.array(ComplianceHit),
  reports: z.array(z.object({ id: Id, reason: z.string(), reporterName: z.string(), createdAt: z.iso.datetime() })),
  createdAt: z.iso.datetime(),
});
export type CommunityQueueItem = z.infer<typeof CommunityQueueItem>;
export const CommunityQueue = z.object({
  items: z.array(CommunityQueueItem),
  /** taken down recently, to restore */
  removed: z.array(CommunityQueueItem),
});
export type CommunityQueue = z.infer<typeof CommunityQueue>;
export const CommunityModerationBody = z.object({
  targetKind: CommunityTargetKind,
  targetId: Id,
  /** take-down only: the reason the author sees */
  reason: z.string().trim().min(4).max(500).optional(),
});
export const CommunityModerationResult = z.object({ status: CommunityStatus });
