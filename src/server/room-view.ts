import type { RoomView, Tally, WallPost } from '../protocol/messages.ts';
import type { SessionRow } from './session-store.ts';

/** What a room knows, as far as anyone is shown it: the view's own fields, and what the rest is made from. */
export interface RoomFacts extends Pick<RoomView, 'joined' | 'voted' | 'decision' | 'scene' | 'choices' | 'path'> {
  readonly session: SessionRow;
  readonly tally: Tally | undefined;
  readonly posts: ReadonlyMap<string, { readonly text: string; readonly status: string }>;
}

/**
 * The room as one audience sees it: counts, never who voted for what; the spread only once revealed;
 * #IWill posts once shown, and the ones waiting only for the facilitator.
 */
export function roomView(facts: RoomFacts, forFacilitator: boolean, now: number): RoomView {
  const { session } = facts;
  const posts = (status: string): WallPost[] =>
    [...facts.posts].filter(([, p]) => p.status === status).map(([id, p]) => ({ id, text: p.text }));
  return {
    sessionId: session.id,
    code: session.code,
    scenarioId: session.scenario_id,
    phase: session.phase as RoomView['phase'],
    locked: session.locked === 1,
    joined: facts.joined,
    voted: facts.voted,
    minReveal: session.min_reveal,
    decision: facts.decision,
    scene: facts.scene,
    choices: facts.choices,
    ...(session.deadline !== null && session.phase === 'voting'
      ? { remainingMs: Math.max(0, session.deadline - now) }
      : {}),
    ...(facts.tally ? { tally: facts.tally } : {}),
    path: facts.path,
    wall: posts('shown'),
    ...(forFacilitator ? { pending: posts('pending') } : {}),
  };
}
