import type { ScenarioAnalysis, Situation } from './analyse.ts';
import { pointer, statePointer } from './json-pointer.ts';
import type { Scenario, ScenarioState } from './scenario.types.ts';
import { type ScenarioIssue, scenarioIssue } from './scenario-issue.ts';
import { walkStates } from './scenario-walk.ts';

/** Turns what the analysis found into issues an author can act on, each at the state it concerns. */
export function checkGraph(scenario: Scenario, analysis: ScenarioAnalysis): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const reached = new Set(analysis.reachedStates);
  for (const { keys, at, parent } of walkStates(scenario)) {
    const parentReached = !parent || reached.has(parent.keys.join('.'));
    if (!reached.has(keys.join('.')) && parentReached) {
      issues.push(
        scenarioIssue('unreachable', pointer(...at), 'No path reaches this state (guards and variables considered).'),
      );
    }
  }
  if (analysis.endings.length === 0)
    issues.push(scenarioIssue('noEnding', '/states', 'No ending can be reached from the start.'));
  for (const s of firstPerScene(analysis.stuck)) {
    issues.push(
      scenarioIssue(
        'stuck',
        statePointer(s.scene),
        `No choice is on offer here when ${describeContext(s)}: every guard fails.`,
      ),
    );
  }
  for (const s of firstPerScene(analysis.noExit)) {
    issues.push(
      scenarioIssue(
        'noExit',
        statePointer(s.scene),
        `No ending can be reached from here when ${describeContext(s)}: the story loops with no exit.`,
      ),
    );
  }
  for (const { source, event } of analysis.scoringLoops) {
    const delay = /^xstate\.after\.(\d+)\./.exec(event)?.[1];
    const at = delay ? [...statePath(source), 'after', delay] : [...statePath(source), 'on', event];
    issues.push(
      scenarioIssue(
        'scoringLoop',
        pointer(...at),
        'This choice is inside a loop and scores each time round, so the score has no limit: make it score 0 or leave the loop.',
      ),
    );
  }
  for (const { ending, event, path } of analysis.unmetAssumptions) {
    const assumed = endingState(scenario, ending)?.meta?.assumes ?? [];
    issues.push(
      scenarioIssue(
        'unmetAssumption',
        pointer(...statePath(ending), 'meta', 'assumes', assumed.indexOf(event)),
        `The ending "${ending.join('.')}" assumes the choice ${event}, but this path reaches it without it: ${path.map((scene) => scene.join('.')).join(' → ')}. Split the ending, or add a condition.`,
      ),
    );
  }
  return issues;
}

function endingState(scenario: Scenario, keys: readonly string[]): ScenarioState | undefined {
  let states: Scenario['states'] | undefined = scenario.states;
  let state: ScenarioState | undefined;
  for (const key of keys) {
    state = states?.[key];
    states = state?.states;
  }
  return state;
}

function firstPerScene(situations: readonly Situation[]): Situation[] {
  const seen = new Set<string>();
  return situations.filter((s) => !seen.has(s.scene.join('.')) && seen.add(s.scene.join('.')));
}

function describeContext({ context }: Situation): string {
  const entries = Object.entries(context);
  return entries.length ? entries.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ') : 'the story starts';
}

function statePath(keys: readonly string[]): string[] {
  return keys.flatMap((k) => ['states', k]);
}
