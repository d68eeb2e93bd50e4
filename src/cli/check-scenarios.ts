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
      `${file}: ok: ${parts.states} states, ${parts.choices} choices, ${parts.endings} endings, ` +
        `${formatPaths(result.analysis)}, score ${formatRange(result.analysis)}`,
    );
  } else {
    failed++;
    for (const issue of result.issues) console.error(formatIssue(issue));
  }
}
console.log(`${files.length - failed} of ${files.length} scenario files valid.`);
process.exitCode = failed ? 1 : 0;

function formatPaths({ distinctPaths }: ScenarioAnalysis): string {
  return Number.isFinite(distinctPaths) ? `${distinctPaths} distinct paths` : 'unbounded paths (the story can loop)';
}

function formatRange({ worst, best }: ScenarioAnalysis): string {
  return `${worst?.score.total}..${best?.score.total}`;
}
