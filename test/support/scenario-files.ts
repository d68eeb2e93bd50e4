import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LoadedScenario, loadScenario } from '../../src/engine/index.ts';

/** The project root, for tests that read real files. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Loads a real scenario from `scenarios/`, failing the test loudly if it does not load. */
export function loadRealScenario(id: string): LoadedScenario {
  const file = `scenarios/${id}.json`;
  const result = loadScenario(readFileSync(`${ROOT}/${file}`, 'utf8'), file);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result;
}
