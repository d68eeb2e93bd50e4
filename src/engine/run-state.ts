import { initialTransition, transition } from 'xstate';
import type { ScenarioMachine, ScenarioSnapshot } from './build-machine.ts';
import { choicesFor, currentScene, sceneStage } from './choices.ts';
import type { ChoiceMeta, Ending, Stage } from './scenario.types.ts';
import { type Score, scoreChoices } from './score.ts';

/** One choice the learner made. */
export interface RunStep {
  /** The scene it was made in. */
  readonly scene: readonly string[];
  /** That scene's bystander stage. */
  readonly stage: Stage | undefined;
  /** The event sent. */
  readonly event: string;
  /** What the choice said and earned. */
  readonly meta: ChoiceMeta;
}

/** A learner's run through a scenario: where they are and how they got there. */
export interface Run {
  readonly snapshot: ScenarioSnapshot;
  readonly steps: readonly RunStep[];
}

export function startRun(machine: ScenarioMachine): Run {
  const [snapshot] = initialTransition(machine);
  return { snapshot, steps: [] };
}

export type ChooseResult = { ok: true; run: Run } | { ok: false; error: string };

/** Takes a choice on offer; anything else is refused and the run is left as it was. */
export function choose(machine: ScenarioMachine, run: Run, event: string): ChooseResult {
  const offered = choicesFor(machine, run.snapshot).find((c) => c.event === event);
  if (!offered)
    return {
      ok: false,
      error: `"${event}" is not a choice on offer in ${currentScene(machine, run.snapshot).keys.join('.')}.`,
    };
  const step: RunStep = {
    scene: currentScene(machine, run.snapshot).keys,
    stage: sceneStage(machine, run.snapshot),
    event,
    meta: offered.meta,
  };
  const [snapshot] = transition(machine, run.snapshot, { type: event });
  return { ok: true, run: { snapshot, steps: [...run.steps, step] } };
}

export function runScore(run: Run): Score {
  return scoreChoices(run.steps);
}

/** The ending reached, or undefined while the story goes on. */
export function runEnding(machine: ScenarioMachine, run: Run): Ending | undefined {
  return run.snapshot.status === 'done' ? currentScene(machine, run.snapshot).config.meta?.ending : undefined;
}

/** The run rewound to just before its choice at `index`, to choose differently; `from` is where it began. */
export function rewindRun(machine: ScenarioMachine, run: Run, index: number, from = startRun(machine)): Run {
  return replayRun(
    machine,
    run.steps.slice(0, index).map((s) => s.event),
    from,
  ) as Run;
}

/**
 * The run that takes these choices in order from `from` (the start unless given), or undefined if one
 * of them is not on offer where it is taken.
 */
export function replayRun(
  machine: ScenarioMachine,
  events: readonly string[],
  from = startRun(machine),
): Run | undefined {
  let run = from;
  for (const event of events) {
    const result = choose(machine, run, event);
    if (!result.ok) return undefined;
    run = result.run;
  }
  return run;
}
