/** How far up the frames to look: the ADL's own API discovery algorithm stops at 500; real LMSs nest a few. */
const MAX_HOPS = 20;

/**
 * Finds the LMS's SCORM API object (`API` for 1.2, `API_1484_11` for 2004) as ADL's discovery algorithm
 * and pipwerks do: up the chain of parent frames; then up from the window that opened this one; then up
 * from the window that opened the top one (an LMS that opens a player page in a popup, which frames the
 * course, keeps the API on `top.opener`), whose own opener is tried last. A cross-origin frame on the way
 * throws when touched; it is stepped over, not fatal.
 */
export function findScormApi<T>(name: 'API' | 'API_1484_11', start: Window = window): T | undefined {
  const tried = new Set<Window>();
  const candidates = [start, opener(start), opener(top(start)), opener(top(opener(top(start))))];
  for (const from of candidates) {
    if (!from || tried.has(from)) continue;
    tried.add(from);
    const api = searchUp<T>(name, from);
    if (api) return api;
  }
  return undefined;
}

/**
 * `findScormApi`, tried again every `every` ms until `within` ms have passed: some LMSs create the API a
 * moment after the course's page has loaded. Resolves to undefined if it never appears.
 */
export async function waitForScormApi<T>(
  name: 'API' | 'API_1484_11',
  { within = 5000, every = 250, start = window }: { within?: number; every?: number; start?: Window } = {},
): Promise<T | undefined> {
  const deadline = Date.now() + within;
  for (;;) {
    const api = findScormApi<T>(name, start);
    if (api || Date.now() >= deadline) return api;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
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

function opener(win: Window | null): Window | null {
  try {
    return (win?.opener as Window | null) ?? null;
  } catch {
    return null;
  }
}

/** The top of a window's frames, climbing as far as the origin allows. */
function top(win: Window | null): Window | null {
  if (!win) return null;
  let current = win;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    let parent: Window;
    try {
      parent = current.parent;
    } catch {
      return current;
    }
    if (!parent || parent === current) return current;
    current = parent;
  }
  return current;
}
