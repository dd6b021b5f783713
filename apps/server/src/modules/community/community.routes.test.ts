import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import {
  createOrg,
  createTestApp,
  PASSWORD,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { setVerificationStatus } from '../organisation';
import { recordPointsEarning } from './community.points';
import * as repo from './community.repository';

/** 施工人社区 on a real database through HTTP: posting, screening, likes, best answers, points and moderation. */
let t: TestApp;
let asker: { client: TestClient; orgId: string; userId: string };
let answerer: { client: TestClient; orgId: string; userId: string };
let member: { client: TestClient; userId: string };
let unverified: { client: TestClient; orgId: string };
let outsider: TestClient;

async function verifiedOrg(name: string, person: string) {
  const user = await registeredClient(t.app, undefined, person);
  const org = await createOrg(user.client, { name, creditCode: validCreditCode() });
  await setVerificationStatus(t.ctx, org.id, 'verified');
  return { client: user.client, orgId: org.id, userId: user.userId };
}

const question = {
  board: 'legal_qa',
  title: '总包拖欠进度款三个月，分包可以停工吗？',
  body: '合同约定按月支付进度款，总包已拖欠三个月，我们能否依法停工并主张损失？',
  tags: ['进度款', '停工'],
};

beforeAll(async () => {
  t = await createTestApp();
  asker = await verifiedOrg('杭州提问劳务有限公司', '提问人 李');
  answerer = await verifiedOrg('上海律答建设有限公司', '回答人 周');
  const memberEmail = uniqueEmail('community-member');
  const invitation = (
    await asker.client.post(`/api/orgs/${asker.orgId}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  const m = await registeredClient(t.app, memberEmail, '普通成员 陈');
  await m.client.post(`/api/invitations/${invitation.id}/accept`);
  await m.client.post('/api/auth/logout');
  await m.client.post('/api/auth/login', { identifier: memberEmail, password: PASSWORD });
  member = { client: m.client, userId: m.userId };
  const u = await registeredClient(t.app, undefined, '未核验 王');
  const uOrg = await createOrg(u.client, { name: '未核验建材有限公司', creditCode: validCreditCode() });
  unverified = { client: u.client, orgId: uOrg.id };
  outsider = (await registeredClient(t.app, undefined, '游客 赵')).client;
});
afterAll(async () => t?.close());

describe('community', () => {
  let postId = '';
  let replyId = '';

  it('a verified organisation’s user posts a question that everyone signed in reads, with org and badge', async () => {
    const created = await asker.client.post(`/api/orgs/${asker.orgId}/community/posts`, question);
    expect(created.statusCode).toBe(201);
    const post = created.json();
    postId = post.id;
    expect(post).toMatchObject({
      status: 'published',
      board: 'legal_qa',
      tags: ['进度款', '停工'],
      mine: true,
      editable: true,
      author: { orgName: '杭州提问劳务有限公司', orgVerified: true, reputation: 2 },
    });
    const read = await outsider.get(`/api/community/posts/${postId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ mine: false, editable: false, title: question.title });
    const list = (await outsider.get('/api/community/posts?board=legal_qa&q=进度款')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(postId);
    expect((await outsider.get('/api/community/posts?q=完全无关的词语xyz')).json().total).toBe(0);
    expect((await new (outsider.constructor as typeof TestClient)(t.app).get('/api/community/posts')).statusCode).toBe(
      401,
    );
  });

  it('refuses bad input with clear errors and stores nothing', async () => {
    const base = `/api/orgs/${asker.orgId}/community/posts`;
    const before = (await asker.client.get('/api/community/posts?mine=true')).json().total;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...question, title: '   ' }, 'COMMUNITY_TITLE_INVALID'],
      [{ ...question, body: '' }, 'COMMUNITY_BODY_INVALID'],
      [{ ...question, body: '长'.repeat(20_001) }, 'COMMUNITY_BODY_INVALID'],
      [{ ...question, board: 'gossip' }, 'COMMUNITY_BOARD_UNKNOWN'],
      [{ ...question, board: 'regional' }, 'COMMUNITY_REGION_REQUIRED'],
      [{ ...question, board: 'regional', regionCode: '999999' }, 'COMMUNITY_REGION_UNKNOWN'],
    ];
    for (const [body, code] of cases) {
      const response = await asker.client.post(base, body);
      expect(response.statusCode, code).toBe(400);
      expect(response.json().code).toBe(code);
    }
    expect((await asker.client.get('/api/community/posts?mine=true')).json().total).toBe(before);
    const regional = await asker.client.post(base, {
      ...question,
      board: 'regional',
      regionCode: '330106',
      title: '杭州西湖区劳务用工行情',
    });
    expect(regional.json().regionCode).toBe('330000');
  });

  it('posting needs a verified organisation the user belongs to; a plain member of one may post', async () => {
    const refused = await unverified.client.post(`/api/orgs/${unverified.orgId}/community/posts`, question);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('COMMUNITY_ORG_NOT_VERIFIED');
    expect((await outsider.post(`/api/orgs/${asker.orgId}/community/posts`, question)).statusCode).toBe(404);
    expect((await answerer.client.post(`/api/orgs/${asker.orgId}/community/posts`, question)).statusCode).toBe(404);
    const byMember = await member.client.post(`/api/orgs/${asker.orgId}/community/posts`, {
      ...question,
      board: 'experience',
      title: '脚手架验收的三个要点',
    });
    expect(byMember.statusCode).toBe(201);
  });

  it('holds a post with a banned claim at submission, shows the reasons to its author only', async () => {
    const held = await asker.client.post(`/api/orgs/${asker.orgId}/community/posts`, {
      board: 'material_prices',
      title: '本周螺纹钢到货价',
      body: '我司螺纹钢现货，零风险囤货必涨。',
      tags: [],
    });
    expect(held.statusCode).toBe(201);
    const post = held.json();
    expect(post.status).toBe('held');
    expect(post.heldReasons).toContainEqual(expect.objectContaining({ field: 'body', term: '零风险' }));
    expect(post.author.reputation).toBe(4); // two published posts of 2 points; the held one earns nothing yet
    expect((await outsider.get(`/api/community/posts/${post.id}`)).statusCode).toBe(404);
    const list = (await outsider.get('/api/community/posts?board=material_prices')).json();
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(post.id);
  });

  it('only the author edits or deletes, within the window', async () => {
    const foreign = await answerer.client.patch(`/api/community/posts/${postId}`, { title: '改标题' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('COMMUNITY_NOT_AUTHOR');
    expect((await member.client.delete(`/api/community/posts/${postId}`)).statusCode).toBe(403);
    const edited = await asker.client.patch(`/api/community/posts/${postId}`, {
      title: '总包拖欠进度款三个月，分包可以依法停工吗？',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().title).toContain('依法停工');
    const old = await asker.client.post(`/api/orgs/${asker.orgId}/community/posts`, {
      ...question,
      title: '一小时前的帖子',
    });
    await repo.updatePost(t.ctx.db, old.json().id, { createdAt: new Date(Date.now() - 3_600_000) });
    const late = await asker.client.patch(`/api/community/posts/${old.json().id}`, { title: '太迟了' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('COMMUNITY_EDIT_WINDOW_PASSED');
    expect((await asker.client.delete(`/api/community/posts/${old.json().id}`)).statusCode).toBe(204);
    expect((await outsider.get(`/api/community/posts/${old.json().id}`)).statusCode).toBe(404);
  });

  it('another user replies, likes once, and the author picks the best answer; points are recorded once', async () => {
    const replied = await answerer.client.post(`/api/orgs/${answerer.orgId}/community/posts/${postId}/replies`, {
      body: '依据《民法典》第五百二十六条，可以行使先履行抗辩权，建议先书面催告。',
    });
    expect(replied.statusCode).toBe(201);
    const reply = replied.json().replies[0];
    replyId = reply.id;
    expect(replied.json().replyCount).toBe(1);
    expect(reply.author).toMatchObject({ orgName: '上海律答建设有限公司', reputation: 1 });

    expect((await answerer.client.put(`/api/community/posts/${postId}/like`)).json()).toEqual({
      liked: true,
      likeCount: 1,
    });
    const twice = await answerer.client.put(`/api/community/posts/${postId}/like`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('COMMUNITY_ALREADY_LIKED');
    expect((await answerer.client.delete(`/api/community/posts/${postId}/like`)).json().likeCount).toBe(0);
    await answerer.client.put(`/api/community/posts/${postId}/like`);

    const own = await asker.client.post(`/api/orgs/${asker.orgId}/community/posts/${postId}/replies`, {
      body: '补充：合同里有停工条款。',
    });
    const ownReply = own.json().replies.find((r: { mine: boolean }) => r.mine);
    expect(
      (await asker.client.post(`/api/community/posts/${postId}/best-answer`, { replyId: ownReply.id })).json().code,
    ).toBe('COMMUNITY_OWN_REPLY');
    expect((await answerer.client.post(`/api/community/posts/${postId}/best-answer`, { replyId })).json().code).toBe(
      'COMMUNITY_NOT_AUTHOR',
    );
    const best = await asker.client.post(`/api/community/posts/${postId}/best-answer`, { replyId });
    expect(best.statusCode).toBe(200);
    expect(best.json()).toMatchObject({ bestReplyId: replyId, hasBestAnswer: true });
    await asker.client.post(`/api/community/posts/${postId}/best-answer`, { replyId });

    const points = await repo.pointsRows(t.ctx.db, answerer.userId);
    expect(points.map((p) => [p.reason, p.points])).toEqual([
      ['reply', 1],
      ['best_answer', 10],
    ]);
    const askerPoints = await repo.pointsRows(t.ctx.db, asker.userId);
    // the like given, taken back and given again earned one point, not two
    expect(askerPoints.filter((p) => p.reason === 'like_received')).toHaveLength(1);
    const again = await recordPointsEarning(t.ctx, {
      userId: answerer.userId,
      orgId: answerer.orgId,
      reason: 'best_answer',
      points: 10,
      sourceId: replyId,
    });
    expect(again).toBe(false);
    expect((await outsider.get(`/api/community/posts/${postId}`)).json().replies[0].author.reputation).toBe(11);
    const notes = (await asker.client.get('/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain('有新回复');
  });

  it('the best answer is for Q&A boards only', async () => {
    const experience = (await asker.client.get('/api/community/posts?board=experience')).json().items[0];
    const r = await answerer.client.post(`/api/orgs/${answerer.orgId}/community/posts/${experience.id}/replies`, {
      body: '同意，验收记录要留照片。',
    });
    const response = await member.client.post(`/api/community/posts/${experience.id}/best-answer`, {
      replyId: r.json().replies[0].id,
    });
    expect(response.json().code).toBe('COMMUNITY_NOT_QA');
  });

  it('a reported post goes to the queue; wrong-role staff and members cannot take it down; a reviewer does', async () => {
    const reported = await outsider.post('/api/community/reports', {
      targetKind: 'post',
      targetId: postId,
      reason: '疑似广告引流',
    });
    expect(reported.statusCode).toBe(201);
    expect(
      (
        await outsider.post('/api/community/reports', { targetKind: 'post', targetId: postId, reason: '再次举报' })
      ).json().code,
    ).toBe('COMMUNITY_ALREADY_REPORTED');

    const finance = await staffClient(t, ['finance'], '财务 孙');
    expect((await finance.client.get('/api/staff/community/queue')).statusCode).toBe(403);
    const body = { targetKind: 'post', targetId: postId, reason: '内容涉嫌违规引流' };
    expect((await finance.client.post('/api/staff/community/take-down', body)).statusCode).toBe(403);
    expect((await asker.client.post('/api/staff/community/take-down', body)).statusCode).toBe(403);
    const admin = await staffClient(t, ['admin'], '管理员 钱');
    expect((await admin.client.get('/api/staff/community/queue')).statusCode).toBe(200);
    expect((await admin.client.post('/api/staff/community/take-down', body)).statusCode).toBe(403);

    const reviewer = await staffClient(t, ['reviewer'], '内容审核 吴');
    const queue = (await reviewer.client.get('/api/staff/community/queue')).json();
    const item = queue.items.find((i: { targetId: string }) => i.targetId === postId);
    expect(item.reports[0]).toMatchObject({ reason: '疑似广告引流', reporterName: '游客 赵' });
    expect(queue.items.some((i: { status: string; heldReasons: unknown[] }) => i.status === 'held')).toBe(true);

    const down = await reviewer.client.post('/api/staff/community/take-down', body);
    expect(down.json()).toEqual({ status: 'removed' });
    expect((await outsider.get(`/api/community/posts/${postId}`)).statusCode).toBe(404);
    const authorView = (await asker.client.get(`/api/community/posts/${postId}`)).json();
    expect(authorView).toMatchObject({ status: 'removed', removedReason: '内容涉嫌违规引流' });
    const takedowns = (await reviewer.client.get('/api/staff/takedowns')).json().items;
    expect(takedowns).toContainEqual(expect.objectContaining({ subjectKind: 'community_post', subjectId: postId }));
    expect(JSON.stringify((await asker.client.get('/api/notifications')).json())).toContain('内容涉嫌违规引流');
    const after = (await reviewer.client.get('/api/staff/community/queue')).json();
    expect(after.items.some((i: { targetId: string }) => i.targetId === postId)).toBe(false);
    expect(after.removed.some((i: { targetId: string }) => i.targetId === postId)).toBe(true);

    expect((await reviewer.client.post('/api/staff/community/restore', body)).json()).toEqual({ status: 'published' });
    expect((await outsider.get(`/api/community/posts/${postId}`)).statusCode).toBe(200);
    expect((await reviewer.client.post('/api/staff/community/restore', body)).json().code).toBe(
      'COMMUNITY_NOT_REMOVED',
    );

    // taken down again, then lifted from the compliance register: the post shows again there too, once
    expect((await reviewer.client.post('/api/staff/community/take-down', body)).json()).toEqual({ status: 'removed' });
    const again = (await reviewer.client.get('/api/staff/takedowns')).json().items as Array<{
      id: string;
      subjectId: string;
      liftedAt: string | null;
    }>;
    const open = again.find((d) => d.subjectId === postId && d.liftedAt === null) as { id: string };
    expect((await reviewer.client.post(`/api/staff/takedowns/${open.id}/lift`, {})).statusCode).toBe(200);
    expect((await outsider.get(`/api/community/posts/${postId}`)).json()).toMatchObject({ status: 'published' });
    const restored = (await asker.client.get('/api/notifications')).json().items as Array<{ kind: string }>;
    expect(restored.filter((n) => n.kind === 'community.restored')).toHaveLength(2);
    expect((await reviewer.client.post('/api/staff/community/restore', body)).json().code).toBe(
      'COMMUNITY_NOT_REMOVED',
    );
  });

  it('a moderator approves a held post, which then earns its points', async () => {
    const reviewer = await staffClient(t, ['operator'], '运营 郑');
    const held = (await reviewer.client.get('/api/staff/community/queue'))
      .json()
      .items.find((i: { status: string; targetKind: string }) => i.status === 'held' && i.targetKind === 'post');
    const before = (await repo.pointsRows(t.ctx.db, asker.userId)).length;
    const approved = await reviewer.client.post('/api/staff/community/approve', {
      targetKind: 'post',
      targetId: held.targetId,
    });
    expect(approved.json()).toEqual({ status: 'published' });
    expect((await outsider.get(`/api/community/posts/${held.targetId}`)).statusCode).toBe(200);
    expect((await repo.pointsRows(t.ctx.db, asker.userId)).length).toBe(before + 1);
  });

  it('lists boards with counts and sorts by hot', async () => {
    const boards = (await outsider.get('/api/community/boards')).json();
    expect(boards.boards.find((b: { board: string }) => b.board === 'legal_qa')).toMatchObject({ qa: true });
    expect(boards.regions).toContainEqual({ regionCode: '330000', postCount: 1 });
    const hot = (await outsider.get('/api/community/posts?sort=hot&pageSize=1')).json();
    expect(hot.items[0].id).toBe(postId);
    expect(hot.pageSize).toBe(1);
    expect(hot.total).toBeGreaterThan(1);
  });
});
