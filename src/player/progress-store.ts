import type { SavedRun } from '../engine/saved-run.ts';
import { isRecord, readStored, removeStored, type StoredValue, storedKeys, writeStored } from '../ui/local-store.ts';

/** Where a learner is in a scenario's flow. */
export type Phase = 'note' | 'scene' | 'feedback' | 'debrief' | 'skipped';

/** A scenario's progress on this device. */
export interface Progress {
  /** The engine's saved run; the engine checks it again on restore. */
  readonly run: SavedRun;
  /** The step of the flow the learner was on. */
  readonly phase: Phase;
}

const PHASES: readonly Phase[] = ['note', 'scene', 'feedback', 'debrief', 'skipped'];
const key = (scenarioId: string) => `progress:${scenarioId}`;

function isProgress(value: unknown): value is Progress {
  return isRecord(value) && isRecord(value.run) && PHASES.includes(value.phase as Phase);
}

export function readProgress(scenarioId: string): StoredValue<Progress> {
  return readStored(key(scenarioId), isProgress);
}

export function saveProgress(scenarioId: string, progress: Progress): void {
  writeStored(key(scenarioId), progress);
}

export function clearProgress(scenarioId: string): void {
  removeStored(key(scenarioId));
}

/** Whether any scenario has been started on this device (progress is kept from the first scene on). */
export function anyProgress(): boolean {
  return storedKeys().some((key) => key.startsWith('progress:'));
}

/** Where a player keeps progress: this device by default; an LMS when the player runs inside a module. */
export interface ProgressStore {
  read(scenarioId: string): StoredValue<Progress>;
  save(scenarioId: string, progress: Progress): void;
  clear(scenarioId: string): void;
}

export const deviceProgress: ProgressStore = { read: readProgress, save: saveProgress, clear: clearProgress };

/** How far the learner got, for the library: a scenario skipped at its content note is not one finished. */
export type ProgressStatus = 'new' | 'started' | 'skipped' | 'finished';

export function progressStatus(scenarioId: string): ProgressStatus {
  const stored = readProgress(scenarioId);
  if (stored.state !== 'ok') return 'new';
  const { phase } = stored.value;
  return phase === 'debrief' ? 'finished' : phase === 'skipped' ? 'skipped' : 'started';
}
