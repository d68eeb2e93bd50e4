import type { ScenarioMachine } from './build-machine.ts';
import { choicesFor, type OfferedChoice } from './choices.ts';
import { choose, type Run, startRun } from './run-state.ts';

/** What naming a choice needs of it: its event, and its delay when it is timed. */
export type ChoiceEvent = Pick<OfferedChoice, 'event' | 'delay'>;

/**
 * The stable name of a choice on offer, as every save keeps it (browser storage, the LMS, a session's
 * record): the choice's own event (`STAND_BESIDE`) or,
 * for a timed choice, `wait` (`wait2`, `wait3`… for further timed choices in the same scene, in the
 * order they are offered). XState names a timed choice's event after its delay in milliseconds, so that
 * name changes when an author adjusts the timer; `wait` does not. Event names are UPPER_SNAKE_CASE, so a
 * lower-case name never clashes with one.
 */
export function pickName(offered: readonly ChoiceEvent[], event: string): string | undefined {
  const choice = offered.find((c) => c.event === event);
  if (!choice) return undefined;
  if (choice.delay === undefined) return event;
  const nth = offered.filter((c) => c.delay !== undefined).indexOf(choice) + 1;
  return nth === 1 ? 'wait' : `wait${nth}`;
}

/**
 * The event of the choice on offer with that stable name, or undefined if none has it now. A save made
 * before choices were kept by stable name holds the event itself, which is read as long as it is on offer.
 */
export function pickEvent(offered: readonly ChoiceEvent[], name: string): string | undefined {
  return (
    offered.find((c) => pickName(offered, c.event) === name)?.event ?? offered.find((c) => c.event === name)?.event
  );
}

/** A run's choices by stable name, for a save; undefined if one was not on offer where taken. */
export function runToPicks(machine: ScenarioMachine, events: readonly string[]): string[] | undefined {
  let run = startRun(machine);
  const picks: string[] = [];
  for (const event of events) {
    const name = pickName(choicesFor(machine, run.snapshot), event);
    const next = choose(machine, run, event);
    if (name === undefined || !next.ok) return undefined;
    picks.push(name);
    run = next.run;
  }
  return picks;
}

/**
 * The events those names stand for in the scenario as it is now, replayed from its start; undefined as
 * soon as one names no choice on offer (the scenario changed since the save): never a guess.
 */
export function picksToEvents(machine: ScenarioMachine, picks: readonly string[]): string[] | undefined {
  let run: Run = startRun(machine);
  const events: string[] = [];
  for (const name of picks) {
    const event = pickEvent(choicesFor(machine, run.snapshot), name);
    const next = event === undefined ? undefined : choose(machine, run, event);
    if (!event || !next?.ok) return undefined;
    events.push(event);
    run = next.run;
  }
  return events;
}
