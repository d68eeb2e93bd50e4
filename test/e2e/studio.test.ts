import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatIssue } from '../../src/cli/scenario-files.ts';
import { loadScenario } from '../../src/engine/load-scenario.ts';
import { templateText } from '../../src/studio/template.ts';
import { ARTIFACTS, axeViolations, newPage, sharedChromium, tabTo, untilSettled } from '../support/browser.ts';

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
    expect(await problems.allTextContents()).toEqual(lines.map((line) => `Error: ${line}`));
    await page.getByText('This version has errors (see Problems): the preview plays the last valid version.').waitFor();

    // A reload loses nothing.
    await page.reload();
    await status(page).getByText('1 error, 0 house-rule warnings').waitFor();

    // Selecting the problem puts the cursor on it; fixing it there clears it.
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
    await page.locator('.cm-content').getByText('"id": "after-work-drinks"').waitFor();
    // As a keyboard user would, wait for the check's result: until then there is nothing to play.
    await status(page).filter({ hasNotText: 'Checking' }).waitFor();
    await tabTo(page, 'Download');
    await tabTo(page, 'Scenario source (JSON)');
    await tabTo(page, /^Warning: |^Error: |^Play from the start$/);
    await tabTo(page, 'Play from the start');
    await page.keyboard.press('Enter');
    await preview(page).getByRole('button', { name: 'Continue' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('never scrolls sideways on a 360 × 640 phone', async () => {
    const page = await newPage(browser(), { viewport: { width: 360, height: 640 } });
    await page.goto(`${baseUrl}#/studio`);
    await page.getByRole('button', { name: 'New' }).click();
    await status(page).getByText('0 errors, 1 house-rule warning').waitFor();
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
});
