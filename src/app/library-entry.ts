import type { FileIssue, LoadResult } from '../engine/load-scenario.types.ts';
import type { Scenario } from '../engine/scenario.types.ts';

/** One file of the scenarios folder, checked at build time: playable, or refused with its problems. */
export type LibraryEntry = { readonly file: string } & (
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly FileIssue[] }
);

/** What the browser needs of a load result: the scenario, or the problems (the machine is rebuilt there). */
export function toLibraryEntry(file: string, result: LoadResult): LibraryEntry {
  return result.ok ? { file, ok: true, scenario: result.scenario } : { file, ok: false, issues: result.issues };
}
