/** How far up the frames to look: the ADL's own API discovery algorithm stops at 500; real LMSs nest a few. */
const MAX_HOPS = 20;

/**
 * Finds the LMS's SCORM API object (`API` for 1.2, `API_1484_11` for 2004): up the chain of parent
 * frames, then the same from the window that opened this one. A cross-origin frame on the way throws
 * when touched; it is stepped over, not fatal.
 */
export function findScormApi<T>(name: 'API' | 'API_1484_11', start: Window = window): T | undefined {
  return searchUp<T>(name, start) ?? (opener(start) ? searchUp<T>(name, opener(start) as Window) : undefined);
}

function searchUp<T>(name: string, start: Window): T | undefined {
  let current: Window = start;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    try {
      const api = (current as unknown as Record<string, unknown>)[name];
      if (api) return api as T;
    } catch {
      // Another origin: its properties are out of reach; keep climbing.
    }
    let parent: Window;
    try {
      parent = current.parent;
    } catch {
      return undefined;
    }
    if (!parent || parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

function opener(win: Window): Window | null {
  try {
    return win.opener as Window | null;
  } catch {
    return null;
  }
}
