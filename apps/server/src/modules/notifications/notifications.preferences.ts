import type {
  NotificationCategory,
  NotificationChannel,
  NotificationPreferences,
  NotificationPreferencesBody,
  UnsubscribeResult,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import {
  DEFAULT_CHANNELS,
  lockedChannels,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CHANNELS,
} from './notifications.categories';
import { notificationErrors } from './notifications.errors';
import type { QuietHours } from './notifications.quiet-hours';
import * as repo from './notifications.repository';
import { verifyUnsubscribe } from './notifications.unsubscribe';
import { unsubscribeKey } from './notifications.unsubscribe-key';

/** The preferences as the delivery rules read them: every switch resolved, mandatory channels forced on. */
export interface EffectivePreferences {
  enabled(category: NotificationCategory, channel: NotificationChannel): boolean;
  quietHours: QuietHours | null;
  digest: boolean;
}

type Overrides = repo.PreferencesRow['channels'];

function resolve(overrides: Overrides, category: NotificationCategory, channel: NotificationChannel): boolean {
  if (lockedChannels(category).includes(channel)) return true;
  return overrides[category]?.[channel] ?? DEFAULT_CHANNELS[channel];
}

export async function effectivePreferences(db: DbOrTx, userId: string): Promise<EffectivePreferences> {
  const row = await repo.findPreferences(db, userId);
  const overrides = row?.channels ?? {};
  return {
    enabled: (category, channel) => resolve(overrides, category, channel),
    quietHours: row?.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
    digest: row?.digest ?? false,
  };
}

/** The categories the user switched off in-app: their notifications stay stored but are not shown to this user. */
export async function hiddenCategories(db: DbOrTx, userId: string): Promise<NotificationCategory[]> {
  const prefs = await effectivePreferences(db, userId);
  return NOTIFICATION_CATEGORIES.filter((c) => !prefs.enabled(c, 'inApp'));
}

export async function getPreferences(ctx: AppContext, userId: string): Promise<NotificationPreferences> {
  const prefs = await effectivePreferences(ctx.db, userId);
  return {
    categories: NOTIFICATION_CATEGORIES.map((category) => ({
      category,
      channels: {
        inApp: prefs.enabled(category, 'inApp'),
        email: prefs.enabled(category, 'email'),
        sms: prefs.enabled(category, 'sms'),
      },
      locked: [...lockedChannels(category)],
    })),
    quietHours: prefs.quietHours,
    digest: prefs.digest,
  };
}

/**
 * Saves the user's own preferences. Categories left out keep their switches; turning a mandatory channel off is
 * refused as a whole (nothing saved).
 */
export async function updatePreferences(
  ctx: AppContext,
  userId: string,
  body: NotificationPreferencesBody,
): Promise<NotificationPreferences> {
  const existing = await repo.findPreferences(ctx.db, userId);
  const channels: Overrides = structuredClone(existing?.channels ?? {});
  for (const { category, channels: switches } of body.categories) {
    for (const channel of NOTIFICATION_CHANNELS) {
      const on = switches[channel];
      if (!on && lockedChannels(category).includes(channel))
        throw notificationErrors.raise('NOTIFICATION_CHANNEL_LOCKED', { category, channel });
      const entry = channels[category] ?? {};
      if (on === DEFAULT_CHANNELS[channel]) delete entry[channel];
      else entry[channel] = on;
      channels[category] = entry;
    }
  }
  await repo.upsertPreferences(ctx.db, {
    userId,
    channels,
    quietStart: body.quietHours?.start ?? null,
    quietEnd: body.quietHours?.end ?? null,
    digest: body.digest,
    updatedAt: new Date(),
  });
  return getPreferences(ctx, userId);
}

/**
 * 退订 through a mailed link, without signing in: the signed token names the user, category and channel. `apply`
 * false only checks it (the page shows what will change); a tampered or expired token changes nothing.
 */
export async function unsubscribe(ctx: AppContext, token: string, apply: boolean): Promise<UnsubscribeResult> {
  const verified = verifyUnsubscribe(unsubscribeKey(ctx), token, ctx.clock.now());
  if (!verified.ok)
    throw notificationErrors.raise(
      verified.reason === 'expired' ? 'NOTIFICATION_UNSUBSCRIBE_EXPIRED' : 'NOTIFICATION_UNSUBSCRIBE_INVALID',
    );
  const { userId, category, channel } = verified.claim;
  if (lockedChannels(category).includes(channel)) throw notificationErrors.raise('NOTIFICATION_UNSUBSCRIBE_INVALID');
  if (!apply) return { category, channel, unsubscribed: false };
  const existing = await repo.findPreferences(ctx.db, userId);
  const channels: Overrides = structuredClone(existing?.channels ?? {});
  channels[category] = { ...(channels[category] ?? {}), [channel]: false };
  await repo.upsertPreferences(ctx.db, {
    userId,
    channels,
    quietStart: existing?.quietStart ?? null,
    quietEnd: existing?.quietEnd ?? null,
    digest: existing?.digest ?? false,
    updatedAt: new Date(),
  });
  return { category, channel, unsubscribed: true };
}
