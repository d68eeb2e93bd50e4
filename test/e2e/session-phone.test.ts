import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, newPage, sharedChromium } from '../support/browser.ts';
import { SessionClient } from '../support/session-client.ts';
import { createSession } from '../support/session-server.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

const PHONE_360 = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };

/** Whether the element lies wholly inside the first screen, the page scrolled to its top. */
async function inFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    window.scrollTo(0, 0);
    const el = document.querySelector(selector);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  }, selector);
}

describe('a phone through a whole group session, at 360×640', () => {
  it('joins with a styled name field, reads first, finds #IWill at once, and ends with nothing left to press', async () => {
    const { sessionId, secret } = (
      await createSession(baseUrl, { scenario: 'hand-on-the-back', timers: true, minReveal: 3 })
    ).body;
    const host = await SessionClient.connect(baseUrl);
    const phone = await newPage(browser(), PHONE_360);
    try {
      await host.request({ type: 'host', sessionId, secret });
      const code = (await host.until(() => true)).code;

      // The join form: the name field is a field a thumb can use, in a font iOS does not zoom.
      await phone.goto(`${baseUrl}#/join`);
      const name = phone.getByLabel('Your name (optional)');
      const field = await name.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const form = (el.closest('form') as HTMLElement).getBoundingClientRect();
        return {
          width: r.width,
          height: r.height,
          form: form.width,
          font: Number.parseFloat(getComputedStyle(el).fontSize),
        };
      });
      expect(field.font).toBeGreaterThanOrEqual(16);
      expect(field.height).toBeGreaterThanOrEqual(44);
      expect(field.width).toBeGreaterThanOrEqual(field.form - 1);
      const codeField = await phone.getByLabel('The code on the screen').boundingBox();
      expect(codeField?.height).toBeGreaterThanOrEqual(44);
      expect(await axeViolations(phone)).toEqual([]);
      await phone.screenshot({ path: `${ARTIFACTS}/phone-360-join.png` });
      await phone.getByLabel('The code on the screen').fill(code);
      await name.fill('Ana');
      await phone.getByRole('button', { name: 'Join' }).click();
      await phone.getByText('Waiting for the facilitator to start.').waitFor();

      // A timed scene opens with reading time on the shared countdown, not the seconds to decide.
      await host.request({ type: 'start' });
      const opened = await host.until((r) => r.phase === 'voting');
      expect(opened.readingMs).toBeGreaterThan(0);
      const timer = phone.getByRole('timer');
      await expect
        .poll(() => timer.textContent())
        .toMatch(/^Reading time: the clock starts in \d+ s, then you have 20 s\./);
      expect(await axeViolations(phone)).toEqual([]);
      await phone.screenshot({ path: `${ARTIFACTS}/phone-360-reading-time.png` });

      // On to the debrief: the facilitator follows a branch at each decision.
      for (let room = opened; room.phase !== 'debrief'; ) {
        await host.request({ type: 'reveal' });
        const revealed = await host.until((r) => r.phase === 'revealed');
        const choice = revealed.choices.find((c) => !c.timed)?.event as string;
        await host.request({ type: 'advance', choice });
        room = await host.until((r) => r.decision === revealed.decision + 1 || r.phase === 'debrief');
      }
      await phone.locator('#ending-title').waitFor();
      // The #IWill form is one tap from the first screen, however long the ending, path and scores.
      const jump = phone.getByRole('button', { name: 'Write your #IWill: one thing you will do next time' });
      expect(await inFirstScreen(phone, '.post-jump button')).toBe(true);
      expect(await axeViolations(phone)).toEqual([]);
      await phone.screenshot({ path: `${ARTIFACTS}/phone-360-debrief-top.png` });
      await jump.click();
      expect(await phone.evaluate(() => document.activeElement?.id)).toBe('post-text');
      await phone.keyboard.type('I will check in with her afterwards.');
      expect(
        await phone.evaluate(() => {
          const r = (document.activeElement as HTMLElement).getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }),
      ).toBe(true);
      await phone.screenshot({ path: `${ARTIFACTS}/phone-360-debrief-iwill.png` });
      // The rest stays readable below, in order.
      await phone.getByRole('heading', { name: 'The path the group took' }).waitFor();

      // Ended: said plainly, with the support page, and no greeting, seat or session controls.
      await host.request({ type: 'end' });
      await phone.getByRole('heading', { level: 1, name: 'This session has ended' }).waitFor();
      expect(await phone.getByText('Hi Ana').count()).toBe(0);
      expect(await phone.getByText(/Seat \d/).count()).toBe(0);
      expect(await phone.getByRole('button', { name: 'I need a moment' }).count()).toBe(0);
      expect(await phone.locator('.session.phone button, .session.phone textarea').count()).toBe(0);
      expect(await phone.getByRole('link', { name: 'Support and where to get help' }).isVisible()).toBe(true);
      expect(await axeViolations(phone)).toEqual([]);
      await phone.screenshot({ path: `${ARTIFACTS}/phone-360-ended.png` });
    } finally {
      await host.close();
      await phone.context().close();
    }
  }, 120_000);
});
