import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from './support/scenario-files.ts';
import type { SessionClient } from './support/session-client.ts';
import { type RunningServer, startServer, testDatabases } from './support/session-server.ts';
import { sessionSuite } from './support/session-suite.ts';

/** One seat per connection, no ghost votes, refusals that change nothing: real clients, real server, each store. */
describe.each(testDatabases())('seats and roles on $name', ({ target: makeTarget }) => {
  const suite = sessionSuite(makeTarget);
  const { connect, room } = suite;
  let timed: RunningServer;

  beforeAll(async () => {
    timed = await startServer(suite.target, { scenariosDir: join(ROOT, 'test/fixtures/sessions') });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await timed.close();
  });

  const vote = (phone: SessionClient, choice: string, decision = phone.room?.decision ?? 0) =>
    phone.request({ type: 'vote', decision, choice });

  it('gives one connection one seat however often it joins: 30 joins fill one seat of a 30-seat room', async () => {
    const { code, host } = await room(0, { cap: 30 });
    const tab = await connect();
    const replies = [];
    for (let i = 0; i < 30; i++) replies.push(await tab.request({ type: 'join', code }));
    const seats = new Set(replies.map((r) => (r.type === 'welcome' ? `${r.participantId} ${r.seat}` : r.type)));
    expect([...seats]).toEqual([`${tab.participantId} 1`]);
    // The secret to resume with is handed out once, with the seat.
    expect(replies.filter((r) => r.type === 'welcome' && r.resumeSecret)).toHaveLength(1);
    expect((await host.until((r) => r.joined === 1)).connected).toBe(1);

    // The other 29 seats are still there for real phones, and the 31st is refused.
    for (let i = 0; i < 29; i++)
      expect(await (await connect()).request({ type: 'join', code })).toMatchObject({ type: 'welcome', seat: i + 2 });
    expect(await (await connect()).request({ type: 'join', code })).toMatchObject({ type: 'error', code: 'room-full' });
    expect((await host.until((r) => r.joined === 30)).joined).toBe(30);
  });

  it('gives one connection one vote: 20 join+vote cycles against 5 honest phones count once', async () => {
    const { code, host, phones } = await room(5, { minReveal: 5 });
    await host.request({ type: 'start' });
    const tab = await connect();
    for (let i = 0; i < 20; i++) {
      expect(await tab.request({ type: 'join', code })).toMatchObject({ type: 'welcome' });
      await tab.until((r) => r.phase === 'voting');
      expect(await vote(tab, 'BACK_TO_EMAIL')).toMatchObject({ type: 'voted' });
    }
    for (const phone of phones) await vote(phone, 'CATCH_SAMS_EYE');
    await host.until((r) => r.voted === 6);
    await host.request({ type: 'reveal' });
    const revealed = await host.until((r) => r.phase === 'revealed');
    expect(revealed).toMatchObject({ joined: 6, voted: 6 });
    expect(revealed.tally).toMatchObject({ shown: true, total: 6, counts: { CATCH_SAMS_EYE: 5, BACK_TO_EMAIL: 1 } });
  });

  it('holds a connection to its one role: another greeting is refused and the role it had still works', async () => {
    const { sessionId, secret, code, host, phones } = await room(1);
    const phone = phones[0];
    const other = await room(0);
    // A phone cannot also become the projector, the facilitator (even with the key), or a seat elsewhere.
    expect(await phone.request({ type: 'watch', code })).toMatchObject({ type: 'error', code: 'already-joined' });
    expect(await phone.request({ type: 'host', sessionId, secret })).toMatchObject({
      type: 'error',
      code: 'already-joined',
    });
    expect(await phone.request({ type: 'join', code: other.code })).toMatchObject({
      type: 'error',
      code: 'already-joined',
    });
    // The console cannot take a seat, and the projector cannot take a seat or the console.
    expect(await host.request({ type: 'join', code })).toMatchObject({ type: 'error', code: 'already-joined' });
    const projector = await connect();
    await projector.request({ type: 'watch', code });
    expect(await projector.request({ type: 'join', code })).toMatchObject({ type: 'error', code: 'already-joined' });
    expect(await projector.request({ type: 'host', sessionId, secret })).toMatchObject({
      type: 'error',
      code: 'already-joined',
    });

    await host.request({ type: 'start' });
    await phone.until((r) => r.phase === 'voting');
    expect(await vote(phone, 'WATCH_PRIYA')).toMatchObject({ type: 'voted' });
    expect(await projector.request({ type: 'reveal' })).toMatchObject({ type: 'error', code: 'not-facilitator' });
    expect(await host.until((r) => r.voted === 1)).toMatchObject({ joined: 1, phase: 'voting' });
    expect(other.host.room?.joined).toBe(0);
  });

  it('holds the QR link to the same rules: joins by session id take one seat, and no second role', async () => {
    const { sessionId, code, secret, host } = await room(0, { cap: 3 });
    const other = await room(0);
    const tab = await connect();
    for (let i = 0; i < 10; i++)
      expect(await tab.request({ type: 'join', code, sessionId })).toMatchObject({ type: 'welcome', seat: 1 });
    expect((await host.until((r) => r.joined === 1)).connected).toBe(1);
    // Neither the projector's link nor another session's link gives the same connection another role.
    expect(await tab.request({ type: 'watch', code, sessionId })).toMatchObject({
      type: 'error',
      code: 'already-joined',
    });
    expect(await tab.request({ type: 'join', code: other.code, sessionId: other.sessionId })).toMatchObject({
      type: 'error',
      code: 'already-joined',
    });
    const projector = await connect();
    expect(await projector.request({ type: 'watch', code, sessionId })).toMatchObject({ role: 'presenter' });
    expect(await projector.request({ type: 'join', code, sessionId })).toMatchObject({
      type: 'error',
      code: 'already-joined',
    });
    expect(await projector.request({ type: 'host', sessionId, secret })).toMatchObject({
      type: 'error',
      code: 'already-joined',
    });
    // The room still has its other two seats for real phones, and the tab still votes once as itself.
    for (let i = 0; i < 2; i++)
      expect(await (await connect()).request({ type: 'join', code, sessionId })).toMatchObject({ seat: i + 2 });
    await host.request({ type: 'start' });
    await tab.until((r) => r.phase === 'voting');
    expect(await vote(tab, 'WATCH_PRIYA')).toMatchObject({ type: 'voted' });
    expect(await host.until((r) => r.voted === 1)).toMatchObject({ joined: 3, voted: 1 });
    expect(other.host.room?.joined).toBe(0);
  });

  it('changes nothing for the sender when a resume or host is refused: its next vote still counts', async () => {
    const { sessionId, host, phones } = await room(5);
    await host.request({ type: 'start' });
    const [phone, second] = phones;
    await phone.until((r) => r.phase === 'voting');
    expect(
      await phone.request({
        type: 'resume',
        sessionId,
        participantId: second.participantId as string,
        resumeSecret: 'A'.repeat(22),
      }),
    ).toMatchObject({ type: 'error', code: 'not-joined' });
    expect(await phone.request({ type: 'host', sessionId, secret: 'B'.repeat(22) })).toMatchObject({
      type: 'error',
      code: 'not-facilitator',
    });
    expect(await phone.request({ type: 'join', code: 'ZZZZZZ' })).toMatchObject({
      type: 'error',
      code: 'unknown-code',
    });
    expect(await vote(phone, 'WATCH_PRIYA')).toMatchObject({ type: 'voted', choice: 'WATCH_PRIYA' });

    // The facilitator too: a refused resume leaves the console in charge.
    expect(
      await host.request({
        type: 'resume',
        sessionId,
        participantId: phone.participantId as string,
        resumeSecret: 'C'.repeat(22),
      }),
    ).toMatchObject({ type: 'error', code: 'not-joined' });
    expect(await host.until((r) => r.voted === 1)).toMatchObject({ joined: 5 });
    expect(await host.request({ type: 'reveal' })).toMatchObject({ type: 'ok' });
    expect((await phone.until((r) => r.phase === 'revealed')).tally).toMatchObject({ total: 1 });
  });

  it('gives a phone that comes back its old seat, its number and its vote, never a new seat', async () => {
    const { sessionId, host, phones } = await room(3);
    await host.request({ type: 'start' });
    await phones[1].until((r) => r.phase === 'voting');
    await vote(phones[1], 'WATCH_PRIYA');
    const { participantId, resumeSecret } = phones[1];
    const identity = { sessionId, participantId: participantId as string, resumeSecret: resumeSecret as string };
    await phones[1].close();
    expect(await host.until((r) => r.connected === 2)).toMatchObject({ joined: 3, voted: 1 });

    for (let i = 0; i < 3; i++) {
      const back = await connect();
      expect(await back.request({ type: 'resume', ...identity })).toMatchObject({
        type: 'welcome',
        participantId,
        seat: 2,
      });
      // Resuming again on the same connection is the same seat, answered again.
      expect(await back.request({ type: 'resume', ...identity })).toMatchObject({ type: 'welcome', seat: 2 });
      expect(back.myVote).toBe('WATCH_PRIYA');
      await back.close();
    }
    expect(await host.until((r) => r.connected === 2)).toMatchObject({ joined: 3, voted: 1 });
  });

  it('lets the facilitator remove a participant: the seat frees up, the vote leaves the tally, the phone cannot resume', async () => {
    const { sessionId, code, host, phones } = await room(6, { cap: 6, minReveal: 3 });
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    for (const [i, phone] of phones.entries()) await vote(phone, i < 3 ? 'CATCH_SAMS_EYE' : 'WATCH_PRIYA');
    await host.until((r) => r.voted === 6);
    const removed = phones[5];
    const { participantId, resumeSecret } = removed;

    // Only the facilitator removes, and only a seat someone holds.
    expect(await phones[0].request({ type: 'remove', seat: 6 })).toMatchObject({
      type: 'error',
      code: 'not-facilitator',
    });
    expect(await host.request({ type: 'remove', seat: 99 })).toMatchObject({ type: 'error', code: 'unknown-seat' });

    const told = removed.waitFor((m) => m.type === 'error' && m.code === 'removed');
    expect(await host.request({ type: 'remove', seat: 6 })).toMatchObject({ type: 'ok' });
    await told;
    expect(await host.until((r) => r.voted === 5)).toMatchObject({ joined: 5, connected: 5 });
    expect(await vote(removed, 'WATCH_PRIYA')).toMatchObject({ type: 'error', code: 'not-joined' });
    expect(
      await (await connect()).request({
        type: 'resume',
        sessionId,
        participantId: participantId as string,
        resumeSecret: resumeSecret as string,
      }),
    ).toMatchObject({ type: 'error', code: 'not-joined' });

    // A revealed spread loses a removed participant's vote too.
    await host.request({ type: 'reveal' });
    expect((await host.until((r) => r.phase === 'revealed')).tally).toMatchObject({
      total: 5,
      counts: { CATCH_SAMS_EYE: 3, WATCH_PRIYA: 2 },
    });
    await host.request({ type: 'remove', seat: 1 });
    expect((await host.until((r) => r.joined === 4)).tally).toMatchObject({
      total: 4,
      counts: { CATCH_SAMS_EYE: 2, WATCH_PRIYA: 2 },
    });

    // The freed seats are there for someone else, with new numbers; a locked room keeps everyone new out.
    expect(await (await connect()).request({ type: 'join', code })).toMatchObject({ type: 'welcome', seat: 7 });
    await host.request({ type: 'lock', locked: true });
    expect(await removed.request({ type: 'join', code })).toMatchObject({ type: 'error', code: 'room-locked' });
  });

  it('keeps a vote still waiting for its commit out of the tally and the database once its seat is removed', async () => {
    const { sessionId, host, phones } = await room(4, { minReveal: 3 });
    await host.request({ type: 'start' });
    await phones[3].until((r) => r.phase === 'voting');
    for (const phone of phones.slice(0, 3)) await vote(phone, 'CATCH_SAMS_EYE');
    await host.until((r) => r.voted === 3);
    // The last phone's vote is held before the commit that stores it, as while it waits for a group
    // commit; the removal of its seat arrives meanwhile.
    const { store } = suite.server;
    const putVote = store.putVote.bind(store);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = vi.spyOn(store, 'putVote').mockImplementationOnce(async (id, v) => {
      await held;
      return putVote(id, v);
    });
    const live = await suite.server.rooms.get(sessionId);
    const removing = vi.spyOn(live as NonNullable<typeof live>, 'remove');
    const voted = vote(phones[3], 'WATCH_PRIYA');
    await vi.waitFor(() => expect(writing).toHaveBeenCalled());
    const removed = host.request({ type: 'remove', seat: 4 });
    await vi.waitFor(() => expect(removing).toHaveBeenCalled());
    release();
    expect(await voted).toMatchObject({ type: 'voted' });
    expect(await removed).toMatchObject({ type: 'ok' });

    expect(await host.until((r) => r.joined === 3)).toMatchObject({ voted: 3 });
    const stored = await store.db
      .selectFrom('votes')
      .select('participant_id')
      .where('session_id', '=', sessionId)
      .execute();
    expect(stored.map((v) => v.participant_id).sort()).toEqual(
      phones
        .slice(0, 3)
        .map((p) => p.participantId)
        .sort(),
    );
    await host.request({ type: 'reveal' });
    expect((await host.until((r) => r.phase === 'revealed')).tally).toMatchObject({
      total: 3,
      counts: { CATCH_SAMS_EYE: 3, WATCH_PRIYA: 0 },
    });
  });

  it('stores the choice a phone open in two tabs sent last, even while its previous vote awaits its commit', async () => {
    const { sessionId, host, phones } = await room(1);
    const [phone] = phones;
    const tab = await connect();
    expect(
      await tab.request({
        type: 'resume',
        sessionId,
        participantId: phone.participantId as string,
        resumeSecret: phone.resumeSecret as string,
      }),
    ).toMatchObject({ type: 'welcome' });
    await host.request({ type: 'start' });
    await tab.until((r) => r.phase === 'voting');
    expect(await vote(phone, 'CATCH_SAMS_EYE')).toMatchObject({ type: 'voted' });
    // From here on the votes are committed in order, but not before the test lets them.
    const { store } = suite.server;
    const putVote = store.putVote.bind(store);
    let release = () => {};
    let chain: Promise<unknown> = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = vi.spyOn(store, 'putVote').mockImplementation((id, v) => {
      const stored = chain.then(() => putVote(id, v));
      chain = stored.catch(() => {});
      return stored;
    });
    const changed = vote(phone, 'WATCH_PRIYA');
    await vi.waitFor(() => expect(writing).toHaveBeenCalledTimes(1));
    // The other tab goes back to the first choice while the change is still being stored.
    let answered = false;
    const back = vote(tab, 'CATCH_SAMS_EYE').then((reply) => {
      answered = true;
      return reply;
    });
    await vi.waitFor(() => expect(answered || writing.mock.calls.length === 2).toBe(true));
    release();
    expect(await changed).toMatchObject({ type: 'voted', choice: 'WATCH_PRIYA' });
    expect(await back).toMatchObject({ type: 'voted', choice: 'CATCH_SAMS_EYE' });
    const stored = await store.db.selectFrom('votes').select('choice').where('session_id', '=', sessionId).execute();
    expect(stored).toEqual([{ choice: 'CATCH_SAMS_EYE' }]);
  });

  it('keeps removals across a restart: the seat stays removed and its number is not given out again', async () => {
    const local = await startServer(suite.target);
    const { sessionId, code, host, phones } = await room(3, {}, local.url);
    await host.request({ type: 'remove', seat: 2 });
    await host.until((r) => r.joined === 2);
    const gone = { participantId: phones[1].participantId as string, resumeSecret: phones[1].resumeSecret as string };
    const kept = { participantId: phones[2].participantId as string, resumeSecret: phones[2].resumeSecret as string };
    await local.close();
    const restarted = await startServer(suite.target);
    try {
      const back = await connect(restarted.url);
      expect(await back.request({ type: 'resume', sessionId, ...kept })).toMatchObject({ type: 'welcome', seat: 3 });
      expect(back.room?.joined).toBe(2);
      expect(await (await connect(restarted.url)).request({ type: 'resume', sessionId, ...gone })).toMatchObject({
        type: 'error',
        code: 'not-joined',
      });
      expect(await (await connect(restarted.url)).request({ type: 'join', code })).toMatchObject({ seat: 4 });
    } finally {
      await restarted.close();
    }
  });

  it('lets only those connected when time runs out count as not voting: 10 join, 6 leave, the 4 who vote decide', async () => {
    const { host, phones } = await room(10, { scenario: 'steady-timer', timers: true, minReveal: 3 }, timed.url);
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    await Promise.all(phones.slice(4).map((p) => p.close()));
    // The console shows who is connected now beside who joined.
    expect(await host.until((r) => r.connected === 4)).toMatchObject({ joined: 10, connected: 4, voted: 0 });
    for (const phone of phones.slice(0, 4)) await vote(phone, 'STEP_IN');
    const revealed = await host.until((r) => r.phase === 'revealed', 25_000);
    const timeout = revealed.choices.find((c) => c.timed)?.event as string;
    expect(revealed.tally).toEqual({ shown: true, total: 4, counts: { STEP_IN: 4, CALL_OUT: 0, [timeout]: 0 } });
    expect(revealed).toMatchObject({ joined: 10, connected: 4 });
    await host.request({ type: 'advance' });
    expect((await host.until((r) => r.phase === 'debrief')).path[0]).toMatchObject({
      choice: 'STEP_IN',
      chosenBy: 'majority',
    });
  });

  it('still counts the connected who did not vote in time, and not those who left', async () => {
    const { host, phones } = await room(6, { scenario: 'steady-timer', timers: true, minReveal: 3 }, timed.url);
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    for (const phone of phones.slice(0, 3)) await vote(phone, 'CALL_OUT');
    // One who voted leaves (the vote stays), one who did not leaves (no longer counted), two stay silent.
    await phones[0].close();
    await phones[5].close();
    await host.until((r) => r.connected === 4);
    const revealed = await host.until((r) => r.phase === 'revealed', 25_000);
    const timeout = revealed.choices.find((c) => c.timed)?.event as string;
    expect(revealed.tally).toEqual({ shown: true, total: 5, counts: { STEP_IN: 0, CALL_OUT: 3, [timeout]: 2 } });
  });

  it('tells the facilitator, and logs, when the store fails as the countdown ends; a reveal by hand then works', async () => {
    const { host, phones } = await room(3, { scenario: 'steady-timer', timers: true, minReveal: 3 }, timed.url);
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    for (const phone of phones) await vote(phone, 'STEP_IN');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const update = vi.spyOn(timed.store, 'updateSession').mockRejectedValueOnce(new Error('disk I/O error'));
    const notice = await host.waitFor((m) => m.type === 'error', 25_000);
    expect(notice).toMatchObject({ type: 'error', code: 'store-failed' });
    expect(notice).not.toHaveProperty('replyTo');
    expect(update).toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith('upstander server:', expect.objectContaining({ message: 'disk I/O error' }));
    // Nothing changed: still voting, the votes kept; the facilitator reveals by hand.
    expect(host.room).toMatchObject({ phase: 'voting', voted: 3 });
    expect(await host.request({ type: 'reveal' })).toMatchObject({ type: 'ok' });
    expect((await phones[0].until((r) => r.phase === 'revealed')).tally).toMatchObject({ counts: { STEP_IN: 3 } });
  });
});
