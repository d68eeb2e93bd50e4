import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { scenarioFiles } from '../../src/cli/scenario-files.ts';
import { choicesFor } from '../../src/engine/choices.ts';
import { compileScenario } from '../../src/engine/compile-scenario.ts';
import { choose, type Run, startRun } from '../../src/engine/run-state.ts';
import type { Scenario } from '../../src/engine/scenario.types.ts';
import { scenarioText } from '../../src/engine/text.ts';
import {
  ARTIFACTS,
  axeViolations,
  landmarkViolations,
  newPage,
  sharedChromium,
  untilSettled,
} from '../support/browser.ts';
import { loadRealScenario } from '../support/scenario-files.ts';

const baseUrl = inject('baseUrl');
/** Axe against WCAG, and its best-practice rules for headings and landmarks. */
const everyViolation = async (page: Page) => [...(await axeViolations(page)), ...(await landmarkViolations(page))];
const browser = sharedChromium();

/** The hand on the back, opened on a device set to `language` with timers on. */
async function openInLanguage(page: Page, language: 'en' | 'es') {
  await page.goto(baseUrl);
  await page.evaluate(
    (l) => localStorage.setItem('upstander:v1:settings', JSON.stringify({ timers: 'on', language: l })),
    language,
  );
  await page.goto(`${baseUrl}#/play/hand-on-the-back`);
  await page.reload();
}

const SHIPPED = scenarioFiles([]).map((file) => loadRealScenario(file.replace(/^scenarios\/|\.json$/g, '')).scenario);
const VIEWPORTS = [
  { name: 'phone', width: 360, height: 640 },
  { name: 'laptop', width: 1366, height: 768 },
] as const;

/** The labels (in English) of the shortest walk from the start to the first scene with a timed choice. */
function pathToTimedScene(scenario: Scenario): { labels: string[]; delay: number } | undefined {
  const { machine } = compileScenario(scenario);
  const { text } = scenarioText(scenario, 'en');
  const seen = new Set<string>();
  const queue: { run: Run; labels: string[] }[] = [{ run: startRun(machine), labels: [] }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { run, labels } = next;
    const key = JSON.stringify([run.snapshot.value, run.snapshot.context]);
    if (seen.has(key)) continue;
    seen.add(key);
    const choices = choicesFor(machine, run.snapshot);
    const timed = choices.find((c) => c.delay !== undefined);
    if (timed?.delay !== undefined) return { labels, delay: timed.delay };
    for (const c of choices) {
      const result = choose(machine, run, c.event);
      if (result.ok) queue.push({ run: result.run, labels: [...labels, text(c.meta.label)] });
    }
  }
  return undefined;
}

/** Where the header, Quick exit and the countdown are, and whether the page scrolls sideways. */
function measure(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    };
    const root = document.documentElement;
    return {
      header: box('.app-header'),
      exit: box('.quick-exit'),
      timer: box('[role="timer"]'),
      viewport: { width: root.clientWidth, height: root.clientHeight },
      sideways: root.scrollWidth - root.clientWidth,
      headerOpaque: getComputedStyle(document.querySelector('.app-header') as Element).backgroundColor,
    };
  });
}

async function scrollTo(page: Page, where: 'top' | 'middle' | 'bottom') {
  await page.evaluate((w) => {
    const max = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, w === 'top' ? 0 : w === 'middle' ? max / 2 : max);
  }, where);
}

/** Opens a scenario afresh (no saved progress) at its content note. */
async function openFresh(page: Page, id: string) {
  await page.goto(`${baseUrl}#/`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${baseUrl}#/play/${id}`);
  await page.locator('#note-title').waitFor();
}

describe.each(VIEWPORTS)('the player at $width×$height on every shipped scenario', (viewport) => {
  it('keeps the header one short row, never scrolls sideways, ignores a double click on Continue, and keeps the countdown in view', async () => {
    const page = await newPage(browser(), { viewport });
    let timedScenes = 0;
    for (const scenario of SHIPPED) {
      const where = `${scenario.id} at ${viewport.width}×${viewport.height}`;
      await openFresh(page, scenario.id);
      const note = await measure(page);
      expect(note.header?.height, where).toBeLessThan(64);
      expect(note.sideways, where).toBe(0);

      // A double click on Continue: the second click lands on the scene, and takes nothing.
      await page.getByRole('button', { name: 'Continue', disabled: false }).dblclick();
      await page.locator('.narrative').waitFor();
      await untilSettled(page);
      expect(await page.getByRole('heading', { name: /^You chose/ }).count(), where).toBe(0);
      const saved = await page.evaluate((id) => localStorage.getItem(`upstander:v1:progress:${id}`), scenario.id);
      expect(JSON.parse(saved ?? '{}').run?.choices, where).toEqual([]);

      const path = pathToTimedScene(scenario);
      if (!path) continue;
      timedScenes++;
      for (const label of path.labels) {
        await page.getByRole('button', { name: label, exact: true, disabled: false }).click();
        await page.getByRole('button', { name: 'Continue', disabled: false }).click();
        await page.locator('.narrative').waitFor();
      }
      await page.getByRole('timer').waitFor();
      for (const at of ['top', 'middle', 'bottom'] as const) {
        await scrollTo(page, at);
        const m = await measure(page);
        const header = m.header ?? { top: Number.NaN, bottom: Number.NaN, left: 0, right: 0, height: 0 };
        const state = `${where}, scrolled to the ${at}`;
        // The countdown lies wholly inside the window, below the header.
        expect(m.timer?.top, state).toBeGreaterThanOrEqual(header.bottom);
        expect(m.timer?.bottom, state).toBeLessThanOrEqual(m.viewport.height);
        // The header stays at the top, with Quick exit inside its own opaque band, never over the text.
        expect(header.top, state).toBe(0);
        expect(header.height, state).toBeLessThan(64);
        expect(m.headerOpaque, state).toMatch(/^rgb\(/);
        expect(m.exit && m.exit.top >= header.top && m.exit.bottom <= header.bottom, state).toBe(true);
        expect(m.exit && m.exit.right <= m.viewport.width, state).toBe(true);
        expect(m.sideways, state).toBe(0);
      }
      if (scenario.id === 'hand-on-the-back') {
        await scrollTo(page, 'top');
        await page.screenshot({ path: `${ARTIFACTS}/timed-scene-${viewport.width}.png` });
      }
    }
    // Most shipped scenarios time a choice; a walk that found none would test nothing.
    expect(timedScenes).toBeGreaterThanOrEqual(SHIPPED.length / 2);
    await page.context().close();
  }, 300_000);

  it('wraps a long address or word in scene text rather than widening the page', async () => {
    const page = await newPage(browser(), { viewport });
    await openFresh(page, 'hand-on-the-back');
    await page.getByRole('button', { name: 'Continue', disabled: false }).click();
    await page.locator('.narrative p').first().waitFor();
    await page.evaluate(() => {
      const long = `https://support.example.org/report/${'harassment-at-work-'.repeat(12)}?from=upstander`;
      const paragraph = document.querySelector('.narrative p') as HTMLElement;
      paragraph.textContent = `${paragraph.textContent} ${long} ${'Unterstützungsangebot'.repeat(8)}`;
      const choice = document.querySelector('.choice') as HTMLElement;
      choice.append(` ${long}`);
    });
    const m = await measure(page);
    expect(m.sideways).toBe(0);
    await page.context().close();
  }, 90_000);
});

describe('fair time', () => {
  it('gives a reader at 150 words a minute the whole scene before the clock starts (fake clock)', async () => {
    const scenario = SHIPPED.find((s) => s.id === 'hand-on-the-back') as Scenario;
    const delay = pathToTimedScene(scenario)?.delay ?? Number.NaN;
    const page = await newPage(browser(), { viewport: { width: 360, height: 640 } });
    // The page's clock moves only when the test moves it.
    await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
    await openFresh(page, scenario.id);
    await page.clock.pauseAt(new Date('2026-03-02T09:01:00Z')); // the content note has settled
    await page.getByRole('button', { name: 'Continue', disabled: false }).click();
    await page.getByRole('timer').waitFor();
    // Every word on screen (narrative, question, choices, what waiting does) at 150 words a minute.
    const words = await page.evaluate(
      () =>
        [...document.querySelectorAll('.narrative p, #scene-prompt, .choice, [role="timer"] em')]
          .flatMap((el) => (el.textContent ?? '').replace(/^\d/, '').split(/\s+/))
          .filter((word) => /[\p{L}\p{N}]/u.test(word)).length,
    );
    const readingMs = (words / 150) * 60_000;
    const shown = (await page.getByRole('timer').textContent()) ?? '';
    const allowance = Number(shown.match(/^Reading time: the clock starts in (\d+) s/)?.[1]) * 1000;
    expect(allowance).toBeGreaterThanOrEqual(readingMs);
    expect(allowance).toBeLessThan(readingMs + 5000);

    // While the learner reads, the time to decide does not run.
    await page.clock.runFor(allowance - 1500);
    expect(await page.getByRole('timer').textContent()).toMatch(/^Reading time: the clock starts in 2 s/);
    // Once the allowance is over, the author's whole time to decide starts.
    await page.clock.runFor(2500);
    expect(await page.getByRole('timer').textContent()).toMatch(new RegExp(`^${delay / 1000 - 1} s left to decide`));
    // Just before the end of reading and deciding: still in the scene.
    await page.clock.runFor(delay - 1500);
    expect(await page.getByRole('heading', { name: /^You chose/ }).count()).toBe(0);
    await page.clock.runFor(1000);
    await page.getByRole('heading', { name: /^You chose: You hesitate/ }).waitFor();
    await page.context().close();
  }, 90_000);
});

describe('the header on a laptop and a projector', () => {
  for (const language of ['en', 'es'] as const)
    it(`stays one row, never sideways, at 1200, 1280, 1366, 1440 and 1920 px in ${language}`, async () => {
      const heights: Record<number, { oneRow: boolean; sideways: number }> = {};
      for (const width of [1200, 1280, 1366, 1440, 1920]) {
        const page = await newPage(browser(), { viewport: { width, height: 768 } });
        await openInLanguage(page, language);
        await page.locator('.narrative, #note-title').first().waitFor();
        heights[width] = await page.evaluate(() => {
          const header = document.querySelector('.app-header') as HTMLElement;
          // One row is the header's own minimum height (one 44 px control and its padding), at any font size.
          const oneRow = header.getBoundingClientRect().height <= parseFloat(getComputedStyle(header).minHeight) + 1;
          return { oneRow, sideways: document.documentElement.scrollWidth - window.innerWidth };
        });
        if (width === 1366) await page.screenshot({ path: `${ARTIFACTS}/header-${language}-1366.png` });
        await page.context().close();
      }
      expect(heights).toEqual(
        Object.fromEntries([1200, 1280, 1366, 1440, 1920].map((w) => [w, { oneRow: true, sideways: 0 }])),
      );
    });
});

describe('who is in the scene', () => {
  for (const viewport of VIEWPORTS)
    for (const colorScheme of ['light', 'dark'] as const)
      it(`shows the scene's people with their portraits, in view as each scene opens, on a ${viewport.name} (${colorScheme})`, async () => {
        const page = await newPage(browser(), { viewport, colorScheme });
        await page.goto(`${baseUrl}#/play/hand-on-the-back`);
        // Scrolled down to press Continue, as a reader of a long content note on a phone is.
        await page.getByRole('button', { name: 'Continue' }).scrollIntoViewIfNeeded();
        await untilSettled(page);
        await page.getByRole('button', { name: 'Continue' }).click();
        const people = page.getByRole('list', { name: 'In this scene' });
        const seen = async () => {
          await page.locator('.scene-people img').last().waitFor();
          const box = await people.evaluate((el) => {
            const r = el.getBoundingClientRect();
            const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
            return { top: r.top >= header, bottom: r.bottom <= window.innerHeight };
          });
          const drawn = await page
            .locator('.scene-people img')
            .evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0));
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          return { box, drawn, sideways, names: await people.locator('.scene-person-name').allTextContents() };
        };
        expect(await seen()).toEqual({
          box: { top: true, bottom: true },
          drawn: true,
          sideways: 0,
          names: ['Priya', 'Mark', 'Sam'],
        });
        expect(await people.textContent()).toContain('your manager and hers');
        expect(await everyViolation(page)).toEqual([]);
        await page.screenshot({ path: `${ARTIFACTS}/scene-people-${viewport.name}-${colorScheme}.png` });
        // The next scene, reached from far down the page: its people are the first thing in view again.
        await untilSettled(page);
        await page.getByRole('button', { name: /Go back to your phone/ }).click();
        await page.locator('.feedback button.primary').scrollIntoViewIfNeeded();
        await untilSettled(page);
        await page.locator('.feedback button.primary').click();
        await page.locator('.narrative').getByText('An hour later').waitFor();
        expect(await seen()).toEqual({ box: { top: true, bottom: true }, drawn: true, sideways: 0, names: ['Priya'] });
        await page.context().close();
      });
});

describe.each(['en', 'es'] as const)('the player views in %s on a phone', (language) => {
  it('have no axe violations: content note, reading time, countdown, menu, feedback, debrief and skip reading', async () => {
    const page = await newPage(browser(), { viewport: { width: 360, height: 640 } });
    await openInLanguage(page, language);
    await page.locator('#note-title').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    const seen: Record<string, string[]> = {};
    seen.note = await everyViolation(page);
    // Every view has one h1, where a screen reader's list of headings starts (axe's best practice).
    const h1 = () => page.locator('h1').allTextContents();
    const headings: Record<string, string[]> = { note: await h1() };
    await untilSettled(page);
    await page.locator('[aria-labelledby="note-title"] > .actions button.primary').click();
    await page.locator('.countdown.reading').waitFor();
    seen.reading = await everyViolation(page);
    headings.reading = await h1();
    await page.getByRole('button', { name: language === 'en' ? 'Menu' : 'Menú' }).click();
    seen.menu = await everyViolation(page);
    await page.keyboard.press('Escape');
    expect(await page.locator('.app-menu.open').count()).toBe(0);
    await untilSettled(page);
    await page.keyboard.press('1');
    await page.locator('.feedback').waitFor();
    seen.feedback = await everyViolation(page);
    headings.feedback = await h1();
    for (let i = 0; i < 12 && (await page.locator('.debrief').count()) === 0; i++) {
      await untilSettled(page);
      if (await page.locator('.feedback').count()) {
        await page.locator('.feedback button.primary').click();
        await page.locator('.scene, .debrief').first().waitFor();
      } else {
        await page.keyboard.press('1');
        await page.locator('.feedback').waitFor();
      }
    }
    await page.locator('.debrief').waitFor();
    seen.debrief = await everyViolation(page);
    headings.debrief = await h1();
    await page.evaluate(() => localStorage.removeItem('upstander:v1:progress:hand-on-the-back'));
    await page.reload();
    await page.locator('#note-title').waitFor();
    await untilSettled(page);
    await page.locator('.actions button:not(.primary)').click();
    await page.locator('.tactic-reading').waitFor();
    seen.skip = await everyViolation(page);
    headings.skip = await h1();
    expect(seen).toEqual({ note: [], reading: [], menu: [], feedback: [], debrief: [], skip: [] });
    const one = [expect.stringMatching(/\S/)];
    expect(headings).toEqual({ note: one, reading: one, feedback: one, debrief: one, skip: one });
    expect(headings.reading).toEqual(headings.feedback);
    await page.context().close();
  }, 180_000);
});
