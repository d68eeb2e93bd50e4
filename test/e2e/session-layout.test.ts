import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { choicesFor, currentScene } from '../../src/engine/choices.ts';
import { choose, startRun } from '../../src/engine/run-state.ts';
import { scenarioText } from '../../src/engine/text.ts';
import { MAX_POST_CHARS } from '../../src/protocol/limits.ts';
import { ARTIFACTS, axeViolations, landmarkViolations, newPage, sharedChromium } from '../support/browser.ts';
import { layoutProblems, openConsole } from '../support/layout.ts';
import { loadRealScenario, ROOT } from '../support/scenario-files.ts';
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

/** Shipped scenarios, and whether their first scene has a timed choice. */
function shippedScenarios(): { id: string; timedFirst: boolean }[] {
  return readdirSync(`${ROOT}/scenarios`)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(`${ROOT}/scenarios/${f}`, 'utf8')))
    .filter((s) => s.states)
    .map((s) => ({ id: s.id as string, timedFirst: !!s.states[s.initial]?.after }));
}

/** The shipped scene with the longest narrative: its scenario, its English paragraphs, and the choices that lead to it. */
function longestScene(): { id: string; scene: { paragraphs: string[]; path: string[] } } {
  let best = { id: '', scene: { paragraphs: [] as string[], path: [] as string[] }, length: -1 };
  for (const { id } of shippedScenarios()) {
    const { machine, scenario } = loadRealScenario(id);
    const { paragraphs: english } = scenarioText(scenario, 'en');
    const seen = new Set<string>();
    const queue = [startRun(machine)];
    while (queue.length) {
      const run = queue.shift() as ReturnType<typeof startRun>;
      const scene = currentScene(machine, run.snapshot);
      if (seen.has(scene.keys.join('.'))) continue;
      seen.add(scene.keys.join('.'));
      const paragraphs = english(scene.config.meta?.narrative ?? []);
      const length = paragraphs.join(' ').length;
      if (length > best.length) best = { id, scene: { paragraphs, path: run.steps.map((s) => s.event) }, length };
      for (const c of choicesFor(machine, run.snapshot)) {
        const next = choose(machine, run, c.event);
        if (next.ok) queue.push(next.run);
      }
    }
  }
  return best;
}

/**
 * What is wrong with the narrative on a stage: its text under the readable floor (28 px at 1080p,
 * in proportion on a smaller screen), or any of the part it shows, or the part count, out of view,
 * or any region of the stage hiding text.
 */
async function narrativeProblems(stage: Page): Promise<string[]> {
  const problems = await layoutProblems(
    stage,
    ['.stage-narrative .scene-part p', '?.stage-narrative > .scene-part-count', '#stage-prompt', '.room-choices li'],
    true,
  );
  const sizes = await stage
    .locator('.stage-narrative .scene-part p')
    .evaluateAll((ps) => ps.map((p) => Number.parseFloat(getComputedStyle(p).fontSize)));
  const { width, height } = stage.viewportSize() ?? { width: 0, height: 0 };
  const floor = 28 * Math.min(width / 1920, height / 1080);
  for (const size of sizes)
    if (size < floor - 0.01) problems.push(`narrative at ${size} px, under ${floor.toFixed(1)} px`);
  return problems;
}

/**
 * What is wrong with the text a stage shows: any element with text of its own that a person can see
 * (not hidden, not empty) under the readable floor (28 px at 1080p, in proportion on a smaller
 * screen) or outside the window.
 */
async function textFloorProblems(stage: Page): Promise<string[]> {
  return stage.evaluate(() => {
    const { innerWidth: w, innerHeight: h } = window;
    const floor = 28 * Math.min(w / 1920, h / 1080);
    const problems: string[] = [];
    // Full screen is a control for whoever stands at the projector, not text the room reads.
    for (const el of document.querySelectorAll<HTMLElement>('.stage *:not(.full-screen)')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (!own || style.visibility !== 'visible' || r.width === 0 || r.height === 0) continue;
      const text = `"${(el.textContent ?? '').trim().slice(0, 30)}"`;
      const size = Number.parseFloat(style.fontSize);
      if (size < floor - 0.01) problems.push(`${text} at ${size} px, under ${floor.toFixed(1)} px`);
      if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1)
        problems.push(`${text} at ${[r.left, r.top, r.right, r.bottom].map(Math.round)}`);
    }
    return problems;
  });
}

/**
 * Turns a stage region through its parts from the console (Page Down), checking every part on both
 * stages (layout and the text floor), and returns the texts of `selector` each stage showed, in order.
 */
async function turnParts(
  pages: Record<View, Page>,
  region: string,
  selector: string,
  label: string,
): Promise<string[][]> {
  const stages = [pages.stage1080, pages.stage720];
  const seen: string[][] = stages.map(() => []);
  const counts = await Promise.all(
    stages.map(async (stage) => {
      const line = stage.locator(`${region} > .scene-part-count`);
      return (await line.count()) ? Number(/of (\d+)$/.exec((await line.textContent()) ?? '')?.[1]) : 1;
    }),
  );
  const total = Math.max(...counts);
  for (let part = 1; part <= total; part++) {
    for (const [i, stage] of stages.entries()) {
      if (part <= counts[i]) {
        if (counts[i] > 1)
          await stage.locator(`${region} > .scene-part-count`).getByText(`Part ${part} of ${counts[i]}`).waitFor();
        const where = `${label} part ${part} at ${stage.viewportSize()?.width}`;
        expect(await layoutProblems(stage, [], true), where).toEqual([]);
        expect(await textFloorProblems(stage), where).toEqual([]);
        const within = selector.split(',').map((one) => `${region} .scene-part ${one.trim()}`);
        seen[i].push(...(await stage.locator(within.join(', ')).allTextContents()));
      }
    }
    if (part < total) await pages.console.keyboard.press('PageDown');
  }
  // Back to the first part for the checks that follow.
  for (let part = total; part > 1; part--) await pages.console.keyboard.press('PageUp');
  return seen;
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
      // A phone signals "I need a moment" while voting (see the test below).
      '.moment-count h2',
    ],
    phone360: ['#session-prompt', '.choice', '?.phone-countdown'],
  },
  revealed: {
    // The guesses, each choice's feedback and the prompts follow the bars, in parts the console turns (see `turnParts`).
    stage1080: ['.stage-prompt', '.vote-bars li'],
    console: ['.console-controls button', '.decision-count', '#votes-title'],
    phone360: ['#session-prompt'],
  },
  debrief: {
    // The path and the score table follow the ending, in parts the console turns (see `turnParts`).
    stage1080: ['#ending-title', '.stage-wall .scene-part li'],
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
  await openConsole(pages.console, baseUrl, sessionId, secret);
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
    // What the room reads stays at the floor in every phase: the stage shows less at once rather than shrinking.
    if (view.startsWith('stage') && phase !== 'lobby')
      expect(await textFloorProblems(page), `text floor: ${scenario} ${phase} on ${view}`).toEqual([]);
    // I need a moment: on every phone in every phase of a running session, in the page's flow (after the
    // rest, covering nothing), as the signal or, once signalled, its withdrawal. Once the session has
    // ended nobody receives it (the server takes no message then): the phone offers the support page
    // instead, and no session control (see session-phone.test.ts).
    if (view.startsWith('phone'))
      expect(
        await page
          .locator('.moment-signal')
          .getByRole('button', { name: /^(I need a moment|I’m OK now)$/ })
          .count(),
        `${scenario} ${phase} on ${view}`,
      ).toBe(phase === 'closed' ? 0 : 1);
    if (deep) {
      expect(await axeViolations(page), `axe: ${scenario} ${phase} on ${view}`).toEqual([]);
      expect(await landmarkViolations(page), `headings and landmarks: ${scenario} ${phase} on ${view}`).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/layout-${scenario}-${phase}-${view}.png` });
    }
  }
}

const PHONES = ['phone360', 'phone390', 'phone320'] as const;

describe('group sessions as a room sees them: stage, console and phones fit their screens', () => {
  const scenarios = shippedScenarios();
  const longest = longestScene().id;
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
          if (decision === 0) {
            // One phone needs a moment: the console's count is in view (checked in the voting phase).
            await pages.phone390.getByRole('button', { name: 'I need a moment' }).click();
            await pages.console.getByRole('heading', { name: '1 person needs a moment' }).waitFor();
            // That phone reloads: it shows its guess and its moment again, from the server, and keeps
            // nothing of them on the device.
            await pages.phone390.reload();
            await pages.phone390.locator('.predict-room .guess[aria-pressed="true"]').waitFor();
            await pages.phone390.getByRole('button', { name: 'I’m OK now' }).waitFor();
            // Reloaded, nothing has focus: the picked guess has a mark of its own, not the focus ring,
            // so a keyboard user tells where focus is from what they picked.
            const looks = await pages.phone390.locator('.predict-room .guess').evaluateAll((buttons) =>
              buttons.map((b) => {
                const style = getComputedStyle(b);
                return {
                  picked: b.getAttribute('aria-pressed') === 'true',
                  focused: b === document.activeElement,
                  outline: style.outlineStyle,
                  mark: `${style.backgroundColor} ${style.borderInlineStartWidth}`,
                };
              }),
            );
            const picked = looks.filter((l) => l.picked);
            expect(picked).toEqual([expect.objectContaining({ focused: false, outline: 'none' })]);
            for (const other of looks.filter((l) => !l.picked)) expect(other.mark).not.toBe(picked[0].mark);
            await pages.phone390.screenshot({ path: `${ARTIFACTS}/guess-picked-390.png` });
            expect(await pages.phone390.getByRole('status').filter({ hasText: 'Your guess:' }).count()).toBe(1);
            const stored = await pages.phone390.evaluate(() => JSON.stringify({ ...localStorage }));
            const guessed =
              (await pages.phone390.locator('.predict-room .guess[aria-pressed="true"]').textContent()) ?? '';
            expect(stored).not.toContain(guessed);
            expect(stored).not.toMatch(/moment|guess/i);
          }
          await checkPhase(pages, 'voting', scenario as string, deep && decision === 0);
          await pages.console.keyboard.press('r');
          await pages.stage1080.locator('.stage-bars .vote-bars').first().waitFor();
          await checkPhase(pages, 'revealed', scenario as string, deep && decision === 0);
          // The bars first, then every choice's feedback, each at the floor, turned from the console.
          const shown = await turnParts(
            pages,
            '.stage-bars',
            '.vote-feedback, .guess-bars h2, .discussion li',
            `${scenario} revealed`,
          );
          const choices = await pages.stage1080.locator('section[aria-labelledby="votes-title"] li').count();
          const prompts = (await pages.console.locator('.discussion li').allTextContents()).length;
          for (const texts of shown) {
            // Once each: every choice's feedback, the guesses and every discussion prompt.
            expect(new Set(texts).size, `${scenario} revealed`).toBe(texts.length);
            expect(texts.length, `${scenario} revealed`).toBe(choices + 1 + prompts);
          }
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
        // The ending's kind is a band above its title on the phones and the console.
        for (const view of ['phone360', 'console'] as const)
          expect(
            await pages[view].locator('.ending-panel > .ending-kind + #ending-title').count(),
            `${scenario}: the ending's band on ${view}`,
          ).toBe(1);
        // The ending, the path and the score table with its legend, each at the floor, turned from the console.
        const debrief = await turnParts(
          pages,
          '.stage-main',
          'h2, .group-path li, .score-legend',
          `${scenario} debrief`,
        );
        for (const shown of debrief) {
          expect(shown.filter((t) => t === 'The path the group took')).toHaveLength(1);
          expect(shown.filter((t) => t === 'How the room scored')).toHaveLength(1);
          expect(shown.some((t) => t.startsWith('Each column is points per tactic'))).toBe(true);
        }
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
            // Scrolled to the end of the page, the seconds left are still seen: on top, not under the header.
            const covered = await page.evaluate(() => {
              window.scrollTo(0, document.documentElement.scrollHeight);
              const text = document.querySelector('.phone-countdown p') as HTMLElement;
              const r = text.getBoundingClientRect();
              const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return text.contains(top) ? '' : `under ${top?.className || top?.tagName} at y ${Math.round(r.top)}`;
            });
            expect(covered, `${id}: the phone's countdown, scrolled`).toBe('');
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

  it('shows the longest narrative at a readable size, in parts the console turns when it does not fit', async () => {
    const { id, scene } = longestScene();
    const created = await createSession(baseUrl, { scenario: id, timers: false, minReveal: 3 });
    const { sessionId, code, secret } = created.body;
    const host = await newPage(browser(), VIEWS.console);
    const stages = [await newPage(browser(), VIEWS.stage1080), await newPage(browser(), VIEWS.stage720)];
    try {
      await openConsole(host, baseUrl, sessionId, secret);
      // The shortcut works once the console is connected (its button enabled), as a facilitator sees it.
      await host.getByRole('button', { name: 'Start the first scene' }).click({ trial: true });
      await host.keyboard.press('n');
      // As shipped: the longest scene is the first one of its scenario, and fits one screen.
      expect(scene.path).toEqual([]);
      for (const stage of stages) {
        await stage.goto(`${baseUrl}#/screen/${code}`);
        await stage.locator('.stage-narrative p').first().waitFor({ timeout: 60_000 });
        expect(await narrativeProblems(stage), `${id} as shipped`).toEqual([]);
        expect(await stage.locator('.stage-narrative .scene-part p').allTextContents()).toEqual(scene.paragraphs);
        expect(await stage.locator('.stage-narrative > .scene-part-count').count()).toBe(0);
      }
      // It fits one part on both stages: the console offers nothing to turn, by button or by key.
      const turner = (name: string) => host.getByRole('button', { name: `Stage: ${name} part` });
      await expect.poll(() => turner('next').isDisabled()).toBe(true);
      expect(await turner('previous').isDisabled()).toBe(true);

      // Four times as long (each paragraph said four times over, as a wordier author might write it):
      // it no longer fits, and is never shrunk to fit.
      const long = scene.paragraphs.map((p) => Array(4).fill(p).join(' '));
      for (const stage of stages) {
        let found = false;
        await stage.route('**/assets/*.js', async (route) => {
          const response = await route.fetch();
          let body = await response.text();
          if (scene.paragraphs.every((p) => body.includes(p))) {
            for (const [i, p] of scene.paragraphs.entries()) body = body.replace(p, long[i]);
            found = true;
          }
          await route.fulfill({ response, body });
        });
        await stage.goto('about:blank');
        await stage.goto(`${baseUrl}#/screen/${code}`);
        await stage.locator('.stage-narrative > .scene-part-count').waitFor();
        expect(found).toBe(true);
      }
      const count = async (stage: Page) =>
        (await stage.locator('.stage-narrative > .scene-part-count').textContent()) ?? '';
      const total = Number(/of (\d+)$/.exec(await count(stages[0]))?.[1]);
      expect(total).toBeGreaterThan(1);
      // Now there is something to turn: the console offers the next part (not the previous, at the first).
      await expect.poll(() => turner('next').isDisabled()).toBe(false);
      expect(await turner('previous').isDisabled()).toBe(true);
      const seen: string[][] = stages.map(() => []);
      for (let part = 1; part <= total; part++) {
        for (const [i, stage] of stages.entries()) {
          await stage.getByText(`Part ${part} of ${total}`).waitFor();
          expect(await narrativeProblems(stage), `part ${part} at ${stage.viewportSize()?.width}`).toEqual([]);
          seen[i].push(...(await stage.locator('.stage-narrative .scene-part p').allTextContents()));
          if (part === 2) expect(await axeViolations(stage), `axe: stage part 2`).toEqual([]);
        }
        if (part === 2) {
          // A stage that reloads opens at the part the room is at.
          await stages[0].reload();
          await stages[0].getByText(`Part 2 of ${total}`).waitFor();
          expect(await axeViolations(host)).toEqual([]);
          await stages[0].screenshot({ path: `${ARTIFACTS}/layout-scene-part-stage1080.png` });
          await host.screenshot({ path: `${ARTIFACTS}/layout-scene-part-console.png` });
        }
        // The facilitator turns it from the console: by the key a presentation clicker sends, or the button.
        if (part % 2) await host.keyboard.press('PageDown');
        else await host.getByRole('button', { name: 'Stage: next part' }).click();
      }
      // Every paragraph was shown, in order, once; going on past the last part starts again at the first.
      for (const parts of seen) expect(parts).toEqual(long);
      for (const stage of stages) await stage.getByText(`Part 1 of ${total}`).waitFor();
      await host.keyboard.press('PageUp');
      await stages[1].getByText(`Part ${total} of ${total}`).waitFor();
      expect(await host.getByRole('button', { name: 'Stage: previous part' }).getAttribute('aria-keyshortcuts')).toBe(
        'PageUp',
      );
      // The next scene starts at its first part.
      await host.keyboard.press('r');
      await host.locator('#votes-title').waitFor();
      await host.keyboard.press('1');
      await host.getByText(/^Decision 2\b/).waitFor();
      await stages[0].locator('.stage-narrative p').first().waitFor();
      expect(await stages[0].locator('.stage-narrative > .scene-part-count').count()).toBe(0);
    } finally {
      await host.context().close();
      for (const stage of stages) await stage.context().close();
    }
  }, 180_000);

  it('shows a locked room as closed on the stage, with no code or QR code, and says so on the console', async () => {
    const { sessionId, code, secret } = (
      await createSession(baseUrl, { scenario: 'meeting-jokes', timers: false, minReveal: 3 })
    ).body;
    const host = await newPage(browser(), VIEWS.console);
    const stages = [await newPage(browser(), VIEWS.stage1080), await newPage(browser(), VIEWS.stage720)];
    try {
      await openConsole(host, baseUrl, sessionId, secret);
      for (const stage of stages) {
        await stage.goto(`${baseUrl}#/screen/${code}`);
        await stage.locator('.stage .join-code').waitFor();
      }
      for (const phase of ['lobby', 'voting']) {
        if (phase === 'voting') await host.keyboard.press('n');
        await host.keyboard.press('l');
        await host.getByText('The room is locked: nobody new can join.').waitFor();
        expect(await layoutProblems(host, ['.room-locked', '.console-controls button'])).toEqual([]);
        for (const stage of stages) {
          const where = `${phase} locked at ${stage.viewportSize()?.width}`;
          await stage.getByRole('heading', { name: 'Closed to new people' }).waitFor();
          expect(await stage.locator('.join-code, .qr, .join-address').count(), where).toBe(0);
          const selectors = phase === 'lobby' ? ['.join-locked h2', '.join-closed'] : ['.join-corner .join-locked h2'];
          expect(await layoutProblems(stage, selectors, true), where).toEqual([]);
          expect(await textFloorProblems(stage), where).toEqual([]);
          expect(await axeViolations(stage), `axe: ${where}`).toEqual([]);
          await stage.screenshot({
            path: `${ARTIFACTS}/layout-locked-${phase}-stage${stage.viewportSize()?.height}.png`,
          });
        }
        if (phase === 'voting') await host.screenshot({ path: `${ARTIFACTS}/layout-locked-console.png` });
        // Unlocked, the invitation is back.
        await host.keyboard.press('l');
        for (const stage of stages) await stage.locator('.stage .join-code').waitFor();
        expect(await host.locator('.room-locked').count()).toBe(0);
      }
    } finally {
      await host.context().close();
      for (const stage of stages) await stage.context().close();
    }
  }, 120_000);

  it('shows every #IWill post on the stage, newest first, at a readable size, in parts turned from the console', async () => {
    const { sessionId, code, secret } = (
      await createSession(baseUrl, { scenario: 'meeting-jokes', timers: false, minReveal: 3 })
    ).body;
    const host = await SessionClient.connect(baseUrl);
    const phone = await SessionClient.connect(baseUrl);
    const stages = [await newPage(browser(), VIEWS.stage1080), await newPage(browser(), VIEWS.stage720)];
    try {
      await host.request({ type: 'host', sessionId, secret });
      await phone.request({ type: 'join', code });
      await host.request({ type: 'start' });
      // To the debrief: each decision revealed (withheld: one phone) and taken on by its first choice.
      for (let decision = 0; (await host.until((r) => r.phase !== 'lobby')).phase !== 'debrief'; decision++) {
        await host.until((r) => r.phase === 'voting' && r.decision === decision);
        await host.request({ type: 'reveal' });
        const room = await host.until((r) => r.phase === 'revealed');
        await host.request({ type: 'advance', choice: room.choices[0].event });
        await host.until((r) => r.phase === 'debrief' || r.decision > decision);
      }
      // Twelve long posts (the most a post may hold), each shown by the facilitator in turn.
      const posts = Array.from({ length: 12 }, (_, i) =>
        `Post ${i + 1}: I will ${'check in with the person afterwards, say what I saw, and tell our manager '.repeat(4)}`
          .slice(0, MAX_POST_CHARS)
          .trim(),
      );
      const show = async (text: string) => {
        await phone.request({ type: 'post', text });
        const pending = (await host.until((r) => !!r.pending?.some((p) => p.text === text))).pending ?? [];
        await host.request({ type: 'moderate', post: pending.find((p) => p.text === text)?.id ?? '', show: true });
        await host.until((r) => r.wall.some((p) => p.text === text));
      };
      for (const text of posts.slice(0, -1)) await show(text);
      for (const stage of stages) {
        await stage.goto(`${baseUrl}#/screen/${code}`);
        await stage.locator('.stage-wall .scene-part li').first().waitFor();
      }
      // A post shown while the stage is up comes first, on the first part.
      await show(posts[posts.length - 1]);
      const newestFirst = [...posts].reverse();
      for (const stage of stages) {
        await stage.locator('.stage-wall .scene-part li').first().getByText(newestFirst[0]).waitFor();
      }
      const counts = await Promise.all(
        stages.map(async (stage) =>
          Number(/of (\d+)$/.exec((await stage.locator('.stage-wall > .scene-part-count').textContent()) ?? '')?.[1]),
        ),
      );
      // Twelve long posts fit neither screen: the wall pages rather than hiding or shrinking them.
      for (const count of counts) expect(count).toBeGreaterThan(1);
      const seen: string[][] = stages.map(() => []);
      for (let part = 0; part < Math.max(...counts); part++) {
        await host.request({ type: 'scenePart', part });
        for (const [i, stage] of stages.entries()) {
          if (part >= counts[i]) continue;
          const where = `wall part ${part + 1} at ${stage.viewportSize()?.width}`;
          await stage
            .locator('.stage-wall > .scene-part-count')
            .getByText(`Part ${part + 1} of ${counts[i]}`)
            .waitFor();
          // Every post on this part wholly in view, at the floor; nothing scrolls or hides text.
          expect(await layoutProblems(stage, ['.stage-wall .scene-part li', '#wall-title'], true), where).toEqual([]);
          expect(await textFloorProblems(stage), where).toEqual([]);
          seen[i].push(...(await stage.locator('.stage-wall .scene-part li').allTextContents()));
          if (part === 1) {
            expect(await axeViolations(stage), `axe: ${where}`).toEqual([]);
            await stage.screenshot({ path: `${ARTIFACTS}/layout-wall-part2-stage${stage.viewportSize()?.height}.png` });
          }
        }
      }
      // Every post reached the room once, newest first, on both stages.
      for (const texts of seen) expect(texts).toEqual(newestFirst);
    } finally {
      await host.close();
      await phone.close();
      for (const stage of stages) await stage.context().close();
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
    // The console says what the facilitator can still do, not the participants' thanks; the phone thanks.
    await host.getByText('You can still download its results.', { exact: false }).waitFor();
    await host
      .getByRole('button', { name: /Download/ })
      .first()
      .waitFor();
    expect(await host.getByText('Nothing more is asked of you.').count()).toBe(0);
    await phonePage.getByText('Nothing more is asked of you.').waitFor();
    await host.getByRole('link', { name: 'See the scenarios' }).click();
    await host.getByRole('heading', { name: 'Practise stepping in' }).waitFor();
    expect(await host.getByRole('heading', { name: 'Sessions you are running' }).count()).toBe(0);
    await host.context().close();
    await phonePage.context().close();
  }, 90_000);
});
