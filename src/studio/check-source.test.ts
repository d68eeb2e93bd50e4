import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.ts';
import { loadScenarioValue } from '../engine/load-scenario.ts';
import { checkSource, issueOffset } from './check-source.ts';
import { checkedName, downloadName } from './download-name.ts';
import { TEMPLATE, templateText } from './template.ts';

describe('the studio checker', () => {
  it('shows each problem in the very words `npm run scenarios:check` prints for the same file', () => {
    const files = readdirSync('test/fixtures/invalid').map((name) => `test/fixtures/invalid/${name}`);
    const cli = runCli('src/cli/check-scenarios.ts', files);
    const cliLines = cli.stderr.trim().split('\n');
    const studioLines = files.flatMap((file) =>
      checkSource(readFileSync(file, 'utf8'), file).problems.map((p) => p.line),
    );
    expect(cliLines.length).toBeGreaterThanOrEqual(files.length);
    expect(studioLines).toEqual(cliLines);
  });

  it('shows a scenario folder file’s house rules with the CLI’s words, as warnings, and still plays it', () => {
    const text = templateText();
    const file = 'scenarios/my-scenario.json';
    const result = checkSource(text, file);
    expect(result.scenario?.id).toBe('my-scenario');
    expect(result.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(result.problems[0].line).toBe(
      `${file}: /states: House rule: The longest path has 3 decisions; library scenarios have at least 4.`,
    );
  });

  it('words a choice to look at again for a trainer, without a second "Warning" after the studio’s own', () => {
    const scenario = structuredClone(TEMPLATE) as unknown as {
      states: { kitchen: { on: { LAUGH: { meta: Record<string, unknown> } } } };
    };
    scenario.states.kitchen.on.LAUGH.meta.tactics = { speakUp: 1 };
    const result = checkSource(`${JSON.stringify(scenario, null, 2)}\n`, 'my-scenario.json');
    const harm = result.problems.find((p) => p.path.endsWith('/LAUGH/meta/tactics'));
    expect(harm?.severity).toBe('warning');
    expect(harm?.line).toMatch(
      /^my-scenario\.json: \/states\/kitchen\/on\/LAUGH\/meta\/tactics: Look again: This choice does harm \(2\)/,
    );
    expect(harm?.line).not.toMatch(/Warning|test\//);
  });

  it('places a syntax error at the line and column it names', () => {
    const text = '{\n  "id": "x",\n  "meta": { "title": "a", },\n}\n';
    const [problem] = checkSource(text, 'x.json').problems;
    expect(problem.line).toMatch(/line 3/);
    const line3 = text.indexOf('  "meta"');
    expect(problem.from).toBeGreaterThanOrEqual(line3);
    expect(problem.from).toBeLessThan(text.indexOf('\n', line3));
  });

  it('places a problem at the value its JSON path names, or the nearest part of it that exists', () => {
    const text = templateText();
    const label = text.indexOf('"Laugh along."');
    expect(issueOffset(text, '/states/kitchen/on/LAUGH/meta/label', '')).toBe(label);
    expect(issueOffset(text, '/states/kitchen/on/LAUGH/meta/nothing', '')).toBe(text.lastIndexOf('{', label));
    const action = text.indexOf('{', text.indexOf('"actions"'));
    expect(issueOffset(text, '/states/kitchen/on/ASK_HELP/actions/0', '')).toBe(action);
    expect(issueOffset(text, '/a~1b', '')).toBe(0);
    expect(issueOffset('not json', '/states', '')).toBe(0);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '\uFEFF', '[]', 'null', '{"states": 1}', '{'.repeat(1000)]) {
      expect(checkSource(text, 'x.json').problems.length).toBeGreaterThan(0);
    }
  });
});

describe('the New template', () => {
  it('is a valid scenario with three decisions, a timed choice and three endings of each kind', () => {
    const result = loadScenarioValue(JSON.parse(templateText()), 'my-scenario.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.analysis.longestPath).toBe(3);
    expect(Object.values(TEMPLATE.states).some((s) => 'after' in s)).toBe(true);
    const kinds = Object.values(TEMPLATE.states).flatMap((s) => ('type' in s ? [s.meta.ending.kind] : []));
    expect(kinds.sort()).toEqual(['good', 'mixed', 'poor']);
  });
});

describe('the download name', () => {
  it('is the scenario id, written as an id if it is not one yet, else the name it was opened under, else scenario.json', () => {
    expect(downloadName(templateText(), 'whatever.json')).toBe('my-scenario.json');
    expect(downloadName('{"id": "Lift At Work", ', 'my-scenario.json')).toBe('lift-at-work.json');
    expect(downloadName('{"id": "Acoso en el Ascensor!"}', 'my-scenario.json')).toBe('acoso-en-el-ascensor.json');
    expect(downloadName(`{"id": "${'word '.repeat(24)}"}`, 'x.json')).toMatch(/^(word-){12}word\.json$/);
    expect(downloadName('{"id": "¿?"}', 'scenarios/late-train.json')).toBe('late-train.json');
    expect(downloadName('{"states": {"a": {"id": "inner"}}}', 'notes.txt')).toBe('scenario.json');
    expect(downloadName('\uFEFF{"id": "with-bom"}', '')).toBe('with-bom.json');
  });
});

describe('the name the studio checks a draft under', () => {
  it('follows the id written in it, in the folder it was opened from: a changed id is no error', () => {
    const renamed = templateText().replace('"id": "my-scenario"', '"id": "kitchen-remark"');
    expect(checkedName(renamed, 'my-scenario.json')).toBe('kitchen-remark.json');
    expect(checkedName(renamed, 'scenarios/hand-on-the-back.json')).toBe('scenarios/kitchen-remark.json');
    expect(checkSource(renamed, checkedName(renamed, 'my-scenario.json')).scenario?.id).toBe('kitchen-remark');
    // Under the name it was opened as, the same text is refused: the checker holds file and id together.
    expect(checkSource(renamed, 'my-scenario.json').problems[0]?.line).toContain('must equal the file name');
  });
});
