import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { scenarioFiles } from '../../src/cli/scenario-files.ts';
import { ARTIFACTS, axeViolations, newPage, sharedChromium, tabTo, untilSettled } from '../support/browser.ts';
import { playToDebrief } from '../support/play-to-debrief.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

const narrative = (page: Page) => page.locator('.narrative').textContent();

describe('a learner in the browser', () => {
  it('plays a scenario from the library to its debrief with the keyboard only, and axe finds nothing', async () => {
    const page = await newPage(browser());
    await page.goto(baseUrl);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, 'The hand on the back');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'The hand on the back' }).waitFor();
    await untilSettled(page);
    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');

    await page.locator('.narrative').getByText('Friday team lunch in the break room.', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('narrative');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/scene.png`, fullPage: true });

    await untilSettled(page);
    await page.keyboard.press('2'); // Catch Sam's eye
    await page.getByRole('heading', { name: /You chose: Catch Sam's eye/ }).waitFor();
    await page.getByText('Bring others in +1').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await untilSettled(page);
    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');

    for (const [key, chosen] of [
      ['3', /Nod to Sam/],
      ['1', /Suggest to Priya/],
      ['1', /You're not overreacting/],
    ] as const) {
      await page.getByRole('heading', { name: /What do you|Lunch is ending/ }).waitFor();
      await untilSettled(page);
      await page.keyboard.press(key);
      await page.getByRole('heading', { name: chosen }).waitFor();
      await untilSettled(page);
      await tabTo(page, 'Continue');
      await page.keyboard.press('Enter');
    }

    await page.getByRole('heading', { name: 'She reports it, and you back her' }).waitFor();
    // The score on the 0–100 scale an LMS records (7 points from −4 to 8 → 92), the points as detail.
    expect(await page.getByText(/^92$/).count()).toBe(1);
    expect(
      await page.getByText('In points: 7, on a range from -4 (the worst path) to 8 (the best path).').count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/debrief.png`, fullPage: true });
    await page.context().close();
    // Four axe runs and every view settling before a key: 29 s alone on a loaded two-core machine.
  }, 60_000);

  it('resumes at the same scene with the same choices after a reload', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}#/play/hand-on-the-back`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: /Look properly/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: /Say, calmly and clearly/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    const before = await narrative(page);
    expect(before).toMatch(/The table goes quiet/);

    await page.reload();
    await page.locator('.narrative').waitFor();
    expect(await narrative(page)).toBe(before);
    await page.getByRole('button', { name: /Am I the only one/ }).click();
    await page.getByText('Bring others in +2').waitFor();
    await page.context().close();
  });

  it('starts afresh with a visible notice when saved progress is corrupt', async () => {
    const page = await newPage(browser());
    await page.goto(baseUrl);
    await page.evaluate(() => localStorage.setItem('upstander:v1:progress:hand-on-the-back', '{not json'));
    await page.goto(`${baseUrl}#/play/hand-on-the-back`);
    await page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
    await page.getByRole('heading', { name: 'The hand on the back' }).waitFor();
    await page.context().close();
  });

  it('says so when a part of the app cannot be fetched, keeps Quick exit, and tries again', async () => {
    const page = await newPage(browser(), { viewport: { width: 390, height: 844 } });
    await page.goto(baseUrl);
    await page.locator('.scenario-card h2 a').first().waitFor();
    // The network drops for the player's code (a blip, or offline after the library loaded).
    await page.route(/player-page-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${baseUrl}#/play/hand-on-the-back`);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await alert.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This part of the app could not be loaded',
    );
    expect(await page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/load-failure-390.png` });
    // Back online: Try again fetches it afresh.
    await page.unroute(/player-page-[^/]*\.js$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'The hand on the back' }).waitFor();
    await page.context().close();
  });

  it('stays in the language on screen, and says it in the menu, when another cannot be fetched', async () => {
    const page = await newPage(browser());
    await page.route(/\/es-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(baseUrl);
    const language = page.getByRole('combobox', { name: 'Language' });
    await language.selectOption('es');
    // The choice could not be honoured: the menu shows the language the page is in, and nothing is thrown.
    await expect.poll(() => language.inputValue()).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Practise stepping in');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('counts down a timed choice, and offers it as a plain choice when timers are off', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}#/play/hand-on-the-back`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('timer').waitFor();
    // Reading time first: the clock starts once the scene can be read at 150 words a minute.
    expect(await page.getByRole('timer').textContent()).toMatch(
      /^Reading time: the clock starts in \d+ s, then you have 20 s/,
    );

    await page.getByRole('combobox', { name: 'Timers' }).selectOption('off');
    expect(await page.getByRole('timer').count()).toBe(0);
    await page.getByRole('button', { name: 'You hesitate, unsure what you saw.' }).click();
    await page.getByRole('heading', { name: /You chose: You hesitate/ }).waitFor();

    await page.reload();
    expect(await page.getByRole('combobox', { name: 'Timers' }).inputValue()).toBe('off');
    await page.context().close();
  });

  it('leaves at once with quick exit, and Back does not return to the scenario', async () => {
    for (const how of ['button', 'escape twice'] as const) {
      const page = await newPage(browser());
      await page.goto(baseUrl);
      await page.getByRole('link', { name: 'The hand on the back', exact: true }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.narrative').waitFor();
      if (how === 'button') await page.getByRole('button', { name: /Quick exit/ }).click();
      else {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
      }
      await page.waitForURL(/neutral\.html$/);
      expect(await page.title()).toBe('Weather');
      await page.goBack();
      expect(page.url()).not.toMatch(/#\/play\//);
      await page.context().close();
    }
  });

  it('fits a 360 px phone and a 1920 px projector without sideways scrolling', async () => {
    for (const width of [360, 1920]) {
      const page = await newPage(browser(), { viewport: { width, height: 900 } });
      await page.goto(`${baseUrl}#/play/hand-on-the-back`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.narrative').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ width, overflow }).toEqual({ width, overflow: 0 });
      await page.screenshot({ path: `${ARTIFACTS}/scene-${width}.png` });
      await page.context().close();
    }
  });

  it('animates a new view, and keeps it still under prefers-reduced-motion', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const page = await newPage(browser(), { reducedMotion });
      await page.goto(`${baseUrl}#/play/hand-on-the-back`);
      await page.getByRole('button', { name: 'Continue' }).waitFor();
      await untilSettled(page);
      // Read the new view's style before the browser paints it: React commits the click's update in a
      // microtask, so wait for the new view there, never for a frame (the old view may still be fading in).
      const firstFrame = await page.evaluate(async () => {
        const before = document.querySelector('.view');
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Continue')?.click();
        for (let i = 0; i < 50 && document.querySelector('.view') === before; i++) await Promise.resolve();
        const view = document.querySelector('.view') as HTMLElement;
        if (view === before) return 'the view did not change before the next frame';
        return { opacity: getComputedStyle(view).opacity, transform: getComputedStyle(view).transform };
      });
      if (typeof firstFrame === 'string') throw new Error(firstFrame);
      if (reducedMotion === 'reduce') expect(firstFrame).toEqual({ opacity: '1', transform: 'none' });
      else {
        expect(Number(firstFrame.opacity)).toBeLessThan(1); // fading in
        expect(firstFrame.transform).not.toBe('none'); // sliding up
      }
      await page.context().close();
    }
  });

  it('prints the summary without the header, navigation or buttons', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}#/summary/hand-on-the-back`);
    await page.getByRole('heading', { name: 'The hand on the back: my summary' }).waitFor();
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'The hand on the back: my summary' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('shows where to get help from every page', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}#/play/hand-on-the-back`);
    await page.getByRole('link', { name: 'Get help' }).click();
    await page.getByRole('heading', { name: 'Getting help and reporting' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('switches to Spanish, keeps it after a reload, and plays a scenario written in Spanish', async () => {
    const page = await newPage(browser());
    await page.goto(baseUrl);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('heading', { name: 'Practica cómo intervenir' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Practica cómo intervenir' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    // The pinned quick exit is wider in Spanish; it must never cover the header's controls.
    const timers = await page.getByRole('combobox', { name: 'Temporizadores' }).boundingBox();
    const exit = await page.getByRole('button', { name: /Salida rápida/ }).boundingBox();
    expect((timers?.x ?? 0) + (timers?.width ?? 0)).toBeLessThanOrEqual(exit?.x ?? 0);
    await page.getByRole('link', { name: 'La mano en la espalda', exact: true }).click();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.locator('.narrative').getByText('Comida del equipo del viernes', { exact: false }).waitFor();
    await page.getByRole('heading', { name: '¿Qué haces?' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await untilSettled(page);
    await page.keyboard.press('2');
    await page.getByText('Sumar a otras personas +1').waitFor();
    await page.context().close();
  });

  it('opens every scenario in the library and plays its first choice', async () => {
    const page = await newPage(browser());
    for (const file of scenarioFiles([])) {
      const id = file.replace(/^scenarios\//, '').replace(/\.json$/, '');
      await page.goto(`${baseUrl}#/play/${id}`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.narrative p').first().waitFor();
      await untilSettled(page);
      await page.keyboard.press('1');
      await page.getByRole('heading', { name: /^You chose: / }).waitFor();
    }
    await page.context().close();
  });

  for (const viewport of [
    { width: 360, height: 640 },
    { width: 390, height: 844 },
  ]) {
    it(`opens the debrief at ${viewport.width}×${viewport.height} with Get help and the way to #IWill on the first screen`, async () => {
      const page = await newPage(browser(), { viewport });
      await playToDebrief(page, baseUrl);
      await page.evaluate(() => window.scrollTo(0, 0));
      const inFirstScreen = (locator: ReturnType<Page['locator']>) =>
        locator.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
        });
      const help = page.getByRole('link', { name: /get help or report/ });
      const jump = page.getByRole('button', { name: /Write your #IWill/ });
      expect(await inFirstScreen(help)).toBe(true);
      expect(await inFirstScreen(jump)).toBe(true);
      await page.screenshot({ path: `${ARTIFACTS}/debrief-first-screen-${viewport.width}.png` });
      await untilSettled(page);
      await jump.click();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('#IWill');
      expect(await inFirstScreen(page.getByRole('heading', { name: '#IWill' }))).toBe(true);
      await page.context().close();
    });
  }
});
