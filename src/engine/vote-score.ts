import type { ScenarioMachine } from './build-machine.ts';
import { choicesFor, sceneStage } from './choices.ts';
import { choose, startRun } from './run-state.ts';
import type { ChoiceMeta } from './scenario.types.ts';
import { type Score, type ScoredChoice, scoreChoices } from './score.ts';

/** A decision a group made: the choice the story went on with and, when shown, how the room voted. */
export interface VotedDecision {
  readonly choice: string;
  readonly counts?: Readonly<Record<string, number>>;
}

/**
 * How the room's votes scored: at each decision, every choice weighted by its share of the votes, so
 * the result reads as the score of the room's average member. Where the spread was withheld (too few
 * voted), the choice taken stands in. Undefined if the decisions do not replay in this scenario.
 */
export function roomVotesScore(machine: ScenarioMachine, decisions: readonly VotedDecision[]): Score | undefined {
  let run = startRun(machine);
  const weighted: ScoredChoice[] = [];
  for (const { choice, counts } of decisions) {
    const offered = choicesFor(machine, run.snapshot);
    const stage = sceneStage(machine, run.snapshot);
    const total = offered.reduce((sum, c) => sum + (counts?.[c.event] ?? 0), 0);
    if (total > 0) {
      for (const c of offered) {
        const share = (counts?.[c.event] ?? 0) / total;
        if (share > 0) weighted.push({ meta: scaled(c.meta, share), stage });
      }
    } else {
      const taken = offered.find((c) => c.event === choice);
      if (taken) weighted.push({ meta: taken.meta, stage });
    }
    const next = choose(machine, run, choice);
    if (!next.ok) return undefined;
    run = next.run;
  }
  return rounded(scoreChoices(weighted));
}

function scaled(meta: ChoiceMeta, weight: number): ChoiceMeta {
  const tactics = Object.fromEntries(Object.entries(meta.tactics ?? {}).map(([id, points]) => [id, points * weight]));
  return { ...meta, tactics, harm: (meta.harm ?? 0) * weight };
}

/** One decimal: a room's average is read, not computed with. */
function rounded(score: Score): Score {
  const r = (n: number) => Math.round(n * 10) / 10;
  const map = <K extends string>(o: Readonly<Partial<Record<K, number>>>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, r(v as number)])) as Record<K, number>;
  return { total: r(score.total), harm: r(score.harm), tactics: map(score.tactics), stages: map(score.stages) };
}
