import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../src/cli/scenario-files.ts';
import {
  declaredLanguages,
  findTactic,
  practisedTactics,
  runEnding,
  runScore,
  type Scenario,
  type ScenarioState,
} from '../src/engine/index.ts';
import { play } from '../src/test-util/play.ts';
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
  const { scenario, analysis, machine } = loadRealScenario(id);

  it('plays its best and worst paths to an ending, scoring what the analysis says', () => {
    for (const path of [analysis.best, analysis.worst]) {
      const run = play(machine, path?.steps.map((step) => step.event) ?? []);
      expect(runEnding(machine, run)).toBeDefined();
      expect(runScore(run)).toEqual(path?.score);
    }
  });
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

  it('offers a tempting choice that does harm, and rewards checking in afterwards', () => {
    const choices = allStates(scenario.states).flatMap(([, state]) =>
      [...Object.values(state.on ?? {}), ...Object.values(state.after ?? {})].flat(),
    );
    expect(choices.some((choice) => (choice.meta.harm ?? 0) > 0)).toBe(true);
    expect(practisedTactics(scenario)).toContain('delay');
  });
});

describe('the scenario library as a whole', () => {
  const scenarios = ids.map((id) => loadRealScenario(id).scenario);
  const count = (setting: string) => scenarios.filter((s) => s.meta.setting === setting).length;

  it('covers every setting: 4 workplace, 3 public transport, 2 social, 2 campus, 1 online, at least', () => {
    expect({
      workplace: count('workplace'),
      transit: count('transit'),
      social: count('social'),
      campus: count('campus'),
      online: count('online'),
    }).toEqual({
      workplace: expect.toSatisfy((n: number) => n >= 4),
      transit: expect.toSatisfy((n: number) => n >= 3),
      social: expect.toSatisfy((n: number) => n >= 2),
      campus: expect.toSatisfy((n: number) => n >= 2),
      online: expect.toSatisfy((n: number) => n >= 1),
    });
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
  });

  it('offers at least two scenarios in Spanish as well as English', () => {
    const bilingual = scenarios.filter((s) => ['en', 'es'].every((l) => declaredLanguages(s).includes(l)));
    expect(bilingual.length).toBeGreaterThanOrEqual(2);
  });

  it('uses all three core tactics across the library', () => {
    const used = new Set(scenarios.flatMap((s) => practisedTactics(s)));
    expect([...used]).toEqual(expect.arrayContaining(['stepForward', 'speakUp', 'bringOthers']));
  });
});

describe('the first scenario, hand-on-the-back', () => {
  it('makes all three core tactics available', () => {
    const { scenario } = loadRealScenario('hand-on-the-back');
    expect(practisedTactics(scenario)).toEqual(expect.arrayContaining(['stepForward', 'speakUp', 'bringOthers']));
  });
});
