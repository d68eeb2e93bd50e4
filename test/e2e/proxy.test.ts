import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, sharedChromium } from '../support/browser.ts';
import { NGINX_EXAMPLE, startNginx } from '../support/nginx.ts';
import { ROOT } from '../support/scenario-files.ts';
import { type RunningServer, startServer, testDatabases } from '../support/session-server.ts';

const browser = sharedChromium();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const PREFIX = 'upstander/';

/** The server as the README's example runs it behind nginx: on loopback, trusting only the proxy there. */
let server: RunningServer;
beforeAll(async () => {
  server = await startServer(testDatabases()[0].target(), {
    appDir: join(ROOT, 'dist'),
    trustProxy: { kind: 'addresses', addresses: ['127.0.0.1'] },
  });
});
afterAll(async () => {
  await server?.close();
});

/** A facilitator starts a session for the first scenario with a reveal minimum of 3 and no timers. */
async function startSession(base: string) {
  const host = await newPage(browser());
  await host.goto(base);
  await host.getByRole('link', { name: 'Run with a group: The hand on the back' }).click();
  await host.getByLabel('Votes needed before the spread is shown').fill('3');
  await host.getByLabel('Timed choices run a shared countdown').uncheck();
  await host.getByRole('button', { name: 'Start the session' }).click();
  return host;
}

const voteButtons = (phone: Page) => phone.locator('.session.phone .choice');

describe('behind nginx at a sub-path, configured as the README shows', () => {
  it('is the configuration the README shows, word for word', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`nginx\n${readFileSync(NGINX_EXAMPLE, 'utf8').trimEnd()}\n\`\`\``);
  });

  it('plays a session with a console, a projector and three phones, with the join address under the prefix', async () => {
    const nginx = await startNginx(server.url);
    try {
      const base = `${nginx.url}${PREFIX}`;
      const host = await startSession(base);
      await host.getByRole('heading', { name: 'Facilitating: The hand on the back' }).waitFor();
      const sessionId = /#\/console\/([A-Za-z0-9_-]{22})$/.exec(host.url())?.[1];
      const code = ((await host.locator('.join-code [aria-hidden]').textContent()) ?? '').replace(' ', '');
      // No PUBLIC_URL: the address phones are shown comes from nginx's forwarded host and prefix. The
      // console keeps its join panel small; the projector shows the address in the lobby.
      await host.locator('.join-address', { hasText: `${base}#/join` }).waitFor({ state: 'attached' });

      const screen = await newPage(browser(), { viewport: { width: 1280, height: 800 } });
      await screen.goto(`${base}#/screen/${code}/${sessionId}`);
      await screen.getByText('Content note').waitFor();
      await screen.locator('.join-address', { hasText: `${base}#/join` }).waitFor();

      // One phone types the code; two open the QR code's link (code and session id).
      const phones: Page[] = [];
      for (let i = 0; i < 3; i++) {
        const phone = await newPage(browser(), PHONE);
        if (i === 0) {
          await phone.goto(`${base}#/join`);
          await phone.getByLabel('The code on the screen').fill(code);
        } else await phone.goto(`${base}#/join/${code}/${sessionId}`);
        await phone.getByRole('button', { name: 'Join' }).click();
        await phone.getByText('Waiting for the facilitator to start.').waitFor();
        phones.push(phone);
      }
      await screen.getByText('3 joined').waitFor();

      await host.getByRole('button', { name: 'Start the first scene' }).click();
      let decisions = 0;
      while (!(await host.getByRole('heading', { name: 'The path the group took' }).isVisible())) {
        for (const phone of phones) await voteButtons(phone).first().waitFor();
        for (const phone of phones) await voteButtons(phone).first().click();
        await host.getByText('3 voted').waitFor();
        await host.getByRole('button', { name: 'Reveal the votes' }).click();
        await screen.getByRole('heading', { name: 'How the room voted' }).waitFor();
        await phones[2].getByRole('heading', { name: 'How the room voted' }).waitFor();
        await host.getByRole('button', { name: /^Follow the majority/ }).click();
        decisions += 1;
        await host.getByRole('heading', { name: 'How the room voted' }).waitFor({ state: 'detached' });
      }
      expect(decisions).toBeGreaterThanOrEqual(3);
      for (const page of [screen, ...phones])
        await page.getByRole('heading', { name: 'The path the group took' }).waitFor();
      // Nobody was ever told the line was down.
      for (const page of [host, screen, ...phones]) expect(await page.locator('.notice').count()).toBe(0);
    } finally {
      await nginx.close();
    }
  }, 120_000);

  it('without the upgrade headers, the console and the phone say the realtime channel cannot open', async () => {
    const nginx = await startNginx(server.url, (conf) =>
      conf.replace(/^\s*proxy_set_header (Upgrade|Connection) .*$/gm, ''),
    );
    try {
      const base = `${nginx.url}${PREFIX}`;
      const host = await startSession(base);
      await host
        .getByRole('alert')
        .getByText(/The live connection cannot open: the server answers, but its WebSocket address/)
        .waitFor();
      expect(await host.getByRole('alert').textContent()).toContain('pass WebSocket upgrades');
      const phone = await newPage(browser(), PHONE);
      await phone.goto(`${base}#/join/ABCDEF`);
      await phone.getByRole('button', { name: 'Join' }).click();
      await phone.getByRole('alert').getByText('Live voting cannot connect through this network.').waitFor();
    } finally {
      await nginx.close();
    }
  }, 60_000);
});
