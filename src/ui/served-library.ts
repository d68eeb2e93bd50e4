import type { Scenario } from '../engine/scenario.types.ts';
import type { LibraryEntry } from './library-entry.ts';
import type { ScenarioLoaders } from './scenario-loader.tsx';

/** What the app offers: the library page's entries and a loader for each playable scenario. */
export interface Library {
  readonly entries: readonly LibraryEntry[];
  readonly loaders: ScenarioLoaders;
}

/** The ids whose scenario is new, gone or at another revision in `now` than in `before`. */
export function changedIds(before: Library, now: Library): string[] {
  const revision = (library: Library) =>
    new Map(library.entries.flatMap((e) => (e.ok ? [[e.summary.id, e.revision] as const] : [])));
  const a = revision(before);
  const b = revision(now);
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id));
}

type Fetch = (url: string) => Promise<Response>;

const getJson = async (fetchJson: Fetch, url: string): Promise<unknown> => {
  const response = await fetchJson(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
};

/**
 * The library as the server holds it now (`GET api/library`), over the one built into the app. Under
 * `npm start` the server reads the scenarios folder at start and whenever it changes, so a scenario
 * saved from the studio, or dropped into the folder, is offered without a rebuild: the server's list
 * is the library, and a scenario whose revision differs from the built one (or that the build never
 * had) is loaded from the server (`GET api/scenarios/<id>`); one the build has at the same revision
 * still comes from its own chunk. Where no server answers (the static build, an LMS, `npm run dev`),
 * `served` resolves to undefined and the built library stands.
 *
 * `loaders` can be used at once: a built scenario's loader first waits for the server's answer, so
 * a scenario opened straight from its address is never the built copy of one edited since.
 */
export function servedLibrary(built: Library, fetchJson: Fetch = (url) => fetch(url, { cache: 'no-store' })) {
  const served: Promise<Library | undefined> = getJson(fetchJson, 'api/library').then(
    (body) => {
      const entries = (body as { entries?: unknown }).entries;
      if (!Array.isArray(entries)) return undefined;
      const builtById = new Map(built.entries.flatMap((e) => (e.ok ? [[e.summary.id, e] as const] : [])));
      const loaders: Record<string, () => Promise<{ scenario: Scenario }>> = {};
      for (const entry of entries as LibraryEntry[]) {
        if (!entry.ok) continue;
        const id = entry.summary.id;
        const same = builtById.get(id)?.revision === entry.revision && built.loaders[id];
        loaders[id] =
          same ||
          (() => getJson(fetchJson, `api/scenarios/${encodeURIComponent(id)}`) as Promise<{ scenario: Scenario }>);
      }
      return { entries: entries as LibraryEntry[], loaders };
    },
    () => undefined,
  );
  const loaders: ScenarioLoaders = Object.fromEntries(
    Object.keys(built.loaders).map((id) => [
      id,
      async () => {
        const library = await served;
        const loader = library ? library.loaders[id] : built.loaders[id];
        if (!loader) throw new Error(`The scenario "${id}" is no longer on this server.`);
        return loader();
      },
    ]),
  );
  return { loaders, served };
}

/** Sent on `window` when the server's library has changed (a scenario saved from the studio): the app asks again. */
export const LIBRARY_CHANGED = 'upstander:library-changed';

/** Tells the app that the server's library has changed, so the library page shows it without a reload. */
export function libraryChanged() {
  window.dispatchEvent(new Event(LIBRARY_CHANGED));
}
