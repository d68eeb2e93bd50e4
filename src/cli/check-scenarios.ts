import { dirname, resolve } from 'node:path';
import {
  checkHouseRules,
  checkHouseWarnings,
  checkLibraryRules,
  houseRuleLine,
  houseWarningLine,
  type Scenario,
  type ScenarioAnalysis,
  scenarioParts,
} from '../engine/index.ts';
import { formatIssue, loadScenarioFile, SCENARIOS_DIR, scenarioFiles } from './scenario-files.ts';

/**
 * Checks scenario files: each problem on its own line as `<file>: <JSON Pointer>: <message>` (stderr),
 * and a one-line summary for each valid file (stdout). Files in scenarios/ must also keep the
 * library's house rules (src/engine/house-rules.ts), the rules the content tests assert; checking
 * the whole folder (no arguments) adds the library rules. House warnings (a choice to look at again)
 * go to stdout with the file's summary and do not fail the check. Exits 1 if any file has a problem.
 */
const args = process.argv.slice(2);
const files = scenarioFiles(args);
const library = resolve(SCENARIOS_DIR);
const checked: Scenario[] = [];
let failed = 0;
for (const file of files) {
  const result = loadScenarioFile(file);
  if (!result.ok) {
    failed++;
    for (const issue of result.issues) console.error(formatIssue(issue));
    continue;
  }
  checked.push(result.scenario);
  const houseRules = resolve(dirname(file)) === library ? checkHouseRules(result) : [];
  if (houseRules.length) {
    failed++;
    for (const issue of houseRules) console.error(houseRuleLine(file, issue));
    continue;
  }
  const warnings = resolve(dirname(file)) === library ? checkHouseWarnings(result) : [];
  for (const issue of warnings) console.log(houseWarningLine(file, issue));
  const parts = scenarioParts(result.scenario);
  console.log(
    `${file}: ok: ${count(parts.states, 'state')}, ${count(parts.choices, 'choice')}, ${count(parts.endings, 'ending')}, ` +
      `${formatPaths(result.analysis)}, ${formatLongest(result.analysis)}, score ${formatRange(result.analysis)}`,
  );
}
const libraryIssues = args.length ? [] : checkLibraryRules(checked);
for (const { message } of libraryIssues) console.error(`${SCENARIOS_DIR}/: Library rule: ${message}`);
console.log(`${files.length - failed} of ${files.length} scenario files valid.`);
process.exitCode = failed || libraryIssues.length ? 1 : 0;

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatPaths({ distinctPaths }: ScenarioAnalysis): string {
  return Number.isFinite(distinctPaths)
    ? count(distinctPaths, 'distinct path')
    : 'unbounded paths (the story can loop)';
}

function formatLongest({ longestPath }: ScenarioAnalysis): string {
  return Number.isFinite(longestPath) ? `longest ${count(longestPath, 'decision')}` : 'no longest path';
}

function formatRange({ worst, best }: ScenarioAnalysis): string {
  return `${worst?.score.total}..${best?.score.total}`;
}
