import type { ClientRequest, ServerMessage } from '../protocol/messages.ts';

/**
 * `blocked`: the server answers over HTTP but its realtime channel never opens (typically a reverse
 * proxy that does not pass WebSocket upgrades); it keeps trying, but retrying alone will not fix it.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'blocked';

/** Waits between reconnection attempts: quick at first, never hammering the server. */
const BACKOFF_MS = [500, 1000, 2000, 4000, 5000];
/** How often the server beats until it says (its `heartbeat` message carries the figure). */
const DEFAULT_BEAT_MS = 6000;
/** Attempts in a row that never opened before asking over plain HTTP whether the server is there. */
const FAILURES_BEFORE_DIAGNOSIS = 3;

/**
 * The browser's end of a session: one WebSocket to the server that comes back by itself after a phone
 * sleeps or the network drops. On every (re)connection it first sends `greeting()` — join, resume,
 * watch or host — so the server answers with a full snapshot of the room, not a replay, then sends
 * again what was `deliver`ed and not yet answered.
 *
 * A line can die without closing (sleep, a proxy that stops forwarding): the server sends something at
 * least every `everyMs`, so two beats of silence (or a connection that does not open in that time)
 * mean the line is dead, and the connection starts again instead of waiting for the network to say so.
 */
export class SessionConnection {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private nextId = 1;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private status: ConnectionStatus | undefined;
  private everyMs = DEFAULT_BEAT_MS;
  /** Attempts in a row that never opened. */
  private failures = 0;
  /** What must arrive, by slot (a newer request in a slot replaces the older), with its number. */
  private readonly outbox = new Map<string, { id: number; request: ClientRequest }>();

  constructor(
    private readonly greeting: () => ClientRequest,
    private readonly onMessage: (message: ServerMessage) => void,
    private readonly onStatus: (status: ConnectionStatus) => void,
  ) {}

  open() {
    this.closed = false;
    this.connect();
    window.addEventListener('online', this.reconnectNow);
    document.addEventListener('visibilitychange', this.reconnectNow);
  }

  /** Sends a request, numbered so its reply can be matched; returns the number, or undefined when offline. */
  send(request: ClientRequest): number | undefined {
    if (this.socket?.readyState !== WebSocket.OPEN) return undefined;
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ ...request, id }));
    return id;
  }

  /**
   * Sends a request that must arrive, now if the line is up, else once it is back (after the greeting);
   * kept until the server answers it. A later request in the same `slot` replaces one not yet answered.
   * Returns its number, which the reply carries.
   */
  deliver(request: ClientRequest, slot: string): number {
    const id = this.nextId++;
    this.outbox.set(slot, { id, request });
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ ...request, id }));
    return id;
  }

  /** Stops delivering what is in `slot` (it no longer matters). */
  forget(slot: string) {
    this.outbox.delete(slot);
  }

  close() {
    this.closed = true;
    clearTimeout(this.retry);
    clearTimeout(this.watchdog);
    window.removeEventListener('online', this.reconnectNow);
    document.removeEventListener('visibilitychange', this.reconnectNow);
    this.socket?.close();
  }

  private connect() {
    const url = new URL('api/ws', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.hash = '';
    const socket = new WebSocket(url);
    this.socket = socket;
    let opened = false;
    if (this.attempt === 0) this.setStatus('connecting');
    this.arm();
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.failures = 0;
      this.arm();
      this.setStatus('open');
      this.send(this.greeting());
      for (const { id, request } of this.outbox.values()) socket.send(JSON.stringify({ ...request, id }));
    };
    socket.onmessage = (event) => {
      this.arm();
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return; // A message that is not JSON is not from our server; ignore it.
      }
      if (message.type === 'heartbeat') {
        this.everyMs = message.everyMs;
        return this.arm();
      }
      if ('replyTo' in message)
        for (const [slot, sent] of this.outbox) if (sent.id === message.replyTo) this.outbox.delete(slot);
      this.onMessage(message);
    };
    socket.onclose = () => {
      if (this.closed || this.socket !== socket) return;
      this.lost(opened);
    };
  }

  /** The line is gone (closed, or silent too long): say so and try again after a pause. */
  private lost(opened: boolean) {
    const socket = this.socket;
    this.socket = undefined;
    clearTimeout(this.watchdog);
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      if (socket.readyState <= WebSocket.OPEN) socket.close();
    }
    const wait = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    this.failures = opened ? 0 : this.failures + 1;
    if (this.failures >= FAILURES_BEFORE_DIAGNOSIS) this.diagnose();
    else this.setStatus('reconnecting');
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.connect(), wait);
  }

  /** The socket never opens: if the server answers plain HTTP, the realtime channel is what is blocked. */
  private diagnose() {
    const answers = fetch(new URL('api/health', window.location.href), { cache: 'no-store' }).then(
      (r) => r.ok,
      () => false,
    );
    answers.then((ok) => {
      if (this.closed || this.failures < FAILURES_BEFORE_DIAGNOSIS) return;
      this.setStatus(ok ? 'blocked' : 'reconnecting');
    });
  }

  private setStatus(status: ConnectionStatus) {
    if (status === this.status) return;
    this.status = status;
    this.onStatus(status);
  }

  /** Two beats of silence, or a connection that does not open in that time: the line is dead. */
  private arm() {
    clearTimeout(this.watchdog);
    const socket = this.socket;
    this.watchdog = setTimeout(
      () => {
        if (!this.closed && this.socket === socket) this.lost(socket?.readyState === WebSocket.OPEN);
      },
      2 * this.everyMs + 1000,
    );
  }

  /** Back from sleep or offline: try at once rather than waiting out the backoff. */
  private reconnectNow = () => {
    if (this.closed || document.visibilityState === 'hidden') return;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    clearTimeout(this.retry);
    this.connect();
  };
}
