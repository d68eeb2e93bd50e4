import type { DecisionRecord } from '../protocol/messages.ts';
import type { Phase } from '../protocol/phases.ts';

/** A session as the room knows it: domain values only; the store maps it to and from its rows. */
export interface RoomState {
  /** Random, 128 bits: what the facilitator's console and resuming phones name. */
  readonly id: string;
  /** The join code: finds the room, grants nothing. */
  readonly code: string;
  readonly scenarioId: string;
  /** SHA-256 of the facilitator's secret; the secret itself is never kept. */
  readonly hostHash: string;
  /** Milliseconds since the epoch, like every time here. */
  readonly createdAt: number;
  /** When retention deletes the session and everything in it. */
  readonly expiresAt: number;
  /** Most seats taken at once. */
  readonly cap: number;
  /** Votes needed before a spread is shown. */
  readonly minReveal: number;
  /** Whether timed choices run a shared countdown (else "time runs out" is a choice like the others). */
  readonly timers: boolean;
  /** Whether new phones are kept out; those with a seat can still come back. */
  readonly locked: boolean;
  readonly phase: Phase;
  /** The choices the group has made, in order, by stable name (`pickName`): the story so far. */
  readonly choices: readonly string[];
  /** When the decision on the screen opened for votes. */
  readonly openedAt: number | null;
  /** When the shared countdown of a timed choice runs out. */
  readonly deadline: number | null;
  readonly revealedAt: number | null;
}

/** What changes as the session runs; the rest is fixed when it is created. */
export type RoomProgress = Pick<RoomState, 'locked' | 'phase' | 'choices' | 'openedAt' | 'deadline' | 'revealedAt'>;

/** One seat in the room: a phone, with no name, address or browser details. */
export interface Participant {
  readonly id: string;
  /** SHA-256 of the resume secret kept on the phone. */
  readonly resumeHash: string;
  /** 1, 2, 3… in the order seats were taken; never reused in the session. */
  readonly seat: number;
  readonly joinedAt: number;
  /** Taken out by the facilitator: the seat is free again and this phone cannot resume it. */
  readonly removed: boolean;
}

/** A participant's choice on one decision, at a time in ms since the epoch. */
export interface Vote {
  /** The decision's index, 0-based. */
  readonly decision: number;
  readonly participantId: string;
  readonly choice: string;
  readonly at: number;
}

/** A decision the group has made, with when it opened, was revealed and closed. */
export interface ClosedDecision extends DecisionRecord {
  /** Its index, 0-based. */
  readonly decision: number;
  readonly openedAt: number;
  readonly revealedAt: number;
  readonly closedAt: number;
}

export type PostStatus = 'pending' | 'shown' | 'hidden';

/** An anonymous #IWill post. */
export interface Post {
  readonly id: string;
  readonly text: string;
  readonly status: PostStatus;
  readonly createdAt: number;
}

/** Everything needed to bring a room back after a restart. */
export interface StoredRoom {
  readonly room: RoomState;
  readonly participants: readonly Participant[];
  /** Votes on the decision on the screen. */
  readonly votes: readonly { readonly participantId: string; readonly choice: string }[];
  readonly decisions: readonly ClosedDecision[];
  readonly posts: readonly Post[];
  /** Guesses at the room's pick on the decision on the screen (predict the room). */
  readonly guesses?: readonly { readonly participantId: string; readonly choice: string }[];
}
