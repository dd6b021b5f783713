import { createHmac } from 'node:crypto';
import type { AppContext } from '../../infra/context';

/**
 * The unsubscribe links' HMAC key, derived for this one use from the platform's look-up key (LOOKUP_KEY, by default
 * MASTER_KEY): that key stays when the encryption key rotates, so links in mail already sent keep working.
 */
export function unsubscribeKey(ctx: Pick<AppContext, 'config'>): Buffer {
  return createHmac('sha256', ctx.config.lookupKey).update('zhuhe.notifications.unsubscribe').digest();
}
