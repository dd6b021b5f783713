import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date on screen is shown in China Standard Time, whatever the browser's zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs(iso).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD HH:mm');
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs(iso).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');
}

/** True when `iso` is later than now plus `marginSeconds`. */
export function isInFuture(iso: string | null | undefined, marginSeconds = 0): boolean {
  return Boolean(iso) && dayjs(iso).isAfter(dayjs().add(marginSeconds, 'second'));
}
