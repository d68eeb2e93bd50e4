import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { type LibraryEntry, toLibraryEntry } from '../app/library-entry.ts';
import { loadScenarioFile, SCENARIOS_DIR, scenarioFiles } from '../cli/scenario-files.ts';

const ID = 'virtual:scenario-library';
const RESOLVED = `\0${ID}`;

/**
 * Checks every scenario with the engine when the app is built and hands the browser the result, so the
 * schema validator never ships to learners and a broken file is shown with its problems, not a blank page.
 * A file dropped into scenarios/ appears after a rebuild (or at once under the dev server).
 */
export function scenarioLibrary(dir = SCENARIOS_DIR): Plugin {
  return {
    name: 'upstander-scenario-library',
    resolveId: (source) => (source === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(resolve(dir));
      const entries: LibraryEntry[] = scenarioFiles([], dir).map((file) => {
        this.addWatchFile(resolve(file));
        return toLibraryEntry(file, loadScenarioFile(file));
      });
      return `export const entries = ${JSON.stringify(entries)};`;
    },
  };
}
