import { isRecord, readStored, removeStored, writeStored } from '../ui/local-store.ts';

/** The scenario being written, kept in this browser so a reload loses nothing. */
export interface Draft {
  /** The file's text, exactly as typed. */
  readonly text: string;
  /** Where it came from, for the problems' file name: "my-scenario.json", or the library's file. */
  readonly file: string;
}

const KEY = 'studio:draft';

function isDraft(value: unknown): value is Draft {
  return isRecord(value) && typeof value.text === 'string' && typeof value.file === 'string';
}

/** The draft kept in this browser, if any (a corrupt one is dropped). */
export function readDraft(): Draft | undefined {
  const stored = readStored(KEY, isDraft);
  if (stored.state === 'corrupt') removeStored(KEY);
  return stored.state === 'ok' ? stored.value : undefined;
}

export function saveDraft(draft: Draft): void {
  writeStored(KEY, draft);
}
