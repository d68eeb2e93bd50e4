import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/scenario-files.ts';
import { startServer, testDatabases } from './support/session-server.ts';
import { sessionSuite } from './support/session-suite.ts';

/** A team of five: real phones, a real server with short timers, each store. */
describe.each(testDatabases())('a small group on $name', ({ target: makeTarget }) => {
  const suite = sessionSuite(makeTarget, { scenariosDir: join(ROOT, 'test/fixtures/sessions') });

  /** A team of `n` phones on a short timed choice, voting on its first decision. */
  async function team(n: number, minReveal: number) {
    const made = await suite.room(n, { scenario: 'quick-timer', timers: true, minReveal });
    await made.host.request({ type: 'start' });
    await Promise.all(made.phones.map((p) => p.until((r) => r.phase === 'voting')));
    return made;
  }

  it('shows five phones their spread when one lets the time run out (minimum 5)', async () => {
    const { host, phones, sessionId, secret } = await team(5, 5);
    for (const [i, phone] of phones.slice(0, 4).entries())
      await phone.request({ type: 'vote', decision: 0, choice: i < 3 ? 'STEP_IN' : 'CALL_OUT' });
    const revealed = await phones[4].until((r) => r.phase === 'revealed', 25_000);
    const timeout = revealed.choices.find((c) => c.timed)?.event as string;
    expect(revealed.tally).toEqual({ shown: true, total: 5, counts: { STEP_IN: 3, CALL_OUT: 1, [timeout]: 1 } });
    // The facilitator goes on with the majority, and the debrief has the room's spread behind it.
    expect(await host.request({ type: 'advance' })).toMatchObject({ type: 'ok' });
    const debrief = await host.until((r) => r.phase === 'debrief');
    expect(debrief.path[0]).toMatchObject({ choice: 'STEP_IN', chosenBy: 'majority', tally: { shown: true } });

    // The trainer's export: the ending reached, and the posts the facilitator showed only when asked.
    await phones[0].request({ type: 'post', text: 'I will step in.' });
    await phones[1].request({ type: 'post', text: 'A post the facilitator hides.' });
    const pending = await host.until((r) => (r.pending ?? []).length === 2);
    const [shown, hidden] = pending.pending ?? [];
    await host.request({ type: 'moderate', post: shown.id, show: true });
    await host.request({ type: 'moderate', post: hidden.id, show: false });
    const results = async (query: string) =>
      (
        await fetch(new URL(`api/sessions/${sessionId}/results?${query}`, suite.server.url), {
          headers: { authorization: `Bearer ${secret}` },
        })
      ).text();
    const csv = await results('format=csv&posts=1');
    expect(csv).toMatch(
      /^A quick timer,1,Someone is being crowded\.,What do you do\?,Step in\.,no,Step forward 2,0,3,60,yes,majority,5,0,.*,Helped$/m,
    );
    expect(csv).toMatch(
      /^A quick timer,1,Someone is being crowded\.,What do you do\?,Time runs out\.,yes,,1,1,20,no,majority,5,0,.*,Helped$/m,
    );
    expect(csv.endsWith('\r\n\r\niwill_post\r\nI will step in.\r\n')).toBe(true);
    expect(csv).not.toContain('hides');
    const json = JSON.parse(await results('format=json'));
    expect(json).toMatchObject({ ending: { title: 'Helped', kind: 'good' }, finished: true });
    expect(json).not.toHaveProperty('posts');
  });

  it('says the time ran out, not the majority, when nobody voted before the timed choice closed the vote', async () => {
    const { host, phones, sessionId, secret } = await team(5, 5);
    const revealed = await host.until((r) => r.phase === 'revealed', 8000);
    const timeout = revealed.choices.find((c) => c.timed)?.event as string;
    expect(revealed.tally).toEqual({ shown: true, total: 5, counts: { STEP_IN: 0, CALL_OUT: 0, [timeout]: 5 } });
    expect(await host.request({ type: 'advance' })).toMatchObject({ type: 'ok' });
    // Every view's path and the export say the same: the clock took it, for the phones too.
    const debrief = await phones[0].until((r) => r.phase === 'debrief');
    expect(debrief.path[0]).toMatchObject({ choice: timeout, chosenBy: 'time-ran-out' });
    const csv = await (
      await fetch(new URL(`api/sessions/${sessionId}/results?format=csv`, suite.server.url), {
        headers: { authorization: `Bearer ${secret}` },
      })
    ).text();
    expect(csv).toMatch(/^A quick timer,1,.*,Time runs out\.,yes,,1,5,100,yes,time-ran-out,5,/m);
    // Stored as such: a second server on the same store reads it back.
    const second = await startServer(suite.target, { scenariosDir: join(ROOT, 'test/fixtures/sessions') });
    try {
      const again = await suite.connect(second.url);
      await again.request({ type: 'host', sessionId, secret });
      expect((await again.until((r) => r.phase === 'debrief')).path[0].chosenBy).toBe('time-ran-out');
    } finally {
      await second.close();
    }
  });

  it('still never shows fewer than the minimum: four phones, one silent, minimum 5', async () => {
    const { host, phones } = await team(4, 5);
    for (const phone of phones.slice(0, 3)) await phone.request({ type: 'vote', decision: 0, choice: 'STEP_IN' });
    const revealed = await host.until((r) => r.phase === 'revealed', 25_000);
    expect(revealed.tally).toEqual({ shown: false, total: 4, needed: 5 });
    // Nor does a phone see more than the console.
    expect((await phones[3].until((r) => r.phase === 'revealed')).tally).toEqual({ shown: false, total: 4, needed: 5 });
  });
});
