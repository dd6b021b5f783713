/**
 * 免打扰时段 quiet hours, local to Asia/Shanghai (no daylight saving since 1991, so +08:00 is exact). A window
 * may cross midnight (22:00–08:00). Pure functions of an instant: the caller passes `ctx.clock.now()`.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

export interface QuietHours {
  /** HH:MM */
  start: string;
  end: string;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The instant's minute of the Shanghai day, 0…1439. */
function localMinute(at: Date): number {
  return Math.floor(((((at.getTime() + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

export function isQuiet(at: Date, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const now = localMinute(at);
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When the quiet hours the instant falls in end (the next `end` o'clock, Shanghai time); the instant itself if not quiet. */
export function quietUntil(at: Date, quiet: QuietHours | null): Date {
  if (!quiet || !isQuiet(at, quiet)) return at;
  const now = localMinute(at);
  const end = minutes(quiet.end);
  const ahead = (end - now + 24 * 60) % (24 * 60);
  const startOfMinute = at.getTime() - (at.getTime() % 60_000);
  return new Date(startOfMinute + ahead * 60_000);
}
