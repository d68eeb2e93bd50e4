import type { ScenarioMachine } from '../engine/build-machine.ts';
import { type ChoiceEvent, pickEvent, pickName } from '../engine/choice-names.ts';
import { choicesFor } from '../engine/choices.ts';
import { choose, startRun } from '../engine/run-state.ts';
import type { Tally } from '../protocol/messages.ts';
import type { ClosedDecision, StoredRoom } from './room-state.types.ts';

/*
 * A session's record keeps each choice by its stable name (`pickName`: a timed choice as `wait`), as
 * every save does, never by XState's name for it, which carries the timer's delay: a session or its
 * results outlive an author adjusting a timer. The room and the results work with events; these two
 * translate at the store's edge.
 */

/** A choice's stored name, among those offered where it was taken; an event not on offer as it is. */
export function storedName(offered: readonly ChoiceEvent[], event: string): string {
  return pickName(offered, event) ?? event;
}

/** A decision as stored: its choice and its tally's counts by stable name. */
export function storedDecision(offered: readonly ChoiceEvent[], closed: ClosedDecision): ClosedDecision {
  return {
    ...closed,
    choice: storedName(offered, closed.choice),
    tally: renameCounts(closed.tally, (event) => storedName(offered, event)),
  };
}

/**
 * The stored session with events in place of stored names: each decision's choice and tally, and the
 * votes and guesses on the decision on the screen, each read among the choices offered where it was
 * made. Undefined when one names no choice on offer there (the scenario changed since). The room's
 * path stays by stable name, as `RoomState.choices` is kept.
 */
export function storedWithEvents(stored: StoredRoom, machine: ScenarioMachine): StoredRoom | undefined {
  let run = startRun(machine);
  const decisions: ClosedDecision[] = [];
  for (const [i, name] of stored.room.choices.entries()) {
    const offered = choicesFor(machine, run.snapshot);
    const event = pickEvent(offered, name);
    const next = event === undefined ? undefined : choose(machine, run, event);
    if (event === undefined || !next?.ok) return undefined;
    const decision = stored.decisions[i];
    if (decision) {
      const choice = pickEvent(offered, decision.choice);
      if (choice === undefined) return undefined;
      decisions.push({ ...decision, choice, tally: renameCounts(decision.tally, (n) => pickEvent(offered, n) ?? n) });
    }
    run = next.run;
  }
  const offered = choicesFor(machine, run.snapshot);
  const now = <T extends { readonly choice: string }>(picks: readonly T[]) =>
    picks.flatMap((p) => {
      const choice = pickEvent(offered, p.choice);
      return choice === undefined ? [] : [{ ...p, choice }];
    });
  return {
    ...stored,
    decisions,
    votes: now(stored.votes),
    ...(stored.guesses ? { guesses: now(stored.guesses) } : {}),
  };
}

function renameCounts(tally: Tally, rename: (key: string) => string): Tally {
  if (!tally.shown) return tally;
  return { ...tally, counts: Object.fromEntries(Object.entries(tally.counts).map(([k, n]) => [rename(k), n])) };
}
