import { countVotes } from '../../src/protocol/tally.ts';
import { SessionClient } from '../support/session-client.ts';

/** What the session benchmarks' phones do: the same `ws` client code against the product and the baseline. */

const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

/** One phone joining the room with `code`; throws if it is refused. */
async function joinOne(url: string, code: string, timeoutMs: number): Promise<SessionClient> {
  const phone = await SessionClient.connect(url);
  // Thousands of phones each keeping every message they got would fill the phone process's memory,
  // and its collections would land in the measurements.
  phone.keepReceived = false;
  const reply = await phone.request({ type: 'join', code }, timeoutMs);
  if (reply.type !== 'welcome') throw new Error(`Join refused: ${JSON.stringify(reply)}`);
  return phone;
}

/** `n` phones joining, spread evenly over `withinMs`. */
export async function joinPhones(url: string, code: string, n: number, withinMs: number): Promise<SessionClient[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      await sleep((i / n) * withinMs);
      return joinOne(url, code, 30_000);
    }),
  );
}

/**
 * When, in ms from now, a vote at moment `t` (0 ≤ t < the window) of a phone set's own time happens.
 * By default its time is the clock's; `sliced` gives two phone sets one window of the clock in turns.
 */
export type VoteClock = (t: number) => number;

/**
 * Two systems' phones voting in one window of the clock, in turns of `sliceMs`: the set of `turn` 0 votes
 * in the first slice, the third, …; the set of `turn` 1 in the second, the fourth, …; each set's own
 * window (`t` from 0 to its length) laid end to end over its slices. Both start at `startAt` (epoch ms,
 * `Date.now()`'s clock, shared by processes on one machine), so a slow spell of the machine (another
 * process, the host) falls on both alike instead of on whichever ran in that minute.
 */
export const sliced =
  (startAt: number, sliceMs: number, turn: 0 | 1): VoteClock =>
  (t) =>
    startAt + Math.floor(t / sliceMs) * 2 * sliceMs + turn * sliceMs + (t % sliceMs) - Date.now();

/**
 * Every phone votes once at a random moment within `withinMs`; `changeShare` of them change their
 * vote later in the window. Returns each vote's acknowledgement time and what each phone last chose.
 * `clock` places the window's moments in time (by default, from now).
 */
export async function voteAll(
  phones: SessionClient[],
  events: string[],
  withinMs: number,
  changeShare: number,
  timeoutMs = 30_000,
  clock?: VoteClock,
) {
  const start = Date.now();
  const after = clock ?? ((t: number) => start + t - Date.now());
  const acks: number[] = [];
  const lost: string[] = [];
  const finalVotes = await Promise.all(
    phones.map(async (phone) => {
      const at = Math.random() * withinMs;
      await sleep(Math.max(0, after(at)));
      const send = async (choice: string) => {
        const t0 = performance.now();
        const reply = await phone.request({ type: 'vote', decision: phone.room?.decision ?? 0, choice }, timeoutMs);
        acks.push(performance.now() - t0);
        if (reply.type !== 'voted') lost.push(JSON.stringify(reply));
      };
      let choice = events[Math.floor(Math.random() * events.length)];
      await send(choice);
      if (Math.random() < changeShare) {
        await sleep(Math.max(0, after(at + Math.random() * (withinMs - at))));
        choice = events.find((e) => e !== choice) ?? choice;
        await send(choice);
      }
      return choice;
    }),
  );
  return { acks, lost, finalVotes };
}

/** Reveals, and measures until the last phone has the spread; checks it against what the phones sent. */
export async function revealAndCheck(
  host: SessionClient,
  phones: SessionClient[],
  finalVotes: string[],
  label: string,
  verbose = true,
) {
  const choices = (host.room?.choices ?? []).map(({ event, timed }) => ({ event, timed }));
  const t0 = performance.now();
  const arrivals = phones.map((p) => p.until((r) => r.phase === 'revealed', 30_000).then(() => performance.now() - t0));
  await host.request({ type: 'reveal' });
  const times = await Promise.all(arrivals);
  const expected = countVotes(choices, finalVotes, phones.length, 5);
  const got = phones[0].room?.tally;
  const exact = JSON.stringify(got) === JSON.stringify(expected);
  if (!exact || verbose)
    console.log(`${label}: tally ${exact ? 'equals' : 'DIFFERS from'} what the clients sent (${JSON.stringify(got)})`);
  return { lastMs: Math.max(...times), exact };
}

export const closeAll = (clients: SessionClient[]) => Promise.all(clients.map((c) => c.close()));

/** `n` phones joining as fast as the server lets them, at most `inFlight` at a time. */
export async function joinMany(url: string, code: string, n: number, inFlight: number): Promise<SessionClient[]> {
  const phones: SessionClient[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next += 1;
      phones.push(await joinOne(url, code, 120_000));
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, n) }, worker));
  return phones;
}
