import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, newPage, sharedChromium } from '../support/browser.ts';
import { ROOT } from '../support/scenario-files.ts';
import { SessionClient } from '../support/session-client.ts';
import { createSession } from '../support/session-server.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

const phone = (width: number, height: number) => ({ viewport: { width, height }, isMobile: true, hasTouch: true });
/** The screens a real room uses: two projectors, a laptop, and phones down to the narrowest in use. */
const VIEWS = {
  stage1080: { viewport: { width: 1920, height: 1080 } },
  stage720: { viewport: { width: 1280, height: 720 } },
  console: { viewport: { width: 1366, height: 768 } },
  phone360: phone(360, 640),
  phone390: phone(390, 844),
  phone320: phone(320, 640),
} as const;
type View = keyof typeof VIEWS;

/** Shipped scenarios, with their longest narrative (characters of English text in one scene). */
function shippedScenarios(): { id: string; longest: number; timedFirst: boolean }[] {
  const english = (t: unknown): string =>
    typeof t === 'string'
      ? t
      : Array.isArray(t)
        ? t.map(english).join(' ')
        : t && typeof t === 'object'
          ? english((t as Record<string, unknown>).en ?? '')
          : '';
  const longest = (states: Record<string, { meta?: { narrative?: unknown }; states?: object }>): number =>
    Math.max(
      0,
      ...Object.values(states).map((s) =>
        Math.max(english(s.meta?.narrative).length, s.states ? longest(s.states as never) : 0),
      ),
    );
  return readdirSync(`${ROOT}/scenarios`)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(`${ROOT}/scenarios/${f}`, 'utf8')))
    .filter((s) => s.states)
    .map((s) => ({ id: s.id as string, longest: longest(s.states), timedFirst: !!s.states[s.initial]?.after }));
}

/**
 * What is wrong with how `page` shows the elements a person must see: each selector must match at
 * least one element (unless it starts with `?`), every element it matches must lie inside the window,
 * and the page must not scroll sideways. With `still`, the page must not scroll at all, and no region
 * of it may hide text by overflowing its box (the projected stage).
 */
async function layoutProblems(page: Page, selectors: readonly string[], still = false): Promise<string[]> {
  return page.evaluate(
    ({ selectors, still }) => {
      window.scrollTo(0, 0);
      const problems: string[] = [];
      const { innerWidth: w, innerHeight: h } = window;
      const root = document.documentElement;
      if (root.scrollWidth > w) problems.push(`scrolls sideways: ${root.scrollWidth} > ${w}`);
      if (still && root.scrollHeight > h) problems.push(`scrolls down: ${root.scrollHeight} > ${h}`);
      if (still)
        for (const region of document.querySelectorAll<HTMLElement>('.stage-body > *'))
          if (region.scrollHeight > region.clientHeight + 1 || region.scrollWidth > region.clientWidth + 1)
            problems.push(`${region.className} overflows its box`);
      for (const entry of selectors) {
        const optional = entry.startsWith('?');
        const selector = optional ? entry.slice(1) : entry;
        const found = [...document.querySelectorAll(selector)];
        if (!found.length && !optional) problems.push(`${selector}: missing`);
        for (const el of found) {
          const r = el.getBoundingClientRect();
          if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1)
            problems.push(
              `${selector} "${(el.textContent ?? '').slice(0, 30)}" at ${[r.left, r.top, r.right, r.bottom].map(Math.round)}`,
            );
        }
      }
      return problems;
    },
    { selectors, still },
  );
}

/** What each view must show in each phase, all of it on its first screen. */
const MUST_SEE: Record<string, Partial<Record<View, readonly string[]>>> = {
  lobby: {
    stage1080: [
      '.stage h1',
      '.join-code',
      '.stage .qr',
      '.join-address',
      '.room-counts',
      '.full-screen',
      '.content-note p',
    ],
    console: ['.console-controls button', '.join-code', '.console .qr', '.room-counts'],
    phone360: ['.content-note h1', '.content-note [role="status"]'],
  },
  voting: {
    stage1080: [
      '#stage-prompt',
      '.room-choices li',
      '.stage-voted',
      '.join-corner .join-code',
      '.join-corner .qr',
      '.stage-narrative p',
      '?.countdown',
    ],
    console: [
      '.console-controls button',
      '.decision-count',
      '.join-code',
      '.discussion h2',
      '?.facilitator-notes h2',
      '#choices-title',
    ],
    phone360: ['#session-prompt', '.choice', '?.phone-countdown'],
  },
  revealed: {
    stage1080: ['.stage-prompt', '.vote-bars li', '.vote-feedback', '.guess-bars li', '.discussion li'],
    console: ['.console-controls button', '.decision-count', '#votes-title'],
    phone360: ['#session-prompt'],
  },
  debrief: {
    stage1080: ['#ending-title', '.group-path li', '.score-table', '.wall li'],
    console: ['.console-controls button', '#moderate-title'],
    phone360: ['#ending-title'],
  },
  closed: {
    stage1080: ['#ended-title'],
    console: ['#ended-title'],
    phone360: ['#ended-title'],
  },
};

/** The selectors for `view` in `phase`: stages share theirs, phones theirs. */
function mustSee(phase: string, view: View): readonly string[] {
  const table = MUST_SEE[phase];
  if (view.startsWith('stage')) return table.stage1080 ?? [];
  if (view.startsWith('phone')) return table.phone360 ?? [];
  return table.console ?? [];
}

async function openViews(scenario: string, timers: boolean) {
  const created = await createSession(baseUrl, { scenario, timers, minReveal: 3 });
  expect(created.status).toBe(201);
  const { sessionId, code, secret } = created.body;
  const pages = {} as Record<View, Page>;
  for (const view of Object.keys(VIEWS) as View[]) pages[view] = await newPage(browser(), VIEWS[view]);
  // The console is the browser that started the session: it holds the facilitator key.
  await pages.console.goto(baseUrl);
  await pages.console.evaluate(
    ([id, key]) => localStorage.setItem(`upstander:v1:host:${id}`, JSON.stringify(key)),
    [sessionId, secret],
  );
  await pages.console.goto(`${baseUrl}#/console/${sessionId}`);
  await pages.console.locator('.console-controls').waitFor();
  for (const view of ['stage1080', 'stage720'] as const) {
    await pages[view].goto(`${baseUrl}#/screen/${code}`);
    await pages[view].locator('.stage .join-code').waitFor();
  }
  for (const view of ['phone360', 'phone390', 'phone320'] as const) {
    await pages[view].goto(`${baseUrl}#/join/${code}`);
    await pages[view].getByRole('button', { name: 'Join' }).click();
    await pages[view].getByText('Waiting for the facilitator to start.').waitFor();
  }
  await pages.stage1080.getByText('3 joined').waitFor();
  return { pages, close: () => Promise.all(Object.values(pages).map((p) => p.context().close())) };
}

/** Checks every view in `phase`; the first scenario also runs axe and leaves screenshots to look at. */
async function checkPhase(pages: Record<View, Page>, phase: string, scenario: string, deep: boolean) {
  for (const view of Object.keys(VIEWS) as View[]) {
    const page = pages[view];
    const problems = await layoutProblems(page, mustSee(phase, view), view.startsWith('stage'));
    expect(problems, `${scenario} ${phase} on ${view}`).toEqual([]);
    // I need a moment: on every phone in every phase, in the page's flow (after the rest, covering nothing).
    if (view.startsWith('phone'))
      expect(await page.locator('.moment-signal button').count(), `${scenario} ${phase} on ${view}`).toBe(1);
    if (deep) {
      expect(await axeViolations(page), `axe: ${scenario} ${phase} on ${view}`).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/layout-${scenario}-${phase}-${view}.png` });
    }
  }
}

const PHONES = ['phone360', 'phone390', 'phone320'] as const;

describe('group sessions as a room sees them: stage, console and phones fit their screens', () => {
  const scenarios = shippedScenarios();
  const longest = scenarios.reduce((a, b) => (b.longest > a.longest ? b : a)).id;
  const played = [...new Set([longest, 'meeting-jokes', 'after-work-drinks'])];

  it.each(played.map((id, i) => [id, i]))(
    'plays %s through every phase with everything in view on every screen',
    async (scenario, index) => {
      const deep = index === 0;
      // Timers off: a countdown running out mid-check would change the phase under the test. The
      // countdown's place on the stage and the phone is checked, timers on, in the next test.
      const { pages, close } = await openViews(scenario as string, false);
      try {
        await checkPhase(pages, 'lobby', scenario as string, deep);
        await pages.console.keyboard.press('n');
        let decision = 0;
        while (true) {
          const done = pages.console.getByRole('heading', { name: 'The path the group took' });
          const voting = pages.phone360.locator('.choice').first();
          await Promise.race([done.waitFor(), voting.waitFor()]);
          if (await done.isVisible()) break;
          for (const view of PHONES) await pages[view].locator('.choice').first().click();
          // Predict the room: the guess buttons come after the vote buttons; every phone guesses, so the
          // reveal shows the guesses beside the votes (three guesses meet the reveal minimum of three).
          for (const view of PHONES) {
            const guess = pages[view].locator('.predict-room .guess').first();
            await guess.click();
            await pages[view].locator('.predict-room .guess[aria-pressed="true"]').waitFor();
          }
          await pages.stage1080.getByText('3 of 3 voted').waitFor();
          await checkPhase(pages, 'voting', scenario as string, deep && decision === 0);
          await pages.console.keyboard.press('r');
          await pages.stage1080.locator('.stage-bars .vote-bars').waitFor();
          await checkPhase(pages, 'revealed', scenario as string, deep && decision === 0);
          const label = (await pages.phone360.locator('.vote-bars li strong').first().textContent()) ?? '';
          await pages.console.getByRole('button', { name: `Follow the majority: ${label}` }).waitFor();
          await pages.console.keyboard.press('m');
          await pages.console.locator('#votes-title').waitFor({ state: 'detached' });
          decision += 1;
        }
        expect(decision).toBeGreaterThanOrEqual(2);
        await pages.phone390.getByLabel('One thing you will do next time').fill('I will check in with her afterwards.');
        await pages.phone390.getByRole('button', { name: 'Post' }).click();
        await pages.console.getByRole('button', { name: 'Show' }).click();
        await pages.stage1080.locator('.wall li').waitFor();
        await checkPhase(pages, 'debrief', scenario as string, deep);
        pages.console.once('dialog', (d) => d.accept());
        await pages.console.keyboard.press('e');
        for (const page of Object.values(pages)) await page.getByText('This session has ended').first().waitFor();
        await checkPhase(pages, 'closed', scenario as string, deep);
      } finally {
        await close();
      }
    },
    480_000,
  );

  it('shows the vote buttons of every shipped scenario, and the countdown, on the first screen of a 360×640 phone and the stage', async () => {
    const page = await newPage(browser(), VIEWS.phone360);
    const stage = await newPage(browser(), VIEWS.stage720);
    let timed = 0;
    try {
      for (const { id, timedFirst } of scenarios) {
        const { sessionId, code, secret } = (await createSession(baseUrl, { scenario: id, timers: true })).body;
        const host = await SessionClient.connect(baseUrl);
        try {
          await host.request({ type: 'host', sessionId, secret });
          await page.goto('about:blank');
          await page.goto(`${baseUrl}#/join/${code}`);
          await page.getByRole('button', { name: 'Join' }).click();
          await page.getByText('Waiting for the facilitator to start.').waitFor();
          await host.request({ type: 'start' });
          await page.locator('.choice').first().waitFor();
          const countdown = timedFirst ? '' : '?';
          expect(
            await layoutProblems(page, ['#session-prompt', '.choice', `${countdown}.phone-countdown`]),
            id,
          ).toEqual([]);
          await stage.goto('about:blank');
          await stage.goto(`${baseUrl}#/screen/${code}`);
          await stage.locator('#stage-prompt').waitFor();
          expect(
            await layoutProblems(stage, ['#stage-prompt', '.room-choices li', `${countdown}.countdown`], true),
            id,
          ).toEqual([]);
          if (timedFirst) {
            timed += 1;
            await stage.screenshot({ path: `${ARTIFACTS}/layout-${id}-timed-stage720.png` });
            await page.screenshot({ path: `${ARTIFACTS}/layout-${id}-timed-phone360.png` });
          }
        } finally {
          await host.close();
        }
      }
      // The countdown was seen on the screens of at least one timed scene.
      expect(timed).toBeGreaterThan(0);
    } finally {
      await page.context().close();
      await stage.context().close();
    }
  }, 180_000);

  it('keeps the console: leaving asks first, the library leads back to the running session, and it can be ended', async () => {
    const host = await newPage(browser(), VIEWS.console);
    await host.goto(baseUrl);
    await host.getByRole('link', { name: 'Run with a group: The hand on the back' }).click();
    await host.getByRole('button', { name: 'Start the session' }).click();
    await host.getByRole('heading', { name: 'Facilitating: The hand on the back' }).waitFor();
    const consoleUrl = host.url();
    const code = ((await host.locator('.join-code [aria-hidden]').textContent()) ?? '').replace(' ', '');
    const phonePage = await newPage(browser(), VIEWS.phone360);
    await phonePage.goto(`${baseUrl}#/join/${code}`);
    await phonePage.getByRole('button', { name: 'Join' }).click();
    await phonePage.getByText('Waiting for the facilitator to start.').waitFor();

    // A shortcut typed into a field is a letter, not a command.
    await host.getByLabel('Seat number').press('n');
    await host.getByRole('button', { name: 'Start the first scene' }).waitFor();
    expect(await phonePage.locator('.choice').count()).toBe(0);
    expect(await host.getByRole('button', { name: 'Start the first scene' }).getAttribute('aria-keyshortcuts')).toBe(
      'N',
    );

    // One click on Scenarios asks first; saying no keeps the console.
    let asked = '';
    host.once('dialog', (d) => {
      asked = d.message();
      return d.dismiss();
    });
    await host.getByRole('link', { name: 'Scenarios' }).click();
    expect(asked).toContain('The session is still running');
    expect(host.url()).toBe(consoleUrl);
    await host.getByRole('button', { name: 'Start the first scene' }).waitFor();

    // Saying yes leaves; the library leads back to the session, still running.
    host.once('dialog', (d) => d.accept());
    await host.getByRole('link', { name: 'Scenarios' }).click();
    await host.getByRole('heading', { name: 'Sessions you are running' }).waitFor();
    expect(await axeViolations(host)).toEqual([]);
    await host.screenshot({ path: `${ARTIFACTS}/layout-library-running.png` });
    await host.getByRole('link', { name: 'Return to your session: The hand on the back' }).click();
    expect(host.url()).toBe(consoleUrl);
    await host.getByRole('button', { name: 'Start the first scene' }).click();
    await phonePage.locator('.choice').first().waitFor();

    // Ended on purpose: asked first, then closed for the phone too, and no longer listed.
    host.once('dialog', (d) => d.accept());
    await host.getByRole('button', { name: 'End the session' }).click();
    await host.getByRole('heading', { name: 'This session has ended' }).waitFor();
    await phonePage.getByRole('heading', { name: 'This session has ended' }).waitFor();
    expect(await phonePage.locator('.choice').count()).toBe(0);
    await host.getByRole('link', { name: 'See the scenarios' }).click();
    await host.getByRole('heading', { name: 'Practise stepping in' }).waitFor();
    expect(await host.getByRole('heading', { name: 'Sessions you are running' }).count()).toBe(0);
    await host.context().close();
    await phonePage.context().close();
  }, 90_000);
});
