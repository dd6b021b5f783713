import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggingSms } from '../../infra/sms/sms';
import { type BuiltOrg, buildOrg } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { categoryOf } from './notifications.categories';
import { releaseHeld, sendDigests } from './notifications.delivery';
import { getPreferences, unsubscribe, updatePreferences } from './notifications.preferences';
import { isQuiet, quietUntil } from './notifications.quiet-hours';
import { listNotifications, notify, unreadCount } from './notifications.service';
import { signUnsubscribe } from './notifications.unsubscribe';
import { unsubscribeKey } from './notifications.unsubscribe-key';

const ALL_ON = { inApp: true, email: true, sms: false };
const hhmm = (d: Date) => {
  const local = new Date(d.getTime() + 8 * 3_600_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
};

describe('quiet hours (Asia/Shanghai)', () => {
  const night = { start: '22:00', end: '08:00' };
  it('crosses midnight and ends at the next end time', () => {
    expect(isQuiet(new Date('2026-03-01T15:00:00Z'), night)).toBe(true); // 23:00 Shanghai
    expect(isQuiet(new Date('2026-03-01T23:59:00Z'), night)).toBe(true); // 07:59
    expect(isQuiet(new Date('2026-03-02T00:00:00Z'), night)).toBe(false); // 08:00
    expect(isQuiet(new Date('2026-03-02T05:00:00Z'), night)).toBe(false); // 13:00
    expect(quietUntil(new Date('2026-03-01T15:00:00Z'), night).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(quietUntil(new Date('2026-03-01T17:30:00Z'), night).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(isQuiet(new Date('2026-03-01T15:00:00Z'), null)).toBe(false);
  });
});

describe('the category registry', () => {
  it('maps every kind notify() is called with, and unknown kinds to 系统', () => {
    expect(categoryOf('matching.push')).toBe('matching');
    expect(categoryOf('risk.warning')).toBe('risk');
    expect(categoryOf('insurance.claim_decided')).toBe('funds');
    expect(categoryOf('disputes.filed')).toBe('contracts');
    expect(categoryOf('tickets.answered')).toBe('tickets');
    expect(categoryOf('policies.published')).toBe('policies');
    expect(categoryOf('inquiries.received')).toBe('tendering');
    expect(categoryOf('community.reply')).toBe('system');
    expect(categoryOf('test')).toBe('system');
  });
});

/** 通知偏好 on a real database: each channel suppressed exactly as chosen, quiet hours, digest, unsubscribe. */
describe('notification preferences', () => {
  let tc: TestContext;
  let org: BuiltOrg;
  let sms: LoggingSms;
  const reader = (o: BuiltOrg) => ({ userId: o.userId, orgIds: [o.orgId] });
  const mailsTo = (email: string) => tc.mailer.sent.filter((m) => m.to === email);

  beforeAll(async () => {
    tc = await createTestContext({ clockAdjustable: true });
    org = await buildOrg(tc.ctx, { roles: ['SUP'] });
    sms = tc.modules.identity.api.sms as LoggingSms;
    await tc.ctx.db.execute(sql`update users set phone = '13800138000' where id = ${org.userId}`);
  });
  afterAll(async () => tc?.close());

  it('keeps the old behaviour without preferences: in-app and e-mail, no SMS', async () => {
    await notify(tc.ctx, { userId: org.userId, kind: 'matching.push', title: '推荐A', body: 'b', email: true });
    await tc.drain();
    expect(mailsTo(org.email).map((m) => m.subject)).toEqual(['推荐A']);
    expect(sms.sent).toHaveLength(0);
    const prefs = await getPreferences(tc.ctx, org.userId);
    expect(prefs.categories.find((c) => c.category === 'matching')?.channels).toEqual(ALL_ON);
    expect(prefs.categories.find((c) => c.category === 'funds')?.locked).toEqual(['inApp', 'email']);
  });

  it('e-mail off for 匹配: the in-app row, no mail; other categories still mailed; SMS on → the adapter', async () => {
    await updatePreferences(tc.ctx, org.userId, {
      categories: [
        { category: 'matching', channels: { inApp: true, email: false, sms: false } },
        { category: 'risk', channels: { inApp: true, email: true, sms: true } },
      ],
      quietHours: null,
      digest: false,
    });
    const before = mailsTo(org.email).length;
    const unread = await unreadCount(tc.ctx, reader(org));
    await notify(tc.ctx, { orgId: org.orgId, kind: 'matching.push', title: '推荐B', body: 'b', email: true });
    await notify(tc.ctx, { orgId: org.orgId, kind: 'risk.warning', title: '预警C', body: 'b', email: true });
    await tc.drain();
    expect(await unreadCount(tc.ctx, reader(org))).toBe(unread + 2);
    expect(
      mailsTo(org.email)
        .slice(before)
        .map((m) => m.subject),
    ).toEqual(['预警C']);
    expect(sms.sent).toEqual([{ to: '13800138000', text: '【筑合】预警C' }]);
  });

  it('in-app off hides the category from this reader only; mandatory channels cannot be switched off', async () => {
    await expect(
      updatePreferences(tc.ctx, org.userId, {
        categories: [{ category: 'funds', channels: { inApp: true, email: false, sms: false } }],
        quietHours: null,
        digest: false,
      }),
    ).rejects.toMatchObject({ code: 'NOTIFICATION_CHANNEL_LOCKED' });
    const prefs = await getPreferences(tc.ctx, org.userId);
    expect(prefs.categories.find((c) => c.category === 'funds')?.channels.email).toBe(true);
    expect(prefs.categories.find((c) => c.category === 'matching')?.channels.email).toBe(false); // nothing half-saved

    await updatePreferences(tc.ctx, org.userId, {
      categories: [{ category: 'policies', channels: { inApp: false, email: true, sms: false } }],
      quietHours: null,
      digest: false,
    });
    await notify(tc.ctx, { userId: org.userId, kind: 'policies.published', title: '新政策D', body: 'b' });
    const list = await listNotifications(tc.ctx, reader(org));
    expect(list.items.map((n) => n.title)).not.toContain('新政策D');
    expect((await listNotifications(tc.ctx, reader(org), { category: 'risk' })).items.map((n) => n.title)).toEqual([
      '预警C',
    ]);
  });

  it('holds e-mail and SMS through quiet hours (in-app at once) and releases them when they end', async () => {
    const now = tc.ctx.clock.now();
    const start = hhmm(new Date(now.getTime() - 60 * 60_000));
    const end = hhmm(new Date(now.getTime() + 60 * 60_000));
    await updatePreferences(tc.ctx, org.userId, {
      categories: [{ category: 'risk', channels: { inApp: true, email: true, sms: true } }],
      quietHours: { start, end },
      digest: false,
    });
    const mails = mailsTo(org.email).length;
    const texts = sms.sent.length;
    await notify(tc.ctx, { orgId: org.orgId, kind: 'risk.warning', title: '夜间预警E', body: 'b', email: true });
    await tc.drain();
    expect((await listNotifications(tc.ctx, reader(org))).items[0]?.title).toBe('夜间预警E');
    expect(mailsTo(org.email)).toHaveLength(mails);
    expect(sms.sent).toHaveLength(texts);
    expect(await releaseHeld(tc.ctx)).toBe(0); // still quiet

    tc.ctx.clock.advance(61 * 60_000);
    expect(await releaseHeld(tc.ctx)).toBe(2);
    await tc.drain();
    expect(
      mailsTo(org.email)
        .slice(mails)
        .map((m) => m.subject),
    ).toEqual(['夜间预警E']);
    expect(sms.sent.slice(texts).map((m) => m.text)).toEqual(['【筑合】夜间预警E']);
    expect(await releaseHeld(tc.ctx)).toBe(0); // released once
  });

  it('with the digest on, sends one summary of N items instead of each e-mail; mandatory mail still goes at once', async () => {
    await updatePreferences(tc.ctx, org.userId, { categories: [], quietHours: null, digest: true });
    const mails = mailsTo(org.email).length;
    for (const title of ['风险1', '风险2', '风险3'])
      await notify(tc.ctx, { orgId: org.orgId, kind: 'risk.warning', title, body: 'b', email: true });
    await notify(tc.ctx, {
      userId: org.userId,
      kind: 'insurance.claim_decided',
      title: '理赔到账',
      body: 'b',
      email: true,
    });
    await tc.drain();
    expect(
      mailsTo(org.email)
        .slice(mails)
        .map((m) => m.subject),
    ).toEqual(['理赔到账']);

    expect(await sendDigests(tc.ctx)).toBe(1);
    await tc.drain();
    const digest = mailsTo(org.email).slice(mails + 1);
    expect(digest).toHaveLength(1);
    expect(digest[0]?.subject).toContain('3 条通知');
    expect(digest[0]?.text).toMatch(/1\. \[风险\] 风险1\n2\. \[风险\] 风险2\n3\. \[风险\] 风险3/);
    expect(await sendDigests(tc.ctx)).toBe(0);
  });

  it('puts an unsubscribe link and List-Unsubscribe into each e-mail, but none into mandatory ones', async () => {
    const mail = mailsTo(org.email).find((m) => m.subject === '预警C');
    expect(mail?.text).toMatch(/Unsubscribe from these e-mails: \/unsubscribe\?token=[\w-]+\.[\w-]+/);
    expect(mail?.headers?.['List-Unsubscribe']).toMatch(/^<\/api\/notifications\/unsubscribe\?token=.+>$/);
    expect(mail?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const mandatory = mailsTo(org.email).find((m) => m.subject === '理赔到账');
    expect(mandatory?.headers).toBeUndefined();
    expect(mandatory?.text).not.toContain('token=');
  });

  it('unsubscribes by a valid token only; tampered or expired tokens change nothing', async () => {
    const key = unsubscribeKey(tc.ctx);
    const now = tc.ctx.clock.now().getTime();
    const token = signUnsubscribe(key, {
      userId: org.userId,
      category: 'tickets',
      channel: 'email',
      exp: now + 60_000,
    });
    const emailOf = async (category: string) =>
      (await getPreferences(tc.ctx, org.userId)).categories.find((c) => c.category === category)?.channels.email;

    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify([org.userId, 'risk', 'email', now + 60_000])).toString('base64url');
    await expect(unsubscribe(tc.ctx, `${forged}.${mac}`, true)).rejects.toMatchObject({
      code: 'NOTIFICATION_UNSUBSCRIBE_INVALID',
    });
    await expect(unsubscribe(tc.ctx, `${body}.${mac?.slice(0, -2)}xx`, true)).rejects.toMatchObject({
      code: 'NOTIFICATION_UNSUBSCRIBE_INVALID',
    });
    const expired = signUnsubscribe(key, { userId: org.userId, category: 'tickets', channel: 'email', exp: now - 1 });
    await expect(unsubscribe(tc.ctx, expired, true)).rejects.toMatchObject({
      code: 'NOTIFICATION_UNSUBSCRIBE_EXPIRED',
    });
    expect(await emailOf('risk')).toBe(true);
    expect(await emailOf('tickets')).toBe(true);

    expect(await unsubscribe(tc.ctx, token, false)).toEqual({
      category: 'tickets',
      channel: 'email',
      unsubscribed: false,
    });
    expect(await emailOf('tickets')).toBe(true); // the preview changes nothing
    expect(await unsubscribe(tc.ctx, token, true)).toEqual({
      category: 'tickets',
      channel: 'email',
      unsubscribed: true,
    });
    expect(await emailOf('tickets')).toBe(false);
    expect((await getPreferences(tc.ctx, org.userId)).digest).toBe(true); // the rest kept
  });
});
