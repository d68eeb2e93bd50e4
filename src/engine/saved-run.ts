import { createActor } from 'xstate';
import type { ScenarioMachine, ScenarioSnapshot } from './build-machine.ts';
import { picksToEvents, runToPicks } from './choice-names.ts';
import { type Run, replayRun } from './run-state.ts';

/**
 * Bumped whenever the saved shape changes. Format 1 kept the choices' events, a timed choice by XState's
 * name that carries its delay (`xstate.after.20000.…`); format 2 keeps their stable names (`wait`, see
 * `pickName`), so a save outlives an author's change of a timer. Format 1 is still read (`pickEvent`
 * reads an event on offer as itself); any other is refused with a notice, never misread.
 */
export const RUN_FORMAT = 2;

/** A run as saved in browser storage or an LMS. */
export interface SavedRun {
  readonly format: typeof RUN_FORMAT;
  readonly scenarioId: string;
  /** XState's persisted snapshot. */
  readonly snapshot: unknown;
  /** The choices taken, in order, by stable name (`SPEAK_UP`, `wait`): never a name carrying a delay. */
  readonly choices: readonly string[];
}

/** The run to keep. A run started elsewhere than the scenario's start (a studio try-out) is not for saving. */
export function saveRun(machine: ScenarioMachine, scenarioId: string, run: Run): SavedRun {
  return {
    format: RUN_FORMAT,
    scenarioId,
    snapshot: machine.getPersistedSnapshot(run.snapshot),
    choices:
      runToPicks(
        machine,
        run.steps.map((s) => s.event),
      ) ?? [],
  };
}

export type RestoreResult = { ok: true; run: Run } | { ok: false; error: string };

/**
 * Restores a saved run. The snapshot is restored by XState and checked against a replay of the saved
 * choices, so a corrupt save, one from another format, or one the scenario no longer matches is refused.
 */
export function restoreRun(machine: ScenarioMachine, scenarioId: string, saved: unknown): RestoreResult {
  if (!isRecord(saved)) return { ok: false, error: 'The saved progress is not readable.' };
  if (saved.format !== RUN_FORMAT && saved.format !== 1) {
    return {
      ok: false,
      error: `The saved progress is from format ${JSON.stringify(saved.format)}; this version reads formats 1 and ${RUN_FORMAT}.`,
    };
  }
  if (saved.scenarioId !== scenarioId) return { ok: false, error: 'The saved progress belongs to another scenario.' };
  if (!Array.isArray(saved.choices) || !saved.choices.every((c) => typeof c === 'string')) {
    return { ok: false, error: 'The saved progress has no readable list of choices.' };
  }
  let restored: ScenarioSnapshot;
  try {
    restored = createActor(machine, { snapshot: saved.snapshot as never }).getSnapshot();
  } catch {
    return { ok: false, error: 'The saved progress does not fit this scenario.' };
  }
  const events = picksToEvents(machine, saved.choices);
  const replayed = events && replayRun(machine, events);
  if (!replayed || !sameSituation(replayed.snapshot, restored)) {
    return { ok: false, error: 'The saved progress no longer matches this scenario; it may have changed since.' };
  }
  return { ok: true, run: { snapshot: restored, steps: replayed.steps } };
}

function sameSituation(a: ScenarioSnapshot, b: ScenarioSnapshot): boolean {
  return JSON.stringify([a.value, a.context, a.status]) === JSON.stringify([b.value, b.context, b.status]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
