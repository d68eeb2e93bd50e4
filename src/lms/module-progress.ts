import type { Phase } from '../player/progress-store.ts';
import type { SkipRule } from './module-config.ts';

/**
 * A learner's progress through a module, as saved in the LMS (`suspend_data`): compact, because SCORM
 * 1.2 allows 4,096 characters. Choices are kept by stable name (see `pickName`, `engine/choice-names.ts`); the engine replays them
 * on resume and refuses a save that no longer fits.
 */
export interface ModuleProgress {
  /** Which package wrote it: `packageKey()` of the module's scenarios. */
  readonly key: string;
  /** Index of the scenario being played. */
  readonly at: number;
  /** Per finished scenario, in order: its score 0–100, or null if skipped. */
  readonly scores: readonly (number | null)[];
  /** Where the learner is in the current scenario. */
  readonly phase: Phase;
  /** The current scenario's choices, by stable name. */
  readonly picks: readonly string[];
}

export const MODULE_PROGRESS_FORMAT = 2;
const PHASE_CODES: Record<Phase, string> = { note: 'n', scene: 's', feedback: 'f', debrief: 'd', skipped: 'k' };
const PICK = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|wait\d*)$/;

/** Where a module starts. */
export function freshProgress(key: string): ModuleProgress {
  return { key, at: 0, scores: [], phase: 'note', picks: [] };
}

/**
 * A short fingerprint of the module (its scenario ids, in order; FNV-1a, base 36), so a save from
 * another package in the same LMS slot is recognised and not replayed. An updated package with the same
 * scenarios keeps its key: its saves are checked choice by choice instead.
 */
export function packageKey(scenarios: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of scenarios.join(',')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** E.g. `2|k3j9x|1|87,n|f|STAND_BESIDE.wait`: format, package, scenario, scores (n = skipped), phase, picks. */
export function encodeProgress(p: ModuleProgress): string {
  return [
    MODULE_PROGRESS_FORMAT,
    p.key,
    p.at,
    p.scores.map((s) => (s === null ? 'n' : s)).join(','),
    PHASE_CODES[p.phase],
    p.picks.join('.'),
  ].join('|');
}

/** The progress, or undefined for anything that is not a save of this format (then the module starts afresh). */
export function decodeProgress(text: string | undefined): ModuleProgress | undefined {
  const parts = text?.split('|');
  if (parts?.length !== 6 || parts[0] !== String(MODULE_PROGRESS_FORMAT)) return undefined;
  const [, key, at, scores, phase, picks] = parts;
  const int = (s: string) => (/^\d+$/.test(s) ? Number(s) : Number.NaN);
  const decoded: ModuleProgress = {
    key,
    at: int(at),
    scores: scores ? scores.split(',').map((s) => (s === 'n' ? null : int(s))) : [],
    phase: (Object.entries(PHASE_CODES).find(([, code]) => code === phase)?.[0] ?? '') as Phase,
    picks: picks ? picks.split('.') : [],
  };
  const numbers = [decoded.at, ...decoded.scores.filter((s) => s !== null)];
  if (!/^[0-9a-z]+$/.test(key) || !decoded.phase || numbers.some((n) => Number.isNaN(n as number))) return undefined;
  if (decoded.scores.some((s) => s !== null && s > 100) || !decoded.picks.every((p) => PICK.test(p))) return undefined;
  return decoded;
}

/** What the module reports: nothing that counts until every scenario has been played or skipped. */
export interface ModuleResult {
  /** Every scenario played or skipped: the result is final. */
  readonly done: boolean;
  /** Complete, by the module's skip rule. */
  readonly completed: boolean;
  /** 0–100, the mean of the scenarios that count for the score; undefined if none does. */
  readonly score: number | undefined;
  /** Against the pass mark; undefined without a score. */
  readonly passed: boolean | undefined;
}

/**
 * The module's result once every scenario is finished (played or skipped), by the skip rule:
 * `completion` leaves a skipped scenario out of the score; `failed` counts it as 0; `incomplete` leaves
 * the module incomplete, with no score, until the skipped scenarios are played. Before that, nothing
 * the LMS could turn into a pass or a fail.
 */
export function moduleResult(
  scores: readonly (number | null)[],
  count: number,
  pass: number,
  skip: SkipRule = 'completion',
): ModuleResult {
  const done = scores.length >= count;
  if (!done) return { done, completed: false, score: undefined, passed: undefined };
  const completed = skip !== 'incomplete' || scores.every((s) => s !== null);
  if (!completed) return { done, completed, score: undefined, passed: undefined };
  const counted = scores.flatMap((s) => (s !== null ? [s] : skip === 'failed' ? [0] : []));
  const score = counted.length ? Math.round(counted.reduce((a, b) => a + b, 0) / counted.length) : undefined;
  return { done, completed, score, passed: score === undefined ? undefined : score >= pass };
}

/**
 * Share of the module done, 0–1, moving with each decision: finished scenarios count whole (a skip
 * counts nothing when a skip leaves the module incomplete), the current one by its decisions against its
 * longest path, never reaching its share before its ending. Exactly 1 only when the module is complete.
 */
export function moduleProgressMeasure(
  p: Pick<ModuleProgress, 'at' | 'scores' | 'picks'>,
  count: number,
  longestPath: number,
  skip: SkipRule = 'completion',
): number {
  const finished = p.scores.filter((s) => s !== undefined && (s !== null || skip !== 'incomplete')).length;
  if (p.scores.length >= count) return finished / count;
  const playing = p.at < count && p.scores[p.at] === undefined;
  const current =
    playing && Number.isFinite(longestPath) && longestPath > 0 ? Math.min(0.9, p.picks.length / longestPath) : 0;
  return Math.min(0.99, Math.floor(((finished + current) / count) * 100) / 100);
}
