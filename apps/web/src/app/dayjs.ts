import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { currentLanguage, onLanguageChange } from './language';

/**
 * dayjs as the date pickers and forms use it: with the zone plugins, in the UI language. Imported by the pages that
 * pick or compute dates, never by a first page (dates on screen are formatted by format-date.ts with Intl).
 */
dayjs.extend(utc);
dayjs.extend(timezone);

function applyLanguage(): void {
  dayjs.locale(currentLanguage() === 'zh-CN' ? 'zh-cn' : 'en');
}
applyLanguage();
onLanguageChange(applyLanguage);

export { dayjs };
