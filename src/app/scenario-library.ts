import { type LoadResult, loadScenarioValue } from '../engine/index.ts';

/** One file of the scenarios folder as the app sees it: loaded, or refused with its problems. */
export interface LibraryEntry {
  readonly file: string;
  readonly result: LoadResult;
}

/** Loads every scenario module (file path → parsed JSON), skipping the schema, in file-name order. */
export function loadLibrary(modules: Readonly<Record<string, unknown>>): LibraryEntry[] {
  return Object.entries(modules)
    .filter(([path]) => !path.endsWith('.schema.json'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, value]) => {
      const file = path.slice(path.lastIndexOf('scenarios/'));
      return { file, result: loadScenarioValue(value, file) };
    });
}
