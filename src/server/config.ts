import { join } from 'node:path';
import {
  DEFAULT_MIN_REVEAL,
  DEFAULT_PARTICIPANT_CAP,
  MAX_PARTICIPANT_CAP,
  MIN_REVEAL_FLOOR,
} from '../protocol/limits.ts';
import type { DatabaseTarget } from './db/database.ts';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

/** The server's settings, all from the environment, each with a default that works out of the box. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseTarget;
  readonly scenariosDir: string;
  /**
   * The key an author gives to save a scenario from the studio into `scenariosDir` (`AUTHOR_KEY`, at
   * least 16 characters); without one, saving to the server is off.
   */
  readonly authorKey?: string;
  /** The organisation file (name, logo, colours, where to get help), read and checked at start. */
  readonly organisationFile: string;
  /** The built app to serve; absent in tests that need only the API. */
  readonly appDir?: string;
  /** The address phones should open, when the server cannot tell (behind a proxy). */
  readonly publicUrl?: string;
  readonly retentionDays: number;
  readonly defaultCap: number;
  readonly defaultMinReveal: number;
  /** Wrong join codes checked per client address per minute (also the burst an address may spend at once). */
  readonly wrongCodesPerMinute: number;
  /** Wrong join codes checked per minute from all addresses together: what a guesser with many addresses gets. */
  readonly wrongCodesPerMinuteTotal: number;
  /** Per address, per minute. */
  readonly joinsPerMinute: number;
  readonly sessionsPerHour: number;
  /** The reverse proxies whose X-Forwarded-* headers are believed; none unless named. */
  readonly trustProxy: TrustProxy;
  /** Open connections (HTTP and WebSocket) one client address may hold at once. */
  readonly connectionsPerAddress: number;
  /** Milliseconds between WebSocket pings; a connection silent for two of them is closed, by either end. */
  readonly heartbeatMs: number;
  /** HTTP: the request line and headers must arrive within this many ms, and a whole request within `requestMs`. */
  readonly timeouts: { readonly headersMs: number; readonly requestMs: number; readonly keepAliveMs: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function configFromEnv(env: NodeJS.ProcessEnv, root = process.cwd()): ServerConfig {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
    return value;
  };
  const url = env.DATABASE_URL;
  if (url && !/^postgres(ql)?:\/\//.test(url))
    throw new ConfigError(
      `DATABASE_URL must be a postgres:// address; it is "${url}". Leave it unset to use the embedded SQLite file.`,
    );
  const publicUrl = env.PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\/[^/]/.test(publicUrl))
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// address; it is "${publicUrl}".`);
  const authorKey = env.AUTHOR_KEY || undefined;
  if (authorKey && authorKey.length < 16)
    throw new ConfigError(
      'AUTHOR_KEY must be at least 16 characters, as hard to guess as a password: for example the output of `openssl rand -hex 16`. Leave it unset to keep saving from the studio off.',
    );
  const host = env.HOST || '127.0.0.1';
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, host);
  if (typeof trustProxy === 'string') throw new ConfigError(trustProxy);
  return {
    host,
    port: int('PORT', 4173, 0, 65535),
    database: url
      ? { kind: 'postgres', url }
      : { kind: 'sqlite', file: env.SQLITE_FILE || join(root, 'data', 'upstander.sqlite') },
    scenariosDir: env.SCENARIOS_DIR || join(root, 'scenarios'),
    authorKey,
    organisationFile: env.ORGANISATION_FILE || join(root, 'organisation.json'),
    appDir: join(root, 'dist'),
    publicUrl: publicUrl && (publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`),
    retentionDays: int('RETENTION_DAYS', 30, 1, 3650),
    defaultCap: int('SESSION_CAP', DEFAULT_PARTICIPANT_CAP, 1, MAX_PARTICIPANT_CAP),
    defaultMinReveal: int('MIN_REVEAL', DEFAULT_MIN_REVEAL, MIN_REVEAL_FLOOR, MAX_PARTICIPANT_CAP),
    wrongCodesPerMinute: int('WRONG_CODES_PER_MINUTE', 30, 1, 10_000),
    wrongCodesPerMinuteTotal: int('WRONG_CODES_PER_MINUTE_TOTAL', 600, 1, 100_000),
    joinsPerMinute: int('JOINS_PER_MINUTE', 1000, 1, 1_000_000),
    sessionsPerHour: int('SESSIONS_PER_HOUR', 60, 1, 100_000),
    trustProxy,
    connectionsPerAddress: int('CONNECTIONS_PER_ADDRESS', 500, 1, 1_000_000),
    heartbeatMs: int('HEARTBEAT_MS', 6000, 100, 60_000),
    // Generous enough for a server that is busy (its event loop late by seconds), short enough to free a socket.
    timeouts: { headersMs: 30_000, requestMs: 60_000, keepAliveMs: 5000 },
  };
}
