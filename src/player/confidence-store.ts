import { type ConfidenceRecord, isConfidenceRecord } from '../engine/confidence.ts';
import { readStored, removeStored, writeStored } from '../ui/local-store.ts';

const KEY = 'confidence';

/** This device's confidence answers; an empty record if there are none or they are unreadable. */
export function readConfidence(): ConfidenceRecord {
  const stored = readStored(KEY, isConfidenceRecord);
  return stored.state === 'ok' ? stored.value : {};
}

export function saveConfidence(record: ConfidenceRecord): void {
  writeStored(KEY, record);
}

/** Forgets every answer; the questions are not asked before practice again once a scenario was played. */
export function clearConfidence(): void {
  removeStored(KEY);
}
