import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.ts';
import type { Database } from './schema.types.ts';
import { type Checkpoints, checkpointWhenQuiet } from './wal-checkpoint.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Where sessions are stored: PostgreSQL when a URL is given, else an SQLite file (the embedded default). */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };

/**
 * An open store: the query builder for everything, and the driver under it for the hot path (votes,
 * with statements prepared once) and for erasing what retention deleted.
 */
export type OpenDatabase =
  | {
      readonly kind: 'sqlite';
      readonly db: Kysely<Database>;
      readonly sqlite: SQLite.Database;
      /** The thread that checkpoints between bursts of writes (`checkpointWhenQuiet`); stopped before closing. */
      readonly checkpoints: Checkpoints;
    }
  | { readonly kind: 'postgres'; readonly db: Kysely<Database>; readonly pool: pg.Pool };

/** Opens the store and brings its tables up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  const opened = driverFor(target);
  const { db } = opened;
  // On PostgreSQL the migration bookkeeping lives in the schema the tables go to (the search path's
  // first): another schema's bookkeeping in the same database must not pass for this one's.
  const migrationTableSchema =
    opened.kind === 'postgres'
      ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema
      : undefined;
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider,
    migrationTableSchema,
  }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await closeDatabase(opened);
    throw new Error(
      `The database could not be brought up to date${failed ? ` (migration ${failed.migrationName})` : ''}: ${String(error)}`,
    );
  }
  return opened;
}

/** Closes the store: the checkpointing thread first (SQLite), then the connections. */
export async function closeDatabase(opened: OpenDatabase): Promise<void> {
  if (opened.kind === 'sqlite') await opened.checkpoints.stop();
  await opened.db.destroy();
}

function driverFor(target: DatabaseTarget): OpenDatabase {
  if (target.kind === 'postgres') {
    // Times are bigint columns; pg hands int8 back as strings unless told they fit a number (they do).
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format),
    };
    const pool = new pg.Pool({ connectionString: target.url, max: 10, types });
    return { kind: 'postgres', pool, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
  }
  if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
  const sqlite = new SQLite(target.file);
  // Small pages for a new file (an existing one keeps its own): a vote rewrites a page or two, so the
  // write-ahead log, and the copy of it into the file, stay small.
  sqlite.pragma('page_size = 1024');
  // WAL: readers never wait for the writer, and a crash mid-write loses nothing committed.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // Deleted rows are overwritten with zeros, not just unlinked: deleted means unreadable.
  sqlite.pragma('secure_delete = ON');
  // The log is copied into the file between bursts of votes, by a thread of its own.
  const checkpoints = checkpointWhenQuiet(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kind: 'sqlite', sqlite, db, checkpoints };
}
