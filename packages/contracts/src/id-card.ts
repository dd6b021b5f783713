/**
 * 公民身份号码 citizen identity number, GB 11643-1999.
 * 6-digit address code + 8-digit birth date (YYYYMMDD) + 3-digit sequence + check character, where
 * the check character is (12 − Σ aᵢ·Wᵢ mod 11) mod 11 with Wᵢ = 2^(17−i) mod 11, and 10 written as X.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCardCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/**
 * The birth date encoded in an ID number, as YYYY-MM-DD, when it is a real calendar date between 1850-01-01 and
 * `today`; otherwise null (e.g. 19990230 or a date in the future).
 */
export function idCardBirthDate(id: string, today: Date = new Date()): string | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/.exec(id);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const todayIso = new Date(today.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (iso < '1850-01-01' || iso > todayIso) return null;
  return iso;
}

/** Why an ID number is refused, or null when it is valid. */
export function idCardProblem(
  id: string,
  today: Date = new Date(),
): 'ID_CARD_INVALID' | 'ID_CARD_BIRTH_DATE_INVALID' | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'ID_CARD_INVALID';
  if (idCardCheckChar(id.slice(0, 17)) !== id[17]) return 'ID_CARD_INVALID';
  if (!idCardBirthDate(id, today)) return 'ID_CARD_BIRTH_DATE_INVALID';
  return null;
}

export function isValidIdCardNumber(id: string, today: Date = new Date()): boolean {
  return idCardProblem(id, today) === null;
}

/** 脱敏 the first 3 and last 4 characters stay visible: 110***********002X. */
export function maskIdCardNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** 银行账号脱敏 the first 4 and last 4 digits stay visible: 6222********2233 (shorter numbers keep only the last 4). */
export function maskBankAccount(account: string): string {
  const digits = account.replace(/\s/g, '');
  if (digits.length <= 8) return `****${digits.slice(-4)}`;
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

/** 手机号脱敏 the first 3 and last 4 digits stay visible: 138****5678 (PLAT-2). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  if (digits.length <= 7) return `***${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
