import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioLibrary } from '../../src/build/scenario-library-plugin.ts';
import { ARTIFACTS, axeViolations, newPage, sharedChromium } from '../support/browser.ts';
import { ROOT } from '../support/scenario-files.ts';

const browser = sharedChromium();
let server: ViteDevServer;
let base: string;

// The app as `npm run dev` serves it, with a library of one Arabic scenario (a fixture: none is shipped).
beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [react(), scenarioLibrary(join(ROOT, 'test/fixtures/rtl'))],
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** Where the first and the last character of an element's text are drawn (x of their boxes' left edges). */
function firstAndLastCharacterX(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const node = element.firstChild as Text;
    const range = document.createRange();
    const x = (i: number) => {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    };
    return { first: x(0), last: x(node.length - 1) };
  });
}

describe('an Arabic scenario in the English interface', () => {
  it('reads right to left, punctuation at the left end, while the interface stays left to right', async () => {
    const page = await newPage(browser(), { viewport: { width: 1366, height: 768 } });
    await page.goto(`${base}#/play/arabic-lift`, { timeout: 90_000 });
    // The content note: the scenario's title and note in Arabic, the interface's words in English.
    const title = page.getByRole('heading', { level: 1, name: 'في المصعد' });
    await title.waitFor({ timeout: 90_000 });
    expect(await title.getAttribute('dir')).toBe('rtl');
    expect(
      await page
        .getByRole('heading', { name: 'Content note', exact: true })
        .evaluate((h) => getComputedStyle(h).direction),
    ).toBe('ltr');
    await page.getByRole('button', { name: 'Continue' }).click({ timeout: 90_000 });
    const narrative = page.locator('.narrative');
    await narrative.waitFor();

    // The scene's text: its language and direction.
    for (const selector of ['.narrative', '#scene-prompt', 'ol.choices', '.scenario-name']) {
      expect(await page.locator(selector).getAttribute('dir'), selector).toBe('rtl');
      expect(await page.locator(selector).getAttribute('lang'), selector).toBe('ar');
    }
    // The interface: English, left to right.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('ltr');
    expect(await page.locator('header').evaluate((h) => getComputedStyle(h).direction)).toBe('ltr');

    // Right-aligned: each paragraph's first line ends at the paragraph's right edge, not its left.
    const lines = await narrative.locator('p').evaluateAll((paragraphs) =>
      paragraphs.map((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        const firstLine = range.getClientRects()[0];
        const box = p.getBoundingClientRect();
        return {
          direction: getComputedStyle(p).direction,
          right: box.right - firstLine.right,
          left: firstLine.left - box.left,
        };
      }),
    );
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.direction).toBe('rtl');
      expect(Math.abs(line.right)).toBeLessThan(2);
    }
    // The short prompt sits at the right, with room to spare on its left.
    const prompt = await page.locator('#scene-prompt').evaluate((h) => {
      const range = document.createRange();
      range.selectNodeContents(h);
      const text = range.getBoundingClientRect();
      const box = h.getBoundingClientRect();
      return { right: box.right - text.right, left: text.left - box.left };
    });
    expect(Math.abs(prompt.right)).toBeLessThan(2);
    expect(prompt.left).toBeGreaterThan(100);

    // Punctuation on the correct side: the question mark ending "ماذا تفعلين؟" and the full stop
    // ending a paragraph are drawn left of the first letter.
    const question = await firstAndLastCharacterX(page, '#scene-prompt');
    expect(question.last).toBeLessThan(question.first);
    const sentence = await firstAndLastCharacterX(page, '.narrative p:last-child');
    expect(sentence.last).toBeLessThan(sentence.first);

    // A choice's label starts at the right of its button, its number too.
    const choice = await page
      .locator('ol.choices .choice')
      .first()
      .evaluate((button) => {
        const key = button.querySelector('.choice-key')?.getBoundingClientRect();
        const box = button.getBoundingClientRect();
        return { keyRight: box.right - (key?.right ?? 0), keyLeft: (key?.left ?? 0) - box.left };
      });
    expect(choice.keyRight).toBeLessThan(choice.keyLeft);

    await page.screenshot({ path: `${ARTIFACTS}/dark-logo-390.png`, clip: { x: 0, y: 0, width: 390, height: 120 } });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe('the support page in the browser', () => {
  it('has tappable links and nothing axe can find, contrast included', async () => {
    const page = await newPage(browser(), { viewport: { width: 360, height: 640 } });
    await page.goto(`${base}#/support`, { timeout: 90_000 });
    await page.getByRole('heading', { name: 'Getting help and reporting' }).waitFor({ timeout: 90_000 });
    expect(await page.getByRole('link', { name: /^Emergency services: 112/ }).getAttribute('href')).toBe('tel:112');
    expect(await page.getByRole('note').textContent()).toContain('This page shows an example.');
    await page.screenshot({ path: `${ARTIFACTS}/dark-logo-390.png`, clip: { x: 0, y: 0, width: 390, height: 120 } });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe("the organisation's own, as the server sends it", () => {
  it('names it in the header, uses its colours and channels, and Quick exit goes to its page', async () => {
    const acme = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/organisation/acme.json'), 'utf8'));
    delete acme.logo;
    const page = await newPage(browser(), { viewport: { width: 1366, height: 768 } });
    await page.route('**/api/organisation', (route) => route.fulfill({ json: acme }));
    await page.route('https://www.bbc.co.uk/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Sunny</p>' }),
    );
    await page.goto(`${base}#/support`, { timeout: 90_000 });
    await page.getByRole('banner').getByText('Acme Ltd').waitFor({ timeout: 90_000 });
    const call = page.getByRole('link', { name: /^Acme care line/ });
    expect(await call.getAttribute('href')).toBe('tel:+442079460000');
    // The page's accent is the organisation's (#1a5fb4), wherever the stylesheet uses it.
    const accent = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = 'var(--accent)';
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
    expect(accent).toBe('rgb(26, 95, 180)');
    expect(await page.getByRole('note').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Quick exit/ }).click();
    await page.waitForURL('https://www.bbc.co.uk/weather');
    await page.context().close();
  }, 180_000);

  it('keeps its logo visible on a phone set to dark, where the logo is the only sign of it in the header', async () => {
    const acme = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/organisation/acme.json'), 'utf8'));
    // A logo drawn for light paper, as most are: near-black on transparent.
    const logo =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32"><rect width="64" height="32" fill="#111"/></svg>';
    const page = await newPage(browser(), { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await page.route('**/api/organisation', (route) => route.fulfill({ json: { ...acme, logo: '/acme-logo.svg' } }));
    await page.route('**/acme-logo.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: logo }));
    await page.goto(`${base}#/support`, { timeout: 90_000 });
    const image = page.getByRole('banner').locator('.organisation-brand img');
    await image.waitFor({ timeout: 90_000 });
    const paint = await image.evaluate((img) => ({
      plate: getComputedStyle(img).backgroundColor,
      header: getComputedStyle(img.closest('header') as Element).backgroundColor,
      width: img.getBoundingClientRect().width,
    }));
    // The header is dark, the logo sits on a white plate wider than itself, inside the viewport.
    expect(paint.header).not.toBe('rgb(255, 255, 255)');
    expect(paint.plate).toBe('rgb(255, 255, 255)');
    expect(paint.width).toBeGreaterThan(0);
    expect(await image.evaluate((img) => img.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/dark-logo-390.png`, clip: { x: 0, y: 0, width: 390, height: 120 } });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 180_000);
});
