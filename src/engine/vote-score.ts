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

/** The room's votes as a score, and how many decisions it rests on. */
export interface RoomVotes {
  /** Points per tactic, harm and total, to one decimal; all zero when no spread was shown. */
  readonly score: Score;
  /** Decisions whose spread was shown: the score is made of these alone. */
  readonly counted: number;
  /**
   * Decisions whose spread was withheld (too few voted): the room's votes there are unknown, and the
   * choice the story went on with (perhaps the facilitator's own pick) is never put down to the room.
   */
  readonly withheld: number;
}

/**
 * How the room's votes scored: at each decision whose spread was shown, every choice weighted by its
 * share of the votes, so the result reads as the score of the room's average member. A decision whose
 * spread was withheld adds nothing and is counted in `withheld`. Undefined if the decisions do not
 * replay in this scenario.
 */
export function roomVotesScore(machine: ScenarioMachine, decisions: readonly VotedDecision[]): RoomVotes | undefined {
  let run = startRun(machine);
  const weighted: ScoredChoice[] = [];
  let counted = 0;
  for (const { choice, counts } of decisions) {
    const offered = choicesFor(machine, run.snapshot);
    const stage = sceneStage(machine, run.snapshot);
    const total = offered.reduce((sum, c) => sum + (counts?.[c.event] ?? 0), 0);
    if (total > 0) {
      counted += 1;
      for (const c of offered) {
        const share = (counts?.[c.event] ?? 0) / total;
        if (share > 0) weighted.push({ meta: scaled(c.meta, share), stage });
      }
    }
    const next = choose(machine, run, choice);
    if (!next.ok) return undefined;
    run = next.run;
  }
  return { score: rounded(scoreChoices(weighted)), counted, withheld: decisions.length - counted };
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
