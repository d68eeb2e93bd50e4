import WebSocket, { type ClientOptions } from 'ws';
import type { ClientRequest, RoomView, ServerMessage } from '../../src/protocol/messages.ts';

type Reply = Extract<ServerMessage, { replyTo?: number }>;

/**
 * A session client written with `ws`, as a phone or a facilitator's console speaks to the server:
 * used by the integration tests and the benchmarks.
 */
export class SessionClient {
  readonly received: ServerMessage[] = [];
  room: RoomView | undefined;
  myVote: string | null | undefined;
  myGuess: string | null | undefined;
  myMoment: boolean | undefined;
  participantId: string | undefined;
  resumeSecret: string | undefined;
  /** Whether `received` keeps every message, for a test to read; a benchmark's thousands of phones keep none. */
  keepReceived = true;
  /** Messages that came as binary frames: a browser would hand each over as a Blob, not the JSON text it reads. */
  binaryFrames = 0;
  private nextId = 1;
  private waiters: { test: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (isBinary) this.binaryFrames += 1;
      const message = JSON.parse(String(data)) as ServerMessage;
      if (this.keepReceived) this.received.push(message);
      if (message.type === 'room') {
        this.room = message.room;
        if ('myVote' in message) this.myVote = message.myVote;
        if ('myGuess' in message) this.myGuess = message.myGuess;
        if ('myMoment' in message) this.myMoment = message.myMoment;
      }
      if (message.type === 'seat') ({ myVote: this.myVote, myGuess: this.myGuess, myMoment: this.myMoment } = message);
      if (message.type === 'count' && this.room)
        this.room = { ...this.room, joined: message.joined, connected: message.connected, voted: message.voted };
      if (message.type === 'welcome' && message.participantId) {
        this.participantId = message.participantId;
        this.resumeSecret = message.resumeSecret ?? this.resumeSecret;
      }
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  /** `options` as `ws` takes them: e.g. `localAddress` to come from another loopback address, or `headers`. */
  static connect(baseUrl: string, options?: ClientOptions): Promise<SessionClient> {
    const ws = new WebSocket(new URL('api/ws', baseUrl.replace(/^http/, 'ws')), options);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new SessionClient(ws)));
      ws.once('error', reject);
    });
  }

  /** Sends a message and waits for the reply to it: its acknowledgement, welcome or error. */
  request(message: ClientRequest, timeoutMs = 10_000): Promise<Reply> {
    const id = this.nextId++;
    const reply = this.waitFor((m) => 'replyTo' in m && m.replyTo === id, timeoutMs);
    this.ws.send(JSON.stringify({ ...message, id }));
    return reply as Promise<Reply>;
  }

  /** Sends raw text, as a broken or hostile client might. */
  sendRaw(text: string | Buffer) {
    this.ws.send(text);
  }

  waitFor(test: (m: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Waits until the room this client sees satisfies `test` (it may already). */
  async until(test: (room: RoomView) => boolean, timeoutMs = 10_000): Promise<RoomView> {
    if (this.room && test(this.room)) return this.room;
    await this.waitFor(() => !!this.room && test(this.room), timeoutMs);
    return this.room as RoomView;
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
