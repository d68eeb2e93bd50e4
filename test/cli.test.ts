import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

const CHECK = 'src/cli/check-scenarios.ts';
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('npm run scenarios:check', () => {
  it('checks every scenario in scenarios/ and prints a summary line for each valid one', () => {
    const { status, stdout, stderr } = runCli(CHECK);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^scenarios\/hand-on-the-back\.json: ok: \d+ states, \d+ choices, \d+ endings, \d+ distinct paths, longest \d+ decisions, score -?\d+\.\.\d+$/m,
    );
    expect(stdout).not.toMatch(/scenario\.schema\.json/);
  });

  it('checks the files named, one problem per line as <file>: <JSON Pointer>: <message>, and exits 1', () => {
    const { status, stdout, stderr } = runCli(CHECK, [
      'test/fixtures/valid/minimal.json',
      'test/fixtures/invalid/broken-references.json',
      'test/fixtures/invalid/not-json.json',
      'test/fixtures/invalid/not-an-object.json',
      'test/fixtures/invalid/newer-format.json',
      'test/fixtures/missing.json',
    ]);
    expect(status).toBe(1);
    expect(lines(stdout)).toEqual([
      'test/fixtures/valid/minimal.json: ok: 2 states, 1 choice, 1 ending, 1 distinct path, longest 1 decision, score 0..0',
      '1 of 6 scenario files valid.',
    ]);
    expect(lines(stderr)).toEqual([
      `test/fixtures/invalid/broken-references.json: /states/start/on/GO/target: "nowhere" names no state: use a sibling's key, ".child", or "#id".`,
      'test/fixtures/invalid/broken-references.json: /states/start/on/GO/actions/0/params/var: Unknown variable "trsut"; the variables are trust.',
      'test/fixtures/invalid/broken-references.json: /states/start/on/GO/meta/tactics/shout: Unknown tactic "shout"; the tactics are stepForward, speakUp, bringOthers, distract, delay, document.',
      'test/fixtures/invalid/not-json.json: /: Invalid JSON at line 4, column 3: comma expected.',
      'test/fixtures/invalid/not-an-object.json: /: A scenario is a JSON object; this file holds an array.',
      'test/fixtures/invalid/newer-format.json: /meta/format: This file is format 2; this version of Upstander reads format 1. Update Upstander to play it.',
      'test/fixtures/missing.json: /: Cannot read the file: no such file.',
    ]);
  });

  it('reports shape and graph problems found in whole files', () => {
    const shape = runCli(CHECK, ['test/fixtures/invalid/bad-shape.json']);
    expect(lines(shape.stderr)).toEqual([
      'test/fixtures/invalid/bad-shape.json: /meta/minutes: Expected an integer, got a string.',
      'test/fixtures/invalid/bad-shape.json: /states/start/invoke: "invoke": invoked actors run code, and scenario files hold none.',
      'test/fixtures/invalid/bad-shape.json: /states/start/on/GO/meta/feedbak: Unknown key "feedbak". Did you mean "feedback"?',
    ]);
    const graph = runCli(CHECK, ['test/fixtures/invalid/graph-problems.json']);
    expect(graph.status).toBe(1);
    expect(lines(graph.stderr)).toEqual([
      'test/fixtures/invalid/graph-problems.json: /states/end: No path reaches this state (guards and variables considered).',
      'test/fixtures/invalid/graph-problems.json: /states/orphan: No path reaches this state (guards and variables considered).',
      'test/fixtures/invalid/graph-problems.json: /states: No ending can be reached from the start.',
      'test/fixtures/invalid/graph-problems.json: /states/start: No choice is on offer here when trust = 0: every guard fails.',
    ]);
  });
});

describe('npm run scenarios:graph', () => {
  it('prints a Mermaid state diagram with choice labels and tactics on the edges', () => {
    const { status, stdout } = runCli('src/cli/graph-scenario.ts', ['scenarios/hand-on-the-back.json']);
    expect(status).toBe(0);
    expect(lines(stdout)[0]).toBe('stateDiagram-v2');
    expect(stdout).toContain('  [*] --> lunch\n');
    expect(stdout).toMatch(/^ {2}moment --> spokeUp: Say, calmly and clearly#58; .* \[speakUp 2\]$/m);
    expect(stdout).toContain('  supported --> [*]\n');
  });

  it('prints the problems instead of a diagram for a broken file, and exits 1', () => {
    const { status, stdout, stderr } = runCli('src/cli/graph-scenario.ts', ['test/fixtures/invalid/not-json.json']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^test\/fixtures\/invalid\/not-json\.json: \/: Invalid JSON at line 4/);
  });

  it('explains its usage when given no file', () => {
    const { status, stderr } = runCli('src/cli/graph-scenario.ts');
    expect(status).toBe(2);
    expect(stderr).toMatch(/Usage: npm run scenarios:graph -- <scenario.json>/);
  });
});
