import { basename, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatIssue, loadScenarioFile, SCENARIOS_DIR, scenarioFiles } from '../cli/scenario-files.ts';
import { type LibraryEntry, toLibraryEntry } from '../ui/library-entry.ts';

const LIBRARY = 'virtual:scenario-library';
const SCENARIO = 'virtual:scenario/';

/**
 * Checks every scenario with the engine when the app is built. The library module holds what the
 * library page shows (summaries, or a broken file's problems) and one loader per scenario; each
 * scenario is a module of its own, so the page stays small however many there are and the schema
 * validator never ships to learners. A file dropped into scenarios/ appears after a rebuild. `only`
 * restricts the build to the scenarios named (an LMS module ships just its own).
 *
 * A broken file fails `vite build` (and so `npm start`), naming each problem as scenarios:check
 * does: learners never meet an error card. Under `npm run dev` the card stays, so an author sees
 * the problem in the page while editing.
 */
export function scenarioLibrary(dir = SCENARIOS_DIR, only?: readonly string[]): Plugin {
  const included = (file: string) => !only || only.includes(basename(file, '.json'));
  let building = false;
  return {
    name: 'upstander-scenario-library',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId: (source) => (source === LIBRARY || source.startsWith(SCENARIO) ? `\0${source}` : undefined),
    configureServer(server) {
      // Edits to a scenario reload through the module graph; a file added or removed changes the
      // library itself, so the dev server restarts. (Watching the folder as a module would make Vite
      // try to import it.)
      const folder = resolve(dir);
      server.watcher.add(folder);
      const onChange = (path: string) => {
        if (path.startsWith(folder) && path.endsWith('.json')) void server.restart();
      };
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
    load(id) {
      if (id === `\0${LIBRARY}`) {
        const results = scenarioFiles([], dir)
          .filter(included)
          .map((file) => {
            this.addWatchFile(resolve(file));
            return { file, result: loadScenarioFile(file) };
          });
        const problems = results.flatMap(({ result }) => (result.ok ? [] : result.issues.map(formatIssue)));
        if (building && problems.length) {
          this.error(`A scenario is broken, so the library is not built:\n${problems.join('\n')}\n`);
        }
        const entries: LibraryEntry[] = results.map(({ file, result }) => toLibraryEntry(file, result));
        const loaders = entries.flatMap((e) =>
          e.ok ? [`${JSON.stringify(e.summary.id)}: () => import(${JSON.stringify(SCENARIO + e.summary.id)})`] : [],
        );
        return `export const entries = ${JSON.stringify(entries)};\nexport const loaders = {${loaders.join(', ')}};\n`;
      }
      if (id.startsWith(`\0${SCENARIO}`)) {
        // A scenario's id is its file name, which the checker enforces.
        const result = loadScenarioFile(join(dir, `${id.slice(SCENARIO.length + 1)}.json`));
        if (!result.ok) throw new Error(`${id.slice(1)} is not playable`);
        return `export const scenario = ${JSON.stringify(result.scenario)};\n`;
      }
      return undefined;
    },
  };
}
