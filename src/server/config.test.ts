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

  it('believes forwarded addresses only from the proxies TRUST_PROXY names, never from everyone', () => {
    expect(configFromEnv({}).trustProxy).toEqual({ kind: 'none' });
    expect(configFromEnv({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16, loopback' }).trustProxy).toEqual({
      kind: 'addresses',
      addresses: ['10.0.0.5', '192.168.0.0/16', 'loopback'],
    });
    // A bare number is a hop count, not "true": one proxy, and only while nobody else can connect.
    expect(configFromEnv({ TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 });
    expect(() => configFromEnv({ TRUST_PROXY: '1', HOST: '0.0.0.0' })).toThrow(
      /hop count: it believes whoever connects/,
    );
    for (const everyone of ['true', '*', '0.0.0.0/0', '::/0', '10.0.0.1,all'])
      expect(() => configFromEnv({ TRUST_PROXY: everyone })).toThrow(/would believe everyone/);
    expect(() => configFromEnv({ TRUST_PROXY: 'proxy.local' })).toThrow('"proxy.local" is not an address');
  });

  it('refuses a PUBLIC_URL that is not an http(s) address, and ends the one it takes with a slash', () => {
    expect(configFromEnv({ PUBLIC_URL: 'https://school.example/upstander' }).publicUrl).toBe(
      'https://school.example/upstander/',
    );
    expect(() => configFromEnv({ PUBLIC_URL: 'school.example' })).toThrow('PUBLIC_URL must be an http');
  });
});
