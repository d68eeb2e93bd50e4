import {
  copyFileSync,
  existsSync,
  type FSWatcher,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../cli/scenario-files.ts';
import { loadScenario } from '../engine/load-scenario.ts';
import type { LoadedScenario } from '../engine/load-scenario.types.ts';
import { downloadName } from '../studio/download-name.ts';
import { type LibraryEntry, toLibraryEntry } from '../ui/library-entry.ts';
import { loadCatalogue } from './scenario-catalogue.ts';

/** Where replaced versions of saved scenarios are kept, inside the scenarios folder. */
export const PREVIOUS_DIR = '.previous';
/** How many replaced versions of each scenario are kept; older ones are deleted. */
export const KEPT_VERSIONS = 20;

/** What saving a scenario came to: its id, or the problems (in the checker's words) that refused it. */
export type SaveResult =
  /** `replaced`: a file of that id was there before; it is kept in `.previous`. */
  | { readonly ok: true; readonly id: string; readonly replaced: boolean }
  | { readonly ok: false; readonly problems: string[] };

/**
 * The scenarios folder as the server holds it: every valid file, read and checked at start and again
 * whenever a file in it changes (`watch`), so a scenario added, edited or saved from the studio is
 * offered to the library and to sessions without a rebuild or a restart. `catalogue` is one live map,
 * updated in place, by id. A broken file is left out and reported through `log`, never served.
 */
export class ScenarioShelf {
  readonly catalogue = new Map<string, LoadedScenario>();
  private watcher: FSWatcher | undefined;
  private pending: NodeJS.Timeout | undefined;
  private reported = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.reload();
  }

  /** Reads the folder again; the catalogue then holds exactly its valid files. */
  reload() {
    // A broken file is reported once, not again at every change in the folder, until its problem changes.
    const lines: string[] = [];
    const fresh = loadCatalogue(this.dir, (line) => lines.push(line));
    for (const line of lines) if (!this.reported.has(line)) this.log(line);
    this.reported = new Set(lines);
    for (const id of this.catalogue.keys()) if (!fresh.has(id)) this.catalogue.delete(id);
    for (const [id, loaded] of fresh) this.catalogue.set(id, loaded);
  }

  /** Reloads 200 ms after the last change in the folder (an editor writes a file in several steps). */
  watch() {
    this.watcher ??= watch(this.dir, (_event, name) => {
      if (name && !String(name).endsWith('.json')) return;
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.reload(), 200);
    });
    this.watcher.on('error', (error) => this.log(`The scenarios folder is no longer watched: ${error.message}`));
  }

  close() {
    clearTimeout(this.pending);
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** What the library page shows of every valid scenario, in file order, each with its revision. */
  entries(): LibraryEntry[] {
    return [...this.catalogue.values()]
      .map((loaded) => toLibraryEntry(`${loaded.scenario.id}.json`, { ok: true, ...loaded }))
      .sort((a, b) => a.file.localeCompare(b.file));
  }

  /**
   * Saves a scenario's text as `<id>.json` in the folder, if the engine's checker passes it (the
   * format's rules; the shipped library's house rules are not asked of an organisation's own). A file
   * it replaces is kept first, as `.previous/<id>-<time>.json` (the newest `KEPT_VERSIONS` of each).
   * The file is written whole or not at all (a temporary file, then renamed over it), and the catalogue
   * has it at once. A refused text changes nothing; a failed write (a full disk) throws, leaving the
   * file as it was.
   */
  save(text: string, now = new Date()): SaveResult {
    // The file is named by the id inside it, as the studio's Download names it; the checker then holds
    // the two to each other.
    const result = loadScenario(text, downloadName(text, 'scenario.json'));
    if (!result.ok) return { ok: false, problems: result.issues.map(formatIssue) };
    const id = result.scenario.id;
    const target = join(this.dir, `${id}.json`);
    const replaced = existsSync(target);
    if (replaced) this.keepPrevious(id, target, now);
    const temporary = join(this.dir, `.${id}.json.saving`);
    try {
      writeFileSync(temporary, text);
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    this.catalogue.set(id, result);
    return { ok: true, id, replaced };
  }

  /** Copies the file a save replaces into `.previous/`, keeping the newest `KEPT_VERSIONS` of each id. */
  private keepPrevious(id: string, file: string, now: Date) {
    const folder = join(this.dir, PREVIOUS_DIR);
    mkdirSync(folder, { recursive: true });
    copyFileSync(file, join(folder, `${id}-${now.toISOString().replace(/[:.]/g, '-')}.json`));
    // The time in the name sorts as text; an id that begins with this one and a hyphen is another's.
    const versions = readdirSync(folder)
      .filter((name) => name.startsWith(`${id}-`) && /^\d{4}-/.test(name.slice(id.length + 1)))
      .sort();
    for (const old of versions.slice(0, -KEPT_VERSIONS)) rmSync(join(folder, old), { force: true });
  }
}
