import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, newPage, sharedChromium } from '../support/browser.ts';
import { layoutProblems, openConsole } from '../support/layout.ts';
import { SessionClient } from '../support/session-client.ts';
import { createSession } from '../support/session-server.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

/** The facilitator's laptop: a 1366×768 browser window. */
const LAPTOP = { viewport: { width: 1366, height: 768 } };

/** What the facilitator must read or press in each phase, all of it without scrolling. */
const MUST_SEE = {
  lobby: ['.console-controls button', '.join-code', '.console .qr', '.room-counts'],
  voting: [
    '.console-controls button',
    '.decision-count',
    '#session-prompt',
    '.room-counts',
    '.join-code',
    '.console .room-choices li',
  ],
  // Every bar with its label and figures, every go-on control (the explore list included).
  revealed: [
    '.console-controls button',
    '.explore-choices button',
    '.decision-count',
    '#session-prompt',
    '#votes-title',
    '.console .vote-bars li',
    '.console .vote-bars .vote-label',
    '.console .vote-bars .vote-figure',
    '.console .vote-bars .bar-track',
    '.join-code',
  ],
  debrief: ['.console-controls button', '#moderate-title', '#ending-title', '.join-code'],
} as const;

/** Checks the console in `phase`: everything in view, no sideways scroll, axe clean, a screenshot to look at. */
async function checkConsole(page: Page, phase: keyof typeof MUST_SEE, scenario: string) {
  expect(await layoutProblems(page, MUST_SEE[phase]), `${scenario} ${phase}`).toEqual([]);
  // One toolbar row: every control of the bar at the height of the first.
  const tops = await page
    .locator('.console-controls > button, .console-controls > p')
    .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(tops).size, `${scenario} ${phase}: the controls wrap onto rows at ${tops}`).toBe(1);
  expect(await axeViolations(page), `axe: ${scenario} ${phase}`).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/console-${scenario}-${phase}.png` });
}

describe('the facilitator’s console on a 1366×768 laptop', () => {
  // The four-choice scene most scenarios open with, and the five-choice one with the longest labels.
  it.each(['hand-on-the-back', 'the-lab'])(
    'shows %s’s controls, prompt, counts, code and every bar without scrolling, in every phase',
    async (scenario) => {
      const created = await createSession(baseUrl, { scenario, timers: false, minReveal: 3 });
      expect(created.status).toBe(201);
      const { sessionId, code, secret } = created.body;
      const page = await newPage(browser(), LAPTOP);
      const phones: SessionClient[] = [];
      try {
        await openConsole(page, baseUrl, sessionId, secret);
        const host = await SessionClient.connect(baseUrl);
        phones.push(host);
        await host.request({ type: 'watch', code });
        const room = await host.until(() => true);
        // One more phone than choices, so every bar has a vote and one choice is the majority.
        const count = room.choices.length + 1;
        for (let i = 0; i < count; i++) {
          const phone = await SessionClient.connect(baseUrl);
          phones.push(phone);
          expect(await phone.request({ type: 'join', code })).toMatchObject({ type: 'welcome' });
        }
        await page.getByText(`${count} joined`).waitFor();
        await checkConsole(page, 'lobby', scenario);

        await page.keyboard.press('n');
        const voting = await host.until((r) => r.phase === 'voting');
        expect(voting.choices.length).toBeGreaterThanOrEqual(4);
        for (const [i, phone] of phones.slice(1).entries()) {
          const choice = voting.choices[i % voting.choices.length].event;
          expect(await phone.request({ type: 'vote', decision: 0, choice })).toMatchObject({ type: 'voted' });
        }
        await page.getByText(`${count} voted`).waitFor();
        await checkConsole(page, 'voting', scenario);

        await page.keyboard.press('r');
        await page.locator('.console .vote-bars li').first().waitFor();
        expect(await page.locator('.console .vote-bars li').count()).toBe(voting.choices.length);
        // The figures are the room's: two votes on the first choice, one on each other.
        expect(await page.locator('.console .vote-bars .vote-figure').first().textContent()).toMatch(/^2 votes/);
        await checkConsole(page, 'revealed', scenario);
        // In Spanish, whose labels run longer, the toolbar is still one row and everything in view.
        await page.getByLabel('Language').selectOption('es');
        await page.getByRole('heading', { name: 'Cómo votó la sala' }).waitFor();
        await checkConsole(page, 'revealed', `${scenario}-es`);
        await page.getByLabel('Idioma').selectOption('en');
        await page.getByRole('heading', { name: 'How the room voted' }).waitFor();

        // Explore a choice from the list beside the bars, then on to the debrief by the majority.
        await page.locator('.explore-choices button').nth(1).click();
        await page
          .getByText(/^Decision 2\b/)
          .or(page.locator('#ending-title'))
          .first()
          .waitFor();
        while (!(await page.locator('#ending-title').count())) {
          const at = (await host.until(() => true)).decision;
          await page.keyboard.press('r');
          await page.locator('#votes-title').waitFor();
          await page.locator('.explore-choices button').first().click();
          await host.until((r) => r.decision !== at || r.phase === 'debrief');
          await page.waitForTimeout(50);
        }
        await page.locator('#moderate-title').waitFor();
        await checkConsole(page, 'debrief', scenario);
      } finally {
        await Promise.all(phones.map((p) => p.close()));
        await page.context().close();
      }
    },
    180_000,
  );
});
