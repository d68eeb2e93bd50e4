import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium, type Page } from 'playwright-core';
import { loadScenarioFile, scenarioFiles } from '../../src/cli/scenario-files.ts';
import { startRun } from '../../src/engine/run-state.ts';
import { saveRun } from '../../src/engine/saved-run.ts';
import { scenarioParts } from '../../src/engine/scenario-walk.ts';
import { localize } from '../../src/engine/text.ts';
import { launchChromium } from '../support/browser.ts';
import { serveBuild } from '../support/serve-build.ts';
import { budgets, quantile } from './budgets.ts';

/**
 * Player benchmarks against the production build in Debian's Chromium, with the budgets of the player
 * issue checked and printed: initial JS of the library page, click to next view painted, a studio
 * keystroke to its problems updated, Lighthouse.
 */
const BUDGET = {
  initialJsKb: 110,
  paintMedianMs: 16,
  keystrokeProblemsP95Ms: 100,
  // RAIL's response goal: a visible answer to input within 100 ms (what a keystroke painted measures).
  keystrokePaintP95Ms: 100,
  lighthousePerformance: 95,
  lighthouseAccessibility: 100,
};
const SAMPLES = 60;
const { check, finish } = budgets('player');

const { url, close } = await serveBuild();
const largest = scenarioFiles([])
  .map((file) => loadScenarioFile(file))
  .flatMap((r) => (r.ok ? [r] : []))
  .sort((a, b) => scenarioParts(b.scenario).states - scenarioParts(a.scenario).states)[0];
const id = largest.scenario.id;
const sceneProgress = JSON.stringify({ run: saveRun(largest.machine, id, startRun(largest.machine)), phase: 'scene' });

// 1. What the library page loads, and that the player waits until it is needed.
const browser = await launchChromium();
const page = await (await browser.newContext()).newPage();
const scripts = async (p: Page) =>
  p.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.endsWith('.js')),
  );
await page.goto(url, { waitUntil: 'networkidle' });
const initial = await scripts(page);
const gzipKb = (src: string) => gzipSync(readFileSync(`dist/assets/${src.split('/assets/')[1]}`)).length / 1024;
const initialKb = initial.reduce((sum, src) => sum + gzipKb(src), 0);
console.log(`Library page: ${initial.length} scripts, ${initialKb.toFixed(1)} KB gzip`);
check(
  initialKb <= BUDGET.initialJsKb,
  `Budget: initial JS of the library page at most ${BUDGET.initialJsKb} KB gzip (${initialKb.toFixed(1)} KB)`,
);
await page.locator('.scenario-card h2 a').first().click();
await page.getByRole('button', { name: 'Continue' }).waitFor();
const player = (await scripts(page)).filter((s) => /player-page/.test(s));
check(
  !initial.some((s) => /player-page/.test(s)) && player.length === 1,
  "Budget: the player's chunk loads on demand, not with the library",
);

// 2. From a click to the next view painted (the frame after the click's update), on the largest scenario.
await page.evaluate(() => localStorage.setItem('upstander:v1:settings', JSON.stringify({ timers: 'off' })));
await page.goto(`${url}#/play/${id}`);
await page.reload();
await page.getByRole('button', { name: 'Continue' }).waitFor();
// Plain JavaScript text, run in the page: tsx would wrap functions in a helper the page does not have.
// A person clicks at any moment within a frame, so each click waits a random part of one (0-16.7 ms).
// "painted": until the frame carrying the new view has been painted (rAF, then a task after it).
// "work": until React has committed the new view and the browser has laid it out.
const CLICK_TO_PAINT = `(async (samples) => {
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // A new view's buttons take a click only once it has settled (SETTLE_MS, 500 ms), as after reading.
  const clickAndPaint = async (button, into) => {
    await sleep(550 + Math.random() * 16.7);
    performance.mark('click');
    button.click();
    await Promise.resolve();
    document.body.getBoundingClientRect();
    into.work.push(performance.measure('click-to-layout', 'click').duration);
    await painted();
    into.painted.push(performance.measure('click-to-paint', 'click').duration);
  };
  const button = (name) => [...document.querySelectorAll('button')].find((b) => b.textContent === name);
  const toFeedback = { work: [], painted: [] };
  const toScene = { work: [], painted: [] };
  await sleep(550);
  button('Continue').click();
  await painted();
  while (toScene.painted.length < samples) {
    const again = button('Try again');
    if (again) {
      await clickAndPaint(again, toScene);
      continue;
    }
    await clickAndPaint(document.querySelector('button.choice'), toFeedback);
    await clickAndPaint(button('Continue'), toScene);
  }
  return { toFeedback, toScene };
})(${SAMPLES})`;
type Samples = { work: number[]; painted: number[] };
const timings: { toFeedback: Samples; toScene: Samples } = await page.evaluate(CLICK_TO_PAINT);
const stats = (values: number[]) => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95), n: values.length });
for (const [name, samples] of [
  ['choice → feedback', timings.toFeedback],
  ['continue → next scene', timings.toScene],
] as const) {
  const work = stats(samples.work);
  const painted = stats(samples.painted);
  console.log(
    `${name} (${id}, ${painted.n} clicks): painted median ${painted.median.toFixed(1)} ms, p95 ${painted.p95.toFixed(1)} ms; ` +
      `work (click to laid out) median ${work.median.toFixed(1)} ms, p95 ${work.p95.toFixed(1)} ms`,
  );
  check(painted.median < BUDGET.paintMedianMs, `Budget: ${name} painted under ${BUDGET.paintMedianMs} ms median`);
}

// 3. The studio: a keystroke in the largest scenario, to its problems updated and to the keystroke's
// own frame painted (typing is never held up by the checker, which runs in a worker). Each keystroke
// makes the scenario invalid or valid again, so every one changes the Problems panel and half of them
// are a whole check of the scenario: in the source, "{x" after the first brace then Backspace; in the
// form, the first question emptied (an error) then one letter typed back.
await page.goto(`${url}#/studio`);
await page.getByRole('combobox', { name: 'From the library' }).selectOption({
  label: localize(largest.scenario.meta.title, 'en', 'en'),
});
await page.getByRole('button', { name: 'Open', exact: true }).click();
const studioStatus = page.locator('.studio-problems [role="status"]');
await studioStatus.filter({ hasNotText: 'Checking' }).waitFor();
await page.evaluate(`(() => {
  const status = document.querySelector('.studio-problems [role="status"]');
  window.__keys = { down: 0, pending: false, painted: [], problems: [] };
  document.addEventListener('keydown', () => {
    const down = performance.now();
    window.__keys.down = down;
    window.__keys.pending = true;
    requestAnimationFrame(() => setTimeout(() => window.__keys.painted.push(performance.now() - down), 0));
  }, true);
  // The first change to the status after a keystroke is its verdict shown.
  new MutationObserver(() => {
    if (!window.__keys.pending) return;
    window.__keys.pending = false;
    window.__keys.problems.push(performance.now() - window.__keys.down);
  }).observe(status, { childList: true, subtree: true, characterData: true });
})()`);
const typeInStudio = async (where: string, keys: readonly [string, string]) => {
  await page.evaluate('window.__keys.painted = []; window.__keys.problems = []');
  for (let i = 0; i < SAMPLES; i++) {
    const before = await studioStatus.textContent();
    await page.keyboard.press(keys[i % 2]);
    await page.waitForFunction((text) => {
      const now = document.querySelector('.studio-problems [role="status"]')?.textContent;
      return now !== text && !now?.includes('Checking');
    }, before);
    // As a person types: a pause between keys, so each keystroke's verdict is its own.
    await page.waitForTimeout(120);
  }
  const keyed: { painted: number[]; problems: number[] } = await page.evaluate('window.__keys');
  const problems = stats(keyed.problems);
  const painted = stats(keyed.painted);
  console.log(
    `studio keystroke in the ${where} (${id}, ${problems.n} keys): problems updated median ${problems.median.toFixed(1)} ms, p95 ${problems.p95.toFixed(1)} ms; ` +
      `keystroke painted median ${painted.median.toFixed(1)} ms, p95 ${painted.p95.toFixed(1)} ms`,
  );
  return {
    problems: problems.n === SAMPLES && problems.p95 <= BUDGET.keystrokeProblemsP95Ms,
    painted: painted.p95 <= BUDGET.keystrokePaintP95Ms,
  };
};
const problemsLine = (where: string) =>
  `Budget: a studio keystroke in the ${where} to its problems updated within ${BUDGET.keystrokeProblemsP95Ms} ms p95`;
const paintedLine = (where: string) =>
  `Budget: a studio keystroke in the ${where} painted within ${BUDGET.keystrokePaintP95Ms} ms p95 (typing never blocked)`;

await page.getByRole('button', { name: 'Source (JSON)', exact: true }).click();
await page.locator('.cm-content').click();
await page.keyboard.press('Control+Home');
await page.keyboard.press('ArrowRight');
const inSource = await typeInStudio('source', ['x', 'Backspace']);
check(inSource.problems, problemsLine('source'));
check(inSource.painted, paintedLine('source'));

await page.getByRole('button', { name: 'Form', exact: true }).click();
await page.getByRole('textbox', { name: 'Question to the learner (English)' }).click();
await page.keyboard.press('Control+A');
await page.keyboard.type('W');
await studioStatus.filter({ hasNotText: 'Checking' }).waitFor();
const inForm = await typeInStudio('form', ['Backspace', 'W']);
check(inForm.problems, problemsLine('form'));
check(inForm.painted, paintedLine('form'));
await browser.close();

// 4. Lighthouse, mobile preset, on the library and on a scene (progress seeded so the page opens on one).
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
const seed = await cdp.contexts()[0].newPage();
await seed.goto(url);
await seed.evaluate(([key, value]) => localStorage.setItem(key, value), [`upstander:v1:progress:${id}`, sceneProgress]);
await seed.close();
// Let go of Chromium before measuring: a connected Playwright attaches to every page Lighthouse opens and
// instruments it (runtime, network and page events), work no learner's browser does.
await cdp.close();
// Lighthouse's own advice: its score varies from run to run, so take the median of five runs.
const RUNS = 5;
for (const [name, target] of [
  ['library', url],
  ['scene', `${url}#/play/${id}`],
] as const) {
  const runs: { performance: number; accessibility: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await lighthouse(target, {
      port: chrome.port,
      onlyCategories: ['performance', 'accessibility'],
      disableStorageReset: true,
      logLevel: 'error',
    });
    const categories = result?.lhr.categories;
    const scores = {
      performance: Math.round((categories?.performance.score ?? 0) * 100),
      accessibility: Math.round((categories?.accessibility.score ?? 0) * 100),
    };
    runs.push(scores);
    const metric = (audit: string) => result?.lhr.audits[audit]?.displayValue;
    console.log(
      `Lighthouse ${name} (mobile), run ${run + 1} of ${RUNS}: performance ${scores.performance}, accessibility ${scores.accessibility}, LCP ${metric('largest-contentful-paint')}, FCP ${metric('first-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`,
    );
  }
  const performance = quantile(
    runs.map((r) => r.performance),
    0.5,
  );
  const accessibility = Math.min(...runs.map((r) => r.accessibility));
  console.log(
    `Lighthouse ${name} (mobile): performance ${performance} (median of ${RUNS}), accessibility ${accessibility} (lowest)`,
  );
  check(
    performance >= BUDGET.lighthousePerformance,
    `Budget: Lighthouse ${name} performance at least ${BUDGET.lighthousePerformance}`,
  );
  check(
    accessibility >= BUDGET.lighthouseAccessibility,
    `Budget: Lighthouse ${name} accessibility ${BUDGET.lighthouseAccessibility}`,
  );
}
chrome.kill();
await close();

finish();
