import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/engine/scenario.types.ts';
import type { ServerMessage } from '../src/protocol/messages.ts';
import { ROOT } from './support/scenario-files.ts';
import type { SessionClient } from './support/session-client.ts';
import { startServer, testDatabases } from './support/session-server.ts';
import { sessionSuite } from './support/session-suite.ts';

/** Words as a reader counts them: runs of letters or digits (apostrophes inside a word keep it whole). */
const words = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
/** Whole seconds to read `n` words at 150 words a minute, in ms. */
const readingAt150 = (n: number) => Math.ceil((n / 150) * 60) * 1000;

/** A message `tab` was sent, already or within 10 s (it may come before the reply to another tab). */
const told = (tab: SessionClient, test: (m: ServerMessage) => boolean) => tab.received.find(test) ?? tab.waitFor(test);

/** The shared countdown of a timed choice, and what every tab of a seat is told, once per store. */
describe.each(testDatabases())('a room’s countdown and seats on $name', ({ target: makeTarget }) => {
  const suite = sessionSuite(makeTarget);

  it('starts the shared countdown only after the time to read the scene and its choices', async () => {
    const now = 1_800_000_000_000;
    const clocked = await startServer(suite.target, { scenariosDir: join(ROOT, 'test/fixtures/sessions') }, () => now);
    try {
      const { sessionId, host, phones } = await suite.room(2, { scenario: 'quick-timer', timers: true }, clocked.url);
      await host.request({ type: 'start' });
      const open = await phones[0].until((r) => r.phase === 'voting');
      // "Someone is being crowded." "What do you do?" "Step in." "Call out." "Time runs out.": 15 words, 6 s.
      const reading = readingAt150(15);
      expect(reading).toBe(6000);
      expect(open).toMatchObject({ readingMs: reading, timerMs: 1500, remainingMs: reading + 1500 });
      const stored = await clocked.store.loadRoom(sessionId);
      expect(stored?.room.deadline).toBe(now + reading + 1500);
      expect(stored?.room.openedAt).toBe(now);
      // The projector and the console see the same reading time first.
      expect(await host.until((r) => r.phase === 'voting')).toMatchObject({ readingMs: reading, timerMs: 1500 });
    } finally {
      await clocked.close();
    }
  });

  it('counts nobody for the time running out when the facilitator reveals before it has', async () => {
    const fixtures = await startServer(suite.target, { scenariosDir: join(ROOT, 'test/fixtures/sessions') });
    try {
      const settings = { scenario: 'quick-timer', timers: true, minReveal: 3 };
      const { host, phones } = await suite.room(4, settings, fixtures.url);
      await host.request({ type: 'start' });
      await Promise.all(phones.map((p) => p.until((r) => r.phase === 'voting')));
      // Three vote during the reading time; the fourth has not yet when the facilitator reveals.
      for (const [i, phone] of phones.slice(0, 3).entries())
        await phone.request({ type: 'vote', decision: 0, choice: i < 2 ? 'STEP_IN' : 'CALL_OUT' });
      await host.request({ type: 'reveal' });
      const revealed = await phones[3].until((r) => r.phase === 'revealed');
      const timeout = revealed.choices.find((c) => c.timed)?.event as string;
      expect(revealed.tally).toEqual({ shown: true, total: 3, counts: { STEP_IN: 2, CALL_OUT: 1, [timeout]: 0 } });
    } finally {
      await fixtures.close();
    }
  });

  it('allows reading time for the longest of the scenario’s languages', async () => {
    const now = 1_800_000_000_000;
    const clocked = await startServer(suite.target, {}, () => now);
    try {
      const { host, phones } = await suite.room(1, { scenario: 'hand-on-the-back', timers: true }, clocked.url);
      await host.request({ type: 'start' });
      const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios/hand-on-the-back.json'), 'utf8')) as Scenario;
      const scene = scenario.states[scenario.initial];
      const texts = (language: string) => {
        const pick = (t: unknown) => (typeof t === 'string' ? t : (t as Record<string, string>)[language]);
        const narrative = scene.meta?.narrative;
        return [
          ...(Array.isArray(narrative) ? narrative : [narrative]).map(pick),
          pick(scene.meta?.prompt),
          ...Object.values({ ...scene.on, ...scene.after }).flatMap((c) =>
            (Array.isArray(c) ? c : [c]).map((alt) => pick((alt as { meta: { label: unknown } }).meta.label)),
          ),
        ];
      };
      const longest = Math.max(
        ...(scenario.meta.languages ?? [scenario.meta.language]).map((l) =>
          readingAt150(texts(l).reduce((n, t) => n + words(t ?? ''), 0)),
        ),
      );
      expect(scenario.meta.languages?.length).toBeGreaterThan(1);
      const open = await phones[0].until((r) => r.phase === 'voting');
      // About 110 words: far more than the scene's 20 s to decide, which now all go to deciding.
      expect(open.readingMs).toBe(longest);
      expect(open.readingMs).toBeGreaterThan(30_000);
      expect(open.remainingMs).toBe(longest + 20_000);
    } finally {
      await clocked.close();
    }
  });

  it('tells every open tab of a seat its vote, guess and moment when one tab changes them', async () => {
    const { host, phones } = await suite.room(1);
    const [tab1] = phones;
    const tab2 = await suite.connect();
    await tab2.request({
      type: 'resume',
      sessionId: (await tab1.until(() => true)).sessionId,
      participantId: tab1.participantId as string,
      resumeSecret: tab1.resumeSecret as string,
    });
    await host.request({ type: 'start' });
    await Promise.all([tab1, tab2].map((tab) => tab.until((r) => r.phase === 'voting')));
    expect(await tab1.request({ type: 'vote', decision: 0, choice: 'WATCH_PRIYA' })).toMatchObject({ type: 'voted' });
    await told(tab2, (m) => m.type === 'seat' && m.myVote === 'WATCH_PRIYA');
    expect(await tab2.request({ type: 'vote', decision: 0, choice: 'CATCH_SAMS_EYE' })).toMatchObject({
      type: 'voted',
    });
    await told(tab1, (m) => m.type === 'seat' && m.myVote === 'CATCH_SAMS_EYE');
    expect(tab1.myVote).toBe('CATCH_SAMS_EYE');
    expect(await tab2.request({ type: 'guess', decision: 0, choice: 'WATCH_PRIYA' })).toMatchObject({ type: 'ok' });
    await told(tab1, (m) => m.type === 'seat' && m.myGuess === 'WATCH_PRIYA');
    expect(await tab1.request({ type: 'moment', on: true })).toMatchObject({ type: 'ok' });
    await told(tab2, (m) => m.type === 'seat' && m.myMoment === true);
    expect(tab2).toMatchObject({ myVote: 'CATCH_SAMS_EYE', myGuess: 'WATCH_PRIYA', myMoment: true });
    // The room counts the one seat once, with its latest vote.
    await host.request({ type: 'reveal' });
    const revealed = await host.until((r) => r.phase === 'revealed');
    expect(revealed.voted).toBe(1);
  });
});
