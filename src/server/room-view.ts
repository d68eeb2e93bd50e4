import type { RoomView, Tally, WallPost } from '../protocol/messages.ts';
import { phaseAllows } from '../protocol/phases.ts';
import type { Post, RoomState } from './room-state.types.ts';

/** What a room knows, as far as anyone is shown it: the view's own fields, and what the rest is made from. */
export interface RoomFacts
  extends Pick<
    RoomView,
    'joined' | 'connected' | 'voted' | 'decision' | 'scene' | 'choices' | 'path' | 'scenePart' | 'stageParts'
  > {
  readonly state: RoomState;
  readonly tally: Tally | undefined;
  /** Guesses at the room's pick, counted at the reveal. */
  readonly guesses?: Tally;
  /** Phones signalling "I need a moment" now. */
  readonly moments?: number;
  readonly posts: ReadonlyMap<string, Post>;
  /** The timed choice's own time to decide, in milliseconds, when a countdown runs. */
  readonly timerMs?: number;
}

/**
 * The room as one audience sees it: counts, never who voted for what; the spread only once revealed;
 * #IWill posts once shown, and the ones waiting only for the facilitator; how many need a moment, only
 * to the facilitator and never who.
 */
export function roomView(facts: RoomFacts, forFacilitator: boolean, now: number): RoomView {
  const { state } = facts;
  const posts = (status: Post['status']): WallPost[] =>
    [...facts.posts.values()].filter((p) => p.status === status).map(({ id, text }) => ({ id, text }));
  return {
    sessionId: state.id,
    code: state.code,
    scenarioId: state.scenarioId,
    phase: state.phase,
    locked: state.locked,
    joined: facts.joined,
    connected: facts.connected,
    voted: facts.voted,
    minReveal: state.minReveal,
    decision: facts.decision,
    scene: facts.scene,
    choices: facts.choices,
    ...(state.deadline !== null && state.phase === 'voting'
      ? countdown(state.deadline, state.openedAt, facts.timerMs, now)
      : {}),
    ...(phaseAllows(state.phase, 'scenePart') ? { scenePart: facts.scenePart ?? 0 } : {}),
    ...(facts.tally ? { tally: facts.tally } : {}),
    ...(facts.guesses ? { guesses: facts.guesses } : {}),
    path: facts.path,
    wall: posts('shown'),
    ...(forFacilitator ? { pending: posts('pending'), moments: facts.moments ?? 0 } : {}),
    ...(forFacilitator && facts.stageParts !== undefined && phaseAllows(state.phase, 'scenePart')
      ? { stageParts: facts.stageParts }
      : {}),
  };
}

/**
 * The shared countdown as every view shows it: the time left until the deadline, and the full lengths
 * of the reading time and of the time to decide that make it up (the deadline is the opening plus both).
 */
function countdown(
  deadline: number,
  openedAt: number | null,
  timerMs: number | undefined,
  now: number,
): Pick<RoomView, 'remainingMs' | 'readingMs' | 'timerMs'> {
  const total = deadline - (openedAt ?? deadline);
  const timer = timerMs !== undefined && timerMs <= total ? timerMs : total;
  return { remainingMs: Math.max(0, deadline - now), readingMs: total - timer, timerMs: timer };
}
