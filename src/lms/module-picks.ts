import type { ScenarioMachine } from '../engine/build-machine.ts';
import { choicesFor } from '../engine/choices.ts';
import { choose, type Run, startRun } from '../engine/run-state.ts';

/** A run's choices as positions in the lists on offer: a few characters each, for the LMS's small store. */
export function runToPicks(machine: ScenarioMachine, events: readonly string[]): number[] | undefined {
  let run = startRun(machine);
  const picks: number[] = [];
  for (const event of events) {
    const pick = choicesFor(machine, run.snapshot).findIndex((c) => c.event === event);
    const next = choose(machine, run, event);
    if (pick < 0 || !next.ok) return undefined;
    picks.push(pick);
    run = next.run;
  }
  return picks;
}

/** The run those positions lead to, or undefined if one no longer exists (the scenario changed). */
export function picksToRun(machine: ScenarioMachine, picks: readonly number[]): Run | undefined {
  let run = startRun(machine);
  for (const pick of picks) {
    const offered = choicesFor(machine, run.snapshot)[pick];
    const next = offered && choose(machine, run, offered.event);
    if (!next?.ok) return undefined;
    run = next.run;
  }
  return run;
}
