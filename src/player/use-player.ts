import { useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioMachine } from '../engine/build-machine.ts';
import { choicesFor, type OfferedChoice } from '../engine/choices.ts';
import { choose, type Run, type RunStep, rewindRun, startRun } from '../engine/run-state.ts';
import { restoreRun, saveRun } from '../engine/saved-run.ts';
import { deviceProgress, type Phase, type ProgressStore } from './progress-store.ts';

export interface PlayerState {
  readonly run: Run;
  readonly phase: Phase;
  /** Why saved progress could not be used and the scenario started afresh, shown once. */
  readonly notice: 'corrupt' | 'outdated' | undefined;
}

/** Who else needs to know what the learner does (an LMS): told once per choice and once at the end. */
export interface PlayerObserver {
  /** A choice was taken: the run with it, and its place in the run. */
  chose?(run: Run, index: number): void;
  /** The scenario was finished (the run that reached an ending, as soon as the choice reaching it is taken), or skipped (undefined). */
  finished?(run: Run | undefined): void;
}

/**
 * Where a learner starts: their saved progress if the engine accepts it, else the content note (with
 * a notice when a save was there but unusable); a try-out from a scene (`from`) starts in that scene.
 * Reads only: React may render, discard and render again.
 */
function initialState(machine: ScenarioMachine, scenarioId: string, store: ProgressStore, from?: Run): PlayerState {
  if (from) return { run: from, phase: 'scene', notice: undefined };
  const fresh: PlayerState = { run: startRun(machine), phase: 'note', notice: undefined };
  const stored = store.read(scenarioId);
  if (stored.state === 'missing') return fresh;
  if (stored.state === 'corrupt') return { ...fresh, notice: 'corrupt' };
  const restored = restoreRun(machine, scenarioId, stored.value.run);
  if (!restored.ok) return { ...fresh, notice: 'outdated' };
  return { run: restored.run, phase: stored.value.phase, notice: undefined };
}

/**
 * One learner's way through one scenario: content note, scenes, feedback after each choice, debrief.
 * The engine decides what is on offer and what a choice does; this hook only sequences the views and
 * saves progress after every change, so a reload or a crash resumes at the same place.
 *
 * `from` is an author's try-out (the studio's preview): a run started at a scene with variables set
 * (`startRunAt`). It opens in that scene, playing again and rewinding go back to it, and it is never
 * saved as progress.
 */
export function usePlayer(
  machine: ScenarioMachine,
  scenarioId: string,
  store: ProgressStore = deviceProgress,
  observer: PlayerObserver = {},
  from?: Run,
) {
  const [state, setState] = useState(() => initialState(machine, scenarioId, store, from));
  const origin = () => from ?? startRun(machine);
  const { run, phase } = state;

  // An unusable save is removed once the player is on screen, never during a render: a render that
  // React discards (an interrupted transition) must not take the learner's notice with it.
  const unusable = useRef(state.notice !== undefined);
  useEffect(() => {
    if (unusable.current) store.clear(scenarioId);
  }, [scenarioId, store]);

  useEffect(() => {
    if (from || (phase === 'note' && run.steps.length === 0)) return;
    store.save(scenarioId, { run: saveRun(machine, scenarioId, run), phase });
  }, [machine, scenarioId, run, phase, store, from]);

  const choices: OfferedChoice[] = useMemo(() => choicesFor(machine, run.snapshot), [machine, run]);
  const lastStep: RunStep | undefined = run.steps[run.steps.length - 1];

  return {
    run,
    phase,
    notice: state.notice,
    choices,
    lastStep,
    begin: () => setState({ run, phase: 'scene', notice: undefined }),
    choose: (event: string) => {
      const result = choose(machine, run, event);
      if (!result.ok) return;
      observer.chose?.(result.run, result.run.steps.length - 1);
      if (result.run.snapshot.status === 'done') observer.finished?.(result.run);
      setState({ run: result.run, phase: 'feedback', notice: undefined });
    },
    proceed: () => {
      const done = run.snapshot.status === 'done';
      setState({ run, phase: done ? 'debrief' : 'scene', notice: undefined });
    },
    restart: () => setState({ run: origin(), phase: 'scene', notice: undefined }),
    rewind: (index: number) =>
      setState({ run: rewindRun(machine, run, index, origin()), phase: 'scene', notice: undefined }),
    skip: () => {
      observer.finished?.(undefined);
      setState({ run: origin(), phase: 'skipped', notice: undefined });
    },
    /** After skipping, the learner may still play: back to the content note. */
    reconsider: () => setState({ run: origin(), phase: 'note', notice: undefined }),
  };
}

export type Player = ReturnType<typeof usePlayer>;
