import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../src/server/db/database.ts';
import { ROOT } from './support/scenario-files.ts';
import { SessionClient } from './support/session-client.ts';
import { createSession, resetDatabase, startServer, testDatabases } from './support/session-server.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything SQLite keeps on disk for the database: the file and its write-ahead log. */
function sqliteBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

/** What PostgreSQL's statistics say about the posts table of the suite's schema. */
async function postsTableStats(target: Extract<DatabaseTarget, { kind: 'postgres' }>) {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT n_dead_tup::int AS dead, last_vacuum IS NOT NULL AS vacuumed
       FROM pg_stat_user_tables WHERE relname = 'posts' AND schemaname = current_schema()`,
    );
    return rows[0] as { dead: number; vacuumed: boolean };
  } finally {
    await client.end();
  }
}

describe.each(testDatabases())('retention on $name', ({ name, target: makeTarget }) => {
  it('leaves a deleted #IWill post unreadable once the sweep has run', async () => {
    const target = makeTarget();
    await resetDatabase(target);
    let now = Date.now();
    const server = await startServer(
      target,
      { retentionDays: 1, scenariosDir: join(ROOT, 'test/fixtures/sessions') },
      () => now,
    );
    const clients: SessionClient[] = [];
    // Typed in by a participant: an e-mail address is personal data.
    const marker = `I will talk to HR: write to me at upstander-marker-${Date.now().toString(36)}@example.org`;
    try {
      const created = await createSession(server.url, { scenario: 'quick-timer', timers: false, minReveal: 3 });
      const { sessionId, code, secret } = created.body;
      const host = await SessionClient.connect(server.url);
      const phone = await SessionClient.connect(server.url);
      clients.push(host, phone);
      await host.request({ type: 'host', sessionId, secret });
      await phone.request({ type: 'join', code });
      await host.request({ type: 'start' });
      await host.request({ type: 'reveal' });
      await host.request({ type: 'advance', choice: 'STEP_IN' });
      await phone.until((r) => r.phase === 'debrief');
      expect(await phone.request({ type: 'post', text: marker })).toMatchObject({ type: 'posted' });
      if (target.kind === 'sqlite') expect(sqliteBytes(target.file).includes(marker)).toBe(true);

      now += 2 * DAY_MS;
      // The server's own retention sweep, as it runs at start and every ten minutes.
      expect(await server.rooms.sweep()).toBe(1);

      if (target.kind === 'sqlite') {
        expect(sqliteBytes(target.file).includes(marker), `${name}: the post's text is still on disk`).toBe(false);
        expect(sqliteBytes(target.file).includes('upstander-marker')).toBe(false);
      } else {
        // The dead rows are gone from the table and its indexes; see the README for what VACUUM does not do.
        expect(await postsTableStats(target)).toEqual({ dead: 0, vacuumed: true });
      }
      expect(await server.store.db.selectFrom('posts').selectAll().execute()).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
    }
  });
});
