import type { ClientRequest, ServerMessage } from '../protocol/messages.ts';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

/** Waits between reconnection attempts: quick at first, never hammering the server. */
const BACKOFF_MS = [500, 1000, 2000, 4000, 5000];

/**
 * The browser's end of a session: one WebSocket to the server that comes back by itself after a phone
 * sleeps or the network drops. On every (re)connection it first sends `greeting()` — join, resume,
 * watch or host — so the server answers with a full snapshot of the room, not a replay.
 */
export class SessionConnection {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private nextId = 1;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

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

  /** Sends a request, numbered so its reply can be matched; returns the number. */
  send(request: ClientRequest): number | undefined {
    if (this.socket?.readyState !== WebSocket.OPEN) return undefined;
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ ...request, id }));
    return id;
  }

  close() {
    this.closed = true;
    clearTimeout(this.retry);
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
    this.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    socket.onopen = () => {
      this.attempt = 0;
      this.onStatus('open');
      this.send(this.greeting());
    };
    socket.onmessage = (event) => {
      try {
        this.onMessage(JSON.parse(String(event.data)) as ServerMessage);
      } catch {
        // A message that is not JSON is not from our server; ignore it.
      }
    };
    socket.onclose = () => {
      if (this.closed || this.socket !== socket) return;
      this.onStatus('reconnecting');
      const wait = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
      this.attempt += 1;
      this.retry = setTimeout(() => this.connect(), wait);
    };
  }

  /** Back from sleep or offline: try at once rather than waiting out the backoff. */
  private reconnectNow = () => {
    if (this.closed || document.visibilityState === 'hidden') return;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    clearTimeout(this.retry);
    this.connect();
  };
}
