import {
  COMMUNITY_BOARDS,
  COMMUNITY_BODY_MAX,
  COMMUNITY_REPLY_MAX,
  COMMUNITY_TITLE_MAX,
  type CommunityBoard,
  type CommunityBoards,
  type CommunityPost,
  type CommunityPostPage,
  type CommunityPostQuery,
  type CommunityQueue,
  type CommunityQueueItem,
  type CommunityReply,
  type CommunityTargetKind,
  type ComplianceHit,
  type CreateCommunityPostBody,
  QA_BOARDS,
  CommunityPostQuery as QuerySchema,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { activeTakedown, checkTexts, liftTakedown, type TakedownLifted, takeDown } from '../compliance';
import { getUsers } from '../identity';
import { notify } from '../notifications';
import { getOrganisation, getOrganisations } from '../organisation';
import { isKnownRegion, provinceOf } from '../regions';
import { communityErrors } from './community.errors';
import { POINTS, recordPointsEarning, reputationOf } from './community.points';
import * as repo from './community.repository';

/** The author may edit a post for this long after posting. */
export const EDIT_WINDOW_MINUTES = 30;
const EXCERPT = 140;

type Viewer = Pick<Actor, 'userId' | 'staffRoles'>;
type Author = CommunityPost['author'];

/** Platform staff who moderate the community see held and removed content on the post page too. */
function isModerator(viewer: Viewer): boolean {
  return viewer.staffRoles.some((r) => r === 'operator' || r === 'reviewer' || r === 'admin');
}

function text(value: string | undefined, max: number, code: 'COMMUNITY_TITLE_INVALID' | 'COMMUNITY_BODY_INVALID') {
  const trimmed = (value ?? '').trim();
  if (trimmed.length === 0 || trimmed.length > max) throw communityErrors.raise(code, { max });
  return trimmed;
}

function board(value: string): CommunityBoard {
  const found = COMMUNITY_BOARDS.find((b) => b === value);
  if (!found) throw communityErrors.raise('COMMUNITY_BOARD_UNKNOWN', { board: value.slice(0, 40) });
  return found;
}

/** A regional post names a province; a county or city code is taken to its province. */
function region(b: CommunityBoard, code: string | null | undefined): string | null {
  if (!code) {
    if (b === 'regional') throw communityErrors.raise('COMMUNITY_REGION_REQUIRED');
    return null;
  }
  if (!isKnownRegion(code)) throw communityErrors.raise('COMMUNITY_REGION_UNKNOWN', { code: code.slice(0, 12) });
  return provinceOf(code);
}

/** Posting and replying: for an organisation that passed 实名核验 (the route already checked membership). */
async function assertCanPost(ctx: AppContext, orgId: string): Promise<void> {
  const org = await getOrganisation(ctx, orgId);
  if (org.verification !== 'verified') throw communityErrors.raise('COMMUNITY_ORG_NOT_VERIFIED');
}

/**
 * 内容审核 at submission: the compliance module's banned claims, field by field. Flagged content is held for
 * review (not refused): the author keeps the text, sees the reasons, and can edit it or wait for a moderator.
 */
async function screen(ctx: AppContext, fields: Record<string, string | readonly string[]>): Promise<ComplianceHit[]> {
  const texts: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string') texts[field] = value;
    else for (const [i, item] of value.entries()) texts[`${field}.${i}`] = item;
  }
  return checkTexts(ctx, texts);
}

async function authors(
  ctx: AppContext,
  rows: { authorId: string; orgId: string }[],
): Promise<(r: { authorId: string; orgId: string }) => Author> {
  const [users, orgs, points] = await Promise.all([
    getUsers(
      ctx,
      rows.map((r) => r.authorId),
    ),
    getOrganisations(
      ctx,
      rows.map((r) => r.orgId),
    ),
    reputationOf(
      ctx,
      rows.map((r) => r.authorId),
    ),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return (r) => {
    const org = orgById.get(r.orgId);
    return {
      userId: r.authorId,
      name: userById.get(r.authorId)?.displayName ?? '—',
      orgId: r.orgId,
      orgName: org?.name ?? '—',
      orgVerified: org?.verification === 'verified',
      reputation: points.get(r.authorId) ?? 0,
    };
  };
}

function summary(row: repo.PostRow, author: Author) {
  const flat = row.body.replace(/\s+/g, ' ').trim();
  return {
    id: row.id,
    board: row.board as CommunityBoard,
    regionCode: row.regionCode,
    title: row.title,
    excerpt: flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat,
    tags: row.tags,
    status: row.status as CommunityPost['status'],
    author,
    likeCount: row.likeCount,
    replyCount: row.replyCount,
    hasBestAnswer: row.bestReplyId !== null,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}

export async function boards(ctx: AppContext): Promise<CommunityBoards> {
  const [byBoard, byRegion, tags] = await Promise.all([
    repo.boardCounts(ctx.db),
    repo.regionCounts(ctx.db),
    repo.popularTags(ctx.db, 12),
  ]);
  return {
    boards: COMMUNITY_BOARDS.map((b) => ({
      board: b,
      postCount: byBoard.find((c) => c.board === b)?.n ?? 0,
      qa: QA_BOARDS.includes(b),
    })),
    regions: byRegion.flatMap((r) => (r.regionCode ? [{ regionCode: r.regionCode, postCount: r.n }] : [])),
    popularTags: tags.map((t) => ({ tag: t.tag, count: t.n })),
  };
}

export async function listPosts(
  ctx: AppContext,
  viewer: Viewer,
  input: CommunityPostQuery,
): Promise<CommunityPostPage> {
  const q = QuerySchema.parse(input);
  const { rows, total } = await repo.listPosts(ctx.db, {
    ...(q.board ? { board: q.board } : {}),
    ...(q.regionCode ? { regionCode: provinceOf(q.regionCode) } : {}),
    ...(q.tag ? { tag: q.tag } : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(q.mine ? { authorId: viewer.userId } : {}),
    sort: q.sort,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const authorOf = await authors(ctx, rows);
  return { items: rows.map((r) => summary(r, authorOf(r))), total, page: q.page, pageSize: q.pageSize };
}

function visible(row: { status: string; authorId: string }, viewer: Viewer): boolean {
  if (row.status === 'published') return true;
  if (row.status === 'deleted') return false;
  return row.authorId === viewer.userId || isModerator(viewer);
}

async function visiblePost(ctx: AppContext, viewer: Viewer, postId: string): Promise<repo.PostRow> {
  const row = await repo.findPost(ctx.db, postId);
  if (!row || !visible(row, viewer)) throw communityErrors.raise('COMMUNITY_POST_NOT_FOUND');
  return row;
}

export async function getPost(ctx: AppContext, viewer: Viewer, postId: string): Promise<CommunityPost> {
  const row = await visiblePost(ctx, viewer, postId);
  const replies = (await repo.repliesOf(ctx.db, postId)).filter((r) => visible(r, viewer));
  const authorOf = await authors(ctx, [row, ...replies]);
  const [likedPost, likedReplies, takedown] = await Promise.all([
    repo.likedBy(ctx.db, viewer.userId, 'post', [row.id]),
    repo.likedBy(
      ctx.db,
      viewer.userId,
      'reply',
      replies.map((r) => r.id),
    ),
    row.status === 'removed' ? activeTakedown(ctx, 'community_post', row.id) : Promise.resolve(undefined),
  ]);
  const mine = row.authorId === viewer.userId;
  return {
    ...summary(row, authorOf(row)),
    body: row.body,
    heldReasons: mine || isModerator(viewer) ? row.heldReasons : [],
    bestReplyId: row.bestReplyId,
    likedByMe: likedPost.has(row.id),
    mine,
    editable: mine && (row.status === 'published' || row.status === 'held') && withinEditWindow(row.createdAt),
    removedReason: takedown?.reason ?? null,
    updatedAt: row.updatedAt.toISOString(),
    replies: replies.map(
      (r): CommunityReply => ({
        id: r.id,
        postId: r.postId,
        body: r.body,
        status: r.status as CommunityReply['status'],
        heldReasons: r.authorId === viewer.userId || isModerator(viewer) ? r.heldReasons : [],
        author: authorOf(r),
        likeCount: r.likeCount,
        likedByMe: likedReplies.has(r.id),
        isBestAnswer: row.bestReplyId === r.id,
        mine: r.authorId === viewer.userId,
        createdAt: r.createdAt.toISOString(),
      }),
    ),
  };
}

function withinEditWindow(createdAt: Date, now = new Date()): boolean {
  return now.getTime() - createdAt.getTime() <= EDIT_WINDOW_MINUTES * 60_000;
}

/** 发帖: checked, screened for banned claims (held when flagged), and 2 points once published. */
export async function createPost(
  ctx: AppContext,
  actor: Viewer,
  orgId: string,
  input: CreateCommunityPostBody,
): Promise<CommunityPost> {
  const b = board(input.board);
  const regionCode = region(b, input.regionCode);
  const title = text(input.title, COMMUNITY_TITLE_MAX, 'COMMUNITY_TITLE_INVALID');
  const body = text(input.body, COMMUNITY_BODY_MAX, 'COMMUNITY_BODY_INVALID');
  const tags = [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))];
  await assertCanPost(ctx, orgId);
  const hits = await screen(ctx, { title, body, tags });
  const now = new Date();
  const row: repo.PostRow = {
    id: newId(),
    orgId,
    authorId: actor.userId,
    board: b,
    regionCode,
    title,
    body,
    tags,
    status: hits.length > 0 ? 'held' : 'published',
    heldReasons: hits,
    bestReplyId: null,
    takedownId: null,
    likeCount: 0,
    replyCount: 0,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await repo.insertPost(tx, row);
    if (row.status === 'published')
      await recordPointsEarning(
        ctx,
        { userId: row.authorId, orgId, reason: 'post', points: POINTS.post, sourceId: row.id },
        tx,
      );
  });
  return getPost(ctx, actor, row.id);
}

async function ownPost(ctx: AppContext, actor: Viewer, postId: string): Promise<repo.PostRow> {
  const row = await repo.findPost(ctx.db, postId);
  if (!row || row.status === 'deleted') throw communityErrors.raise('COMMUNITY_POST_NOT_FOUND');
  if (row.authorId !== actor.userId) {
    if (!visible(row, actor)) throw communityErrors.raise('COMMUNITY_POST_NOT_FOUND');
    throw communityErrors.raise('COMMUNITY_NOT_AUTHOR');
  }
  return row;
}

/** 编辑: the author, within the edit window; the new text is screened again (a fixed held post is published). */
export async function editPost(
  ctx: AppContext,
  actor: Viewer,
  postId: string,
  input: { title?: string | undefined; body?: string | undefined; tags?: string[] | undefined },
): Promise<CommunityPost> {
  const row = await ownPost(ctx, actor, postId);
  if (row.status !== 'published' && row.status !== 'held') throw communityErrors.raise('COMMUNITY_NOT_OPEN');
  if (!withinEditWindow(row.createdAt))
    throw communityErrors.raise('COMMUNITY_EDIT_WINDOW_PASSED', { minutes: EDIT_WINDOW_MINUTES });
  const title =
    input.title === undefined ? row.title : text(input.title, COMMUNITY_TITLE_MAX, 'COMMUNITY_TITLE_INVALID');
  const body = input.body === undefined ? row.body : text(input.body, COMMUNITY_BODY_MAX, 'COMMUNITY_BODY_INVALID');
  const tags = input.tags === undefined ? row.tags : [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  const hits = await screen(ctx, { title, body, tags });
  const status = hits.length > 0 ? 'held' : 'published';
  await ctx.db.transaction(async (tx) => {
    await repo.updatePost(tx, postId, { title, body, tags, status, heldReasons: hits, updatedAt: new Date() });
    if (status === 'published')
      await recordPointsEarning(
        ctx,
        { userId: row.authorId, orgId: row.orgId, reason: 'post', points: POINTS.post, sourceId: row.id },
        tx,
      );
  });
  return getPost(ctx, actor, postId);
}

/** 删除: the author only; the post and its replies stop showing. Points earned stay. */
export async function deletePost(ctx: AppContext, actor: Viewer, postId: string): Promise<void> {
  await ownPost(ctx, actor, postId);
  await repo.updatePost(ctx.db, postId, { status: 'deleted', updatedAt: new Date() });
}

async function openPost(ctx: AppContext, viewer: Viewer, postId: string): Promise<repo.PostRow> {
  const row = await visiblePost(ctx, viewer, postId);
  if (row.status !== 'published') throw communityErrors.raise('COMMUNITY_NOT_OPEN');
  return row;
}

/** 回复: screened like a post; a published reply earns 1 point and tells the post's author. */
export async function createReply(
  ctx: AppContext,
  actor: Viewer,
  orgId: string,
  postId: string,
  input: { body: string },
): Promise<CommunityPost> {
  const post = await openPost(ctx, actor, postId);
  const body = text(input.body, COMMUNITY_REPLY_MAX, 'COMMUNITY_BODY_INVALID');
  await assertCanPost(ctx, orgId);
  const hits = await screen(ctx, { body });
  const now = new Date();
  const row: repo.ReplyRow = {
    id: newId(),
    postId,
    orgId,
    authorId: actor.userId,
    body,
    status: hits.length > 0 ? 'held' : 'published',
    heldReasons: hits,
    takedownId: null,
    likeCount: 0,
    createdAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await repo.insertReply(tx, row);
    if (row.status === 'published') await publishedReply(ctx, tx, post, row);
  });
  return getPost(ctx, actor, postId);
}

/** What a reply's publication does: the count, the points and the note to the post's author. */
async function publishedReply(
  ctx: AppContext,
  tx: Parameters<typeof repo.insertReply>[0],
  post: repo.PostRow,
  reply: repo.ReplyRow,
) {
  await repo.bumpReplyCount(tx, post.id, 1, new Date());
  await recordPointsEarning(
    ctx,
    { userId: reply.authorId, orgId: reply.orgId, reason: 'reply', points: POINTS.reply, sourceId: reply.id },
    tx,
  );
  if (post.authorId !== reply.authorId)
    await notify(
      ctx,
      {
        userId: post.authorId,
        kind: 'community.reply',
        title: `社区：您的帖子「${post.title.slice(0, 30)}」有新回复`,
        body: reply.body.slice(0, 200),
        link: `/community/posts/${post.id}`,
      },
      tx,
    );
}

async function likeTarget(ctx: AppContext, viewer: Viewer, kind: CommunityTargetKind, id: string) {
  if (kind === 'post') {
    const post = await openPost(ctx, viewer, id);
    return { authorId: post.authorId, orgId: post.orgId };
  }
  const reply = await repo.findReply(ctx.db, id);
  if (!reply || !visible(reply, viewer)) throw communityErrors.raise('COMMUNITY_REPLY_NOT_FOUND');
  if (reply.status !== 'published') throw communityErrors.raise('COMMUNITY_NOT_OPEN');
  await openPost(ctx, viewer, reply.postId);
  return { authorId: reply.authorId, orgId: reply.orgId };
}

/** 点赞: once per user (a second like is refused); the author earns a point once per liker, never for their own. */
export async function like(ctx: AppContext, actor: Viewer, kind: CommunityTargetKind, id: string) {
  const target = await likeTarget(ctx, actor, kind, id);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.insertLike(tx, kind, id, actor.userId))) throw communityErrors.raise('COMMUNITY_ALREADY_LIKED');
    const likeCount = await repo.bumpLikeCount(tx, kind, id, 1);
    if (target.authorId !== actor.userId)
      await recordPointsEarning(
        ctx,
        {
          userId: target.authorId,
          orgId: target.orgId,
          reason: 'like_received',
          points: POINTS.like_received,
          sourceId: `${kind}:${id}:${actor.userId}`,
        },
        tx,
      );
    return { liked: true, likeCount };
  });
}

export async function unlike(ctx: AppContext, actor: Viewer, kind: CommunityTargetKind, id: string) {
  await likeTarget(ctx, actor, kind, id);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteLike(tx, kind, id, actor.userId))) throw communityErrors.raise('COMMUNITY_NOT_LIKED');
    return { liked: false, likeCount: await repo.bumpLikeCount(tx, kind, id, -1) };
  });
}

/** 采纳最佳答案: the question's author picks another user's reply (Q&A boards); it earns its author 10 points. */
export async function chooseBestAnswer(
  ctx: AppContext,
  actor: Viewer,
  postId: string,
  replyId: string,
): Promise<CommunityPost> {
  const post = await ownPost(ctx, actor, postId);
  if (post.status !== 'published') throw communityErrors.raise('COMMUNITY_NOT_OPEN');
  if (!QA_BOARDS.includes(post.board as CommunityBoard)) throw communityErrors.raise('COMMUNITY_NOT_QA');
  const reply = await repo.findReply(ctx.db, replyId);
  if (!reply || reply.postId !== postId || reply.status !== 'published')
    throw communityErrors.raise('COMMUNITY_REPLY_NOT_FOUND');
  if (reply.authorId === actor.userId) throw communityErrors.raise('COMMUNITY_OWN_REPLY');
  await ctx.db.transaction(async (tx) => {
    await repo.updatePost(tx, postId, { bestReplyId: replyId, lastActivityAt: new Date() });
    const added = await recordPointsEarning(
      ctx,
      {
        userId: reply.authorId,
        orgId: reply.orgId,
        reason: 'best_answer',
        points: POINTS.best_answer,
        sourceId: reply.id,
      },
      tx,
    );
    if (added)
      await notify(
        ctx,
        {
          userId: reply.authorId,
          kind: 'community.best_answer',
          title: `社区：您的回复被采纳为最佳答案（+${POINTS.best_answer} 积分）`,
          body: post.title,
          link: `/community/posts/${post.id}`,
        },
        tx,
      );
  });
  return getPost(ctx, actor, postId);
}

/** 举报: any signed-in user, once per content; it goes to the moderators' queue. */
export async function report(
  ctx: AppContext,
  actor: Viewer,
  input: { targetKind: CommunityTargetKind; targetId: string; reason: string },
) {
  await likeTarget(ctx, actor, input.targetKind, input.targetId);
  const row: repo.ReportRow = {
    id: newId(),
    targetKind: input.targetKind,
    targetId: input.targetId,
    reporterId: actor.userId,
    reason: input.reason.trim(),
    status: 'open',
    decidedBy: null,
    decidedAt: null,
    createdAt: new Date(),
  };
  if (!(await repo.insertReport(ctx.db, row))) throw communityErrors.raise('COMMUNITY_ALREADY_REPORTED');
  return { id: row.id, status: 'open' as const };
}

// ——— moderation (运营 / 审核) ———

interface Target {
  kind: CommunityTargetKind;
  id: string;
  post: repo.PostRow;
  reply: repo.ReplyRow | null;
  status: string;
  authorId: string;
  orgId: string;
  takedownId: string | null;
}

async function target(ctx: AppContext, kind: CommunityTargetKind, id: string, db: DbOrTx = ctx.db): Promise<Target> {
  if (kind === 'post') {
    const post = await repo.findPost(db, id);
    if (!post || post.status === 'deleted') throw communityErrors.raise('COMMUNITY_POST_NOT_FOUND');
    return { kind, id, post, reply: null, ...pick(post) };
  }
  const reply = await repo.findReply(db, id);
  const post = reply ? await repo.findPost(db, reply.postId) : undefined;
  if (!reply || !post || reply.status === 'deleted') throw communityErrors.raise('COMMUNITY_REPLY_NOT_FOUND');
  return { kind, id, post, reply, ...pick(reply) };
}

function pick(row: { status: string; authorId: string; orgId: string; takedownId: string | null }) {
  return { status: row.status, authorId: row.authorId, orgId: row.orgId, takedownId: row.takedownId };
}

function subjectKind(kind: CommunityTargetKind) {
  return kind === 'post' ? 'community_post' : 'community_reply';
}

function link(t: Target) {
  return `/community/posts/${t.post.id}`;
}

function label(t: Target) {
  return t.kind === 'post' ? `帖子「${t.post.title.slice(0, 30)}」` : `在「${t.post.title.slice(0, 30)}」中的回复`;
}

async function setStatus(
  tx: Parameters<typeof repo.insertReply>[0],
  t: Target,
  patch: { status: string; takedownId?: string | null; heldReasons?: ComplianceHit[] },
) {
  if (t.kind === 'post') await repo.updatePost(tx, t.id, { ...patch, updatedAt: new Date() });
  else await repo.updateReply(tx, t.id, patch);
}

/**
 * 下架: one flow with the compliance module's takedowns (the record, its reason and who took it down live there,
 * kind `community_post` / `community_reply`); the content stops showing, its open reports close, and the author
 * is told why.
 */
export async function takeDownContent(
  ctx: AppContext,
  actor: Viewer,
  input: { targetKind: CommunityTargetKind; targetId: string; reason?: string | undefined },
) {
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 4) throw communityErrors.raise('COMMUNITY_REASON_REQUIRED');
  const t = await target(ctx, input.targetKind, input.targetId);
  if (t.status !== 'published' && t.status !== 'held') throw communityErrors.raise('COMMUNITY_NOT_OPEN');
  const staff = await staffActor(ctx, actor);
  await ctx.db.transaction(async (tx) => {
    const takedown = await takeDown(
      ctx,
      { [subjectKind(t.kind)]: async () => t.post.title },
      staff,
      { subjectKind: subjectKind(t.kind), orgId: t.orgId, subjectId: t.id, reason },
      tx,
    );
    await setStatus(tx, t, { status: 'removed', takedownId: takedown.id });
    if (t.kind === 'reply' && t.status === 'published') await repo.bumpReplyCount(tx, t.post.id, -1, new Date());
    if (t.kind === 'reply' && t.post.bestReplyId === t.id) await repo.updatePost(tx, t.post.id, { bestReplyId: null });
    await repo.decideReports(tx, t.kind, t.id, 'taken_down', actor.userId);
    await notify(
      ctx,
      {
        userId: t.authorId,
        kind: 'community.takedown',
        title: `社区：您的${label(t)}已被下架`,
        body: `下架理由：${reason}`,
        link: link(t),
      },
      tx,
    );
  });
  return { status: 'removed' as const };
}

/**
 * 恢复: lifts the takedown in the compliance register; the content shows again through `restoreLifted`, the
 * reaction to `compliance.takedown_lifted` in the same transaction — the same path as a lift from the register.
 */
export async function restoreContent(
  ctx: AppContext,
  actor: Viewer,
  input: { targetKind: CommunityTargetKind; targetId: string },
) {
  const t = await target(ctx, input.targetKind, input.targetId);
  if (t.status !== 'removed' || !t.takedownId) throw communityErrors.raise('COMMUNITY_NOT_REMOVED');
  const takedownId = t.takedownId;
  const staff = await staffActor(ctx, actor);
  await ctx.db.transaction((tx) => liftTakedown(ctx, staff, takedownId, tx));
  return { status: 'published' as const };
}

async function staffActor(ctx: AppContext, actor: Viewer) {
  const [user] = await getUsers(ctx, [actor.userId]);
  return { userId: actor.userId, name: user?.displayName ?? '—' };
}

/**
 * A lifted takedown of a community post or reply: the content shows again (if this takedown still holds it) and
 * its author is told. Other kinds of content are not the community's.
 */
export async function restoreLifted(ctx: AppContext, lifted: TakedownLifted, tx: DbOrTx): Promise<void> {
  const kind =
    lifted.subjectKind === 'community_post' ? 'post' : lifted.subjectKind === 'community_reply' ? 'reply' : null;
  if (!kind) return;
  const t = await target(ctx, kind, lifted.subjectId, tx).catch(() => null);
  if (t?.status !== 'removed' || t.takedownId !== lifted.takedownId) return;
  await setStatus(tx, t, { status: 'published', takedownId: null, heldReasons: [] });
  if (t.kind === 'reply') await repo.bumpReplyCount(tx, t.post.id, 1, new Date());
  await notify(
    ctx,
    {
      userId: t.authorId,
      kind: 'community.restored',
      title: `社区：您的${label(t)}已恢复显示`,
      body: '经复核，内容已恢复。',
      link: link(t),
    },
    tx,
  );
}

/** 审核通过: a held post or reply the moderator finds acceptable is published (with its points). */
export async function approveContent(
  ctx: AppContext,
  _actor: Viewer,
  input: { targetKind: CommunityTargetKind; targetId: string },
) {
  const t = await target(ctx, input.targetKind, input.targetId);
  if (t.status !== 'held') throw communityErrors.raise('COMMUNITY_NOT_HELD');
  await ctx.db.transaction(async (tx) => {
    await setStatus(tx, t, { status: 'published', heldReasons: [] });
    if (t.kind === 'post')
      await recordPointsEarning(
        ctx,
        { userId: t.authorId, orgId: t.orgId, reason: 'post', points: POINTS.post, sourceId: t.id },
        tx,
      );
    else if (t.reply) await publishedReply(ctx, tx, t.post, t.reply);
    await notify(
      ctx,
      {
        userId: t.authorId,
        kind: 'community.approved',
        title: `社区：您的${label(t)}已审核通过`,
        body: '内容已公开显示。',
        link: link(t),
      },
      tx,
    );
  });
  return { status: 'published' as const };
}

/** 驳回举报: the reported content stays; its open reports close. */
export async function dismissReport(ctx: AppContext, actor: Viewer, reportId: string) {
  const row = await repo.findReport(ctx.db, reportId);
  if (!row) throw communityErrors.raise('COMMUNITY_REPORT_NOT_FOUND');
  await repo.decideReports(ctx.db, row.targetKind as CommunityTargetKind, row.targetId, 'dismissed', actor.userId);
  return { id: row.id, status: 'dismissed' as const };
}

/** 审核队列: reported content (grouped, with every open report), content held at submission, and recent takedowns. */
export async function moderationQueue(ctx: AppContext): Promise<CommunityQueue> {
  const [reports, heldPosts, heldReplies, removedPosts, removedReplies] = await Promise.all([
    repo.openReports(ctx.db, 200),
    repo.postsInStatus(ctx.db, 'held', 100),
    repo.repliesInStatus(ctx.db, 'held', 100),
    repo.postsInStatus(ctx.db, 'removed', 50),
    repo.repliesInStatus(ctx.db, 'removed', 50),
  ]);
  const reportedReplies = await repo.repliesByIds(
    ctx.db,
    reports.filter((r) => r.targetKind === 'reply').map((r) => r.targetId),
  );
  const replies = [...heldReplies, ...removedReplies, ...reportedReplies];
  const posts = await repo.postsByIds(ctx.db, [
    ...new Set([
      ...reports.filter((r) => r.targetKind === 'post').map((r) => r.targetId),
      ...replies.map((r) => r.postId),
    ]),
  ]);
  const allPosts = new Map([...posts, ...heldPosts, ...removedPosts].map((p) => [p.id, p]));
  const replyById = new Map(replies.map((r) => [r.id, r]));
  const reporters = new Map(
    (
      await getUsers(
        ctx,
        reports.map((r) => r.reporterId),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  const rows = [...allPosts.values(), ...replies];
  const authorOf = await authors(ctx, rows);

  const item = (kind: CommunityTargetKind, id: string): CommunityQueueItem | null => {
    const reply = kind === 'reply' ? replyById.get(id) : undefined;
    const post = allPosts.get(reply ? reply.postId : id);
    if (!post || (kind === 'reply' && !reply)) return null;
    const row = reply ?? post;
    return {
      targetKind: kind,
      targetId: id,
      postId: post.id,
      postTitle: post.title,
      text: reply ? reply.body : post.body,
      status: row.status as CommunityQueueItem['status'],
      author: authorOf(row),
      heldReasons: row.heldReasons,
      reports: reports
        .filter((r) => r.targetKind === kind && r.targetId === id)
        .map((r) => ({
          id: r.id,
          reason: r.reason,
          reporterName: reporters.get(r.reporterId) ?? '—',
          createdAt: r.createdAt.toISOString(),
        })),
      createdAt: row.createdAt.toISOString(),
    };
  };
  const seen = new Set<string>();
  const items: CommunityQueueItem[] = [];
  const push = (kind: CommunityTargetKind, id: string, into: CommunityQueueItem[]) => {
    const key = `${kind}:${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const it = item(kind, id);
    if (it && it.status !== 'deleted') into.push(it);
  };
  for (const r of reports) {
    const kind = r.targetKind as CommunityTargetKind;
    const status = kind === 'post' ? allPosts.get(r.targetId)?.status : replyById.get(r.targetId)?.status;
    if (status === 'published' || status === 'held') push(kind, r.targetId, items);
  }
  for (const p of heldPosts) push('post', p.id, items);
  for (const r of heldReplies) push('reply', r.id, items);
  const removed: CommunityQueueItem[] = [];
  for (const p of removedPosts) push('post', p.id, removed);
  for (const r of removedReplies) push('reply', r.id, removed);
  return { items, removed };
}
