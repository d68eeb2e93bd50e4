import { describe, expect, it } from 'vitest';
import { MAX_SCENE_PART } from '../src/protocol/limits.ts';
import { testDatabases } from './support/session-server.ts';
import { sessionSuite } from './support/session-suite.ts';

/** The stage turned through a scene too long for one screen, from the console: real clients, real server, each store. */
describe.each(testDatabases())('parts of a long scene on $name', ({ target: makeTarget }) => {
  const suite = sessionSuite(makeTarget);

  it('turns the stage only at the facilitator’s word, while voting, revealed or in the debrief; a stage that comes back gets the part', async () => {
    const { code, host, phones } = await suite.room(1);
    const stage = await suite.watch(code);
    expect(await host.request({ type: 'scenePart', part: 1 })).toMatchObject({ type: 'error', code: 'wrong-phase' });
    await host.request({ type: 'start' });
    expect((await stage.until((r) => r.phase === 'voting')).scenePart).toBe(0);
    const phoneHeard = phones[0].received.length;

    expect(await host.request({ type: 'scenePart', part: 1 })).toMatchObject({ type: 'ok' });
    await stage.until((r) => r.scenePart === 1);
    await host.until((r) => r.scenePart === 1);
    // Refused, changing nothing: from a phone, from the stage itself, and parts that cannot be.
    expect(await phones[0].request({ type: 'scenePart', part: 0 })).toMatchObject({ code: 'not-facilitator' });
    expect(await stage.request({ type: 'scenePart', part: 0 })).toMatchObject({ code: 'not-facilitator' });
    expect(await host.request({ type: 'scenePart', part: -1 })).toMatchObject({ code: 'malformed' });
    expect(await host.request({ type: 'scenePart', part: 1.5 })).toMatchObject({ code: 'malformed' });
    expect(await host.request({ type: 'scenePart', part: MAX_SCENE_PART + 1 })).toMatchObject({ code: 'malformed' });
    expect(stage.room?.scenePart).toBe(1);
    // A page turn is for the screens: the phones are not sent it.
    expect(phones[0].received.slice(phoneHeard).filter((m) => m.type === 'room')).toEqual([]);

    // A stage that reloads, or a second projector, opens at the part the room is at.
    const again = await suite.watch(code);
    expect((await again.until((r) => r.phase === 'voting')).scenePart).toBe(1);

    // The spread starts at its first part and is turned the same way; the next scene starts at its first part.
    await host.request({ type: 'reveal' });
    expect((await stage.until((r) => r.phase === 'revealed')).scenePart).toBe(0);
    expect(await host.request({ type: 'scenePart', part: 2 })).toMatchObject({ type: 'ok' });
    await stage.until((r) => r.phase === 'revealed' && r.scenePart === 2);
    await host.request({ type: 'advance', choice: 'WATCH_PRIYA' });
    expect((await stage.until((r) => r.decision === 1 && r.phase === 'voting')).scenePart).toBe(0);
  });

  it('tells the console how many parts the stages show, the most of any stage connected now, and only for what is shown now', async () => {
    const { code, host, phones } = await suite.room(1);
    const small = await suite.watch(code);
    const large = await suite.watch(code);
    const report = (decision: number, phase: 'voting' | 'revealed' | 'debrief', parts: number) => ({
      type: 'stageParts' as const,
      decision,
      phase,
      parts,
    });
    expect(await small.request(report(0, 'voting', 2))).toMatchObject({ code: 'wrong-phase' });
    await host.request({ type: 'start' });
    await host.until((r) => r.phase === 'voting');
    expect(host.room?.stageParts).toBeUndefined();
    expect(await large.request(report(0, 'voting', 1))).toMatchObject({ type: 'ok' });
    await host.until((r) => r.stageParts === 1);
    expect(await small.request(report(0, 'voting', 3))).toMatchObject({ type: 'ok' });
    await host.until((r) => r.stageParts === 3);
    // Only the console is told; a phone and the stages never are.
    expect(phones[0].room?.stageParts).toBeUndefined();
    expect(small.room?.stageParts).toBeUndefined();
    // Refused, changing nothing: from a phone or the console, and counts that cannot be; a stale one is ignored.
    expect(await phones[0].request(report(0, 'voting', 5))).toMatchObject({ code: 'not-joined' });
    expect(await host.request(report(0, 'voting', 5))).toMatchObject({ code: 'not-joined' });
    expect(await small.request(report(0, 'voting', 0))).toMatchObject({ code: 'malformed' });
    expect(await small.request(report(0, 'voting', MAX_SCENE_PART + 2))).toMatchObject({ code: 'malformed' });
    expect(await small.request(report(0, 'revealed', 5))).toMatchObject({ type: 'ok' });
    expect(await small.request(report(7, 'voting', 5))).toMatchObject({ type: 'ok' });
    expect(host.room?.stageParts).toBe(3);
    // The stage that needed three parts goes: the console is told what the one left needs.
    await small.close();
    await host.until((r) => r.stageParts === 1);
    // A reveal shows something else: not known until the stage says.
    await host.request({ type: 'reveal' });
    expect((await host.until((r) => r.phase === 'revealed')).stageParts).toBeUndefined();
    await large.request(report(0, 'revealed', 2));
    await host.until((r) => r.stageParts === 2);
  });
});
