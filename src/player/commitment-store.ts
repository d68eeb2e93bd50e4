import { isRecord, readStored, writeStored } from '../ui/local-store.ts';

/** A learner's #IWill commitment for a scenario, kept on this device only. */
export interface Commitment {
  readonly text: string;
  /** ISO date it was made. */
  readonly date: string;
}

const key = (scenarioId: string) => `commitment:${scenarioId}`;

function isCommitment(value: unknown): value is Commitment {
  return isRecord(value) && typeof value.text === 'string' && typeof value.date === 'string';
}

export function readCommitment(scenarioId: string): Commitment | undefined {
  const stored = readStored(key(scenarioId), isCommitment);
  return stored.state === 'ok' ? stored.value : undefined;
}

export function saveCommitment(scenarioId: string, commitment: Commitment): void {
  writeStored(key(scenarioId), commitment);
}
