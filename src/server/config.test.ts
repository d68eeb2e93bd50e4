import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';

describe('configFromEnv', () => {
  it('works with nothing set: SQLite under data/, loopback, 30 days, at least 5 votes before a spread', () => {
    const config = configFromEnv({}, '/app');
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4173, retentionDays: 30, defaultMinReveal: 5 });
    expect(config.database).toEqual({ kind: 'sqlite', file: '/app/data/upstander.sqlite' });
  });

  it('uses PostgreSQL when DATABASE_URL names it', () => {
    expect(configFromEnv({ DATABASE_URL: 'postgres://u:p@db/x' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db/x',
    });
  });

  it('says what is wrong with a bad setting, never starting half-configured', () => {
    expect(() => configFromEnv({ MIN_REVEAL: '2' })).toThrow(
      'MIN_REVEAL must be a whole number from 3 to 10000; it is "2".',
    );
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow('PORT must be a whole number');
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL must be a postgres:// address');
  });
});
