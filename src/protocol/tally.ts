import type { ChoiceOnScreen, ChosenBy, Tally } from './messages.ts';

/** The choice with the most votes, or undefined when the spread is withheld or the top is a tie. */
export function majorityOf(tally: Tally | undefined): string | undefined {
  if (!tally?.shown) return undefined;
  const ranked = Object.entries(tally.counts).sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] === 0 || ranked[1]?.[1] === ranked[0][1]) return undefined;
  return ranked[0][0];
}

/**
 * Counts the votes on the choices on offer. On a timed choice, the `silent` — participants connected
 * when time ran out who had not voted — are counted for it: doing nothing is what the clock records.
 * Nobody who was not there counts. The spread is shown only when at least `minReveal` people are in it
 * (those who voted, and on a timed choice those whose time ran out), so no single vote can be singled
 * out and a small team whose one member let the time run out still sees its spread.
 */
export function countVotes(
  choices: readonly ChoiceOnScreen[],
  votes: Iterable<string>,
  silent: number,
  minReveal: number,
): Tally {
  const counts: Record<string, number> = Object.fromEntries(choices.map((c) => [c.event, 0]));
  let voted = 0;
  for (const choice of votes) {
    if (choice in counts) {
      counts[choice] += 1;
      voted += 1;
    }
  }
  const timed = choices.find((c) => c.timed);
  const ranOut = timed ? Math.max(0, silent) : 0;
  if (timed) counts[timed.event] += ranOut;
  const total = voted + ranOut;
  if (total < minReveal) return { shown: false, total, needed: minReveal };
  return { shown: true, counts, total };
}

/** A choice's votes in a shown tally, and their share of all votes in whole percent. */
export function votesFor(tally: Extract<Tally, { shown: true }>, event: string): { count: number; share: number } {
  const count = tally.counts[event] ?? 0;
  return { count, share: tally.total ? Math.round((count / tally.total) * 100) : 0 };
}

/**
 * How the `choice` the story goes on with was taken, from the `tally` at the reveal and the `named`
 * branch the facilitator asked for (undefined: follow the majority): by the facilitator when the named
 * branch is not the majority; otherwise, when it is the scene's timed choice, because the time ran out
 * (nobody can vote for it: its votes are the people who did not vote in time); otherwise by the majority.
 */
export function chosenByOf(
  tally: Tally,
  choice: string,
  named: string | undefined,
  choices: readonly ChoiceOnScreen[],
): ChosenBy {
  if (named && named !== majorityOf(tally)) return 'facilitator';
  return choices.some((c) => c.event === choice && c.timed) ? 'time-ran-out' : 'majority';
}
