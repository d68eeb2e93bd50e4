import { isRecord, readStored, writeStored } from '../ui/local-store.ts';

/** Whether the learner got a chance to act since their commitment. */
export type Acted = 'yes' | 'no' | 'notYet';

/** One answer to "Did you get a chance to act? What happened?", kept on this device only. */
export interface FollowUpAnswer {
  /** The booster the reminder opened. */
  readonly boosterId: string;
  readonly acted: Acted;
  /** What happened, in the learner's words (may be empty). */
  readonly text: string;
  /** ISO date it was given. */
  readonly date: string;
}

const KEY = 'followups';
const ACTED: readonly string[] = ['yes', 'no', 'notYet'];

function isAnswers(value: unknown): value is FollowUpAnswer[] {
  return (
    Array.isArray(value) &&
    value.every(
      (a) =>
        isRecord(a) &&
        typeof a.boosterId === 'string' &&
        ACTED.includes(a.acted as string) &&
        typeof a.text === 'string' &&
        typeof a.date === 'string',
    )
  );
}

/** Every answer given on this device, oldest first; none if storage is missing or corrupt. */
export function readFollowUps(): FollowUpAnswer[] {
  const stored = readStored(KEY, isAnswers);
  return stored.state === 'ok' ? stored.value : [];
}

export function saveFollowUp(answer: FollowUpAnswer): void {
  writeStored(KEY, [...readFollowUps(), answer]);
}
