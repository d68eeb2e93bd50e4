import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { LoadedOrganisation } from '../cli/organisation-file.ts';
import { sessionRequest } from '../protocol/messages.ts';
import { AddressLimiter, addressKey } from './address-limiter.ts';
import type { ServerConfig } from './config.ts';
import { ConnectionCap } from './connection-cap.ts';
import { joinBaseFor } from './join-base.ts';
import type { Peer } from './peer.types.ts';
import { resultsCsv, sessionResults } from './results.ts';
import { RoomError } from './room-error.ts';
import { Rooms } from './rooms.ts';
import type { ScenarioShelf } from './scenario-shelf.ts';
import { hashSecret, secretMatches } from './secrets.ts';
import type { SessionStore } from './session-store.ts';
import { socketHandler } from './socket-handler.ts';
import { fromTrustedProxy, type TrustFunction, trustFunction } from './trust-proxy.ts';

/** Beyond this the WebSocket itself is closed; below it, an oversized message gets an error reply. */
const HARD_FRAME_LIMIT = 256 * 1024;
const MINUTE = 60_000;
/** Wrong author keys an address may send in a minute: guessing a 16-character key stays out of reach. */
const WRONG_AUTHOR_KEYS_PER_MINUTE = 10;
/** The largest scenario the studio can save, in bytes (the largest shipped one is about 42 KB). */
const MAX_SCENARIO_BYTES = 1024 * 1024;

export interface AppParts {
  readonly store: SessionStore;
  /** The scenarios folder, read at start and kept current (`ScenarioShelf`): the library and sessions use it. */
  readonly shelf: ScenarioShelf;
  readonly config: ServerConfig;
  /** The organisation file read at start; without one, /api/organisation answers 404 and the app shows its shipped example. */
  readonly organisation?: LoadedOrganisation;
  readonly now?: () => number;
}

/** The HTTP and WebSocket server: the built app, the session API and the rooms. */
export async function buildApp({
  store,
  shelf,
  config,
  organisation,
  now = Date.now,
}: AppParts): Promise<{ app: FastifyInstance; rooms: Rooms }> {
  const trust = trustFunction(config.trustProxy);
  const { headersMs, requestMs, keepAliveMs } = config.timeouts;
  const app = Fastify({
    logger: false,
    bodyLimit: 16 * 1024,
    trustProxy: trust,
    // A request must arrive whole and in time; half-sent ones are closed, checked every second.
    serverFactory: (handler) => {
      const server = createServer(
        {
          headersTimeout: headersMs,
          requestTimeout: requestMs,
          connectionsCheckingInterval: Math.min(1000, headersMs),
        },
        handler,
      );
      server.keepAliveTimeout = keepAliveMs;
      return server;
    },
  });
  const { catalogue } = shelf;
  const rooms = new Rooms(store, catalogue, config, now);
  const limits = {
    wrongCodes: new AddressLimiter(config.wrongCodesPerMinute, MINUTE, now),
    wrongCodesTotal: new AddressLimiter(config.wrongCodesPerMinuteTotal, MINUTE, now),
    joins: new AddressLimiter(config.joinsPerMinute, MINUTE, now),
  };
  const sessionsLimit = new AddressLimiter(config.sessionsPerHour, 60 * MINUTE, now);
  const log = (error: unknown) => console.error('upstander server:', error);
  capConnections(app, new ConnectionCap(config.connectionsPerAddress), trust);
  const wsCap = new ConnectionCap(config.connectionsPerAddress);

  await app.register(fastifyWebsocket, { options: { maxPayload: HARD_FRAME_LIMIT } });

  app.get('/api/health', async () => ({ ok: true }));
  serveScenarios(app, shelf, config.authorKey, new AddressLimiter(WRONG_AUTHOR_KEYS_PER_MINUTE, MINUTE, now));

  serveOrganisation(app, organisation);

  /** Where phones should go to join (see `joinBaseFor`). */
  app.get('/api/info', async (request) => ({ joinBase: joinBaseFor(request, config, trust) }));

  app.post('/api/sessions', async (request, reply) => {
    if (!sessionsLimit.allowed(addressKey(request.ip)))
      return reply.code(429).send({ error: 'Too many sessions started from this network; try again later.' });
    const parsed = sessionRequest.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({
        error: `Not a session request: ${parsed.error.issues[0].message} at ${parsed.error.issues[0].path.join('.') || 'the top'}.`,
      });
    try {
      const created = await rooms.create(parsed.data);
      sessionsLimit.count(addressKey(request.ip));
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

  app.route({
    method: 'GET',
    url: '/api/ws',
    // Reached without the WebSocket upgrade: a proxy in front dropped it. Say so, for the views to explain.
    handler: async (_request, reply) =>
      reply.code(426).send({
        error: 'upgrade-missing',
        message:
          'This is the realtime (WebSocket) address, but the request arrived without its Upgrade header: a proxy in front of the server must pass "Upgrade" and "Connection: upgrade".',
      }),
    wsHandler: (socket, request) => {
      const client = addressKey(request.ip);
      // Behind a trusted proxy all sockets come from the proxy: cap them by the client it names.
      const capped = fromTrustedProxy(trust, request.socket.remoteAddress);
      if (capped && !wsCap.admit(client)) return socket.close(1013, 'Too many connections from this network.');
      let lastSent = Date.now();
      const peer: Peer = {
        send: (data) => {
          if (socket.readyState !== socket.OPEN) return;
          lastSent = Date.now();
          // Text, bytes or not: the phones read JSON from text frames (a browser hands binary ones over as a Blob).
          socket.send(data, { binary: false });
        },
      };
      const handler = socketHandler(rooms, limits, client, peer, log);
      // One message at a time per connection, in order: a vote sent right after joining finds the room joined.
      let inOrder = Promise.resolve();
      socket.on('message', (data: Buffer) => {
        inOrder = inOrder.then(() => handler.message(data)).catch(log);
      });
      // Both ends notice a dead line: the server pings (a connection that misses a pong is cut), and the
      // client hears a heartbeat whenever the line has been quiet, so its watchdog can tell silence from death.
      const beat = JSON.stringify({ type: 'heartbeat', everyMs: config.heartbeatMs });
      peer.send(beat);
      let alive = true;
      socket.on('pong', () => {
        alive = true;
      });
      // The ping and the heartbeat leave in one write (the line is corked between them): with thousands of
      // phones, these writes are most of what a quiet room costs the server.
      const line = request.raw.socket;
      const heartbeat = setInterval(() => {
        if (!alive) return socket.terminate();
        alive = false;
        line.cork();
        socket.ping();
        if (Date.now() - lastSent >= config.heartbeatMs / 2) peer.send(beat);
        line.uncork();
      }, config.heartbeatMs);
      socket.on('close', () => {
        clearInterval(heartbeat);
        if (capped) wsCap.release(client);
        handler.close();
      });
      socket.on('error', log);
    },
  });

  if (config.appDir && existsSync(config.appDir)) {
    await app.register(fastifyStatic, {
      root: config.appDir,
      // A list, not a string: with `preCompressed`, a string index is never found.
      index: ['index.html'],
      // The build writes .br and .gz beside each file; the browser gets the one it accepts.
      preCompressed: true,
      // Files under assets/ carry a content hash in their name: they never change, so they are kept a year.
      // Everything else (index.html above all) is checked with the server each time.
      cacheControl: false,
      setHeaders: (res, path) => {
        res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
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

/**
 * `GET /api/organisation`: the organisation file as read at start, its logo file (if any) given as
 * `api/organisation/logo` (relative to the app), which serves the image. An SVG logo is an image only:
 * its own page may run nothing (CSP sandbox) and is never sniffed as another type.
 */
function serveOrganisation(app: FastifyInstance, loaded: LoadedOrganisation | undefined) {
  const missing = { error: 'This server was started without an organisation file.' };
  const body = loaded && {
    ...loaded.organisation,
    ...(loaded.logo ? { logo: 'api/organisation/logo' } : {}),
  };
  app.get('/api/organisation', async (_request, reply) =>
    body ? reply.header('cache-control', 'no-cache').send(body) : reply.code(404).send(missing),
  );
  app.get('/api/organisation/logo', async (_request, reply) => {
    if (!loaded?.logo) return reply.code(404).send({ error: 'The organisation has no logo file.' });
    return reply
      .header('content-type', loaded.logo.type)
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .send(loaded.logo.bytes);
  });
}

/**
 * Each client address holds at most its share of the server's sockets: a connection beyond it is closed
 * at once. A trusted proxy's connections carry many clients and are not counted here (their WebSockets
 * are, by the client the proxy names).
 */
function capConnections(app: FastifyInstance, cap: ConnectionCap, trust: TrustFunction | false) {
  app.server.on('connection', (socket) => {
    if (fromTrustedProxy(trust, socket.remoteAddress)) return;
    const key = addressKey(socket.remoteAddress ?? '');
    if (!cap.admit(key)) return socket.destroy();
    socket.once('close', () => cap.release(key));
  });
}

/**
 * The scenarios the server holds, for the library (`GET /api/library`: every valid scenario's summary
 * and revision) and the player (`GET /api/scenarios/<id>`), and the studio's save (`GET /api/author`:
 * `{ saving }`, whether this server takes saves at all; `PUT /api/scenarios`,
 * body `{ "text": "<the file>" }`, header `Authorization: Bearer <AUTHOR_KEY>`): 200 `{ id, replaced }`
 * once saved; 422 `{ error, problems }` with the checker's lines when the scenario is refused; 401 for a
 * wrong key, 429 after too many from one address, 403 when the server has no author key. Nothing
 * refused is written.
 */
function serveScenarios(
  app: FastifyInstance,
  shelf: ScenarioShelf,
  authorKey: string | undefined,
  wrongKeys: AddressLimiter,
) {
  // Compared as SHA-256 digests, in constant time, like the facilitators' secrets.
  const keyHash = authorKey === undefined ? undefined : hashSecret(authorKey);
  app.get('/api/library', async () => ({ entries: shelf.entries() }));
  // Whether the studio's Save can work here, so it says so before an author types a key.
  app.get('/api/author', async () => ({ saving: keyHash !== undefined }));
  app.get<{ Params: { id: string } }>('/api/scenarios/:id', async (request, reply) => {
    const loaded = shelf.catalogue.get(request.params.id);
    if (!loaded) return reply.code(404).send({ error: 'This server holds no scenario with that id.' });
    return { scenario: loaded.scenario };
  });
  app.put<{ Body: unknown }>('/api/scenarios', { bodyLimit: MAX_SCENARIO_BYTES }, async (request, reply) => {
    if (!keyHash)
      return reply.code(403).send({
        error:
          'Saving to this server is turned off. Download the file instead, or ask whoever runs the server to set AUTHOR_KEY.',
      });
    const address = addressKey(request.ip);
    if (!wrongKeys.allowed(address))
      return reply.code(429).send({
        error: `Too many wrong author keys from this network: try again in ${Math.ceil(wrongKeys.retryAfterMs(address) / 1000)} s.`,
      });
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!secretMatches(given, keyHash)) {
      wrongKeys.count(address);
      return reply.code(401).send({ error: 'That author key is not this server’s: check it and try again.' });
    }
    const text = (request.body as { text?: unknown } | null)?.text;
    if (typeof text !== 'string')
      return reply.code(400).send({ error: 'Send the scenario as { "text": "<the file>" }.' });
    let saved: ReturnType<ScenarioShelf['save']>;
    try {
      saved = shelf.save(text);
    } catch (error) {
      // A disk full, a folder not writable: said without the server's paths, logged with them.
      console.error('upstander server: a scenario could not be saved:', error);
      return reply.code(500).send({ error: 'The server could not write the file; nothing was changed.' });
    }
    if (!saved.ok)
      return reply
        .code(422)
        .send({ error: 'The scenario has problems, so it was not saved.', problems: saved.problems });
    return { id: saved.id, replaced: saved.replaced };
  });
  app.addHook('onClose', async () => shelf.close());
}
