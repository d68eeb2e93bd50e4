import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { ROOT } from './support/scenario-files.ts';

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
      `test/fixtures/invalid/broken-references.json: /states/start/on/GO/target: "nowhere" names no state. The states here are start, end. A target is a sibling's key, ".child", or "#id".`,
      'test/fixtures/invalid/broken-references.json: /states/start/on/GO/actions/0/params/var: Unknown variable "trsut"; the variables are trust.',
      'test/fixtures/invalid/broken-references.json: /states/start/on/GO/meta/tactics/shout: Unknown tactic "shout"; the tactics are stepForward, speakUp, bringOthers, distract, delay, document.',
      'test/fixtures/invalid/not-json.json: /initial: Invalid JSON at line 3, column 21: a comma is missing between two items. Add "," right after "start".',
      'test/fixtures/invalid/not-an-object.json: /: A scenario is a JSON object; this file holds an array.',
      'test/fixtures/invalid/newer-format.json: /meta/format: This file is format 2; this version of Upstander reads format 1. Update Upstander to play it.',
      'test/fixtures/missing.json: /: Cannot read the file: no such file.',
    ]);
  });

  it('holds files in scenarios/ to the house rules the content tests assert, and the folder to the library rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'library-'));
    mkdirSync(join(dir, 'scenarios'));
    copyFileSync(join(ROOT, 'test/fixtures/valid/minimal.json'), join(dir, 'scenarios/minimal.json'));
    const { status, stdout, stderr } = runCli(CHECK, [], dir);
    expect(status).toBe(1);
    expect(lines(stdout)).toEqual(['0 of 1 scenario files valid.']);
    expect(lines(stderr)).toEqual([
      'scenarios/minimal.json: /states: House rule: The longest path has 1 decisions; library scenarios have at least 4.',
      'scenarios/minimal.json: /states: House rule: No reachable ending of kind "mixed", "poor"; library scenarios can end well, mixed and badly.',
      'scenarios/minimal.json: /states: House rule: No timed choice: add an "after" choice to a scene, for when the learner hesitates.',
      'scenarios/minimal.json: /states: House rule: No choice or route is guarded on a variable: let an earlier choice change what happens later.',
      'scenarios/minimal.json: /states: House rule: Practises 0 of the three core tactics (stepForward, speakUp, bringOthers); library scenarios practise at least two.',
      'scenarios/minimal.json: /states: House rule: No choice does harm: offer a tempting response that makes things worse, with "harm" points.',
      'scenarios/minimal.json: /states: House rule: No choice practises "delay": reward checking in with the person targeted afterwards.',
      'scenarios/minimal.json: /states/start/meta: House rule: A decision scene without a discussion prompt: add meta.discussion with a question for the room.',
      'scenarios/: Library rule: 1 workplace scenarios; the library has at least 4.',
      'scenarios/: Library rule: 0 transit scenarios; the library has at least 3.',
      'scenarios/: Library rule: 0 social scenarios; the library has at least 2.',
      'scenarios/: Library rule: 0 campus scenarios; the library has at least 2.',
      'scenarios/: Library rule: 0 online scenarios; the library has at least 1.',
      'scenarios/: Library rule: 1 scenarios not in both English and Spanish (minimal); every scenario is in both.',
      'scenarios/: Library rule: 0 scenarios have a decision scene at the "responsibility" stage; the library has at least 8.',
      'scenarios/: Library rule: 1 scenarios; the library holds at least 12.',
      'scenarios/: Library rule: No scenario practises stepForward, speakUp, bringOthers.',
    ]);
    // The same file kept elsewhere needs only the format.
    const outside = runCli(CHECK, [join(ROOT, 'test/fixtures/valid/minimal.json')], dir);
    expect(outside.status).toBe(0);
  });

  it('refuses, in scenarios/, a choice that does harm or lets the moment pass without naming its barrier', () => {
    const dir = mkdtempSync(join(tmpdir(), 'library-'));
    mkdirSync(join(dir, 'scenarios'));
    const s = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/valid/minimal.json'), 'utf8'));
    const choice = (meta: object) => ({ target: 'end', meta: { label: 'x', feedback: 'y', ...meta } });
    s.states.start.on = {
      SPEAK: choice({ tactics: { speakUp: 2 } }),
      LAUGH: choice({ harm: 1 }),
      LOOK_AWAY: choice({ tactics: {} }),
      SHRUG: choice({ barrier: 'notSure' }),
    };
    s.states.start.after = { '20000': choice({ timeout: true }) };
    writeFileSync(join(dir, 'scenarios/minimal.json'), JSON.stringify(s));
    const { status, stderr } = runCli(CHECK, [], dir);
    expect(status).toBe(1);
    const fix =
      'so it names the barrier behind it. Add "barrier" to its meta: the reason a real bystander would respond this way, one of notSure, notMyPlace, othersWillAct, dontKnowHow, makeItWorse, fearOfCost, fearOfJudgement (src/engine/barriers.json).';
    expect(lines(stderr).filter((line) => line.includes('barrier'))).toEqual([
      `scenarios/minimal.json: /states/start/on/LAUGH/meta: House rule: This choice does harm (1), ${fix}`,
      `scenarios/minimal.json: /states/start/on/LOOK_AWAY/meta: House rule: This choice lets the moment pass: it earns no tactic point and does no harm, yet a learner who takes it can no longer reach the best score the scene allowed, ${fix}`,
      `scenarios/minimal.json: /states/start/after/20000/meta: House rule: This choice is what happens when time runs out, ${fix}`,
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
    expect(stderr).toMatch(/^test\/fixtures\/invalid\/not-json\.json: \/initial: Invalid JSON at line 3/);
  });

  it('explains its usage when given no file', () => {
    const { status, stderr } = runCli('src/cli/graph-scenario.ts');
    expect(status).toBe(2);
    expect(stderr).toMatch(/Usage: npm run scenarios:graph -- <scenario.json>/);
  });
});
