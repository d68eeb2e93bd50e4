import { toMermaid } from '../engine/index.ts';
import { formatIssue, loadScenarioFile } from './scenario-files.ts';

/** Prints a Mermaid state diagram of one scenario file, choice labels and tactics on the edges. */
const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length) {
  console.error('Usage: npm run scenarios:graph -- <scenario.json>');
  process.exitCode = 2;
} else {
  const result = loadScenarioFile(file);
  if (result.ok) process.stdout.write(toMermaid(result.scenario));
  else {
    for (const issue of result.issues) console.error(formatIssue(issue));
    process.exitCode = 1;
  }
}
