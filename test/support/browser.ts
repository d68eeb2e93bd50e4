import { existsSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from './scenario-files.ts';

const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = `${ROOT}/test-results/screenshots`;

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does this).`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A fresh context (own storage) with reduced motion, so no check ever sees a half-faded frame. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/**
 * Clicks a control as soon as it takes a click, as a person waiting for it would. A choice or Continue
 * that has just appeared ignores activation for a moment (`SETTLE_MS`, marked aria-disabled); Playwright's
 * own click finds it enabled only at its next retry, up to half a second later, which over the dozens of
 * choices of a whole module is most of a test's time. Waits for the mark to go (or the control to be
 * replaced, whose replacement the click then finds).
 */
export async function press(control: Locator): Promise<void> {
  await control.waitFor();
  await control.evaluate(
    (el) =>
      new Promise<void>((settled) => {
        const check = () =>
          el.isConnected && el.getAttribute('aria-disabled') === 'true' ? requestAnimationFrame(check) : settled();
        check();
      }),
  );
  await control.click();
}

/** Presses Tab until the focused element's text or accessible name matches, as a keyboard user would. */
export async function tabTo(page: Page, name: string | RegExp, maxPresses = 40): Promise<void> {
  const passed: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
    passed.push(focused.slice(0, 40));
  }
  throw new Error(`Tab never reached ${String(name)}; it went through: ${passed.join(' | ')}`);
}

/** What axe finds against WCAG 2.0, 2.1 and 2.2 A and AA, contrast included: one line per violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  return inLines(
    await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze(),
  );
}

/** Axe's violations, one line each: the rule, what it asks and where. */
const inLines = (results: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
  results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);

/**
 * What axe's best-practice rules for finding one's way find (beyond WCAG's letter): the page has an h1,
 * where a screen reader's list of headings starts, and landmarks of one kind have names that tell them
 * apart. One line per violation.
 */
export async function landmarkViolations(page: Page): Promise<string[]> {
  return inLines(await new AxeBuilder({ page }).withRules(['page-has-heading-one', 'landmark-unique']).analyze());
}

/** One Chromium for a test file: launched before its tests, closed after them. */
export function sharedChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running yet.');
    return browser;
  };
}

/**
 * Waits until the buttons of the view on screen accept activation: a new view's buttons ignore it for
 * a moment (`aria-disabled`, `src/ui/use-settled.ts`), so a key pressed at once would be lost.
 */
export async function untilSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('main [aria-disabled="true"]'));
}
