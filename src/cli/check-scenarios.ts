import { type ScenarioAnalysis, scenarioParts } from '../engine/index.ts';
import { formatIssue, loadScenarioFile, scenarioFiles } from './scenario-files.ts';

/**
 * Checks scenario files: each problem on its own line as `<file>: <JSON Pointer>: <message>` (stderr),
 * and a one-line summary for each valid file (stdout). Exits 1 if any file has a problem.
 */
const files = scenarioFiles(process.argv.slice(2));
let failed = 0;
for (const file of files) {
  const result = loadScenarioFile(file);
  if (result.ok) {
    const parts = scenarioParts(result.scenario);
    console.log(
      `${file}: ok: ${count(parts.states, 'state')}, ${count(parts.choices, 'choice')}, ${count(parts.endings, 'ending')}, ` +
        `${formatPaths(result.analysis)}, ${formatLongest(result.analysis)}, score ${formatRange(result.analysis)}`,
    );
  } else {
    failed++;
    for (const issue of result.issues) console.error(formatIssue(issue));
  }
}
console.log(`${files.length - failed} of ${files.length} scenario files valid.`);
process.exitCode = failed ? 1 : 0;

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
