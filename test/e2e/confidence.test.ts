import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { playBoosterToDebrief } from '../support/booster-play.ts';
import { ARTIFACTS, axeViolations, newPage, sharedChromium, untilSettled } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1366, height: 768 },
] as const;

/** Every request the page makes, so a test can assert none leaves its origin. */
function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Where Save and Skip are, the viewport, and whether the page scrolls sideways. */
function layout(page: Page, region: string) {
  return page.evaluate((name) => {
    const section = [...document.querySelectorAll('section')].find(
      (s) => s.querySelector('h2')?.textContent === name,
    ) as HTMLElement;
    const box = (text: string) => {
      const button = [...section.querySelectorAll('button')].find((b) => b.textContent === text);
      const r = button?.getBoundingClientRect();
      return r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const root = document.documentElement;
    return {
      save: box('Save my answers'),
      skip: box('Skip'),
      viewport: { width: root.clientWidth, height: root.clientHeight },
      sideways: root.scrollWidth - root.clientWidth,
    };
  }, region);
}

/** Save and Skip lie wholly inside the window, and nothing scrolls sideways. */
async function expectActionsInView(page: Page, region: string, where: string) {
  const m = await layout(page, region);
  for (const button of [m.save, m.skip]) {
    expect(button, where).toBeDefined();
    expect(button && button.top >= 0 && button.left >= 0, where).toBe(true);
    expect(button && button.bottom <= m.viewport.height && button.right <= m.viewport.width, where).toBe(true);
  }
  expect(m.sideways, where).toBe(0);
}

/** Moves a slider with the keyboard only: focus, then arrow keys (5 points a press). */
async function slide(page: Page, name: RegExp, key: 'ArrowLeft' | 'ArrowRight', presses: number) {
  await page.getByRole('slider', { name }).focus();
  for (let i = 0; i < presses; i++) await page.keyboard.press(key);
}

const speakUp = /Say calmly, to the person doing it/;
const notice = /Notice when a remark/;

describe.each(VIEWPORTS)('confidence before and after, self-paced, at $width×$height', (viewport) => {
  it('answers before, plays to the debrief, answers after and sees the change; nothing leaves the page', async () => {
    const where = `${viewport.width}×${viewport.height}`;
    const page = await newPage(browser(), { viewport });
    const requests = watchRequests(page);

    // Before the first scenario on this device: the content note first, on the first screen, then the
    // questions, then the way on, which plays either way.
    await page.goto(`${baseUrl}#/play/booster-coffee-machine`);
    const before = 'Before you start: how sure are you?';
    await page.getByRole('heading', { name: before }).waitFor();
    await page.locator('#note-title').waitFor();
    const order = await page.evaluate((questions) => {
      const top = (el: Element | undefined) => el?.getBoundingClientRect().top ?? Number.NaN;
      const headings = [...document.querySelectorAll('h2')];
      const note = headings.find((h) => h.textContent === 'Content note');
      return {
        note: top(note),
        noteBottom: note?.getBoundingClientRect().bottom ?? Number.NaN,
        questions: top(headings.find((h) => h.textContent === questions)),
        continue: top([...document.querySelectorAll('button')].find((b) => b.textContent === 'Continue')),
        height: document.documentElement.clientHeight,
      };
    }, before);
    expect(order.noteBottom, `${where}: the content note's heading on the first screen`).toBeLessThanOrEqual(
      order.height,
    );
    expect(order.note, `${where}: the note before the questions`).toBeLessThan(order.questions);
    expect(order.questions, `${where}: the questions before Continue`).toBeLessThan(order.continue);
    await page.screenshot({ path: `${ARTIFACTS}/confidence-note-${viewport.width}.png` });
    // Scrolled to the questions, as the learner reads on: Save and Skip in view.
    await page.evaluate((name) => {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === name) as HTMLElement;
      window.scrollBy(0, heading.getBoundingClientRect().top - 80);
    }, before);
    await expectActionsInView(page, before, `${where}, before, at the questions`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/confidence-before-${viewport.width}.png` });

    // Tab through every slider: none is hidden behind the Save and Skip bar that stays in view.
    await page.getByRole('slider').first().focus();
    for (let i = 0; i < 8; i++) {
      const hidden = await page.evaluate(() => {
        const focused = (document.activeElement as HTMLElement).getBoundingClientRect();
        const bar = (document.querySelector('.confidence-actions') as HTMLElement).getBoundingClientRect();
        return focused.bottom > bar.top && focused.top < bar.bottom;
      });
      expect(hidden, `${where}, slider ${i + 1}`).toBe(false);
      await page.keyboard.press('Tab');
    }
    await expectActionsInView(page, before, `${where}, before, scrolled to the last slider`);

    await slide(page, speakUp, 'ArrowLeft', 6);
    expect(await page.getByRole('slider', { name: speakUp }).getAttribute('aria-valuetext')).toBe('20 out of 100');
    await slide(page, notice, 'ArrowRight', 4);
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
    expect(await page.getByRole('slider').count()).toBe(0);

    // Play the booster to its debrief.
    await untilSettled(page);
    await playBoosterToDebrief(page);

    // After the debrief: the same questions, then the change, item by item, in words and numbers.
    const after = 'How sure are you now?';
    await page.getByRole('heading', { name: after }).scrollIntoViewIfNeeded();
    await page.evaluate((name) => {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === name) as HTMLElement;
      window.scrollBy(0, heading.getBoundingClientRect().top - 80);
    }, after);
    await expectActionsInView(page, after, `${where}, after`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/confidence-after-${viewport.width}.png` });
    await slide(page, speakUp, 'ArrowRight', 5);
    await page.getByRole('button', { name: 'Save my answers' }).click();
    const change = page.getByRole('region', { name: after }).getByRole('listitem');
    await change.first().waitFor();
    expect(await change.allTextContents()).toEqual([
      'Notice: 70 before, 50 now (down 20)',
      'Decide it is yours: 50 before, 50 now (no change)',
      'Step forward: 50 before, 50 now (no change)',
      'Speak up: 20 before, 75 now (up 55)',
      'Distract: 50 before, 50 now (no change)',
      'Bring others in: 50 before, 50 now (no change)',
      'Check in afterwards: 50 before, 50 now (no change)',
      'Document: 50 before, 50 now (no change)',
    ]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(after);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    await page.getByRole('heading', { name: 'Before and now' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/confidence-change-${viewport.width}.png` });

    // Kept on this device, and only there.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('upstander:v1:confidence') ?? '{}'));
    expect(stored.before.ratings).toMatchObject({ speakUp: 20, notice: 70 });
    expect(stored.latest.ratings).toMatchObject({ speakUp: 75, notice: 50 });
    const origin = new URL(baseUrl).origin;
    expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
