import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CheckpointPolicy, checkpointWhenQuiet, type StopCheckpoints } from './wal-checkpoint.ts';

const open: { db: SQLite.Database; stop: StopCheckpoints }[] = [];
afterEach(async () => {
  for (const { db, stop } of open.splice(0)) {
    await stop();
    if (db.open) db.close();
  }
});

/** A file database as the server opens it (WAL, 1 KB pages), with a table of rows about one page each. */
function database(policy: CheckpointPolicy) {
  const file = join(mkdtempSync(join(tmpdir(), 'upstander-wal-')), 'store.sqlite');
  const db = new SQLite(file);
  db.pragma('page_size = 1024');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE votes (id INTEGER PRIMARY KEY, note TEXT)');
  const stop = checkpointWhenQuiet(db, policy);
  open.push({ db, stop });
  const insert = db.prepare('INSERT INTO votes (note) VALUES (?)');
  return {
    db,
    file,
    stop,
    /** One commit per row, as votes arrive. */
    write: (rows: number) => {
      for (let i = 0; i < rows; i++) insert.run('x'.repeat(900));
    },
    logBytes: () => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0,
  };
}

describe('checkpointWhenQuiet', () => {
  it('leaves the log alone while writes go on: no commit pays for copying it, past the 1,000 pages where SQLite would', () => {
    // A watch that never gets to look: only SQLite's own automatic checkpoint could empty the log.
    const { write, logBytes } = database({ quietMs: 60_000, maxLogBytes: 1 << 30, everyMs: 60_000 });
    write(1500);
    expect(logBytes()).toBeGreaterThan(1500 * 1024);
  });

  it('copies the log into the database file once no commit has come for the quiet time', async () => {
    const { db, file, write } = database({ quietMs: 100, maxLogBytes: 1 << 30, everyMs: 20 });
    write(50);
    // Another reader of the file alone (its log set aside) finds the rows once they are copied.
    const inFile = () => {
      const copy = `${file}.copy`;
      copyFileSync(file, copy);
      const reader = new SQLite(copy);
      try {
        return reader.prepare('SELECT count(*) FROM votes').pluck().get();
      } catch {
        return 0; // not even the table is in the file yet
      } finally {
        reader.close();
      }
    };
    expect(inFile()).toBe(0);
    await vi.waitFor(() => expect(inFile()).toBe(50), { timeout: 5000, interval: 50 });
    db.close();
  });

  it('copies a log grown past its limit even while writes go on, and the next commits start it over', async () => {
    const { write, logBytes } = database({ quietMs: 60_000, maxLogBytes: 200 * 1024, everyMs: 20 });
    const sizes: number[] = [];
    // Writes keep coming (the store is never quiet for a minute). Once the log is copied, SQLite writes
    // it again from its start: the file stops growing near the limit instead of holding every commit.
    for (let round = 0; round < 40; round++) {
      write(20);
      sizes.push(logBytes());
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(Math.max(...sizes)).toBeLessThan(40 * 20 * 1024);
  });

  it('ends its thread when stopped, so the database closes with nothing left running', async () => {
    const { db, file, stop } = database({ quietMs: 10, maxLogBytes: 1 << 30, everyMs: 10 });
    await stop();
    db.close();
    // Leaving WAL mode needs the file to itself: no connection of the thread is left holding it.
    const again = new SQLite(file, { timeout: 0 });
    expect(again.pragma('journal_mode = DELETE', { simple: true })).toBe('delete');
    again.close();
  });
});
