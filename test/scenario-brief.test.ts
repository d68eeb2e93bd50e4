import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../src/cli/scenario-files.ts';
import { findTactic, practisedTactics, type Scenario, type ScenarioState } from '../src/engine/index.ts';
import { loadRealScenario } from './support/scenario-files.ts';

/** What every scenario must offer a learner, asserted from the files themselves. */
const ids = scenarioFiles([]).map((file) => file.replace(/^scenarios\//, '').replace(/\.json$/, ''));

function allStates(states: Readonly<Record<string, ScenarioState>>, prefix = ''): [string, ScenarioState][] {
  return Object.entries(states).flatMap(([key, state]) => [
    [`${prefix}${key}`, state] as [string, ScenarioState],
    ...allStates(state.states ?? {}, `${prefix}${key}.`),
  ]);
}

const guarded = (scenario: Scenario) =>
  allStates(scenario.states).some(([, state]) =>
    [...Object.values(state.on ?? {}), ...Object.values(state.after ?? {}), state.always ?? []]
      .flat()
      .some((transition) => transition.guard !== undefined),
  );

describe.each(ids)('scenario %s', (id) => {
  const { scenario, analysis } = loadRealScenario(id);
  const endingKind = new Map(allStates(scenario.states).map(([key, state]) => [key, state.meta?.ending?.kind]));

  it('has at least 4 decisions on its longest path', () => {
    expect(analysis.longestPath).toBeGreaterThanOrEqual(4);
  });

  it('can end well, mixed and badly', () => {
    expect(new Set(analysis.endings.map((key) => endingKind.get(key)))).toEqual(new Set(['good', 'mixed', 'poor']));
  });

  it('has a timed choice and a branch guarded on a variable', () => {
    expect(allStates(scenario.states).some(([, state]) => state.after !== undefined)).toBe(true);
    expect(guarded(scenario)).toBe(true);
  });

  it('practises at least two of the three core tactics', () => {
    expect(practisedTactics(scenario).filter((t) => findTactic(t)?.core).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the first scenario, hand-on-the-back', () => {
  it('makes all three core tactics available', () => {
    const { scenario } = loadRealScenario('hand-on-the-back');
    expect(practisedTactics(scenario)).toEqual(expect.arrayContaining(['stepForward', 'speakUp', 'bringOthers']));
  });
});
