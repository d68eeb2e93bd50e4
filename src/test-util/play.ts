import type { ScenarioMachine } from '../engine/build-machine.ts';
import { choose, type Run, startRun } from '../engine/run-state.ts';

/** Plays events from the start, as a learner would; a choice not on offer fails the test loudly. */
export function play(machine: ScenarioMachine, events: readonly string[]): Run {
  return events.reduce((run, event) => {
    const result = choose(machine, run, event);
    if (!result.ok) throw new Error(result.error);
    return result.run;
  }, startRun(machine));
}
