import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 站内通知 one in-app notification, addressed to a user or to an organisation (then every member sees it, and
 * it is read once for all of them).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id'),
    orgId: uuid('org_id'),
    kind: text('kind').notNull(),
    /** 通知类别 from the kind (notifications.categories.ts), kept so the centre filters by it */
    category: text('category').notNull().default('system'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_org_idx').on(t.orgId, t.createdAt),
  ],
);

/**
 * 通知偏好 one user's choices. `channels` holds only the switches the user moved away from the default,
 * `{ [category]: { inApp?, email?, sms? } }`; the mandatory ones are enforced when read, not stored.
 */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').primaryKey(),
  channels: jsonb('channels').$type<Record<string, Partial<Record<'inApp' | 'email' | 'sms', boolean>>>>().notNull(),
  /** 免打扰时段 HH:MM, Asia/Shanghai; both null: none */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  /** 每日摘要 */
  digest: boolean('digest').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * 待发通知 an e-mail or SMS not sent at once: 'held' through quiet hours until `release_at`, or 'digest' until the
 * daily summary; 'sent' once it went out (into the mail outbox or to the SMS adapter).
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey(),
    notificationId: uuid('notification_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** 'email' | 'sms' */
    channel: text('channel').notNull(),
    /** 'held' | 'digest' | 'sent' */
    status: text('status').notNull(),
    releaseAt: ts('release_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('notification_deliveries_due_idx').on(t.status, t.releaseAt),
    // a retried delivery job does not hold or digest the same notification twice
    uniqueIndex('notification_deliveries_once_idx').on(t.notificationId, t.userId, t.channel),
  ],
);
