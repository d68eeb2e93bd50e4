import { initialTransition, transition } from 'xstate';
import { findBarrier } from './barriers.ts';
import type { ScenarioMachine } from './build-machine.ts';
import { choicesFor } from './choices.ts';
import type { Run, RunStep } from './run-state.ts';
import type { Stage } from './scenario.types.ts';
import { choicePoints } from './score.ts';
import { STAGES } from './stages.ts';

/** One decision of a run, set against the choices its scene offered at that moment. */
export interface DecisionReview {
  readonly step: RunStep;
  /** The most net points (tactic points − harm) any choice on offer earned. */
  readonly best: number;
  /** Net points of the choice taken. */
  readonly got: number;
  /** `best − got`: the points left in the scene, 0 or more. */
  readonly lost: number;
  /** Some choice on offer earned tactic points: the scene gave a chance to act. */
  readonly opportunity: boolean;
  /** The choice taken earned tactic points. */
  readonly acted: boolean;
}

const tacticPoints = (meta: RunStep['meta']) => Object.values(meta.tactics ?? {}).reduce((a, b) => a + b, 0);

/**
 * Replays the run from the start and reviews each decision against what was on offer then (guards and
 * the story's variables included, as the learner saw it).
 */
export function reviewRun(machine: ScenarioMachine, run: Run): DecisionReview[] {
  let [snapshot] = initialTransition(machine);
  return run.steps.map((step) => {
    const offered = choicesFor(machine, snapshot);
    [snapshot] = transition(machine, snapshot, { type: step.event });
    const got = choicePoints(step.meta);
    const best = Math.max(got, ...offered.map((c) => choicePoints(c.meta)));
    return {
      step,
      best,
      got,
      lost: best - got,
      opportunity: offered.some((c) => tacticPoints(c.meta) > 0),
      acted: tacticPoints(step.meta) > 0,
    };
  });
}

/** For one bystander step: how many chances to act the run met in it, and how many it took. */
export interface StepOpportunities {
  readonly stage: Stage;
  readonly opportunities: number;
  readonly acted: number;
}

/**
 * The behaviour score per opportunity: for each bystander step (in the order they happen) whose scenes
 * gave at least one chance to act, how often the learner acted. Steps with no chance are left out, so
 * a learner is never marked down for a moment the story did not offer.
 */
export function opportunityScores(reviews: readonly DecisionReview[]): StepOpportunities[] {
  return STAGES.flatMap((stage) => {
    const chances = reviews.filter((r) => r.step.stage === stage && r.opportunity);
    return chances.length
      ? [{ stage, opportunities: chances.length, acted: chances.filter((r) => r.acted).length }]
      : [];
  });
}

/** Where a run lost most: the bystander step, the points left there, and the barrier behind it. */
export interface StuckPoint {
  readonly stage: Stage;
  /** Points left in that step's scenes, over the run. */
  readonly lost: number;
  /** The barrier named by the choice that lost most in that step, when it names one on the list. */
  readonly barrier: string | undefined;
  /** That choice. */
  readonly step: RunStep;
}

/**
 * The bystander step where the run left the most points (the earlier step on a tie), or undefined
 * when it lost none or its scenes name no step.
 */
export function stuckPoint(reviews: readonly DecisionReview[]): StuckPoint | undefined {
  let found: StuckPoint | undefined;
  for (const stage of STAGES) {
    const here = reviews.filter((r) => r.step.stage === stage && r.lost > 0);
    const lost = here.reduce((sum, r) => sum + r.lost, 0);
    if (!lost || (found && found.lost >= lost)) continue;
    const worst = here.reduce((a, b) => (b.lost > a.lost ? b : a));
    const barrier = worst.step.meta.barrier;
    found = { stage, lost, barrier: barrier && findBarrier(barrier) ? barrier : undefined, step: worst.step };
  }
  return found;
}
