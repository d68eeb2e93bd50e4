import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/scenario-files.ts';
import type { LibraryEntry } from '../ui/library-entry.ts';
import { scenarioLibrary } from './scenario-library-plugin.ts';

/** Runs the plugin's hooks as Vite would: the library module's entries, and a scenario module by id. */
function pluginFor(dir: string) {
  const plugin = scenarioLibrary(dir);
  const context = { addWatchFile: () => {} };
  const resolveId = plugin.resolveId as unknown as (source: string) => string;
  // The hooks are plain functions here; Vite's types also allow hook objects.
  const load = plugin.load as unknown as (this: typeof context, id: string) => string;
  return {
    library: () => load.call(context, resolveId('virtual:scenario-library')),
    scenario: (id: string) => load.call(context, resolveId(`virtual:scenario/${id}`)),
  };
}

function libraryOf(dir: string): LibraryEntry[] {
  const code = pluginFor(dir).library();
  return JSON.parse(code.slice('export const entries = '.length, code.indexOf(';\nexport const loaders')));
}

/** A real `vite build` of a page that imports the library, from a scenarios folder of our choosing. */
async function buildLibrary(scenarios: string) {
  const root = mkdtempSync(join(tmpdir(), 'build-'));
  writeFileSync(join(root, 'main.js'), "import { entries } from 'virtual:scenario-library';\nconsole.log(entries);\n");
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [scenarioLibrary(scenarios)],
    build: { write: false, rollupOptions: { input: join(root, 'main.js') } },
  });
}

describe('the scenario library plugin', () => {
  it('fails the build on a broken scenario, naming the file and the reason, so no error card ships to learners', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    copyFileSync(`${ROOT}/scenarios/hand-on-the-back.json`, join(dir, 'hand-on-the-back.json'));
    writeFileSync(join(dir, 'dropped-in.json'), '{"id": "dropped-in",}');
    await expect(buildLibrary(dir)).rejects.toThrow(
      /dropped-in\.json: \/id: Invalid JSON at line 1, column 20: a comma after the last item/,
    );
  });

  it('builds a library whose every scenario passes the checker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    copyFileSync(`${ROOT}/scenarios/hand-on-the-back.json`, join(dir, 'hand-on-the-back.json'));
    await expect(buildLibrary(dir)).resolves.toBeDefined();
  });

  it('lists every file dropped into the folder: checked scenarios, and broken files with their problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    copyFileSync(`${ROOT}/scenarios/hand-on-the-back.json`, join(dir, 'hand-on-the-back.json'));
    copyFileSync(`${ROOT}/scenarios/scenario.schema.json`, join(dir, 'scenario.schema.json'));
    writeFileSync(join(dir, 'dropped-in.json'), '{"id": "dropped-in",}');
    const entries = libraryOf(dir);
    expect(entries.map((e) => [e.file.split('/').pop(), e.ok])).toEqual([
      ['dropped-in.json', false],
      ['hand-on-the-back.json', true],
    ]);
    const broken = entries[0];
    expect(!broken.ok && broken.issues[0].message).toMatch(
      /^Invalid JSON at line 1, column 20: a comma after the last item/,
    );
    const scenario = entries[1];
    expect(scenario.ok && scenario.summary.meta.title).toEqual({
      en: 'The hand on the back',
      es: 'La mano en la espalda',
    });
  });

  it('keeps each scenario in a module of its own, loaded only when played', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    copyFileSync(`${ROOT}/scenarios/hand-on-the-back.json`, join(dir, 'hand-on-the-back.json'));
    const plugin = pluginFor(dir);
    const library = plugin.library();
    expect(library).toContain('"hand-on-the-back": () => import("virtual:scenario/hand-on-the-back")');
    expect(library).not.toContain('"states"');
    const module = plugin.scenario('hand-on-the-back');
    expect(JSON.parse(module.slice('export const scenario = '.length, module.lastIndexOf(';'))).initial).toBe('lunch');
  });
});
