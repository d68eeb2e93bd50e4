import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, newPage, sharedChromium } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The buttons a phone can vote with, in order. */
const voteButtons = (phone: Page) => phone.locator('.session.phone .choice');

describe('a facilitated group session in the browser', () => {
  it('a facilitator and three phones play a scenario to the group debrief and the #IWill wall', async () => {
    // The facilitator starts a session from the library.
    const host = await newPage(browser());
    await host.goto(baseUrl);
    await host.getByRole('link', { name: 'Run with a group: The hand on the back' }).click();
    await host.getByLabel('Votes needed before the spread is shown').fill('3');
    await host.getByLabel('Timed choices run a shared countdown').uncheck();
    await host.getByRole('button', { name: 'Start the session' }).click();
    await host.getByRole('heading', { name: 'Facilitating: The hand on the back' }).waitFor();
    expect(host.url()).toMatch(/#\/console\/[A-Za-z0-9_-]{22}$/);
    const code = ((await host.locator('.join-code [aria-hidden]').textContent()) ?? '').replace(' ', '');
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(await host.locator('.join-panel svg.qr').count()).toBe(1);

    // The projector holds no secret: it watches by code.
    const screen = await newPage(browser(), { viewport: { width: 1280, height: 800 } });
    await screen.goto(`${baseUrl}#/screen/${code}`);
    await screen.getByText('Content note').waitFor();
    expect(await screen.evaluate(() => JSON.stringify(localStorage))).not.toMatch(/host:/);

    // Three phones join with the code: one through the form, two through the QR code's link.
    const phones: Page[] = [];
    for (let i = 0; i < 3; i++) {
      const phone = await newPage(browser(), PHONE);
      if (i === 0) {
        await phone.goto(`${baseUrl}#/join`);
        await phone.getByLabel('The code on the screen').fill(code.toLowerCase());
        await phone.getByLabel('Your name (optional)').fill('Robin');
      } else {
        await phone.goto(`${baseUrl}#/join/${code}`);
      }
      await phone.getByRole('button', { name: 'Join' }).click();
      await phone.getByText('Waiting for the facilitator to start.').waitFor();
      phones.push(phone);
    }
    await phones[0].getByText('Hi Robin, you are in the session. Seat 1').waitFor();
    await screen.getByText('3 joined · 3 connected now').waitFor();
    expect(await axeViolations(phones[0])).toEqual([]);

    await host.getByRole('button', { name: 'Start the first scene' }).click();
    let decisions = 0;
    while (!(await host.getByRole('heading', { name: 'The path the group took' }).isVisible())) {
      for (const phone of phones) await voteButtons(phone).first().waitFor();
      const labels = await voteButtons(phones[0]).allTextContents();
      // Two vote for the first choice; the third first picks the last, then changes to the first.
      await voteButtons(phones[0]).first().click();
      await voteButtons(phones[1]).first().click();
      await voteButtons(phones[2]).last().click();
      await phones[2].getByText(`Your vote: ${labels.at(-1)}`).waitFor();
      await voteButtons(phones[2]).first().click();
      await phones[2].getByText(`Your vote: ${labels[0]}`).waitFor();
      await host.getByText('3 voted').waitFor();
      await screen.getByText('3 voted').waitFor();
      if (decisions === 0) {
        // A phone that reloads (or sleeps) comes back with its vote: one that came by the QR code's link,
        // and one that typed the code into the form (its address must carry the code from then on).
        for (const phone of [phones[1], phones[0]]) {
          await phone.reload();
          await phone.locator('.choice[aria-pressed="true"]').waitFor();
          expect(await phone.locator('.choice[aria-pressed="true"]').textContent()).toBe(labels[0]);
        }
        // Nobody sees how anyone voted before the reveal.
        expect(await screen.getByRole('heading', { name: 'How the room voted' }).count()).toBe(0);
        expect(await axeViolations(screen)).toEqual([]);
        expect(await axeViolations(phones[0])).toEqual([]);
        await phones[0].screenshot({ path: `${ARTIFACTS}/session-phone.png`, fullPage: true });
      }
      await host.getByRole('button', { name: 'Reveal the votes' }).click();
      await screen.getByRole('heading', { name: 'How the room voted' }).waitFor();
      await phones[0].getByRole('heading', { name: 'How the room voted' }).waitFor();
      expect(await phones[0].locator('[aria-live="polite"].visually-hidden').textContent()).toBe(
        'The votes are revealed: see how the room voted.',
      );
      expect(await screen.locator('.vote-bars li').first().textContent()).toContain('3 votes (100%)');
      if (decisions === 0) {
        expect(await axeViolations(screen)).toEqual([]);
        expect(await axeViolations(host)).toEqual([]);
        await screen.screenshot({ path: `${ARTIFACTS}/session-presenter.png`, fullPage: true });
      }
      await host.getByRole('button', { name: `Follow the majority: ${labels[0]}` }).click();
      decisions += 1;
      // The spread leaves the console once the next scene (or the debrief) has arrived.
      await host.getByRole('heading', { name: 'How the room voted' }).waitFor({ state: 'detached' });
    }
    expect(decisions).toBeGreaterThanOrEqual(3);

    // The group's debrief, on every screen: the path and how the room scored against the best and worst.
    for (const page of [screen, ...phones]) {
      await page.getByRole('heading', { name: 'The path the group took' }).waitFor();
      expect(await page.locator('.group-path li').count()).toBe(decisions);
      // The stage shows its debrief in parts (path first, then the score table): the console turns them.
      if (page === screen) {
        for (let turns = 0; turns < 5 && !(await page.getByRole('table').isVisible()); turns++) {
          await host.getByRole('button', { name: /next part/i }).click();
          await page.waitForTimeout(200);
        }
      }
      await page.getByRole('table').waitFor();
    }
    // Back to the first part, as the room would be for the wall that follows.
    while (await host.getByRole('button', { name: /previous part/i }).isEnabled()) {
      await host.getByRole('button', { name: /previous part/i }).click();
      await screen.waitForTimeout(100);
    }
    expect(await axeViolations(phones[0])).toEqual([]);

    // #IWill: phones post, the facilitator shows one and hides the other before they reach the wall.
    await phones[0].getByLabel('One thing you will do next time').fill('I will ask “are you OK?” out loud.');
    await phones[0].getByRole('button', { name: 'Post' }).click();
    await phones[1].getByLabel('One thing you will do next time').fill('<b>not this one</b>');
    await phones[1].getByRole('button', { name: 'Post' }).click();
    await phones[0].getByText('Posted. Thank you.').waitFor();
    await host.locator('.moderation li').nth(1).waitFor();
    expect(await screen.locator('.wall li').count()).toBe(0);
    await host.locator('.moderation li', { hasText: 'are you OK' }).getByRole('button', { name: 'Show' }).click();
    await host.locator('.moderation li', { hasText: 'not this one' }).getByRole('button', { name: 'Hide' }).click();
    await screen.locator('.wall li').first().waitFor();
    expect(await screen.locator('.wall li').allTextContents()).toEqual(['I will ask “are you OK?” out loud.']);
    await phones[2].locator('.wall li').first().waitFor();
    expect(await phones[2].locator('.wall').textContent()).not.toContain('not this one');
    expect(await axeViolations(screen)).toEqual([]);
    await screen.screenshot({ path: `${ARTIFACTS}/session-debrief.png`, fullPage: true });

    // Results: the facilitator downloads them; nothing in them names a phone.
    const [download] = await Promise.all([
      host.waitForEvent('download'),
      host.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(csv).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^scenario,decision,description,prompt,choice,/);
    // In words: the scenario's title and each choice's label, never an internal event id.
    expect(text).toContain('The hand on the back');
    expect(text).not.toMatch(/xstate\.after|\b[A-Z]+_[A-Z_]+\b/);
    expect(text).not.toContain('Robin');
  }, 120_000);

  it('lets the facilitator take a phone out by the seat number it shows: the phone is told, the counts drop', async () => {
    const host = await newPage(browser());
    await host.goto(baseUrl);
    await host.getByRole('link', { name: 'Run with a group: The hand on the back' }).click();
    await host.getByRole('button', { name: 'Start the session' }).click();
    const code = ((await host.locator('.join-code [aria-hidden]').textContent()) ?? '').replace(' ', '');
    const phones: Page[] = [];
    for (let i = 0; i < 2; i++) {
      const phone = await newPage(browser(), PHONE);
      await phone.goto(`${baseUrl}#/join/${code}`);
      await phone.getByRole('button', { name: 'Join' }).click();
      await phone.getByText(`You are in the session. Seat ${i + 1}`).waitFor();
      phones.push(phone);
    }
    await host.getByText('2 joined · 2 connected now').waitFor();
    // A typo is asked about, naming the seat, and Escape keeps everyone (the console stays: not a quick exit).
    await host.getByLabel('Seat number').fill('1');
    await host.getByLabel('Seat number').press('Enter');
    await host.getByRole('alertdialog', { name: 'Remove seat 1 from the session?' }).waitFor();
    expect(await axeViolations(host)).toEqual([]);
    await host.keyboard.press('Escape');
    await host.getByRole('alertdialog').waitFor({ state: 'detached' });
    await host.getByText('2 joined · 2 connected now').waitFor();
    expect(await phones[0].getByRole('alert').count()).toBe(0);
    // The right seat, confirmed from the keyboard: the focus starts on Cancel, the removal is before it.
    await host.getByLabel('Seat number').fill('2');
    await host.getByRole('button', { name: 'Remove from the session' }).click();
    await host.getByRole('alertdialog', { name: 'Remove seat 2 from the session?' }).waitFor();
    await host.keyboard.press('Shift+Tab');
    await host.keyboard.press('Enter');
    await host.getByText('Seat 2 was removed.').waitFor();
    await host.getByText('1 joined · 1 connected now').waitFor();
    await phones[1].getByRole('alert').getByText('The facilitator took this phone out of the session.').waitFor();
    // Under the page's one h1, where a screen reader's list of headings starts.
    expect(await phones[1].locator('h1').allTextContents()).toEqual(['Join a session']);
    // A reload does not bring it back into its old seat: it would have to join again, as someone new.
    await phones[1].reload();
    await phones[1].getByRole('button', { name: 'Join' }).waitFor();
    expect(await axeViolations(host)).toEqual([]);
  });

  it('tells a phone with a wrong code so, and keeps the facilitator console for the browser that started it', async () => {
    const phone = await newPage(browser(), PHONE);
    await phone.goto(`${baseUrl}#/join/ZZZZZZ`);
    // Where the heading is and how big: the message takes the form's place without anything jumping.
    const heading = () =>
      phone.locator('h1').evaluate((h1) => {
        const box = h1.getBoundingClientRect();
        return { left: Math.round(box.left), top: Math.round(box.top), size: getComputedStyle(h1).fontSize };
      });
    const onTheForm = await heading();
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByRole('alert').getByText('No session has that code').waitFor();
    await phone.getByRole('button', { name: 'Try another code' }).waitFor();
    expect(await phone.locator('h1').allTextContents()).toEqual(['Join a session']);
    expect(await heading()).toEqual(onTheForm);
    await phone.screenshot({ path: `${ARTIFACTS}/session-wrong-code-phone.png` });
    // Trying another code: the code box is empty and focused, ready for the right code.
    await phone.getByRole('button', { name: 'Try another code' }).click();
    const codeBox = phone.getByRole('textbox', { name: /code/i });
    await codeBox.waitFor();
    expect(await codeBox.inputValue()).toBe('');
    expect(await codeBox.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(new URL(phone.url()).hash).toBe('#/join');

    const stranger = await newPage(browser());
    await stranger.goto(`${baseUrl}#/console/${'A'.repeat(22)}`);
    await stranger.getByRole('heading', { name: 'This browser cannot run that session' }).waitFor();
  });
});
