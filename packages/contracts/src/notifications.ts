import { z } from 'zod';

/**
 * 通知类别 the user-facing category of a notification kind (the notifications module maps each `kind` to one).
 * 资金 and 安全 are mandatory in-app and by e-mail: money movements and security events cannot be switched off.
 */
export const NotificationCategory = z.enum([
  'tendering',
  'contracts',
  'funds',
  'matching',
  'risk',
  'tickets',
  'policies',
  'security',
  'system',
]);
export type NotificationCategory = z.infer<typeof NotificationCategory>;

/** 通知渠道 站内 in-app, 邮件 e-mail, 短信 SMS. */
export const NotificationChannel = z.enum(['inApp', 'email', 'sms']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

const ChannelSwitches = z.object({ inApp: z.boolean(), email: z.boolean(), sms: z.boolean() });

/** 免打扰时段 a local (Asia/Shanghai) time of day, HH:MM. */
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** 通知偏好 one user's preferences: a switch per category and channel, quiet hours, the daily digest. */
export const NotificationPreferences = z.object({
  categories: z.array(
    z.object({
      category: NotificationCategory,
      channels: ChannelSwitches,
      /** the channels that cannot be switched off for this category */
      locked: z.array(NotificationChannel),
    }),
  ),
  quietHours: z.object({ start: TimeOfDay, end: TimeOfDay }).nullable(),
  /** 每日摘要 one summary e-mail a day instead of each e-mail */
  digest: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const NotificationPreferencesBody = z
  .object({
    categories: z
      .array(z.object({ category: NotificationCategory, channels: ChannelSwitches }))
      .max(20)
      .default([]),
    quietHours: z
      .object({ start: TimeOfDay, end: TimeOfDay })
      .refine((q) => q.start !== q.end, { message: 'start and end must differ' })
      .nullable(),
    digest: z.boolean(),
  })
  .strict();
export type NotificationPreferencesBody = z.infer<typeof NotificationPreferencesBody>;

/** The notification centre's filters. */
export const NotificationListQuery = z.object({
  category: NotificationCategory.optional(),
  status: z.enum(['unread', 'read']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

/** 退订 a signed unsubscribe link's token. */
export const UnsubscribeQuery = z.object({ token: z.string().min(10).max(1000) });
export const UnsubscribeResult = z.object({
  category: NotificationCategory,
  channel: NotificationChannel,
  /** false before the change (the preview), true once the channel is off */
  unsubscribed: z.boolean(),
});
export type UnsubscribeResult = z.infer<typeof UnsubscribeResult>;
