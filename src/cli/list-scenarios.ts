import { declaredLanguages, findTactic, practisedTactics, scenarioText, walkStates } from '../engine/index.ts';
import { formatIssue, loadScenarioFile, scenarioFiles } from './scenario-files.ts';

/**
 * Prints the scenario library as a Markdown table (setting, languages, tactics, decisions, endings),
 * the table in scenarios/README.md. A test keeps the two the same.
 */
export function libraryTable(files: readonly string[]): string {
  const rows = files.map((file) => {
    const result = loadScenarioFile(file);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    const { scenario, analysis } = result;
    const name = scenarioText(scenario, 'en').text;
    const stateAt = new Map([...walkStates(scenario)].map((w) => [w.keys.join('.'), w.state]));
    const endings = analysis.endings.map((key) => stateAt.get(key)?.meta?.ending?.kind);
    const kinds = ['good', 'mixed', 'poor'].map((k) => `${endings.filter((e) => e === k).length} ${k}`).join(', ');
    const tactics = practisedTactics(scenario).map((id) => {
      const tactic = findTactic(id);
      return tactic ? name(tactic.name) : id;
    });
    return `| [${name(scenario.meta.title)}](${scenario.id}.json) | ${scenario.meta.setting} | ${declaredLanguages(scenario).join(', ')} | ${scenario.meta.minutes} | ${analysis.longestPath} | ${kinds} | ${tactics.join(', ')} |`;
  });
  return [
    '| scenario | setting | languages | minutes | decisions (longest path) | endings | tactics practised |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(libraryTable(scenarioFiles(process.argv.slice(2))));
