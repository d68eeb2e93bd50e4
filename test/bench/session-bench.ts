import { type ChildProcess, fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadScenarioFile } from '../../src/cli/scenario-files.ts';
import type { SessionCreated } from '../../src/protocol/messages.ts';
import { type DatabaseTarget, openDatabase } from '../../src/server/db/database.ts';
import { SessionStore } from '../../src/server/session-store.ts';
import { storedWithEvents } from '../../src/server/stored-choices.ts';
import { ROOT } from '../support/scenario-files.ts';
import { SessionClient } from '../support/session-client.ts';
import { createSession, resetDatabase } from '../support/session-server.ts';
import { budgets, quantile } from './budgets.ts';
import { closeAll, joinPhones, revealAndCheck, voteAll } from './phones.ts';
import type { PhonesCommand, RevealResult, VotesResult } from './phones-process.ts';

/**
 * Group-session benchmarks: the real server (its own process, SQLite storage on, as `npm start` runs it)
 * on loopback, driven by `ws` clients that also check the tallies. Budgets from the sessions issue are
 * checked and printed; a miss fails the run, except for a target printed as not yet enforced.
 */
const BUDGET = { ackP99Ms: 100, revealAllMs: 500, memoryMb: 512, snapshotP95Ms: 1000 };
const { check, target, finish } = budgets('session');
const budget = (line: string, ok: boolean) => check(ok, line);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));
const percentile = (values: number[], p: number) => quantile(values, p / 100);
const spread = (values: number[]) =>
  `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, p99 ${ms(percentile(values, 99))} (n=${values.length})`;

/**
 * Every server and phones process this run starts: should the run fail part-way (a budget throws, a
 * phone process dies), none of them is left holding the machine's cores and ports.
 */
const children = new Set<ChildProcess>();
function track(child: ChildProcess) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
/** The folders this run writes (databases and their logs, scenario copies), removed when it ends. */
const folders: string[] = [];
function scratchFolder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(1));

/** Linux's unit of CPU time in /proc/<pid>/stat (USER_HZ), 100 on every common build. */
const CLOCK_TICKS_PER_S = 100;

/**
 * A server as its own process (the product's `src/server/main.ts` unless another script is named), with
 * the peak of its resident memory sampled throughout.
 */
async function startServerProcess(env: Record<string, string>, script = 'src/server/main.ts') {
  // Below Linux's ephemeral range (32768–60999), which 10,000 phones' own sockets fill.
  const port = 20000 + Math.floor(Math.random() * 12000);
  const sqliteFile = join(scratchFolder('upstander-bench-'), 'bench.sqlite');
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), SQLITE_FILE: sqliteFile, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const listening = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      const found = /running at (?:port |http:\/\/[^/]*:)(\d+)/.exec(String(d));
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`The server exited with ${code}`)));
  });
  let peakKb = 0;
  const sampler = setInterval(() => {
    const status = existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
    peakKb = Math.max(peakKb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
  }, 100);
  const exited = new Promise((r) => child.once('exit', r));
  const end = async (signal: NodeJS.Signals) => {
    clearInterval(sampler);
    child.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${listening}/`,
    sqliteFile,
    peakMb: () => peakKb / 1024,
    /** CPU time the process has used so far (user + system), in ms: unlike latency, unmoved by other load. */
    cpuMs: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
    },
    stop: () => end('SIGTERM'),
    /** As a power cut would, to the process: no shutdown, no flush. */
    kill9: () => end('SIGKILL'),
  };
}

/** A session with its facilitator's console connected, and the choices of its first decision. */
async function openSession(url: string, cap: number) {
  const created = await createSession(url, { scenario: 'hand-on-the-back', cap, timers: false, minReveal: 5 });
  if (created.status !== 201) throw new Error(`Could not create a session: ${JSON.stringify(created.body)}`);
  const host = await SessionClient.connect(url);
  await host.request({ type: 'host', sessionId: created.body.sessionId, secret: created.body.secret });
  return { ...(created.body as unknown as SessionCreated), host };
}

/**
 * `SESSION_BENCH_ONLY=room` runs only part 5, the 10,000-phone room beside the bare server (the long
 * one, to measure it again after a change); unset, every part runs, as `npm run bench` does.
 */
const only = process.env.SESSION_BENCH_ONLY;
if (only && only !== 'room') throw new Error(`SESSION_BENCH_ONLY takes "room" or nothing, not "${only}".`);
const allParts = !only;

console.log(`Node ${process.version}, ${cpus().length} cores; server in its own process, SQLite storage`);

// 1. One session of 2,000 -------------------------------------------------------------------------
if (allParts) {
  // A class this size shares one address here (loopback): the join and connection limits are raised for
  // it, as a facilitator of a lecture hall would.
  const server = await startServerProcess({
    JOINS_PER_MINUTE: '100000',
    CONNECTIONS_PER_ADDRESS: '100000',
    SESSION_CAP: '5000',
  });
  const { code, host } = await openSession(server.url, 2000);
  const t0 = performance.now();
  const phones = await joinPhones(server.url, code, 2000, 8000);
  const joinMs = performance.now() - t0;
  await host.until((r) => r.joined === 2000);
  await host.request({ type: 'start' });
  await Promise.all(phones.map((p) => p.until((r) => r.phase === 'voting', 30_000)));
  const events = (phones[0].room?.choices ?? []).filter((c) => !c.timed).map((c) => c.event);
  const { acks, lost, finalVotes } = await voteAll(phones, events, 5000, 0.1);
  const lastAck = performance.now();
  await host.until((r) => r.voted === 2000, 30_000);
  const countMs = performance.now() - lastAck;
  const reveal = await revealAndCheck(host, phones, finalVotes, '2,000 in one session');
  console.log(
    `2,000 joined in ${ms(joinMs)}; votes sent: ${acks.length} (${acks.length - 2000} changes); acknowledgements ${spread(acks)}`,
  );
  console.log(
    `facilitator's count reached 2,000 ${ms(countMs)} after the last acknowledgement; reveal reached the last phone after ${ms(reveal.lastMs)}`,
  );
  budget(`2,000: joined within 10 s (${ms(joinMs)})`, joinMs < 10_000);
  budget(
    `2,000: acknowledgement p99 under ${BUDGET.ackP99Ms} ms (${ms(percentile(acks, 99))})`,
    percentile(acks, 99) < BUDGET.ackP99Ms,
  );
  budget(
    `2,000: reveal to all within ${BUDGET.revealAllMs} ms (${ms(reveal.lastMs)})`,
    reveal.lastMs < BUDGET.revealAllMs,
  );
  budget(
    `2,000: not one vote lost or counted twice (${lost.length} refused, tally exact: ${reveal.exact})`,
    !lost.length && reveal.exact,
  );
  await closeAll([host, ...phones]);

  // 2. 40 sessions of 50, together ----------------------------------------------------------------
  const sessions = await Promise.all(Array.from({ length: 40 }, () => openSession(server.url, 50)));
  const rooms = await Promise.all(
    sessions.map(async (s) => ({ ...s, phones: await joinPhones(server.url, s.code, 50, 5000) })),
  );
  await Promise.all(
    rooms.map((r) => r.host.until((v) => v.joined === 50).then(() => r.host.request({ type: 'start' }))),
  );
  await Promise.all(rooms.flatMap((r) => r.phones.map((p) => p.until((v) => v.phase === 'voting'))));
  const results = await Promise.all(rooms.map((r) => voteAll(r.phones, events, 5000, 0.1)));
  await Promise.all(rooms.map((r) => r.host.until((v) => v.voted === 50, 30_000)));
  const reveals = await Promise.all(
    rooms.map((r, i) => revealAndCheck(r.host, r.phones, results[i].finalVotes, `session ${i + 1} of 40`, false)),
  );
  const allAcks = results.flatMap((r) => r.acks);
  const lost40 = results.reduce((n, r) => n + r.lost.length, 0);
  console.log(
    `40 × 50: acknowledgements ${spread(allAcks)}; slowest reveal to its last phone ${ms(Math.max(...reveals.map((r) => r.lastMs)))}`,
  );
  budget(
    `40 × 50: acknowledgement p99 under ${BUDGET.ackP99Ms} ms (${ms(percentile(allAcks, 99))})`,
    percentile(allAcks, 99) < BUDGET.ackP99Ms,
  );
  budget(`40 × 50: every tally exact, no vote lost (${lost40} refused)`, !lost40 && reveals.every((r) => r.exact));
  await closeAll(rooms.flatMap((r) => [r.host, ...r.phones]));
  budget(
    `server memory peak under ${BUDGET.memoryMb} MB (${server.peakMb().toFixed(0)} MB)`,
    server.peakMb() < BUDGET.memoryMb,
  );
  await server.stop();
}

// 3. Reconnect storm ------------------------------------------------------------------------------
if (allParts) {
  const server = await startServerProcess({ JOINS_PER_MINUTE: '100000', CONNECTIONS_PER_ADDRESS: '100000' });
  const { code, sessionId, host } = await openSession(server.url, 300);
  const phones = await joinPhones(server.url, code, 300, 2000);
  await host.until((r) => r.joined === 300);
  await host.request({ type: 'start' });
  await Promise.all(phones.map((p) => p.until((r) => r.phase === 'voting')));
  const events = (phones[0].room?.choices ?? []).filter((c) => !c.timed).map((c) => c.event);
  const firstVotes = phones.map(() => events[Math.floor(Math.random() * events.length)]);
  await Promise.all(phones.map((p, i) => p.request({ type: 'vote', decision: 0, choice: firstVotes[i] })));
  // 30% drop mid-vote (their sockets die without a goodbye) and come back within 2 s.
  const dropping = phones.slice(0, 90);
  for (const phone of dropping) phone.ws.terminate();
  const snapshots: number[] = [];
  let sameIdentity = 0;
  let voteKept = 0;
  const back = await Promise.all(
    dropping.map(async (old, i) => {
      await sleep(Math.random() * 2000);
      const phone = await SessionClient.connect(server.url);
      const t0 = performance.now();
      const welcome = await phone.request({
        type: 'resume',
        sessionId,
        participantId: old.participantId as string,
        resumeSecret: old.resumeSecret as string,
      });
      await phone.until((r) => r.phase === 'voting');
      snapshots.push(performance.now() - t0);
      if (welcome.type === 'welcome' && welcome.participantId === old.participantId) sameIdentity += 1;
      if (phone.myVote === firstVotes[i]) voteKept += 1;
      // Unsure whether the vote arrived, the phone sends it again: it must count once.
      await phone.request({ type: 'vote', decision: 0, choice: firstVotes[i] });
      return phone;
    }),
  );
  const everyone = [...back, ...phones.slice(90)];
  const votes = [...firstVotes.slice(0, 90), ...firstVotes.slice(90)];
  await host.until((r) => r.voted === 300);
  const reveal = await revealAndCheck(host, everyone, votes, 'reconnect storm');
  console.log(`reconnect storm: 90 of 300 dropped and resumed; snapshot ${spread(snapshots)}`);
  budget(
    `reconnect: all 90 resumed with the same identity (${sameIdentity}) and their vote (${voteKept})`,
    sameIdentity === 90 && voteKept === 90,
  );
  budget(
    `reconnect: no vote counted twice (tally exact: ${reveal.exact}, voted ${host.room?.voted} of 300)`,
    reveal.exact && host.room?.voted === 300,
  );
  budget(
    `reconnect: snapshot p95 under ${BUDGET.snapshotP95Ms} ms (${ms(percentile(snapshots, 95))})`,
    percentile(snapshots, 95) < BUDGET.snapshotP95Ms,
  );
  await closeAll([host, ...everyone]);
  await server.stop();
}

// 4. Abuse, against the default limits ------------------------------------------------------------
if (allParts) {
  const server = await startServerProcess({});
  const { code, host } = await openSession(server.url, 50);
  const phones = await joinPhones(server.url, code, 5, 0);
  await host.request({ type: 'start' });
  await phones[0].until((r) => r.phase === 'voting');
  const events = (phones[0].room?.choices ?? []).filter((c) => !c.timed).map((c) => c.event);

  const flooder = phones[0];
  await Promise.all(
    Array.from({ length: 1000 }, (_, i) => flooder.request({ type: 'vote', decision: 0, choice: events[i % 2] })),
  );
  const finalFlood = events[999 % 2];
  const oversized = await new Promise((resolve) => {
    const reply = flooder.waitFor((m) => m.type === 'error');
    flooder.sendRaw(JSON.stringify({ type: 'post', text: 'x'.repeat(64 * 1024) }));
    resolve(reply);
  });
  const order = await flooder.request({ type: 'reveal' });
  await host.until((r) => r.voted === 1);
  const stillAnswers = (await flooder.request({ type: 'vote', decision: 0, choice: finalFlood })).type === 'voted';

  const guesser = await SessionClient.connect(server.url);
  const guesses = [];
  for (let i = 0; i < 1000; i++)
    guesses.push(
      (await guesser.request({ type: 'join', code: `ZZZZ${String(i).padStart(2, '0').slice(-2)}` })) as {
        code?: string;
      },
    );
  const unknown = guesses.filter((g) => g.code === 'unknown-code').length;
  const throttled = guesses.filter((g) => g.code === 'rate-limited').length;

  console.log(`abuse: 1,000 wrong codes → ${unknown} answered "unknown code", ${throttled} throttled`);
  budget(
    `abuse: 1,000 wrong-code guesses throttled (${throttled} refused unread)`,
    throttled >= 950 && unknown + throttled === 1000,
  );
  budget(
    `abuse: a 64 KB message refused (${JSON.stringify(oversized)})`,
    (oversized as { code?: string }).code === 'too-large',
  );
  budget(
    `abuse: a flood of 1,000 votes from one phone counts once (voted ${host.room?.voted})`,
    host.room?.voted === 1 && stillAnswers,
  );
  budget(
    `abuse: a participant's facilitator command refused (${(order as { code?: string }).code})`,
    (order as { code?: string }).code === 'not-facilitator',
  );
  await closeAll([host, guesser, ...phones]);
  await server.stop();
}

// 5. 10,000 phones in one room, beside a bare ws server ----------------------------------------------
/**
 * The product and a bare `ws` server (`bare-room-server.ts`: join → ack, vote → ack, reveal → broadcast)
 * each get 10,000 phones, held by two phone processes running the same client code. In each round both
 * vote in one window, taking turns of `sliceMs` (each gets `windowMs` of votes), so the machine's slow
 * spells fall on both alike; then each reveals, one after the other, alone on the machine (who goes
 * first alternates). Each budget takes the median of the rounds' ratios, product to bare server: the
 * two figures of a ratio are measured in the same window, or seconds apart. Then, on the product, the server is killed with SIGKILL
 * mid-vote and the database is read: every acknowledged vote must be there. PostgreSQL is measured only
 * when a URL names one.
 */
const ROOM = { phones: 10_000, rounds: 9, windowMs: 10_000, sliceMs: 100, startInMs: 500, changeShare: 0.1 };
const ROOM_BUDGET = { sqliteAck: 2, postgresAck: 3, reveal: 1.1 };
/**
 * The choices the room follows after each round's reveal, over and over: the benchmark's copy of the
 * scenario (`loopingScenarios`) goes back to the first scene after the third, so there is always a
 * decision to vote on, for as many rounds as are measured and then the kill -9 round.
 */
const ROOM_PATH = ['CATCH_SAMS_EYE', 'SPEAK_UP', 'ASK_THE_TABLE'];
const median = (values: number[]) => quantile(values, 0.5);

/**
 * A scenarios folder holding `hand-on-the-back` with one change: speaking up and asking the table
 * (its third decision along `ROOM_PATH`) leads back to the lunch it starts at, with the story's
 * variables as they began, and the choices of the loop score nothing. The scenes and choices the
 * phones are sent are the real ones; only the story never ends.
 */
function loopingScenarios() {
  const dir = scratchFolder('upstander-bench-scenarios-');
  const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios/hand-on-the-back.json'), 'utf8'));
  const { lunch, moment, spokeUp } = scenario.states;
  // Back to the start as it began: every variable as it was, or the story would have no end of states.
  const again = Object.entries(scenario.context).map(([name, value]) => ({
    type: 'set',
    params: { var: name, value },
  }));
  spokeUp.on.ASK_THE_TABLE = { ...spokeUp.on.ASK_THE_TABLE, target: 'lunch', actions: again };
  // A choice that can be made again and again scores nothing (the checker's rule for loops).
  for (const state of [lunch, moment, spokeUp])
    for (const transition of Object.values(state.on).flat() as { meta: { tactics: object; harm?: number } }[]) {
      transition.meta.tactics = {};
      delete transition.meta.harm;
    }
  writeFileSync(join(dir, 'hand-on-the-back.json'), JSON.stringify(scenario));
  return dir;
}

function phonesProcess() {
  const child = track(
    fork(join(ROOT, 'test/bench/phones-process.ts'), [], {
      // --expose-gc: the phones collect their garbage before each reveal (phones-process.ts).
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  return {
    ask: <T>(command: PhonesCommand) =>
      new Promise<T>((resolve, reject) => {
        child.once('message', (m: { ok: boolean; result: T; error: string }) =>
          m.ok ? resolve(m.result) : reject(new Error(m.error)),
        );
        child.send(command);
      }),
    end: async () => {
      child.disconnect();
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The votes stored for a decision, by participant, read straight from the database after the crash. */
/**
 * The votes on the decision on the screen as a restarted server reads them back: the session loaded by
 * the store, its stored choice names read as the scenario's events (`storedWithEvents`).
 */
async function storedVotes(database: DatabaseTarget, scenariosDir: string, sessionId: string, decision: number) {
  const store = new SessionStore(await openDatabase(database));
  try {
    const room = await store.loadRoom(sessionId);
    if (!room || room.room.choices.length !== decision) return new Map<string, string>();
    const loaded = loadScenarioFile(join(scenariosDir, `${room.room.scenarioId}.json`));
    if (!loaded.ok) throw new Error(`The bench's scenario does not load: ${loaded.issues[0]?.message}`);
    const read = storedWithEvents(room, loaded.machine);
    return new Map((read?.votes ?? []).map((v) => [v.participantId, v.choice]));
  } finally {
    await store.close();
  }
}

async function bigRoom(kind: 'SQLite' | 'PostgreSQL', databaseUrl?: string) {
  const n = ROOM.phones;
  const scenariosDir = loopingScenarios();
  const server = await startServerProcess({
    JOINS_PER_MINUTE: '1000000',
    CONNECTIONS_PER_ADDRESS: '1000000',
    SCENARIOS_DIR: scenariosDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const created = await createSession(server.url, {
    scenario: 'hand-on-the-back',
    cap: n,
    timers: false,
    minReveal: 5,
  });
  const product = phonesProcess();
  const joined = await product.ask<{ joinMs: number; joined: number; choices: unknown }>({
    cmd: 'join',
    url: server.url,
    code: created.body.code,
    sessionId: created.body.sessionId,
    secret: created.body.secret,
    n,
    start: true,
  });
  const bare = await startServerProcess(
    { BARE_CHOICES: JSON.stringify(joined.choices) },
    'test/bench/bare-room-server.ts',
  );
  const baseline = phonesProcess();
  const bareJoined = await baseline.ask<{ joinMs: number }>({
    cmd: 'join',
    url: bare.url,
    code: 'BARE00',
    sessionId: 'bare',
    secret: 'bare',
    n,
    start: false,
  });
  console.log(
    `10,000 in one room on ${kind}: all joined in ${ms(joined.joinMs)} (the bare server: ${ms(bareJoined.joinMs)})`,
  );
  const votes = { product: [] as VotesResult[], baseline: [] as VotesResult[] };
  const reveals = { product: [] as RevealResult[], baseline: [] as RevealResult[] };
  const cpu = { product: [] as number[], baseline: [] as number[] };
  const ratios = { ack: [] as number[], reveal: [] as number[] };
  for (let round = 0; round < ROOM.rounds; round++) {
    // Both systems' phones vote in one window, in turns of a slice; who takes the first slice alternates.
    const order = round % 2 ? (['baseline', 'product'] as const) : (['product', 'baseline'] as const);
    const first = order[0];
    const startAt = Date.now() + ROOM.startInMs;
    const cpuBefore = { product: server.cpuMs(), baseline: bare.cpuMs() };
    const voteWindow = (system: 'product' | 'baseline') =>
      (system === 'product' ? product : baseline).ask<VotesResult>({
        cmd: 'votes',
        windowMs: ROOM.windowMs,
        changeShare: ROOM.changeShare,
        startAt,
        sliceMs: ROOM.sliceMs,
        turn: system === first ? 0 : 1,
      });
    const [productVotes, baselineVotes] = await Promise.all([voteWindow('product'), voteWindow('baseline')]);
    votes.product.push(productVotes);
    votes.baseline.push(baselineVotes);
    // Then each reveals in turn, alone on the machine, in the same alternating order.
    for (const system of order) {
      const phones = system === 'product' ? product : baseline;
      const advanceTo = ROOM_PATH[round % ROOM_PATH.length];
      reveals[system].push(await phones.ask<RevealResult>({ cmd: 'reveal', advanceTo }));
    }
    ratios.ack.push(productVotes.ackP99 / baselineVotes.ackP99);
    ratios.reveal.push(reveals.product[round].revealMs / reveals.baseline[round].revealMs);
    for (const system of ['product', 'baseline'] as const) {
      const serverOf = system === 'product' ? server : bare;
      cpu[system].push(((serverOf.cpuMs() - cpuBefore[system]) * 1000) / votes[system][round].votes);
    }
    for (const system of order) {
      const v = votes[system][round];
      const r = reveals[system][round];
      console.log(
        `  round ${round + 1}, ${system === 'product' ? 'product ' : 'baseline'}: ${v.votes} votes in ${ROOM.windowMs / 1000} s of slices, ack p50 ${ms(v.ackP50)}, p99 ${ms(v.ackP99)}; reveal to the last phone ${ms(r.revealMs)}; server CPU ${cpu[system][round].toFixed(0)} µs a vote (over the round: the 20 s window, both reveals and advances); tally exact: ${r.exact}`,
      );
    }
  }
  const ack = {
    product: median(votes.product.map((r) => r.ackP99)),
    bare: median(votes.baseline.map((r) => r.ackP99)),
    ratio: median(ratios.ack),
  };
  const reveal = {
    product: median(reveals.product.map((r) => r.revealMs)),
    bare: median(reveals.baseline.map((r) => r.revealMs)),
    ratio: median(ratios.reveal),
  };
  const each = (values: number[]) => values.map((r) => `${r.toFixed(2)}×`).join(', ');
  console.log(
    `10,000 on ${kind}: server CPU a vote, medians: product ${median(cpu.product).toFixed(0)} µs, bare server ${median(cpu.baseline).toFixed(0)} µs`,
  );
  const ackLimit = kind === 'SQLite' ? ROOM_BUDGET.sqliteAck : ROOM_BUDGET.postgresAck;
  budget(
    `10,000 on ${kind}: all joined, every tally exact, no vote refused (${joined.joined} joined; ${reveals.product.filter((r) => r.exact).length} of ${ROOM.rounds} exact)`,
    joined.joined === n && reveals.product.every((r) => r.exact) && votes.product.every((v) => !v.refused),
  );
  target(
    ack.ratio <= ackLimit,
    `10,000 on ${kind}: vote acknowledgement p99 within ${ackLimit}× the bare server's (median of ${ROOM.rounds} rounds' ratios: ${ack.ratio.toFixed(2)}×; medians ${ms(ack.product)} vs ${ms(ack.bare)}; rounds ${each(ratios.ack)})`,
    `measured side by side on a 2-core machine, the median ratio has come out between 1.1× and 3.1× on SQLite and 2.2× and 4.4× on PostgreSQL from run to run (the bare server's own p99 from 1.4 to 10 ms), so it still crosses the line; see the README`,
  );
  budget(
    `10,000 on ${kind}: reveal to the last phone within ${ROOM_BUDGET.reveal}× the bare server's (median of ${ROOM.rounds} rounds' ratios: ${reveal.ratio.toFixed(2)}×; medians ${ms(reveal.product)} vs ${ms(reveal.bare)}; rounds ${each(ratios.reveal)})`,
    reveal.ratio <= ROOM_BUDGET.reveal,
  );
  await baseline.ask({ cmd: 'close' });
  await baseline.end();
  await bare.stop();

  // kill -9 mid-vote: whatever a phone was told is stored must be stored.
  const crashing = product.ask<{ acknowledged: [string, string][]; sessionId: string; decision: number }>({
    cmd: 'crash',
    windowMs: ROOM.windowMs,
  });
  await sleep(ROOM.windowMs / 2);
  await server.kill9();
  const crash = await crashing;
  const database: DatabaseTarget = databaseUrl
    ? { kind: 'postgres', url: databaseUrl }
    : { kind: 'sqlite', file: server.sqliteFile };
  const stored = await storedVotes(database, scenariosDir, crash.sessionId, crash.decision);
  const lost = crash.acknowledged.filter(([participant, choice]) => stored.get(participant) !== choice).length;
  budget(
    `10,000 on ${kind}: kill -9 mid-vote loses no acknowledged vote (${crash.acknowledged.length} acknowledged before the kill, ${stored.size} stored, ${lost} lost)`,
    lost === 0 && crash.acknowledged.length > 0 && crash.acknowledged.length < n,
  );
  await product.ask({ cmd: 'close' });
  await product.end();
}

await bigRoom('SQLite');
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.BENCH_DATABASE_URL;
if (postgresUrl) {
  // A schema of its own in the database named, removed afterwards.
  const schema = `bench_${process.pid}`;
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  await resetDatabase({ kind: 'postgres', url: url.toString() });
  try {
    await bigRoom('PostgreSQL', url.toString());
  } finally {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
} else {
  console.log('10,000 on PostgreSQL: not measured (set TEST_DATABASE_URL or BENCH_DATABASE_URL to a postgres:// URL).');
}

finish();
