/** Every date on screen is shown in China Standard Time, whatever the browser's zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

// Intl rather than dayjs: these run on every first page, and dayjs with its zone plugins would come along.
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function inDisplayZone(iso: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const found = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of parts.formatToParts(at)) {
    if (part.type in found) found[part.type as keyof typeof found] = part.value;
  }
  return found;
}

/** 2026-12-05 14:30 in China Standard Time. */
export function formatDateTime(iso: string | null | undefined): string {
  const p = iso ? inDisplayZone(iso) : null;
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '—';
}

/** 2026-12-05 in China Standard Time. */
export function formatDate(iso: string | null | undefined): string {
  const p = iso ? inDisplayZone(iso) : null;
  return p ? `${p.year}-${p.month}-${p.day}` : '—';
}

/** True when `iso` is later than now plus `marginSeconds`. */
export function isInFuture(iso: string | null | undefined, marginSeconds = 0): boolean {
  if (!iso) return false;
  return new Date(iso).getTime() > Date.now() + marginSeconds * 1000;
}
