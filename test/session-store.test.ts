import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseTarget, openDatabase } from '../src/server/db/database.ts';
import type { Vote } from '../src/server/room-state.types.ts';
import { SessionStore } from '../src/server/session-store.ts';
import { SessionClient } from './support/session-client.ts';
import { createSession, resetDatabase, startServer, testDatabases } from './support/session-server.ts';

type StoredVote = { participant_id: string; choice: string; changes: number };

/** Another connection to the same database: what it reads has left this process and survives it. */
async function otherConnection(target: DatabaseTarget) {
  const query = 'SELECT participant_id, choice, changes FROM votes WHERE session_id = $1 ORDER BY participant_id';
  if (target.kind === 'sqlite') {
    const other = new SQLite(target.file, { readonly: true });
    const select = other.prepare(query.replace('$1', '?'));
    return {
      votes: async (sessionId: string) => select.all(sessionId) as StoredVote[],
      close: async () => other.close(),
    };
  }
  const other = new pg.Client({ connectionString: target.url });
  await other.connect();
  return {
    votes: async (sessionId: string) => (await other.query(query, [sessionId])).rows as StoredVote[],
    close: () => other.end(),
  };
}

describe.each(testDatabases())('the vote store on $name', ({ target: makeTarget }) => {
  let target: DatabaseTarget;
  let store: SessionStore;
  let other: Awaited<ReturnType<typeof otherConnection>>;
  let sessions = 0;

  beforeAll(async () => {
    target = makeTarget();
    await resetDatabase(target);
    store = new SessionStore(await openDatabase(target));
    other = await otherConnection(target);
  });
  afterAll(async () => {
    await other?.close();
    await store?.close();
  });

  async function session() {
    const id = `session${++sessions}`;
    await store.createSession({
      id,
      code: `CODE${sessions}`,
      scenarioId: 'fake',
      hostHash: 'x',
      createdAt: 0,
      expiresAt: Date.now() + 60_000,
      cap: 10_000,
      minReveal: 5,
      timers: false,
      locked: false,
      phase: 'voting',
      choices: [],
      openedAt: null,
      deadline: null,
      revealedAt: null,
    });
    return id;
  }
  const vote = (participant: number, choice: string): Vote => ({
    decision: 0,
    participantId: `p${String(participant).padStart(4, '0')}`,
    choice,
    at: Date.now(),
  });

  it('acknowledges each of 500 votes sent at once only when another connection can already read it', async () => {
    const id = await session();
    const seen = await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        await store.putVote(id, vote(i, i % 3 ? 'GO' : 'STAY'));
        return (await other.votes(id)).some((v) => v.participant_id === vote(i, '').participantId);
      }),
    );
    expect(seen.filter((s) => !s)).toEqual([]);
    expect(await other.votes(id)).toHaveLength(500);
  });

  it('keeps a phone that changes its vote within one batch to its last choice, each change counted once', async () => {
    const id = await session();
    await Promise.all([
      store.putVote(id, vote(1, 'GO')),
      store.putVote(id, vote(2, 'GO')),
      store.putVote(id, vote(1, 'STAY')),
      store.putVote(id, vote(1, 'GO')),
      store.putVote(id, vote(2, 'GO')), // the same choice again: not a change
    ]);
    expect(await other.votes(id)).toEqual([
      { participant_id: 'p0001', choice: 'GO', changes: 2 },
      { participant_id: 'p0002', choice: 'GO', changes: 0 },
    ]);
  });

  it('refuses every vote of a batch whose commit fails, stores none of them, and stores the next batch', async () => {
    const id = await session();
    const broken = { ...vote(3, 'GO'), choice: null } as unknown as Vote; // NOT NULL refuses it
    const results = await Promise.allSettled([
      store.putVote(id, vote(1, 'GO')),
      store.putVote(id, broken),
      store.putVote(id, vote(2, 'GO')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await other.votes(id)).toEqual([]);
    await store.putVote(id, vote(4, 'STAY'));
    expect(await other.votes(id)).toEqual([{ participant_id: 'p0004', choice: 'STAY', changes: 0 }]);
  });
});

describe.each(testDatabases())('a room of many phones on $name', ({ target: makeTarget }) => {
  it('counts every acknowledged vote in a reveal sent while votes are still arriving, and no other', async () => {
    const target = makeTarget();
    await resetDatabase(target);
    const server = await startServer(target);
    const clients: SessionClient[] = [];
    try {
      const created = await createSession(server.url, { scenario: 'hand-on-the-back', timers: false, minReveal: 3 });
      const { sessionId, code, secret } = created.body;
      const host = await SessionClient.connect(server.url);
      clients.push(host);
      await host.request({ type: 'host', sessionId, secret });
      for (let i = 0; i < 60; i++) {
        const phone = await SessionClient.connect(server.url);
        clients.push(phone);
        await phone.request({ type: 'join', code });
      }
      const phones = clients.slice(1);
      await host.request({ type: 'start' });
      await Promise.all(phones.map((p) => p.until((r) => r.phase === 'voting')));
      // Half the phones vote, the facilitator reveals, the other half vote: all sent in the same instant.
      const replies = phones.map((p, i) => {
        if (i === 30) host.request({ type: 'reveal' });
        return p.request({ type: 'vote', decision: 0, choice: i % 2 ? 'WATCH_PRIYA' : 'CATCH_SAMS_EYE' });
      });
      const answered = await Promise.all(replies);
      const acknowledged = answered.filter((r) => r.type === 'voted').length;
      const refused = answered.filter((r) => r.type === 'error');
      expect(acknowledged + refused.length).toBe(60);
      expect(refused.every((r) => r.type === 'error' && r.code === 'not-voting')).toBe(true);
      const revealed = await host.until((r) => r.phase === 'revealed');
      expect(revealed.tally?.total).toBe(acknowledged);
      const other = await otherConnection(target);
      expect(await other.votes(sessionId)).toHaveLength(acknowledged);
      await other.close();
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
    }
  });
});

describe('an SQLite file', () => {
  const pageSize = (file: string) => {
    const db = new SQLite(file, { readonly: true });
    const size = db.pragma('page_size', { simple: true });
    db.close();
    return size;
  };

  it('is created with 1 KB pages, so the commit that copies the log into the file holds votes up less', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'upstander-')), 'new.sqlite');
    const store = new SessionStore(await openDatabase({ kind: 'sqlite', file }));
    await store.close();
    expect(pageSize(file)).toBe(1024);
  });

  it('made before keeps its own page size and still opens, with its sessions', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'upstander-')), 'old.sqlite');
    const old = new SQLite(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE kept (id INTEGER)');
    old.close();
    const store = new SessionStore(await openDatabase({ kind: 'sqlite', file }));
    expect(await store.codeInUse('NOSUCH')).toBe(false);
    await store.close();
    expect(pageSize(file)).toBe(4096);
  });
});
