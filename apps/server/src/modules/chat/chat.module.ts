import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { type ChatFanout, localFanout, notifyFanout } from './chat.fanout';
import { chatRoutes } from './chat.routes';
import type { ChatHub } from './chat.socket';

/**
 * 消息 (COMM-2, MERCH-6): conversations between organisations opened from a listing, a demand, a tender's public
 * Q&A, a contract or a dispute, or directly; text and attachments (files module), receipts and unread counts, and a
 * WebSocket at /api/chat/ws with catch-up after a reconnect. Processes share new messages through PostgreSQL
 * LISTEN/NOTIFY, or in process on PGlite (ADR 0110). Reads the context modules only through their index.
 */
export function createChatModule(ctx: AppContext) {
  let hub: ChatHub | null = null;
  let fanout: ChatFanout | null = null;
  fanout = ctx.config.databaseUrl ? notifyFanout(ctx, ctx.config.databaseUrl, () => hub?.resync()) : localFanout();
  return defineModule({
    name: 'chat',
    routes: [
      chatRoutes(ctx, fanout, (h) => {
        hub = h;
      }),
    ],
    api: {
      fanout,
      /** sockets open on this process (for the benchmark and the status page) */
      openSockets: () => hub?.size ?? 0,
    },
  });
}
