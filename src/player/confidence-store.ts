import type { ConfidenceAnswers, ConfidenceRecord } from '../engine/confidence.ts';
import { isRecord, readStored, removeStored, writeStored } from '../ui/local-store.ts';

const KEY = 'confidence';

const isRating = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100;

function isAnswers(value: unknown): value is ConfidenceAnswers {
  return (
    isRecord(value) &&
    typeof value.at === 'string' &&
    isRecord(value.ratings) &&
    Object.values(value.ratings).every(isRating)
  );
}

/** Whether stored data is a record this version can read: ratings whole numbers from 0 to 100. */
export function isConfidenceRecord(value: unknown): value is ConfidenceRecord {
  return (
    isRecord(value) &&
    (value.before === undefined || isAnswers(value.before)) &&
    (value.latest === undefined || isAnswers(value.latest)) &&
    (value.beforeSkipped === undefined || typeof value.beforeSkipped === 'boolean') &&
    (value.askedAfterOn === undefined || typeof value.askedAfterOn === 'string')
  );
}

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
