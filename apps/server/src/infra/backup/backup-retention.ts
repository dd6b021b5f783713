import { BackupError } from './backup-errors';

/** How many backups to keep: the newest of each of the last `daily` days and of the last `weekly` ISO weeks. */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
}

export interface BackupFileEntry {
  name: string;
  takenAt: Date;
}

/** China Standard Time has no daylight saving: a calendar day there is a UTC+8 day. */
const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * 每日/每周保留 which backups to keep and which to prune. Days and weeks are China Standard Time calendar days and
 * ISO weeks; only days and weeks that have a backup count, so a week without backups does not use up a slot.
 * Pure: the caller lists the files and deletes the `prune` list.
 */
export function planRetention(
  entries: readonly BackupFileEntry[],
  policy: RetentionPolicy,
): { keep: BackupFileEntry[]; prune: BackupFileEntry[] } {
  assertPolicy(policy);
  const newestFirst = [...entries].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const kept = new Set<BackupFileEntry>();
  keepNewestPerPeriod(newestFirst, policy.daily, cstDay, kept);
  keepNewestPerPeriod(newestFirst, policy.weekly, isoWeek, kept);
  return {
    keep: newestFirst.filter((e) => kept.has(e)),
    prune: newestFirst.filter((e) => !kept.has(e)),
  };
}

function keepNewestPerPeriod(
  newestFirst: readonly BackupFileEntry[],
  periods: number,
  periodOf: (at: Date) => string,
  kept: Set<BackupFileEntry>,
): void {
  const seen = new Set<string>();
  for (const entry of newestFirst) {
    if (seen.size >= periods) return;
    const period = periodOf(entry.takenAt);
    if (seen.has(period)) continue;
    seen.add(period);
    kept.add(entry);
  }
}

export function assertPolicy(policy: RetentionPolicy): void {
  if (!Number.isInteger(policy.daily) || policy.daily < 1 || policy.daily > 3660)
    throw new BackupError('BACKUP_RETENTION_INVALID', { detail: `daily=${policy.daily} (1…3660)` });
  if (!Number.isInteger(policy.weekly) || policy.weekly < 0 || policy.weekly > 520)
    throw new BackupError('BACKUP_RETENTION_INVALID', { detail: `weekly=${policy.weekly} (0…520)` });
}

function cstDate(at: Date): Date {
  return new Date(at.getTime() + CST_OFFSET_MS);
}

/** "2026-12-06", the calendar day in China */
export function cstDay(at: Date): string {
  return cstDate(at).toISOString().slice(0, 10);
}

/** "2026-W49", the ISO 8601 week of the China calendar day (weeks start on Monday; week 1 holds a Thursday) */
export function isoWeek(at: Date): string {
  const day = cstDate(at);
  const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
