import type { FileIssue, LoadResult } from '../engine/load-scenario.types.ts';
import type { ScenarioMeta } from '../engine/scenario.types.ts';
import { practisedTactics } from '../engine/scenario-walk.ts';

/** What the library shows of a scenario without loading the whole of it. */
export interface ScenarioSummary {
  /** The scenario's id, which is also its file name. */
  readonly id: string;
  /** Title, setting, summary, content note, minutes and languages. */
  readonly meta: ScenarioMeta;
  /** The tactics it lets a learner practise. */
  readonly tactics: readonly string[];
}

/** One file of the scenarios folder, checked at build time: playable, or refused with its problems. */
export type LibraryEntry = { readonly file: string } & (
  | { readonly ok: true; readonly summary: ScenarioSummary }
  | { readonly ok: false; readonly issues: readonly FileIssue[] }
);

/** What the library page needs of a load result; the scenario itself is loaded when it is played. */
export function toLibraryEntry(file: string, result: LoadResult): LibraryEntry {
  if (!result.ok) return { file, ok: false, issues: result.issues };
  const { id, meta } = result.scenario;
  return { file, ok: true, summary: { id, meta, tactics: practisedTactics(result.scenario) } };
}
