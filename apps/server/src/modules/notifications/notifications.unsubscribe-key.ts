import { createHmac } from 'node:crypto';
import type { AppContext } from '../../infra/context';

/** The unsubscribe links' HMAC key, derived from the platform's master key (MASTER_KEY) for this one use. */
export function unsubscribeKey(ctx: Pick<AppContext, 'config'>): Buffer {
  return createHmac('sha256', ctx.config.masterKey).update('zhuhe.notifications.unsubscribe').digest();
}
