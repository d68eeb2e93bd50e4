import type { Page } from 'playwright-core';

/**
 * What is wrong with how `page` shows the elements a person must see: each selector must match at
 * least one element (unless it starts with `?`), every element it matches must lie inside the window,
 * and the page must not scroll sideways. With `still`, the page must not scroll at all, and no region
 * of it may hide text by overflowing its box (the projected stage).
 */
export async function layoutProblems(page: Page, selectors: readonly string[], still = false): Promise<string[]> {
  return page.evaluate(
    ({ selectors, still }) => {
      window.scrollTo(0, 0);
      const problems: string[] = [];
      const { innerWidth: w, innerHeight: h } = window;
      const root = document.documentElement;
      if (root.scrollWidth > w) problems.push(`scrolls sideways: ${root.scrollWidth} > ${w}`);
      if (still && root.scrollHeight > h) problems.push(`scrolls down: ${root.scrollHeight} > ${h}`);
      if (still)
        for (const region of document.querySelectorAll<HTMLElement>('.stage-body > *'))
          if (region.scrollHeight > region.clientHeight + 1 || region.scrollWidth > region.clientWidth + 1)
            problems.push(`${region.className} overflows its box`);
      for (const entry of selectors) {
        const optional = entry.startsWith('?');
        const selector = optional ? entry.slice(1) : entry;
        const found = [...document.querySelectorAll(selector)];
        if (!found.length && !optional) problems.push(`${selector}: missing`);
        for (const el of found) {
          const r = el.getBoundingClientRect();
          if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1)
            problems.push(
              `${selector} "${(el.textContent ?? '').slice(0, 30)}" at ${[r.left, r.top, r.right, r.bottom].map(Math.round)}`,
            );
        }
      }
      return problems;
    },
    { selectors, still },
  );
}

/**
 * Opens the facilitator's console at `baseUrl` as the browser that started the session does: it holds
 * the facilitator key in its storage.
 */
export async function openConsole(page: Page, baseUrl: string, sessionId: string, secret: string) {
  await page.goto(baseUrl);
  await page.evaluate(
    ([id, key]) => localStorage.setItem(`upstander:v1:host:${id}`, JSON.stringify(key)),
    [sessionId, secret],
  );
  await page.goto(`${baseUrl}#/console/${sessionId}`);
  await page.locator('.console-controls').waitFor();
}
