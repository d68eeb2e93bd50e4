import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../src/protocol/limits.ts';
import { configFromEnv } from '../../src/server/config.ts';
import { SessionClient } from '../support/session-client.ts';
import { createSession, startServer, testDatabases } from '../support/session-server.ts';
import { budgets } from './budgets.ts';

/**
 * A school's network: a class behind one address, and guessers. The real server (SQLite, default
 * limits) on loopback, `ws` clients; guessers on other loopback addresses (127.0.0.x) stand for other
 * networks. The guessers' rates are measured over simulated time (the server's clock is the
 * benchmark's, advanced a second per step), so an hour of guessing takes seconds; the expected time to
 * hit one of 50 live sessions follows from the measured rate and the code space. Budgets fail the run.
 */
const BUDGET = { oneAddressDays: 30, allAddressesDays: 7 };
const LIVE_SESSIONS = 50;
const CODE_SPACE = JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH;
const { check, finish } = budgets('school network');
const defaults = configFromEnv({});

const randomCode = () =>
  Array.from(
    { length: JOIN_CODE_LENGTH },
    () => JOIN_CODE_ALPHABET[Math.floor(Math.random() * JOIN_CODE_ALPHABET.length)],
  ).join('');
/** Expected days to the first hit at `perMinute` checked guesses: each hits with probability 50 / code space. */
const daysToHit = (perMinute: number) => CODE_SPACE / LIVE_SESSIONS / perMinute / 60 / 24;

async function classBehindOneAddress() {
  const server = await startServer(testDatabases()[0].target());
  const { body } = await createSession(server.url, { scenario: 'hand-on-the-back', timers: false });
  const host = await SessionClient.connect(server.url);
  await host.request({ type: 'host', sessionId: body.sessionId, secret: body.secret });
  const started = performance.now();
  const phones = await Promise.all(Array.from({ length: 60 }, () => SessionClient.connect(server.url)));
  const replies = await Promise.all(
    phones.map(async (phone, i) => {
      // Every sixth phone mistypes first (10 of 60), then types what is on the screen.
      if (i % 6 === 0) await phone.request({ type: 'join', code: randomCode() });
      return phone.request({ type: 'join', code: body.code });
    }),
  );
  const joinedMs = performance.now() - started;
  const welcomed = replies.filter((r) => r.type === 'welcome').length;
  await host.until((r) => r.joined === welcomed);
  console.log(`a class of 60 behind one address, 10 mistyping first: ${welcomed} joined in ${joinedMs.toFixed(0)} ms`);
  const limited = replies.filter((r) => r.type === 'error' && r.code === 'rate-limited').length;
  check(
    welcomed === 60 && limited === 0,
    `class of 60 behind one address: all in, none held back (${limited} rate-limited)`,
  );
  await Promise.all([host, ...phones].map((c) => c.close()));
  await server.close();
}

/**
 * `addresses` guessers, each trying `perStep` random codes every simulated second for `minutes`,
 * against a server with 50 live sessions. Returns checked guesses per simulated minute (all addresses
 * together, the burst included) and any hits.
 */
async function guessing(addresses: number, perStep: number, minutes: number) {
  let clock = Date.now();
  const server = await startServer(testDatabases()[0].target(), {}, () => clock);
  for (let i = 0; i < LIVE_SESSIONS; i++) await createSession(server.url, { scenario: 'hand-on-the-back' });
  const guessers = await Promise.all(
    Array.from({ length: addresses }, (_, i) =>
      SessionClient.connect(server.url, { localAddress: `127.0.0.${10 + i}` }),
    ),
  );
  let checked = 0;
  let hits = 0;
  for (let second = 0; second < minutes * 60; second++) {
    await Promise.all(
      guessers.map(async (guesser) => {
        for (let k = 0; k < perStep; k++) {
          const reply = await guesser.request({ type: 'join', code: randomCode() });
          if (reply.type === 'welcome') hits++;
          if (reply.type === 'welcome' || (reply.type === 'error' && reply.code === 'unknown-code')) checked++;
        }
      }),
    );
    clock += 1000;
  }
  await Promise.all(guessers.map((g) => g.close()));
  await server.close();
  return { perMinute: checked / minutes, hits, tried: addresses * perStep * minutes * 60 };
}

await classBehindOneAddress();

const one = await guessing(1, 2, 60);
console.log(
  `one address guessing 120 codes a minute for an hour (simulated): ${one.tried} tried, ${(one.perMinute * 60).toFixed(0)} checked, ${one.hits} hits → ${one.perMinute.toFixed(1)} checked a minute (WRONG_CODES_PER_MINUTE=${defaults.wrongCodesPerMinute})`,
);
const oneDays = daysToHit(one.perMinute);
console.log(
  `expected time for one address to hit one of ${LIVE_SESSIONS} live sessions (${CODE_SPACE.toLocaleString('en')} codes): ${oneDays.toFixed(0)} days`,
);
check(
  oneDays >= BUDGET.oneAddressDays,
  `one guessing address: expected time to a hit at least ${BUDGET.oneAddressDays} days`,
);

const many = await guessing(40, 1, 20);
console.log(
  `40 addresses guessing 60 codes a minute each for 20 minutes (simulated): ${many.tried} tried, ${(many.perMinute * 20).toFixed(0)} checked, ${many.hits} hits → ${many.perMinute.toFixed(1)} checked a minute in all (WRONG_CODES_PER_MINUTE_TOTAL=${defaults.wrongCodesPerMinuteTotal})`,
);
const manyDays = daysToHit(many.perMinute);
console.log(
  `expected time for guessers on any number of addresses to hit one of ${LIVE_SESSIONS}: ${manyDays.toFixed(1)} days`,
);
check(
  manyDays >= BUDGET.allAddressesDays,
  `guessers on many addresses: expected time to a hit at least ${BUDGET.allAddressesDays} days`,
);

finish();
