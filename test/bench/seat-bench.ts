import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionClient } from '../support/session-client.ts';
import { createSession, startServer } from '../support/session-server.ts';
import { budgets } from './budgets.ts';

/**
 * One connection, one seat, one vote: a client that hammers `join` (and `join` + `vote`) on one WebSocket
 * against the real server on loopback, with SQLite storage, beside honest phones on their own
 * connections. Budgets are printed and enforced; a miss fails the run.
 */
const JOINS = 30;
const CYCLES = 20;
const HONEST = 5;
const { check, finish } = budgets('seat');
const ms = (n: number) => `${n.toFixed(1)} ms`;

const server = await startServer({
  kind: 'sqlite',
  file: join(mkdtempSync(join(tmpdir(), 'upstander-seat-bench-')), 'bench.sqlite'),
});
const clients: SessionClient[] = [];
const connect = async () => {
  const client = await SessionClient.connect(server.url);
  clients.push(client);
  return client;
};

async function session(options: Record<string, unknown>) {
  const created = await createSession(server.url, { scenario: 'hand-on-the-back', timers: false, ...options });
  if (created.status !== 201) throw new Error(`Could not create a session: ${JSON.stringify(created.body)}`);
  const host = await connect();
  await host.request({ type: 'host', sessionId: created.body.sessionId, secret: created.body.secret });
  return { code: created.body.code, host };
}

try {
  // 30 joins on one connection, in a 30-seat room: then the other 29 seats must still be there.
  {
    const { code, host } = await session({ cap: JOINS });
    const tab = await connect();
    const t0 = performance.now();
    const replies = [];
    for (let i = 0; i < JOINS; i++) replies.push(await tab.request({ type: 'join', code }));
    const took = performance.now() - t0;
    const seats = new Set(replies.flatMap((r) => (r.type === 'welcome' ? [r.participantId] : [])));
    let admitted = 0;
    for (let i = 0; i < JOINS - 1; i++)
      if ((await (await connect()).request({ type: 'join', code })).type === 'welcome') admitted += 1;
    const room = await host.until((r) => r.joined >= seats.size + admitted);
    console.log(
      `${JOINS} joins on one connection in ${ms(took)}: ${seats.size} seat(s) held; then ${admitted} of ${JOINS - 1} phones got in; the room counts ${room.joined} joined`,
    );
    check(seats.size === 1, `one connection, ${JOINS} joins: exactly one seat (${seats.size})`);
    check(
      admitted === JOINS - 1 && room.joined === JOINS,
      `every other seat left for real phones (${admitted} of ${JOINS - 1})`,
    );
  }

  // 20 join + vote cycles on one connection, against 5 honest phones voting the other way.
  {
    const { code, host } = await session({ minReveal: HONEST });
    const honest: SessionClient[] = [];
    for (let i = 0; i < HONEST; i++) {
      const phone = await connect();
      await phone.request({ type: 'join', code });
      honest.push(phone);
    }
    await host.request({ type: 'start' });
    const tab = await connect();
    const t0 = performance.now();
    let acknowledged = 0;
    for (let i = 0; i < CYCLES; i++) {
      await tab.request({ type: 'join', code });
      const decision = (await tab.until((r) => r.phase === 'voting')).decision;
      if ((await tab.request({ type: 'vote', decision, choice: 'BACK_TO_EMAIL' })).type === 'voted') acknowledged += 1;
    }
    const took = performance.now() - t0;
    for (const phone of honest) await phone.request({ type: 'vote', decision: 0, choice: 'CATCH_SAMS_EYE' });
    await host.until((r) => r.voted === HONEST + 1);
    await host.request({ type: 'reveal' });
    const { tally } = await host.until((r) => r.phase === 'revealed');
    const counts = tally?.shown ? tally.counts : {};
    console.log(
      `${CYCLES} join+vote cycles on one connection in ${ms(took)} (${acknowledged} acknowledged): tally ${JSON.stringify(counts)}`,
    );
    check(
      counts.BACK_TO_EMAIL === 1,
      `one connection, ${CYCLES} join+vote cycles: exactly one vote (${counts.BACK_TO_EMAIL})`,
    );
    check(counts.CATCH_SAMS_EYE === HONEST, `the ${HONEST} honest votes all count (${counts.CATCH_SAMS_EYE})`);
  }
} finally {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
}
finish();
