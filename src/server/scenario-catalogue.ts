import { basename } from 'node:path';
import { loadScenarioFile, scenarioFiles } from '../cli/scenario-files.ts';
import type { LoadedScenario } from '../engine/load-scenario.types.ts';

/** The valid scenarios of a folder, by id: what sessions can be started with. Broken files are reported once, at start. */
export function loadCatalogue(dir: string, log: (line: string) => void = () => {}): Map<string, LoadedScenario> {
  const catalogue = new Map<string, LoadedScenario>();
  for (const file of scenarioFiles([], dir)) {
    const result = loadScenarioFile(file);
    if (result.ok) catalogue.set(result.scenario.id, result);
    else
      log(
        `${basename(file)} is not offered for sessions: ${result.issues.length} problem(s); run npm run scenarios:check.`,
      );
  }
  return catalogue;
}
