import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/scenario-files.ts';
import { SessionClient } from './support/session-client.ts';
import {
  createSession,
  type RunningServer,
  resetDatabase,
  startServer,
  testDatabases,
} from './support/session-server.ts';

/** A team of five: real phones, a real server with short timers, each store. */
describe.each(testDatabases())('a small group on $name', ({ target: makeTarget }) => {
  let server: RunningServer;
  const clients: SessionClient[] = [];

  beforeAll(async () => {
    const target = makeTarget();
    await resetDatabase(target);
    server = await startServer(target, { scenariosDir: join(ROOT, 'test/fixtures/sessions') });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(() => server.close());

  const connect = async () => {
    const client = await SessionClient.connect(server.url);
    clients.push(client);
    return client;
  };

  async function team(n: number, minReveal: number) {
    const created = await createSession(server.url, { scenario: 'quick-timer', timers: true, minReveal });
    const { sessionId, code, secret } = created.body;
    const host = await connect();
    await host.request({ type: 'host', sessionId, secret });
    const phones: SessionClient[] = [];
    for (let i = 0; i < n; i++) {
      const phone = await connect();
      await phone.request({ type: 'join', code });
      phones.push(phone);
    }
    await host.request({ type: 'start' });
    await Promise.all(phones.map((p) => p.until((r) => r.phase === 'voting')));
    return { host, phones };
  }

  it('shows five phones their spread when one lets the time run out (minimum 5)', async () => {
    const { host, phones } = await team(5, 5);
    for (const [i, phone] of phones.slice(0, 4).entries())
      await phone.request({ type: 'vote', decision: 0, choice: i < 3 ? 'STEP_IN' : 'CALL_OUT' });
    const revealed = await phones[4].until((r) => r.phase === 'revealed', 8000);
    const timeout = revealed.choices.find((c) => c.timed)?.event as string;
    expect(revealed.tally).toEqual({ shown: true, total: 5, counts: { STEP_IN: 3, CALL_OUT: 1, [timeout]: 1 } });
    // The facilitator goes on with the majority, and the debrief has the room's spread behind it.
    expect(await host.request({ type: 'advance' })).toMatchObject({ type: 'ok' });
    const debrief = await host.until((r) => r.phase === 'debrief');
    expect(debrief.path[0]).toMatchObject({ choice: 'STEP_IN', chosenBy: 'majority', tally: { shown: true } });
  });

  it('still never shows fewer than the minimum: four phones, one silent, minimum 5', async () => {
    const { host, phones } = await team(4, 5);
    for (const phone of phones.slice(0, 3)) await phone.request({ type: 'vote', decision: 0, choice: 'STEP_IN' });
    const revealed = await host.until((r) => r.phase === 'revealed', 8000);
    expect(revealed.tally).toEqual({ shown: false, total: 4, needed: 5 });
    // Nor does a phone see more than the console.
    expect((await phones[3].until((r) => r.phase === 'revealed')).tally).toEqual({ shown: false, total: 4, needed: 5 });
  });
});
