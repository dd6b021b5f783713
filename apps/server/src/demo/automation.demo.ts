import type { BusinessRole } from '@zhuhe/contracts';
import type { Clock } from '../infra/clock';
import type { AppContext } from '../infra/context';
import { recordProductEvent } from '../modules/analytics';
import { completeTask, createFromTemplate, listTasks, setStatus, tick } from '../modules/automation';
import { createUserDirect } from '../modules/identity';
import { updatePreferences } from '../modules/notifications';
import { createOrganisationDirect } from '../modules/organisation';
import { DEMO_PASSWORD, demoCreditCode } from './foundation.demo';
import { demoActor } from './reserve.demo';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

/** The latest 10:00 Shanghai time at least an hour ago: the demo's journeys ran then, outside quiet hours. */
function lastMorning(now: number): number {
  const local = now - HOUR + SHANGHAI;
  const ten = Math.floor(local / DAY) * DAY + 10 * HOUR;
  return (ten <= local ? ten : ten - DAY) - SHANGHAI;
}

function fixedClock(at: number): Clock & { set(ms: number): void } {
  let now = at;
  return {
    now: () => new Date(now),
    advance: () => false,
    set(ms) {
      now = ms;
    },
    adjustable: false,
  };
}

/**
 * 自动化营销: the three built-in journeys, run by the engine at this morning's 10:00. 线索跟进 with five leads (who
 * registered and have no organisation): one followed up (open task, e-mail sent), one whose task is done, one
 * who unsubscribed (task, e-mail not sent), one who acted (exited), one still inside the 24 hours; 沉默召回 for
 * organisations silent for 40 days; 新商家欢迎 paused, its merchant between the first and second message.
 */
export async function seedAutomationDemo(ctx: AppContext): Promise<[]> {
  const anchor = lastMorning(Date.now());
  const clock = fixedClock(anchor - 3 * DAY);
  const at = { ...ctx, clock } satisfies AppContext;
  const operator = await demoActor(ctx, 'admin@example.com', ['admin', 'operator']);

  const lead = await createFromTemplate(at, operator, 'lead_follow_up_24h');
  const recall = await createFromTemplate(at, operator, 'recall_silent_30d');
  const welcome = await createFromTemplate(at, operator, 'merchant_welcome');
  for (const j of [lead, recall, welcome]) await setStatus(at, j.id, 'active');

  const leads = [
    { email: 'lead.wang@example.com', name: '王工（新注册）', hoursAgo: 30 },
    { email: 'lead.li@example.com', name: '李经理（新注册）', hoursAgo: 50, done: true },
    { email: 'lead.xu@example.com', name: '徐女士（已退订邮件）', hoursAgo: 28, unsubscribed: true },
    { email: 'lead.ma@example.com', name: '马总（已建组织）', hoursAgo: 27, acted: true },
    { email: 'lead.qian@example.com', name: '钱工（刚注册）', hoursAgo: 3 },
  ];
  const ids = new Map<string, string>();
  for (const l of leads) {
    const user = await createUserDirect(ctx, { identifier: l.email, password: DEMO_PASSWORD, displayName: l.name });
    ids.set(l.email, user.id);
    const registered = anchor - l.hoursAgo * HOUR;
    await recordProductEvent(ctx, {
      name: 'user.registered',
      userId: user.id,
      properties: { via: 'email' },
      occurredAt: new Date(registered),
    });
    if (l.acted)
      await recordProductEvent(ctx, {
        name: 'organisation.created',
        userId: user.id,
        properties: {},
        occurredAt: new Date(registered + 2 * HOUR),
      });
    if (l.unsubscribed)
      await updatePreferences(ctx, user.id, {
        categories: [{ category: 'system', channels: { inApp: true, email: false, sms: false } }],
        quietHours: null,
        digest: false,
      });
  }

  // 沉默: two organisations whose last activity was 40 days ago
  for (const [i, dormant] of [
    { email: 'dormant.sup@example.com', owner: '钟建平', name: '嘉兴久安建材有限公司', role: 'SUP', region: '330400' },
    { email: 'dormant.sub@example.com', owner: '潘立新', name: '温州恒达劳务有限公司', role: 'SUB', region: '330300' },
  ].entries()) {
    const owner = await createUserDirect(ctx, {
      identifier: dormant.email,
      password: DEMO_PASSWORD,
      displayName: dormant.owner,
    });
    const org = await createOrganisationDirect(ctx, owner.id, {
      name: dormant.name,
      creditCode: demoCreditCode(dormant.region, 90 + i),
      businessRoles: [dormant.role as BusinessRole],
      regionCode: dormant.region,
      verification: 'verified',
    });
    await recordProductEvent(ctx, {
      name: 'organisation.created',
      userId: owner.id,
      orgId: org.id,
      properties: {},
      occurredAt: new Date(anchor - 40 * DAY),
    });
  }
  // a merchant activated two days before the run
  const merchant = await demoActor(ctx, 'sup3@example.com');
  await recordProductEvent(ctx, {
    name: 'merchant.activated',
    userId: merchant.userId,
    orgId: merchant.activeOrgId,
    properties: { tier: 'standard' },
    occurredAt: new Date(anchor - 2 * DAY),
  });

  clock.set(anchor);
  await tick(at);
  // the 50-hour lead was called back an hour after the task appeared
  clock.set(anchor + HOUR);
  const done = (await listTasks(at)).items.find((t) => t.subjectId === ids.get('lead.li@example.com'));
  if (done) await completeTask(at, operator, done.id);
  await setStatus(at, welcome.id, 'paused');
  return [];
}
