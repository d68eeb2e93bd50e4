import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatIssue } from '../../src/cli/scenario-files.ts';
import { facilitatorGuide } from '../../src/engine/facilitator-guide.ts';
import { loadScenario } from '../../src/engine/load-scenario.ts';
import { templateText } from '../../src/studio/template.ts';
import { ARTIFACTS, axeViolations, newPage, sharedChromium, tabTo, untilSettled } from '../support/browser.ts';
import { layoutProblems } from '../support/layout.ts';
import { loadRealScenario, ROOT } from '../support/scenario-files.ts';
import { startServer, testDatabases } from '../support/session-server.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();
const DESKTOP = { viewport: { width: 1366, height: 768 } };

const status = (page: Page) => page.locator('.studio-problems [role="status"]');
const preview = (page: Page) => page.locator('.studio-preview');

/** Clicks a button of the preview once the player lets it be pressed. */
async function previewClick(page: Page, name: string | RegExp) {
  await untilSettled(page);
  await preview(page).getByRole('button', { name }).click();
}

/** Waits until the form shows the scenario of this title (its field, folded away or not). */
async function formTitle(page: Page, title: string) {
  await expect.poll(() => page.locator('input[data-pointer="/meta/title"]').first().inputValue()).toBe(title);
}

/** Switches the edit pane from the form to the JSON source. */
async function showSource(page: Page) {
  await page.getByRole('button', { name: 'Source (JSON)' }).click();
  await page.locator('.cm-editor').waitFor();
}

/** Opens the studio on New, once the template's check (its one house-rule warning) is in. */
async function openNew(page: Page) {
  await page.goto(`${baseUrl}#/studio`);
  await page.getByRole('button', { name: 'New' }).click();
  await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
}

/**
 * Opens the studio and, from the library, The hand on the back, as an author would, and waits for its
 * check: until the scenario has come, the status and the map are still the template's.
 */
async function openTheHandOnTheBack(page: Page) {
  await page.goto(`${baseUrl}#/studio`);
  await page.getByRole('combobox', { name: 'From the library' }).selectOption({ label: 'The hand on the back' });
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await formTitle(page, 'The hand on the back');
  await status(page).filter({ hasNotText: 'Checking' }).waitFor();
}

describe('an author in the studio', () => {
  it('starts New, plays it to an ending, meets a problem in the CLI’s words, fixes it from the panel, and downloads a valid file', async () => {
    const page = await newPage(browser(), DESKTOP);
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'For authors: write your own scenario in the studio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scenario studio' }).waitFor();
    expect(page.url()).toMatch(/#\/studio$/);

    await page.getByRole('button', { name: 'New' }).click();
    await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
    await page.getByRole('button', { name: /House rule: The longest path has 3 decisions/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/studio-new.png`, fullPage: true });

    // The template plays to an ending in the preview.
    await page.getByRole('button', { name: 'Play from the start' }).click();
    await previewClick(page, 'Continue');
    for (const choice of [
      'Ask her to help you carry the mugs.',
      'Ask her quietly if she is all right.',
      'Say calmly: “That is not OK.”',
    ]) {
      await previewClick(page, new RegExp(choice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await previewClick(page, 'Continue');
    }
    await preview(page).getByRole('heading', { name: 'She knows you have her back' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/studio-played.png`, fullPage: true });

    // A typo in a target, typed in the source: the problem in the words `npm run scenarios:check` prints.
    await showSource(page);
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+f');
    await page.keyboard.type('"desk"');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('"dsk",');
    const broken = templateText().replace('"target": "desk"', '"target": "dsk"');
    const cli = loadScenario(broken, 'my-scenario.json');
    expect(cli.ok).toBe(false);
    const lines = cli.ok ? [] : cli.issues.map(formatIssue);
    expect(lines[0]).toMatch(/^my-scenario\.json: \/states\/kitchen\/on\/ASK_HELP\/target: .*desk/);
    const problems = page.locator('.studio-problem');
    await status(page).getByText('1 error, 0 house-rule warnings').waitFor();
    // The CLI's words, word for word, then where that is in the form, for a trainer who never sees the JSON.
    expect(await problems.allTextContents()).toEqual(
      lines.map((line) => `Error: ${line}In the form: Scene “kitchen” › Choice 1 › Leads to`),
    );
    await page.getByText('This version has errors (see Problems): the preview plays the last valid version.').waitFor();

    // A reload loses nothing.
    await page.reload();
    await status(page).getByText('1 error, 0 house-rule warnings').waitFor();

    // In the form (the view a reload opens), selecting the problem focuses its field: the choice's
    // "Leads to", which shows the unknown target as it is.
    await problems.first().click();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLSelectElement | null;
        return { pointer: el?.dataset.pointer, value: el?.value };
      });
    expect(await focused()).toEqual({ pointer: '/states/kitchen/on/ASK_HELP/target', value: 'dsk' });

    // In the source, selecting the problem puts the cursor on it; fixing it there clears it.
    await showSource(page);
    await problems.first().click();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    expect(await page.locator('.cm-activeLine').textContent()).toContain('"target": "dsk"');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('"desk",');
    await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('my-scenario.json');
    const saved = readFileSync((await download.path()) as string, 'utf8');
    expect(saved).toBe(templateText());
    expect(loadScenario(saved, 'my-scenario.json').ok).toBe(true);
    await page.context().close();
  });

  it('reaches every main control by keyboard alone, and opens a library scenario', async () => {
    const page = await newPage(browser(), DESKTOP);
    await page.goto(`${baseUrl}#/studio`);
    await page.getByRole('heading', { level: 1, name: 'Scenario studio' }).waitFor();
    await tabTo(page, 'New');
    await page.keyboard.press('Enter');
    await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
    await tabTo(page, 'Open a file…');
    // The library's scenarios are listed by their titles, not their file ids.
    const library = page.getByRole('combobox', { name: 'From the library' });
    expect(await library.locator('option:checked').textContent()).toBe('One more drink');
    await tabTo(page, 'Open');
    await page.keyboard.press('Enter');
    await formTitle(page, 'One more drink');
    // As a keyboard user would, wait for the check's result: until then there is nothing to play.
    await status(page).filter({ hasNotText: 'Checking' }).waitFor();
    await tabTo(page, 'Download');
    await tabTo(page, 'Source (JSON)');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Scenario source (JSON)');
    await tabTo(page, /^Warning: |^Error: |^Play from the start$/);
    await tabTo(page, 'Play from the start');
    await page.keyboard.press('Enter');
    await preview(page).getByRole('button', { name: 'Continue' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('lets a new author build a scenario by clicking and typing only, fix a problem from the panel, play it, and download a file the CLI passes', async () => {
    const page = await newPage(browser(), { ...DESKTOP, acceptDownloads: true });
    const dialogs: string[] = [];
    let answer: 'accept' | 'dismiss' = 'accept';
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog[answer]();
    });
    await openNew(page);
    const editing = page.getByRole('combobox', { name: 'Editing' });

    // The template's third scene and its router go: the scenes before now lead nowhere.
    for (const key of ['later', 'outcome']) {
      await editing.selectOption(key);
      await page.getByRole('button', { name: `Remove ${key}` }).click();
    }
    await status(page)
      .getByText(/^[1-9]\d* errors?/)
      .waitFor();

    // A new third scene: two choices, one offered only if trust is at least 1, and a timed one.
    await page.getByRole('button', { name: 'Add a scene' }).click();
    await page.getByRole('textbox', { name: 'Narrative' }).fill('The next week, he corners her by the lifts.');
    await page.getByRole('textbox', { name: 'Question to the learner' }).fill('What do you do now?');
    const choice = (name: string) => page.getByRole('group', { name, exact: true });
    await choice('Choice 1')
      .getByRole('textbox', { name: 'What the learner picks' })
      .fill('Walk over and stand with her.');
    await choice('Choice 1').getByRole('textbox', { name: 'Feedback' }).fill('Being there changes the moment.');
    await choice('Choice 1').getByRole('combobox', { name: 'Leads to' }).selectOption('good');
    await choice('Choice 1').getByRole('spinbutton', { name: 'Step forward' }).fill('2');
    await page.getByRole('button', { name: 'Add a choice' }).click();
    await choice('Choice 2')
      .getByRole('textbox', { name: 'What the learner picks' })
      .fill('Offer to go to HR with her.');
    await choice('Choice 2').getByRole('textbox', { name: 'Feedback' }).fill('Company makes reporting easier.');
    await choice('Choice 2').getByRole('combobox', { name: 'Leads to' }).selectOption('mixed');
    await choice('Choice 2').getByRole('spinbutton', { name: 'Bring others in' }).fill('2');
    await choice('Choice 2').getByRole('combobox', { name: 'Offered' }).selectOption({ label: 'only if trust' });
    await choice('Choice 2').getByRole('textbox', { name: 'Value' }).fill('1');
    await page.getByRole('button', { name: 'Add a timed choice' }).click();
    const timed = choice('When time runs out');
    await timed.getByRole('spinbutton', { name: 'Seconds before time runs out' }).fill('15');
    await timed.getByRole('textbox', { name: 'What it means to let time run out' }).fill('You freeze.');
    await timed.getByRole('textbox', { name: 'Feedback' }).fill('She is left on her own again.');
    await timed.getByRole('combobox', { name: 'Leads to' }).selectOption('poor');

    // The problems left are the second scene's choices, still leading to the scene removed: each,
    // selected in the panel, opens its "Leads to" in the form, where it is fixed.
    const problems = page.locator('.studio-problem.studio-error');
    await expect
      .poll(() => problems.allTextContents())
      .toEqual([
        expect.stringMatching(/^Error: .*\/states\/desk\/on\/CHECK_IN\/target: .*later/),
        expect.stringMatching(/^Error: .*\/states\/desk\/on\/LEAVE_IT\/target: .*later/),
      ]);
    for (let left = 2; left > 0; left--) {
      await problems.first().click();
      const leadsTo = page.locator('select:focus');
      expect(await leadsTo.getAttribute('data-pointer')).toMatch(/^\/states\/desk\/on\/\w+\/target$/);
      expect(await leadsTo.inputValue()).toBe('later');
      await leadsTo.selectOption('scene');
      await expect.poll(() => problems.count()).toBe(left - 1);
    }
    await status(page)
      .getByText(/^0 errors/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Played: trust from the first two scenes offers the choice that depends on it.
    await page.getByRole('button', { name: 'Play from the start' }).click();
    await previewClick(page, 'Continue');
    await previewClick(page, /Ask her to help you carry the mugs/);
    await previewClick(page, 'Continue');
    await previewClick(page, /Ask her quietly if she is all right/);
    await previewClick(page, 'Continue');
    await preview(page).getByText('The next week, he corners her by the lifts.').first().waitFor();
    await previewClick(page, /Offer to go to HR with her/);
    await previewClick(page, 'Continue');
    await preview(page).getByRole('heading', { name: 'The line is drawn' }).waitFor();

    // Named in the form, downloaded under that name, the file passes the command-line check.
    await page.getByText('About the scenario').click();
    await page.getByRole('textbox', { name: 'File name (id)' }).fill('lift-at-work');
    await status(page).filter({ hasNotText: 'Checking' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lift-at-work.json');
    const saved = join(mkdtempSync(join(tmpdir(), 'upstander-form-')), download.suggestedFilename());
    await download.saveAs(saved);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check-scenarios.ts', saved], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const scenario = JSON.parse(readFileSync(saved, 'utf8'));
    expect(Object.keys(scenario.states)).toEqual(['kitchen', 'desk', 'good', 'mixed', 'poor', 'scene']);
    expect(scenario.states.scene.after['15000'].meta.timeout).toBe(true);
    expect(scenario.states.scene.on.CHOICE_2.guard).toEqual({ type: 'atLeast', params: { var: 'trust', value: 1 } });
    expect(dialogs).toEqual([expect.stringMatching(/^Remove “later”/), expect.stringMatching(/^Remove “outcome”/)]);

    // New, over this work, asks first; declined, the work stays.
    answer = 'dismiss';
    await page.getByRole('button', { name: 'New' }).click();
    expect(dialogs.at(-1)).toMatch(/^Replace the scenario you are writing\?/);
    expect(await editing.locator('option').count()).toBe(6);
    await page.context().close();
  });

  it.each([
    ['phone', { width: 360, height: 640 }],
    ['laptop', { width: 1366, height: 768 }],
  ] as const)(
    'edits with the form on a %s: a new ending written field by field, its problems listed until it is done, the source the same file',
    async (size, viewport) => {
      const page = await newPage(browser(), { viewport });
      await page.goto(`${baseUrl}#/studio`);
      await page.getByRole('button', { name: 'New' }).click();
      await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
      // The form is what the studio opens on.
      expect(await page.getByRole('button', { name: 'Form' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.cm-editor').isVisible()).toBe(false);

      await page.getByRole('button', { name: 'Add an ending' }).click();
      expect(await page.getByRole('combobox', { name: 'Editing' }).inputValue()).toBe('ending');
      // Empty, and nothing leads to it yet: the checker says so, in the Problems panel.
      await status(page)
        .getByText(/^[1-9]\d* errors?/)
        .waitFor();
      await page.getByRole('textbox', { name: 'Ending title' }).fill('She reports it');
      await page.getByRole('textbox', { name: 'Debrief' }).fill('You went with her.\n\nTogether it was easier.');
      // The last choice of the first scene now leads to it.
      await page.getByRole('combobox', { name: 'Editing' }).selectOption('kitchen');
      await page
        .getByRole('group', { name: 'When time runs out' })
        .getByRole('combobox', { name: 'Leads to' })
        .selectOption('ending');
      await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
      expect(await layoutProblems(page, [])).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('group', { name: 'When time runs out' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}/studio-form-timed-${size}.png` });
      await page.locator('.studio-view-switch').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${ARTIFACTS}/studio-form-${size}.png` });

      // The source holds what the form wrote, the new ending last.
      await showSource(page);
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+End');
      await page.locator('.cm-content').getByText('"title": "She reports it"').waitFor();
      await page.context().close();
    },
  );

  it.each([
    ['laptop', { width: 1366, height: 768 }],
    ['projector', { width: 1920, height: 1080 }],
  ] as const)('keeps Problems and Play in view beside a long form on a %s', async (_size, viewport) => {
    const page = await newPage(browser(), { viewport });
    await openTheHandOnTheBack(page);
    // Far down the scene's form: a field in its middle, as an author would scroll to it.
    const fields = page.locator('.studio-form [data-pointer]');
    await fields.nth(Math.floor((await fields.count()) / 2)).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const inView = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    expect(await inView('#studio-problems-title')).toBe(true);
    expect(await inView('.studio-problems [role="status"]')).toBe(true);
    expect(await inView('#studio-play-title')).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/studio-side-${_size}.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('opens a field of About the scenario from its problem, even while that part is folded away', async () => {
    const page = await newPage(browser(), DESKTOP);
    await openNew(page);
    const about = page.getByText('About the scenario');
    await about.click();
    await page.getByRole('textbox', { name: 'File name (id)' }).fill('Bad Id');
    await about.click();
    const problem = page
      .locator('.studio-problem')
      .filter({ hasText: 'In the form: About the scenario › File name (id)' });
    await problem.click();
    const id = page.getByRole('textbox', { name: 'File name (id)' });
    await expect.poll(() => id.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: 'Form', pressed: true }).count()).toBe(1);
    await page.close();
  });

  it('completes the format’s keys and values in the source view from its JSON Schema', async () => {
    const page = await newPage(browser(), DESKTOP);
    await openNew(page);
    await showSource(page);
    const options = page.locator('.cm-tooltip-autocomplete li');
    const completing = async (typed: string) => {
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Delete');
      await page.keyboard.type(typed);
      await page.keyboard.press('Control+Space');
      await options.first().waitFor();
      return (await options.allTextContents()).map((text) => text.trim());
    };
    // In a scene's meta: what a scene holds, never a key the format refuses.
    const keys = await completing('{"states": {"lunch": {"meta": {"');
    for (const key of ['narrative', 'prompt', 'stage', 'discussion', 'facilitatorNotes'])
      expect(keys.some((k) => k.startsWith(key))).toBe(true);
    expect(keys.some((k) => k.startsWith('cast'))).toBe(false);
    // A choice's meta, under its event.
    const choiceKeys = await completing('{"states": {"lunch": {"on": {"SPEAK_UP": {"meta": {"');
    for (const key of ['label', 'feedback', 'tactics', 'harm', 'barrier'])
      expect(choiceKeys.some((k) => k.startsWith(key))).toBe(true);
    // A field's allowed values: the five bystander steps; the one picked goes into the text.
    const stages = await completing('{"states": {"lunch": {"meta": {"stage": "');
    for (const stage of ['notice', 'interpret', 'responsibility', 'choose', 'act'])
      expect(stages.some((k) => k.startsWith(stage))).toBe(true);
    await options.filter({ hasText: /^interpret/ }).click();
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('"stage": "interpret"');
    await page.screenshot({ path: `${ARTIFACTS}/studio-completion.png` });
    // Escape closes a list of completions, twice in a row: that is not the double Escape of Quick exit.
    await completing('{"');
    await page.keyboard.press('Escape');
    await page.keyboard.type('d');
    await page.keyboard.press('Control+Space');
    await options.first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => options.count()).toBe(0);
    expect(page.url()).toMatch(/#\/studio$/);
    expect(await page.getByRole('heading', { level: 1, name: 'Scenario studio' }).count()).toBe(1);
    await page.close();
  });

  it('never scrolls sideways on a 360 × 640 phone', async () => {
    const page = await newPage(browser(), { viewport: { width: 360, height: 640 } });
    await openNew(page);
    await page.getByRole('button', { name: 'Play from the start' }).click();
    await previewClick(page, 'Continue');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await page.screenshot({ path: `${ARTIFACTS}/studio-phone.png`, fullPage: true });
    expect(overflow).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['phone', { width: 360, height: 640 }],
    ['laptop', { width: 1366, height: 768 }],
  ] as const)(
    'plays from any scene with the story variables set, on a %s: the scene opens in view, its choices go where those variables lead, and a wrong kind of value is refused in words',
    async (size, viewport) => {
      const { scenario } = loadRealScenario('hand-on-the-back');
      const askSam = (scenario.states.moment.on?.ASK_SAM ?? []) as readonly { meta?: { label?: { en?: string } } }[];
      // Asking Sam: its label and where it leads hang on allies.
      const [together, alone] = askSam.map((alternative) => alternative.meta?.label?.en ?? '-');
      const page = await newPage(browser(), { viewport });
      await openTheHandOnTheBack(page);
      const playFrom = async (allies: string) => {
        await page.getByRole('combobox', { name: 'Start at' }).selectOption('moment');
        await page.getByRole('textbox', { name: 'allies', exact: true }).fill(allies);
        await page.getByRole('button', { name: 'Play from this scene' }).click();
      };

      // Straight into the scene, no content note, with what is read first on the screen.
      await playFrom('1');
      const narrative = preview(page).locator('.narrative');
      await narrative.waitFor();
      expect(await preview(page).getByRole('button', { name: 'Continue' }).count()).toBe(0);
      await untilSettled(page);
      const inView = await narrative.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight - 40 && el === document.activeElement;
      });
      expect(inView).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTIFACTS}/studio-play-from-${size}.png` });
      expect(await axeViolations(page)).toEqual([]);

      // With an ally already, Sam is nodded over and you both sit by Priya; without, you look for backing.
      await previewClick(page, together);
      await previewClick(page, 'Continue');
      await preview(page).getByText('Lunch is ending. What do you do?').waitFor();
      await playFrom('0');
      await preview(page).getByRole('button', { name: alone }).waitFor();
      expect(await preview(page).getByRole('button', { name: together }).count()).toBe(0);
      await previewClick(page, alone);
      await previewClick(page, 'Continue');
      await preview(page).getByText("Mark's hand is still on Priya's shoulder. What now?").waitFor();

      // A word where a number belongs: said so, and the preview left as it was.
      await page.getByRole('combobox', { name: 'Start at' }).selectOption('moment');
      await page.getByRole('textbox', { name: 'allies', exact: true }).fill('lots');
      await page.getByRole('button', { name: 'Play from this scene' }).click();
      await page.getByRole('alert').getByText('"allies" is a number: type one, such as 0.').waitFor();
      expect(await preview(page).getByText("Mark's hand is still on Priya's shoulder. What now?").count()).toBe(1);
      await page.close();
    },
  );

  it.each([
    ['phone', { width: 360, height: 640 }],
    ['laptop', { width: 1366, height: 768 }],
  ] as const)(
    'reads a scenario as a review script on a %s, prints only the script, downloads it for Word, and comes back to the editor',
    async (size, viewport) => {
      const page = await newPage(browser(), { viewport, acceptDownloads: true });
      await openTheHandOnTheBack(page);
      await page.getByRole('button', { name: 'Review script' }).click();

      const heading = page.getByRole('heading', { level: 1, name: 'Review script: The hand on the back' });
      await heading.waitFor();
      // Focus moves to the script, whose heading and actions are on the first screen.
      expect(await page.evaluate(() => document.activeElement?.classList.contains('studio-review'))).toBe(true);
      expect(await layoutProblems(page, ['#guide-title', '.studio-review-actions button'])).toEqual([]);
      // Every scene, its choices' feedback and tactics, and every ending are there; the timings are not.
      expect(await page.getByRole('heading', { level: 2, name: /^Scene \d+/ }).count()).toBeGreaterThan(3);
      expect(await page.getByText('Feedback:').count()).toBeGreaterThan(8);
      expect(await page.getByRole('heading', { name: /^Ending 1: / }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Suggested timings' }).count()).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}/studio-review-${size}.png` });
      expect(await axeViolations(page)).toEqual([]);

      // Printed: the script alone, without the editor, the app's header or the buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await heading.isVisible()).toBe(true);
      for (const hidden of ['.studio', '.app-header', '.studio-review-actions'])
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      // For Word: a .docx named after the scenario, holding the same script.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download for Word (.docx)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('hand-on-the-back-review.docx');
      const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
      const word = strFromU8(files['word/document.xml']);
      expect(word).toContain('Review script: The hand on the back');
      const firstNarrative = await page.locator('.guide-scene p[lang]').first().textContent();
      expect(word).toContain(
        (firstNarrative ?? '-').replaceAll('&', '&amp;').replaceAll("'", '&apos;').replaceAll('"', '&quot;'),
      );

      // Back: the editor with the same file, focus on the button that opened the script.
      await page.getByRole('button', { name: 'Back to the editor' }).click();
      const reviewButton = page.getByRole('button', { name: 'Review script' });
      await reviewButton.waitFor();
      expect(await reviewButton.evaluate((b) => b === document.activeElement)).toBe(true);
      await formTitle(page, 'The hand on the back');
      expect(await status(page).textContent()).not.toContain('Checking');
      await page.close();
    },
  );

  it('explains, instead of a review script, that one is made only from a version with no errors', async () => {
    const page = await newPage(browser(), DESKTOP);
    await page.goto(`${baseUrl}#/studio`);
    await page.getByRole('button', { name: 'New' }).click();
    await showSource(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('{ "id": ');
    await status(page)
      .getByText(/\b[1-9]\d* errors?\b/)
      .waitFor();
    await page.getByRole('button', { name: 'Review script' }).click();
    await page.getByRole('alert').getByText('The review script is made from a version with no errors').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Scenario studio' }).isVisible()).toBe(true);
    await page.close();
  });

  it('saves a scenario to the server with the author key, and finds it in the library without a rebuild or a restart; a wrong key and a server without one are refused, saying so', async () => {
    const KEY = 'an-author-key-for-this-test-0001';
    // A server of its own: the shipped scenarios in a folder it may write to, and an author key.
    const scenariosDir = mkdtempSync(join(tmpdir(), 'upstander-studio-'));
    cpSync(join(ROOT, 'scenarios'), scenariosDir, { recursive: true });
    const server = await startServer(testDatabases()[0].target(), {
      appDir: join(ROOT, 'dist'),
      scenariosDir,
      authorKey: KEY,
    });
    try {
      const page = await newPage(browser(), DESKTOP);
      await page.goto(`${server.url}#/studio`);
      await page.getByRole('button', { name: 'New' }).click();
      await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
      const key = page.getByLabel('Author key');
      await key.fill('not-the-right-key-000000000');
      await page.getByRole('button', { name: 'Save to the server' }).click();
      await page.getByRole('alert').getByText("that author key is not this server's").waitFor();

      // Enter in the key's box saves, as in any form.
      await key.fill(KEY);
      await key.press('Enter');
      await page.getByRole('status').getByText('Saved as my-scenario.json on the server').waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/studio-saved.png` });
      // What came of it has focus, and its link plays the scenario.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
      await page.getByRole('link', { name: 'Play it from the library' }).click();
      await page.getByRole('heading', { name: 'My scenario' }).first().waitFor();
      await page.getByRole('button', { name: 'Continue' }).waitFor();
      // And the library lists it, without a rebuild or a restart.
      await page.goto(`${server.url}#/`);
      await page.getByRole('link', { name: 'My scenario', exact: true }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // A second New has the same file name: saving would replace the first for everyone, so it asks,
      // and declined, nothing is sent. Renamed in the form, it is saved beside the first.
      await page.goto(`${server.url}#/studio`);
      await page.getByRole('button', { name: 'New' }).click();
      await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
      const asked: string[] = [];
      page.on('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await page.getByLabel('Author key').fill(KEY);
      await page.getByRole('button', { name: 'Save to the server' }).click();
      await expect.poll(() => asked).toEqual([expect.stringContaining('“My scenario”')]);
      expect(await page.getByRole('status').filter({ hasText: 'Saved as' }).count()).toBe(0);
      await page.getByText('About the scenario').click();
      await page.getByRole('textbox', { name: 'File name (id)' }).fill('my-second-scenario');
      await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
      await page.getByRole('button', { name: 'Save to the server' }).click();
      await page.getByRole('status').getByText('Saved as my-second-scenario.json on the server').waitFor();
      expect(asked).toHaveLength(1);
      await page.context().close();

      // The shared test server has no author key: saving is off, and the studio says what to do
      // before any key is typed, in place of the key's box.
      const off = await newPage(browser(), DESKTOP);
      await off.goto(`${baseUrl}#/studio`);
      await off.getByRole('button', { name: 'New' }).click();
      await status(off).getByText('0 errors, 1 house-rule warning').waitFor();
      await off.getByText('Saving to this server is turned off: download the file instead').waitFor();
      expect(await off.getByLabel('Author key').count()).toBe(0);
      expect(await off.getByRole('button', { name: 'Save to the server' }).count()).toBe(0);
      await off.context().close();
    } finally {
      await server.close();
    }
  });

  it.each([
    ['phone', { width: 360, height: 640 }],
    ['laptop', { width: 1366, height: 768 }],
  ] as const)(
    'maps a library scenario on a %s: every scene and ending, the best and worst paths, and a scene selected opens it in the form or the source',
    async (size, viewport) => {
      const { scenario } = loadRealScenario('hand-on-the-back');
      const guide = facilitatorGuide(scenario, { language: 'en', support: [] });
      const page = await newPage(browser(), { viewport });
      await openTheHandOnTheBack(page);
      // The template's map has given way to this scenario's.
      const map = page.getByRole('region', { name: 'Map', exact: true });
      await expect.poll(() => map.getByRole('button').count()).toBe(guide.scenes.length + guide.endings.length);
      expect(await map.getByRole('button', { name: /on the best path/ }).count()).toBeGreaterThan(2);
      expect(await map.getByRole('button', { name: /on the worst path/ }).count()).toBeGreaterThan(2);
      expect(await page.locator('.studio-map-edge.best').count()).toBeGreaterThan(1);
      // The map scrolls in its own box; the page never sideways.
      expect(await layoutProblems(page, [])).toEqual([]);
      await page.getByRole('heading', { name: 'Map' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}/studio-map-${size}.png` });
      await page
        .getByRole('region', { name: 'Scenes and endings' })
        .screenshot({ path: `${ARTIFACTS}/studio-map-box-${size}.png` });
      expect(await axeViolations(page)).toEqual([]);
      const last = guide.endings.at(-1);
      if (!last) throw new Error('the scenario has endings');
      const lastOnTheMap = map.getByRole('button', { name: new RegExp(`^Ending ${last.number} `) });
      // The last ending, selected: the form shows it, with its title's field focused and on screen.
      await lastOnTheMap.click();
      expect(await page.getByRole('combobox', { name: 'Editing' }).inputValue()).toBe(last.key);
      const title = page.getByRole('textbox', { name: 'Ending title (English)' });
      expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await title.inputValue()).toBe(last.title);
      const box = await title.boundingBox();
      const { width, height } = viewport;
      expect(box && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width).toBe(true);
      // In the source: the same ending's state, with the cursor in it.
      await showSource(page);
      await lastOnTheMap.click();
      await page.locator('.cm-editor.cm-focused').waitFor();
      expect(await page.locator('.cm-activeLine').textContent()).toContain(`"${last.key.split('.').at(-1)}": {`);
      await page.close();
    },
  );
});
