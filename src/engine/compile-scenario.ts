import { analyse, type ScenarioAnalysis } from './analyse.ts';
import { buildMachine, type ScenarioMachine } from './build-machine.ts';
import type { Scenario } from './scenario.types.ts';

/** A checked scenario ready to play and to score against its best and worst paths. */
export interface CompiledScenario {
  readonly machine: ScenarioMachine;
  /** Worked out on first read (it walks every path): a player needs it at the debrief, not to open. */
  readonly analysis: ScenarioAnalysis | undefined;
}

const compiled = new WeakMap<Scenario, CompiledScenario>();

/**
 * The scenario's machine and analysis, built once per scenario object: the player, an LMS module around
 * it and the session views all show the same scenario, and the analysis is the costly part.
 */
export function compileScenario(scenario: Scenario): CompiledScenario {
  let found = compiled.get(scenario);
  if (!found) {
    const machine = buildMachine(scenario);
    let analysis: { value: ScenarioAnalysis | undefined } | undefined;
    found = {
      machine,
      get analysis() {
        analysis ??= { value: analyse(machine) };
        return analysis.value;
      },
    };
    compiled.set(scenario, found);
  }
  return found;
}
