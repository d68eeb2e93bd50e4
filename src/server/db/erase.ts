import { sql } from 'kysely';
import type { OpenDatabase } from './database.ts';

/** The tables retention deletes from. */
const SWEPT_TABLES = ['participants', 'votes', 'decisions', 'posts', 'sessions'] as const;

/**
 * After retention has deleted rows, makes their bytes unreadable where the database allows it.
 *
 * SQLite: the database runs with `secure_delete` on, so a delete overwrites the rows with zeros; in WAL
 * mode the older copies of those pages still sit in the `-wal` file, so a `TRUNCATE` checkpoint writes
 * the zeroed pages into the database file and empties the WAL. Throws if the checkpoint could not
 * finish within about five seconds (another connection reading), so the sweep's caller logs it.
 *
 * PostgreSQL: `VACUUM` on the swept tables removes the dead rows from tables and indexes and frees their
 * space for reuse. It does not overwrite that space at once, and PostgreSQL's own WAL, replicas and
 * backups keep copies until they are recycled (see the README).
 */
export async function eraseDeleted(opened: OpenDatabase): Promise<void> {
  if (opened.kind === 'postgres') {
    // VACUUM cannot run inside a transaction: each runs on its own.
    for (const table of SWEPT_TABLES) await sql`VACUUM ${sql.table(table)}`.execute(opened.db);
    return;
  }
  // Holding the server's connection keeps the checkpoint out of any transaction it has open. The
  // checkpoint thread (`wal-checkpoint.ts`) may be copying the log at that moment: SQLite lets one
  // checkpoint run at a time and says busy at once to the other, so this one tries again for a while.
  for (let attempt = 0; attempt < ERASE_ATTEMPTS; attempt++) {
    const [result] = await opened.db
      .connection()
      .execute(async () => opened.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]);
    if (!result?.busy) return;
    await new Promise((r) => setTimeout(r, ERASE_RETRY_MS));
  }
  throw new Error('The SQLite checkpoint after the retention sweep could not finish: a reader was busy.');
}

/** How many times, and how far apart (ms), the checkpoint after a sweep is tried: about five seconds. */
const ERASE_ATTEMPTS = 50;
const ERASE_RETRY_MS = 100;
