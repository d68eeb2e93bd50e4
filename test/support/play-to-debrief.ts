import type { Page } from 'playwright-core';
import { untilSettled } from './browser.ts';

/**
 * Plays "The hand on the back" afresh, from its content note to the good ending ("She reports it, and you
 * back her") by clicking, as a learner would, waiting for each view to accept activation.
 */
export async function playToDebrief(page: Page, baseUrl: string): Promise<void> {
  // Afresh: no saved progress to resume.
  await page.goto(`${baseUrl}#/`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${baseUrl}#/play/hand-on-the-back`);
  await page.locator('#note-title').waitFor();
  for (const chosen of [/Catch Sam's eye/, /Nod to Sam/, /Suggest to Priya/, /You're not overreacting/]) {
    await untilSettled(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await untilSettled(page);
    await page.getByRole('button', { name: chosen }).click();
  }
  await untilSettled(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'She reports it, and you back her' }).waitFor();
}
