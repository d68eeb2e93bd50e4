import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { LoadedScenario } from '../engine/load-scenario.types.ts';
import { sessionRequest } from '../protocol/messages.ts';
import { AddressLimiter } from './address-limiter.ts';
import type { ServerConfig } from './config.ts';
import type { Peer } from './peer.types.ts';
import { resultsCsv, sessionResults } from './results.ts';
import { RoomError } from './room-error.ts';
import { Rooms } from './rooms.ts';
import { secretMatches } from './secrets.ts';
import type { SessionStore } from './session-store.ts';
import { socketHandler } from './socket-handler.ts';

/** Beyond this the WebSocket itself is closed; below it, an oversized message gets an error reply. */
const HARD_FRAME_LIMIT = 256 * 1024;
/** Phones that stop answering pings are let go; they resume when they come back. */
const HEARTBEAT_MS = 30_000;
const MINUTE = 60_000;

export interface AppParts {
  readonly store: SessionStore;
  readonly catalogue: ReadonlyMap<string, LoadedScenario>;
  readonly config: ServerConfig;
  readonly now?: () => number;
}

/** The HTTP and WebSocket server: the built app, the session API and the rooms. */
export async function buildApp({
  store,
  catalogue,
  config,
  now = Date.now,
}: AppParts): Promise<{ app: FastifyInstance; rooms: Rooms }> {
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024, trustProxy: config.trustProxy });
  const rooms = new Rooms(store, catalogue, config, now);
  const limits = {
    wrongCodes: new AddressLimiter(config.wrongCodesPerMinute, MINUTE, now),
    joins: new AddressLimiter(config.joinsPerMinute, MINUTE, now),
  };
  const sessionsLimit = new AddressLimiter(config.sessionsPerHour, 60 * MINUTE, now);
  const log = (error: unknown) => console.error('upstander server:', error);

  await app.register(fastifyWebsocket, { options: { maxPayload: HARD_FRAME_LIMIT } });

  app.get('/api/health', async () => ({ ok: true }));

  /** Where phones should go to join: the public address if set, else this machine's address on the network. */
  app.get('/api/info', async (request) => ({ joinBase: config.publicUrl ?? joinBase(request.headers.host, config) }));

  app.post('/api/sessions', async (request, reply) => {
    if (!sessionsLimit.allowed(request.ip))
      return reply.code(429).send({ error: 'Too many sessions started from this network; try again later.' });
    const parsed = sessionRequest.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({
        error: `Not a session request: ${parsed.error.issues[0].message} at ${parsed.error.issues[0].path.join('.') || 'the top'}.`,
      });
    try {
      const created = await rooms.create(parsed.data);
      sessionsLimit.count(request.ip);
      return reply.code(201).send(created);
    } catch (error) {
      if (error instanceof RoomError) return reply.code(404).send({ error: error.message });
      throw error;
    }
  });

  /**
   * Results for the facilitator, as JSON or CSV, in words: `?format=csv|json`, `?lang=` a language the
   * scenario declares (else its own), `?posts=1` to include the #IWill posts shown on the wall. The
   * secret goes in the Authorization header, never the URL.
   */
  app.get<{ Params: { id: string }; Querystring: { format?: string; lang?: string; posts?: string } }>(
    '/api/sessions/:id/results',
    async (request, reply) => {
      const secret = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const stored = await store.loadRoom(request.params.id).catch(() => undefined);
      if (!stored || !secret || !secretMatches(secret, stored.room.hostHash))
        return reply.code(404).send({ error: 'No such session, or not yours.' });
      const scenario = catalogue.get(stored.room.scenarioId);
      if (!scenario) return reply.code(410).send({ error: 'This session’s scenario is no longer offered.' });
      const { format, lang, posts } = request.query;
      if ((format && format !== 'csv' && format !== 'json') || (lang && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)))
        return reply
          .code(400)
          .send({ error: 'Ask for format=csv or format=json, and lang as a language tag such as es.' });
      let results: ReturnType<typeof sessionResults>;
      try {
        results = sessionResults(
          stored,
          scenario,
          await store.participantCount(stored.room.id),
          await store.voteTimings(stored.room.id),
          { language: lang, posts: posts === '1' || posts === 'true' },
        );
      } catch {
        return reply.code(409).send({ error: 'This session no longer matches its scenario, which has changed since.' });
      }
      const name = `upstander-${stored.room.scenarioId}-${stored.room.code}`;
      if (format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(resultsCsv(results));
      }
      return reply.header('content-disposition', `attachment; filename="${name}.json"`).send(results);
    },
  );

  app.get('/api/ws', { websocket: true }, (socket, request) => {
    const peer: Peer = { send: (data) => socket.readyState === socket.OPEN && socket.send(data) };
    const handler = socketHandler(rooms, limits, request.ip, peer, log);
    // One message at a time per connection, in order: a vote sent right after joining finds the room joined.
    let inOrder = Promise.resolve();
    socket.on('message', (data: Buffer) => {
      inOrder = inOrder.then(() => handler.message(data)).catch(log);
    });
    let alive = true;
    socket.on('pong', () => {
      alive = true;
    });
    const heartbeat = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, HEARTBEAT_MS);
    socket.on('close', () => {
      clearInterval(heartbeat);
      handler.close();
    });
    socket.on('error', log);
  });

  if (config.appDir && existsSync(config.appDir)) {
    await app.register(fastifyStatic, { root: config.appDir, index: 'index.html' });
  }

  // Retention (and unloading idle rooms) runs at start and every ten minutes.
  const sweep = () => rooms.sweep().catch(log);
  await sweep();
  const sweeper = setInterval(sweep, 10 * MINUTE);
  sweeper.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    rooms.dispose();
  });
  return { app, rooms };
}

function joinBase(hostHeader: string | undefined, config: ServerConfig): string {
  // URL parses host and port, IPv6 addresses in brackets included; a Host header that is not one is ignored.
  const fallback = `http://${config.host}:${config.port}/`;
  const opened = URL.canParse(`http://${hostHeader}/`) ? new URL(`http://${hostHeader}/`) : new URL(fallback);
  const port = opened.port || String(config.port);
  // Opened on this machine as localhost: phones need the machine's address on the network instead.
  if (['localhost', '127.0.0.1', '[::1]'].includes(opened.hostname)) {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (lan && config.host !== '127.0.0.1') return `http://${lan.address}:${port}/`;
  }
  return opened.href;
}
