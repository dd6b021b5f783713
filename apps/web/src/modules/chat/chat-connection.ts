import type { ChatClientFrame, ChatServerFrame } from '@zhuhe/contracts';

type Listener = (frame: ChatServerFrame) => void;

/**
 * The page's one WebSocket to /api/chat/ws (the session cookie authenticates it). Reconnects with back-off and, on
 * a reconnect, asks for everything after the last message sequence it saw (`resume`), so nothing sent while it was
 * away is lost. Opened while some component listens, closed when none does.
 */
class ChatConnection {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<Listener>();
  private lastSeq = 0;
  private attempts = 0;
  private opened = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.socket && !this.timer) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  send(frame: ChatClientFrame): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private connect() {
    this.timer = null;
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/api/chat/ws`);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      // the first time the page's queries are fresh; after a reconnect, catch up on what was missed
      if (this.opened && this.lastSeq > 0) this.send({ type: 'resume', after: this.lastSeq });
      this.opened = true;
    };
    socket.onmessage = (event) => {
      let frame: ChatServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ChatServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'message' || frame.type === 'sent') this.lastSeq = Math.max(this.lastSeq, frame.message.seq);
      if (frame.type === 'missed') for (const m of frame.messages) this.lastSeq = Math.max(this.lastSeq, m.seq);
      if (frame.type === 'resync') this.send({ type: 'resume', after: this.lastSeq });
      for (const listener of this.listeners) listener(frame);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.listeners.size === 0) return;
      const delay = Math.min(30_000, 500 * 2 ** this.attempts);
      this.attempts += 1;
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  private stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }
}

export const chatConnection = new ChatConnection();
