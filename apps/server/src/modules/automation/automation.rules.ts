import type { QuietHours } from '../notifications';

/** 免打扰 marketing never reaches anyone 22:00–08:00 China time, whatever their own quiet hours say. */
export const PLATFORM_QUIET_HOURS: QuietHours = { start: '22:00', end: '08:00' };

/** 频次上限 at most this many automated messages per recipient in the window (tasks for staff do not count). */
export const FREQUENCY_CAP = { max: 3, days: 7 } as const;

/** The notification kind automated messages carry (its category decides which switch unsubscribes from it). */
export const AUTOMATION_NOTIFICATION_KIND = 'automation.message';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
