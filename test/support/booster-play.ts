import type { Page } from 'playwright-core';

/**
 * Plays the coffee-machine booster from its content note to its debrief ("Said, and done") by its
 * strongest path, clicking as a learner does: the page must already show the content note.
 */
export async function playBoosterToDebrief(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: /you heard it/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: /Say, calmly/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Said, and done' }).waitFor();
}
