import type { NotificationCategory, NotificationChannel } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { JobDeferred } from '../../infra/jobs/job-queue';
import { queueMail } from '../../infra/mail/outbox';
import { DependencyUnavailable } from '../../infra/resilience/breaker';
import type { SmsSender } from '../../infra/sms/sms';
import { getUser, getUsers } from '../identity';
import { managersOf } from '../organisation';
import { lockedChannels } from './notifications.categories';
import { effectivePreferences } from './notifications.preferences';
import { isQuiet, quietUntil } from './notifications.quiet-hours';
import type { DeliveryRow, NotificationRow } from './notifications.repository';
import * as repo from './notifications.repository';
import { signUnsubscribe, UNSUBSCRIBE_TTL_MS } from './notifications.unsubscribe';
import { unsubscribeKey } from './notifications.unsubscribe-key';

/** the notification's outside channels for its recipients (queued by `notify` with `email: true`) */
export const MAIL_JOB = 'notifications.mail';
const SMS_JOB = 'notifications.sms';
const RELEASE_JOB = 'notifications.release';
const DIGEST_JOB = 'notifications.digest';

const CATEGORY_ZH: Record<NotificationCategory, string> = {
  tendering: '招采',
  contracts: '合同',
  funds: '资金',
  matching: '匹配',
  risk: '风险',
  tickets: '工单',
  policies: '政策',
  security: '安全',
  system: '系统',
};

type User = NonNullable<Awaited<ReturnType<typeof getUser>>>;

function unsubscribeUrls(
  ctx: AppContext,
  userId: string,
  category: NotificationCategory,
  channel: NotificationChannel,
) {
  const token = signUnsubscribe(unsubscribeKey(ctx), {
    userId,
    category,
    channel,
    exp: ctx.clock.now().getTime() + UNSUBSCRIBE_TTL_MS,
  });
  const base = ctx.config.publicUrl ?? '';
  return {
    page: `${base}/unsubscribe?token=${token}`,
    oneClick: `${base}/api/notifications/unsubscribe?token=${token}`,
  };
}

/** The footer every notification e-mail carries: an unsubscribe link that works without signing in. */
function unsubscribeFooter(ctx: AppContext, userId: string, category: NotificationCategory): string {
  if (lockedChannels(category).includes('email')) return '\n\n—\n资金变动与账户安全为必收通知 · Mandatory notice';
  const { page } = unsubscribeUrls(ctx, userId, category, 'email');
  return `\n\n—\n不再接收「${CATEGORY_ZH[category]}」类邮件 Unsubscribe from these e-mails: ${page}`;
}

async function sendMailNow(ctx: AppContext, row: NotificationRow, user: User): Promise<void> {
  if (!user.email) return;
  const category = row.category as NotificationCategory;
  const link = row.link ? `\n\n${ctx.config.publicUrl ?? ''}${row.link}` : '';
  const mandatory = lockedChannels(category).includes('email');
  const headers = mandatory
    ? undefined
    : {
        'List-Unsubscribe': `<${unsubscribeUrls(ctx, user.id, category, 'email').oneClick}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      };
  await queueMail(
    ctx.jobs,
    {
      to: user.email,
      subject: row.title,
      text: `${row.body}${link}${unsubscribeFooter(ctx, user.id, category)}`,
      ...(headers ? { headers } : {}),
    },
    { dedupeKey: `notification-${row.id}-${user.id}` },
  );
}

async function sendSmsNow(ctx: AppContext, row: NotificationRow, user: User): Promise<void> {
  if (!user.phone) return;
  await ctx.jobs.enqueue(
    SMS_JOB,
    // the user, not the number: the job table keeps no mobile number in the clear (PLAT-2); read at send time
    { userId: user.id, text: `【筑合】${row.title}` },
    { dedupeKey: `notification-sms-${row.id}-${user.id}`, maxAttempts: 8 },
  );
}

/**
 * One recipient's outside channels, by their preferences: off → nothing; e-mail with the digest on → kept for the
 * daily summary (mandatory categories excepted); within quiet hours → held until they end; otherwise sent now.
 */
async function deliverTo(ctx: AppContext, row: NotificationRow, user: User): Promise<void> {
  const prefs = await effectivePreferences(ctx.db, user.id);
  const category = row.category as NotificationCategory;
  const now = ctx.clock.now();
  const quiet = isQuiet(now, prefs.quietHours);
  for (const channel of ['email', 'sms'] as const) {
    if (!prefs.enabled(category, channel)) continue;
    const digest = channel === 'email' && prefs.digest && !lockedChannels(category).includes('email');
    if (digest || quiet) {
      await repo.insertDelivery(ctx.db, {
        id: newId(),
        notificationId: row.id,
        userId: user.id,
        channel,
        ...(digest ? { status: 'digest' } : { status: 'held', releaseAt: quietUntil(now, prefs.quietHours) }),
      });
    } else if (channel === 'email') await sendMailNow(ctx, row, user);
    else await sendSmsNow(ctx, row, user);
  }
}

/** Sends the held deliveries whose quiet hours ended (by the business clock); returns how many. */
export async function releaseHeld(ctx: AppContext): Promise<number> {
  const due = await repo.dueHeld(ctx.db, ctx.clock.now(), 500);
  const rows = new Map(
    (
      await repo.findNotifications(
        ctx.db,
        due.map((d) => d.notificationId),
      )
    ).map((r) => [r.id, r]),
  );
  const users = await usersById(
    ctx,
    due.map((d) => d.userId),
  );
  for (const delivery of due) {
    const row = rows.get(delivery.notificationId);
    const user = users.get(delivery.userId);
    if (row && user) {
      if (delivery.channel === 'email') await sendMailNow(ctx, row, user);
      else await sendSmsNow(ctx, row, user);
    }
    await repo.markDeliveriesSent(ctx.db, [delivery.id], new Date());
  }
  return due.length;
}

/** 每日摘要 one e-mail per user listing the notifications kept for the digest since the last one; returns how many mails. */
export async function sendDigests(ctx: AppContext): Promise<number> {
  const pending = await repo.pendingDigests(ctx.db);
  const byUser = new Map<string, DeliveryRow[]>();
  for (const d of pending) byUser.set(d.userId, [...(byUser.get(d.userId) ?? []), d]);
  const rows = new Map(
    (
      await repo.findNotifications(
        ctx.db,
        pending.map((d) => d.notificationId),
      )
    ).map((r) => [r.id, r]),
  );
  const base = ctx.config.publicUrl ?? '';
  const users = await usersById(ctx, [...byUser.keys()]);
  let sent = 0;
  for (const [userId, deliveries] of byUser) {
    const user = users.get(userId);
    const items = deliveries.map((d) => rows.get(d.notificationId)).filter((r): r is NotificationRow => !!r);
    if (user?.email && items.length > 0) {
      const lines = items.map(
        (r, i) =>
          `${i + 1}. [${CATEGORY_ZH[r.category as NotificationCategory]}] ${r.title}${r.link ? ` ${base}${r.link}` : ''}`,
      );
      const categories = [...new Set(items.map((r) => r.category as NotificationCategory))];
      const footer = categories
        .map((c) => `不再接收「${CATEGORY_ZH[c]}」类邮件 Unsubscribe: ${unsubscribeUrls(ctx, userId, c, 'email').page}`)
        .join('\n');
      await queueMail(
        ctx.jobs,
        {
          to: user.email,
          subject: `筑合每日摘要：${items.length} 条通知 Daily digest: ${items.length} notifications`,
          text: `${lines.join('\n')}\n\n${base}/workspace/notifications\n\n—\n${footer}`,
        },
        { dedupeKey: `notification-digest-${deliveries[0]?.id}` },
      );
      sent += 1;
    }
    await repo.markDeliveriesSent(
      ctx.db,
      deliveries.map((d) => d.id),
      new Date(),
    );
  }
  return sent;
}

/** The recipients in one query, by id. */
async function usersById(ctx: AppContext, userIds: string[]): Promise<Map<string, User>> {
  return new Map((await getUsers(ctx, userIds)).map((u) => [u.id, u]));
}

export function registerNotificationJobs(ctx: AppContext, sms: SmsSender): void {
  ctx.jobs.register(MAIL_JOB, async (payload) => {
    const row = await repo.findNotification(ctx.db, payload.id as string);
    if (!row) return;
    const userIds = row.userId ? [row.userId] : await managersOf(ctx, row.orgId as string);
    for (const user of (await usersById(ctx, userIds)).values()) await deliverTo(ctx, row, user);
  });
  ctx.jobs.register(SMS_JOB, async (payload) => {
    const to = (await getUser(ctx, payload.userId as string))?.phone;
    if (!to) return; // the number was removed since
    try {
      await sms.send({ to, text: payload.text as string });
    } catch (error) {
      if (error instanceof DependencyUnavailable)
        throw new JobDeferred(`SMS unavailable (${error.reason}); message kept queued`, error.retryAt, {
          cause: error,
        });
      throw error;
    }
  });
  // quiet hours end on the minute the user chose: look every five minutes
  ctx.jobs.schedule(RELEASE_JOB, '*/5 * * * *', async () => {
    await releaseHeld(ctx);
  });
  // 每日摘要 at 08:30 Asia/Shanghai, after the usual quiet hours
  ctx.jobs.schedule(DIGEST_JOB, '30 8 * * *', async () => {
    await sendDigests(ctx);
  });
}
