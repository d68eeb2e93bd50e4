import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type FileIssue, issueLine, type LoadResult, loadScenario } from '../engine/index.ts';

/** The scenarios folder, from the project root (npm scripts run there). */
export const SCENARIOS_DIR = 'scenarios';

/** What a scenario id may be (the schema's `scenarioId`), as the engine defines it. */
export { SCENARIO_ID } from '../engine/scenario-id.ts';

/** The ids of the scenarios in a folder (file names less `.json`), sorted; none if it cannot be read. */
export function scenarioIds(dir = SCENARIOS_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

/** The files named, or every scenario in a folder (the schema is not a scenario). */
export function scenarioFiles(args: readonly string[], dir = SCENARIOS_DIR): string[] {
  if (args.length) return [...args];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => relative(process.cwd(), join(dir, name)));
}

/** Reads and loads one file; a file that cannot be read is a problem like any other, not a crash. */
export function loadScenarioFile(file: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { ok: false, issues: [{ file, code: 'unreadable', path: '', message: `Cannot read the file: ${reason}.` }] };
  }
  return loadScenario(text, file);
}

/** One problem as a line: `<file>: <JSON Pointer>: <message>` ("/" for the whole file), as the studio shows it too. */
export const formatIssue: (issue: FileIssue) => string = issueLine;
