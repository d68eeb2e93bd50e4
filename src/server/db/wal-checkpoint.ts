import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** When the write-ahead log is copied into the database file (see `checkpointWhenQuiet`). */
export interface CheckpointPolicy {
  /** How long no other connection may have committed before the log is copied, in ms. */
  readonly quietMs: number;
  /**
   * A log this large (bytes) is copied even while writes go on. Each time the server's connection
   * starts the log over, it cuts the file back to a quarter of this (`journal_size_limit`), so the
   * file's size is what was written since.
   */
  readonly maxLogBytes: number;
  /** How often the store is looked at, in ms. */
  readonly everyMs: number;
}

export const CHECKPOINT_POLICY: CheckpointPolicy = { quietMs: 250, maxLogBytes: 16 * 1024 * 1024, everyMs: 100 };

/** The checkpointing thread, seen from the server. */
export interface Checkpoints {
  /** Resolves once the thread watches the file (or has stopped). */
  readonly ready: Promise<void>;
  /** The thread itself (none for an in-memory database), for diagnostics. */
  readonly thread?: Worker;
  /** Stops the checkpoints; resolves once the thread has closed its connection (at once if it had ended). */
  readonly stop: () => Promise<void>;
}

/**
 * The checkpointing thread: its own connection to the file, which copies the log into the database
 * (PASSIVE: it never waits for, nor holds up, the server's writes) once no commit has come from another
 * connection for `quietMs` (`data_version` counts them) or the log has passed `maxLogBytes`; once quiet
 * and all copied, with no commit since, it empties the log file (TRUNCATE: the writers' lock for as long
 * as cutting the file takes, a few ms, during which a commit of the server's waits; nothing at all if
 * anyone is writing or reading).
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const SQLite = require(workerData.driver);
const { file, quietMs, maxLogBytes, everyMs } = workerData;
// timeout 0: a checkpoint that would have to wait for the server's connection gives up at once instead.
const db = new SQLite(file, { timeout: 0 });
db.pragma('wal_autocheckpoint = 0');
const version = db.prepare('PRAGMA data_version').pluck();
let seen = version.get();
let changedAt = Date.now();
let emptied = false;
let failing = false;
const watch = setInterval(() => {
  try {
    const now = Date.now();
    const current = version.get();
    if (current !== seen) { seen = current; changedAt = now; emptied = false; }
    const size = statSync(file + '-wal', { throwIfNoEntry: false })?.size ?? 0;
    const quiet = !emptied && now - changedAt >= quietMs;
    if (quiet || size >= maxLogBytes) {
      const [copy] = db.pragma('wal_checkpoint(PASSIVE)');
      // Quiet and all copied: the log is emptied too (TRUNCATE, with nothing left to copy, only takes
      // the file to 0 bytes), so the next commit, a reveal say, does not have to cut the file back.
      // Not if a commit came during the copy: TRUNCATE would copy it while holding the writers' lock.
      if (quiet && copy.busy === 0 && copy.checkpointed === copy.log && version.get() === seen) {
        const [empty] = db.pragma('wal_checkpoint(TRUNCATE)');
        emptied = empty.busy === 0;
      }
    }
    failing = false;
  } catch (error) {
    // Said once, not every tick; the next tick tries again.
    if (!failing) parentPort.postMessage({ error: String(error && error.stack || error) });
    failing = true;
  }
}, everyMs);
parentPort.on('message', () => { clearInterval(watch); db.close(); parentPort.close(); });
parentPort.postMessage({ ready: true });
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
 * next, as a session goes), or as soon as the log passes `maxLogBytes`. After a quiet copy it also
 * empties the log file (TRUNCATE, which gives up at once if the server is writing; a commit arriving
 * while the file is cut waits those few ms): otherwise the first commit after every quiet spell — the
 * reveal that follows a vote — cuts the file back to `journal_size_limit` itself, on the server's
 * thread (5–34 ms measured in a 10,000-phone reveal). Nothing committed is less durable
 * for it: a commit is in the log (WAL, `synchronous = NORMAL`) before it is acknowledged and survives
 * the process being killed, and every reader reads the log with the file. See SQLite's "Write-Ahead
 * Logging", "Checkpointing" and "Automatic Checkpoint", and `sqlite3_wal_checkpoint_v2` (PASSIVE).
 *
 * Should the thread stop on its own (it cannot open the file, say), the server's connection takes
 * SQLite's automatic checkpoint back, so the log never goes uncopied. An error in one of its checks is
 * logged once and the check tried again. An in-memory database has no log: nothing to do.
 */
export function checkpointWhenQuiet(
  sqlite: SQLite.Database,
  policy: CheckpointPolicy = CHECKPOINT_POLICY,
  log: (message: string) => void = (message) => console.error(message),
): Checkpoints {
  if (sqlite.memory) return { ready: Promise.resolve(), stop: async () => {} };
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.pragma(`journal_size_limit = ${Math.floor(policy.maxLogBytes / 4)}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // SQLite keeps the log beside the file a link points to, and resolves a relative name once.
  const file = realpathSync(resolve(sqlite.name));
  const thread = new Worker(THREAD, { eval: true, workerData: { driver, file, ...policy } });
  let stopping = false;
  const exited = new Promise<void>((done) => {
    thread.once('exit', () => {
      if (!stopping && sqlite.open) {
        log('The SQLite checkpoint thread stopped: the server makes its own checkpoints again.');
        sqlite.pragma('wal_autocheckpoint = 1000');
      }
      done();
    });
  });
  thread.on('error', (error) => log(`The SQLite checkpoint thread failed: ${error.stack ?? error}`));
  const ready = new Promise<void>((done) => {
    thread.on('message', (message: { ready?: boolean; error?: string }) => {
      if (message.ready) {
        // Once running, the thread does not hold open a server that stops without closing its store;
        // until then (its start awaited) and once stopping (its end awaited), it does.
        if (!stopping) thread.unref();
        done();
      }
      if (message.error) log(`A checkpoint of the SQLite log failed (tried again shortly): ${message.error}`);
    });
    exited.then(done);
  });
  return {
    ready,
    thread,
    stop: () => {
      if (!stopping) {
        stopping = true;
        // Waited for, the thread holds the process open until it has closed its connection and ended:
        // unreferenced, a shutdown with nothing else running would end with the wait unsettled (exit 13).
        thread.ref();
        thread.postMessage('stop');
      }
      return exited;
    },
  };
}
