import list from './barriers.json' with { type: 'json' };
import type { LoadedScenario } from './load-scenario.types.ts';
import type { ChoiceMeta, Stage, Text } from './scenario.types.ts';
import { pointer } from './scenario-issue.ts';
import { stateChoices, walkStates } from './scenario-walk.ts';

/**
 * A reason a bystander does not act, or acts in a way that makes things worse (Latané & Darley's
 * bystander steps; Burn's barriers to intervention). A choice that does harm or lets the moment pass
 * names one in `meta.barrier`, so the debrief can say where a learner got stuck and why.
 */
export interface Barrier {
  /** camelCase id that scenarios use in a choice's `meta.barrier`. */
  readonly id: string;
  /** Its name, as learners read it. */
  readonly name: Text;
  /** What it feels like from the inside, in one sentence. */
  readonly description: Text;
  /** The bystander step at which it stops people. */
  readonly step: Stage;
}

/** Every barrier, from the one data file trainers edit (`src/engine/barriers.json`). */
export const BARRIERS: readonly Barrier[] = list.barriers as Barrier[];

const byId = new Map(BARRIERS.map((b) => [b.id, b]));

/** The barrier with this id, or undefined for an id not on the list. */
export function findBarrier(id: string): Barrier | undefined {
  return byId.get(id);
}

/** A choice that must name its barrier and does not: where (JSON Pointer to its meta) and why it needs one. */
export interface UntaggedChoice {
  readonly path: string;
  readonly message: string;
}

/**
 * Why a choice must name a barrier, in an author's words, or undefined if it need not: it does harm,
 * it is taken when time runs out, or it lets the moment pass (`passing`: the analysis's
 * `passingChoices`). A choice that scores may name one too, but need not.
 */
export function barrierNeed(meta: ChoiceMeta, passing: ReadonlySet<ChoiceMeta>): string | undefined {
  if ((meta.harm ?? 0) > 0) return `does harm (${meta.harm})`;
  if (meta.timeout) return 'is what happens when time runs out';
  if (passing.has(meta)) {
    return 'lets the moment pass: it earns no tactic point and does no harm, yet a learner who takes it can no longer reach the best score the scene allowed';
  }
  return undefined;
}

/** Every choice of a checked scenario that must name its barrier (see barrierNeed) and names none, in file order. */
export function untaggedChoices({
  scenario,
  analysis,
}: Pick<LoadedScenario, 'scenario' | 'analysis'>): UntaggedChoice[] {
  const passing = new Set(analysis.passingChoices);
  const ids = BARRIERS.map((b) => b.id).join(', ');
  const found: UntaggedChoice[] = [];
  for (const { state, at } of walkStates(scenario)) {
    for (const { choice, at: choiceAt } of stateChoices(state, at)) {
      const need = choice.meta.barrier === undefined ? barrierNeed(choice.meta, passing) : undefined;
      if (!need) continue;
      found.push({
        path: pointer(...choiceAt, 'meta'),
        message: `This choice ${need}, so it names the barrier behind it. Add "barrier" to its meta: the reason a real bystander would respond this way, one of ${ids} (src/engine/barriers.json).`,
      });
    }
  }
  return found;
}
