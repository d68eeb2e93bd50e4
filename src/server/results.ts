import { pickName } from '../engine/choice-names.ts';
import { choicesFor, currentScene } from '../engine/choices.ts';
import type { LoadedScenario } from '../engine/load-scenario.types.ts';
import { choose, runEnding, startRun } from '../engine/run-state.ts';
import type { EndingKind, LanguageTag } from '../engine/scenario.types.ts';
import { findTactic } from '../engine/tactics.ts';
import { contentLanguage, localize, scenarioText } from '../engine/text.ts';
import type { ChosenBy } from '../protocol/messages.ts';
import { votesFor } from '../protocol/tally.ts';
import type { StoredRoom } from './session-store.ts';
import { storedWithEvents } from './stored-choices.ts';

/** One vote's timing, with nothing that says whose it was. */
export interface VoteTiming {
  readonly decision: number;
  readonly choice: string;
  readonly first_at: number;
  readonly changes: number;
}

/** How the story went on from a decision: the room's majority, the facilitator's pick, or the clock. */
export type TakenBy = ChosenBy;

/** A choice of a decision, in words, with the room's votes on it. */
export interface ChoiceResult {
  /**
   * The choice's stable name, kept beside the label for tools (never the only name): its event
   * (`STEP_IN`), or `wait` for a timed choice, as the LMS keeps it (see `pickName`).
   */
  readonly event: string;
  /** What the phones showed (for a timed choice, what happens when time runs out). */
  readonly label: string;
  /** Whether this is what happens when time runs out. */
  readonly timed: boolean;
  /** Tactic name → points. */
  readonly tactics: Readonly<Record<string, number>>;
  readonly harm: number;
  /** Votes (for a timed choice, those whose time ran out), or null where the spread was withheld. */
  readonly votes: number | null;
  /** Share of the votes in whole percent, or null where the spread was withheld. */
  readonly share: number | null;
  /** Whether the story went on with it. */
  readonly chosen: boolean;
}

/** A session's results in the session's language: words, not ids; counts, never who. */
export interface SessionResults {
  readonly scenario: { readonly id: string; readonly title: string };
  /** The language of the labels, prompts and titles (BCP 47). */
  readonly language: LanguageTag;
  readonly startedAt: string;
  readonly participants: number;
  readonly finished: boolean;
  /** The ending reached, once the story has ended. */
  readonly ending: { readonly title: string; readonly kind: EndingKind } | null;
  readonly decisions: readonly {
    /** 1, 2, 3… in the order the group met them. */
    readonly decision: number;
    /** The scene's first narrative sentence, which tells decisions with the same prompt apart. */
    readonly description: string;
    readonly prompt: string;
    /** The label of the choice the story went on with. */
    readonly chosen: string;
    readonly takenBy: TakenBy;
    readonly spreadShown: boolean;
    /** People in the count: those who voted, and those whose time ran out. */
    readonly voters: number;
    readonly changedVotes: number;
    readonly openedAt: string;
    readonly secondsOpen: number;
    /** Median seconds from the decision opening to a first vote. */
    readonly medianSecondsToVote: number | null;
    readonly choices: readonly ChoiceResult[];
  }[];
  /** The #IWill posts the facilitator showed on the wall, when the export asks for them. */
  readonly posts?: readonly string[];
}

export interface ResultsOptions {
  /** The language wanted; the scenario's own when it does not declare this one. */
  readonly language?: LanguageTag;
  /** Whether to include the #IWill posts shown on the wall. */
  readonly posts?: boolean;
}

/**
 * The results of a stored session, replayed through the engine so each decision and choice has its
 * words. Throws if the stored path no longer replays in the scenario (it has changed since).
 */
export function sessionResults(
  stored: StoredRoom,
  loaded: LoadedScenario,
  participants: number,
  timings: readonly VoteTiming[],
  options: ResultsOptions = {},
): SessionResults {
  const { scenario, machine } = loaded;
  const language = contentLanguage(scenario, options.language ?? scenario.meta.language);
  const { text, paragraphs } = scenarioText(scenario, language);
  const iso = (ms: number) => new Date(ms).toISOString();
  const withEvents = storedWithEvents(stored, machine);
  if (!withEvents) throw new Error(`The session's path no longer replays in "${scenario.id}".`);
  let run = startRun(machine);
  const decisions = withEvents.decisions.map((d) => {
    const offered = choicesFor(machine, run.snapshot);
    const sceneMeta = currentScene(machine, run.snapshot).config.meta;
    const prompt = sceneMeta?.prompt;
    const next = choose(machine, run, d.choice);
    if (!next.ok) throw new Error(`Decision ${d.decision + 1} no longer replays in "${scenario.id}": ${next.error}`);
    run = next.run;
    const { tally } = d;
    const votes = timings.filter((t) => t.decision === d.decision);
    const timed = offered.find((c) => c.delay !== undefined && stored.room.timers)?.event;
    return {
      decision: d.decision + 1,
      description: firstSentence(paragraphs(sceneMeta?.narrative ?? [])[0] ?? '', language),
      prompt: prompt ? text(prompt) : '',
      chosen: text(offered.find((c) => c.event === d.choice)?.meta.label ?? d.choice),
      // Sessions recorded before the record said so: a majority for the timed choice was the time running out.
      takenBy: d.chosenBy === 'majority' && d.choice === timed ? 'time-ran-out' : d.chosenBy,
      spreadShown: tally.shown,
      voters: tally.total,
      changedVotes: tally.shown ? votes.reduce((sum, v) => sum + v.changes, 0) : 0,
      openedAt: iso(d.openedAt),
      secondsOpen: round((d.revealedAt - d.openedAt) / 1000),
      medianSecondsToVote:
        tally.shown && votes.length ? round(median(votes.map((v) => (v.first_at - d.openedAt) / 1000))) : null,
      choices: offered.map((c): ChoiceResult => {
        const counted = tally.shown ? votesFor(tally, c.event) : undefined;
        return {
          event: pickName(offered, c.event) ?? c.event,
          label: text(c.meta.label),
          timed: c.event === timed,
          tactics: Object.fromEntries(
            Object.entries(c.meta.tactics ?? {})
              .filter(([, points]) => points > 0)
              .map(([id, points]) => [tacticName(id, language), points]),
          ),
          harm: c.meta.harm ?? 0,
          votes: counted?.count ?? null,
          share: counted?.share ?? null,
          chosen: c.event === d.choice,
        };
      }),
    };
  });
  // The story ended at its debrief, or the facilitator ended the session on purpose after it (`closed`
  // on an ending); a session ended mid-story has reached no ending and is not finished.
  const phase = stored.room.phase;
  const ending = phase === 'debrief' || phase === 'closed' ? runEnding(machine, run) : undefined;
  return {
    scenario: { id: scenario.id, title: text(scenario.meta.title) },
    language,
    startedAt: iso(stored.room.createdAt),
    participants,
    finished: phase === 'debrief' || ending !== undefined,
    ending: ending ? { title: text(ending.title), kind: ending.kind } : null,
    decisions,
    ...(options.posts ? { posts: stored.posts.filter((p) => p.status === 'shown').map((p) => p.text) } : {}),
  };
}

/** A paragraph's first sentence, by the language's own sentence rules (Unicode UAX #29). */
function firstSentence(paragraph: string, language: LanguageTag): string {
  const [first] = new Intl.Segmenter(language, { granularity: 'sentence' }).segment(paragraph);
  return first ? first.segment.trim() : '';
}

function tacticName(id: string, language: LanguageTag): string {
  const tactic = findTactic(id);
  return tactic ? localize(tactic.name, language, 'en') : id;
}

/**
 * The same results as CSV (RFC 4180): one row per choice of each decision, each row naming the
 * scenario and the ending so it reads on its own; then, when included, the #IWill posts as a table of
 * their own after an empty line.
 */
export function resultsCsv(results: SessionResults): string {
  const header = [
    'scenario',
    'decision',
    'description',
    'prompt',
    'choice',
    'time_ran_out',
    'tactics',
    'harm',
    'votes',
    'share_percent',
    'chosen',
    'taken_by',
    'voters',
    'changed_votes',
    'opened_at',
    'seconds_open',
    'median_seconds_to_vote',
    'ending',
  ];
  const ending = results.ending?.title ?? '';
  const rows = results.decisions.flatMap((d) =>
    d.choices.map((c) => [
      results.scenario.title,
      d.decision,
      d.description,
      d.prompt,
      c.label,
      c.timed ? 'yes' : 'no',
      Object.entries(c.tactics)
        .map(([name, points]) => `${name} ${points}`)
        .join('; '),
      c.harm,
      c.votes ?? '',
      c.share ?? '',
      c.chosen ? 'yes' : 'no',
      d.takenBy,
      d.voters,
      d.changedVotes,
      d.openedAt,
      d.secondsOpen,
      d.medianSecondsToVote ?? '',
      ending,
    ]),
  );
  const table = (lines: (string | number)[][]) => lines.map((row) => row.map(csvField).join(',')).join('\r\n');
  const posts = results.posts ? `\r\n\r\n${table([['iwill_post'], ...results.posts.map((p) => [p])])}` : '';
  return `${table([header, ...rows])}${posts}\r\n`;
}

/** Quotes a field when needed; a leading =, +, -, @, tab or CR is defused so a spreadsheet never runs it as a formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
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
