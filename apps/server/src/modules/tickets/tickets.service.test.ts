import type { StaffRole, TicketCategory } from '@zhuhe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../infra/errors';
import type { Actor } from '../../infra/http/access';
import { actorOf, type BuiltOrg, buildOrg, buildStaff } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import {
  agentReply,
  board,
  checkClocks,
  escalate,
  intakeEmail,
  openForMember,
  rate,
  reopen,
  resolve,
  ticketForOrg,
  ticketForStaff,
} from './index';

let tc: TestContext;
let org: BuiltOrg;
let requester: Actor;
let line1: Actor;
let line2: Actor;
let line3: Actor;

const bj = (local: string) => new Date(`${local}+08:00`);
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};
const open = (priority: 'urgent' | 'high' | 'normal' | 'low', at: Date, category: TicketCategory = 'account') =>
  openForMember(
    tc.ctx,
    requester,
    org.orgId,
    { category, priority, subject: '无法登录', text: '输入验证码后一直提示失败。', attachmentFileIds: [] },
    'web',
    at,
  );

beforeAll(async () => {
  tc = await createTestContext();
  org = await buildOrg(tc.ctx, { roles: ['SUB'] });
  requester = actorOf(org, ['SUB']);
  const agent = (roles: StaffRole[], name: string) => buildStaff(tc.ctx, roles, name);
  line1 = await agent(['service'], '一线客服张丽');
  line2 = await agent(['support_technical'], '二线技术刘洋');
  line3 = await agent(['support_expert'], '三线专家陈静');
});
afterAll(async () => {
  await tc.close();
});

describe('SLA clocks and escalation', () => {
  it('moves an unanswered urgent ticket to line 2 when line 1’s hour runs out, and records the breach', async () => {
    const id = await open('urgent', bj('2026-12-01T10:00:00'));
    await checkClocks(tc.ctx, bj('2026-12-01T10:50:00'));
    expect((await ticketForStaff(tc.ctx, id)).line).toBe(1);

    const result = await checkClocks(tc.ctx, bj('2026-12-01T11:05:00'));
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    const t = await ticketForStaff(tc.ctx, id);
    expect(t.line).toBe(2);
    expect(t.breached).toBe(true);
    expect(t.escalations).toMatchObject([{ fromLine: 1, toLine: 2, automatic: true }]);
    // line 2 gets its own window, from the hand-over
    expect(t.lineDueAt).toBe(bj('2026-12-01T12:05:00').toISOString());
    // the system note is internal: the requester does not see it
    expect((await ticketForOrg(tc.ctx, org.orgId, id)).messages.map((m) => m.side)).toEqual(['requester']);

    await checkClocks(tc.ctx, bj('2026-12-01T12:10:00'));
    expect((await ticketForStaff(tc.ctx, id)).line).toBe(3);
    // line 3 is the last line
    await checkClocks(tc.ctx, bj('2026-12-01T20:00:00'));
    expect((await ticketForStaff(tc.ctx, id)).line).toBe(3);
  });

  it('stops the line clock while waiting on the requester', async () => {
    const id = await open('urgent', bj('2026-12-02T10:00:00'));
    await agentReply(
      tc.ctx,
      line1,
      id,
      { body: '请问使用的是哪个手机号？', internal: false, cannedAnswerId: null },
      bj('2026-12-02T10:20:00'),
    );
    await checkClocks(tc.ctx, bj('2026-12-02T13:00:00'));
    const t = await ticketForStaff(tc.ctx, id);
    expect(t.line).toBe(1);
    expect(t.status).toBe('answered');
    expect(t.firstResponse.state).toBe('met');
  });

  it('lets an agent escalate only a ticket at their own line, and line 2 resolve it', async () => {
    const id = await open('high', bj('2026-12-03T09:00:00'), 'technical');
    expect(await code(escalate(tc.ctx, line2, id, '需要技术排查'))).toBe('TICKET_NOT_YOUR_LINE');
    await agentReply(
      tc.ctx,
      line1,
      id,
      { body: '已收到，正在处理。', internal: false, cannedAnswerId: null },
      bj('2026-12-03T09:10:00'),
    );
    await agentReply(
      tc.ctx,
      line1,
      id,
      { body: '疑似短信网关问题', internal: true, cannedAnswerId: null },
      bj('2026-12-03T09:11:00'),
    );
    await escalate(tc.ctx, line1, id, '需要技术排查', bj('2026-12-03T09:12:00'));
    expect(await code(resolve(tc.ctx, line1, id, '已修复'))).toBe('TICKET_NOT_YOUR_LINE');
    await resolve(tc.ctx, line2, id, '短信网关已切换，请重试。', bj('2026-12-03T11:00:00'));

    const seen = await ticketForOrg(tc.ctx, org.orgId, id);
    expect(seen.status).toBe('resolved');
    expect(seen.messages.some((m) => m.body.includes('短信网关问题'))).toBe(false);
    expect((await ticketForStaff(tc.ctx, id)).messages.some((m) => m.internal && m.body.includes('短信网关问题'))).toBe(
      true,
    );
    expect(seen.resolution.state).toBe('met');
    // the requester was told in the app and by mail
    await tc.drain();
    expect(tc.mailer.sent.some((m) => m.to === org.email && m.subject.includes('工单已解决'))).toBe(true);
  });

  it('escalates no further than the expert line', async () => {
    const id = await open('normal', bj('2026-12-03T09:00:00'));
    await escalate(tc.ctx, line1, id, '转技术');
    await escalate(tc.ctx, line2, id, '转专家');
    expect(await code(escalate(tc.ctx, line3, id, '再升级'))).toBe('TICKET_TOP_LINE');
  });
});

describe('rating and reopening', () => {
  it('rates a resolved ticket once, and reopens within 7 days but not after', async () => {
    const a = await open('normal', bj('2026-12-04T09:00:00'));
    expect(await code(rate(tc.ctx, org.orgId, a, { stars: 5, comment: '' }))).toBe('TICKET_NOT_RESOLVED');
    await resolve(tc.ctx, line1, a, '已重置密码。', bj('2026-12-04T10:00:00'));
    await rate(tc.ctx, org.orgId, a, { stars: 4, comment: '很快' }, bj('2026-12-04T12:00:00'));
    const rated = await ticketForOrg(tc.ctx, org.orgId, a);
    expect(rated).toMatchObject({ status: 'closed', rating: { stars: 4, comment: '很快' } });
    expect(await code(rate(tc.ctx, org.orgId, a, { stars: 1, comment: '' }))).toBe('TICKET_ALREADY_RATED');

    const b = await open('normal', bj('2026-12-04T09:00:00'));
    await resolve(tc.ctx, line1, b, '已处理。', bj('2026-12-04T10:00:00'));
    await reopen(tc.ctx, requester, org.orgId, b, '问题又出现了', bj('2026-12-10T10:00:00'));
    expect((await ticketForOrg(tc.ctx, org.orgId, b)).status).toBe('reopened');

    const c = await open('normal', bj('2026-12-04T09:00:00'));
    await resolve(tc.ctx, line1, c, '已处理。', bj('2026-12-04T10:00:00'));
    expect(await code(reopen(tc.ctx, requester, org.orgId, c, '还是不行', bj('2026-12-11T10:01:00')))).toBe(
      'TICKET_REOPEN_EXPIRED',
    );
  });

  it('does not show another organisation’s ticket', async () => {
    const other = await buildOrg(tc.ctx);
    const id = await open('low', bj('2026-12-04T09:00:00'));
    expect(await code(ticketForOrg(tc.ctx, other.orgId, id))).toBe('TICKET_NOT_FOUND');
  });
});

describe('e-mail intake without SMTP', () => {
  it('opens a guest ticket for an unknown sender and mails the answer to them', async () => {
    const { ticketId, created } = await intakeEmail(
      tc.ctx,
      { from: 'Li.Wei@Example.org', fromName: '李伟', subject: '发票开具', text: '请问如何开具增值税专用发票？' },
      null,
    );
    expect(created).toBe(true);
    const t = await ticketForStaff(tc.ctx, ticketId);
    expect(t).toMatchObject({
      channel: 'email',
      requester: { guest: true, email: 'li.wei@example.org', name: '李伟' },
    });
    await agentReply(tc.ctx, line1, ticketId, {
      body: '请在「财务 > 发票」中申请。',
      internal: false,
      cannedAnswerId: null,
    });
    await tc.drain();
    const mail = tc.mailer.sent.find((m) => m.to === 'li.wei@example.org');
    expect(mail?.subject).toContain(`[${t.ticketNo}]`);
    // the guest answers the mail: it joins the thread instead of opening a new ticket
    const again = await intakeEmail(
      tc.ctx,
      { from: 'li.wei@example.org', fromName: '李伟', subject: `Re: ${mail?.subject}`, text: '找到了，谢谢。' },
      null,
    );
    expect(again).toEqual({ ticketId, created: false });
    expect((await ticketForStaff(tc.ctx, ticketId)).status).toBe('open');
  });
});

describe('board figures', () => {
  it('computes the month’s resolution rate and medians from the tickets’ timestamps', async () => {
    const month = '2027-01';
    const x = await open('normal', bj('2027-01-05T09:00:00'), 'contract');
    await agentReply(
      tc.ctx,
      line1,
      x,
      { body: '收到', internal: false, cannedAnswerId: null },
      bj('2027-01-05T09:30:00'),
    );
    await resolve(tc.ctx, line1, x, '已解决', bj('2027-01-05T11:00:00'));
    const y = await open('normal', bj('2027-01-06T09:00:00'), 'contract');
    await agentReply(
      tc.ctx,
      line1,
      y,
      { body: '收到', internal: false, cannedAnswerId: null },
      bj('2027-01-06T10:30:00'),
    );
    await escalate(tc.ctx, line1, y, '转技术', bj('2027-01-06T10:31:00'));
    await resolve(tc.ctx, line2, y, '已解决', bj('2027-01-06T15:00:00'));
    await open('normal', bj('2027-01-07T09:00:00'), 'contract');
    const b = await board(tc.ctx, month, bj('2027-01-20T00:00:00'));
    expect(b.overall).toMatchObject({
      opened: 3,
      resolvedInMonth: 2,
      medianFirstAnswerMinutes: 60, // 30 and 90
      medianResolutionMinutes: 240, // 120 and 360
    });
    expect(b.overall.firstMonthResolutionRate).toBeCloseTo(2 / 3, 6);
    expect(b.byLine.find((l) => l.line === 2)).toMatchObject({ opened: 1, resolvedInMonth: 1 });
    expect(b.byCategory).toEqual([expect.objectContaining({ category: 'contract', opened: 3 })]);
    expect(b.target).toBe(0.95);
  });
});
