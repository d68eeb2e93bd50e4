import type { StepOpportunities } from '../engine/run-review.ts';
import { STAGES } from '../engine/stages.ts';
import { isRecord, readStored, writeStored } from '../ui/local-store.ts';

/** One finished run's chances to act per bystander step, kept on this device only. */
export interface StepAttempt {
  readonly scenarioId: string;
  /** ISO date (YYYY-MM-DD) the run ended. */
  readonly date: string;
  /** The run's choices, by event: the same run shown again (a reload) is not counted twice. */
  readonly path: string;
  readonly steps: readonly StepOpportunities[];
}

const KEY = 'step-profile';
/** Attempts kept: enough for a profile over months of practice, small in storage. */
export const MAX_ATTEMPTS = 50;

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isSteps = (v: unknown) =>
  Array.isArray(v) &&
  v.every((s) => isRecord(s) && STAGES.includes(s.stage as never) && isCount(s.opportunities) && isCount(s.acted));
const isAttempts = (v: unknown): v is StepAttempt[] =>
  Array.isArray(v) &&
  v.every(
    (a) =>
      isRecord(a) &&
      typeof a.scenarioId === 'string' &&
      typeof a.date === 'string' &&
      typeof a.path === 'string' &&
      isSteps(a.steps),
  );

/** Every attempt recorded on this device, oldest first; none if the stored list is missing or unreadable. */
export function readAttempts(): StepAttempt[] {
  const stored = readStored(KEY, isAttempts);
  return stored.state === 'ok' ? stored.value : [];
}

/** Adds a finished run, unless it is the last one recorded again; keeps the latest MAX_ATTEMPTS. */
export function recordAttempt(attempt: StepAttempt): StepAttempt[] {
  const attempts = readAttempts();
  const last = attempts.at(-1);
  if (last && last.scenarioId === attempt.scenarioId && last.path === attempt.path && last.date === attempt.date)
    return attempts;
  const next = [...attempts, attempt].slice(-MAX_ATTEMPTS);
  writeStored(KEY, next);
  return next;
}
