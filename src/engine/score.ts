import type { ChoiceMeta, Stage } from './scenario.types.ts';

/** A choice as scored: what it earned, and in which bystander stage. */
export interface ScoredChoice {
  readonly meta: ChoiceMeta;
  readonly stage: Stage | undefined;
}

/** A path's score: Σ tactic points − Σ harm, with its parts. */
export interface Score {
  /** Tactic points minus harm. */
  readonly total: number;
  /** Points per tactic id. */
  readonly tactics: Readonly<Record<string, number>>;
  /** Harm done, as a positive number. */
  readonly harm: number;
  /** Net points per bystander stage of the scenes the choices were made in. */
  readonly stages: Readonly<Partial<Record<Stage, number>>>;
}

/** The net points of one choice. */
export function choicePoints(meta: ChoiceMeta): number {
  return Object.values(meta.tactics ?? {}).reduce((sum, points) => sum + points, 0) - (meta.harm ?? 0);
}

export function scoreChoices(choices: readonly ScoredChoice[]): Score {
  const tactics: Record<string, number> = {};
  const stages: Partial<Record<Stage, number>> = {};
  let harm = 0;
  let total = 0;
  for (const { meta, stage } of choices) {
    for (const [tactic, points] of Object.entries(meta.tactics ?? {}))
      tactics[tactic] = (tactics[tactic] ?? 0) + points;
    harm += meta.harm ?? 0;
    const points = choicePoints(meta);
    total += points;
    if (stage) stages[stage] = (stages[stage] ?? 0) + points;
  }
  return { total, tactics, harm, stages };
}

/**
 * A total on the 0–100 scale a learner and an LMS both read: 0 at the worst path the scenario's graph
 * allows, 100 at the best, rounded to a whole number. A scenario whose paths all score alike scores 100.
 */
export function scorePercent(total: number, best: number, worst: number): number {
  if (best === worst) return 100;
  return Math.round(Math.min(100, Math.max(0, ((total - worst) / (best - worst)) * 100)));
}
