import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { configFromEnv, type ServerConfig } from '../../src/server/config.ts';
import { type DatabaseTarget, openDatabase } from '../../src/server/db/database.ts';
import type { Rooms } from '../../src/server/rooms.ts';
import { ScenarioShelf } from '../../src/server/scenario-shelf.ts';
import { SessionStore } from '../../src/server/session-store.ts';
import { ROOT } from './scenario-files.ts';

/** The stores the session suites run against: SQLite always, PostgreSQL when TEST_DATABASE_URL names one. */
export function testDatabases(): { name: string; target: () => DatabaseTarget }[] {
  const url = process.env.TEST_DATABASE_URL;
  return [
    {
      name: 'SQLite',
      target: () => ({ kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'upstander-')), 'test.sqlite') }),
    },
    ...(url
      ? [{ name: 'PostgreSQL', target: () => ({ kind: 'postgres', url: inOwnSchema(url) }) as DatabaseTarget }]
      : []),
  ];
}

let schemas = 0;

/**
 * The database URL with a search path of its own: Vitest runs test files in parallel (worker threads
 * share a process id and start in the same millisecond), and each suite gets a schema no other suite
 * touches (created by `resetDatabase`), named with random bits so two files never pick the same one.
 */
function inOwnSchema(url: string): string {
  const schema = `suite_${process.pid}_${++schemas}_${randomBytes(6).toString('hex')}`;
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** The schema a PostgreSQL test URL names in its search path. */
function schemaOf(url: string): string {
  const options = new URL(url).searchParams.get('options') ?? '';
  return /search_path=(\w+)/.exec(options)?.[1] ?? 'public';
}

/** Empties a PostgreSQL test suite's schema, so each suite starts from the migrations. */
export async function resetDatabase(target: DatabaseTarget) {
  if (target.kind !== 'postgres') return;
  const schema = schemaOf(target.url);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
}

export interface RunningServer {
  readonly url: string;
  readonly store: SessionStore;
  readonly rooms: Rooms;
  close(): Promise<void>;
}

/** The real server on a free loopback port, as `npm start` runs it, over the given store. */
export async function startServer(
  target: DatabaseTarget,
  overrides: Partial<ServerConfig> = {},
  now?: () => number,
): Promise<RunningServer> {
  const config: ServerConfig = {
    ...configFromEnv({}, ROOT),
    port: 0,
    database: target,
    appDir: undefined,
    ...overrides,
  };
  const store = new SessionStore(await openDatabase(target));
  const { app, rooms } = await buildApp({ store, shelf: new ScenarioShelf(config.scenariosDir), config, now });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `${address}/`,
    store,
    rooms,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** Starts a session as the facilitator's console does. */
export async function createSession(url: string, body: Record<string, unknown>) {
  const response = await fetch(new URL('api/sessions', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}
