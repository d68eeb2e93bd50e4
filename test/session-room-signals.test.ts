import { describe, expect, it } from 'vitest';
import type { SessionClient } from './support/session-client.ts';
import { startServer, testDatabases } from './support/session-server.ts';
import { sessionSuite } from './support/session-suite.ts';

const TIMEOUT = 'xstate.after.20000.hand-on-the-back.lunch';

/** Predict the room and "I need a moment": real phones, a real server, each store. */
describe.each(testDatabases())('guesses and moments on $name', ({ target: makeTarget }) => {
  const suite = sessionSuite(makeTarget);
  const { connect } = suite;

  /** A room of `n` phones (reveal minimum 5) with its console and a projector. */
  async function room(n: number, url = suite.server.url) {
    const made = await suite.room(n, { minReveal: 5 }, url);
    return { ...made, projector: await suite.watch(made.code, url) };
  }

  const guess = (phone: SessionClient, choice: string, decision = 0) =>
    phone.request({ type: 'guess', decision, choice });

  it('shows the guesses beside the votes at the reveal, one per seat, to the stage, the console and the phones', async () => {
    const { host, projector, phones } = await room(5);
    // Not before voting opens.
    expect(await guess(phones[0], 'WATCH_PRIYA')).toMatchObject({ type: 'error', code: 'not-voting' });
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    for (const phone of phones) await phone.request({ type: 'vote', decision: 0, choice: 'CATCH_SAMS_EYE' });
    // The first phone changes its guess twice: it counts once, as its last.
    expect(await guess(phones[0], 'BACK_TO_EMAIL')).toMatchObject({ type: 'ok' });
    expect(await guess(phones[0], 'WATCH_PRIYA')).toMatchObject({ type: 'ok' });
    for (const phone of phones.slice(1)) await guess(phone, 'BACK_TO_EMAIL');
    // Refused, changing nothing: a choice not on the screen, an earlier decision, the console.
    expect(await guess(phones[1], 'NOT_A_CHOICE')).toMatchObject({ code: 'unknown-choice' });
    expect(await guess(phones[1], 'WATCH_PRIYA', 3)).toMatchObject({ code: 'stale-decision' });
    expect(await guess(host, 'WATCH_PRIYA')).toMatchObject({ code: 'not-joined' });
    // Nobody sees guesses before the reveal.
    expect(host.room).not.toHaveProperty('guesses');
    await host.request({ type: 'reveal' });
    const expected = {
      shown: true,
      total: 5,
      // Timers are off: "time runs out" is a choice like the others, which nobody guessed.
      counts: { WATCH_PRIYA: 1, CATCH_SAMS_EYE: 0, BACK_TO_EMAIL: 4, [TIMEOUT]: 0 },
    };
    for (const viewer of [host, projector, phones[2]])
      expect((await viewer.until((r) => r.phase === 'revealed')).guesses).toEqual(expected);
    // The votes, beside them, tell another story: the room underestimated itself.
    expect(host.room?.tally).toMatchObject({ counts: { CATCH_SAMS_EYE: 5 } });
    // Guessing closes with the reveal.
    expect(await guess(phones[3], 'CATCH_SAMS_EYE')).toMatchObject({ code: 'not-voting' });
    // The next decision starts with no guesses.
    await host.request({ type: 'advance' });
    expect(await host.until((r) => r.decision === 1)).not.toHaveProperty('guesses');
  });

  it('withholds the guesses below the reveal minimum, like the votes', async () => {
    const { host, phones } = await room(5);
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    for (const phone of phones) await phone.request({ type: 'vote', decision: 0, choice: 'WATCH_PRIYA' });
    await guess(phones[0], 'WATCH_PRIYA');
    await guess(phones[1], 'BACK_TO_EMAIL');
    await host.request({ type: 'reveal' });
    const revealed = await phones[4].until((r) => r.phase === 'revealed');
    expect(revealed.guesses).toEqual({ shown: false, total: 2, needed: 5 });
    expect(revealed.tally).toMatchObject({ shown: true });
  });

  it('keeps the guesses across a restart, as it keeps the votes', async () => {
    const local = await startServer(suite.target);
    const { sessionId, secret, host, phones } = await room(5, local.url);
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    for (const phone of phones) {
      await phone.request({ type: 'vote', decision: 0, choice: 'CATCH_SAMS_EYE' });
      await guess(phone, 'WATCH_PRIYA');
    }
    await local.close();
    const restarted = await startServer(suite.target);
    try {
      const console = await connect(restarted.url);
      await console.request({ type: 'host', sessionId, secret });
      await console.request({ type: 'reveal' });
      expect((await console.until((r) => r.phase === 'revealed')).guesses).toEqual({
        shown: true,
        total: 5,
        counts: { WATCH_PRIYA: 5, CATCH_SAMS_EYE: 0, BACK_TO_EMAIL: 0, [TIMEOUT]: 0 },
      });
    } finally {
      await restarted.close();
    }
  });

  it('deletes the guesses with their session after the retention period', async () => {
    let now = Date.now();
    const clocked = await startServer(suite.target, { retentionDays: 1 }, () => now);
    try {
      const { sessionId, host, phones } = await room(1, clocked.url);
      await host.request({ type: 'start' });
      await phones[0].until((r) => r.phase === 'voting');
      expect(await guess(phones[0], 'WATCH_PRIYA')).toMatchObject({ type: 'ok' });
      expect(await clocked.store.guessesOn(sessionId, 0)).toHaveLength(1);
      now += 25 * 60 * 60 * 1000;
      await clocked.rooms.sweep();
      expect(await clocked.store.guessesOn(sessionId, 0)).toEqual([]);
    } finally {
      await clocked.close();
    }
  });

  it('tells the console how many need a moment, never who, in any phase; the stage and phones never see it', async () => {
    const { host, projector, phones } = await room(3);
    const before = host.received.length;
    // In the lobby already; a second signal from the same seat is the same signal.
    expect(await phones[0].request({ type: 'moment', on: true })).toMatchObject({ type: 'ok' });
    expect((await host.until((r) => r.moments === 1)).moments).toBe(1);
    await phones[0].request({ type: 'moment', on: true });
    await phones[1].request({ type: 'moment', on: true });
    await host.until((r) => r.moments === 2);
    await host.request({ type: 'start' });
    expect((await host.until((r) => r.phase === 'voting')).moments).toBe(2);
    await phones[1].request({ type: 'moment', on: false });
    await host.until((r) => r.moments === 1);

    // Anonymous: nothing the console received since names a phone or a seat.
    const told = JSON.stringify(host.received.slice(before));
    for (const phone of phones) expect(told).not.toContain(phone.participantId);
    expect(told).not.toMatch(/seat|participant/i);
    // Only the console sees the count.
    for (const viewer of [projector, ...phones]) expect(viewer.room).not.toHaveProperty('moments');
    // Only a participant signals.
    expect(await host.request({ type: 'moment', on: true })).toMatchObject({ code: 'not-joined' });
    expect(await projector.request({ type: 'moment', on: true })).toMatchObject({ code: 'not-joined' });
    // A removed seat's signal goes with it.
    await host.request({ type: 'remove', seat: 1 });
    expect((await host.until((r) => r.joined === 2)).moments).toBe(0);
  });

  it('gives a phone that comes back (a reload) its own guess and "I need a moment", and no other phone either', async () => {
    const { sessionId, host, phones } = await room(2);
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    await guess(phones[0], 'WATCH_PRIYA');
    await phones[0].request({ type: 'moment', on: true });
    const resume = async (phone: SessionClient) => {
      const back = await connect();
      const { participantId, resumeSecret } = phone;
      await back.request({
        type: 'resume',
        sessionId,
        participantId: `${participantId}`,
        resumeSecret: `${resumeSecret}`,
      });
      await back.until((r) => r.phase === 'voting');
      return back;
    };
    expect(await resume(phones[0])).toMatchObject({ myVote: null, myGuess: 'WATCH_PRIYA', myMoment: true });
    expect(await resume(phones[1])).toMatchObject({ myVote: null, myGuess: null, myMoment: false });
    // The guess is for one decision; the moment lasts until withdrawn or lapsed.
    await host.request({ type: 'reveal' });
    await host.request({ type: 'advance', choice: 'WATCH_PRIYA' });
    const next = await phones[0].until((r) => r.decision === 1);
    expect(next.phase).toBe('voting');
    expect(phones[0]).toMatchObject({ myGuess: null, myMoment: true });
    await phones[0].request({ type: 'moment', on: false });
    expect(await resume(phones[0])).toMatchObject({ myGuess: null, myMoment: false });
  });

  it('limits how often one seat changes its signal, and a flood changes nothing more', async () => {
    const { host, phones } = await room(2);
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push(await phones[0].request({ type: 'moment', on: i % 2 === 0 }));
    // Six changes go through, the seventh is refused; the eighth withdraws what is already withdrawn: no change.
    expect(replies.map((r) => r.type)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'error', 'ok']);
    expect(replies[6]).toMatchObject({ code: 'rate-limited' });
    expect(host.room?.moments).toBe(0);
    // Another seat is not held back.
    expect(await phones[1].request({ type: 'moment', on: true })).toMatchObject({ type: 'ok' });
    expect((await host.until((r) => r.moments === 1)).moments).toBe(1);
  });
});
