import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/scenario-files.ts';
import type { SessionClient } from './support/session-client.ts';
import { createSession, startServer, testDatabases } from './support/session-server.ts';
import { sessionSuite } from './support/session-suite.ts';

/** Real clients against the real server on loopback, once per store. */
describe.each(testDatabases())('group sessions on $name', ({ target: makeTarget }) => {
  const suite = sessionSuite(makeTarget);
  const { connect, room } = suite;

  const vote = (phone: SessionClient, choice: string, decision = phone.room?.decision ?? 0) =>
    phone.request({ type: 'vote', decision, choice });

  /** Who each phone is, to come back as after a restart. */
  const identitiesOf = (phones: readonly SessionClient[]) =>
    phones.map((p) => ({ participantId: p.participantId as string, resumeSecret: p.resumeSecret as string }));

  /** Every phone back in the session on the restarted server, each welcomed. */
  const resumeAll = (url: string, sessionId: string, identities: ReturnType<typeof identitiesOf>) =>
    Promise.all(
      identities.map(async (identity) => {
        const phone = await connect(url);
        expect(await phone.request({ type: 'resume', sessionId, ...identity })).toMatchObject({ type: 'welcome' });
        return phone;
      }),
    );

  it('runs a decision: join, vote, change a vote, reveal the spread, follow the majority', async () => {
    const { host, phones } = await room(6);
    expect(host.room?.phase).toBe('lobby');
    await host.request({ type: 'start' });
    const first = await phones[0].until((r) => r.phase === 'voting');
    expect(first.scene).toEqual(['lunch']);
    expect(first.choices.map((c) => c.event)).toContain('CATCH_SAMS_EYE');

    for (const [i, phone] of phones.entries()) {
      expect(await vote(phone, i < 4 ? 'CATCH_SAMS_EYE' : 'WATCH_PRIYA')).toMatchObject({
        type: 'voted',
        choice: i < 4 ? 'CATCH_SAMS_EYE' : 'WATCH_PRIYA',
      });
    }
    // Two change their minds before the reveal; one repeats a vote, which counts once.
    await vote(phones[0], 'WATCH_PRIYA');
    await vote(phones[1], 'WATCH_PRIYA');
    await vote(phones[1], 'WATCH_PRIYA');
    expect(phones[1].myVote).toBeNull();

    // The facilitator sees how many joined and voted, never how they voted, until the reveal.
    const counted = await host.until((r) => r.voted === 6);
    expect(counted.joined).toBe(6);
    expect(counted.tally).toBeUndefined();
    expect(JSON.stringify(host.received)).not.toContain('"counts"');

    await host.request({ type: 'reveal' });
    const revealed = await phones[5].until((r) => r.phase === 'revealed');
    expect(revealed.tally).toEqual({
      shown: true,
      total: 6,
      counts: { WATCH_PRIYA: 4, CATCH_SAMS_EYE: 2, BACK_TO_EMAIL: 0, 'xstate.after.20000.hand-on-the-back.lunch': 0 },
    });
    // With timers off, "time runs out" is a choice like the others.
    expect(phones[5].myVote).toBe('WATCH_PRIYA');
    // Each phone is shown its own vote with the spread (phones voting alike get one message, encoded
    // once), and every message came as text, as a browser reads JSON.
    await Promise.all(phones.map((p) => p.until((r) => r.phase === 'revealed')));
    expect(phones.map((p) => p.myVote)).toEqual([
      ...Array(2).fill('WATCH_PRIYA'),
      ...Array(2).fill('CATCH_SAMS_EYE'),
      ...Array(2).fill('WATCH_PRIYA'),
    ]);
    expect(phones.map((p) => p.binaryFrames)).toEqual(phones.map(() => 0));
    // Too late to change.
    expect(await vote(phones[2], 'WATCH_PRIYA')).toMatchObject({ type: 'error', code: 'not-voting' });

    await host.request({ type: 'advance' });
    const next = await phones[0].until((r) => r.decision === 1);
    expect(next.phase).toBe('voting');
    expect(next.scene).toEqual(['moment']);
    expect(next.path).toEqual([
      expect.objectContaining({ scene: ['lunch'], choice: 'WATCH_PRIYA', chosenBy: 'majority' }),
    ]);
    expect(phones[0].myVote).toBeNull();
  });

  it('lets the facilitator explore another branch, withholds a spread too few voted on, and ends in the debrief', async () => {
    const { host, phones } = await room(3, { minReveal: 3 });
    await host.request({ type: 'start' });
    await vote(phones[0], 'WATCH_PRIYA', 0);
    await vote(phones[1], 'WATCH_PRIYA', 0);
    await host.request({ type: 'reveal' });
    // Two votes out of the three needed: nobody, facilitator included, sees who chose what.
    expect((await host.until((r) => r.phase === 'revealed')).tally).toEqual({ shown: false, total: 2, needed: 3 });
    expect(await host.request({ type: 'advance' })).toMatchObject({ type: 'error', code: 'no-majority' });
    await host.request({ type: 'advance', choice: 'CATCH_SAMS_EYE' });
    const next = await host.until((r) => r.decision === 1);
    expect(next.path[0]).toMatchObject({ choice: 'CATCH_SAMS_EYE', chosenBy: 'facilitator' });

    for (const choice of ['SPEAK_UP', 'ASK_THE_TABLE', 'SUGGEST_COFFEE', 'ASK_WHAT_SHE_WANTS']) {
      await host.until((r) => r.phase === 'voting' && r.choices.some((c) => c.event === choice));
      await host.request({ type: 'reveal' });
      await host.request({ type: 'advance', choice });
    }
    const debrief = await phones[2].until((r) => r.phase === 'debrief');
    expect(debrief.scene).toEqual(['backed']);
    expect(debrief.choices).toEqual([]);
    expect(debrief.path.map((d) => d.choice)).toEqual([
      'CATCH_SAMS_EYE',
      'SPEAK_UP',
      'ASK_THE_TABLE',
      'SUGGEST_COFFEE',
      'ASK_WHAT_SHE_WANTS',
    ]);

    // #IWill: held until the facilitator shows it; a hidden one never reaches the wall.
    expect(
      await phones[0].request({ type: 'post', text: 'I will check in with a colleague who looks uneasy.' }),
    ).toMatchObject({ type: 'posted' });
    expect(await phones[1].request({ type: 'post', text: 'Something unkind' })).toMatchObject({ type: 'posted' });
    const pending = (await host.until((r) => (r.pending?.length ?? 0) === 2)).pending ?? [];
    expect(phones[2].room?.pending).toBeUndefined();
    expect(phones[2].room?.wall).toEqual([]);
    await host.request({ type: 'moderate', post: pending[0].id, show: true });
    await host.request({ type: 'moderate', post: pending[1].id, show: false });
    const wall = await phones[2].until((r) => r.wall.length === 1);
    expect(wall.wall).toEqual([{ id: pending[0].id, text: 'I will check in with a colleague who looks uneasy.' }]);
    expect(JSON.stringify(phones[2].received)).not.toContain('Something unkind');
  });

  it('brings a phone back after it drops: same participant, same vote, counted once', async () => {
    const { host, code, phones } = await room(5);
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    await vote(phones[0], 'CATCH_SAMS_EYE');
    const { participantId, resumeSecret } = phones[0];
    await phones[0].close();

    const back = await connect();
    const sessionId = host.room?.sessionId as string;
    expect(
      await back.request({
        type: 'resume',
        sessionId,
        participantId: participantId as string,
        resumeSecret: resumeSecret as string,
      }),
    ).toMatchObject({ type: 'welcome', participantId });
    await back.until((r) => r.phase === 'voting');
    expect(back.myVote).toBe('CATCH_SAMS_EYE');
    await vote(back, 'CATCH_SAMS_EYE');
    expect((await host.until((r) => r.voted === 1)).joined).toBe(5);

    // A wrong resume secret is not that participant.
    const impostor = await connect();
    expect(
      await impostor.request({
        type: 'resume',
        sessionId,
        participantId: participantId as string,
        resumeSecret: 'A'.repeat(22),
      }),
    ).toMatchObject({ type: 'error', code: 'not-joined' });
    // A locked room lets those already in come back, and nobody new in.
    await host.request({ type: 'lock', locked: true });
    expect(await (await connect()).request({ type: 'join', code })).toMatchObject({
      type: 'error',
      code: 'room-locked',
    });
    expect(
      await (await connect()).request({
        type: 'resume',
        sessionId,
        participantId: participantId as string,
        resumeSecret: resumeSecret as string,
      }),
    ).toMatchObject({ type: 'welcome' });
  });

  it('loses nothing when the server restarts mid-session', async () => {
    const local = await startServer(suite.target);
    const { sessionId, secret, host, phones } = await room(5, {}, local.url);
    await host.request({ type: 'start' });
    for (const phone of phones) await phone.until((r) => r.phase === 'voting');
    await host.request({ type: 'reveal' });
    await host.request({ type: 'advance', choice: 'CATCH_SAMS_EYE' });
    for (const [i, phone] of phones.entries()) await vote(phone, i < 3 ? 'SPEAK_UP' : 'STAND_BESIDE', 1);
    const identities = identitiesOf(phones);
    await local.close();

    const restarted = await startServer(suite.target);
    try {
      const back = await resumeAll(restarted.url, sessionId, identities);
      const view = await back[0].until((r) => r.phase === 'voting');
      expect(view).toMatchObject({ decision: 1, scene: ['moment'], joined: 5, voted: 5 });
      expect(back.map((p) => p.myVote)).toEqual(['SPEAK_UP', 'SPEAK_UP', 'SPEAK_UP', 'STAND_BESIDE', 'STAND_BESIDE']);
      const console2 = await connect(restarted.url);
      await console2.request({ type: 'host', sessionId, secret });
      await console2.request({ type: 'reveal' });
      const revealed = await console2.until((r) => r.phase === 'revealed');
      expect(revealed.tally).toMatchObject({ shown: true, counts: { SPEAK_UP: 3, STAND_BESIDE: 2 } });
      expect(revealed.path).toEqual([expect.objectContaining({ choice: 'CATCH_SAMS_EYE' })]);
    } finally {
      await restarted.close();
    }
  });

  it('resumes a session and exports its results after an author changed a timer while the server was down', async () => {
    // The scenarios folder holds the shipped scenario; its author then gives the lunch scene 25 s, not 20.
    const dir = mkdtempSync(join(tmpdir(), 'upstander-timer-'));
    const file = join(dir, 'hand-on-the-back.json');
    const original = readFileSync(join(ROOT, 'scenarios', 'hand-on-the-back.json'), 'utf8');
    writeFileSync(file, original);
    const local = await startServer(suite.target, { scenariosDir: dir });
    const { sessionId, secret, host, phones } = await room(5, { timers: false }, local.url);
    await host.request({ type: 'start' });
    const lunch = await phones[0].until((r) => r.phase === 'voting');
    const waited = lunch.choices.find((c) => c.event.startsWith('xstate.after.'))?.event as string;
    expect(waited).toBe('xstate.after.20000.hand-on-the-back.lunch');
    for (const [i, phone] of phones.entries()) await vote(phone, i < 3 ? waited : 'CATCH_SAMS_EYE');
    await host.request({ type: 'reveal' });
    await host.request({ type: 'advance' });
    for (const phone of phones.slice(0, 2)) await vote(phone, 'STAND_BESIDE', 1);
    const identities = identitiesOf(phones);
    // What was stored names the timed choice as "wait", never by its delay.
    const stored = await local.store.loadRoom(sessionId);
    expect(stored?.room.choices).toEqual(['wait']);
    expect(JSON.stringify(stored)).not.toContain('xstate.after');
    await local.close();

    const lunchScene = JSON.parse(original);
    lunchScene.states.lunch.after = { 25000: lunchScene.states.lunch.after['20000'] };
    writeFileSync(file, JSON.stringify(lunchScene, null, 2));
    const restarted = await startServer(suite.target, { scenariosDir: dir });
    try {
      const back = await resumeAll(restarted.url, sessionId, identities);
      const view = await back[0].until((r) => r.phase === 'voting');
      expect(view).toMatchObject({ decision: 1, scene: ['moment'], voted: 2 });
      expect(view.path).toEqual([
        expect.objectContaining({
          choice: 'xstate.after.25000.hand-on-the-back.lunch',
          tally: expect.objectContaining({
            counts: expect.objectContaining({ 'xstate.after.25000.hand-on-the-back.lunch': 3, CATCH_SAMS_EYE: 2 }),
          }),
        }),
      ]);
      expect(back.slice(0, 2).map((p) => p.myVote)).toEqual(['STAND_BESIDE', 'STAND_BESIDE']);
      const json = await fetch(new URL(`api/sessions/${sessionId}/results?format=json`, restarted.url), {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(json.status).toBe(200);
      const results = await json.json();
      expect(results.decisions[0].choices).toContainEqual(
        expect.objectContaining({ event: 'wait', votes: 3, chosen: true }),
      );
    } finally {
      await restarted.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers malformed, oversized and out-of-turn messages with an error and changes nothing', async () => {
    const { host, code, phones } = await room(5);
    const phone = phones[0];
    const errors: unknown[] = [];
    const errorNext = async (send: () => void) => {
      const reply = phone.waitFor((m) => m.type === 'error');
      send();
      errors.push(await reply);
      return errors.at(-1);
    };
    expect(await errorNext(() => phone.sendRaw('{not json'))).toMatchObject({ code: 'malformed' });
    expect(await errorNext(() => phone.sendRaw(JSON.stringify({ type: 'dance' })))).toMatchObject({
      code: 'malformed',
    });
    expect(
      await errorNext(() => phone.sendRaw(JSON.stringify({ type: 'vote', decision: 0, choice: 'X', extra: 1 }))),
    ).toMatchObject({ code: 'malformed' });
    expect(
      await errorNext(() => phone.sendRaw(JSON.stringify({ type: 'vote', decision: -1, choice: 'X' }))),
    ).toMatchObject({ code: 'malformed', message: expect.stringContaining('decision') });
    expect(await errorNext(() => phone.sendRaw(Buffer.alloc(64 * 1024, 'a')))).toMatchObject({ code: 'too-large' });
    expect(await errorNext(() => phone.sendRaw(JSON.stringify({ type: 'post', text: 'x'.repeat(100) })))).toMatchObject(
      { code: 'wrong-phase' },
    );

    // Out of turn: voting before the vote opens, on a past decision, or for a choice not on the screen.
    expect(await vote(phone, 'WATCH_PRIYA', 0)).toMatchObject({ type: 'error', code: 'not-voting' });
    await host.request({ type: 'start' });
    await phone.until((r) => r.phase === 'voting');
    expect(await vote(phone, 'WATCH_PRIYA', 3)).toMatchObject({ type: 'error', code: 'stale-decision' });
    expect(await vote(phone, 'STAND_BESIDE', 0)).toMatchObject({ type: 'error', code: 'unknown-choice' });

    // Unauthorised: a phone or the projector giving orders, a wrong facilitator secret.
    for (const order of [
      { type: 'reveal' },
      { type: 'advance', choice: 'WATCH_PRIYA' },
      { type: 'lock', locked: true },
    ] as const) {
      expect(await phone.request(order)).toMatchObject({ type: 'error', code: 'not-facilitator' });
    }
    const projector = await connect();
    expect(await projector.request({ type: 'watch', code })).toMatchObject({ type: 'welcome', role: 'presenter' });
    expect(await projector.request({ type: 'reveal' })).toMatchObject({ type: 'error', code: 'not-facilitator' });
    expect(await projector.request({ type: 'vote', decision: 0, choice: 'WATCH_PRIYA' })).toMatchObject({
      type: 'error',
      code: 'not-joined',
    });
    const stranger = await connect();
    expect(
      await stranger.request({ type: 'host', sessionId: host.room?.sessionId as string, secret: 'B'.repeat(22) }),
    ).toMatchObject({ type: 'error', code: 'not-facilitator' });
    expect(await stranger.request({ type: 'vote', decision: 0, choice: 'WATCH_PRIYA' })).toMatchObject({
      type: 'error',
      code: 'not-joined',
    });

    // Nothing changed: no votes counted, still the first decision, and the server still answers.
    await host.request({ type: 'lock', locked: false });
    expect(host.room).toMatchObject({ phase: 'voting', decision: 0, voted: 0, locked: false });
    expect(await vote(phone, 'WATCH_PRIYA', 0)).toMatchObject({ type: 'voted' });
  });

  it('throttles wrong codes per address, keeps rooms to their cap, and refuses bad session requests', async () => {
    const limited = await startServer(suite.target, { wrongCodesPerMinute: 5 });
    try {
      const { code } = await room(2, { cap: 2 }, limited.url);
      expect(await (await connect(limited.url)).request({ type: 'join', code })).toMatchObject({
        type: 'error',
        code: 'room-full',
      });
      const guesser = await connect(limited.url);
      const replies = [];
      for (let i = 0; i < 8; i++)
        replies.push((await guesser.request({ type: 'join', code: `ZZZZZ${i + 2}` })) as { code?: string });
      expect(replies.map((r) => r.code)).toEqual([...Array(5).fill('unknown-code'), ...Array(3).fill('rate-limited')]);
      // Even the right code waits out the window: guessing is not worth it.
      expect(await guesser.request({ type: 'watch', code })).toMatchObject({ type: 'error', code: 'rate-limited' });
    } finally {
      await limited.close();
    }
    expect(await createSession(suite.server.url, { scenario: 'no-such-scenario' })).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining('no-such-scenario') },
    });
    expect(await createSession(suite.server.url, { scenario: 'hand-on-the-back', minReveal: 2 })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('minReveal') },
    });
  });

  it('tells the console the address phones should open: the one it was reached at, whatever the Host header', async () => {
    const info = await (await fetch(new URL('api/info', suite.server.url))).json();
    expect(info).toEqual({ joinBase: suite.server.url });
    const odd = await new Promise<string>((resolve, reject) => {
      const req = request(new URL('api/info', suite.server.url), { headers: { host: 'not a host' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(`${res.statusCode} ${body}`));
      });
      req.on('error', reject);
      req.end();
    });
    expect(odd).toMatch(/^200 \{"joinBase":"http:\/\/127\.0\.0\.1:\d+\/"\}$/);
  });

  it('exports results as CSV and JSON for the facilitator only, with no personal data', async () => {
    const { sessionId, secret, host, phones } = await room(5);
    await host.request({ type: 'start' });
    await phones[0].until((r) => r.phase === 'voting');
    for (const [i, phone] of phones.entries()) await vote(phone, i < 3 ? 'CATCH_SAMS_EYE' : 'WATCH_PRIYA');
    await vote(phones[4], 'CATCH_SAMS_EYE');
    await host.request({ type: 'reveal' });
    await host.request({ type: 'advance' });
    await host.until((r) => r.decision === 1);

    const results = (format: string, key = secret) =>
      fetch(new URL(`api/sessions/${sessionId}/results?format=${format}`, suite.server.url), {
        headers: { authorization: `Bearer ${key}` },
      });
    expect((await results('json', 'C'.repeat(22))).status).toBe(404);
    const json = await (await results('json')).json();
    expect(json).toMatchObject({
      scenario: { id: 'hand-on-the-back', title: 'The hand on the back' },
      participants: 5,
      finished: false,
      ending: null,
      decisions: [
        {
          decision: 1,
          chosen: "Catch Sam's eye across the table. He has seen it too.",
          takenBy: 'majority',
          voters: 5,
          changedVotes: 1,
        },
      ],
    });
    expect(json.decisions[0].prompt).toEqual(expect.any(String));
    expect(json.decisions[0].choices.map((c: { votes: number }) => c.votes)).toEqual([1, 4, 0, 0]);
    // A timed choice goes by its stable name, as in the LMS: no XState internal id anywhere.
    expect(json.decisions[0].choices.map((c: { event: string }) => c.event)).toContain('wait');
    expect(JSON.stringify(json)).not.toContain('xstate.');
    const csv = await (await results('csv')).text();
    expect(csv.split('\r\n')[0]).toBe(
      'scenario,decision,description,prompt,choice,time_ran_out,tactics,harm,votes,share_percent,chosen,taken_by,voters,changed_votes,opened_at,seconds_open,median_seconds_to_vote,ending',
    );
    expect(csv).toMatch(
      /^The hand on the back,1,.+,Catch Sam's eye across the table\. He has seen it too\.,no,Bring others in 1,0,4,80,yes,majority,5,1,/m,
    );
    expect(csv).toContain('You hesitate, unsure what you saw.');
    // In the session's language when asked, with the scenario's own words.
    expect((await (await results('json&lang=es')).json()).decisions[0]).toMatchObject({
      prompt: '¿Qué haces?',
      chosen: 'Busca la mirada de Sam al otro lado de la mesa. Él también lo ha visto.',
    });
    expect((await results('xml')).status).toBe(400);
    // A timed choice is named by its label, never by its internal event.
    expect(csv + JSON.stringify(json.decisions[0].choices.map((c: { label: string }) => c.label))).not.toContain(
      'xstate.after',
    );
    for (const phone of phones) {
      expect(csv + JSON.stringify(json)).not.toContain(phone.participantId);
    }
    expect(csv + JSON.stringify(json)).not.toContain('127.0.0.1');
  });

  it('runs the shared countdown of a timed choice: time up reveals, and those who did not vote count for it', async () => {
    const timed = await startServer(suite.target, { scenariosDir: join(ROOT, 'test/fixtures/sessions') });
    try {
      const { sessionId, host, phones } = await room(
        5,
        { scenario: 'quick-timer', timers: true, minReveal: 3 },
        timed.url,
      );
      await host.request({ type: 'start' });
      const open = await phones[0].until((r) => r.phase === 'voting');
      // Reading time first, then the author's 1.5 s to decide.
      expect(open).toMatchObject({ readingMs: expect.any(Number), timerMs: 1500 });
      expect(open.remainingMs).toBeGreaterThan((open.readingMs ?? 0) + 1000);
      const timeout = open.choices.find((c) => c.timed)?.event as string;
      expect(await vote(phones[0], timeout)).toMatchObject({ type: 'error', code: 'unknown-choice' });
      for (const phone of phones.slice(0, 3)) await vote(phone, 'STEP_IN');
      // Reading time and time to decide, given room under load.
      const revealed = await host.until((r) => r.phase === 'revealed', 25_000);
      expect(revealed.tally).toEqual({ shown: true, total: 5, counts: { STEP_IN: 3, CALL_OUT: 0, [timeout]: 2 } });
      // Not before everyone had the time to read and then to decide.
      const { room: stored } = (await timed.store.loadRoom(sessionId)) ?? {};
      expect((stored?.revealedAt ?? 0) - (stored?.openedAt ?? 0)).toBeGreaterThanOrEqual((open.readingMs ?? 0) + 1500);
    } finally {
      await timed.close();
    }
  });

  it('lets a room nobody is connected to leave memory, and brings it back whole when a phone returns', async () => {
    let now = Date.now();
    const clocked = await startServer(suite.target, {}, () => now);
    try {
      const { sessionId, host, phones } = await room(5, {}, clocked.url);
      await host.request({ type: 'start' });
      await phones[0].until((r) => r.phase === 'voting');
      await vote(phones[0], 'WATCH_PRIYA');
      const { participantId, resumeSecret } = phones[0];
      await Promise.all([host, ...phones].map((c) => c.close()));
      now += 31 * 60 * 1000;
      await clocked.rooms.sweep();
      expect(clocked.rooms.loaded).toBe(0);
      const back = await connect(clocked.url);
      await back.request({
        type: 'resume',
        sessionId,
        participantId: participantId as string,
        resumeSecret: resumeSecret as string,
      });
      expect(await back.until((r) => r.phase === 'voting')).toMatchObject({ joined: 5, voted: 1 });
      expect(back.myVote).toBe('WATCH_PRIYA');
    } finally {
      await clocked.close();
    }
  });

  it('deletes sessions and their votes after the retention period', async () => {
    let now = Date.now();
    const clocked = await startServer(suite.target, { retentionDays: 1 }, () => now);
    try {
      const { sessionId, code, host, phones } = await room(5, {}, clocked.url);
      await host.request({ type: 'start' });
      await phones[0].until((r) => r.phase === 'voting');
      await vote(phones[0], 'WATCH_PRIYA');
      now += 25 * 60 * 60 * 1000;
      // The server's retention sweep, as it runs at start and every ten minutes.
      expect(await clocked.rooms.sweep()).toBeGreaterThanOrEqual(1);
      expect(await clocked.store.loadRoom(sessionId)).toBeUndefined();
      const { db } = clocked.store;
      for (const table of ['participants', 'votes', 'decisions', 'posts'] as const) {
        expect(await db.selectFrom(table).select('session_id').where('session_id', '=', sessionId).execute()).toEqual(
          [],
        );
      }
      expect(await (await connect(clocked.url)).request({ type: 'join', code })).toMatchObject({
        type: 'error',
        code: 'unknown-code',
      });
    } finally {
      await clocked.close();
    }
  });
});
