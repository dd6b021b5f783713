import { createHmac } from 'node:crypto';
import type { NotificationCategory, NotificationChannel } from '@zhuhe/contracts';
import { NotificationCategory as CategorySchema, NotificationChannel as ChannelSchema } from '@zhuhe/contracts';
import { safeEqual } from '../../infra/crypto';

/** An unsubscribe link stays valid this long: a mail read weeks later still unsubscribes. */
export const UNSUBSCRIBE_TTL_MS = 60 * 24 * 3_600_000;

export interface UnsubscribeClaim {
  userId: string;
  category: NotificationCategory;
  channel: NotificationChannel;
  /** expiry, ms since the epoch */
  exp: number;
}

function signature(key: Buffer, body: string): string {
  // a key of its own derived from the master key, so this MAC cannot be confused with any other use of it
  return createHmac('sha256', key).update(`notification-unsubscribe.v1.${body}`).digest('base64url');
}

/** 退订令牌 `<payload>.<HMAC-SHA256>`, base64url: the user, the category, the channel and the expiry. */
export function signUnsubscribe(key: Buffer, claim: UnsubscribeClaim): string {
  const body = Buffer.from(JSON.stringify([claim.userId, claim.category, claim.channel, claim.exp])).toString(
    'base64url',
  );
  return `${body}.${signature(key, body)}`;
}

export type VerifyResult = { ok: true; claim: UnsubscribeClaim } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyUnsubscribe(key: Buffer, token: string, now: Date): VerifyResult {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined || !safeEqual(mac, signature(key, body)))
    return { ok: false, reason: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return { ok: false, reason: 'invalid' };
  const [userId, category, channel, exp] = parsed as unknown[];
  const cat = CategorySchema.safeParse(category);
  const ch = ChannelSchema.safeParse(channel);
  if (typeof userId !== 'string' || !cat.success || !ch.success || typeof exp !== 'number')
    return { ok: false, reason: 'invalid' };
  if (exp <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claim: { userId, category: cat.data, channel: ch.data, exp } };
}
