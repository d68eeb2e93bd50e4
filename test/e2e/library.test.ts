import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, newPage, sharedChromium, tabTo } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

const cards = (page: Page) => page.locator('.scenario-grid .scenario-card:not(.broken)');
/** How many columns the grid shows: the distinct left edges of its cards. */
const columns = (page: Page) =>
  page.evaluate(
    () =>
      new Set([...document.querySelectorAll('.scenario-grid > li')].map((li) => li.getBoundingClientRect().left)).size,
  );
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const count = (page: Page) => page.getByRole('status').first().textContent();

describe('the scenario library in the browser', () => {
  for (const [name, viewport, wanted] of [
    ['phone', { width: 360, height: 640 }, [1, 1]],
    ['laptop', { width: 1366, height: 768 }, [2, 3]],
  ] as const) {
    it(`at ${viewport.width}×${viewport.height} (${name}): a grid, the suggestion first, no sideways scroll, axe zero`, async () => {
      const page = await newPage(browser(), { viewport });
      await page.goto(baseUrl);
      await cards(page).first().waitFor();
      const n = await columns(page);
      expect(n).toBeGreaterThanOrEqual(wanted[0]);
      expect(n).toBeLessThanOrEqual(wanted[1]);
      const first = cards(page).first();
      expect(await first.locator('.suggested-badge').textContent()).toBe('Start here');
      expect(await page.locator('.suggested-badge').count()).toBe(1);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/library-${name}.png`, fullPage: name === 'laptop' });
      await page.context().close();
    }, 120_000);
  }

  it('narrows by search, keeps the query through a reload, and clears it', async () => {
    const page = await newPage(browser(), { viewport: { width: 1366, height: 768 } });
    await page.goto(baseUrl);
    const all = await cards(page).count();
    await page.getByRole('searchbox', { name: 'Search' }).fill('ESPALDA'); // Spanish title, other case
    await page.waitForFunction((n) => document.querySelectorAll('.scenario-grid .scenario-card').length < n, all);
    expect(await cards(page).count()).toBe(1);
    expect(await cards(page).first().getByRole('heading').textContent()).toBe('The hand on the back');
    expect(await count(page)).toBe(`1 of ${all} scenarios`);
    expect(await page.getByRole('status').first().getAttribute('role')).toBe('status');
    await page.reload();
    await cards(page).first().waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('ESPALDA');
    expect(await cards(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.scenario-grid .scenario-card').length === n, all);
    expect(page.url()).toMatch(/#\/$/);
    await page.context().close();
  }, 120_000);

  it('filters by tactic with the keyboard alone', async () => {
    const page = await newPage(browser(), { viewport: { width: 360, height: 640 } });
    await page.goto(baseUrl);
    const all = await cards(page).count();
    await tabTo(page, /^All tactics/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('ArrowDown');
    const tactic = await page.getByRole('combobox', { name: 'Tactic' }).evaluate((s: HTMLSelectElement) => ({
      value: s.value,
      name: s.selectedOptions[0]?.textContent ?? '',
    }));
    expect(tactic.value).not.toBe('');
    expect(page.url()).toContain(`tactic=${tactic.value}`);
    const shown = await cards(page).count();
    expect(shown).toBeLessThanOrEqual(all);
    expect(await count(page)).toBe(`${shown} of ${all} scenarios`);
    for (const card of await cards(page).all()) {
      expect(await card.locator('.tactic-chip').allTextContents()).toContain(tactic.name);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows a skipped scenario as Skipped, and a finished one moves the suggestion on', async () => {
    const page = await newPage(browser());
    await page.goto(baseUrl);
    const suggested = await cards(page).first().getByRole('heading').textContent();
    const id = await cards(page).first().getAttribute('aria-labelledby');
    const other = await cards(page).last().getAttribute('aria-labelledby');
    await page.evaluate(
      ([done, skipped]) => {
        localStorage.setItem(`upstander:v1:progress:${done}`, JSON.stringify({ run: {}, phase: 'debrief' }));
        localStorage.setItem(`upstander:v1:progress:${skipped}`, JSON.stringify({ run: {}, phase: 'skipped' }));
      },
      [id?.replace(/-title$/, ''), other?.replace(/-title$/, '')],
    );
    await page.reload();
    await cards(page).first().waitFor();
    expect(await page.locator(`[aria-labelledby="${other}"] .status`).textContent()).toBe('Skipped');
    expect(await page.locator(`[aria-labelledby="${id}"] .status`).textContent()).toBe('Finished');
    expect(await cards(page).first().getByRole('heading').textContent()).not.toBe(suggested);
    // The next suggestion, if any scenario adds a tactic not yet practised, is "Try next", never "Start here".
    for (const badge of await page.locator('.suggested-badge').allTextContents()) expect(badge).toMatch(/^Try next/);
    expect(await page.getByText('Start here').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
