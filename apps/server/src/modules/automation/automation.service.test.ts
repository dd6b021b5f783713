import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../infra/clock';
import { buildOrg, buildUser } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { recordProductEvent } from '../analytics';
import { updatePreferences } from '../notifications';
import { listVouchers } from '../rewards';
import { tick } from './automation.engine';
import * as repo from './automation.repository';
import { createFromTemplate, createJourney, dryRun, listJourneys, listTasks, setStatus } from './automation.service';

const HOUR = 3_600_000;

/** A business clock the test moves by hand (the app's clock is read through `ctx.clock` at every call). */
function fakeClock(start: string): Clock & { set(iso: string): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
      return true;
    },
    set(iso) {
      now = new Date(iso).getTime();
    },
    adjustable: true,
  };
}

/**
 * 线索 24 小时跟进 on a real database with a fake clock: a lead is a user who registered and belongs to no
 * organisation; 24 h of silence give a sales task (4 h SLA) and a guiding e-mail, once, never in quiet hours
 * (22:00–08:00 Shanghai), never by a channel the lead unsubscribed from; the dry-run sends nothing.
 */
describe('automation: lead follow-up within 24 hours', () => {
  let tc: TestContext;
  let clock: ReturnType<typeof fakeClock>;
  let journeyId: string;

  const register = async (name: string) => {
    const user = await buildUser(tc.ctx, name);
    await recordProductEvent(tc.ctx, {
      name: 'user.registered',
      userId: user.userId,
      properties: { via: 'email' },
      occurredAt: clock.now(),
    });
    return user;
  };
  const tasksFor = async (userId: string) => (await listTasks(tc.ctx)).items.filter((t) => t.subjectId === userId);
  const mailsTo = (email: string) => tc.mailer.sent.filter((m) => m.to === email);
  const run = async () => {
    await tick(tc.ctx);
    await tc.drain();
  };

  beforeAll(async () => {
    tc = await createTestContext();
    // after the real time, so trigger events stamped by this clock are after the journey's cursor
    clock = fakeClock('2027-03-01T02:00:00Z'); // 10:00 in Shanghai
    (tc.ctx as { clock: Clock }).clock = clock;
    const journey = await createFromTemplate(tc.ctx, null, 'lead_follow_up_24h');
    journeyId = journey.id;
    await setStatus(tc.ctx, journeyId, 'active');
  });
  afterAll(async () => tc?.close());

  it('creates one task with its SLA and sends one e-mail after 24 silent hours, and nothing before', async () => {
    const lead = await register('线索甲');
    await run();
    clock.advance(23 * HOUR);
    await run();
    expect(await tasksFor(lead.userId)).toEqual([]);

    clock.advance(HOUR + 60_000); // 2027-03-02 10:01 Shanghai
    await run();
    const [task, ...more] = await tasksFor(lead.userId);
    expect(more).toEqual([]);
    expect(task).toMatchObject({ title: '电话回访新注册用户', status: 'open', subjectName: '线索甲', overdue: false });
    expect(new Date(task?.dueAt ?? 0).getTime() - clock.now().getTime()).toBe(4 * HOUR);
    expect(mailsTo(lead.email).map((m) => m.subject)).toEqual(['三步完成企业入驻，开始承接项目']);

    // later ticks change nothing: once per enrolment and step
    clock.advance(48 * HOUR);
    await run();
    await run();
    expect(await tasksFor(lead.userId)).toHaveLength(1);
    expect(mailsTo(lead.email)).toHaveLength(1);
    const sends = (await repo.sendsOf(tc.ctx.db, journeyId, 100)).filter((s) => s.subjectId === lead.userId);
    expect(sends.map((s) => [s.stepId, s.outcome]).sort()).toEqual([
      ['guide', 'sent'],
      ['task', 'sent'],
    ]);
  });

  it('waits for the end of quiet hours when the 24 hours end at night', async () => {
    clock.set('2027-03-10T14:30:00Z'); // 22:30 in Shanghai
    const lead = await register('夜间注册的线索');
    await run();
    clock.advance(24 * HOUR + 60_000); // 22:31 the next night
    await run();
    expect(await tasksFor(lead.userId)).toEqual([]);
    expect(mailsTo(lead.email)).toEqual([]);

    clock.set('2027-03-11T23:59:00Z'); // 07:59 in Shanghai: still quiet
    await run();
    expect(await tasksFor(lead.userId)).toEqual([]);

    clock.set('2027-03-12T00:00:00Z'); // 08:00 in Shanghai
    await run();
    const tasks = await tasksFor(lead.userId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.createdAt).toBe('2027-03-12T00:00:00.000Z');
    expect(mailsTo(lead.email)).toHaveLength(1);
  });

  it('does nothing for a lead who acted within the 24 hours', async () => {
    clock.set('2027-03-15T02:00:00Z');
    const lead = await register('已建组织的线索');
    await run();
    clock.advance(2 * HOUR);
    await recordProductEvent(tc.ctx, { name: 'organisation.created', userId: lead.userId, occurredAt: clock.now() });
    clock.advance(23 * HOUR);
    await run();
    expect(await tasksFor(lead.userId)).toEqual([]);
    expect(mailsTo(lead.email)).toEqual([]);
    const enrolment = (await repo.enrolmentsOf(tc.ctx.db, journeyId, 100)).find((e) => e.subjectId === lead.userId);
    expect(enrolment).toMatchObject({ status: 'exited', exitReason: 'activeSinceEntry' });
  });

  it('sends no e-mail to a lead who unsubscribed, and logs why', async () => {
    clock.set('2027-03-20T02:00:00Z');
    const lead = await register('已退订的线索');
    await updatePreferences(tc.ctx, lead.userId, {
      categories: [{ category: 'system', channels: { inApp: true, email: false, sms: false } }],
      quietHours: null,
      digest: false,
    });
    await run();
    clock.advance(25 * HOUR);
    await run();
    expect(mailsTo(lead.email)).toEqual([]);
    const sends = (await repo.sendsOf(tc.ctx.db, journeyId, 100)).filter((s) => s.subjectId === lead.userId);
    expect(sends.find((s) => s.stepId === 'guide')?.outcome).toBe('unsubscribed');
    // the sales call is the platform's own work, not a message to the lead: it is still due
    expect(await tasksFor(lead.userId)).toHaveLength(1);
  });

  it('dry-runs who would receive what, and sends, saves and enrols nothing', async () => {
    clock.set('2027-03-25T14:30:00Z'); // 22:30 Shanghai: the follow-up would fall into quiet hours
    const lead = await register('试运行线索');
    const before = {
      mails: tc.mailer.sent.length,
      tasks: (await listTasks(tc.ctx)).items.length,
      sends: (await repo.sendsOf(tc.ctx.db, journeyId, 1000)).length,
      enrolments: (await repo.enrolmentsOf(tc.ctx.db, journeyId, 1000)).length,
    };
    const preview = await dryRun(tc.ctx, journeyId);
    const mine = preview.items.filter((i) => i.subjectId === lead.userId);
    expect(mine.map((i) => [i.channel, i.title, i.at, i.heldForQuietHours, i.outcome])).toEqual([
      ['task', '电话回访新注册用户', '2027-03-27T00:00:00.000Z', true, 'sent'],
      ['email', '三步完成企业入驻，开始承接项目', '2027-03-27T00:00:00.000Z', false, 'sent'],
    ]);
    await tc.drain();
    expect(tc.mailer.sent.length).toBe(before.mails);
    expect((await listTasks(tc.ctx)).items.length).toBe(before.tasks);
    expect((await repo.sendsOf(tc.ctx.db, journeyId, 1000)).length).toBe(before.sends);
    expect((await repo.enrolmentsOf(tc.ctx.db, journeyId, 1000)).length).toBe(before.enrolments);
  });
});

describe('automation: journey rules', () => {
  let tc: TestContext;
  beforeAll(async () => {
    tc = await createTestContext();
  });
  afterAll(async () => tc?.close());

  it('refuses a journey whose steps form a cycle, in both languages, and saves nothing', async () => {
    const before = (await listJourneys(tc.ctx)).items.length;
    const attempt = createJourney(tc.ctx, null, {
      name: '循环旅程',
      audience: 'user',
      segment: {},
      trigger: { kind: 'event', event: 'user.registered' },
      steps: [
        { id: 'a', type: 'wait', hours: 1, next: 'b' },
        { id: 'b', type: 'condition', check: 'hasOrganisation', onTrue: null, onFalse: 'c' },
        { id: 'c', type: 'action', channel: 'inApp', title: '提醒', body: '', next: 'a' },
      ],
    });
    await expect(attempt).rejects.toMatchObject({ code: 'JOURNEY_CYCLE', params: { path: 'a → b → c → a' } });
    const error = (await attempt.catch((e: unknown) => e)) as { message: string };
    expect(String(error.message)).toMatch(/循环|cycle/);
    expect((await listJourneys(tc.ctx)).items.length).toBe(before);
  });

  it('refuses a step pointing nowhere and a task without its SLA', async () => {
    const base = {
      name: '坏旅程',
      audience: 'user' as const,
      segment: {},
      trigger: { kind: 'event' as const, event: 'user.registered' },
    };
    await expect(
      createJourney(tc.ctx, null, { ...base, steps: [{ id: 'a', type: 'wait', hours: 1, next: 'zz' }] }),
    ).rejects.toMatchObject({ code: 'JOURNEY_STEP_UNKNOWN' });
    await expect(
      createJourney(tc.ctx, null, {
        ...base,
        steps: [{ id: 'a', type: 'action', channel: 'task', title: '回访', body: '', next: null }],
      }),
    ).rejects.toMatchObject({ code: 'JOURNEY_TASK_SLA_REQUIRED' });
  });

  it('caps automated messages at three a week per recipient', async () => {
    const clock = fakeClock('2027-04-01T02:00:00Z');
    (tc.ctx as { clock: Clock }).clock = clock;
    const steps = [1, 2, 3, 4].map((n) => ({
      id: `m${n}`,
      type: 'action' as const,
      channel: 'inApp' as const,
      title: `消息 ${n}`,
      body: '',
      next: n < 4 ? `m${n + 1}` : null,
    }));
    const journey = await createJourney(tc.ctx, null, {
      name: '四连发',
      audience: 'user',
      segment: {},
      trigger: { kind: 'event', event: 'user.registered' },
      steps,
    });
    await setStatus(tc.ctx, journey.id, 'active');
    const user = await buildUser(tc.ctx, '频次测试');
    await recordProductEvent(tc.ctx, { name: 'user.registered', userId: user.userId, occurredAt: clock.now() });
    await tick(tc.ctx);
    const outcomes = (await repo.sendsOf(tc.ctx.db, journey.id, 10)).map((s) => [s.stepId, s.outcome]).sort();
    expect(outcomes).toEqual([
      ['m1', 'sent'],
      ['m2', 'sent'],
      ['m3', 'sent'],
      ['m4', 'capped'],
    ]);
  });
});

describe('automation: recall and welcome templates', () => {
  let tc: TestContext;
  let clock: ReturnType<typeof fakeClock>;
  beforeAll(async () => {
    tc = await createTestContext();
    clock = fakeClock('2027-05-10T02:00:00Z'); // 10:00 Shanghai
    (tc.ctx as { clock: Clock }).clock = clock;
  });
  afterAll(async () => tc?.close());

  it('recalls organisations silent for 30 days by e-mail to their managers, once per period', async () => {
    const silent = await buildOrg(tc.ctx, { roles: ['SUP'] });
    const busy = await buildOrg(tc.ctx, { roles: ['SUP'] });
    await recordProductEvent(tc.ctx, {
      name: 'organisation.created',
      orgId: silent.orgId,
      occurredAt: new Date('2027-03-20T02:00:00Z'),
    });
    await recordProductEvent(tc.ctx, {
      name: 'organisation.created',
      orgId: busy.orgId,
      occurredAt: new Date('2027-03-20T02:00:00Z'),
    });
    await recordProductEvent(tc.ctx, {
      name: 'demand.published',
      orgId: busy.orgId,
      occurredAt: new Date('2027-05-01T02:00:00Z'),
    });
    const journey = await createFromTemplate(tc.ctx, null, 'recall_silent_30d');
    await setStatus(tc.ctx, journey.id, 'active');
    await tick(tc.ctx);
    await tc.drain();
    const enrolled = (await repo.enrolmentsOf(tc.ctx.db, journey.id, 10)).map((e) => e.subjectId);
    expect(enrolled).toEqual([silent.orgId]);
    expect(tc.mailer.sent.filter((m) => m.to === silent.email).map((m) => m.subject)).toEqual([
      '好久不见：本月有新的需求与招标等您查看',
    ]);
    expect(tc.mailer.sent.filter((m) => m.to === busy.email)).toEqual([]);
    // the next day's scan finds the same organisation in the same 30-day period: no second entry
    clock.advance(25 * HOUR);
    await tick(tc.ctx);
    expect(await repo.enrolmentsOf(tc.ctx.db, journey.id, 10)).toHaveLength(1);
  });

  it('welcomes a new merchant in-app at once, by e-mail after 2 days, and not by SMS unless switched on', async () => {
    const merchant = await buildOrg(tc.ctx, { roles: ['SUP'] });
    const journey = await createFromTemplate(tc.ctx, null, 'merchant_welcome');
    await setStatus(tc.ctx, journey.id, 'active');
    await recordProductEvent(tc.ctx, {
      name: 'merchant.activated',
      orgId: merchant.orgId,
      userId: merchant.userId,
      occurredAt: clock.now(),
    });
    await tick(tc.ctx);
    const outcomes = async () =>
      (await repo.sendsOf(tc.ctx.db, journey.id, 10)).map((s) => [s.stepId, s.channel, s.outcome]).sort();
    expect(await outcomes()).toEqual([['welcome', 'inApp', 'sent']]);
    clock.advance(48 * HOUR);
    await tick(tc.ctx);
    expect(await outcomes()).toEqual([
      ['listing', 'email', 'sent'],
      ['welcome', 'inApp', 'sent'],
    ]);
    clock.advance(120 * HOUR);
    await tick(tc.ctx);
    expect(await outcomes()).toEqual([
      ['listing', 'email', 'sent'],
      ['review', 'sms', 'unsubscribed'],
      ['welcome', 'inApp', 'sent'],
    ]);
    expect((await repo.enrolmentsOf(tc.ctx.db, journey.id, 10))[0]?.status).toBe('completed');
  });

  it('grants an organisation a fee voucher once, and refuses a voucher without a value or for users', async () => {
    const org = await buildOrg(tc.ctx, { roles: ['SUB'] });
    const voucherStep = {
      id: 'gift',
      type: 'action' as const,
      channel: 'voucher' as const,
      title: '首单立减 ¥100',
      voucherFen: 10_000,
      voucherDays: 30,
      next: null,
    };
    const journey = await createJourney(tc.ctx, null, {
      name: '首单礼券',
      audience: 'organisation',
      segment: {},
      trigger: { kind: 'event', event: 'deal.closed' },
      steps: [voucherStep],
    });
    await setStatus(tc.ctx, journey.id, 'active');
    await recordProductEvent(tc.ctx, { name: 'deal.closed', orgId: org.orgId, occurredAt: clock.now() });
    await tick(tc.ctx);
    clock.advance(HOUR);
    await tick(tc.ctx);
    const vouchers = (await listVouchers(tc.ctx, org.orgId, clock.now())).vouchers;
    expect(vouchers).toHaveLength(1);
    expect(vouchers[0]).toMatchObject({ kind: 'amount', valueFen: 10_000 });
    expect((await repo.sendsOf(tc.ctx.db, journey.id, 10)).map((s) => [s.channel, s.outcome])).toEqual([
      ['voucher', 'sent'],
    ]);

    const before = (await listJourneys(tc.ctx)).items.length;
    const base = { name: '礼券', segment: {}, trigger: { kind: 'event' as const, event: 'deal.closed' } };
    const noValue = { ...voucherStep, voucherFen: undefined };
    await expect(
      createJourney(tc.ctx, null, { ...base, audience: 'organisation', steps: [noValue] }),
    ).rejects.toMatchObject({ code: 'JOURNEY_VOUCHER_INVALID' });
    await expect(
      createJourney(tc.ctx, null, { ...base, audience: 'user', steps: [voucherStep] }),
    ).rejects.toMatchObject({ code: 'JOURNEY_VOUCHER_INVALID' });
    expect((await listJourneys(tc.ctx)).items).toHaveLength(before);
  });
});
