import { basename } from 'node:path';
import { formatIssue, loadScenarioFile, scenarioFiles } from '../cli/scenario-files.ts';
import type { LoadedScenario } from '../engine/load-scenario.types.ts';

/** The valid scenarios of a folder, by id: what the library and sessions offer. Each broken file is reported through `log` with its first problem. */
export function loadCatalogue(dir: string, log: (line: string) => void = () => {}): Map<string, LoadedScenario> {
  const catalogue = new Map<string, LoadedScenario>();
  for (const file of scenarioFiles([], dir)) {
    const result = loadScenarioFile(file);
    if (result.ok) catalogue.set(result.scenario.id, result);
    else
      log(
        `${basename(file)} is not offered: ${formatIssue(result.issues[0])}${result.issues.length > 1 ? ` (and ${result.issues.length - 1} more: run npm run scenarios:check)` : ''}`,
      );
  }
  return catalogue;
}
