import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.ts';
import type { Database } from './schema.types.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Where sessions are stored: PostgreSQL when a URL is given, else an SQLite file (the embedded default). */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };

/** Opens the store and brings its tables up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<Kysely<Database>> {
  const db = new Kysely<Database>({ dialect: dialectFor(target) });
  // On PostgreSQL the migration tables live in the schema in use: Kysely otherwise takes a table of the
  // same name in any other schema (another app's, another test suite's) for its own.
  const migrationTableSchema =
    target.kind === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider,
    migrationTableSchema,
  }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(
      `The database could not be brought up to date${failed ? ` (migration ${failed.migrationName})` : ''}: ${String(error)}`,
    );
  }
  return db;
}

function dialectFor(target: DatabaseTarget) {
  if (target.kind === 'postgres') {
    // Times are bigint columns; pg hands int8 back as strings unless told they fit a number (they do).
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format),
    };
    return new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 10, types }) });
  }
  if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
  const sqlite = new SQLite(target.file);
  // WAL: readers never wait for the writer, and a crash mid-write loses nothing committed.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  return new SqliteDialect({ database: sqlite });
}
