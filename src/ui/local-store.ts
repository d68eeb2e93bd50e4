/**
 * Browser storage under one versioned prefix. Storage can be full, disabled or hold anything, so every
 * read says whether the data was missing, readable, or corrupt; nothing here throws.
 */
export const STORE_PREFIX = 'upstander:v1:';

export type StoredValue<T> = { state: 'missing' } | { state: 'ok'; value: T } | { state: 'corrupt' };

export function readStored<T>(key: string, isValid: (value: unknown) => value is T): StoredValue<T> {
  let text: string | null;
  try {
    text = localStorage.getItem(STORE_PREFIX + key);
  } catch {
    return { state: 'missing' };
  }
  if (text === null) return { state: 'missing' };
  try {
    const value: unknown = JSON.parse(text);
    return isValid(value) ? { state: 'ok', value } : { state: 'corrupt' };
  } catch {
    return { state: 'corrupt' };
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(STORE_PREFIX + key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the learner can still play; only resuming is lost.
  }
}

export function removeStored(key: string): void {
  try {
    localStorage.removeItem(STORE_PREFIX + key);
  } catch {
    // Nothing to remove if storage is unavailable.
  }
}

/** The keys stored under the prefix (without it); none if storage is unavailable. */
export function storedKeys(): string[] {
  try {
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(STORE_PREFIX))
      .map((key) => key.slice(STORE_PREFIX.length));
  } catch {
    return [];
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
