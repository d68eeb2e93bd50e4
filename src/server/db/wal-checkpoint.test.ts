import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CheckpointPolicy, type Checkpoints, checkpointWhenQuiet } from './wal-checkpoint.ts';

const open: { db: SQLite.Database; checkpoints: Checkpoints }[] = [];
afterEach(async () => {
  for (const { db, checkpoints } of open.splice(0)) {
    await checkpoints.stop();
    if (db.open) db.close();
  }
});

/** A file database as the server opens it (WAL, 1 KB pages), with a table of rows about one page each. */
function database(policy: CheckpointPolicy, log?: (message: string) => void) {
  const file = join(mkdtempSync(join(tmpdir(), 'upstander-wal-')), 'store.sqlite');
  const db = new SQLite(file);
  db.pragma('page_size = 1024');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE votes (id INTEGER PRIMARY KEY, note TEXT)');
  const checkpoints = checkpointWhenQuiet(db, policy, log);
  open.push({ db, checkpoints });
  const insert = db.prepare('INSERT INTO votes (note) VALUES (?)');
  return {
    db,
    file,
    checkpoints,
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
    const { db, file, write, checkpoints } = database({ quietMs: 100, maxLogBytes: 1 << 30, everyMs: 20 });
    await checkpoints.ready;
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
    await vi.waitFor(() => expect(inFile()).toBe(50), { timeout: 5000, interval: 50 });
    db.close();
  });

  it('empties the log file after a quiet copy, so the next commit (a reveal after a vote) need not cut it back', async () => {
    // A limit the log passes: without the emptying, the first commit after the copy would cut the file
    // back to a quarter of it, on the server's thread.
    const { db, write, logBytes, checkpoints } = database({ quietMs: 100, maxLogBytes: 1 << 20, everyMs: 20 });
    await checkpoints.ready;
    write(2000);
    expect(logBytes()).toBeGreaterThan(1 << 20);
    await vi.waitFor(() => expect(logBytes()).toBe(0), { timeout: 5000, interval: 50 });
    // Nothing was lost on the way: every row is there, and a new commit goes into a log started afresh.
    expect(db.prepare('SELECT count(*) FROM votes').pluck().get()).toBe(2000);
    write(1);
    expect(logBytes()).toBeLessThan(16 * 1024);
  });

  it('copies a log grown past its limit even while writes go on, and the file is cut back when the log starts over', async () => {
    const limit = 200 * 1024;
    const { write, logBytes, checkpoints } = database({ quietMs: 60_000, maxLogBytes: limit, everyMs: 20 });
    await checkpoints.ready;
    const sizes: number[] = [];
    // Writes keep coming (the store is never quiet for a minute): 80 rounds of 20 commits, about 5 MB
    // of log in all. Copied whenever it passes the limit, the log starts over and its file is cut back.
    for (let round = 0; round < 80; round++) {
      write(20);
      sizes.push(logBytes());
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(
      sizes.some((size, i) => i > 0 && size < sizes[i - 1]),
      'the file was cut back',
    ).toBe(true);
    expect(Math.min(...sizes.slice(-40)), 'the file stays near the limit').toBeLessThan(2 * limit);
  });

  it('ends its thread when stopped, so the database closes with nothing left running', async () => {
    const { db, file, checkpoints } = database({ quietMs: 10, maxLogBytes: 1 << 30, everyMs: 10 });
    await checkpoints.ready;
    await checkpoints.stop();
    db.close();
    // Leaving WAL mode needs the file to itself: no connection of the thread is left holding it.
    const again = new SQLite(file, { timeout: 0 });
    expect(again.pragma('journal_mode = DELETE', { simple: true })).toBe('delete');
    again.close();
  });

  it('holds the process open until the thread has ended: a server stopping with nothing else running exits normally', () => {
    // The thread does not keep a running server alive, but a shutdown waits for it: without that, Node ends
    // the process with an unsettled wait (exit code 13) and the thread never closes its connection.
    // Stopped at once (as the server may, never waiting for the start) and once started (as tests do).
    for (const waitForStart of [false, true]) {
      const file = join(mkdtempSync(join(tmpdir(), 'upstander-wal-')), 'store.sqlite');
      const script = `
        import SQLite from 'better-sqlite3';
        import { checkpointWhenQuiet } from ${JSON.stringify(join(import.meta.dirname, 'wal-checkpoint.ts'))};
        const db = new SQLite(${JSON.stringify(file)});
        db.pragma('journal_mode = WAL');
        const checkpoints = checkpointWhenQuiet(db);
        if (${waitForStart}) await checkpoints.ready;
        await checkpoints.stop();
        db.close();
        console.log('stopped');
      `;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        encoding: 'utf8',
      });
      expect({ waitForStart, status: run.status, out: run.stdout.trim() }).toEqual({
        waitForStart,
        status: 0,
        out: 'stopped',
      });
    }
  });

  it('gives SQLite its own checkpoints back, and says so, if the thread stops by itself', async () => {
    const said: string[] = [];
    const { db, checkpoints } = database({ quietMs: 60_000, maxLogBytes: 1 << 30, everyMs: 60_000 }, (m) =>
      said.push(m),
    );
    await checkpoints.ready;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // The thread ends without being asked (as if it had failed): the server's connection checkpoints again.
    await checkpoints.thread?.terminate();
    await vi.waitFor(() => expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000));
    expect(said.join('\n')).toMatch(/checkpoint thread stopped/);
    // Stopping it now is done at once, not waiting for an end that has come already.
    await checkpoints.stop();
  });
});
