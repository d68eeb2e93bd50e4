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
 * finish (another connection reading), so the sweep's caller logs it.
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
  // SQLite has one connection: holding it keeps the checkpoint out of any open transaction.
  const [result] = await opened.db
    .connection()
    .execute(async () => opened.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]);
  if (result?.busy)
    throw new Error('The SQLite checkpoint after the retention sweep could not finish: a reader was busy.');
}
