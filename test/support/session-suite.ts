import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ServerConfig } from '../../src/server/config.ts';
import type { DatabaseTarget } from '../../src/server/db/database.ts';
import { SessionClient } from './session-client.ts';
import { createSession, type RunningServer, resetDatabase, startServer } from './session-server.ts';

/** A started session's keys, its facilitator's console, and its phones, each on its own connection. */
export interface SuiteRoom {
  readonly sessionId: string;
  readonly code: string;
  readonly secret: string;
  readonly host: SessionClient;
  readonly phones: SessionClient[];
}

/** One suite's store and server, with the clients its tests connect (see `sessionSuite`). */
export interface SessionSuite {
  /** The suite's store, from before its first test. */
  readonly target: DatabaseTarget;
  /** The real server over that store. */
  readonly server: RunningServer;
  /** A client connected to `url` (the suite's server by default), closed after the test. */
  connect(url?: string): Promise<SessionClient>;
  /**
   * A session made with `settings` (the console's request body; `hand-on-the-back` with timers off
   * unless they say otherwise), its facilitator connected and `n` phones joined, in the lobby.
   */
  room(n: number, settings?: Record<string, unknown>, url?: string): Promise<SuiteRoom>;
  /** A projector watching the session with `code`. */
  watch(code: string, url?: string): Promise<SessionClient>;
}

/**
 * The setup every session suite shares, for one store of `describe.each(testDatabases())`: before its
 * tests, an empty store and the real server over it (with `overrides`); after each test, every client
 * it connected closed; after all, the server closed. Each step is checked as a phone or console would
 * notice it (a refused greeting fails the test where it happens).
 */
export function sessionSuite(makeTarget: () => DatabaseTarget, overrides: Partial<ServerConfig> = {}): SessionSuite {
  let target: DatabaseTarget | undefined;
  let server: RunningServer | undefined;
  const clients: SessionClient[] = [];
  beforeAll(async () => {
    target = makeTarget();
    await resetDatabase(target);
    server = await startServer(target, overrides);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The session suite has not started yet: use it inside a test.');
    return value;
  };
  const suite: SessionSuite = {
    get target() {
      return started(target);
    },
    get server() {
      return started(server);
    },
    async connect(url = suite.server.url) {
      const client = await SessionClient.connect(url);
      clients.push(client);
      return client;
    },
    async room(n, settings = {}, url = suite.server.url) {
      const created = await createSession(url, { scenario: 'hand-on-the-back', timers: false, ...settings });
      expect(created.status).toBe(201);
      const { sessionId, code, secret } = created.body;
      const host = await suite.connect(url);
      expect(await host.request({ type: 'host', sessionId, secret })).toMatchObject({ type: 'welcome' });
      const phones: SessionClient[] = [];
      for (let i = 0; i < n; i++) {
        const phone = await suite.connect(url);
        expect(await phone.request({ type: 'join', code })).toMatchObject({ type: 'welcome', role: 'participant' });
        phones.push(phone);
      }
      return { sessionId, code, secret, host, phones };
    },
    async watch(code, url = suite.server.url) {
      const projector = await suite.connect(url);
      expect(await projector.request({ type: 'watch', code })).toMatchObject({ type: 'welcome', role: 'presenter' });
      return projector;
    },
  };
  return suite;
}
