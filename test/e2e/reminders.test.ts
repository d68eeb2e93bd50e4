import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { playBoosterToDebrief } from '../support/booster-play.ts';
import { ARTIFACTS, axeViolations, newPage, sharedChromium } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

/** Every request the page makes, so a test can assert none leaves its origin. */
function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

const commitment = 'I will say, calmly: "not funny; leave it", then check in';

describe('practice that lasts', () => {
  it('takes reminders after a commitment, opens a booster from one and answers the follow-up, all on this device', async () => {
    const page = await newPage(browser());
    const requests = watchRequests(page);

    // The library lists full scenarios only; a booster is reached from reminders.
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'The hand on the back', exact: true }).waitFor();
    expect(await page.getByText('At the coffee machine').count()).toBe(0);

    // Play a booster to its debrief and make a commitment in the learner's own words.
    await page.goto(`${baseUrl}#/play/booster-coffee-machine`);
    await playBoosterToDebrief(page);
    await page.getByRole('radio', { name: 'In my own words' }).check();
    await page.getByLabel('My commitment').fill(commitment);
    await page.getByRole('button', { name: 'Save my commitment' }).click();
    await page.getByRole('heading', { name: 'Take it with you' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download calendar reminders (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('upstander-reminders.ics');
    const ics = readFileSync(await download.path(), 'utf8');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(3);
    const links = events.map((event) => String(event.getFirstPropertyValue('url')));
    for (const [i, event] of events.entries()) {
      const description = String(event.getFirstPropertyValue('description'));
      expect(description).toContain(commitment);
      expect(description).toContain('Did you get a chance to act? What happened?');
      expect(description).toContain(links[i]);
      expect(event.getFirstSubcomponent('valarm')).not.toBeNull();
    }
    expect(links.map((link) => link.replace(/#\/play\/[a-z-]+\/followup$/, ''))).toEqual([baseUrl, baseUrl, baseUrl]);
    const weeks = events.map((event) => {
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
      return Math.round((start.toJSDate().getTime() - Date.now()) / (7 * 24 * 3600 * 1000));
    });
    expect(weeks).toEqual([2, 6, 12]);

    // Follow one reminder: the follow-up question, then the booster, which plays whether or not it is answered.
    await page.goto(links.find((link) => link.includes('booster-late-tram')) as string);
    await page.getByRole('heading', { name: 'Since your commitment' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page
      .getByLabel('What happened? (optional)')
      .fill('A colleague joked about a new starter; I said "not funny".');
    await page.getByRole('button', { name: 'Save my answer' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
    await page.getByRole('heading', { name: 'Your earlier answers' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // On a small phone, as a new device: the question is on the first screen and has focus; the booster's
    // content note (and the confidence questions of a first visit) wait below it.
    const phone = await newPage(browser(), { viewport: { width: 360, height: 640 } });
    await phone.goto(links[0]);
    await phone.getByRole('button', { name: 'Continue' }).waitFor();
    const firstScreen = await phone.evaluate(() => {
      const inView = (el: Element | null) => {
        const r = el?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.bottom <= document.documentElement.clientHeight;
      };
      return {
        focused: document.activeElement?.textContent,
        heading: inView(document.getElementById('follow-up-title')),
        yes: inView(document.querySelector('.follow-up input[type="radio"]')),
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(firstScreen).toEqual({ focused: 'Since your commitment', heading: true, yes: true, sideways: 0 });
    await phone.screenshot({ path: `${ARTIFACTS}/follow-up-360.png` });
    expect(await axeViolations(phone)).toEqual([]);
    await phone.context().close();

    // Kept on the device: shown back on the next reminder, which can be skipped.
    await page.goto(links.find((link) => link.includes('booster-club-chat')) as string);
    await page.reload();
    await page.getByText(/Yes — A colleague joked about a new starter/).waitFor();
    await page
      .getByRole('region', { name: 'Since your commitment' })
      .getByRole('button', { name: 'Skip', exact: true })
      .click();
    expect(await page.getByRole('heading', { name: 'Since your commitment' }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('note-title');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: /Yes: you're in the chat/ }).waitFor();

    const origin = new URL(baseUrl).origin;
    expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
