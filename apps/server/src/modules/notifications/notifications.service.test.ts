import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { listNotifications, markAllRead, markRead, notify, unreadCount } from './notifications.service';

/** 站内通知 use cases on a real database: the inbox of a user and of an organisation, and the e-mail outbox. */
describe('notifications', () => {
  let tc: TestContext;
  let supplier: BuiltOrg;
  let other: BuiltOrg;
  const reader = (org: BuiltOrg) => ({ userId: org.userId, orgIds: [org.orgId] });

  beforeAll(async () => {
    tc = await createTestContext();
    supplier = await buildOrg(tc.ctx, { roles: ['SUP'] });
    other = await buildOrg(tc.ctx, { roles: ['SUP'] });
  });
  afterAll(async () => tc?.close());

  it('needs exactly one recipient', async () => {
    await expect(notify(tc.ctx, { kind: 'test', title: 't', body: 'b' })).rejects.toMatchObject({
      code: 'NOTIFICATION_NO_RECIPIENT',
    });
    await expect(
      notify(tc.ctx, { kind: 'test', title: 't', body: 'b', userId: supplier.userId, orgId: supplier.orgId }),
    ).rejects.toMatchObject({ code: 'NOTIFICATION_NO_RECIPIENT' });
  });

  it("reaches the organisation's inbox and its managers' mail once, and no one else", async () => {
    await notify(tc.ctx, {
      orgId: supplier.orgId,
      kind: 'matching.push',
      title: '新的需求推荐',
      body: '杭州 HRB400E 螺纹钢 300 吨',
      link: '/workspace/pushes',
      email: true,
    });
    expect(await unreadCount(tc.ctx, reader(supplier))).toBe(1);
    expect(await unreadCount(tc.ctx, reader(other))).toBe(0);
    expect((await listNotifications(tc.ctx, reader(other))).items).toEqual([]);

    expect(tc.mailer.sent).toHaveLength(0); // only after the outbox job runs
    await tc.drain();
    expect(tc.mailer.sent.map((m) => [m.to, m.subject])).toEqual([[supplier.email, '新的需求推荐']]);
    await tc.drain();
    expect(tc.mailer.sent).toHaveLength(1);
  });

  it('is marked read by its reader only', async () => {
    const id = await notify(tc.ctx, { userId: supplier.userId, kind: 'test', title: '个人通知', body: '—' });
    expect(await unreadCount(tc.ctx, reader(supplier))).toBe(2);
    await expect(markRead(tc.ctx, reader(other), id)).rejects.toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
    await markRead(tc.ctx, reader(supplier), id);
    expect(await unreadCount(tc.ctx, reader(supplier))).toBe(1);
    expect(await markAllRead(tc.ctx, reader(supplier))).toBe(1);
    expect(await unreadCount(tc.ctx, reader(supplier))).toBe(0);
  });
});
