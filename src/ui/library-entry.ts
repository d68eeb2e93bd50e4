import type { FileIssue, LoadResult } from '../engine/load-scenario.types.ts';
import type { ScenarioMeta, Stage } from '../engine/scenario.types.ts';
import { practisedStages, practisedTactics } from '../engine/scenario-walk.ts';

/** What the library shows of a scenario without loading the whole of it. */
export interface ScenarioSummary {
  /** The scenario's id, which is also its file name. */
  readonly id: string;
  /** Title, setting, summary, content note, minutes and languages. */
  readonly meta: ScenarioMeta;
  /** The tactics it lets a learner practise. */
  readonly tactics: readonly string[];
  /** Per bystander step, its scenes that give a chance to act at that step. */
  readonly stages: Readonly<Partial<Record<Stage, number>>>;
}

/** One file of the scenarios folder, checked at build time: playable, or refused with its problems. */
export type LibraryEntry = { readonly file: string } & (
  | {
      readonly ok: true;
      readonly summary: ScenarioSummary;
      /** Changes whenever the scenario does (`revisionOf`): tells a served copy from the one built in. */
      readonly revision: string;
    }
  | { readonly ok: false; readonly issues: readonly FileIssue[] }
);

/** What the library page needs of a load result; the scenario itself is loaded when it is played. */
export function toLibraryEntry(file: string, result: LoadResult): LibraryEntry {
  if (!result.ok) return { file, ok: false, issues: result.issues };
  const { id, meta } = result.scenario;
  return {
    file,
    ok: true,
    summary: { id, meta, tactics: practisedTactics(result.scenario), stages: practisedStages(result.scenario) },
    revision: revisionOf(result.scenario),
  };
}

/**
 * A short fingerprint of a scenario (FNV-1a, 32 bits, of its JSON, in hex): equal for the same
 * scenario wherever it is computed (the build, the server), different once anything in it changes.
 * Not a security measure: it only tells versions apart.
 */
export function revisionOf(scenario: unknown): string {
  const text = JSON.stringify(scenario);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** True for a booster's entry: a 2–3 minute refresher reached from reminders, not a library card. */
export function isBoosterEntry(entry: LibraryEntry): boolean {
  return entry.ok && entry.summary.meta.kind === 'booster';
}

/** What the library page lists: every file but the boosters (which stay playable at `#/play/<id>`). */
export function libraryShelf(entries: readonly LibraryEntry[]): LibraryEntry[] {
  return entries.filter((entry) => !isBoosterEntry(entry));
}

/** The boosters' ids, in file order. */
export function boosterIds(entries: readonly LibraryEntry[]): string[] {
  return entries.flatMap((entry) => (entry.ok && isBoosterEntry(entry) ? [entry.summary.id] : []));
}

/**
 * The scenario on the shelf (other than `exceptId`) that gives the most chances to practise `stage`,
 * the first in file order on a tie; undefined when none gives any.
 */
export function practiceFor(
  shelf: readonly LibraryEntry[],
  stage: Stage,
  exceptId: string,
): ScenarioSummary | undefined {
  let found: ScenarioSummary | undefined;
  for (const entry of shelf) {
    if (!entry.ok || entry.summary.id === exceptId) continue;
    const chances = entry.summary.stages[stage] ?? 0;
    if (chances > 0 && chances > (found?.stages[stage] ?? 0)) found = entry.summary;
  }
  return found;
}
