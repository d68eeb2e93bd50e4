import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, axeViolations, landmarkViolations, newPage, sharedChromium } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedChromium();

describe('the facilitator guide in the browser', () => {
  it('opens from the library, passes axe, and prints without the app around it', async () => {
    const page = await newPage(browser());
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Facilitator guide: The hand on the back' }).click();
    const title = page.getByRole('heading', { level: 1, name: 'Facilitator guide: The hand on the back' });
    await title.waitFor();
    expect(page.url()).toMatch(/#\/guide\/hand-on-the-back$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await landmarkViolations(page)).toEqual([]);

    const header = page.locator('.app-header');
    const print = page.getByRole('button', { name: 'Print or save as PDF' });
    expect([await header.isVisible(), await print.isVisible()]).toEqual([true, true]);
    await page.emulateMedia({ media: 'print' });
    expect([await header.isVisible(), await print.isVisible(), await title.isVisible()]).toEqual([false, false, true]);
    const pdf = await page.pdf({ path: `${ARTIFACTS}/facilitator-guide.pdf`, format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });
});
