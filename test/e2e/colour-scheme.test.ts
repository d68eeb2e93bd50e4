import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, newPage, sharedChromium, untilSettled } from '../support/browser.ts';
import { openConsole } from '../support/layout.ts';
import { playToDebrief } from '../support/play-to-debrief.ts';
import { createSession } from '../support/session-server.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

/** Relative luminance (WCAG 2.2) of a computed `rgb()` / `rgba()` colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The page's background and the main heading's text colour, as the browser paints them. */
async function paint(page: Page) {
  const colours = await page.evaluate(() => ({
    paper: getComputedStyle(document.body).backgroundColor,
    rootPaper: getComputedStyle(document.documentElement).backgroundColor,
    heading: getComputedStyle(document.querySelector('h1') ?? document.body).color,
  }));
  const paper = colours.paper === 'rgba(0, 0, 0, 0)' ? colours.rootPaper : colours.paper;
  return { paper: luminance(paper), heading: luminance(colours.heading) };
}

/** In the scheme the device asks for: the paper and the text are the scheme's, and axe finds nothing. */
async function check(page: Page, scheme: 'dark' | 'light', view: string) {
  const { paper, heading } = await paint(page);
  if (scheme === 'dark') {
    expect(paper, `${view}: dark paper`).toBeLessThan(0.05);
    expect(heading, `${view}: light text`).toBeGreaterThan(0.5);
  } else {
    expect(paper, `${view}: light paper`).toBeGreaterThan(0.9);
  }
  expect(await axeViolations(page), `${view} (${scheme})`).toEqual([]);
}

/** The colours a computed background's gradient is made of, as `rgb()` or `color(srgb …)`, in order. */
function gradientColours(css: string): string[] {
  return [...css.matchAll(/rgba?\(([^)]*)\)|color\(srgb ([^)]*)\)/g)].map((m) =>
    m[1] !== undefined
      ? `rgb(${m[1]})`
      : `rgb(${m[2]
          .split(/\s+/)
          .slice(0, 3)
          .map((v) => Math.round(Number(v) * 255))
          .join(', ')})`,
  );
}

it.each(['light', 'dark'] as const)(
  'stripes the guesses’ bars in two tones 3:1 apart in the %s scheme, unlike the votes’ plain bars',
  async (scheme) => {
    const page = await newPage(browser(), { colorScheme: scheme });
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'The hand on the back' }).first().waitFor();
    const painted = await page.evaluate(() => {
      const bar = (className: string) => {
        const el = document.createElement('span');
        el.className = className;
        document.body.append(el);
        const style = getComputedStyle(el);
        return { image: style.backgroundImage, colour: style.backgroundColor };
      };
      return { guess: bar('bar guess'), vote: bar('bar') };
    });
    const stripes = [...new Set(gradientColours(painted.guess.image))];
    expect(stripes, painted.guess.image).toHaveLength(2);
    const [a, b] = stripes.map(luminance).sort((x, y) => y - x);
    expect((a + 0.05) / (b + 0.05), `${stripes.join(' / ')} (${scheme})`).toBeGreaterThanOrEqual(3);
    expect(painted.vote.image).toBe('none');
    await page.context().close();
  },
);

describe.each([
  { scheme: 'dark', width: 390, height: 844 },
  { scheme: 'dark', width: 1366, height: 768 },
] as const)('the $scheme colour scheme at $width×$height', ({ scheme, width, height }) => {
  const options = { colorScheme: scheme, viewport: { width, height } };

  it('follows the device in the library, a scenario to its debrief, support, the guide and the studio, with axe finding nothing', async () => {
    const page = await newPage(browser(), options);
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'The hand on the back' }).first().waitFor();
    await check(page, scheme, 'library');

    await page.goto(`${baseUrl}#/play/hand-on-the-back`);
    await page.locator('#note-title').waitFor();
    await check(page, scheme, 'content note');
    await untilSettled(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.narrative').waitFor();
    await untilSettled(page);
    await check(page, scheme, 'scene');
    await page.screenshot({ path: `${ARTIFACTS}/${scheme}-scene-${width}.png` });
    await page.getByRole('button', { name: /Catch Sam's eye/ }).click();
    await page.getByText('Bring others in +1').waitFor();
    await check(page, scheme, 'feedback');
    await playToDebrief(page, baseUrl);
    await check(page, scheme, 'debrief');
    await page.screenshot({ path: `${ARTIFACTS}/${scheme}-debrief-${width}.png`, fullPage: true });
    // Printed, the debrief is dark on light, its form fields too (an #IWill in the learner's words).
    await page.getByLabel('In my own words').check();
    // Its radio buttons are drawn in the app's accent, not the browser's own blue.
    const radio = await page.getByLabel('In my own words').evaluate((input) => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--accent)';
      document.body.append(probe);
      const accent = getComputedStyle(probe).color;
      probe.remove();
      return { drawn: getComputedStyle(input).accentColor, accent };
    });
    expect(radio.drawn, 'the radio button takes the accent').toBe(radio.accent);
    // An unpicked radio's ring stands out from the card (WCAG 1.4.11, 3:1), as does a picked one's.
    const rings = await page.locator('.option input[type="radio"]').evaluateAll((inputs) =>
      inputs.map((input) => ({
        checked: (input as HTMLInputElement).checked,
        ring: getComputedStyle(input).borderTopColor,
        width: getComputedStyle(input).borderTopWidth,
        card: getComputedStyle(input.closest('.panel') ?? document.body).backgroundColor,
      })),
    );
    expect(rings.filter((r) => !r.checked).length).toBeGreaterThan(0);
    for (const { checked, ring, width, card } of rings) {
      const [light, dark] = [luminance(ring), luminance(card)].sort((x, y) => y - x);
      expect(
        (light + 0.05) / (dark + 0.05),
        `${checked ? 'picked' : 'unpicked'} radio ${ring} on ${card}`,
      ).toBeGreaterThanOrEqual(3);
      expect(Number.parseFloat(width)).toBeGreaterThanOrEqual(2);
    }
    await page
      .getByLabel('In my own words')
      .locator('xpath=ancestor::fieldset[1]')
      .screenshot({ path: `${ARTIFACTS}/${scheme}-iwill-choice-${width}.png` });
    await page.getByLabel('My commitment').fill('I will ask Sam if she is OK.');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const field = document.querySelector('textarea') as HTMLTextAreaElement;
      return { field: getComputedStyle(field).backgroundColor, text: getComputedStyle(field).color };
    });
    expect(luminance(printed.field), 'printed #IWill field: light paper').toBeGreaterThan(0.9);
    expect(luminance(printed.text), 'printed #IWill field: dark text').toBeLessThan(0.1);
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${baseUrl}#/support`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page, scheme, 'support');

    await page.goto(`${baseUrl}#/guide/hand-on-the-back`);
    await page.locator('.facilitator-guide').waitFor();
    expect(await axeViolations(page), 'guide').toEqual([]);

    // The studio in both its views: the form it opens on, and the source.
    await page.goto(`${baseUrl}#/studio`);
    await page.locator('.studio-form').waitFor();
    expect(await axeViolations(page), 'studio form').toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/${scheme}-studio-form-${width}.png` });
    await page.getByRole('button', { name: 'Source (JSON)' }).click();
    await page.locator('.cm-editor').waitFor();
    expect(await axeViolations(page), 'studio source').toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/${scheme}-studio-${width}.png` });
    await page.context().close();
  }, 120_000);

  it('follows the device on the console, the stage and a phone', async () => {
    const created = await createSession(baseUrl, { scenario: 'hand-on-the-back', timers: false, minReveal: 3 });
    expect(created.status).toBe(201);
    const { sessionId, code, secret } = created.body;
    const host = await newPage(browser(), options);
    await openConsole(host, baseUrl, sessionId, secret);
    const stage = await newPage(browser(), { colorScheme: scheme, viewport: { width: 1920, height: 1080 } });
    await stage.goto(`${baseUrl}#/screen/${code}`);
    await stage.locator('.stage .join-code').waitFor();
    await check(stage, scheme, 'stage lobby');
    const phone = await newPage(browser(), options);
    await phone.goto(`${baseUrl}#/join/${code}`);
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByText('Waiting for the facilitator to start.').waitFor();
    await check(phone, scheme, 'phone lobby');
    await host.getByText('1 joined').first().waitFor();
    await check(host, scheme, 'console lobby');
    await host.getByRole('button', { name: 'Start the first scene' }).click();
    await phone.locator('.choice').first().waitFor();
    await check(phone, scheme, 'phone voting');
    await check(stage, scheme, 'stage voting');
    await check(host, scheme, 'console voting');
    await phone.screenshot({ path: `${ARTIFACTS}/${scheme}-phone-voting.png`, fullPage: true });
    await stage.screenshot({ path: `${ARTIFACTS}/${scheme}-stage.png` });
    for (const page of [host, stage, phone]) await page.context().close();
  }, 120_000);
});
