import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[360, 640], [1366, 768]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  await page.goto('http://127.0.0.1:4300/#/studio');
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByText('Saving to this server is turned off').waitFor();
  await page.getByText('Saving to this server is turned off').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/saveoff-${w}.png` });
  await page.getByLabel('New person (a short id, e.g. priya)').fill('priya');
  await page.getByRole('button', { name: 'Add to the cast' }).click();
  await page.getByRole('group', { name: 'priya' }).getByRole('textbox', { name: 'Role in the story (e.g. your manager)' }).fill('your colleague');
  await page.getByRole('group', { name: 'Who is in this scene' }).getByRole('checkbox', { name: 'Priya' }).check();
  await page.getByRole('group', { name: 'The cast' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/cast-form-${w}.png` });
  await page.getByRole('group', { name: 'Who is in this scene' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/present-form-${w}.png` });
  console.log(w, await page.evaluate(() => document.documentElement.scrollWidth));
  await ctx.close();
}
await browser.close();
