import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** When the write-ahead log is copied into the database file (see `checkpointWhenQuiet`). */
export interface CheckpointPolicy {
  /** How long no other connection may have committed before the log is copied, in ms. */
  readonly quietMs: number;
  /** A log this large (bytes) is copied even while writes go on, so it never grows without end. */
  readonly maxLogBytes: number;
  /** How often the store is looked at, in ms. */
  readonly everyMs: number;
}

export const CHECKPOINT_POLICY: CheckpointPolicy = { quietMs: 250, maxLogBytes: 16 * 1024 * 1024, everyMs: 100 };

/** Stops the checkpoints; resolves once the checkpointing thread has closed its connection. */
export type StopCheckpoints = () => Promise<void>;

/**
 * The checkpointing thread: its own connection to the file, which copies the log into the database
 * (PASSIVE: it never waits for, nor holds up, the server's writes) once no commit has come from another
 * connection for `quietMs` (`data_version` counts them) or the log has passed `maxLogBytes`.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const SQLite = require(workerData.driver);
const { file, quietMs, maxLogBytes, everyMs } = workerData;
const db = new SQLite(file);
db.pragma('wal_autocheckpoint = 0');
const version = db.prepare('PRAGMA data_version').pluck();
let seen = version.get();
let changedAt = Date.now();
let copied = false;
const watch = setInterval(() => {
  const now = Date.now();
  const current = version.get();
  if (current !== seen) { seen = current; changedAt = now; copied = false; }
  const size = statSync(file + '-wal', { throwIfNoEntry: false })?.size ?? 0;
  if ((!copied && now - changedAt >= quietMs) || size >= maxLogBytes) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    copied = result.busy === 0 && result.checkpointed === result.log;
  }
}, everyMs);
parentPort.on('message', () => { clearInterval(watch); db.close(); parentPort.close(); });
`;

/**
 * SQLite in WAL mode appends each commit to the write-ahead log (`<file>-wal`) and, by default, the
 * commit that takes the log past 1,000 pages also copies the log into the database file and syncs it
 * to disk (a checkpoint). better-sqlite3 runs on the server's one thread, so while that copy and sync
 * run (4–25 ms on a virtual machine's disk, several times a second while a room of thousands votes)
 * no vote is read or acknowledged.
 *
 * Here the server's connection makes no checkpoint: a thread of its own, with its own connection,
 * copies the log once the store has been quiet for `quietMs` (between one decision's votes and the
 * next, as a session goes), or as soon as the log passes `maxLogBytes`. Nothing committed is less durable
 * for it: a commit is in the log (WAL, `synchronous = NORMAL`) before it is acknowledged and survives
 * the process being killed, and every reader reads the log with the file. See SQLite's "Write-Ahead
 * Logging", "Checkpointing" and "Automatic Checkpoint", and `sqlite3_wal_checkpoint_v2` (PASSIVE).
 *
 * An in-memory database has no log: nothing to do.
 */
export function checkpointWhenQuiet(
  sqlite: SQLite.Database,
  policy: CheckpointPolicy = CHECKPOINT_POLICY,
): StopCheckpoints {
  if (sqlite.memory) return async () => {};
  sqlite.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const thread = new Worker(THREAD, { eval: true, workerData: { driver, file: sqlite.name, ...policy } });
  // A server stopping without closing its store is not held open by the thread.
  thread.unref();
  thread.on('error', (error) => console.error('The SQLite checkpoint thread stopped:', error));
  let stopped: Promise<void> | undefined;
  return () => {
    stopped ??= new Promise<void>((resolve) => {
      thread.once('exit', () => resolve());
      thread.postMessage('stop');
    });
    return stopped;
  };
}
