import { ChatClientFrame, type ChatServerFrame } from '@zhuhe/contracts';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppContext } from '../../infra/context';
import { DomainError } from '../../infra/errors';
import type { Actor } from '../../infra/http/access';
import { chatErrors } from './chat.errors';
import type { ChatFanout, ChatSignal } from './chat.fanout';
import * as service from './chat.service';

/** 每连接限流 a token bucket per connection: a burst of 60 frames, refilled at 10 a second. */
export const SOCKET_BURST = 60;
export const SOCKET_REFILL_PER_SECOND = 10;
/** how often receipts of pushed messages (已送达) are written, coalesced per user and conversation */
const DELIVERED_FLUSH_MS = 1000;

interface Connection {
  socket: WebSocket;
  actor: Actor;
  orgIds: string[];
  tokens: number;
  refilledAt: number;
}

function send(socket: WebSocket, frame: ChatServerFrame) {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function errorFrame(error: unknown): ChatServerFrame {
  if (error instanceof DomainError) {
    const messages = error.messages();
    return { type: 'error', code: error.code, message: messages.en, messages };
  }
  return {
    type: 'error',
    code: 'CHAT_INTERNAL',
    message: 'Internal error',
    messages: { 'zh-CN': '服务器内部错误', en: 'Internal error' },
  };
}

/**
 * The sockets of this process, by organisation. Every process subscribes to the fan-out; on a signal it reads the
 * message once and pushes it to its own sockets of the participant organisations — so each socket gets it once,
 * whichever process the sender was on.
 */
export class ChatHub {
  private readonly byOrg = new Map<string, Set<Connection>>();
  private readonly delivered = new Map<
    string,
    { conversationId: string; userId: string; orgId: string; seq: number }
  >();
  private flushTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly fanout: ChatFanout,
  ) {}

  get size() {
    const seen = new Set<Connection>();
    for (const set of this.byOrg.values()) for (const c of set) seen.add(c);
    return seen.size;
  }

  start() {
    this.unsubscribe = this.fanout.subscribe((signal) => {
      this.onSignal(signal).catch((error) => this.ctx.log.error({ err: error }, 'chat: fan-out push failed'));
    });
    this.flushTimer = setInterval(() => {
      this.flushDelivered().catch((error) => this.ctx.log.warn({ err: error }, 'chat: delivered receipts not saved'));
    }, DELIVERED_FLUSH_MS);
    this.flushTimer.unref();
  }

  async stop() {
    this.unsubscribe?.();
    if (this.flushTimer) clearInterval(this.flushTimer);
    for (const set of this.byOrg.values()) for (const c of set) c.socket.close(1001, 'server closing');
    this.byOrg.clear();
    await this.flushDelivered().catch(() => {});
  }

  /** After the LISTEN connection came back: notifications may have been lost, so clients resume. */
  resync() {
    for (const set of this.byOrg.values()) for (const c of set) send(c.socket, { type: 'resync' });
  }

  attach(socket: WebSocket, request: FastifyRequest) {
    const actor = request.actor as Actor;
    // 跨站 WebSocket: the cookie rides along from any page, so only the platform's own pages may connect
    const origin = request.headers.origin;
    if (origin && new URL(origin).host !== request.headers.host) {
      socket.close(1008, 'origin not allowed');
      return;
    }
    const connection: Connection = {
      socket,
      actor,
      orgIds: actor.memberships.map((m) => m.orgId),
      tokens: SOCKET_BURST,
      refilledAt: Date.now(),
    };
    for (const orgId of connection.orgIds) {
      const set = this.byOrg.get(orgId) ?? new Set<Connection>();
      set.add(connection);
      this.byOrg.set(orgId, set);
    }
    socket.on('message', (data, isBinary) => {
      if (!this.take(connection)) {
        send(socket, errorFrame(chatErrors.raise('CHAT_RATE_LIMITED')));
        socket.close(1008, 'rate limited');
        return;
      }
      this.onFrame(connection, isBinary ? null : data.toString()).catch((error) => send(socket, errorFrame(error)));
    });
    socket.on('close', () => {
      for (const orgId of connection.orgIds) this.byOrg.get(orgId)?.delete(connection);
    });
    socket.on('error', () => socket.terminate());
    send(socket, { type: 'ready', userId: actor.userId });
  }

  private take(c: Connection): boolean {
    const now = Date.now();
    c.tokens = Math.min(SOCKET_BURST, c.tokens + ((now - c.refilledAt) / 1000) * SOCKET_REFILL_PER_SECOND);
    c.refilledAt = now;
    if (c.tokens < 1) return false;
    c.tokens -= 1;
    return true;
  }

  private actingAs(c: Connection, orgId: string): service.ChatActor {
    // an organisation the user is not in: the conversation does not exist for them
    if (!c.orgIds.includes(orgId)) throw chatErrors.raise('CHAT_CONVERSATION_NOT_FOUND');
    return { userId: c.actor.userId, orgId };
  }

  private async onFrame(c: Connection, text: string | null) {
    let frame: ChatClientFrame;
    try {
      frame = ChatClientFrame.parse(JSON.parse(text ?? ''));
    } catch {
      throw chatErrors.raise('CHAT_FRAME_INVALID');
    }
    switch (frame.type) {
      case 'ping':
        send(c.socket, { type: 'pong' });
        return;
      case 'resume': {
        const missed = await service.missedSince(this.ctx, c.orgIds, frame.after);
        send(c.socket, { type: 'missed', messages: missed.messages, hasMore: missed.hasMore });
        return;
      }
      case 'send': {
        const message = await service.postMessage(
          this.ctx,
          this.fanout,
          this.actingAs(c, frame.orgId),
          frame.conversationId,
          {
            body: frame.body,
          },
        );
        send(c.socket, { type: 'sent', clientId: frame.clientId ?? null, message });
        return;
      }
      case 'read':
        await service.markRead(this.ctx, this.fanout, this.actingAs(c, frame.orgId), frame.conversationId, frame.seq);
        return;
    }
  }

  private targets(orgIds: readonly string[]): Set<Connection> {
    const out = new Set<Connection>();
    for (const orgId of orgIds) for (const c of this.byOrg.get(orgId) ?? []) out.add(c);
    return out;
  }

  private async onSignal(signal: ChatSignal) {
    if ('m' in signal) {
      if (this.byOrg.size === 0) return;
      const found = await service.messageForFanout(this.ctx, signal.m);
      if (!found) return;
      const frame = JSON.stringify({ type: 'message', message: found.message } satisfies ChatServerFrame);
      for (const c of this.targets(found.orgIds)) {
        if (c.socket.readyState !== c.socket.OPEN) continue;
        c.socket.send(frame);
        if (c.actor.userId !== found.message.senderUserId) {
          const orgId = found.orgIds.find((o) => c.orgIds.includes(o)) as string;
          const key = `${signal.c}|${c.actor.userId}`;
          const prev = this.delivered.get(key);
          if (!prev || prev.seq < found.message.seq)
            this.delivered.set(key, {
              conversationId: signal.c,
              userId: c.actor.userId,
              orgId,
              seq: found.message.seq,
            });
        }
      }
      return;
    }
    const orgIds = await service.participantsFor(this.ctx, signal.c);
    const targets = this.targets(orgIds);
    if (targets.size === 0) return;
    const receipt = await service.receiptOf(this.ctx, signal.c, signal.r);
    const frame = JSON.stringify({ type: 'receipt', receipt } satisfies ChatServerFrame);
    for (const c of targets) if (c.socket.readyState === c.socket.OPEN) c.socket.send(frame);
  }

  private async flushDelivered() {
    const batch = [...this.delivered.values()];
    this.delivered.clear();
    for (const d of batch)
      await service.markDelivered(this.ctx, this.fanout, { userId: d.userId, orgId: d.orgId }, d.conversationId, d.seq);
  }
}
