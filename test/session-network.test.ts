import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientOptions } from 'ws';
import type { ServerConfig } from '../src/server/config.ts';
import type { DatabaseTarget } from '../src/server/db/database.ts';
import { httpRequest } from './support/http-request.ts';
import { freePort } from './support/nginx.ts';
import { ROOT } from './support/scenario-files.ts';
import { SessionClient } from './support/session-client.ts';
import { createSession, resetDatabase, startServer, testDatabases } from './support/session-server.ts';
import { TcpProxy } from './support/tcp-proxy.ts';

const sqlite = testDatabases()[0];
const clients: SessionClient[] = [];
const servers: { close(): Promise<unknown> }[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(target: DatabaseTarget, overrides: Partial<ServerConfig> = {}, now?: () => number) {
  const server = await startServer(target, overrides, now);
  servers.push(server);
  return server;
}

const connect = async (url: string, options?: ClientOptions) => {
  const client = await SessionClient.connect(url, options);
  clients.push(client);
  return client;
};

async function session(url: string) {
  const created = await createSession(url, { scenario: 'hand-on-the-back', timers: false });
  expect(created.status).toBe(201);
  const { sessionId, code, secret } = created.body;
  const host = await connect(url);
  expect((await host.request({ type: 'host', sessionId, secret })).type).toBe('welcome');
  return { sessionId, code, host };
}

/** A code in the alphabet that no session has (codes never use 0, 1, O, I, L, U or V). */
const wrongCode = (i: number) => `ZZ${'23456789ABCDEFGH'[Math.floor(i / 16) % 16]}${'23456789ABCDEFGH'[i % 16]}ZZ`;

const until = async (test: () => boolean, timeoutMs: number) => {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
};

describe('a connection that dies without closing', () => {
  it('is cut by the server within two heartbeats, and a quiet line still hears a heartbeat', async () => {
    const server = await serve(sqlite.target(), { heartbeatMs: 200 });
    const { code, host } = await session(server.url);
    const proxy = await TcpProxy.start(server.url);
    servers.push(proxy);
    const phone = await connect(proxy.url);
    expect(await phone.request({ type: 'join', code })).toMatchObject({ type: 'welcome' });
    await host.until((r) => r.joined === 1);

    // Idle, the line is never silent for long: the client's watchdog can tell a quiet room from a dead line.
    const quiet = host.received.length;
    await host.waitFor((m) => m.type === 'heartbeat', 2 * 200 + 100);
    expect(host.received.slice(quiet).every((m) => m.type === 'heartbeat')).toBe(true);
    expect(phone.received[0]).toEqual({ type: 'heartbeat', everyMs: 200 });

    // The network dies: nothing is forwarded, nothing is closed. The server lets the phone go.
    proxy.freeze();
    const frozenAt = Date.now();
    await until(() => proxy.ended.length === 1, 2000);
    // Two beats, and some slack for a busy machine's timers.
    expect(proxy.ended[0] - frozenAt).toBeLessThanOrEqual(2 * 200 + 300);
    phone.ws.terminate();
  });
});

describe.each(testDatabases())('a school network on $name', ({ target: makeTarget }) => {
  let target: DatabaseTarget;
  beforeAll(async () => {
    target = makeTarget();
    await resetDatabase(target);
  });

  it('lets one address type 20 wrong codes and then the right one, and still shows the projector', async () => {
    const server = await serve(target);
    const { code } = await session(server.url);
    const phone = await connect(server.url);
    for (let i = 0; i < 20; i++)
      expect(await phone.request({ type: 'join', code: wrongCode(i) })).toMatchObject({ code: 'unknown-code' });
    expect(await phone.request({ type: 'join', code })).toMatchObject({ type: 'welcome', role: 'participant' });
    const projector = await connect(server.url);
    expect(await projector.request({ type: 'watch', code })).toMatchObject({ type: 'welcome', role: 'presenter' });
  });

  it('lets a class of 60 behind one address in, 10 of them mistyping the code first', async () => {
    const server = await serve(target);
    const { code, host } = await session(server.url);
    const phones = await Promise.all(Array.from({ length: 60 }, () => connect(server.url)));
    const replies = await Promise.all(
      phones.map(async (phone, i) => {
        if (i % 6 === 0)
          expect(await phone.request({ type: 'join', code: wrongCode(i) })).toMatchObject({ code: 'unknown-code' });
        return phone.request({ type: 'join', code });
      }),
    );
    expect(replies.filter((r) => r.type === 'welcome')).toHaveLength(60);
    await host.until((r) => r.joined === 60);
  });

  it('gives a guesser one minute’s burst, then one check per interval; the right code waits too, the QR link does not', async () => {
    let clock = 1_000_000;
    const server = await serve(target, { wrongCodesPerMinute: 30 }, () => clock);
    const { code, sessionId } = await session(server.url);
    const guesser = await connect(server.url);
    const replies = [];
    for (let i = 0; i < 32; i++)
      replies.push((await guesser.request({ type: 'join', code: wrongCode(i) })) as { code?: string });
    expect(replies.map((r) => r.code)).toEqual([...Array(30).fill('unknown-code'), 'rate-limited', 'rate-limited']);
    // No answer beyond the limit, right or wrong: a spent budget is no oracle.
    expect(await guesser.request({ type: 'join', code })).toMatchObject({ code: 'rate-limited' });
    expect(await guesser.request({ type: 'watch', code })).toMatchObject({ code: 'rate-limited' });
    // The QR code's link (and the console's link to the projector) names the session: no guess, no wait.
    expect(await (await connect(server.url)).request({ type: 'join', code, sessionId })).toMatchObject({
      type: 'welcome',
    });
    expect(await (await connect(server.url)).request({ type: 'watch', code, sessionId })).toMatchObject({
      type: 'welcome',
    });
    // A session id with another session's code is just a typed code.
    expect(await guesser.request({ type: 'join', code: wrongCode(40), sessionId })).toMatchObject({
      code: 'rate-limited',
    });
    // Two seconds later (a minute / 30), one more check: the right code gets in, and costs nothing.
    clock += 2000;
    expect(await guesser.request({ type: 'join', code })).toMatchObject({ type: 'welcome' });
    expect(await guesser.request({ type: 'join', code: wrongCode(41) })).toMatchObject({ code: 'unknown-code' });
    expect(await guesser.request({ type: 'join', code: wrongCode(42) })).toMatchObject({ code: 'rate-limited' });
  });

  it('holds guessers on many addresses to the server’s total', async () => {
    const server = await serve(target, { wrongCodesPerMinute: 10, wrongCodesPerMinuteTotal: 15 }, () => 5_000_000);
    const a = await connect(server.url, { localAddress: '127.0.0.2' });
    const b = await connect(server.url, { localAddress: '127.0.0.3' });
    const codes = async (client: SessionClient, n: number, from: number) => {
      const out = [];
      for (let i = 0; i < n; i++)
        out.push(((await client.request({ type: 'join', code: wrongCode(from + i) })) as { code?: string }).code);
      return out;
    };
    expect(await codes(a, 11, 0)).toEqual([...Array(10).fill('unknown-code'), 'rate-limited']);
    expect(await codes(b, 6, 20)).toEqual([...Array(5).fill('unknown-code'), 'rate-limited']);
    const last = b.received.at(-1) as { message?: string };
    expect(last.message).toContain('on this server');
  });
});

describe('TRUST_PROXY', () => {
  it('believes X-Forwarded-For only from the proxies it names: rotating it from anyone else escapes no limit', async () => {
    const server = await serve(sqlite.target(), {
      trustProxy: { kind: 'addresses', addresses: ['127.0.0.1'] },
      wrongCodesPerMinute: 5,
      sessionsPerHour: 2,
    });
    let n = 0;
    const forwardedFor = () => ({ 'x-forwarded-for': `203.0.113.${++n}` });
    // From 127.0.0.2, not a trusted proxy: every guess comes from 127.0.0.2, whatever it claims.
    const codes = [];
    for (let i = 0; i < 7; i++) {
      const guesser = await connect(server.url, { localAddress: '127.0.0.2', headers: forwardedFor() });
      codes.push(((await guesser.request({ type: 'join', code: wrongCode(i) })) as { code?: string }).code);
    }
    expect(codes).toEqual([...Array(5).fill('unknown-code'), 'rate-limited', 'rate-limited']);
    const started = [];
    for (let i = 0; i < 3; i++)
      started.push(
        (
          await httpRequest(new URL('api/sessions', server.url).href, {
            method: 'POST',
            localAddress: '127.0.0.2',
            headers: { 'content-type': 'application/json', ...forwardedFor() },
            body: JSON.stringify({ scenario: 'hand-on-the-back' }),
          })
        ).status,
      );
    expect(started).toEqual([201, 201, 429]);
    // From the trusted proxy, each forwarded client has a budget of its own.
    for (const client of ['198.51.100.1', '198.51.100.2']) {
      const phone = await connect(server.url, { headers: { 'x-forwarded-for': client } });
      for (let i = 0; i < 5; i++)
        expect(await phone.request({ type: 'join', code: wrongCode(i) })).toMatchObject({ code: 'unknown-code' });
      expect(await phone.request({ type: 'join', code: wrongCode(9) })).toMatchObject({ code: 'rate-limited' });
    }
  });
});

describe('behind a reverse proxy', () => {
  const forwarded = {
    'x-forwarded-for': '198.51.100.7',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'school.example',
    'x-forwarded-prefix': '/upstander',
  };

  it('derives the join address from a trusted proxy’s forwarded prefix, and never guesses from an untrusted one', async () => {
    const server = await serve(sqlite.target(), { trustProxy: { kind: 'addresses', addresses: ['127.0.0.1'] } });
    const info = (localAddress: string, headers: Record<string, string> = forwarded) =>
      httpRequest(new URL('api/info', server.url).href, { localAddress, headers }).then((r) => JSON.parse(r.body));
    expect(await info('127.0.0.1')).toEqual({ joinBase: 'https://school.example/upstander/' });
    // A proxy not named in TRUST_PROXY: the server cannot know the public address, so it says so.
    expect(await info('127.0.0.2')).toEqual({ joinBase: null });
    expect(await info('127.0.0.1', { ...forwarded, 'x-forwarded-prefix': '/a b"<' })).toEqual({ joinBase: null });
    const configured = await serve(sqlite.target(), { publicUrl: 'https://vote.example/room/' });
    const direct = await httpRequest(new URL('api/info', configured.url).href, { headers: forwarded });
    expect(JSON.parse(direct.body)).toEqual({ joinBase: 'https://vote.example/room/' });
  });

  it('answers a realtime request that lost its upgrade with 426 and what to fix', async () => {
    const server = await serve(sqlite.target());
    const plain = await httpRequest(new URL('api/ws', server.url).href);
    expect(plain.status).toBe(426);
    expect(JSON.parse(plain.body)).toMatchObject({
      error: 'upgrade-missing',
      message: expect.stringContaining('Upgrade'),
    });
  });
});

/** A raw TCP connection from `localAddress` that sends `text` and waits; resolves when the server closes it. */
function slowRequest(url: string, text: string, localAddress = '127.0.0.1') {
  const { port } = new URL(url);
  const socket = new Socket();
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  socket.on('error', () => {});
  socket.resume();
  socket.connect({ port: Number(port), host: '127.0.0.1', localAddress }, () => socket.write(text));
  return { socket, closed };
}

describe('slow and piled-up connections', () => {
  it('times out half-sent headers and half-sent bodies', async () => {
    const server = await serve(sqlite.target(), { timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 300 } });
    const start = Date.now();
    const headers = slowRequest(server.url, 'GET /api/health HTTP/1.1\r\nHost: x\r\n');
    const body = slowRequest(
      server.url,
      'POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"sc',
    );
    expect((await headers.closed) - start).toBeLessThan(300 + 1000 + 300);
    expect((await body.closed) - start).toBeLessThan(600 + 1000 + 300);
  });

  it('keeps new phones coming in while one address holds 1,100 slow connections, under a 1,024 file limit', {
    timeout: 60_000,
  }, async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(
      'prlimit',
      ['--nofile=1024:1024', process.execPath, '--import', 'tsx', 'src/server/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'upstander-fd-')), 'fd.sqlite'),
          CONNECTIONS_PER_ADDRESS: '500',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    servers.push({ close: async () => child.kill('SIGKILL') });
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d) => String(d).includes('running at') && resolve());
      child.once('exit', (c) => reject(new Error(`The server exited with ${c}`)));
    });
    const url = `http://127.0.0.1:${port}/`;
    const slow = Array.from({ length: 1100 }, () => slowRequest(url, 'GET /api/health HTTP/1.1\r\nHost: x\r\n'));
    // Beyond its 500, the address's connections are closed as they come, long before the 30 s headers timeout.
    let closed = 0;
    for (const s of slow) s.closed.then(() => closed++);
    expect(await until(() => closed >= 600, 20_000)).toBeLessThan(20_000);
    // A facilitator and a phone on other networks still get in.
    const created = await httpRequest(new URL('api/sessions', url).href, {
      method: 'POST',
      localAddress: '127.0.0.3',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'hand-on-the-back' }),
    });
    expect(created.status).toBe(201);
    const { code } = JSON.parse(created.body);
    const phone = await connect(url, { localAddress: '127.0.0.2' });
    expect(await phone.request({ type: 'join', code })).toMatchObject({ type: 'welcome' });
    for (const s of slow) s.socket.destroy();
  });
});
