import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type LoadedScenario, loadScenario } from '../../src/engine/index.ts';

/** The project root, for tests that read real files. */
// import.meta.dirname, not import.meta.url: under jsdom the URL is not a file URL.
export const ROOT = resolve(import.meta.dirname, '../..');

/** Loads a real scenario from `scenarios/`, failing the test loudly if it does not load. */
export function loadRealScenario(id: string): LoadedScenario {
  const file = `scenarios/${id}.json`;
  const result = loadScenario(readFileSync(`${ROOT}/${file}`, 'utf8'), file);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result;
}
