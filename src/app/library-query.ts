import type { Setting } from '../engine/scenario.types.ts';
import { declaredLanguages, localize } from '../engine/text.ts';
import type { Phase } from '../player/progress-store.ts';
import type { ScenarioSummary } from '../ui/library-entry.ts';

/** Where a learner is with a scenario on this device: skipping is its own status, not a finish. */
export type LearnerStatus = 'new' | 'started' | 'finished' | 'skipped';

/** The status the progress store's saved phase means (undefined: nothing saved, or unreadable). */
export function learnerStatus(phase: Phase | undefined): LearnerStatus {
  if (phase === undefined) return 'new';
  if (phase === 'skipped') return 'skipped';
  return phase === 'debrief' ? 'finished' : 'started';
}

/** Playing time in bands a learner thinks in: up to 5 minutes, 6 to 8, 9 or more. */
export type MinutesBand = 'short' | 'medium' | 'long';
export const MINUTES_BANDS: readonly MinutesBand[] = ['short', 'medium', 'long'];

export function minutesBand(minutes: number): MinutesBand {
  return minutes <= 5 ? 'short' : minutes <= 8 ? 'medium' : 'long';
}

/** What the learner asked the library for; every field optional, all of them must hold. */
export interface LibraryQuery {
  /** Words to find in the title, summary or setting, in any case and with or without accents. */
  readonly q?: string;
  readonly setting?: Setting;
  /** A tactic id the scenario must practise. */
  readonly tactic?: string;
  /** A language tag the scenario must be written in. */
  readonly language?: string;
  readonly minutes?: MinutesBand;
}

const FIELDS = ['q', 'setting', 'tactic', 'language', 'minutes'] as const;

/** The query in a URL query string (`setting=transit&q=bus`); unknown keys and bad bands are dropped. */
export function parseQuery(search: string): LibraryQuery {
  const params = new URLSearchParams(search);
  const query: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = params.get(field);
    if (value?.trim()) query[field] = value;
  }
  if (query.minutes && !MINUTES_BANDS.includes(query.minutes as MinutesBand)) delete query.minutes;
  return query as LibraryQuery;
}

/** The query as a URL query string, fields in a fixed order, empty ones left out. */
export function formatQuery(query: LibraryQuery): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = query[field];
    if (value?.trim()) params.set(field, value);
  }
  return params.toString();
}

/** Lower case without accents, so "Tren", "tren" and "trén" are the same word. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/**
 * Whether a scenario answers the query. The words are searched in its title and summary in every
 * language it is written in, and in `settingWords` (its setting as the interface names it); every
 * word must occur somewhere.
 */
export function matchesQuery(summary: ScenarioSummary, query: LibraryQuery, settingWords = ''): boolean {
  const { meta } = summary;
  if (query.setting && meta.setting !== query.setting) return false;
  if (query.tactic && !summary.tactics.includes(query.tactic)) return false;
  if (query.language && !declaredLanguages(summary).includes(query.language)) return false;
  if (query.minutes && minutesBand(meta.minutes) !== query.minutes) return false;
  const words = fold(query.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [
      ...declaredLanguages(summary).flatMap((lang) => [
        localize(meta.title, lang, meta.language),
        localize(meta.summary, lang, meta.language),
      ]),
      settingWords,
    ].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

/** A suggestion: the scenario, and why (`first`: for someone new; `next`: it practises tactics not yet practised). */
export interface Suggestion {
  readonly id: string;
  readonly reason: 'first' | 'next';
  /** The tactics it adds to what the learner has practised (every tactic it practises, for `first`). */
  readonly newTactics: readonly string[];
}

/**
 * The scenario to suggest. Someone who has finished none is offered, among the scenarios written in
 * their interface language (all of them if none is), the one practising the most `core` tactics (the
 * basics every programme teaches, so the widest start), then the shortest, then by id. Once one is finished, the next is the
 * unplayed one (neither finished nor skipped) adding the most tactics not yet practised, then the
 * shortest, then by id; none when no unplayed scenario adds a tactic.
 */
export function suggest(
  summaries: readonly ScenarioSummary[],
  status: (id: string) => LearnerStatus,
  language: string,
  core: readonly string[],
): Suggestion | undefined {
  const finished = summaries.filter((s) => status(s.id) === 'finished');
  const byId = (a: ScenarioSummary, b: ScenarioSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (finished.length === 0) {
    const inLanguage = summaries.filter((s) => declaredLanguages(s).includes(language));
    const pool = inLanguage.length ? inLanguage : summaries;
    const coreCount = (s: ScenarioSummary) => s.tactics.filter((t) => core.includes(t)).length;
    const first = pool.toSorted(
      (a, b) => coreCount(b) - coreCount(a) || a.meta.minutes - b.meta.minutes || byId(a, b),
    )[0];
    return first && { id: first.id, reason: 'first', newTactics: first.tactics };
  }
  const practised = new Set(finished.flatMap((s) => s.tactics));
  const candidates = summaries
    .filter((s) => status(s.id) === 'new' || status(s.id) === 'started')
    .map((s) => ({ s, adds: s.tactics.filter((t) => !practised.has(t)) }))
    .filter((c) => c.adds.length > 0)
    .toSorted((a, b) => b.adds.length - a.adds.length || a.s.meta.minutes - b.s.meta.minutes || byId(a.s, b.s));
  const next = candidates[0];
  return next && { id: next.s.id, reason: 'next', newTactics: next.adds };
}
