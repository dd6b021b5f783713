import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { AppContext } from '../../infra/context';
import { notify } from './chat.repository';

/**
 * What one process tells every process (itself included) after a commit: a new message, or a participant
 * organisation's receipts moved. Ids only — each process reads the row and pushes it to its own sockets.
 */
export type ChatSignal = { c: string; m: string } | { c: string; r: string };

/** Fan-out between server processes (ADR 0110): PostgreSQL LISTEN/NOTIFY, or in process on PGlite. */
export interface ChatFanout {
  readonly mode: 'notify' | 'local';
  publish(signal: ChatSignal): Promise<void>;
  subscribe(handler: (signal: ChatSignal) => void): () => void;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const CHAT_CHANNEL = 'zhuhe_chat';

/** PGlite runs in this one process: an emitter is the whole fan-out. */
export function localFanout(): ChatFanout {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    mode: 'local',
    publish: async (signal) => {
      // after the caller's await, as a NOTIFY would arrive
      setImmediate(() => emitter.emit('signal', signal));
    },
    subscribe: (handler) => {
      emitter.on('signal', handler);
      return () => emitter.off('signal', handler);
    },
    start: async () => {},
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

/**
 * PostgreSQL: NOTIFY goes through the pool (delivered only when the sending transaction commits); one dedicated
 * connection per process LISTENs and is reopened after a loss. Notifications sent while it was down are lost, so a
 * reconnect tells the handlers (`resync`) and the sockets ask their clients to resume from their last sequence.
 */
export function notifyFanout(ctx: Pick<AppContext, 'db' | 'log'>, connectionString: string, onResync?: () => void) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => {
      if (n.channel !== CHAT_CHANNEL || !n.payload) return;
      try {
        emitter.emit('signal', JSON.parse(n.payload) as ChatSignal);
      } catch {
        ctx.log.warn({ payload: n.payload }, 'chat: unreadable notification');
      }
    });
    const lost = () => {
      if (closed || client !== c) return;
      client = null;
      ctx.log.warn('chat: LISTEN connection lost, reconnecting');
      retry = setTimeout(() => {
        connect()
          .then(() => onResync?.())
          .catch(() => lost());
      }, 1000);
    };
    c.on('error', lost);
    c.on('end', lost);
    await c.connect();
    await c.query(`LISTEN ${CHAT_CHANNEL}`);
    client = c;
  };

  const fanout: ChatFanout = {
    mode: 'notify',
    publish: async (signal) => {
      await notify(ctx.db, CHAT_CHANNEL, JSON.stringify(signal));
    },
    subscribe: (handler) => {
      emitter.on('signal', handler);
      return () => emitter.off('signal', handler);
    },
    start: connect,
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      emitter.removeAllListeners();
      await client?.end().catch(() => {});
      client = null;
    },
  };
  return fanout;
}
