import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, sharedChromium } from '../support/browser.ts';
import { ROOT } from '../support/scenario-files.ts';
import { SessionClient } from '../support/session-client.ts';
import { createSession, type RunningServer, startServer, testDatabases } from '../support/session-server.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';

const browser = sharedChromium();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** Short beats, so that the test's waits stay within the detection window (two beats and a second). */
const BEAT_MS = 300;
const DETECTION_MS = 2 * BEAT_MS + 1000;

let server: RunningServer;
let proxy: TcpProxy;
beforeAll(async () => {
  server = await startServer(testDatabases()[0].target(), { appDir: join(ROOT, 'dist'), heartbeatMs: BEAT_MS });
  proxy = await TcpProxy.start(server.url);
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

const voteButtons = (phone: Page) => phone.locator('.session.phone .choice');

describe('a phone whose network dies without closing', () => {
  it('says it is reconnecting within seconds, sends a vote tapped meanwhile once back, and says plainly when one was not counted', async () => {
    const created = await createSession(server.url, { scenario: 'hand-on-the-back', timers: false, minReveal: 3 });
    const { sessionId, code, secret } = created.body;
    const host = await SessionClient.connect(server.url);
    await host.request({ type: 'host', sessionId, secret });

    // The phone reaches the server through a network that can die.
    const phone = await newPage(browser(), PHONE);
    await phone.goto(`${proxy.url}#/join/${code}/${sessionId}`);
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByText('Waiting for the facilitator to start.').waitFor();
    await host.request({ type: 'start' });
    await voteButtons(phone).first().waitFor();
    const labels = await voteButtons(phone).allTextContents();

    // The network dies: nothing closes. Within the window the phone says so, visibly and to screen readers.
    proxy.freeze();
    const frozenAt = Date.now();
    const reconnecting = phone.getByRole('status').getByText('Connection lost: reconnecting.');
    await reconnecting.waitFor({ timeout: DETECTION_MS + 1000 });
    expect(Date.now() - frozenAt).toBeLessThan(DETECTION_MS + 1000);
    // A tap meanwhile is kept and said to be kept.
    await voteButtons(phone).first().click();
    await phone
      .getByText(`Connection lost: your vote for “${labels[0]}” will be sent as soon as the connection is back.`)
      .waitFor();
    expect(host.room?.voted).toBe(0);

    // The network is back: the phone comes back as itself and its vote arrives, once.
    proxy.thaw();
    await host.until((r) => r.voted === 1, 15_000);
    await phone.getByText(`Your vote: ${labels[0]}`).waitFor();
    await reconnecting.waitFor({ state: 'detached' });
    expect(host.room?.joined).toBe(1);

    // It dies again; the phone changes its vote, but the votes are revealed before it comes back.
    proxy.freeze();
    await reconnecting.waitFor({ timeout: DETECTION_MS + 1000 });
    await voteButtons(phone).last().click();
    await host.request({ type: 'reveal' });
    proxy.thaw();
    await phone
      .getByRole('alert')
      .getByText(`Your vote for “${labels.at(-1)}” was not counted: the connection was down until voting closed.`)
      .waitFor({ timeout: 15_000 });
    expect(await phone.getByText(`You voted: ${labels[0]}`).count()).toBe(1);
    await host.close();
  }, 60_000);
});
