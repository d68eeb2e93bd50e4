import { describe, expect, it } from 'vitest';
import { createSession, startServer, testDatabases } from './support/session-server.ts';
import { sessionSuite } from './support/session-suite.ts';

/** Ending a session on purpose, with real clients against the real server, once per store. */
describe.each(testDatabases())('ending a group session on $name', ({ target: makeTarget }) => {
  const suite = sessionSuite(makeTarget);
  const { connect } = suite;

  it('closes the room for everyone mid-vote, keeps it closed across a restart, and refuses anything more', async () => {
    const local = await startServer(suite.target);
    const created = await createSession(local.url, { scenario: 'hand-on-the-back', timers: true });
    const { sessionId, code, secret } = created.body;
    const host = await connect(local.url);
    await host.request({ type: 'host', sessionId, secret });
    const phone = await connect(local.url);
    await phone.request({ type: 'join', code });
    const screen = await connect(local.url);
    await screen.request({ type: 'watch', code });
    // Only the facilitator may end it.
    expect(await phone.request({ type: 'end' })).toMatchObject({ type: 'error', code: 'not-facilitator' });
    await host.request({ type: 'start' });
    await phone.until((r) => r.phase === 'voting');
    await phone.request({ type: 'vote', decision: 0, choice: 'CATCH_SAMS_EYE' });

    expect(await host.request({ type: 'end' })).toMatchObject({ type: 'ok' });
    for (const client of [host, phone, screen]) {
      const view = await client.until((r) => r.phase === 'closed');
      expect(view.locked).toBe(true);
      // The countdown stops with it.
      expect(view.remainingMs).toBeUndefined();
    }
    // Nothing more happens in it: no vote, no reveal, no second end, no unlocking, no new phone.
    expect(await phone.request({ type: 'vote', decision: 0, choice: 'WATCH_PRIYA' })).toMatchObject({
      code: 'not-voting',
    });
    expect(await host.request({ type: 'reveal' })).toMatchObject({ code: 'wrong-phase' });
    expect(await host.request({ type: 'end' })).toMatchObject({ code: 'wrong-phase' });
    expect(await host.request({ type: 'lock', locked: false })).toMatchObject({ code: 'wrong-phase' });
    const late = await connect(local.url);
    expect(await late.request({ type: 'join', code })).toMatchObject({ type: 'error', code: 'room-locked' });
    await local.close();

    // Stored as closed: after a restart the console finds it ended, not voting.
    const restarted = await startServer(suite.target);
    try {
      const back = await connect(restarted.url);
      await back.request({ type: 'host', sessionId, secret });
      expect((await back.until(() => true)).phase).toBe('closed');
    } finally {
      await restarted.close();
    }
  });
});
