import type { Phase } from '../player/progress-store.ts';

/**
 * A learner's progress through a module, as saved in the LMS (`suspend_data`): compact, because SCORM
 * 1.2 allows 4,096 characters. Choices are kept as their position among the choices on offer; the
 * engine replays them on resume and refuses a save that no longer fits.
 */
export interface ModuleProgress {
  /** Index of the scenario being played. */
  readonly at: number;
  /** Per finished scenario, in order: its score in percent, or null if skipped. */
  readonly scores: readonly (number | null)[];
  /** Where the learner is in the current scenario. */
  readonly phase: Phase;
  /** The current scenario's choices, as positions in the list on offer. */
  readonly picks: readonly number[];
}

export const MODULE_PROGRESS_FORMAT = 1;
const PHASE_CODES: Record<Phase, string> = { note: 'n', scene: 's', feedback: 'f', debrief: 'd', skipped: 'k' };

export const FRESH_PROGRESS: ModuleProgress = { at: 0, scores: [], phase: 'note', picks: [] };

/** E.g. `1|2|87,n|d|0.2.1`: format, scenario, scores (n = skipped), phase, picks. */
export function encodeProgress(p: ModuleProgress): string {
  return [
    MODULE_PROGRESS_FORMAT,
    p.at,
    p.scores.map((s) => (s === null ? 'n' : s)).join(','),
    PHASE_CODES[p.phase],
    p.picks.join('.'),
  ].join('|');
}

/** The progress, or undefined for anything that is not a save of this format (then the module starts afresh). */
export function decodeProgress(text: string | undefined): ModuleProgress | undefined {
  const parts = text?.split('|');
  if (parts?.length !== 5 || parts[0] !== String(MODULE_PROGRESS_FORMAT)) return undefined;
  const [, at, scores, phase, picks] = parts;
  const int = (s: string) => (/^\d+$/.test(s) ? Number(s) : Number.NaN);
  const decoded: ModuleProgress = {
    at: int(at),
    scores: scores ? scores.split(',').map((s) => (s === 'n' ? null : int(s))) : [],
    phase: (Object.entries(PHASE_CODES).find(([, code]) => code === phase)?.[0] ?? '') as Phase,
    picks: picks ? picks.split('.').map(int) : [],
  };
  const numbers = [decoded.at, ...decoded.picks, ...decoded.scores.filter((s) => s !== null)];
  if (!decoded.phase || numbers.some((n) => Number.isNaN(n as number))) return undefined;
  return decoded;
}

/** A scenario's score as a percentage of the range its graph allows: 0 at the worst path, 100 at the best. */
export function scenarioPercent(total: number, best: number, worst: number): number {
  if (best === worst) return 100;
  return Math.round(Math.min(100, Math.max(0, ((total - worst) / (best - worst)) * 100)));
}

/** The module's result: the mean of the played scenarios' scores; skipped ones count for completion only. */
export function moduleResult(scores: readonly (number | null)[], count: number, pass: number) {
  const played = scores.filter((s): s is number => s !== null);
  const score = played.length ? Math.round(played.reduce((a, b) => a + b, 0) / played.length) : undefined;
  const completed = scores.length >= count;
  return { completed, score, passed: score === undefined ? undefined : score >= pass };
}
