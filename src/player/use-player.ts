import { useEffect, useMemo, useState } from 'react';
import type { ScenarioMachine } from '../engine/build-machine.ts';
import { choicesFor, type OfferedChoice } from '../engine/choices.ts';
import { choose, type Run, type RunStep, restoreRun, rewindRun, saveRun, startRun } from '../engine/run-state.ts';
import { clearProgress, type Phase, readProgress, saveProgress } from './progress-store.ts';

export interface PlayerState {
  readonly run: Run;
  readonly phase: Phase;
  /** Why saved progress could not be used and the scenario started afresh, shown once. */
  readonly notice: 'corrupt' | 'outdated' | undefined;
}

/** Where a learner starts: their saved progress if the engine accepts it, else the content note. */
function initialState(machine: ScenarioMachine, scenarioId: string): PlayerState {
  const fresh: PlayerState = { run: startRun(machine), phase: 'note', notice: undefined };
  const stored = readProgress(scenarioId);
  if (stored.state === 'missing') return fresh;
  if (stored.state === 'corrupt') {
    clearProgress(scenarioId);
    return { ...fresh, notice: 'corrupt' };
  }
  const restored = restoreRun(machine, scenarioId, stored.value.run);
  if (!restored.ok) {
    clearProgress(scenarioId);
    return { ...fresh, notice: 'outdated' };
  }
  return { run: restored.run, phase: stored.value.phase, notice: undefined };
}

/**
 * One learner's way through one scenario: content note, scenes, feedback after each choice, debrief.
 * The engine decides what is on offer and what a choice does; this hook only sequences the views and
 * saves progress after every change, so a reload or a crash resumes at the same place.
 */
export function usePlayer(machine: ScenarioMachine, scenarioId: string) {
  const [state, setState] = useState(() => initialState(machine, scenarioId));
  const { run, phase } = state;

  useEffect(() => {
    if (phase === 'note' && run.steps.length === 0) return;
    saveProgress(scenarioId, { run: saveRun(machine, scenarioId, run), phase });
  }, [machine, scenarioId, run, phase]);

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
      if (result.ok) setState({ run: result.run, phase: 'feedback', notice: undefined });
    },
    proceed: () => setState({ run, phase: run.snapshot.status === 'done' ? 'debrief' : 'scene', notice: undefined }),
    restart: () => setState({ run: startRun(machine), phase: 'scene', notice: undefined }),
    rewind: (index: number) => setState({ run: rewindRun(machine, run, index), phase: 'scene', notice: undefined }),
    skip: () => setState({ run: startRun(machine), phase: 'skipped', notice: undefined }),
    /** After skipping, the learner may still play: back to the content note. */
    reconsider: () => setState({ run: startRun(machine), phase: 'note', notice: undefined }),
  };
}

export type Player = ReturnType<typeof usePlayer>;
