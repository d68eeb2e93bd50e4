import type { StoredRoom } from './session-store.ts';

/** One vote's timing, with nothing that says whose it was. */
export interface VoteTiming {
  readonly decision: number;
  readonly choice: string;
  readonly first_at: number;
  readonly changes: number;
}

/** A session's results: choices, vote counts per decision and timings; no personal data. */
export interface SessionResults {
  readonly scenario: string;
  readonly startedAt: string;
  readonly participants: number;
  readonly finished: boolean;
  readonly decisions: readonly {
    readonly decision: number;
    readonly scene: string;
    readonly choice: string;
    readonly chosenBy: string;
    /** Votes per choice, or null where too few voted for the spread to be shown. */
    readonly votes: Readonly<Record<string, number>> | null;
    readonly voters: number;
    readonly changedVotes: number;
    readonly openedAt: string;
    readonly secondsOpen: number;
    /** Median seconds from the decision opening to a first vote. */
    readonly medianSecondsToVote: number | null;
  }[];
}

export function sessionResults(
  stored: StoredRoom,
  participants: number,
  timings: readonly VoteTiming[],
): SessionResults {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    scenario: stored.room.scenarioId,
    startedAt: iso(stored.room.createdAt),
    participants,
    finished: stored.room.phase === 'debrief',
    decisions: stored.decisions.map((d) => {
      const { tally } = d;
      const votes = timings.filter((t) => t.decision === d.decision);
      return {
        decision: d.decision + 1,
        scene: d.scene.join('.'),
        choice: d.choice,
        chosenBy: d.chosenBy,
        votes: tally.shown ? tally.counts : null,
        voters: tally.shown ? votes.length : tally.total,
        changedVotes: tally.shown ? votes.reduce((sum, v) => sum + v.changes, 0) : 0,
        openedAt: iso(d.openedAt),
        secondsOpen: round((d.revealedAt - d.openedAt) / 1000),
        medianSecondsToVote:
          tally.shown && votes.length ? round(median(votes.map((v) => (v.first_at - d.openedAt) / 1000))) : null,
      };
    }),
  };
}

/** The same results as CSV: one row per choice of each decision. */
export function resultsCsv(results: SessionResults): string {
  const header = [
    'decision',
    'scene',
    'choice',
    'votes',
    'chosen',
    'chosen_by',
    'voters',
    'changed_votes',
    'opened_at',
    'seconds_open',
    'median_seconds_to_vote',
  ];
  const rows = results.decisions.flatMap((d) => {
    const choices = d.votes ? Object.keys(d.votes) : [d.choice];
    return choices.map((choice) => [
      d.decision,
      d.scene,
      choice,
      d.votes ? d.votes[choice] : '',
      choice === d.choice ? 'yes' : 'no',
      d.chosenBy,
      d.voters,
      d.changedVotes,
      d.openedAt,
      d.secondsOpen,
      d.medianSecondsToVote ?? '',
    ]);
  });
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Quotes a field when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}
