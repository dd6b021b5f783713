import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import {
  createOrg,
  createTestApp,
  PASSWORD,
  registeredClient,
  type TestApp,
  TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { notify } from './notifications.service';

/** 通知偏好 and 通知中心 through HTTP: one's own preferences only, the public unsubscribe link, the filters. */
let t: TestApp;
let a: { client: TestClient; userId: string; identifier: string; orgId: string };
let b: { client: TestClient; userId: string; orgId: string };
let anonymous: TestClient;
/** a plain member of A's organisation */
let member: TestClient;

const matchingEmailOff = {
  categories: [{ category: 'matching', channels: { inApp: true, email: false, sms: false } }],
  quietHours: { start: '22:00', end: '08:00' },
  digest: false,
};
type Prefs = { categories: { category: string; channels: { email: boolean } }[]; digest: boolean };
const emailOf = (prefs: Prefs, category: string) =>
  prefs.categories.find((c) => c.category === category)?.channels.email;

beforeAll(async () => {
  t = await createTestApp();
  const ra = await registeredClient(t.app, uniqueEmail('np-a'));
  const orgA = await createOrg(ra.client, { creditCode: validCreditCode('330100'), businessRoles: ['SUP'] });
  a = { ...ra, orgId: orgA.id };
  const rb = await registeredClient(t.app, uniqueEmail('np-b'));
  const orgB = await createOrg(rb.client, { creditCode: validCreditCode('330100'), businessRoles: ['SUP'] });
  b = { ...rb, orgId: orgB.id };
  anonymous = new TestClient(t.app);
  const memberEmail = uniqueEmail('np-member');
  const invitation = (
    await a.client.post(`/api/orgs/${a.orgId}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  member = (await registeredClient(t.app, memberEmail)).client;
  await member.post(`/api/invitations/${invitation.id}/accept`);
  await member.post('/api/auth/logout');
  await member.post('/api/auth/login', { identifier: memberEmail, password: PASSWORD });
});
afterAll(async () => t?.app.close());

describe('notification preferences over HTTP', () => {
  it('need a signed-in user', async () => {
    expect((await anonymous.get('/api/notifications/preferences')).statusCode).toBe(401);
    expect((await anonymous.put('/api/notifications/preferences', matchingEmailOff)).statusCode).toBe(401);
  });

  it("are each user's own: another organisation's user neither reads nor changes them", async () => {
    const saved = await a.client.put('/api/notifications/preferences', matchingEmailOff);
    expect(saved.statusCode).toBe(200);
    expect(emailOf(saved.json(), 'matching')).toBe(false);

    const theirs = (await b.client.get('/api/notifications/preferences')).json() as Prefs;
    expect(emailOf(theirs, 'matching')).toBe(true);
    expect(
      (await b.client.put('/api/notifications/preferences', { ...matchingEmailOff, digest: true })).statusCode,
    ).toBe(200);
    // the body names no user: B's change is B's
    const mine = (await a.client.get('/api/notifications/preferences')).json() as Prefs & { quietHours: unknown };
    expect(mine.digest).toBe(false);
    expect(mine.quietHours).toEqual({ start: '22:00', end: '08:00' });

    // a plain member of A's own organisation: their own defaults, and their change is theirs
    expect(emailOf((await member.get('/api/notifications/preferences')).json(), 'matching')).toBe(true);
    expect(
      (
        await member.put('/api/notifications/preferences', {
          categories: [{ category: 'matching', channels: { inApp: true, email: true, sms: true } }],
          quietHours: null,
          digest: true,
        })
      ).statusCode,
    ).toBe(200);
    const after = (await a.client.get('/api/notifications/preferences')).json() as Prefs & { quietHours: unknown };
    expect(emailOf(after, 'matching')).toBe(false);
    expect(after).toMatchObject({ digest: false, quietHours: { start: '22:00', end: '08:00' } });
  });

  it('refuse to switch off a mandatory channel or take bad input, and save nothing', async () => {
    const locked = await a.client.put('/api/notifications/preferences', {
      categories: [{ category: 'security', channels: { inApp: true, email: false, sms: false } }],
      quietHours: null,
      digest: true,
    });
    expect(locked.statusCode).toBe(400);
    expect(locked.json()).toMatchObject({ code: 'NOTIFICATION_CHANNEL_LOCKED' });
    const bad = await a.client.put('/api/notifications/preferences', {
      ...matchingEmailOff,
      quietHours: { start: '25:00', end: '08:00' },
    });
    expect(bad.statusCode).toBe(400);
    expect(((await a.client.get('/api/notifications/preferences')).json() as Prefs).digest).toBe(false);
  });
});

describe('the notification centre over HTTP', () => {
  it("filters by category and read state, pages, and never shows another organisation's", async () => {
    for (const [kind, title] of [
      ['risk.warning', '风险甲'],
      ['risk.warning', '风险乙'],
      ['tickets.answered', '工单丙'],
    ] as const)
      await notify(t.ctx, { orgId: a.orgId, kind, title, body: '—' });
    const risk = (await a.client.get('/api/notifications?category=risk&pageSize=1&page=2')).json();
    expect(risk.total).toBe(2);
    expect(risk.items.map((n: { title: string }) => n.title)).toEqual(['风险甲']);
    const first = (await a.client.get('/api/notifications?category=tickets')).json().items[0];
    expect((await b.client.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await a.client.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(200);
    expect(
      (await a.client.get('/api/notifications?status=read')).json().items.map((n: { title: string }) => n.title),
    ).toEqual(['工单丙']);
    expect((await b.client.get('/api/notifications?category=risk')).json()).toMatchObject({ items: [], total: 0 });
    expect((await a.client.get('/api/notifications?category=nonsense')).statusCode).toBe(400);
  });
});

describe('unsubscribe links', () => {
  it('turn the channel off without signing in; a tampered link changes nothing', async () => {
    // the first test gave A quiet hours 22:00–08:00, which hold this mail when the suite runs in a Shanghai evening
    expect(
      (await a.client.put('/api/notifications/preferences', { ...matchingEmailOff, quietHours: null })).statusCode,
    ).toBe(200);
    await notify(t.ctx, { orgId: a.orgId, kind: 'tickets.answered', title: '工单已回复', body: '—', email: true });
    await t.ctx.jobs.runDue();
    const mail = t.mailer.sent.find((m) => m.subject === '工单已回复');
    const token = /token=([\w.-]+)/.exec(mail?.text ?? '')?.[1] as string;
    expect(token).toBeTruthy();

    const tampered = await anonymous.post(`/api/notifications/unsubscribe?token=${token.slice(0, -3)}abc`);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json()).toMatchObject({ code: 'NOTIFICATION_UNSUBSCRIBE_INVALID' });
    expect(emailOf((await a.client.get('/api/notifications/preferences')).json(), 'tickets')).toBe(true);

    expect((await anonymous.get(`/api/notifications/unsubscribe?token=${token}`)).json()).toEqual({
      category: 'tickets',
      channel: 'email',
      unsubscribed: false,
    });
    expect(emailOf((await a.client.get('/api/notifications/preferences')).json(), 'tickets')).toBe(true);
    const done = await anonymous.post(`/api/notifications/unsubscribe?token=${token}`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ unsubscribed: true });
    expect(emailOf((await a.client.get('/api/notifications/preferences')).json(), 'tickets')).toBe(false);
    expect(emailOf((await b.client.get('/api/notifications/preferences')).json(), 'tickets')).toBe(true);
  });
});
